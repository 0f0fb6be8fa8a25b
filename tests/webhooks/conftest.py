"""Fixtures for the webhook tests: loopback receivers the deliveries may reach, endpoints, and
a published claim."""

from __future__ import annotations

import pytest

from claims import services
from claims.services import webhooks
from tests.factories import ready_claim
from tests.webhooks.receiver import Receiver


@pytest.fixture
def receivers(settings):
    """`receivers(secrets=[...], answers=[...])` starts a receiver that deliveries may reach
    (private networks and its port allowed for this test only)."""
    started: list[Receiver] = []
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
    settings.WEBHOOKS_TIMEOUT_SECONDS = 5

    def start(**kwargs) -> Receiver:
        receiver = Receiver(**kwargs).start()
        settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, receiver.port]
        started.append(receiver)
        return receiver

    yield start
    for receiver in started:
        receiver.stop()


@pytest.fixture
def subscribe(editor):
    """`subscribe(receiver, events=[...])`: an endpoint for the receiver, whose secret the
    receiver then verifies with."""

    def make(receiver: Receiver, events=("verdict.published", "verdict.corrected")):
        endpoint, secret = webhooks.webhook_endpoint_create(
            actor=editor, url=receiver.url(), events=list(events)
        )
        receiver.secrets.append(secret)
        return endpoint

    return make


@pytest.fixture
def publish(second_editor):
    """`publish()`: a claim in review published by an editor, as the API and desk do."""

    def run(claim=None):
        claim = claim or ready_claim("in_review")
        return services.claim_transition(claim=claim, action="publish", actor=second_editor)

    return run
