"""The Celery app, wired the standard Django way: settings under the CELERY_ namespace."""

import os

from celery import Celery, Task
from celery.signals import task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("claimtracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def registered_task(name: str) -> Task:
    """A task by its stable name (`name=` on the decorator), for services to send.

    Services send tasks, and tasks are thin entry points that import the services: naming the
    task here instead of importing its module keeps that one-way (no import cycle). The task
    object, unlike `app.send_task(name)`, honours CELERY_TASK_ALWAYS_EAGER (no broker: tasks
    run in process). A web process registers tasks as their modules are imported; one that has
    not imported this task yet runs the same autodiscovery a worker runs at start.
    """
    if name not in app.tasks:
        app.loader.import_default_modules()
    return app.tasks[name]


@task_prerun.connect(dispatch_uid="config.celery.close_old_connections")
def _close_old_connections(sender=None, **kwargs) -> None:
    """Check a worker's database connection before each task, as Django does before a request.

    Workers keep their connection across tasks (settings.CELERY_DB_REUSE_MAX), so without this a
    connection the server dropped would fail every task until the next recycle; this closes it
    when it broke or outlived DATABASE_CONN_MAX_AGE, and the task opens a fresh one.
    """
    if getattr(getattr(sender, "request", None), "is_eager", False):
        return  # runs inside the caller's request or transaction: its connection is not ours
    from django.db import close_old_connections

    close_old_connections()
