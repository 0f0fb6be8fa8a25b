"""The refresh path's reads and writes of one source row (and of the snapshot it stores), in
plain SQL, and how the refresh commits them.

Every due source is read and written at every check: compiling an ORM query costs about 1 ms of
CPU there, several times what the database takes to run it, and the workers' CPU is what limits
how fast sources are refreshed (bench/bench_refresh.py). The SQL is portable (PostgreSQL,
SQLite); table and column names come from the models and every value is a parameter. Everything
else in sources uses the ORM.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import Field, Model

from sources import conf
from sources.models import Snapshot, Source
from sources.schedule import next_check_for_tier


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


def source_update(
    source_id: int,
    values: Mapping[str, object],
    *,
    next_check_from: datetime | None = None,
    durable: bool = True,
) -> None:
    """UPDATE one source's fields by id. With `next_check_from`, next_check_at becomes the
    next_check() of the tier the row has when it is updated, so a source_watch() raising the
    tier meanwhile is not undone (and no lock is needed for it).

    `durable=False`: the transaction the UPDATE belongs to (its own in autocommit) is committed
    without waiting for the disk (lazy_commit_prefix); only for a caller that owns it."""
    fields = [Source._meta.get_field(name) for name in values]
    assignments = [f"{connection.ops.quote_name(field.column)} = %s" for field in fields]
    params = [field.get_db_prep_save(values[field.name], connection) for field in fields]
    if next_check_from is not None:
        field = Source._meta.get_field("next_check_at")
        settings = conf.get()
        cases = []
        for tier in Source.Tier.values:
            at = next_check_for_tier(tier, now=next_check_from, settings=settings)
            if at is not None:
                cases.append("WHEN %s THEN %s")
                params += [tier, field.get_db_prep_save(at, connection)]
        assignments.append(f"next_check_at = CASE refresh_tier {' '.join(cases)} ELSE NULL END")
    sql = _sql(f"UPDATE {{source}} SET {', '.join(assignments)} WHERE id = %s")  # noqa: S608
    if not durable:
        sql = lazy_commit_prefix() + sql
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, source_id])


def lazy_commit_prefix() -> str:
    """SQL to put before a statement so that PostgreSQL commits its transaction without waiting
    for the write-ahead log to reach the disk (synchronous_commit off for that transaction
    only); "" where that does not apply. Sent in the statement's own message: run on its own
    (autocommit), the two statements are one implicit transaction; inside a transaction, the
    setting holds until it ends, unless commit_durably() restores it.

    The refresh uses it for what it writes in a transaction of its own (sources.refresh):
    records of a check, and new snapshots with their source row. Everything else stays
    durable. What that trades: should the database server itself crash (not a worker) within
    a fraction of a second of such a commit, the transaction is lost as a whole, never
    half-written. The source then still has the lease the sweep gave it (committed durably
    before the fetch was queued), so it is fetched again when the lease runs out, as after a
    lost worker, and a change is found again. A later durable commit that depends on it (an
    editor citing the new snapshot) flushes it too, as the log is written in order; tasks
    sent after the commit return quietly if their row is gone. Receivers of the refresh's
    signals that start anything outside the database call commit_durably().

    Only with client-side parameter binding (Django's default for psycopg), which lets two
    statements share one message.
    """
    if (
        connection.vendor != "postgresql"
        or connection.settings_dict.get("OPTIONS", {}).get("server_side_binding") is True
    ):
        return ""
    return "SET LOCAL synchronous_commit TO OFF; "


def commit_durably() -> None:
    """Make the current transaction's commit wait for the disk again (PostgreSQL's default),
    after a lazy_commit_prefix(): for signal receivers whose writes start something outside
    the database (a webhook, a notification) that must not outlive a lost commit."""
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO DEFAULT")


@dataclass(frozen=True)
class DueSource:
    """What a refresh needs to know before it fetches."""

    url: str | None
    status: str
    etag: str
    last_modified: str
    latest_snapshot_id: int | None


def due_source(source_id: int) -> DueSource | None:
    sql = _sql(
        "SELECT s.url, s.status, s.etag, s.last_modified, "  # noqa: S608 - see _sql
        + _LATEST.format(column="id")
        + " FROM {source} s WHERE s.id = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [source_id])
        row = cursor.fetchone()
    return DueSource(*row) if row else None


def locked_source(source_id: int) -> Source | None:
    """The source under a row lock (inside a transaction), with its latest snapshot's id and
    content hash as latest_snapshot_id and latest_content_hash."""
    fields = Source._meta.concrete_fields
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    sql = _sql(
        "SELECT "  # noqa: S608 - see _sql
        + ", ".join(f"s.{connection.ops.quote_name(field.column)}" for field in fields)
        + ", "
        + _LATEST.format(column="id")
        + ", "
        + _LATEST.format(column="content_hash")
        + " FROM {source} s WHERE s.id = %s"
        + lock
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [source_id])
        row = cursor.fetchone()
    if row is None:
        return None
    values = [_from_db(field, value) for field, value in zip(fields, row, strict=False)]
    source = Source.from_db(connection.alias, [field.attname for field in fields], values)
    source.latest_snapshot_id, source.latest_content_hash = row[len(fields) :]
    return source


def snapshot_insert(source: Source, **values: object) -> Snapshot:
    """INSERT one snapshot of `source` (field name -> value; content_hash included) and return
    it as a saved instance. sources.services.snapshot_store is its only caller: the one way a
    snapshot is written."""
    fields = [Snapshot._meta.get_field(name) for name in values]
    columns = ", ".join(
        connection.ops.quote_name(field.column)
        for field in [Snapshot._meta.get_field("source"), *fields]
    )
    params = [source.pk] + [
        field.get_db_prep_save(values[field.name], connection) for field in fields
    ]
    returning = connection.features.can_return_columns_from_insert
    sql = _sql(
        f"INSERT INTO {{snapshot}} ({columns}) VALUES ({', '.join(['%s'] * len(params))})"  # noqa: S608
        + (" RETURNING id" if returning else "")
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        snapshot_id = cursor.fetchone()[0] if returning else cursor.lastrowid
    snapshot = instance_from_db(
        Snapshot,
        {"id": snapshot_id, "source_id": source.pk, **{f.attname: values[f.name] for f in fields}},
    )
    snapshot.source = source
    return snapshot


def instance_from_db(model: type[Model], values: Mapping[str, object]) -> Any:
    """A saved instance of `model` from values by attribute name (as loaded, not prepared for
    the database); the fields left out are deferred, read from the database if used."""
    # Model.from_db takes the values in the order of the model's fields.
    known = [field.attname for field in model._meta.concrete_fields if field.attname in values]
    return model.from_db(connection.alias, known, [values[name] for name in known])


def _from_db(field: Field, value: object) -> object:
    """A column's value as the ORM would load it (SQLite returns datetimes as text)."""
    if value is None:
        return None
    expression = field.get_col(Source._meta.db_table)
    converters = connection.ops.get_db_converters(expression) + field.get_db_converters(connection)
    for converter in converters:
        value = converter(value, expression, connection)
    return value
