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
    again = io.StringIO()
    call_command("create_api_token", api_client_user.username, stdout=again)
    assert again.getvalue().strip() == token, "the same token until rotated"

    response = api.get("/api/v1/claims/", headers={"Authorization": f"Token {token}"})
    assert response.status_code == 200
    assert api.get("/api/v1/claims/", headers={"Authorization": "Token nope"}).status_code == 401

    rotated = io.StringIO()
    call_command("create_api_token", api_client_user.username, "--rotate", stdout=rotated)
    assert rotated.getvalue().strip() != token


def test_create_api_token_for_unknown_user_is_a_clear_error():
    with pytest.raises(CommandError, match="No user 'ghost'"):
        call_command("create_api_token", "ghost", stdout=io.StringIO())
