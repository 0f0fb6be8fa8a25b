"""A real Celery soft time limit, in a real prefork worker, while a page is being read: the
source is recorded as failed for now and retried later, never blocked."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.conf import settings
from django.utils import timezone

from sources.models import Source
from sources.tasks import fetch_source
from sources.text import NoText
from tests.sources.httpservers import page
from tests.waiting import wait_for

pytestmark = [pytest.mark.broker, pytest.mark.postgres]

ARTICLE = (
    b"<html><head><title>Harbour figures</title></head><body><article><p>The port authority "
    b"said that 1,400 vessels called at the harbour in 2023.</p></article></body></html>"
)


def stuck_extractor(body: bytes, **kwargs: object) -> None:
    """Reads until the worker's soft time limit interrupts it."""
    time.sleep(30)


def swallowing_extractor(body: bytes, **kwargs: object) -> None:
    """As trafilatura does: its own `except Exception` turns the time limit into "no text"."""
    try:
        time.sleep(30)
    except Exception:
        raise NoText("The HTML contains no article text.") from None


def _database_url() -> str:
    db = settings.DATABASES["default"]
    auth = quote(db.get("USER") or "")
    if db.get("PASSWORD"):
        auth += f":{quote(db['PASSWORD'])}"
    auth = f"{auth}@" if auth else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


def _prefork_worker(workers, env: dict[str, str]) -> subprocess.Popen:
    """One prefork worker on the test's queue: the solo pool (`workers.start`) enforces no
    time limits, and they are what this test is about. `workers` stops it and prints its log."""
    log_path = workers.tmp_path / f"prefork-{len(workers.processes)}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "config", "worker"),
                *("--pool=prefork", "--concurrency=1", "--without-gossip", "--without-mingle"),
                *("--loglevel=INFO", "-Q", workers.queue, "-n", f"{workers.queue}-prefork@%h"),
            ],
            env={
                **os.environ,
                "DATABASE_URL": _database_url(),
                "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
                "DJANGO_SETTINGS_MODULE": "config.settings",
                **env,
            },
            cwd=settings.BASE_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    process.log_path = log_path
    workers.processes.append(process)
    return process


@pytest.mark.parametrize("extractor", ["stuck_extractor", "swallowing_extractor"])
def test_a_soft_time_limit_in_a_real_worker_retries_the_source_later(workers, web, extractor):
    server = web({"/harbour": page(ARTICLE)})
    source = Source.objects.create(
        kind=Source.Kind.EVIDENCE,
        url=server.url("/harbour"),
        refresh_tier=Source.Tier.EVIDENCE,
        next_check_at=timezone.now(),
    )
    _prefork_worker(
        workers,
        {
            "SOURCES_ALLOW_PRIVATE_NETWORKS": "true",
            "SOURCES_ALLOWED_PORTS": f"80,443,{server.port}",
            "SOURCES_PER_HOST_INTERVAL": "0",
            "SOURCES_TEXT_EXTRACTOR": f"tests.sources.test_failures_worker.{extractor}",
        },
    )

    # The limits travel with the message (the sender's CELERY_TASK_*_TIME_LIMIT otherwise).
    fetch_source.apply_async((source.pk,), soft_time_limit=2, time_limit=30)

    def recorded() -> bool:
        source.refresh_from_db()
        return source.consecutive_failures > 0

    assert wait_for(recorded, 60), "the worker never recorded the fetch"
    assert source.status == Source.Status.PENDING, source.last_error
    assert source.last_error.startswith("time_limit:")
    # Due again after the failure backoff (600 s with jitter), not at the end of the lease.
    assert source.next_check_at > timezone.now() + timedelta(minutes=5)
