"""Thin Celery entry points for sources: ids in, call a service."""

from __future__ import annotations

import logging
import time

from celery import Task, shared_task
from kombu.exceptions import ChannelError

from sources.failures import RETRIED_BY_TASK
from sources.refresh import source_fetch
from sources.services import sources_enqueue_due

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    name="sources.fetch",
    acks_late=True,
    autoretry_for=RETRIED_BY_TASK,
    max_retries=3,
    retry_backoff=True,
    retry_jitter=True,
)
def fetch_source(self: Task, source_id: int) -> str:
    """Fetch one source. HTTP failures and worker limits are recorded and rescheduled in the
    database (with backoff), not retried through the broker; only a database, broker or cache
    hiccup, which cannot be recorded, is retried here (sources.failures)."""
    return source_fetch(source_id=source_id, soft_time_limit_at=_soft_time_limit_at(self)).outcome


def _soft_time_limit_at(task: Task) -> float | None:
    """When (time.monotonic()) this run's soft time limit fires, as the worker computes it:
    the limit sent with the message, else the task's (CELERY_TASK_SOFT_TIME_LIMIT)."""
    limits = task.request.timelimit or (None, None)
    seconds = limits[1] or task.soft_time_limit
    return time.monotonic() + float(seconds) if seconds else None


@shared_task(name="sources.enqueue_due", acks_late=True)
def enqueue_due_sources() -> int:
    """Beat, every minute: lease the sources that are due and queue their fetches."""
    count = sources_enqueue_due()
    if count:
        logger.info("queued %d due source fetches", count)
    return count


def fetch_queue_length() -> int:
    """Messages waiting in the broker queue sources.fetch is sent to (0 when tasks run
    in-process); the sweep stops queueing fetches while it is long."""
    app = fetch_source.app
    if app.conf.task_always_eager:
        return 0
    queue = app.amqp.router.route({}, fetch_source.name)["queue"].name
    with app.connection_for_read() as connection:
        try:
            with connection.channel() as channel:
                return channel.queue_declare(queue=queue, passive=True).message_count
        except (ChannelError, *connection.channel_errors):
            return 0  # the queue does not exist yet (Redis deletes an empty list)
