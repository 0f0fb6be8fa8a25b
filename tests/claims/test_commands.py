from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_create_api_token_prints_only_the_token_and_it_authenticates(api, api_client_user):
    out = io.StringIO()
    call_command("create_api_token", api_client_user.username, stdout=out)
    token = out.getvalue().strip()
    assert out.getvalue() == token + "\n" and len(token) == 40

    response = api.get("/api/v1/claims/", headers={"Authorization": f"Token {token}"})
    assert response.status_code == 200
    assert api.get("/api/v1/claims/", headers={"Authorization": "Token nope"}).status_code == 401


def test_create_api_token_will_not_silently_issue_a_second_token(api_client_user):
    call_command("create_api_token", api_client_user.username, stdout=io.StringIO())
    with pytest.raises(CommandError, match="cannot be shown again: run with --rotate"):
        call_command("create_api_token", api_client_user.username, stdout=io.StringIO())


def test_create_api_token_rotate_replaces_the_token(api, api_client_user):
    first = io.StringIO()
    call_command("create_api_token", api_client_user.username, stdout=first)
    rotated = io.StringIO()
    call_command("create_api_token", api_client_user.username, "--rotate", stdout=rotated)
    old, new = first.getvalue().strip(), rotated.getvalue().strip()
    assert new != old
    assert api.get("/api/v1/claims/", headers={"Authorization": f"Token {new}"}).status_code == 200
    refused = api.get("/api/v1/claims/", headers={"Authorization": f"Token {old}"})
    assert refused.status_code == 401
    assert refused.json()["code"] == "authentication_failed"


def test_create_api_token_for_unknown_user_is_a_clear_error():
    with pytest.raises(CommandError, match="No user 'ghost'"):
        call_command("create_api_token", "ghost", stdout=io.StringIO())
