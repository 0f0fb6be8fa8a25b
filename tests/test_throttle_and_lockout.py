"""Clients are counted by an address they cannot choose: the API throttle and the admin lockout.

Both take the client's address from claims.api.authentication.client_ip (API_TRUSTED_PROXIES).
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import RequestFactory
from rest_framework.throttling import AnonRateThrottle

from claims.api.authentication import client_ip
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FEED = "/api/v1/verdicts/"  # public: throttled as anonymous
PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


def unique_ip() -> str:
    """An address no other test (or test run sharing the Redis cache) has used."""
    raw = uuid.uuid4().bytes
    return f"10.{raw[0]}.{raw[1]}.{raw[2]}"


@pytest.fixture
def three_per_minute(monkeypatch):
    # DRF reads its rates at import; a class attribute is what each throttle then reads.
    monkeypatch.setattr(AnonRateThrottle, "rate", "3/min", raising=False)


def test_a_new_x_forwarded_for_per_request_does_not_escape_the_throttle(api, three_per_minute):
    ip = unique_ip()
    for _ in range(3):
        assert api.get(FEED, REMOTE_ADDR=ip).status_code == 200
    assert api.get(FEED, REMOTE_ADDR=ip).status_code == 429

    for _ in range(5):
        spoofed = api.get(FEED, REMOTE_ADDR=ip, HTTP_X_FORWARDED_FOR=unique_ip())
        assert spoofed.status_code == 429
    assert spoofed.json()["code"] == "throttled"
    assert api.get(FEED, REMOTE_ADDR=unique_ip()).status_code == 200, "others are not throttled"


def test_behind_one_trusted_proxy_the_client_is_the_address_the_proxy_added(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    request = RequestFactory().get(
        "/", REMOTE_ADDR="172.18.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
    )
    assert client_ip(request) == "203.0.113.9", "what the client wrote itself is ignored"


def test_with_no_trusted_proxy_x_forwarded_for_is_ignored():
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_ip(request) == "203.0.113.9"


# --- The admin login --------------------------------------------------------------------------


def sign_in(client, username: str, password: str, ip: str):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_repeated_wrong_passwords_lock_the_username_at_that_address(
    client, editor, second_editor, settings
):
    limit = settings.AXES_FAILURE_LIMIT
    ip = unique_ip()
    for _ in range(limit - 1):
        wrong = sign_in(client, editor.username, "wrong", ip)
        assert wrong.status_code == 200
        assert "Please enter the correct username and password" in wrong.content.decode()

    assert sign_in(client, editor.username, "wrong", ip).status_code == 429
    refused = sign_in(client, editor.username, PASSWORD, ip)
    assert refused.status_code == 429
    assert "Too many failed sign-ins" in refused.content.decode()
    assert "_auth_user_id" not in client.session

    # Not a lockout of the account, nor of the address: the pair.
    assert signed_in(sign_in(client, editor.username, PASSWORD, unique_ip()))
    client.logout()
    assert signed_in(sign_in(client, second_editor.username, PASSWORD, ip))
    client.logout()
    assert sign_in(client, editor.username, PASSWORD, ip).status_code == 429


def test_the_lockout_ends_after_the_cool_off(client, editor, settings):
    ip = unique_ip()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, editor.username, "wrong", ip)
    assert sign_in(client, editor.username, PASSWORD, ip).status_code == 429

    # The cool-off runs from the last attempt: let it pass.
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )

    assert signed_in(sign_in(client, editor.username, PASSWORD, ip))


def test_a_spoofed_x_forwarded_for_does_not_escape_the_lockout(client, editor, settings):
    ip = unique_ip()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": editor.username, "password": "wrong"},
            REMOTE_ADDR=ip,
            HTTP_X_FORWARDED_FOR=unique_ip(),
        )
    assert sign_in(client, editor.username, PASSWORD, ip).status_code == 429


def test_the_desk_login_still_explains_a_refused_api_account(client, api_client_user, settings):
    api_client_user.is_staff = True
    api_client_user.save()
    ip = unique_ip()
    # The right password, refused for the role: the form says why, and it is no guess to count.
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = sign_in(client, api_client_user.username, PASSWORD, ip)
        assert response.status_code == 200
        assert "This is an API account (api_client)" in response.content.decode()


def test_a_successful_sign_in_clears_earlier_failures(client, settings):
    user = UserFactory(username="tess_typo", is_staff=True, is_superuser=True)
    ip = unique_ip()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, user.username, "wrong", ip)
    assert signed_in(sign_in(client, user.username, PASSWORD, ip))
    client.logout()
    assert sign_in(client, user.username, "wrong", ip).status_code == 200, "counting anew"
