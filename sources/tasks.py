"""Thin Celery entry points for sources: ids in, call a service."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import OperationalError
from kombu.exceptions import ChannelError

from sources.services import source_fetch, sources_enqueue_due

logger = logging.getLogger(__name__)


@shared_task(
    name="sources.fetch",
    acks_late=True,
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
    retry_jitter=True,
)
def fetch_source(source_id: int) -> str:
    """Fetch one source. HTTP failures are recorded and rescheduled in the database (with
    backoff), not retried through the broker; only a database hiccup is retried here."""
    return source_fetch(source_id=source_id).outcome


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
