"""The "Suggested families" page: claims of different articles that the guard calls the same
claim, grouped (selectors.family_suggestions), with one button per group that attaches them all
to the published fact-check they repeat (services.attach_occurrences: editors only, all or
none, each claim at the version shown). A view of ClaimAdmin, like the article pages
(`admin:claims_family_suggestions`, /admin/claims/claim/families/).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse

from claims import selectors, services
from claims.admin.pages import DeskPageMixin
from claims.models import Claim
from claims.workflow import EDITOR, WorkflowError, user_roles


class FamilyPagesMixin(DeskPageMixin):
    """For ClaimAdmin: the suggested families page, under its URLs."""

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.family_suggestions_view)
        return [
            path("families/", view, name="claims_family_suggestions"),
            *super().get_urls(),
        ]

    def family_suggestions_view(self, request: HttpRequest) -> HttpResponse:
        self.require_view(request)
        if request.method == "POST":
            self.require_desk(request)
            return self._attach_group(request)
        return TemplateResponse(
            request,
            "claims/admin/family_suggestions.html",
            self.desk_context(
                request,
                title="Suggested families",
                suggestions=selectors.family_suggestions(),
                is_editor=EDITOR in user_roles(request.user),
            ),
        )

    def _attach_group(self, request: HttpRequest) -> HttpResponse:
        back = HttpResponseRedirect(reverse("admin:claims_family_suggestions"))
        try:
            head_id = int(request.POST.get("head", ""))
            versions = {
                int(key.removeprefix("version-")): int(value)
                for key, value in request.POST.items()
                if key.startswith("version-")
            }
        except ValueError:
            messages.error(request, "The form was incomplete. Reload the page and try again.")
            return back
        if not versions or not Claim.objects.filter(pk=head_id).exists():
            messages.error(request, "Nothing to attach. Reload the page and try again.")
            return back
        try:
            services.attach_occurrences(versions, head_id, actor=request.user)
        except WorkflowError as exc:
            messages.error(request, f"Nothing was attached. {exc.message}")
            return back
        numbers = ", ".join(f"#{pk}" for pk in sorted(versions))
        messages.success(
            request,
            f"Attached {numbers}: same claim as #{head_id}. They now show that fact-check's "
            "verdict, and their articles are listed on it.",
        )
        return back
