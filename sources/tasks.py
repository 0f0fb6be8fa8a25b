"""Thin Celery entry points for sources: ids in, call a service."""

from __future__ import annotations

import logging
import time

from celery import Task, shared_task

from sources.failures import RETRIED_BY_TASK
from sources.refresh import source_fetch
from sources.services import sources_enqueue_due

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    name="sources.fetch",
    acks_late=True,
    # The outcome is recorded on the source row and in the worker's log; nobody reads it from
    # a result backend, so a deployment that configures one does not write a result per fetch.
    ignore_result=True,
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
