"""API tokens are stored hashed: shown once, never readable from the database or the admin."""

from __future__ import annotations

import importlib
import io
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from rest_framework.authtoken.models import Token

from claims.models import ApiToken
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CLAIMS = "/api/v1/claims/"


def issue_with_command(username: str, *args: str) -> str:
    out = io.StringIO()
    call_command("create_api_token", username, *args, stdout=out)
    return out.getvalue().strip()


def every_stored_value() -> str:
    """Every cell of every table, as text: where a leaked token would be found."""
    cells = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            cells += [str(cell) for row in cursor.fetchall() for cell in row]
    return "\n".join(cells)


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Token {token}"}


def test_a_token_from_the_command_authenticates_and_is_not_stored(api, api_client_user):
    token = issue_with_command(api_client_user.username)

    assert api.get(CLAIMS, headers=auth(token)).status_code == 200
    stored = ApiToken.objects.get(user=api_client_user)
    assert stored.prefix == token[:8]
    assert stored.digest != token
    assert token not in every_stored_value()


def test_the_admin_shows_the_prefix_never_the_token(client, api_client_user):
    token = issue_with_command(api_client_user.username)
    row = ApiToken.objects.get()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    listing = client.get("/admin/claims/apitoken/")
    page = client.get(f"/admin/claims/apitoken/{row.pk}/change/")

    for response in (listing, page):
        assert response.status_code == 200
        body = response.content.decode()
        assert token not in body
        assert row.digest not in body
        assert f"{token[:8]}…" in body
    assert "Revoke the selected tokens" in listing.content.decode()
    # Nothing to edit, nothing to add: a token is issued (and shown once) by the command.
    assert b'name="_save"' not in page.content
    assert client.get("/admin/claims/apitoken/add/").status_code == 403
    # DRF's own token admin, which shows and creates plain-text keys, is gone.
    assert client.get("/admin/authtoken/tokenproxy/").status_code == 404


def test_the_admin_revoke_action_ends_a_token(api, client, api_client_user):
    token = issue_with_command(api_client_user.username)
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    response = client.post(
        "/admin/claims/apitoken/",
        {"action": "revoke", "_selected_action": [ApiToken.objects.get().pk]},
        follow=True,
    )

    assert "Revoked 1 token(s)" in response.content.decode()
    assert ApiToken.objects.get().revoked_at is not None
    assert api.get(CLAIMS, headers=auth(token)).status_code == 401


def test_desk_roles_cannot_see_tokens_in_the_admin(client, editor):
    client.force_login(editor)
    assert client.get("/admin/claims/apitoken/").status_code == 403


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"revoked_at": timezone.now()}, "This token has been revoked."),
        ({"expires_at": timezone.now() - timedelta(seconds=1)}, "This token has expired."),
    ],
)
def test_revoked_and_expired_tokens_are_401_in_the_error_shape(
    api, api_client_user, change, message
):
    row, token = ApiToken.issue(user=api_client_user, now=timezone.now())
    ApiToken.objects.filter(pk=row.pk).update(**change)

    response = api.get(CLAIMS, headers=auth(token))

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["code"] == "authentication_failed"
    assert response.json()["message"].startswith(message)


def test_an_unknown_token_is_401_saying_how_to_get_one(api):
    response = api.get(CLAIMS, headers=auth("0" * 40))
    assert response.status_code == 401
    assert "create_api_token" in response.json()["message"]


def test_a_token_with_an_expiry_works_until_then(api, api_client_user):
    token = issue_with_command(api_client_user.username, "--expires-days", "30")
    expires = ApiToken.objects.get().expires_at
    assert timedelta(days=29) < expires - timezone.now() <= timedelta(days=30)
    assert api.get(CLAIMS, headers=auth(token)).status_code == 200


def test_an_inactive_users_token_is_refused(api, api_client_user):
    _, token = ApiToken.issue(user=api_client_user, now=timezone.now())
    api_client_user.is_active = False
    api_client_user.save()
    assert api.get(CLAIMS, headers=auth(token)).status_code == 401


def test_last_use_is_recorded_at_most_once_a_minute(api, api_client_user):
    row, token = ApiToken.issue(user=api_client_user, now=timezone.now())
    assert row.last_used_at is None

    api.get(CLAIMS, headers=auth(token))
    first = ApiToken.objects.get().last_used_at
    assert first is not None
    api.get(CLAIMS, headers=auth(token))
    assert ApiToken.objects.get().last_used_at == first, "no write within the minute"

    a_while_ago = timezone.now() - timedelta(minutes=2)
    ApiToken.objects.update(last_used_at=a_while_ago)
    api.get(CLAIMS, headers=auth(token))
    assert ApiToken.objects.get().last_used_at > a_while_ago


def test_the_migration_hashes_old_plain_text_tokens_and_they_keep_working(api, api_client_user):
    old = Token.objects.create(user=api_client_user)  # what rest_framework.authtoken stored
    migration = importlib.import_module("claims.migrations.0012_hash_authtoken_tokens")

    migration.hash_old_tokens(apps, None)

    assert not Token.objects.exists(), "no plain-text token is left behind"
    moved = ApiToken.objects.get(user=api_client_user)
    assert (moved.prefix, moved.created_at) == (old.key[:8], old.created)
    assert old.key not in every_stored_value()
    assert api.get(CLAIMS, headers=auth(old.key)).status_code == 200
    migration.hash_old_tokens(apps, None)  # running it again changes nothing
    assert ApiToken.objects.count() == 1
