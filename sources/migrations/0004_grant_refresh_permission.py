"""sources' own "refresh now" permission, created now, and given to whoever could refresh before.

Until this migration the admin's "refresh now" asked for sources.change_source, which claims
migration 0003 (kept as history) gives the desk's role groups. Every group holding
change_source is given refresh_source, so the same people can refresh; sources names no group
of its own (roles belong to claims).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_refresh(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure this one exists now.
    app_config = apps.get_app_config("sources")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    change = Permission.objects.filter(
        content_type__app_label="sources", codename="change_source"
    ).first()
    refresh = Permission.objects.get(content_type__app_label="sources", codename="refresh_source")
    if change is not None:
        for group in change.group_set.all():
            group.permissions.add(refresh)


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0003_source_refresh_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_refresh, migrations.RunPython.noop)]
