"""What the desk's own pages share: their stylesheet, template context and permission checks.

ClaimAdmin's hand-built pages (a claim's page, the article pages) are mixins of one ModelAdmin;
DeskPageMixin gives them the same context and the same two checks: who may look, who may write.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest

from claims.workflow import is_desk_member

# Read by ClaimAdmin.Media (the claims list) and by the desk's templates through desk_context.
DESK_CSS = "claims/desk.css"


class DeskPageMixin:
    """For a ModelAdmin whose views render the desk's own templates."""

    def desk_context(self, request: HttpRequest, **extra: Any) -> dict[str, Any]:
        """The admin's context for a page of the desk, plus `extra`."""
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "media": self.media,
            "desk_css": DESK_CSS,
            **extra,
        }

    def require_view(self, request: HttpRequest, obj: Model | None = None) -> None:
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied

    def require_desk(self, request: HttpRequest, obj: Model | None = None) -> None:
        """Writing needs a desk role as well as the change permission."""
        if not (is_desk_member(request.user) and self.has_change_permission(request, obj)):
            raise PermissionDenied
