"""Writes to sources' tables that other code starts: storing snapshots and outbound links,
watching sources, and queueing their refresh.

`snapshot_store` and `links_store` are the only way a snapshot or a link is written, whoever
writes it (a refresh, claims' ingestion): one de-duplication rule and one metadata rule.

The database is the schedule: `Source.next_check_at` says when a source is due. The beat task
leases due sources in batches (sources_lease_due) by pushing their next_check_at forward; the
fetch (sources.refresh) sets the real next check when it finishes. A fetch lost with a dead
worker or a restarted broker leaves the lease in place, so the source is simply due again when
it ends.
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from kombu.exceptions import ChannelError

from config.celery import registered_task
from sources import conf
from sources.models import Snapshot, Source, SourceLink, SourceMetadata, content_hash
from sources.normalize import InvalidURL, normalize_url
from sources.rows import locked_source, snapshot_insert, source_update
from sources.schedule import next_check

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


@dataclass(frozen=True)
class StoredSnapshot:
    source: Source  # the row as written
    snapshot_id: int  # the new snapshot's, or the latest one's when the text was the same
    created: bool  # False: the text was the latest snapshot's, and no row was added
    snapshot: Snapshot | None  # the new row (None when created is False)
    previous_id: int | None  # the latest snapshot before this call (None: there was none)


@transaction.atomic(savepoint=False)
def snapshot_store(
    *,
    source: Source | int,
    text: str,
    title: str = "",
    raw_body: bytes | None = None,
    raw_format: str = "",
    final_url: str = "",
    http_status: int | None = None,
    content_type: str = "",
    headers: Mapping[str, str] | None = None,
    fetched_at: datetime | None = None,
    stated: SourceMetadata | None = None,
    given: SourceMetadata | None = None,
    source_values: Mapping[str, object] | None = None,
    next_check_from: datetime | None = None,
    durable: bool = True,
) -> StoredSnapshot | None:
    """Store what a source says now: the one way a snapshot is written.

    De-duplication: under a lock on the source row, a text whose content_hash is the latest
    snapshot's adds no row (the latest one stands for it). Metadata: `Source.metadata_updates`
    (what a desk user gave wins; what the page states only fills blanks). Either way the source
    row is updated once with the metadata, `source_values` (the caller's own columns, e.g. a
    fetch's outcome and validators) and, with `next_check_from`, the next check its tier asks
    for. `raw_body` is stored zlib-compressed; only KEPT_HEADERS of `headers` are kept.

    Sends nothing: the caller says what happened (a refresh sends snapshot_stored). Runs in the
    caller's transaction when there is one (no savepoint: the refresh counts its queries).
    `durable=False`: that transaction, which the caller owns, may be committed without waiting
    for the disk (sources.rows.lazy_commit_prefix). Returns None when the source no longer
    exists.
    """
    now = timezone.now()
    source_id = source.pk if isinstance(source, Source) else source
    row = locked_source(source_id)
    if row is None:
        return None
    text_hash = content_hash(text)
    previous_id = row.latest_snapshot_id
    values: dict[str, object] = {
        **row.metadata_updates(stated=stated or SourceMetadata(), given=given),
        **(source_values or {}),
        "updated_at": now,
    }
    for name, value in values.items():
        setattr(row, name, value)  # callers (and signal receivers) get the row as written
    if next_check_from is not None:
        values["next_check_at"] = row.next_check_at = next_check(row, now=next_check_from)
    if row.latest_content_hash == text_hash:
        source_update(source_id, values, durable=durable)
        return StoredSnapshot(row, previous_id, False, None, previous_id)
    snapshot = snapshot_insert(
        row,
        text=text,
        title=title[: Snapshot._meta.get_field("title").max_length],
        content_hash=text_hash,
        fetched_at=fetched_at or now,
        http_status=http_status,
        final_url=final_url,
        content_type=content_type[: Snapshot._meta.get_field("content_type").max_length],
        headers={k: v for k, v in (headers or {}).items() if k in KEPT_HEADERS},
        raw_body=zlib.compress(raw_body) if raw_body else None,
        raw_format=raw_format,
    )
    source_update(source_id, values, durable=durable)
    return StoredSnapshot(row, snapshot.pk, True, snapshot, previous_id)


def links_store(*, snapshot: Snapshot, links: Iterable[tuple[str, str]]) -> int:
    """Store a page's outbound links, (URL, anchor text) pairs, as `related` sources linked
    from the snapshot's source: the one way a SourceLink is written. URLs that do not
    normalize, and links back to the page itself, are skipped; a source already known keeps
    its kind and title. Returns how many links were new."""
    page = snapshot.source
    title_length = Source._meta.get_field("title").max_length
    anchor_length = SourceLink._meta.get_field("anchor_text").max_length
    created = 0
    for url, anchor in links:
        try:
            target_url = normalize_url(url)
        except InvalidURL:
            continue
        if target_url == page.url:
            continue
        target, _ = Source.objects.get_or_create(
            url=target_url, defaults={"kind": Source.Kind.RELATED, "title": anchor[:title_length]}
        )
        _, made = SourceLink.objects.get_or_create(
            source=page, target=target, defaults={"anchor_text": anchor[:anchor_length]}
        )
        created += made
    return created


def sources_lease_due(*, limit: int | None = None, now: datetime | None = None) -> list[int]:
    """Take up to `limit` due sources and lease them: their next_check_at moves to the end of
    the lease, so no other sweep takes them meanwhile and a lost fetch is retried after it."""
    now = now or timezone.now()
    settings = conf.get()
    limit = limit or settings.sweep_batch
    with transaction.atomic():
        ids = list(
            Source.objects.due(now)
            .filter(url__isnull=False)
            .order_by("next_check_at", "id")
            .select_for_update(skip_locked=True)
            .values_list("id", flat=True)[:limit]
        )
        Source.objects.filter(id__in=ids).update(next_check_at=now + settings.lease)
    return ids


FETCH_TASK = "sources.fetch"


def fetch_queue_length() -> int:
    """Messages waiting in the broker queue sources.fetch is sent to (0 when tasks run
    in-process); the sweep stops queueing fetches while it is long."""
    fetch_source = registered_task(FETCH_TASK)
    app = fetch_source.app
    if app.conf.task_always_eager:
        return 0
    queue = app.amqp.router.route({}, fetch_source.name)["queue"].name
    with app.connection_for_read() as connection:
        try:
            with connection.channel() as channel:
                return channel.queue_declare(queue=queue, passive=True).message_count
        except (ChannelError, *connection.channel_errors):
            return 0  # the queue does not exist yet (Redis deletes an empty list)


def _enqueue_fetches(ids: list[int]) -> None:
    fetch_source = registered_task(FETCH_TASK)
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
    settings = conf.get()
    batch = limit or settings.sweep_batch
    deadline = time.monotonic() + settings.sweep_seconds
    max_queued = settings.sweep_max_queued
    queued = 0
    while True:
        wanted = min(batch, max_queued - fetch_queue_length())
        if wanted <= 0:
            logger.info("sources_enqueue_due: the fetch queue is full; leaving the rest due")
            break
        ids = sources_lease_due(limit=wanted)
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
        lease = conf.get().lease
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
