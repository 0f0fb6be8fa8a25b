"""The desk's roles as Django groups, with the model permissions the admin needs.

Which workflow actions each role may take is decided in code (claims/roles.py); these
permissions only open the admin screens.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW_ALL = [
    ("claims", "view_claim"),
    ("claims", "view_verdict"),
    ("claims", "view_evidence"),
    ("claims", "view_claimevent"),
    ("claims", "view_verdictcitation"),
    ("sources", "view_source"),
    ("sources", "view_snapshot"),
]
DESK = [
    *VIEW_ALL,
    ("claims", "add_claim"),
    ("claims", "change_claim"),
    ("claims", "add_verdict"),
    ("claims", "change_verdict"),
    ("claims", "add_evidence"),
    ("claims", "change_evidence"),
    ("claims", "delete_evidence"),
    ("sources", "add_source"),
    ("sources", "change_source"),
]
ROLES = {"researcher": DESK, "editor": DESK, "api_client": VIEW_ALL}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in codes:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_claim_span_trigger"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
