"""Move DRF's plain-text tokens (rest_framework.authtoken) into claims.ApiToken, hashed.

Each old key becomes the secret of a new row (its first 8 characters and its SHA-256 digest are
stored), so every client keeps its token; then the old table is emptied, so no plain-text token
is left in the database. The app stays installed (this migration depends on it), unused.

Going back cannot restore the plain text: the reverse step does nothing (undoing 0011 drops the
hashed tokens), and the old code then has no tokens: issue new ones with create_api_token.
"""

import hashlib

from django.db import migrations

PREFIX_LENGTH = 8  # claims.models.ApiToken.PREFIX_LENGTH when this was written


def hash_old_tokens(apps, schema_editor):
    Token = apps.get_model("authtoken", "Token")
    ApiToken = apps.get_model("claims", "ApiToken")
    for old in Token.objects.iterator():
        ApiToken.objects.get_or_create(
            digest=hashlib.sha256(old.key.encode()).hexdigest(),
            defaults={
                "user_id": old.user_id,
                "prefix": old.key[:PREFIX_LENGTH],
                "created_at": old.created,
            },
        )
    Token.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0011_apitoken"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]

    operations = [migrations.RunPython(hash_old_tokens, migrations.RunPython.noop)]
