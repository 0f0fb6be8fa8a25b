"""pg_trgm and a GIN trigram index on claim text, for claims/match/ (PostgreSQL only).

The SQLite default has no trigram index; the match selector computes similarity in Python there.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS claim_text_trgm ON claims_claim USING gin (text gin_trgm_ops)"
DROP = "DROP INDEX IF EXISTS claim_text_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_roles")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_index, drop_index),
    ]
