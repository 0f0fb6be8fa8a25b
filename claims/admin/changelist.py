"""The claims list: ClaimAdmin, with what needs attention first, its filters and bulk actions.

ClaimAdmin is registered here with its list; its change view is the desk's claim page
(claims.admin.claim_page) and the article pages are added to its URLs (claims.admin.articles).
Bulk actions call the services the API calls, claim by claim, and report each refusal with the
service's own message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.timezone import localtime

from claims import selectors, services
from claims.admin.articles import ArticlePagesMixin
from claims.admin.claim_page import ClaimPageMixin
from claims.admin.families import FamilyPagesMixin
from claims.admin.forms import DismissForm, desk_users
from claims.admin.pages import DESK_CSS
from claims.admin.presentation import naturaltime_short
from claims.models import Claim, ClaimStatus, Evidence, Rating
from claims.workflow import WorkflowError
from sources import services as sources_services
from sources.models import Source

# The list's first sort key: what needs attention first.
ATTENTION = Case(
    When(status=ClaimStatus.NEEDS_UPDATE, then=Value(0)),
    When(status=ClaimStatus.IN_REVIEW, then=Value(1)),
    When(status=ClaimStatus.NEW, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


# Filters -------------------------------------------------------------------------------------


class RatingFilter(admin.SimpleListFilter):
    title = "current rating"
    parameter_name = "rating"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [*Rating.choices, ("none", "Not published")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "none":
            return queryset.filter(rating__isnull=True)
        if self.value() in Rating.values:
            return queryset.filter(rating=self.value())
        return queryset


class AssigneeFilter(admin.SimpleListFilter):
    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        others = [
            (str(user.pk), user.get_username())
            for user in desk_users()
            if user.pk != request.user.pk
        ]
        return [("mine", "Mine"), ("nobody", "Nobody"), *others]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value == "mine":
            return queryset.filter(assignee=request.user)
        if value == "nobody":
            return queryset.filter(assignee__isnull=True)
        if value and value.isdigit():
            return queryset.filter(assignee_id=int(value))
        return queryset


class ArticleFilter(admin.SimpleListFilter):
    title = "article"
    parameter_name = "article"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        articles = Source.objects.articles().only("pk", "title", "url", "document_hash")[:50]
        return [(str(article.pk), Truncator(str(article)).chars(60)) for article in articles]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(snapshot__source_id=int(value))
        return queryset


class SpeakerFilter(admin.SimpleListFilter):
    title = "speaker"
    parameter_name = "speaker"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        speakers = (
            Claim.objects.exclude(speaker="")
            .order_by("speaker")
            .values_list("speaker", flat=True)
            .distinct()[:40]
        )
        return [(speaker, Truncator(speaker).chars(40)) for speaker in speakers]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value():
            return queryset.filter(speaker=self.value())
        return queryset


class SeenBeforeFilter(admin.SimpleListFilter):
    """Claims that match a published fact-check, or were attached to one's family."""

    title = "checked before"
    parameter_name = "seen_before"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Checked before"), ("no", "Not checked before")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() in ("yes", "no"):
            return selectors.claims_seen_before(queryset, self.value() == "yes")
        return queryset


def _claim_label(claim: Claim) -> str:
    return f"Claim #{claim.pk} “{Truncator(claim.text).chars(60)}”"


MAX_REFUSALS_SHOWN = 15


@admin.register(Claim)
class ClaimAdmin(FamilyPagesMixin, ArticlePagesMixin, ClaimPageMixin, admin.ModelAdmin):
    """Claims: this list, each claim's desk page (ClaimPageMixin), the article pages
    (ArticlePagesMixin)."""

    list_display = (
        "claim_text",
        "status_badge",
        "score",
        "speaker",
        "article_link",
        "rating_label",
        "assignee",
        "evidence",
        "last_change",
    )
    list_display_links = ("claim_text",)
    list_filter = (
        "status",
        SeenBeforeFilter,
        RatingFilter,
        AssigneeFilter,
        ArticleFilter,
        SpeakerFilter,
    )
    search_fields = ("text", "speaker")  # searched by selectors.claim_search, as in the API
    search_help_text = "Search claim text and speaker."
    list_per_page = 50
    empty_value_display = "—"
    actions = ["assign_to_me", "start_research", "dismiss", "refresh_evidence"]
    change_list_template = "claims/admin/claim_change_list.html"

    class Media:
        css = {"all": (DESK_CSS,)}

    # ModelAdmin's own writes are closed: claims come from ingestion and change via services.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        # claim_list() annotates rating and evidence_count: no query per row.
        return selectors.claim_list().annotate(attention=ATTENTION)

    def get_ordering(self, request: HttpRequest) -> list[str]:
        # needs_update, then in_review, then new by check-worthiness, then the rest.
        return ["attention", "-checkworthiness", "id"]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        return selectors.claim_search(queryset, search_term), False

    # Columns ---------------------------------------------------------------------------------

    @admin.display(description="Claim", ordering="text")
    def claim_text(self, claim: Claim) -> str:
        return Truncator(claim.text).chars(140)

    @admin.display(description="Status", ordering="attention")
    def status_badge(self, claim: Claim) -> str:
        return format_html(
            '<span class="status-badge status-{}">{}</span>',
            claim.status,
            claim.get_status_display(),
        )

    @admin.display(description="Score", ordering="checkworthiness")
    def score(self, claim: Claim) -> str:
        return f"{claim.checkworthiness:.2f}"

    @admin.display(description="Article", ordering="snapshot__source__title")
    def article_link(self, claim: Claim) -> str:
        if claim.snapshot_id is None:
            return "—"
        source = claim.snapshot.source
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:claims_article_detail", args=[source.pk]),
            Truncator(str(source)).chars(20),
        )

    @admin.display(description="Rating", ordering="rating")
    def rating_label(self, claim: Claim) -> str:
        if not claim.rating:
            return "—"
        return format_html(
            '<span class="rating rating-{}">{}</span>',
            claim.rating,
            Rating(claim.rating).label,
        )

    @admin.display(description="Evidence", ordering="evidence_count")
    def evidence(self, claim: Claim) -> int:
        return claim.evidence_count

    @admin.display(description="Last change", ordering="updated_at")
    def last_change(self, claim: Claim) -> str:
        return format_html(
            '<span title="{}">{}</span>',
            date_format(localtime(claim.updated_at), "DATETIME_FORMAT"),
            naturaltime_short(claim.updated_at),
        )

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        extra = {"title": "Claims, what needs attention first", **(extra_context or {})}
        return super().changelist_view(request, extra)

    # Bulk actions ----------------------------------------------------------------------------

    def _bulk(
        self,
        request: HttpRequest,
        queryset: QuerySet,
        do: Callable[[Claim], Any],
        done: str,
    ) -> None:
        """Run `do(claim)` on each selected claim; report successes and each refusal."""
        succeeded = 0
        refusals: list[str] = []
        for claim in queryset:
            try:
                do(claim)
            except WorkflowError as exc:
                refusals.append(f"{_claim_label(claim)}: {exc.message}")
            else:
                succeeded += 1
        if succeeded:
            noun = "claim" if succeeded == 1 else "claims"
            self.message_user(request, f"{succeeded} {noun} {done}.", messages.SUCCESS)
        for refusal in refusals[:MAX_REFUSALS_SHOWN]:
            self.message_user(request, refusal, messages.ERROR)
        if len(refusals) > MAX_REFUSALS_SHOWN:
            self.message_user(
                request,
                f"…and {len(refusals) - MAX_REFUSALS_SHOWN} more claims were refused.",
                messages.ERROR,
            )

    @admin.action(description="Assign to me", permissions=["change"])
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._bulk(
            request,
            queryset,
            lambda claim: services.claim_update(
                claim=claim, actor=request.user, data={"assignee": request.user}
            ),
            "assigned to you",
        )

    @admin.action(description="Start research", permissions=["change"])
    def start_research(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._bulk(
            request,
            queryset,
            lambda claim: services.claim_transition(
                claim=claim, action="start_research", actor=request.user
            ),
            "moved to research",
        )

    @admin.action(description="Dismiss… (asks for a note)", permissions=["change"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet) -> TemplateResponse | None:
        form = DismissForm(request.POST if request.POST.get("post") == "yes" else None)
        if form.is_bound and form.is_valid():
            note = form.cleaned_data["note"]
            self._bulk(
                request,
                queryset,
                lambda claim: services.claim_transition(
                    claim=claim, action="dismiss", actor=request.user, note=note
                ),
                "dismissed",
            )
            return None  # back to the list
        context = self.desk_context(
            request,
            title="Dismiss claims",
            claims=list(queryset),
            form=form,
            action_checkbox_name=helpers.ACTION_CHECKBOX_NAME,
        )
        return TemplateResponse(request, "claims/admin/dismiss_confirmation.html", context)

    @admin.action(description="Refresh evidence sources now", permissions=["change"])
    def refresh_evidence(self, request: HttpRequest, queryset: QuerySet) -> None:
        claims = list(queryset)
        pairs = list(
            Evidence.objects.filter(claim__in=[claim.pk for claim in claims]).values_list(
                "claim_id", "source_id"
            )
        )
        source_ids = sorted({source_id for _, source_id in pairs})
        with_evidence = {claim_id for claim_id, _ in pairs}
        for claim in claims:
            if claim.pk not in with_evidence:
                self.message_user(
                    request,
                    f"{_claim_label(claim)}: it has no evidence to refresh. Add evidence first.",
                    messages.WARNING,
                )
        if not source_ids:
            return
        scheduled = sources_services.source_refresh_now(source_ids=source_ids)
        skipped = len(source_ids) - scheduled
        message = f"{scheduled} of {len(source_ids)} evidence sources scheduled for a refresh."
        if skipped:
            message += f" {skipped} not fetched: blocked, or pasted documents without a URL."
        self.message_user(request, message, messages.SUCCESS if scheduled else messages.WARNING)
