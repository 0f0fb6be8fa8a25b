"""Webhooks for subscribers (Standard Webhooks v1): endpoints, the outbox, and delivery.

**Endpoints.** Editors create them (a URL the fetcher's rules allow, and events from
WebhookEvent), rotate their secret (the previous one keeps signing for
WEBHOOKS_ROTATION_OVERLAP_HOURS), disable and enable them. Each change writes a
WebhookEndpointEvent.

**The outbox.** The workflow calls `webhooks_enqueue*` inside the transaction of the publish,
retraction, needs_update flag or recorded match, so the event's message (its body frozen as
JSON text) and one delivery row per subscribed endpoint commit with the change or not at all.
After commit a task is sent to deliver them now; with no broker (eager mode) that is the first
attempt, in process, and retries wait for the sweep (`manage.py deliver_webhooks`, and the beat
entry that runs the same task every minute).

Delivery (the sweep, what each answer does, the lease): claims.services.webhook_delivery.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from claims import public_selectors
from claims.models import (
    Claim,
    ClaimMatch,
    MatchKind,
    Verdict,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEndpointEvent,
    WebhookEvent,
    WebhookMessage,
)
from claims.public_json import output_timezone, public_verdict_row, rating_labels
from claims.webhook_sender import url_problem
from claims.webhook_signing import new_message_id, new_secret
from claims.workflow import EDITOR, WorkflowError, user_roles
from config.celery import registered_task

logger = logging.getLogger(__name__)

DELIVER_TASK = "claims.deliver_webhooks"
Status = WebhookDelivery.Status


# --- Endpoints ---------------------------------------------------------------------------------


def require_editor(actor: AbstractBaseUser | None, what: str) -> None:
    if EDITOR not in user_roles(actor):
        raise WorkflowError(
            "forbidden_role",
            f"Only an editor can {what}. Ask an editor, or for the editor role.",
            status=403,
        )


def webhook_events_problem(events: Iterable[str]) -> str | None:
    events = list(events)
    if not events:
        return f"Choose at least one event: {', '.join(WebhookEvent.values)}."
    unknown = sorted(set(events) - set(WebhookEvent.values))
    if unknown:
        return (
            f"Unknown event(s): {', '.join(unknown)}. Events are: {', '.join(WebhookEvent.values)}."
        )
    return None


def webhook_url_problem(url: str) -> str | None:
    """Why a URL cannot receive webhooks, or None: the fetcher's rules (http or https, a port
    from SOURCES_ALLOWED_PORTS, an IP address written in the URL must be public unless
    SOURCES_ALLOW_PRIVATE_NETWORKS). A host name is not looked up here: every delivery looks
    it up and checks each answer (names can be re-pointed at any time), and fails if one is
    private."""
    return url_problem(url, resolve=False)


def _record(
    endpoint: WebhookEndpoint, action: str, actor: AbstractBaseUser | None, note: str = ""
) -> None:
    WebhookEndpointEvent.objects.create(endpoint=endpoint, action=action, actor=actor, note=note)


def webhook_endpoint_create(
    *, actor: AbstractBaseUser, url: str, events: Sequence[str], description: str = ""
) -> tuple[WebhookEndpoint, str]:
    """A new endpoint and its secret, which the caller shows once (it is not shown again)."""
    require_editor(actor, "add webhook endpoints")
    problem = webhook_url_problem(url)
    if problem:
        raise WorkflowError("invalid_url", problem, status=400)
    problem = webhook_events_problem(events)
    if problem:
        raise WorkflowError("invalid_events", problem, status=400)
    secret = new_secret()
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.create(
            url=url.strip(),
            events=sorted(set(events)),
            description=description,
            secret=secret,
            created_by=actor,
        )
        _record(endpoint, WebhookEndpointEvent.Action.CREATED, actor, ", ".join(endpoint.events))
    return endpoint, secret


def webhook_endpoint_rotate(*, endpoint: WebhookEndpoint, actor: AbstractBaseUser) -> str:
    """A new secret, returned to be shown once. The one it replaces keeps signing beside it
    for WEBHOOKS_ROTATION_OVERLAP_HOURS, so the receiver can switch without losing messages
    (a secret still in its overlap from an earlier rotation stops at once)."""
    require_editor(actor, "rotate webhook secrets")
    secret = new_secret()
    overlap = timedelta(hours=settings.WEBHOOKS_ROTATION_OVERLAP_HOURS)
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
        endpoint.previous_secret = endpoint.secret
        endpoint.previous_secret_expires_at = timezone.now() + overlap
        endpoint.secret = secret
        endpoint.save()
        _record(
            endpoint,
            WebhookEndpointEvent.Action.ROTATED,
            actor,
            f"The previous secret signs too until {endpoint.previous_secret_expires_at:%c} UTC.",
        )
    return secret


def webhook_endpoint_disable(
    *, endpoint: WebhookEndpoint, actor: AbstractBaseUser | None, reason: str
) -> bool:
    """Stop sending to the endpoint and cancel its pending deliveries. `actor` None: the
    system (410, or failing too long). Returns False when it was already disabled."""
    if actor is not None:
        require_editor(actor, "disable webhook endpoints")
    now = timezone.now()
    with transaction.atomic():
        changed = WebhookEndpoint.objects.filter(pk=endpoint.pk, is_active=True).update(
            is_active=False, disabled_at=now, disabled_reason=reason[:500], updated_at=now
        )
        if not changed:
            return False
        WebhookDelivery.objects.filter(endpoint_id=endpoint.pk, status=Status.PENDING).update(
            status=Status.CANCELLED, locked_until=None, last_error=f"Endpoint disabled: {reason}"
        )
        _record(endpoint, WebhookEndpointEvent.Action.DISABLED, actor, reason)
    endpoint.refresh_from_db()
    logger.info("webhook endpoint %s disabled: %s", endpoint.pk, reason)
    return True


def webhook_endpoint_enable(*, endpoint: WebhookEndpoint, actor: AbstractBaseUser) -> bool:
    """Send to the endpoint again (new events; cancelled deliveries can be replayed)."""
    require_editor(actor, "enable webhook endpoints")
    problem = webhook_url_problem(endpoint.url)
    if problem:
        raise WorkflowError("invalid_url", problem, status=409)
    with transaction.atomic():
        changed = WebhookEndpoint.objects.filter(pk=endpoint.pk, is_active=False).update(
            is_active=True,
            disabled_at=None,
            disabled_reason="",
            failing_since=None,
            consecutive_failures=0,
            updated_at=timezone.now(),
        )
        if changed:
            _record(endpoint, WebhookEndpointEvent.Action.ENABLED, actor)
    endpoint.refresh_from_db()
    return bool(changed)


def webhook_delivery_replay(
    *, delivery: WebhookDelivery, actor: AbstractBaseUser
) -> WebhookDelivery:
    """A fresh delivery of the same message (same webhook-id, so a receiver that has it can
    tell) to the same endpoint, due now."""
    require_editor(actor, "replay webhook deliveries")
    with transaction.atomic():
        endpoint = WebhookEndpoint.objects.select_for_update().get(pk=delivery.endpoint_id)
        if not endpoint.is_active:
            why = endpoint.disabled_reason or "by an editor"
            raise WorkflowError(
                "endpoint_disabled",
                f"Endpoint {endpoint.url} is disabled ({why}). Enable it first, then replay.",
                status=409,
            )
        replay = WebhookDelivery.objects.create(
            endpoint=endpoint,
            message_id=delivery.message_id,
            replay_of=delivery,
            next_attempt_at=timezone.now(),
        )
        _record(
            endpoint,
            WebhookEndpointEvent.Action.REPLAYED,
            actor,
            f"Delivery {delivery.pk} replayed as {replay.pk}.",
        )
        _deliver_after_commit([replay.pk])
    return replay


# --- The outbox --------------------------------------------------------------------------------


def _payload_body(event: str, data: dict[str, Any], now: datetime) -> str:
    return json.dumps(
        {"type": event, "timestamp": now.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "data": data},
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        separators=(",", ":"),
    )


def verdict_data(verdict_id: int) -> dict[str, Any]:
    """The public verdict shape of the verdicts/ feed for one version (claims.public_json, the
    function the feed's serializer calls), so a webhook and the feed never disagree."""
    row = public_selectors.verdict_feed_rows().get(pk=verdict_id)
    citations = public_selectors.verdict_feed_citations([verdict_id])[verdict_id]
    return public_verdict_row(row, citations, tz=output_timezone(), labels=rating_labels())


def _deliver_after_commit(delivery_ids: list[int]) -> None:
    if not delivery_ids:
        return
    task = registered_task(DELIVER_TASK)
    transaction.on_commit(lambda: task.delay(delivery_ids))


def webhooks_enqueue(
    *, event: str, claim: Claim, verdict: Verdict | None = None, extra: dict | None = None
) -> list[int]:
    """Write the event's message and a delivery per subscribed endpoint, in the caller's
    transaction; send them after commit. `verdict`: the version the event is about (default:
    the claim's latest numbered version). Returns the delivery ids (none: nobody subscribes).
    """
    endpoints = [
        pk
        for pk, events in WebhookEndpoint.objects.filter(is_active=True).values_list("pk", "events")
        if event in events
    ]
    if not endpoints:
        return []
    if verdict is None:
        verdict = claim.verdicts.filter(number__isnull=False).order_by("-number").first()
    if verdict is None:
        logger.warning("webhooks: claim %s has no public version; %s not sent", claim.pk, event)
        return []
    now = timezone.now()
    data = verdict_data(verdict.pk)
    data.update(extra or {})
    message = WebhookMessage.objects.create(
        message_id=new_message_id(),
        event=event,
        claim=claim,
        body=_payload_body(event, data, now),
        created_at=now,
    )
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint_id=pk, message=message, next_attempt_at=now) for pk in endpoints
    )
    ids = [delivery.pk for delivery in deliveries]
    if any(pk is None for pk in ids):  # a backend without RETURNING gives no ids
        ids = list(message.deliveries.values_list("pk", flat=True))
    _deliver_after_commit(ids)
    return ids


def webhooks_enqueue_transition(*, claim: Claim, action: str) -> list[int]:
    """The workflow moves subscribers hear about: publish (verdict.published for version 1,
    verdict.corrected after) and retract. Called inside claim_transition's transaction."""
    if action not in ("publish", "retract"):
        return []
    verdict = claim.verdicts.filter(number__isnull=False).order_by("-number").first()
    if verdict is None:
        return []
    if action == "retract":
        event = WebhookEvent.VERDICT_RETRACTED
    elif (verdict.number or 0) > 1:
        event = WebhookEvent.VERDICT_CORRECTED
    else:
        event = WebhookEvent.VERDICT_PUBLISHED
    return webhooks_enqueue(event=event, claim=claim, verdict=verdict)


def webhooks_enqueue_matches(*, claim: Claim, found: Iterable[Any]) -> list[int]:
    """claim.matched for each `same` match to a published fact-check that is new: call it
    with the matches about to be recorded (claims.matching results: claim_id, kind, score),
    before the claim's old ClaimMatch rows are replaced, in the same transaction."""
    same = {match.claim_id: match for match in found if match.kind == MatchKind.SAME}
    if not same:
        return []
    known = set(
        ClaimMatch.objects.filter(
            claim=claim, kind=MatchKind.SAME, matched_id__in=list(same)
        ).values_list("matched_id", flat=True)
    )
    ids: list[int] = []
    published = Verdict.objects.filter(
        claim_id__in=set(same) - known, state=Verdict.State.PUBLISHED
    ).select_related("claim")
    for verdict in published:
        match = same[verdict.claim_id]
        ids += webhooks_enqueue(
            event=WebhookEvent.CLAIM_MATCHED,
            claim=verdict.claim,
            verdict=verdict,
            extra={
                "matched_claim": {
                    "id": claim.pk,
                    "text": claim.text,
                    "speaker": claim.speaker,
                    "score": round(float(match.score), 4),
                }
            },
        )
    return ids
