"""Who is calling: API tokens stored hashed, and the client address behind trusted proxies.

`ApiTokenAuthentication` keeps DRF's header (`Authorization: Token <token>`), so clients holding
a token change nothing; it looks the token up by its SHA-256 digest (claims.models.ApiToken).

`client_ip` is the one rule for "which address is the client", used by the API throttles (DRF
reads REST_FRAMEWORK["NUM_PROXIES"]) and by the admin login lockout (AXES_CLIENT_IP_CALLABLE).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication
from rest_framework.throttling import BaseThrottle

from claims import selectors
from claims.models import ApiToken


class ApiTokenAuthentication(TokenAuthentication):
    """DRF's token header, checked against hashed tokens; revoked and expired tokens are 401."""

    model = ApiToken

    def authenticate_credentials(self, key: str) -> tuple[Any, ApiToken]:
        token = selectors.api_token(ApiToken.digest_of(key))
        if token is None:
            raise exceptions.AuthenticationFailed(
                "Invalid token. Send 'Authorization: Token <token>' with a token issued by "
                "manage.py create_api_token."
            )
        now = timezone.now()
        # Only the holder of the token learns why it stopped working: the message helps them
        # and tells nobody else anything.
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(
                "This token has been revoked. Ask an administrator for a new one."
            )
        if not token.is_usable(now=now):
            raise exceptions.AuthenticationFailed(
                "This token has expired. Ask an administrator for a new one."
            )
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("The token's user is inactive.")
        token.record_use(now=now)
        return token.user, token


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or with API_TRUSTED_PROXIES = N > 0 the address the
    N-th proxy from us appended to X-Forwarded-For (what the client wrote there is ignored).

    DRF's own rule (NUM_PROXIES), so the throttles and the login lockout count the same client.
    """
    return BaseThrottle().get_ident(request) or None
