"""Fetching sources, storing what changed, and deciding when to look again.

The database is the schedule: `Source.next_check_at` says when a source is due. The beat task
claims due sources in batches (sources_claim_due) by pushing their next_check_at forward by a
lease; the fetch sets the real next check when it finishes. A fetch lost with a dead worker or
a restarted broker leaves the lease in place, so the source is simply due again when it ends.
"""

from __future__ import annotations

import logging
import random
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from sources.failures import (
    RETRIED_BY_TASK,
    SOFT_LIMIT_MARGIN_SECONDS,
    WORKER_LIMITS,
    limit_code,
)
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
    return _next_check_for_tier(source.refresh_tier, now=now)


def _next_check_for_tier(tier: str, *, now: datetime) -> datetime | None:
    hours = {
        Source.Tier.CITED: _setting("SOURCES_REFRESH_CITED_HOURS", 24),
        Source.Tier.EVIDENCE: _setting("SOURCES_REFRESH_EVIDENCE_HOURS", 168),
    }.get(tier)
    if hours is None:
        return None
    return now + timedelta(hours=hours * random.uniform(0.95, 1.05))  # noqa: S311 - spread load


# The refresh path (every due source, at every check) reads and writes its row in plain SQL:
# compiling an ORM query costs about 1 ms of CPU there, several times what the database takes
# to run it, and the workers' CPU is what limits how fast sources are refreshed
# (bench/bench_refresh.py). The SQL is portable (PostgreSQL, SQLite); table and column names
# come from the models and every value is a parameter. Everything else here uses the ORM.


def _sql(template: str) -> str:
    """`template` with {source} and {snapshot} replaced by the quoted table names."""
    quote = connection.ops.quote_name
    return template.format(
        source=quote(Source._meta.db_table), snapshot=quote(Snapshot._meta.db_table)
    )


# A column of the source's latest snapshot, in latest_snapshot()'s order (the
# snapshot_source_latest index serves it).
_LATEST = (
    "(SELECT n.{column} FROM {{snapshot}} n WHERE n.source_id = s.id "
    "ORDER BY n.fetched_at DESC, n.id DESC LIMIT 1)"
)


def _update_source(
    source_id: int, values: dict[str, object], *, next_check_from: datetime | None = None
) -> None:
    """UPDATE one source's fields by id. With `next_check_from`, next_check_at becomes the
    next_check() of the tier the row has when it is updated, so a source_watch() raising the
    tier meanwhile is not undone (and no lock is needed for it)."""
    fields = [Source._meta.get_field(name) for name in values]
    assignments = [f"{connection.ops.quote_name(field.column)} = %s" for field in fields]
    params = [field.get_db_prep_save(values[field.name], connection) for field in fields]
    if next_check_from is not None:
        field = Source._meta.get_field("next_check_at")
        cases = []
        for tier in Source.Tier.values:
            at = _next_check_for_tier(tier, now=next_check_from)
            if at is not None:
                cases.append("WHEN %s THEN %s")
                params += [tier, field.get_db_prep_save(at, connection)]
        assignments.append(f"next_check_at = CASE refresh_tier {' '.join(cases)} ELSE NULL END")
    sql = _sql(f"UPDATE {{source}} SET {', '.join(assignments)} WHERE id = %s")  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, source_id])


# The fields every check writes.
_CHECK_FIELDS = [
    "last_checked_at",
    "http_status",
    "status",
    "consecutive_failures",
    "last_error",
    "next_check_at",
    "updated_at",
]


@dataclass(frozen=True)
class _Due:
    """What a refresh needs to know before it fetches."""

    url: str | None
    status: str
    etag: str
    last_modified: str
    latest_snapshot_id: int | None


def _due_source(source_id: int) -> _Due | None:
    sql = _sql(
        "SELECT s.url, s.status, s.etag, s.last_modified, "  # noqa: S608 - see _sql
        + _LATEST.format(column="id")
        + " FROM {source} s WHERE s.id = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [source_id])
        row = cursor.fetchone()
    return _Due(*row) if row else None


def _locked_source(source_id: int) -> Source | None:
    """The source under a row lock (inside a transaction), with its latest snapshot's id and
    content hash as latest_snapshot_id and latest_content_hash."""
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    sql = _sql(
        "SELECT s.*, "  # noqa: S608 - see _sql
        + _LATEST.format(column="id")
        + " AS latest_snapshot_id, "
        + _LATEST.format(column="content_hash")
        + " AS latest_content_hash FROM {source} s WHERE s.id = %s"
        + lock
    )
    return next(iter(Source.objects.raw(sql, [source_id])), None)


def source_fetch(
    *, source_id: int, force: bool = False, soft_time_limit_at: float | None = None
) -> FetchOutcome:
    """Fetch one source now and record what happened. Safe to run twice at once: the snapshot
    is stored under a row lock and only when the text differs from the latest one.

    Failures are classified (sources.failures): only a definite answer about the page blocks
    it; a worker limit is recorded and retried with backoff, the source keeping its status;
    database and broker errors propagate to the task. `soft_time_limit_at` (time.monotonic())
    is when the calling worker's soft time limit fires, if it has one: a "no text" answer
    reached within SOFT_LIMIT_MARGIN_SECONDS of it (or later) is not trusted, as the limit may
    have fired inside the extractor and been swallowed there.

    A refresh is on the hot path of the workers, so it costs a fixed, small number of queries:
    one read before the fetch; for a 304 (or a body identical to the archived one) one UPDATE;
    for new text a locked read, the INSERT and an UPDATE.
    """
    source = _due_source(source_id)
    if source is None or not source.url:
        logger.info("source_fetch: source %s is gone or has no URL; nothing to do", source_id)
        return FetchOutcome(source_id, "skipped")
    if source.status == Source.Status.BLOCKED and not force:
        return FetchOutcome(source_id, "skipped", detail="blocked")
    previous_id = source.latest_snapshot_id
    try:
        # Conditional headers only make sense when we hold the content they describe.
        result = fetch(
            source.url,
            etag=source.etag if previous_id else "",
            last_modified=source.last_modified if previous_id else "",
        )
        page = None
        if 200 <= result.status < 300:
            if previous_id and _same_body(previous_id, result.body):
                return _record_unchanged(source_id, result, previous_id)
            page = _extract(result)
    except FetchError as exc:
        return _record_failure(source_id, message=str(exc), code=exc.code, permanent=exc.permanent)
    except NoText as exc:
        if (
            soft_time_limit_at is not None
            and time.monotonic() >= soft_time_limit_at - SOFT_LIMIT_MARGIN_SECONDS
        ):
            return _record_retry(
                source_id,
                code="time_limit",
                message=f"the page was read as having no text ({exc}) only when the worker's "
                "time limit ran out, so the answer is not trusted; it will be read again",
            )
        return _record_failure(source_id, message=str(exc), code="no_text", permanent=True)
    except WORKER_LIMITS as exc:
        return _record_retry(
            source_id,
            code=limit_code(exc),
            message=f"the worker ran out of {'memory' if isinstance(exc, MemoryError) else 'time'}"
            " while fetching or reading the page; it will be tried again",
        )
    except _ExtractorFailed as exc:
        return _record_retry(source_id, code="extractor_failed", message=str(exc))

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


class _ExtractorFailed(Exception):
    """The text extractor raised something unexpected: a bug, or a case it does not handle."""


def _extract(result: FetchResult) -> PageText:
    """The page's text through SOURCES_TEXT_EXTRACTOR. NoText is its answer that the page has
    none; an unexpected error is a problem of the extractor, not a verdict on the page, so it
    becomes _ExtractorFailed (retried with backoff, logged with its traceback)."""
    try:
        return _text_extractor()(
            result.body,
            content_type=result.content_type,
            charset=result.charset,
            url=result.final_url,
        )
    except (NoText, *WORKER_LIMITS, *RETRIED_BY_TASK):
        raise
    except Exception as exc:
        logger.exception("the text extractor failed on %s", result.final_url)
        raise _ExtractorFailed(
            f"the text extractor failed ({type(exc).__name__}: {exc}); the page will be read "
            "again later. Report it to the developers if it keeps failing."
        ) from exc


def _same_body(snapshot_id: int, body: bytes) -> bool:
    """Whether the page sent exactly the bytes archived in the snapshot: then its text is the
    same too, and the text extraction (the costliest step of a refresh) is skipped."""
    raw = Snapshot.objects.filter(pk=snapshot_id).values_list("raw_body", flat=True).first()
    if not raw:
        return False
    try:
        return zlib.decompress(raw) == body
    except zlib.error:
        return False


def _lock(source_id: int) -> Source:
    return Source.objects.select_for_update().get(pk=source_id)


def _checked(source: Source, now: datetime, *, http_status: int | None) -> None:
    source.last_checked_at = now
    if http_status is not None:
        source.http_status = http_status


def _ok_values(now: datetime, http_status: int) -> dict[str, object]:
    """What every successful check writes."""
    return {
        "last_checked_at": now,
        "http_status": http_status,
        "status": Source.Status.OK,
        "consecutive_failures": 0,
        "last_error": "",
        "updated_at": now,
    }


def _record_ok(source_id: int, *, http_status: int, **fields: str) -> None:
    """A successful check that stores nothing: one UPDATE and no lock (no row is created, and
    no value written depends on the row's current one)."""
    now = timezone.now()
    _update_source(source_id, {**_ok_values(now, http_status), **fields}, next_check_from=now)


def _page_values(source: Source, page: PageText) -> dict[str, object]:
    """The article metadata a page brings that the source does not have yet (never overwritten)."""
    found = {
        "title": page.title[:1000],
        "publisher": page.publisher,
        "author": page.author,
        "language": page.language,
        "published_at": page.published_at,
    }
    return {name: value for name, value in found.items() if value and not getattr(source, name)}


def _validators(result: FetchResult) -> dict[str, str]:
    return {
        "etag": result.headers.get("etag", "")[:500],
        "last_modified": result.headers.get("last-modified", "")[:100],
    }


def _record_unchanged(source_id: int, result: FetchResult, snapshot_id: int) -> FetchOutcome:
    _record_ok(source_id, http_status=result.status, **_validators(result))
    return FetchOutcome(source_id, "unchanged", snapshot_id)


def _store(source_id: int, result: FetchResult, page: PageText) -> FetchOutcome:
    now = timezone.now()
    text_hash = content_hash(page.text)
    with transaction.atomic():
        source = _locked_source(source_id)
        if source is None:
            logger.info("source %s was deleted while it was fetched; nothing stored", source_id)
            return FetchOutcome(source_id, "skipped")
        values = {
            **_ok_values(now, result.status),
            **_validators(result),
            **_page_values(source, page),
        }
        for name, value in values.items():
            setattr(source, name, value)  # the signal's receivers get the row as written
        values["next_check_at"] = source.next_check_at = next_check(source, now=now)
        if source.latest_content_hash == text_hash:
            _update_source(source_id, values)
            return FetchOutcome(source_id, "unchanged", source.latest_snapshot_id)
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
        _update_source(source_id, values)
        # Receivers compare the old text with the new; the old body is not needed.
        previous = (
            Snapshot.objects.defer("raw_body").get(pk=source.latest_snapshot_id)
            if source.latest_snapshot_id
            else None
        )
        snapshot_stored.send(Source, source=source, snapshot=snapshot, previous=previous)
    logger.info("source %s: new snapshot %s", source_id, snapshot.pk)
    return FetchOutcome(source_id, "new_snapshot", snapshot.pk)


def _record_not_modified(source_id: int, result: FetchResult) -> FetchOutcome:
    _record_ok(source_id, http_status=304)
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
        source.save(update_fields=_CHECK_FIELDS)
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
        source.save(update_fields=_CHECK_FIELDS)
    logger.info("source %s: %s (%s)", source_id, code, message)
    return FetchOutcome(source_id, "blocked" if permanent else "failed", detail=message)


def _record_retry(source_id: int, *, code: str, message: str) -> FetchOutcome:
    """A check that failed on our side (a worker limit, the extractor): nothing was learnt
    about the page, so its status and last check stay as they were, and it is due again after
    the failure backoff (sources nobody relies on stop after SOURCES_MAX_RETRIES, as for any
    failure)."""
    now = timezone.now()
    with transaction.atomic():
        source = _lock(source_id)
        source.consecutive_failures += 1
        source.last_error = f"{code}: {message}"[:5000]
        source.next_check_at = next_check(source, now=now, failed=True)
        source.save(
            update_fields=["consecutive_failures", "last_error", "next_check_at", "updated_at"]
        )
    logger.warning("source %s: %s (%s)", source_id, code, message)
    return FetchOutcome(source_id, "failed", detail=message)


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

    if not ids:
        return
    # One producer for the batch, and (on Redis) one pipelined round trip for all its messages.
    # A failure part way leaves the rest leased and unqueued: they are due again after the lease.
    with (
        fetch_source.app.producer_or_acquire() as producer,
        producer.batch(max_size=len(ids)),
    ):
        for source_id in ids:
            fetch_source.apply_async((source_id,), producer=producer)


def sources_enqueue_due(*, limit: int | None = None) -> int:
    """The beat task's work: lease due sources a batch (`limit`, SOURCES_SWEEP_BATCH) at a time
    and queue a fetch for each, until none is due or the sweep has run SOURCES_SWEEP_SECONDS.

    One sweep a minute therefore drains a backlog as fast as the workers fetch, not one batch
    a minute. It stops queueing while SOURCES_SWEEP_MAX_QUEUED messages already wait in the
    fetch queue: a fetch must start before its lease (SOURCES_LEASE_SECONDS) runs out, or the
    next sweep leases and queues it a second time. Returns how many fetches it queued.
    """
    from sources.tasks import fetch_queue_length  # tasks import services

    batch = limit or _setting("SOURCES_SWEEP_BATCH", 200)
    deadline = time.monotonic() + _setting("SOURCES_SWEEP_SECONDS", 45)
    max_queued = _setting("SOURCES_SWEEP_MAX_QUEUED", 5000)
    queued = 0
    while True:
        wanted = min(batch, max_queued - fetch_queue_length())
        if wanted <= 0:
            logger.info("sources_enqueue_due: the fetch queue is full; leaving the rest due")
            break
        ids = sources_claim_due(limit=wanted)
        _enqueue_fetches(ids)
        queued += len(ids)
        if len(ids) < wanted or time.monotonic() >= deadline:
            break
    return queued


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
