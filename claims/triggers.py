"""Database triggers: rules a CHECK constraint cannot state, kept whatever code writes.

The public record is append-only:

- claims_claimevent (history) and claims_verdictcitation (what a version cites): no UPDATE, no
  DELETE.
- claims_verdict: a draft is freely editable; once a version is public (published, superseded,
  retracted) it cannot be deleted, and an UPDATE may only move it on (published -> superseded
  or retracted), touch updated_at, and set the retraction date and reason, once.

The model methods refuse the same in Python (ClaimEvent.save/delete), but a queryset
`.update()`, a bulk write or raw SQL would go past them; these do not.

On SQLite, the claim-span rule of migration 0002 (a span ends inside its snapshot's text) is
installed here too. SQLite drops a table's triggers when a migration rebuilds the table (an
AlterField does), so install_triggers runs after every `migrate` (post_migrate, idempotent) as
well as in migration 0010.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

APPEND_ONLY_TABLES = ("claims_claimevent", "claims_verdictcitation")
VERDICT_TABLE = "claims_verdict"
# What a public version may still change; every other column is frozen.
VERDICT_MUTABLE_COLUMNS = ("state", "updated_at", "retracted_at", "retraction_note")

APPEND_ONLY_MESSAGE = (
    "is append-only: the history of the public record cannot be changed or deleted. "
    "Record a new event or publish a new version instead."
)
FROZEN_MESSAGE = (
    "A public verdict version is frozen: it can only be superseded by a new version or "
    "retracted (once, with a date and reason). Publish a correction instead."
)


def _postgresql() -> list[str]:
    mutable = ", ".join(f"'{column}'" for column in VERDICT_MUTABLE_COLUMNS)
    statements = [
        f"""
        CREATE OR REPLACE FUNCTION claims_refuse_history_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% {APPEND_ONLY_MESSAGE} (% refused)', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'restrict_violation';
        END $$;
        """,
        f"""
        CREATE OR REPLACE FUNCTION claims_verdict_frozen() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.state = 'draft' THEN
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END IF;
            IF TG_OP = 'DELETE'
               OR (to_jsonb(OLD) - ARRAY[{mutable}]) IS DISTINCT FROM
                  (to_jsonb(NEW) - ARRAY[{mutable}])
               OR (NEW.state IS DISTINCT FROM OLD.state
                   AND NOT (OLD.state = 'published'
                            AND NEW.state IN ('superseded', 'retracted')))
               OR ((OLD.retracted_at IS NOT NULL OR OLD.retraction_note <> '')
                   AND (NEW.retracted_at IS DISTINCT FROM OLD.retracted_at
                        OR NEW.retraction_note IS DISTINCT FROM OLD.retraction_note))
               OR (NEW.state <> 'retracted'
                   AND (NEW.retracted_at IS NOT NULL OR NEW.retraction_note <> ''))
            THEN
                RAISE EXCEPTION '{FROZEN_MESSAGE} (% of version % refused)', TG_OP, OLD.id
                    USING ERRCODE = 'restrict_violation';
            END IF;
            RETURN NEW;
        END $$;
        """,
    ]
    for table in APPEND_ONLY_TABLES:
        statements += [
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION claims_refuse_history_change()",
        ]
    statements += [
        f"DROP TRIGGER IF EXISTS {VERDICT_TABLE}_frozen ON {VERDICT_TABLE}",
        f"CREATE TRIGGER {VERDICT_TABLE}_frozen BEFORE UPDATE OR DELETE ON {VERDICT_TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION claims_verdict_frozen()",
    ]
    return statements


# As in migration 0002 (PostgreSQL's version there survives table changes).
SQLITE_SPAN_CHECK = """
CREATE TRIGGER IF NOT EXISTS claims_claim_span_in_text_{event}
BEFORE {event} ON claims_claim
WHEN NEW.start IS NOT NULL AND NEW."end" > (
    SELECT length(text) FROM sources_snapshot WHERE id = NEW.snapshot_id
)
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: claim span ends past its snapshot text');
END;
"""


def _sqlite_trigger_names() -> list[str]:
    names = []
    for table in APPEND_ONLY_TABLES:
        names += [f"{table}_no_update", f"{table}_no_delete"]
    return [*names, f"{VERDICT_TABLE}_frozen_update", f"{VERDICT_TABLE}_frozen_delete"]


def _sqlite(verdict_columns: list[str]) -> list[str]:
    statements = [f"DROP TRIGGER IF EXISTS {name}" for name in _sqlite_trigger_names()]
    for table in APPEND_ONLY_TABLES:
        for operation in ("UPDATE", "DELETE"):
            statements.append(
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} {APPEND_ONLY_MESSAGE} "
                f"({operation} refused)'); END"
            )
    # SQLite has no row-to-JSON comparison in triggers: the frozen columns are listed, read
    # from the table itself when installing (post_migrate reinstalls after schema changes).
    frozen = [c for c in verdict_columns if c not in VERDICT_MUTABLE_COLUMNS]
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in frozen)
    statements.append(
        f"CREATE TRIGGER {VERDICT_TABLE}_frozen_update BEFORE UPDATE ON {VERDICT_TABLE} "
        "WHEN OLD.state <> 'draft' AND ("
        f"{changed}"
        " OR (NEW.state IS NOT OLD.state AND NOT (OLD.state = 'published' "
        "     AND NEW.state IN ('superseded', 'retracted')))"
        " OR ((OLD.retracted_at IS NOT NULL OR OLD.retraction_note <> '')"
        "     AND (NEW.retracted_at IS NOT OLD.retracted_at"
        "          OR NEW.retraction_note IS NOT OLD.retraction_note))"
        " OR (NEW.state <> 'retracted'"
        "     AND (NEW.retracted_at IS NOT NULL OR NEW.retraction_note <> ''))"
        f") BEGIN SELECT RAISE(ABORT, '{FROZEN_MESSAGE} (UPDATE refused)'); END"
    )
    statements.append(
        f"CREATE TRIGGER {VERDICT_TABLE}_frozen_delete BEFORE DELETE ON {VERDICT_TABLE} "
        f"WHEN OLD.state <> 'draft' "
        f"BEGIN SELECT RAISE(ABORT, '{FROZEN_MESSAGE} (DELETE refused)'); END"
    )
    statements += [SQLITE_SPAN_CHECK.format(event=event) for event in ("INSERT", "UPDATE")]
    return statements


def _verdict_columns(connection: BaseDatabaseWrapper) -> list[str] | None:
    """The verdict table's columns, or None while the schema is older than the triggers (a
    partial migrate, or migrating backwards): they name columns migration 0008 adds."""
    tables = {*APPEND_ONLY_TABLES, VERDICT_TABLE, "claims_claim", "sources_snapshot"}
    with connection.cursor() as cursor:
        if not tables <= set(connection.introspection.table_names(cursor)):
            return None
        description = connection.introspection.get_table_description(cursor, VERDICT_TABLE)
    columns = [column.name for column in description]
    return columns if set(VERDICT_MUTABLE_COLUMNS) <= set(columns) else None


def install_triggers(connection: BaseDatabaseWrapper) -> None:
    """(Re)create the triggers on this connection's database. Idempotent."""
    columns = _verdict_columns(connection)
    if columns is None:
        return
    if connection.vendor == "postgresql":
        statements = _postgresql()
    elif connection.vendor == "sqlite":
        statements = _sqlite(columns)
    else:
        return  # claimtracker runs on PostgreSQL and SQLite only
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def drop_triggers(connection: BaseDatabaseWrapper) -> None:
    """For migrating backwards, and for the test suite's flush on SQLite (which empties tables
    with DELETE, where PostgreSQL's TRUNCATE fires no row triggers)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in APPEND_ONLY_TABLES:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            cursor.execute(f"DROP TRIGGER IF EXISTS {VERDICT_TABLE}_frozen ON {VERDICT_TABLE}")
        elif connection.vendor == "sqlite":
            for name in _sqlite_trigger_names():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
