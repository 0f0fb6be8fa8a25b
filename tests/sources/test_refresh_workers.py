"""Scheduled refresh through real worker processes: nothing is lost when a worker is killed
mid-fetch or the broker restarts with fetches queued, and nothing is stored twice."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import threading
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from sources.models import Snapshot, Source
from sources.services import sources_enqueue_due, sources_lease_due
from sources.tasks import fetch_source
from tests.sources.httpservers import RoutingHandler, page
from tests.waiting import wait_for

pytestmark = [pytest.mark.broker, pytest.mark.postgres]

LEASE_SECONDS = 4


def _page(number: int) -> bytes:
    return (
        f"<html><head><title>Report {number}</title></head><body><article><p>The statistics "
        f"office said {number * 100} tonnes of cod were landed in port {number} in 2022, "
        f"{number} percent more than in 2021.</p></article></body></html>"
    ).encode()


def slow_once(body: bytes, seconds: float, seen: threading.Event):
    """The first request hangs for `seconds` (the worker is killed meanwhile); later ones answer."""
    state = {"first": True}

    def route(handler: RoutingHandler) -> None:
        if state["first"]:
            state["first"] = False
            seen.set()
            time.sleep(seconds)
        page(body)(handler)

    return route


@pytest.fixture
def worker_env(web, settings):
    def env_for(server) -> dict[str, str]:
        return {
            "SOURCES_ALLOW_PRIVATE_NETWORKS": "true",
            "SOURCES_ALLOWED_PORTS": f"80,443,{server.port}",
            "SOURCES_PER_HOST_INTERVAL": "0",
            "SOURCES_LEASE_SECONDS": str(LEASE_SECONDS),
        }

    settings.SOURCES_LEASE_SECONDS = LEASE_SECONDS
    return env_for


def _due_sources(server, count: int) -> list[Source]:
    now = timezone.now()
    return [
        Source.objects.create(
            kind=Source.Kind.EVIDENCE,
            url=server.url(f"/report/{n}"),
            refresh_tier=Source.Tier.EVIDENCE,
            next_check_at=now - timedelta(seconds=1),
        )
        for n in range(count)
    ]


def _all_refreshed_once(sources: list[Source]) -> bool:
    return all(Snapshot.objects.filter(source=s).count() >= 1 for s in sources)


def test_a_worker_killed_mid_fetch_loses_nothing(workers, web, worker_env):
    hung = threading.Event()
    routes = {f"/report/{n}": page(_page(n)) for n in range(1, 6)}
    routes["/report/0"] = slow_once(_page(0), 8, hung)
    server = web(routes)
    sources = _due_sources(server, 6)
    first = workers.start(env=worker_env(server))

    assert sources_enqueue_due() == 6
    assert hung.wait(60), "the worker never started the slow fetch"
    first.send_signal(signal.SIGKILL)
    first.wait(10)

    workers.start(env=worker_env(server))
    # The killed fetch's lease runs out; the next sweep hands it out again.
    time.sleep(LEASE_SECONDS + 0.5)
    sources_enqueue_due()
    assert wait_for(lambda: _all_refreshed_once(sources)), "a due source was never refreshed"
    time.sleep(1)  # any duplicate delivery would have landed by now
    for source in sources:
        assert Snapshot.objects.filter(source=source).count() == 1, source.url
        source.refresh_from_db()
        assert source.status == Source.Status.OK
        assert source.next_check_at > timezone.now() + timedelta(days=6)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OwnRedis:
    """A redis-server of the test's own (no disk, like the machine's), restartable."""

    def __init__(self, tmp_path) -> None:
        self.port = _free_port()
        self.dir = tmp_path
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert wait_for(self._answers, 10), "redis-server did not start"

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), 0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs the redis-server binary")
def test_a_broker_restart_with_fetches_queued_loses_nothing(workers, web, worker_env, tmp_path):
    from config.celery import app

    redis = OwnRedis(tmp_path)
    redis.start()
    try:
        server = web({f"/report/{n}": page(_page(n)) for n in range(8)})
        sources = _due_sources(server, 8)

        def enqueue_due() -> int:
            ids = sources_lease_due(limit=100)
            with app.connection_for_write(redis.url) as connection:
                for source_id in ids:
                    fetch_source.apply_async((source_id,), connection=connection)
            return len(ids)

        assert enqueue_due() == 8
        redis.stop()  # the queued fetches die with it: it keeps nothing on disk
        redis.start()
        workers.start(env=worker_env(server), broker_url=redis.url)
        assert enqueue_due() == 0, "still leased: the sweep does not hand them out twice"

        time.sleep(LEASE_SECONDS + 0.5)
        assert enqueue_due() == 8, "the lost fetches are due again once their lease ends"
        assert wait_for(lambda: _all_refreshed_once(sources)), "a due source was never refreshed"
        time.sleep(1)
        assert all(Snapshot.objects.filter(source=s).count() == 1 for s in sources)
    finally:
        redis.stop()


def test_a_sweep_queues_no_more_than_the_queue_may_hold(workers, settings):
    # No worker is started: what the sweep queues stays in the broker.
    from sources.services import fetch_queue_length

    settings.SOURCES_SWEEP_BATCH = 2
    settings.SOURCES_SWEEP_MAX_QUEUED = 5
    now = timezone.now()
    for n in range(8):
        Source.objects.create(
            kind=Source.Kind.EVIDENCE,
            url=f"https://example.org/report/{n}",
            refresh_tier=Source.Tier.EVIDENCE,
            next_check_at=now - timedelta(seconds=1),
        )

    assert sources_enqueue_due() == 5, "batches of 2, 2 and 1, then the queue is full"
    assert fetch_queue_length() == 5
    assert Source.objects.due().count() == 3, "the rest stays due for a later sweep"
    assert sources_enqueue_due() == 0, "still full: nothing more is leased"
    assert Source.objects.due().count() == 3
