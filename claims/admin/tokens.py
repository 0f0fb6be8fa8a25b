"""API tokens in the admin: seen and revoked, never shown.

Only the prefix is displayed; the digest is not shown at all and nothing is editable. Tokens are
issued with `manage.py create_api_token`, which prints the token once. No desk role holds the
token permissions (claims/migrations/0003_roles.py), so only superusers see this page.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from claims.models import ApiToken

# DRF registers an admin for its plain-text tokens (keys shown, keys creatable); its app stays
# installed only for the migration that hashes them (claims 0012): nothing may be issued there.
if apps.is_installed("rest_framework.authtoken"):
    from rest_framework.authtoken.models import TokenProxy

    if admin.site.is_registered(TokenProxy):
        admin.site.unregister(TokenProxy)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = (
        "user",
        "shown_prefix",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
        "state",
    )
    list_filter = (("revoked_at", admin.EmptyFieldListFilter), "expires_at", "created_at")
    list_select_related = ("user",)
    search_fields = ("user__username", "prefix")
    # `digest` is left out on purpose: it is no secret, but nothing needs it on screen.
    fields = ("user", "shown_prefix", "created_at", "last_used_at", "expires_at", "revoked_at")
    readonly_fields = fields
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # the token must be shown once to its holder: create_api_token does that

    def has_change_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False  # revoke instead: the row stays as the record of who held what, and when

    def has_revoke_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("claims.change_apitoken")

    @admin.display(description="Token", ordering="prefix")
    def shown_prefix(self, token: ApiToken) -> str:
        return f"{token.prefix}…"

    @admin.display(description="State")
    def state(self, token: ApiToken) -> str:
        if token.revoked_at is not None:
            return "revoked"
        return "usable" if token.is_usable(now=timezone.now()) else "expired"

    @admin.action(description="Revoke the selected tokens", permissions=["revoke"])
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        count = queryset.revoke(now=timezone.now())
        self.message_user(
            request,
            f"Revoked {count} token(s); they stop working at once. Issue a new one with "
            "manage.py create_api_token USERNAME --rotate.",
            messages.SUCCESS,
        )
