"""The Celery app, wired the standard Django way: settings under the CELERY_ namespace."""

import os

from celery import Celery
from celery.signals import task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("claimtracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


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
