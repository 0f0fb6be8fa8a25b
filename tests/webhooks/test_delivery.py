"""Signed deliveries to a real receiver on loopback, verified with `standardwebhooks`: retries
on 5xx and 429 (honouring Retry-After), 410 disables, other 4xx fail, rotation overlap, the
fetcher's address rules, and the endpoint disabled when it keeps failing."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import ClaimStatus, WebhookDelivery, WebhookEndpoint, WebhookEndpointEvent
from claims.services import webhook_delivery, webhooks
from tests.factories import ready_claim

pytestmark = pytest.mark.django_db

Status = WebhookDelivery.Status


def make_due(delivery: WebhookDelivery) -> None:
    """The retry's time has come (the schedule is in the database: move it, do not sleep)."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


def test_publish_delivers_a_signed_payload_with_the_feed_shape(
    receivers, subscribe, publish, django_capture_on_commit_callbacks, api
):
    receiver = receivers()
    subscribe(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        claim = publish()

    (request,) = receiver.wait_for(1)
    assert request.verified  # standardwebhooks accepted webhook-id/-timestamp/-signature
    assert request.headers["Content-Type"] == "application/json"
    payload = request.payload
    assert payload["type"] == "verdict.published"
    assert payload["timestamp"].endswith("Z")
    feed = api.get("/api/v1/verdicts/").json()["results"]
    assert payload["data"] == next(item for item in feed if item["claim"]["id"] == claim.pk)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.DELIVERED and delivery.attempts == 1
    assert delivery.response_status == 200 and delivery.latency_ms is not None
    assert request.headers["webhook-id"] == delivery.message.message_id


def test_a_500_is_retried_on_schedule_and_then_delivered(
    receivers, subscribe, publish, django_capture_on_commit_callbacks
):
    receiver = receivers(answers=[500, 200])
    subscribe(receiver)
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    receiver.wait_for(1)

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.PENDING and delivery.attempts == 1
    assert delivery.response_status == 500 and "HTTP 500" in delivery.last_error
    # The first retry waits 5 s (WEBHOOKS_RETRY_DELAYS[0]): not sent by a sweep now.
    assert delivery.next_attempt_at >= before + timedelta(seconds=5)
    assert webhook_delivery.webhooks_deliver().attempted == 0

    make_due(delivery)
    assert webhook_delivery.webhooks_deliver().delivered == 1
    first, second = receiver.wait_for(2)
    assert first.verified and second.verified
    # A retry is the same message: same webhook-id, same body.
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert first.body == second.body
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        Status.DELIVERED,
        2,
        200,
    )


def test_a_429_waits_as_long_as_retry_after_asks(
    receivers, subscribe, publish, django_capture_on_commit_callbacks
):
    receiver = receivers(answers=[(429, {"Retry-After": "120"})])
    subscribe(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    receiver.wait_for(1)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.PENDING and delivery.response_status == 429
    wait = (delivery.next_attempt_at - delivery.last_attempt_at).total_seconds()
    assert 119 <= wait <= 125  # Retry-After, not the schedule's 5 s


def test_a_410_disables_the_endpoint_with_an_event(
    receivers, subscribe, publish, django_capture_on_commit_callbacks
):
    receiver = receivers(answers=[410])
    endpoint = subscribe(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    receiver.wait_for(1)

    endpoint.refresh_from_db()
    assert not endpoint.is_active and "410" in endpoint.disabled_reason
    assert WebhookDelivery.objects.get().status == Status.FAILED
    event = endpoint.history.get(action=WebhookEndpointEvent.Action.DISABLED)
    assert event.actor is None and "410" in event.note
    # Nothing more is sent to it.
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    assert WebhookDelivery.objects.count() == 1


def test_other_4xx_fail_at_once(receivers, subscribe, publish, django_capture_on_commit_callbacks):
    receiver = receivers(answers=[400])
    endpoint = subscribe(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    receiver.wait_for(1)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.FAILED and delivery.response_status == 400
    endpoint.refresh_from_db()
    assert endpoint.is_active and endpoint.failing_since is not None


def test_during_a_rotation_both_secrets_sign(
    receivers, subscribe, publish, editor, django_capture_on_commit_callbacks
):
    receiver = receivers()
    endpoint = subscribe(receiver)
    old_secret = receiver.secrets[0]
    new_secret = webhooks.webhook_endpoint_rotate(endpoint=endpoint, actor=editor)
    assert new_secret != old_secret and new_secret.startswith("whsec_")
    receiver.secrets.append(new_secret)
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    (request,) = receiver.wait_for(1)
    # Two signatures, space-separated: a receiver with either secret accepts the message.
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    assert request.verified_by == [0, 1]

    # After the overlap only the new secret signs.
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        previous_secret_expires_at=timezone.now() - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    second = receiver.wait_for(2)[1]
    assert second.verified_by == [1]


def test_a_url_that_now_resolves_to_a_private_address_is_refused(
    receivers, subscribe, publish, settings, django_capture_on_commit_callbacks
):
    receiver = receivers()
    subscribe(receiver)
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = False
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    assert receiver.received == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.FAILED and "loopback" in delivery.last_error


def test_redirects_are_not_followed(
    receivers, subscribe, publish, django_capture_on_commit_callbacks
):
    receiver = receivers(answers=[(307, {"Location": "http://127.0.0.1:1/elsewhere"})])
    subscribe(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    assert len(receiver.wait_for(1)) == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.FAILED and delivery.response_status == 307


def test_an_endpoint_failing_every_attempt_is_disabled(
    receivers, subscribe, publish, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_RETRY_DELAYS = [5, 5]  # three attempts
    receiver = receivers(answers=[503, 503, 503])
    endpoint = subscribe(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    delivery = WebhookDelivery.objects.get()
    for _ in range(2):
        make_due(delivery)
        webhook_delivery.webhooks_deliver()
    receiver.wait_for(3)
    delivery.refresh_from_db()
    assert delivery.status == Status.FAILED and delivery.attempts == 3
    endpoint.refresh_from_db()
    assert not endpoint.is_active
    assert "failed all 3 attempts" in endpoint.disabled_reason


def test_a_success_in_between_keeps_the_endpoint(
    receivers, subscribe, publish, settings, django_capture_on_commit_callbacks
):
    """One message the receiver keeps refusing does not disable an endpoint that takes others."""
    settings.WEBHOOKS_RETRY_DELAYS = [5]
    receiver = receivers(answers=[500, 200, 500])
    endpoint = subscribe(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        publish()  # 500
        publish()  # 200
    receiver.wait_for(2)
    failing = WebhookDelivery.objects.get(response_status=500)
    make_due(failing)
    webhook_delivery.webhooks_deliver()  # 500 again: attempts used up
    failing.refresh_from_db()
    assert failing.status == Status.FAILED
    endpoint.refresh_from_db()
    assert endpoint.is_active


def test_events_not_subscribed_are_not_sent(
    receivers, subscribe, publish, editor, django_capture_on_commit_callbacks
):
    receiver = receivers()
    subscribe(receiver, events=["verdict.retracted"])
    with django_capture_on_commit_callbacks(execute=True):
        claim = publish()
    assert WebhookDelivery.objects.count() == 0
    from claims import services

    with django_capture_on_commit_callbacks(execute=True):
        services.claim_transition(claim=claim, action="retract", actor=editor, note="Wrong.")
    (request,) = receiver.wait_for(1)
    assert request.payload["type"] == "verdict.retracted"
    assert request.payload["data"]["state"] == "retracted"
    assert request.payload["data"]["retraction_note"] == "Wrong."


def test_needs_update_is_sent_when_evidence_changes(
    receivers, subscribe, django_capture_on_commit_callbacks
):
    from claims import services

    receiver = receivers()
    subscribe(receiver, events=["claim.needs_update"])
    claim = ready_claim(ClaimStatus.PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.claim_flag_needs_update(
            claim_id=claim.pk, action="evidence_changed", note="The page changed."
        )
    (request,) = receiver.wait_for(1)
    assert request.verified
    assert request.payload["type"] == "claim.needs_update"
    assert request.payload["data"]["claim"]["id"] == claim.pk
    assert json.loads(request.body)["data"]["state"] == "published"


def test_an_endpoint_failing_for_days_is_disabled(
    receivers, subscribe, publish, settings, django_capture_on_commit_callbacks
):
    """A receiver that refuses everything (a 400 fails at once, no retries) is disabled once
    it has failed without a success for WEBHOOKS_DISABLE_AFTER_HOURS."""
    receiver = receivers(answers=[400, 400])
    endpoint = subscribe(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    endpoint.refresh_from_db()
    assert endpoint.is_active and endpoint.failing_since is not None
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        failing_since=timezone.now() - timedelta(hours=settings.WEBHOOKS_DISABLE_AFTER_HOURS)
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    receiver.wait_for(2)
    endpoint.refresh_from_db()
    assert not endpoint.is_active and "WEBHOOKS_DISABLE_AFTER_HOURS" in endpoint.disabled_reason


def test_disabling_cancels_pending_deliveries_and_replay_needs_it_enabled(
    receivers, subscribe, publish, editor, django_capture_on_commit_callbacks
):
    receiver = receivers(answers=[503])
    endpoint = subscribe(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.PENDING
    webhooks.webhook_endpoint_disable(endpoint=endpoint, actor=editor, reason="Moving servers.")
    delivery.refresh_from_db()
    assert delivery.status == Status.CANCELLED and "Moving servers." in delivery.last_error
    with pytest.raises(webhooks.WorkflowError) as refused:
        webhooks.webhook_delivery_replay(delivery=delivery, actor=editor)
    assert refused.value.code == "endpoint_disabled"
    webhooks.webhook_endpoint_enable(endpoint=endpoint, actor=editor)
    with django_capture_on_commit_callbacks(execute=True):
        webhooks.webhook_delivery_replay(delivery=delivery, actor=editor)
    assert receiver.wait_for(2)[1].verified
    assert WebhookDelivery.objects.filter(status=Status.DELIVERED, replay_of=delivery).exists()
