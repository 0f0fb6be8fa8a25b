"""Which failures of a refresh are about the page, and which only about us.

Only a definite answer about the page changes a source's status for good: a refused address,
port or content type, robots.txt, 404/410 several checks in a row, a page that has no article
text. Everything else says nothing about the page and must never block it:

- WORKER_LIMITS: the worker ran out of time or memory while it fetched or read the page. The
  source keeps its status and is tried again with backoff (services record it).
- RETRIED_BY_TASK: the database, the broker or the cache failed. Nothing can be recorded
  reliably, so they propagate and the fetch task retries (sources.tasks); if its retries run
  out, the sweep's lease makes the source due again.

Celery's time-limit exceptions are plain `Exception` subclasses, which is why they are named
here: any `except Exception` on the way (trafilatura has several) turns them into "no text".
"""

from __future__ import annotations

import redis.exceptions
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

WORKER_LIMITS: tuple[type[BaseException], ...] = (
    SoftTimeLimitExceeded,
    TimeLimitExceeded,
    MemoryError,
)

RETRIED_BY_TASK: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    BrokerError,
    # The cache (per-host slots, robots.txt answers) is Redis in production.
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)

# When the extractor says "no text" this close to (or past) the worker's soft time limit, the
# limit may have fired inside it and been swallowed: the answer is not trusted. The margin
# covers the moment between the worker starting its timer and the task body starting.
SOFT_LIMIT_MARGIN_SECONDS = 1.0


def limit_code(exc: BaseException) -> str:
    """The `code` recorded in Source.last_error for a worker limit."""
    return "out_of_memory" if isinstance(exc, MemoryError) else "time_limit"
