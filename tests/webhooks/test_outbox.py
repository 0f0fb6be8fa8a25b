"""The outbox: deliveries are written in the transaction of the change they report (so they
commit with it, or not at all), each event goes out as its own type, and the body is frozen
when the event happens."""

from __future__ import annotations

import json

import pytest
from django.db import transaction
from django.utils import timezone

from claims import services
from claims.models import (
    Claim,
    ClaimStatus,
    Rating,
    Verdict,
    WebhookDelivery,
    WebhookMessage,
)
from claims.services import checked_before, webhooks
from tests.factories import ClaimFactory, UserFactory, frozen_claim_fields, ready_claim

pytestmark = pytest.mark.django_db

ISLANDERS = "About 20,000 Russian citizens live on the disputed Kuril Islands."


@pytest.fixture
def endpoint(editor, settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
    # Nothing listens on port 9: the after-commit attempt (when a test runs it) fails quietly.
    settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, 9]
    endpoint, _ = webhooks.webhook_endpoint_create(
        actor=editor,
        url="http://127.0.0.1:9/hook",
        events=[
            "verdict.published",
            "verdict.corrected",
            "verdict.retracted",
            "claim.needs_update",
            "claim.matched",
        ],
    )
    return endpoint


def test_the_delivery_row_commits_with_the_publish(endpoint, publish):
    claim = publish()
    delivery = WebhookDelivery.objects.get()
    assert delivery.endpoint == endpoint and delivery.status == WebhookDelivery.Status.PENDING
    assert delivery.message.claim == claim and delivery.message.event == "verdict.published"
    assert delivery.attempts == 0 and delivery.next_attempt_at is not None


def test_no_delivery_row_survives_a_rolled_back_publish(endpoint, publish):
    class Crash(Exception):
        pass

    claim = ready_claim("in_review")
    with pytest.raises(Crash), transaction.atomic():
        publish(claim)
        assert WebhookDelivery.objects.count() == 1  # written inside the transaction
        raise Crash  # e.g. the process dies before the commit
    assert WebhookDelivery.objects.count() == 0 and WebhookMessage.objects.count() == 0
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


def test_a_refused_publish_writes_no_delivery(endpoint, editor):
    claim = ready_claim("in_review", author=editor)  # four eyes: the author cannot publish
    with pytest.raises(services.WorkflowError):
        services.claim_transition(claim=claim, action="publish", actor=editor)
    assert WebhookDelivery.objects.count() == 0


def test_a_second_version_is_a_correction(endpoint, publish, editor, second_editor, researcher):
    claim = publish()
    services.claim_transition(claim=claim, action="reopen", actor=editor, note="New figures.")
    services.verdict_update_draft(claim=claim, actor=researcher, data={"conclusion": "Revised."})
    services.claim_transition(claim=claim, action="submit", actor=researcher)
    services.claim_transition(claim=claim, action="publish", actor=second_editor, note="Fixed.")
    events = list(WebhookMessage.objects.order_by("id").values_list("event", flat=True))
    assert events == ["verdict.published", "verdict.corrected"]
    body = json.loads(WebhookMessage.objects.get(event="verdict.corrected").body)
    assert body["data"]["version"] == 2 and body["data"]["correction_note"] == "Fixed."


def test_the_body_is_frozen_when_the_event_happens(endpoint, publish, editor):
    claim = publish()
    published = WebhookMessage.objects.get(event="verdict.published")
    services.claim_transition(claim=claim, action="retract", actor=editor, note="Wrong.")
    published.refresh_from_db()
    # The retraction changed the version's row, not what was announced when it was published.
    assert json.loads(published.body)["data"]["state"] == "published"
    retracted = WebhookMessage.objects.get(event="verdict.retracted")
    assert json.loads(retracted.body)["data"]["state"] == "retracted"


def test_nobody_subscribed_means_no_rows(publish):
    publish()
    assert WebhookMessage.objects.count() == 0 and WebhookDelivery.objects.count() == 0


def _published(text: str) -> Claim:
    claim = ClaimFactory(text=text, end=len(text), status=ClaimStatus.PUBLISHED)
    Verdict.objects.create(
        claim=claim,
        state=Verdict.State.PUBLISHED,
        number=1,
        rating=Rating.FALSE,
        conclusion="The census counts fewer.",
        author=UserFactory(),
        published_at=timezone.now(),
        **frozen_claim_fields(claim),
    )
    return claim


def test_a_new_claim_repeating_a_fact_check_is_announced_once(
    endpoint, editor, django_capture_on_commit_callbacks
):
    checked = _published(ISLANDERS)
    with django_capture_on_commit_callbacks(execute=True):
        claim = services.claim_create(actor=editor, data={"text": ISLANDERS})
    message = WebhookMessage.objects.get(event="claim.matched")
    body = json.loads(message.body)
    assert body["data"]["claim"]["id"] == checked.pk
    assert body["data"]["matched_claim"]["id"] == claim.pk
    assert body["data"]["matched_claim"]["text"] == ISLANDERS
    # Recording the same matches again (a re-match) announces nothing new.
    checked_before.claim_record_matches(claim)
    assert WebhookMessage.objects.filter(event="claim.matched").count() == 1
