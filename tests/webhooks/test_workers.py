"""Deliveries across processes, on PostgreSQL: a worker killed mid-delivery loses nothing (its
lease ends and the row is sent again), two workers never claim one row, and with a broker the
publish's commit sends a task that a real worker delivers at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from claims.models import WebhookDelivery
from claims.services import webhook_delivery, webhooks
from tests.conftest import _database_url_for_subprocess
from tests.factories import ready_claim

pytestmark = pytest.mark.postgres

Status = WebhookDelivery.Status


@pytest.fixture
def quiet_outbox(monkeypatch):
    """Rows are written but no after-commit attempt is made: what is due waits for a worker."""
    monkeypatch.setattr(webhooks, "_deliver_after_commit", lambda ids: None)


def _deliver_in_subprocess(receiver_port: int, lease_seconds: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url_for_subprocess(),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "true",
        "CELERY_BROKER_URL": "",
        "SOURCES_ALLOW_PRIVATE_NETWORKS": "true",
        "SOURCES_ALLOWED_PORTS": f"80,443,{receiver_port}",
        "WEBHOOKS_LEASE_SECONDS": str(lease_seconds),
        "WEBHOOKS_TIMEOUT_SECONDS": "60",
        "SOURCES_TOTAL_TIMEOUT": "60",
        "SOURCES_READ_TIMEOUT": "60",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "deliver_webhooks"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def test_a_worker_killed_mid_delivery_loses_nothing(
    transactional_db, receivers, subscribe, publish, quiet_outbox
):
    receiver = receivers()
    subscribe(receiver)
    publish()  # committed: the outbox row is in the database
    receiver.stall.clear()  # the receiver holds the request: the worker is mid-delivery

    worker = _deliver_in_subprocess(receiver.port, lease_seconds=5)
    try:
        receiver.wait_for(1, timeout=60)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    leased = WebhookDelivery.objects.get()
    assert leased.status == Status.PENDING and leased.attempts == 1
    assert leased.locked_until > timezone.now()
    receiver.stall.set()

    # While its lease lasts, nobody else sends it (the dead worker might still have been alive).
    assert webhook_delivery.webhooks_deliver().attempted == 0
    time.sleep(max(0.0, (leased.locked_until - timezone.now()).total_seconds()) + 0.2)

    second = _deliver_in_subprocess(receiver.port, lease_seconds=5)
    output = second.communicate(timeout=60)[0].decode()
    assert second.returncode == 0, output
    assert "1 delivered" in output
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.DELIVERED and delivery.attempts == 2
    first, again = receiver.wait_for(2)
    assert again.verified and first.headers["webhook-id"] == again.headers["webhook-id"]


def test_two_workers_never_claim_the_same_row(
    transactional_db, receivers, subscribe, publish, quiet_outbox
):
    receiver = receivers()
    subscribe(receiver)
    publish()
    delivery = WebhookDelivery.objects.get()
    locked = threading.Event()
    done = threading.Event()

    def other_worker() -> None:
        try:
            with transaction.atomic():
                list(WebhookDelivery.objects.select_for_update().filter(pk=delivery.pk))
                locked.set()
                done.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert locked.wait(10)
        started = time.monotonic()
        # The row another worker is claiming is skipped at once, not waited for.
        assert webhook_delivery.webhooks_deliver().attempted == 0
        assert time.monotonic() - started < 2
    finally:
        done.set()
        thread.join()
    assert webhook_delivery.webhooks_deliver().delivered == 1
    assert len(receiver.wait_for(1)) == 1


@pytest.mark.broker
def test_with_a_broker_the_commit_sends_a_task_a_worker_delivers(
    workers, receivers, subscribe, second_editor
):
    from claims import services

    receiver = receivers()
    workers.start(
        env={
            "SOURCES_ALLOW_PRIVATE_NETWORKS": "true",
            "SOURCES_ALLOWED_PORTS": f"80,443,{receiver.port}",
        }
    )
    subscribe(receiver)
    claim = ready_claim("in_review")
    services.claim_transition(claim=claim, action="publish", actor=second_editor)
    (request,) = receiver.wait_for(1, timeout=60)
    assert request.verified and request.payload["type"] == "verdict.published"
    deadline = time.monotonic() + 20
    while WebhookDelivery.objects.get().status != Status.DELIVERED:
        assert time.monotonic() < deadline, "the worker never recorded the delivery"
        time.sleep(0.2)
