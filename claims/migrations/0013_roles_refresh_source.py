"""The desk's roles get sources' own "refresh now" permission (sources migration 0004).

sources 0004 gives it to every group already holding change_source, but on a fresh database the
migration plan may run it before claims 0003 creates the groups; this names them explicitly.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {"researcher": [("sources", "refresh_source")], "editor": [("sources", "refresh_source")]}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("sources")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in codes:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0012_hash_authtoken_tokens"),
        ("sources", "0004_grant_refresh_permission"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
