"""The refresh path's reads and writes of one source row, in plain SQL.

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

from django.db import connection

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
    source_id: int, values: Mapping[str, object], *, next_check_from: datetime | None = None
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
            at = next_check_for_tier(tier, now=next_check_from)
            if at is not None:
                cases.append("WHEN %s THEN %s")
                params += [tier, field.get_db_prep_save(at, connection)]
        assignments.append(f"next_check_at = CASE refresh_tier {' '.join(cases)} ELSE NULL END")
    sql = _sql(f"UPDATE {{source}} SET {', '.join(assignments)} WHERE id = %s")  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, source_id])


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
