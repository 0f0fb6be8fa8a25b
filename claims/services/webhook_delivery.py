"""Webhook delivery: the outbox's due rows sent, and what each answer does.

**Delivery.** `webhooks_deliver` claims due rows in batches (select_for_update(skip_locked) on
PostgreSQL, and in any case a conditional UPDATE that sets the row's lease, `locked_until`),
posts them from a thread pool (claims.webhook_sender: the fetcher's rules), and records each
result on the row it leased. A worker killed mid-delivery leaves its rows pending; they are due
again when the lease ends, and the lost attempt counts as one. What an answer does:

- 2xx: delivered.
- 410 Gone: the delivery fails and the endpoint is disabled (the receiver says it is gone).
- 429, 408, 5xx, and no answer (timeout, refused connection, DNS failure): retried on the
  schedule (WEBHOOKS_RETRY_DELAYS: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after attempts 1 to
  7), never sooner than a Retry-After asks (capped at WEBHOOKS_MAX_RETRY_AFTER_SECONDS). After
  the last attempt the delivery fails.
- Any other status (3xx, since redirects are not followed; 400, 401, 403, 404, 413, 422...): the
  delivery fails at once. The receiver refused this request as such, and the same bytes would
  get the same answer; an editor can replay it after the receiver is fixed.
- A URL the fetcher's rules now refuse (it resolves to a private address): fails at once.

An endpoint is disabled, with a WebhookEndpointEvent saying why, on a 410; when a delivery runs
out of attempts and nothing has reached the endpoint since that delivery's first attempt; or
when it has failed without a success for WEBHOOKS_DISABLE_AFTER_HOURS. Disabling cancels its
pending deliveries (they can be replayed once it is enabled again).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import (
    Case,
    F,
    PositiveIntegerField,
    PositiveSmallIntegerField,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims.models import WebhookDelivery, WebhookEndpoint
from claims.services.webhooks import webhook_endpoint_disable
from claims.webhook_sender import Outcome, post
from claims.webhook_signing import signed_headers

logger = logging.getLogger(__name__)

Status = WebhookDelivery.Status

RETRY_STATUSES = frozenset({408, 429})
# Results are written in groups of this many, or after this many seconds, whichever first. A
# worker that dies before writing them leaves those rows leased: they are sent again.
RECORD_EVERY = 50
RECORD_SECONDS = 0.5


@dataclass
class DeliveryReport:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0
    disabled_endpoints: list[int] = field(default_factory=list)

    @property
    def attempted(self) -> int:
        return self.delivered + self.retrying + self.failed


def _claim_due(delivery_ids: Sequence[int] | None, limit: int) -> list[WebhookDelivery]:
    """Lease up to `limit` due deliveries: theirs until `locked_until`, attempt counted."""
    now = timezone.now()
    lease_until = now + timedelta(seconds=settings.WEBHOOKS_LEASE_SECONDS)
    free = Q(locked_until__isnull=True) | Q(locked_until__lte=now)
    due = WebhookDelivery.objects.filter(
        free, status=Status.PENDING, next_attempt_at__lte=now, endpoint__is_active=True
    )
    if delivery_ids is not None:
        due = due.filter(pk__in=list(delivery_ids))
    with transaction.atomic():
        # PostgreSQL: rows another worker is claiming are skipped, not waited for. SQLite has
        # no row locks (Django leaves the clause out); the conditional UPDATE below decides.
        picked = list(
            due.select_for_update(skip_locked=True, of=("self",))
            .order_by("next_attempt_at", "id")
            .values_list("pk", flat=True)[:limit]
        )
        if not picked:
            return []
        WebhookDelivery.objects.filter(free, pk__in=picked, status=Status.PENDING).update(
            locked_until=lease_until,
            attempts=F("attempts") + 1,
            last_attempt_at=now,
            first_attempt_at=Coalesce("first_attempt_at", Value(now)),
        )
    return list(
        WebhookDelivery.objects.filter(pk__in=picked, locked_until=lease_until)
        .select_related("endpoint", "message")
        .order_by("next_attempt_at", "id")
    )


def _send(delivery: WebhookDelivery) -> Outcome:
    try:
        return _post_signed(delivery)
    except Exception as exc:  # a bug must not strand the batch's other leased rows
        logger.exception("webhooks: delivery %s could not be sent", delivery.pk)
        return Outcome(None, 0, f"Internal error while sending: {type(exc).__name__}: {exc}")


def _post_signed(delivery: WebhookDelivery) -> Outcome:
    body = delivery.message.body.encode("utf-8")
    now = timezone.now()
    headers = signed_headers(
        delivery.endpoint.signing_secrets(now=now),
        message_id=delivery.message.message_id,
        timestamp=int(now.timestamp()),
        body=body,
    )
    return post(delivery.endpoint.url, body, headers)


def _describe(outcome: Outcome) -> str:
    if outcome.status is None:
        return outcome.error
    text = f"HTTP {outcome.status}"
    if outcome.body_start.strip():
        text += f": {' '.join(outcome.body_start.split())[:300]}"
    return text


def _retryable(outcome: Outcome) -> bool:
    if outcome.status is None:
        return not outcome.refused
    return outcome.status in RETRY_STATUSES or 500 <= outcome.status <= 599


def _next_attempt(delivery: WebhookDelivery, outcome: Outcome, now: datetime) -> datetime | None:
    """When to try again after a retryable failure; None when the attempts are used up."""
    delays = settings.WEBHOOKS_RETRY_DELAYS
    if delivery.attempts > len(delays):
        return None
    delay = float(delays[delivery.attempts - 1])
    if outcome.retry_after is not None:
        delay = max(delay, min(outcome.retry_after, settings.WEBHOOKS_MAX_RETRY_AFTER_SECONDS))
    return now + timedelta(seconds=delay)


def _record_results(results: list[tuple[WebhookDelivery, Outcome]], report: DeliveryReport) -> None:
    """Write a group of results in one transaction: the 2xx in one UPDATE (the common case),
    the rest one by one (they may back off, fail, or disable their endpoint)."""
    if not results:
        return
    delivered = [(d, o) for d, o in results if o.status is not None and 200 <= o.status <= 299]
    with transaction.atomic():
        if delivered:
            _record_delivered(delivered, report)
        for delivery, outcome in results:
            if not (outcome.status is not None and 200 <= outcome.status <= 299):
                _record_result(delivery, outcome, report)


def _record_delivered(
    results: list[tuple[WebhookDelivery, Outcome]], report: DeliveryReport
) -> None:
    # Each row only if it is still leased to this worker (its lease is the batch's).
    mine = Q()
    for delivery, _ in results:
        mine |= Q(pk=delivery.pk, locked_until=delivery.locked_until)
    report.delivered += WebhookDelivery.objects.filter(mine, status=Status.PENDING).update(
        status=Status.DELIVERED,
        delivered_at=timezone.now(),
        last_error="",
        locked_until=None,
        response_status=Case(
            *(When(pk=d.pk, then=Value(o.status)) for d, o in results),
            output_field=PositiveSmallIntegerField(),
        ),
        latency_ms=Case(
            *(When(pk=d.pk, then=Value(o.latency_ms)) for d, o in results),
            output_field=PositiveIntegerField(),
        ),
    )
    recovered = {d.endpoint_id for d, _ in results if d.endpoint.failing_since is not None}
    recovered |= {d.endpoint_id for d, _ in results if d.endpoint.consecutive_failures}
    if recovered:
        WebhookEndpoint.objects.filter(pk__in=recovered).update(
            consecutive_failures=0, failing_since=None
        )


def _record_result(delivery: WebhookDelivery, outcome: Outcome, report: DeliveryReport) -> None:
    now = timezone.now()
    mine = WebhookDelivery.objects.filter(
        pk=delivery.pk, status=Status.PENDING, locked_until=delivery.locked_until
    )
    common = {
        "locked_until": None,
        "response_status": outcome.status,
        "latency_ms": outcome.latency_ms,
    }
    endpoint = delivery.endpoint
    error = _describe(outcome)
    retry_at = _next_attempt(delivery, outcome, now) if _retryable(outcome) else None
    if retry_at is not None:
        if not mine.update(next_attempt_at=retry_at, last_error=error, **common):
            return
        report.retrying += 1
    else:
        if not mine.update(status=Status.FAILED, last_error=error, **common):
            return
        report.failed += 1
    # The attempt's start, so that an endpoint failing since a delivery's first attempt can be
    # told apart from one that succeeded in between.
    started = delivery.last_attempt_at or now
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        consecutive_failures=F("consecutive_failures") + 1,
        failing_since=Coalesce("failing_since", Value(started)),
    )
    endpoint.refresh_from_db(fields=["failing_since", "consecutive_failures", "is_active"])
    reason = _disable_reason(delivery, outcome, endpoint, now, exhausted=retry_at is None)
    if reason and webhook_endpoint_disable(endpoint=endpoint, actor=None, reason=reason):
        report.disabled_endpoints.append(endpoint.pk)


def _disable_reason(
    delivery: WebhookDelivery,
    outcome: Outcome,
    endpoint: WebhookEndpoint,
    now: datetime,
    *,
    exhausted: bool,
) -> str:
    if outcome.status == 410:
        return "The endpoint answered 410 Gone: the receiver says it no longer exists."
    since = endpoint.failing_since
    if since is None:
        return ""
    first_attempt = delivery.first_attempt_at or delivery.last_attempt_at or now
    if exhausted and _retryable(outcome) and since <= first_attempt:
        return (
            f"Delivery {delivery.pk} failed all {delivery.attempts} attempts and nothing has "
            f"reached the endpoint since {since:%Y-%m-%d %H:%M} UTC (last: {_describe(outcome)})."
        )
    if now - since >= timedelta(hours=settings.WEBHOOKS_DISABLE_AFTER_HOURS):
        return (
            f"Every delivery has failed since {since:%Y-%m-%d %H:%M} UTC "
            f"({settings.WEBHOOKS_DISABLE_AFTER_HOURS:g} h, WEBHOOKS_DISABLE_AFTER_HOURS; last: "
            f"{_describe(outcome)})."
        )
    return ""


def webhooks_deliver(
    *, delivery_ids: Sequence[int] | None = None, max_seconds: float | None = None
) -> DeliveryReport:
    """Send what is due (only `delivery_ids`, when given), batch after batch, for at most
    `max_seconds` (default WEBHOOKS_SWEEP_SECONDS; a batch started is finished). Safe to run
    in several workers at once: each row is leased by one."""
    budget = settings.WEBHOOKS_SWEEP_SECONDS if max_seconds is None else max_seconds
    started = time.monotonic()
    report = DeliveryReport()
    batch_size = settings.WEBHOOKS_BATCH_SIZE
    with ThreadPoolExecutor(max_workers=settings.WEBHOOKS_CONCURRENCY) as pool:
        while True:
            batch = _claim_due(delivery_ids, batch_size)
            if not batch:
                break
            # HTTP in the pool's threads; every database write here, in this thread, a few
            # results per transaction (one commit per result was most of the time).
            futures = {pool.submit(_send, delivery): delivery for delivery in batch}
            done: list[tuple[WebhookDelivery, Outcome]] = []
            flushed = time.monotonic()
            for future in as_completed(futures):
                done.append((futures[future], future.result()))
                if len(done) >= RECORD_EVERY or time.monotonic() - flushed >= RECORD_SECONDS:
                    _record_results(done, report)
                    done, flushed = [], time.monotonic()
            _record_results(done, report)
            if time.monotonic() - started >= budget:
                break
    if report.attempted:
        logger.info(
            "webhooks: %s delivered, %s to retry, %s failed",
            report.delivered,
            report.retrying,
            report.failed,
        )
    return report
