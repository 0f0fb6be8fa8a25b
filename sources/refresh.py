"""Refreshing a source: fetch it now and record what happened.

A refresh is on the hot path of the workers, so it reads and writes its row in plain SQL
(sources.rows) and costs a fixed, small number of queries. New text is stored through
sources.services.snapshot_store, the one way any snapshot is stored.
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from sources import conf
from sources.failures import (
    RETRIED_BY_TASK,
    SOFT_LIMIT_MARGIN_SECONDS,
    WORKER_LIMITS,
    limit_code,
)
from sources.fetching import FetchError, FetchResult, fetch
from sources.models import MAX_URL_LENGTH, Snapshot, Source, SourceMetadata
from sources.rows import due_source, instance_from_db, source_update
from sources.schedule import next_check
from sources.services import snapshot_store
from sources.signals import snapshot_stored, source_gone
from sources.text import NoText, PageText

logger = logging.getLogger(__name__)

TextExtractor = Callable[..., PageText]


@dataclass(frozen=True)
class FetchOutcome:
    source_id: int
    outcome: (
        str  # new_snapshot | unchanged | not_modified | missing | gone | failed | blocked | skipped
    )
    snapshot_id: int | None = None
    detail: str = ""


def _text_extractor() -> TextExtractor:
    return import_string(conf.get().text_extractor)


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
    source = due_source(source_id)
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


def _save(source: Source, fields: list[str], *, now: datetime, durable: bool) -> None:
    """Write the locked row's `fields` (updated_at becomes `now`). `durable=False`: the
    refresh owns the transaction, which is committed without waiting for the disk
    (sources.rows.lazy_commit_prefix) unless a receiver of source_gone asks otherwise."""
    source.updated_at = now
    source_update(source.pk, {name: getattr(source, name) for name in fields}, durable=durable)


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
    no value written depends on the row's current one), committed without waiting for the
    disk (sources.rows.lazy_commit_prefix)."""
    now = timezone.now()
    source_update(
        source_id,
        {**_ok_values(now, http_status), **fields},
        next_check_from=now,
        # Its own transaction, unless a caller's is open (then that one's rules hold).
        durable=connection.in_atomic_block,
    )


def _validators(result: FetchResult) -> dict[str, str]:
    return {
        "etag": result.headers.get("etag", "")[:500],
        "last_modified": result.headers.get("last-modified", "")[:100],
    }


def _record_unchanged(source_id: int, result: FetchResult, snapshot_id: int) -> FetchOutcome:
    _record_ok(source_id, http_status=result.status, **_validators(result))
    return FetchOutcome(source_id, "unchanged", snapshot_id)


def _store(source_id: int, result: FetchResult, page: PageText) -> FetchOutcome:
    """Store the new text and tell the receivers, in one transaction. When the refresh owns it
    (no caller's transaction is open), it is committed without waiting for the disk
    (sources.rows.lazy_commit_prefix) unless a receiver asks for a durable commit."""
    now = timezone.now()
    durable = connection.in_atomic_block
    with transaction.atomic():
        stored = snapshot_store(
            source=source_id,
            text=page.text,
            title=page.title,
            stated=page_metadata(page),
            raw_body=result.body,
            raw_format="text" if result.content_type == "text/plain" else "html",
            final_url=result.final_url[:MAX_URL_LENGTH],
            http_status=result.status,
            content_type=result.content_type,
            headers=result.headers,
            fetched_at=now,
            source_values={**_ok_values(now, result.status), **_validators(result)},
            next_check_from=now,
            durable=durable,
        )
        if stored is None:
            logger.info("source %s was deleted while it was fetched; nothing stored", source_id)
            return FetchOutcome(source_id, "skipped")
        if not stored.created:
            return FetchOutcome(source_id, "unchanged", stored.snapshot_id)
        # Receivers compare the old text with the new only where a published verdict cites
        # the source: the previous snapshot is handed over unread, and its columns are read
        # (Django's deferred loading) only if a receiver uses them.
        previous = (
            instance_from_db(Snapshot, {"id": stored.previous_id, "source_id": source_id})
            if stored.previous_id
            else None
        )
        snapshot_stored.send(
            Source, source=stored.source, snapshot=stored.snapshot, previous=previous
        )
    logger.info("source %s: new snapshot %s", source_id, stored.snapshot_id)
    return FetchOutcome(source_id, "new_snapshot", stored.snapshot_id)


def page_metadata(page: PageText) -> SourceMetadata:
    """What a page states about itself, as the extractor read it."""
    return SourceMetadata(
        title=page.title,
        publisher=page.publisher,
        author=page.author,
        published_at=page.published_at,
        language=page.language,
    )


def _record_not_modified(source_id: int, result: FetchResult) -> FetchOutcome:
    _record_ok(source_id, http_status=304)
    return FetchOutcome(source_id, "not_modified")


def _record_missing(source_id: int, result: FetchResult) -> FetchOutcome:
    """404/410: gone only after SOURCES_GONE_AFTER checks in a row, never on the first."""
    now = timezone.now()
    threshold = conf.get().gone_after
    durable = connection.in_atomic_block
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
        _save(source, _CHECK_FIELDS, now=now, durable=durable)
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
    durable = connection.in_atomic_block
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
        _save(source, _CHECK_FIELDS, now=now, durable=durable)
    logger.info("source %s: %s (%s)", source_id, code, message)
    return FetchOutcome(source_id, "blocked" if permanent else "failed", detail=message)


def _record_retry(source_id: int, *, code: str, message: str) -> FetchOutcome:
    """A check that failed on our side (a worker limit, the extractor): nothing was learnt
    about the page, so its status and last check stay as they were, and it is due again after
    the failure backoff (sources nobody relies on stop after SOURCES_MAX_RETRIES, as for any
    failure)."""
    now = timezone.now()
    durable = connection.in_atomic_block
    with transaction.atomic():
        source = _lock(source_id)
        source.consecutive_failures += 1
        source.last_error = f"{code}: {message}"[:5000]
        source.next_check_at = next_check(source, now=now, failed=True)
        fields = ["consecutive_failures", "last_error", "next_check_at", "updated_at"]
        _save(source, fields, now=now, durable=durable)
    logger.warning("source %s: %s (%s)", source_id, code, message)
    return FetchOutcome(source_id, "failed", detail=message)
