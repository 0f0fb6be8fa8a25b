"""Who may use the claims API: desk members write, api_client tokens read, the feeds are public
unless CLAIMS_PUBLIC_FEED is off."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from claims.workflow import API_CLIENT, is_desk_member, user_roles


class CanRead(BasePermission):
    """Desk members and api_client tokens read; only desk members (researcher, editor) write."""

    message = (
        "Your account has no role on this desk. Ask an editor for the researcher, editor or "
        "api_client role."
    )

    def has_permission(self, request: Request, view: Any) -> bool:
        roles = user_roles(request.user)
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return bool(roles & {API_CLIENT, "researcher", "editor"})
        if is_desk_member(request.user):
            return True
        self.message = "Only researchers and editors can change the desk; api_client is read-only."
        return False


class DeskOnly(BasePermission):
    message = "Only researchers and editors can see work in progress (drafts, evidence, history)."

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_desk_member(request.user)


class PublicFeed(BasePermission):
    """Published fact-checks are publications: public unless CLAIMS_PUBLIC_FEED is off."""

    message = "The verdict feed needs a token on this server."

    @staticmethod
    def public_read() -> bool:
        return settings.CLAIMS_PUBLIC_FEED

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            return False
        return settings.CLAIMS_PUBLIC_FEED or bool(user_roles(request.user))
