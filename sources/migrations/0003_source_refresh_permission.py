from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0002_refresh_tier_and_links"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="source",
            options={
                "ordering": ["-created_at", "-id"],
                "permissions": [("refresh_source", "Can refresh a source now")],
            },
        ),
    ]
