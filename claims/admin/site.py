"""Who gets into the editors' desk, and how the admin site presents itself.

Only active staff with a desk role (researcher, editor) get in; api_client accounts never do,
and the login form says why an account is refused.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpRequest

from claims.matching import matching_mode
from claims.workflow import API_CLIENT, DESK_ROLES, user_roles


def desk_has_permission(request: HttpRequest) -> bool:
    """Active staff with a desk role (researcher, editor; superusers count as editors).

    api_client accounts are machine accounts that read the API with a token: they are refused
    even when someone made them staff.
    """
    user = request.user
    if not (user.is_active and user.is_staff):
        return False
    roles = user_roles(user)
    return API_CLIENT not in roles and bool(roles & DESK_ROLES)


class DeskAuthenticationForm(AdminAuthenticationForm):
    """The admin login, saying why an account that is not a desk member cannot sign in."""

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        roles = user_roles(user)
        if API_CLIENT in roles:
            raise forms.ValidationError(
                "This is an API account (api_client): it reads the API with a token and cannot "
                "sign in to the editors' desk.",
                code="api_client",
            )
        if not roles & DESK_ROLES:
            raise forms.ValidationError(
                "This account has no desk role. Ask an editor to add you to the researcher or "
                "editor group.",
                code="no_desk_role",
            )


_admin_context = admin.site.each_context


def desk_context(request: HttpRequest) -> dict[str, Any]:
    """The admin's context, plus why matching is by wording alone when the sentence encoder
    cannot load (templates/admin/base_site.html shows it as a banner on every desk page)."""
    context = _admin_context(request)
    context["matching_problem"] = matching_mode()[1]
    return context


# config/urls.py serves the default admin.site, so the desk's rules are set on it here. A
# custom AdminSite class would need an AdminConfig.default_site entry in settings.
admin.site.has_permission = desk_has_permission
admin.site.login_form = DeskAuthenticationForm
admin.site.each_context = desk_context
admin.site.site_header = "claimtracker · editors' desk"
admin.site.site_title = "claimtracker desk"
admin.site.index_title = "Editors' desk"
admin.site.index_template = "claims/admin/index.html"
# The desk's pages are wide (article text, evidence tables): no model sidebar beside them.
admin.site.enable_nav_sidebar = False
