"""Fetching sources, storing what changed, and deciding when to look again.

The database is the schedule: `Source.next_check_at` says when a source is due. The beat task
claims due sources in batches (sources_claim_due) by pushing their next_check_at forward by a
lease; the fetch sets the real next check when it finishes. A fetch lost with a dead worker or
a restarted broker leaves the lease in place, so the source is simply due again when it ends.
"""

from __future__ import annotations

import logging
import random
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from sources.fetcher import FetchError, FetchResult, fetch
from sources.models import Snapshot, Source, content_hash
from sources.signals import snapshot_stored, source_gone
from sources.text import NoText, PageText

logger = logging.getLogger(__name__)

# Response headers worth keeping with a snapshot (the rest is noise or personal data).
KEPT_HEADERS = (
    "content-type",
    "etag",
    "last-modified",
    "date",
    "cache-control",
    "content-language",
)

TextExtractor = Callable[..., PageText]


@dataclass(frozen=True)
class FetchOutcome:
    source_id: int
    outcome: (
        str  # new_snapshot | unchanged | not_modified | missing | gone | failed | blocked | skipped
    )
    snapshot_id: int | None = None
    detail: str = ""


def _setting(name: str, default):
    return getattr(settings, name, default)


def _text_extractor() -> TextExtractor:
    return import_string(_setting("SOURCES_TEXT_EXTRACTOR", "sources.text.page_text"))


def next_check(source: Source, *, now: datetime, failed: bool = False) -> datetime | None:
    """When to look at a source again: its tier's interval, or backoff with jitter on failure.

    Sources nobody relies on (tier none: articles, related pages) are not re-checked once they
    have been read; while they fail they are retried with backoff up to SOURCES_MAX_RETRIES.
    """
    if failed:
        if source.refresh_tier == Source.Tier.NONE and source.consecutive_failures >= _setting(
            "SOURCES_MAX_RETRIES", 5
        ):
            return None
        base = _setting("SOURCES_BACKOFF_BASE_SECONDS", 600)
        cap = _setting("SOURCES_BACKOFF_MAX_SECONDS", 86400)
        delay = min(cap, base * 2 ** max(0, source.consecutive_failures - 1))
        return now + timedelta(seconds=delay * random.uniform(0.75, 1.25))  # noqa: S311 - jitter
    hours = {
        Source.Tier.CITED: _setting("SOURCES_REFRESH_CITED_HOURS", 24),
        Source.Tier.EVIDENCE: _setting("SOURCES_REFRESH_EVIDENCE_HOURS", 168),
    }.get(source.refresh_tier)
    if hours is None:
        return None
    return now + timedelta(hours=hours * random.uniform(0.95, 1.05))  # noqa: S311 - spread load


def source_fetch(*, source_id: int, force: bool = False) -> FetchOutcome:
    """Fetch one source now and record what happened. Safe to run twice at once: the snapshot
    is stored under a row lock and only when the text differs from the latest one."""
    source = Source.objects.filter(pk=source_id).first()
    if source is None or not source.url:
        logger.info("source_fetch: source %s is gone or has no URL; nothing to do", source_id)
        return FetchOutcome(source_id, "skipped")
    if source.status == Source.Status.BLOCKED and not force:
        return FetchOutcome(source_id, "skipped", detail="blocked")
    has_snapshot = source.snapshots.exists()
    try:
        # Conditional headers only make sense when we hold the content they describe.
        result = fetch(
            source.url,
            etag=source.etag if has_snapshot else "",
            last_modified=source.last_modified if has_snapshot else "",
        )
        page = None
        if 200 <= result.status < 300:
            page = _text_extractor()(
                result.body,
                content_type=result.content_type,
                charset=result.charset,
                url=result.final_url,
            )
    except FetchError as exc:
        return _record_failure(source_id, message=str(exc), code=exc.code, permanent=exc.permanent)
    except NoText as exc:
        return _record_failure(source_id, message=str(exc), code="no_text", permanent=True)

    if result.status == 304:
        return _record_not_modified(source_id, result)
    if page is not None:
        return _store(source_id, result, page)
    if result.status in (404, 410):
        return _record_missing(source_id, result)
    return _record_failure(
        source_id,
        message=f"HTTP {result.status} from {result.final_url}",
        code="http_error",
        permanent=False,
        http_status=result.status,
    )


def _lock(source_id: int) -> Source:
    return Source.objects.select_for_update().get(pk=source_id)


def _checked(source: Source, now: datetime, *, http_status: int | None) -> None:
    source.last_checked_at = now
    if http_status is not None:
        source.http_status = http_status


def _store(source_id: int, result: FetchResult, page: PageText) -> FetchOutcome:
    now = timezone.now()
    text_hash = content_hash(page.text)
    with transaction.atomic():
        source = _lock(source_id)
        previous = source.latest_snapshot()
        _checked(source, now, http_status=result.status)
        source.status = Source.Status.OK
        source.consecutive_failures = 0
        source.last_error = ""
        source.etag = result.headers.get("etag", "")[:500]
        source.last_modified = result.headers.get("last-modified", "")[:100]
        if page.title and not source.title:
            source.title = page.title[:1000]
        for field in ("publisher", "author", "language"):
            if getattr(page, field) and not getattr(source, field):
                setattr(source, field, getattr(page, field))
        if page.published_at and not source.published_at:
            source.published_at = page.published_at
        source.next_check_at = next_check(source, now=now)
        if previous is not None and previous.content_hash == text_hash:
            source.save()
            return FetchOutcome(source_id, "unchanged", previous.pk)
        snapshot = Snapshot.objects.create(
            source=source,
            text=page.text,
            title=page.title[:1000],
            content_hash=text_hash,
            fetched_at=now,
            http_status=result.status,
            final_url=result.final_url[:2048],
            content_type=result.content_type[:200],
            headers={k: v for k, v in result.headers.items() if k in KEPT_HEADERS},
            raw_body=zlib.compress(result.body),
            raw_format="text" if result.content_type == "text/plain" else "html",
        )
        source.save()
        snapshot_stored.send(Source, source=source, snapshot=snapshot, previous=previous)
    logger.info("source %s: new snapshot %s", source_id, snapshot.pk)
    return FetchOutcome(source_id, "new_snapshot", snapshot.pk)


def _record_not_modified(source_id: int, result: FetchResult) -> FetchOutcome:
    now = timezone.now()
    with transaction.atomic():
        source = _lock(source_id)
        _checked(source, now, http_status=304)
        source.status = Source.Status.OK
        source.consecutive_failures = 0
        source.last_error = ""
        source.next_check_at = next_check(source, now=now)
        source.save()
    return FetchOutcome(source_id, "not_modified")


def _record_missing(source_id: int, result: FetchResult) -> FetchOutcome:
    """404/410: gone only after SOURCES_GONE_AFTER checks in a row, never on the first."""
    now = timezone.now()
    threshold = _setting("SOURCES_GONE_AFTER", 3)
    with transaction.atomic():
        source = _lock(source_id)
        _checked(source, now, http_status=result.status)
        source.consecutive_failures += 1
        source.last_error = (
            f"HTTP {result.status} ({source.consecutive_failures} of {threshold} checks in a row "
            "before the source counts as gone)"
        )
        became_gone = (
            source.consecutive_failures >= threshold and source.status != Source.Status.GONE
        )
        if source.consecutive_failures >= threshold:
            source.status = Source.Status.GONE
        elif source.status != Source.Status.GONE:
            source.status = Source.Status.UNREACHABLE
        source.next_check_at = next_check(source, now=now, failed=True)
        source.save()
        if became_gone:
            source_gone.send(Source, source=source, last_snapshot=source.latest_snapshot())
    return FetchOutcome(source_id, "gone" if became_gone else "missing", detail=source.last_error)


def _record_failure(
    source_id: int,
    *,
    message: str,
    code: str,
    permanent: bool,
    http_status: int | None = None,
) -> FetchOutcome:
    now = timezone.now()
    with transaction.atomic():
        source = _lock(source_id)
        _checked(source, now, http_status=http_status)
        source.consecutive_failures += 1
        source.last_error = f"{code}: {message}"[:5000]
        if permanent:
            # Refusals (private address, robots, size, type) are outcomes, not accidents.
            source.status = Source.Status.BLOCKED
            source.next_check_at = None
        else:
            source.status = Source.Status.UNREACHABLE
            source.next_check_at = next_check(source, now=now, failed=True)
        source.save()
    logger.info("source %s: %s (%s)", source_id, code, message)
    return FetchOutcome(source_id, "blocked" if permanent else "failed", detail=message)


def sources_claim_due(*, limit: int | None = None, now: datetime | None = None) -> list[int]:
    """Take up to `limit` due sources and lease them: their next_check_at moves to the end of
    the lease, so no other sweep takes them meanwhile and a lost fetch is retried after it."""
    now = now or timezone.now()
    limit = limit or _setting("SOURCES_SWEEP_BATCH", 200)
    lease = timedelta(seconds=_setting("SOURCES_LEASE_SECONDS", 600))
    with transaction.atomic():
        ids = list(
            Source.objects.due(now)
            .filter(url__isnull=False)
            .order_by("next_check_at", "id")
            .select_for_update(skip_locked=True)
            .values_list("id", flat=True)[:limit]
        )
        Source.objects.filter(id__in=ids).update(next_check_at=now + lease)
    return ids


def _enqueue_fetches(ids: list[int]) -> None:
    from sources.tasks import fetch_source  # tasks import services

    for source_id in ids:
        fetch_source.delay(source_id)


def sources_enqueue_due(*, limit: int | None = None) -> int:
    """The beat task's work: lease due sources and queue a fetch for each."""
    ids = sources_claim_due(limit=limit)
    _enqueue_fetches(ids)
    return len(ids)


def source_refresh_now(*, source_ids: Iterable[int]) -> int:
    """Make sources due now and queue their fetch (after commit). Blocked sources stay blocked."""
    ids = list(source_ids)
    with transaction.atomic():
        ids = list(
            Source.objects.filter(id__in=ids, url__isnull=False)
            .exclude(status=Source.Status.BLOCKED)
            .values_list("id", flat=True)
        )
        lease = timedelta(seconds=_setting("SOURCES_LEASE_SECONDS", 600))
        Source.objects.filter(id__in=ids).update(next_check_at=timezone.now() + lease)
        transaction.on_commit(lambda: _enqueue_fetches(ids))
    return len(ids)


def source_watch(*, source: Source, tier: str) -> None:
    """Raise a source's refresh tier (never lower it) and make it due if it never was checked."""
    order = [Source.Tier.NONE, Source.Tier.EVIDENCE, Source.Tier.CITED]
    updates: dict = {}
    if order.index(tier) > order.index(source.refresh_tier):
        updates["refresh_tier"] = tier
    if source.last_checked_at is None and source.next_check_at is None and source.url:
        updates["next_check_at"] = timezone.now()
    if updates:
        Source.objects.filter(pk=source.pk).update(**updates)
        for name, value in updates.items():
            setattr(source, name, value)
