"""A claim's span must end inside its snapshot's text.

A CHECK constraint cannot look at another table, so this is a trigger, one per database vendor.
"""

from django.db import migrations

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION claims_claim_span_in_text() RETURNS trigger AS $$
BEGIN
    IF NEW.start IS NOT NULL AND NEW."end" > (
        SELECT char_length(text) FROM sources_snapshot WHERE id = NEW.snapshot_id
    ) THEN
        RAISE EXCEPTION 'claim span [%%, %%) ends past the text of snapshot %%',
            NEW.start, NEW."end", NEW.snapshot_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER claims_claim_span_in_text
    BEFORE INSERT OR UPDATE OF start, "end", snapshot_id ON claims_claim
    FOR EACH ROW EXECUTE FUNCTION claims_claim_span_in_text();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS claims_claim_span_in_text ON claims_claim;
DROP FUNCTION IF EXISTS claims_claim_span_in_text();
"""

SQLITE_CHECK = """
CREATE TRIGGER claims_claim_span_in_text_{event}
BEFORE {event} ON claims_claim
WHEN NEW.start IS NOT NULL AND NEW."end" > (
    SELECT length(text) FROM sources_snapshot WHERE id = NEW.snapshot_id
)
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: claim span ends past its snapshot text');
END;
"""


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_UP)
    elif vendor == "sqlite":
        for event in ("INSERT", "UPDATE"):
            schema_editor.execute(SQLITE_CHECK.format(event=event))


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DOWN)
    elif vendor == "sqlite":
        for event in ("INSERT", "UPDATE"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS claims_claim_span_in_text_{event}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial"), ("sources", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
