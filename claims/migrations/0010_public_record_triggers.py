"""Triggers that refuse changing history: events and citations are append-only, public
verdict versions frozen (claims/triggers.py has the rules)."""

from django.db import migrations


def install(apps, schema_editor):
    from claims.triggers import install_triggers

    install_triggers(schema_editor.connection)


def drop(apps, schema_editor):
    from claims.triggers import drop_triggers

    drop_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("claims", "0009_backfill_frozen_versions")]

    operations = [migrations.RunPython(install, drop)]
