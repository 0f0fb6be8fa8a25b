"""The editors' desk: the admin as a working tool for researchers and editors.

Every change made here goes through claims.services, the same functions the API calls, so each
one writes its ClaimEvent and obeys the one workflow in claims.workflow. The admin never saves a
claim, verdict or evidence row itself: ModelAdmin's own add/change/delete paths are closed.

Pages:
- Claims list (ClaimAdmin's changelist): what needs attention first, filters, bulk actions.
- A claim's page (ClaimAdmin.change_view, replaced by the desk view): the sentence in its
  paragraph, the score's features, the draft verdict, evidence, history, workflow buttons.
- Articles: views registered through ClaimAdmin.get_urls (`admin:claims_article_*`). An article
  is a sources.Source of kind "article", but its page is about claims (their highlights,
  ingesting, re-extracting), and `sources` must not import `claims`; a proxy model would need a
  migration. So the article pages live here, next to the claims they show.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.timezone import localtime

from claims import publication, selectors, services
from claims.desk import (
    EVENT_LABELS,
    ClaimEditForm,
    DismissForm,
    EvidenceAddForm,
    EvidenceEditForm,
    IngestForm,
    ReextractForm,
    TransitionForm,
    VerdictForm,
    claim_hover,
    describe_changes,
    desk_actions,
    desk_users,
    feature_rows,
    highlight_claims,
    naturaltime_short,
    paragraph_around,
)
from claims.extraction import InputError
from claims.models import Claim, ClaimStatus, Evidence, Rating, Verdict
from claims.workflow import API_CLIENT, DESK_ROLES, WorkflowError, is_desk_member, user_roles
from sources.models import Snapshot, Source
from sources.normalize import InvalidURL

DESK_CSS = "claims/desk.css"

# --- The site: only desk members get in --------------------------------------------------------


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


# config/urls.py serves the default admin.site, so the desk's rules are set on it here. A
# custom AdminSite class would need an AdminConfig.default_site entry in settings.
admin.site.has_permission = desk_has_permission
admin.site.login_form = DeskAuthenticationForm
admin.site.site_header = "claimtracker · editors' desk"
admin.site.site_title = "claimtracker desk"
admin.site.index_title = "Editors' desk"
admin.site.index_template = "claims/admin/index.html"
# The desk's pages are wide (article text, evidence tables): no model sidebar beside them.
admin.site.enable_nav_sidebar = False


# --- Claims list --------------------------------------------------------------------------------

ATTENTION = Case(
    When(status=ClaimStatus.NEEDS_UPDATE, then=Value(0)),
    When(status=ClaimStatus.IN_REVIEW, then=Value(1)),
    When(status=ClaimStatus.NEW, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


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


def _claim_label(claim: Claim) -> str:
    return f"Claim #{claim.pk} “{Truncator(claim.text).chars(60)}”"


MAX_REFUSALS_SHOWN = 15


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
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
    list_filter = ("status", RatingFilter, AssigneeFilter, ArticleFilter, SpeakerFilter)
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

    def _bulk(self, request: HttpRequest, queryset: QuerySet, do, done: str) -> None:
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
        context = {
            **self.admin_site.each_context(request),
            "title": "Dismiss claims",
            "opts": self.model._meta,
            "claims": list(queryset),
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "claims/admin/dismiss_confirmation.html", context)

    @admin.action(description="Refresh evidence sources now", permissions=["change"])
    def refresh_evidence(self, request: HttpRequest, queryset: QuerySet) -> None:
        # sources.services imports nothing from claims; imported here so that the admin loads
        # even while the refresh service is being reworked.
        from sources.services import source_refresh_now

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
        scheduled = source_refresh_now(source_ids=source_ids)
        skipped = len(source_ids) - scheduled
        message = f"{scheduled} of {len(source_ids)} evidence sources scheduled for a refresh."
        if skipped:
            message += f" {skipped} not fetched: blocked, or pasted documents without a URL."
        self.message_user(request, message, messages.SUCCESS if scheduled else messages.WARNING)

    # URLs ------------------------------------------------------------------------------------

    def get_urls(self) -> list:
        def wrap(view):
            return self.admin_site.admin_view(view)

        # Before ModelAdmin's own URLs: its "<path:object_id>/" would swallow "articles/".
        return [
            path("articles/", wrap(self.article_list_view), name="claims_article_list"),
            path("articles/ingest/", wrap(self.article_ingest_view), name="claims_article_ingest"),
            path(
                "articles/<int:source_id>/",
                wrap(self.article_view),
                name="claims_article_detail",
            ),
            *super().get_urls(),
        ]

    def _context(self, request: HttpRequest, **extra: Any) -> dict[str, Any]:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "media": self.media,
            "desk_css": DESK_CSS,
            **extra,
        }

    # A claim's page --------------------------------------------------------------------------

    def history_view(self, request: HttpRequest, object_id: str, extra_context=None):
        # The claim's history is its ClaimEvents, shown on its page.
        return HttpResponseRedirect(
            reverse("admin:claims_claim_change", args=[object_id]) + "#history"
        )

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        if not object_id.isdigit():
            raise Http404("No such claim.")
        claim = get_object_or_404(selectors.claim_detail(), pk=int(object_id))
        if not self.has_view_or_change_permission(request, claim):
            raise PermissionDenied
        if request.method == "POST":
            if not (is_desk_member(request.user) and self.has_change_permission(request, claim)):
                raise PermissionDenied
            handler = {
                "transition": self._post_transition,
                "verdict": self._post_verdict,
                "claim": self._post_claim,
                "evidence_add": self._post_evidence_add,
                "evidence_update": self._post_evidence_update,
                "evidence_delete": self._post_evidence_delete,
            }.get(request.POST.get("op", ""))
            if handler is None:
                messages.error(request, "Unknown request: reload the page and try again.")
                return self._back(claim)
            return handler(request, claim)
        return self._render_claim(request, claim)

    def _back(self, claim: Claim, anchor: str = "") -> HttpResponseRedirect:
        url = reverse("admin:claims_claim_change", args=[claim.pk])
        return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)

    def _render_claim(
        self,
        request: HttpRequest,
        claim: Claim,
        *,
        status: int = 200,
        verdict_form: VerdictForm | None = None,
        unsaved_verdict: dict | None = None,
        claim_form: ClaimEditForm | None = None,
        evidence_form: EvidenceAddForm | None = None,
        edit_forms: dict[int, EvidenceEditForm] | None = None,
    ) -> TemplateResponse:
        claim = selectors.claim_detail().get(pk=claim.pk)  # fresh: a refused save shows the DB
        draft = services.current_draft(claim)
        user = request.user
        actions, four_eyes_hint = desk_actions(
            claim, draft, user, publication.draft_contributors(claim, draft)
        )
        paragraph = (
            paragraph_around(claim.snapshot.text, claim.start, claim.end)
            if claim.snapshot_id is not None and claim.start is not None
            else None
        )
        closed = claim.is_closed
        if verdict_form is None:
            verdict_form = VerdictForm(
                initial={
                    "rating": draft.rating if draft else "",
                    "conclusion": draft.conclusion if draft else "",
                    "explanation": draft.explanation if draft else "",
                    "revision": draft.revision if draft else 0,
                }
            )
        if claim_form is None:
            claim_form = ClaimEditForm(
                initial={
                    "text": claim.text,
                    "speaker": claim.speaker,
                    "speaker_type": claim.speaker_type,
                    "assignee": claim.assignee_id,
                    "version": claim.version,
                }
            )
        edit_forms = edit_forms or {}
        evidence_rows = []
        for item in selectors.claim_evidence(claim):
            form = edit_forms.get(item.pk) or EvidenceEditForm(
                initial={
                    "evidence": item.pk,
                    "state": item.state,
                    "stance": item.stance,
                    "excerpt": item.excerpt,
                    "note": item.note,
                    "without_archive_reason": item.without_archive_reason,
                },
                auto_id=f"ev{item.pk}_%s",
            )
            evidence_rows.append({"item": item, "form": form, "open": item.pk in edit_forms})
        events = [
            {
                "event": event,
                "label": EVENT_LABELS.get(event.action, event.action.replace("_", " ")),
                "changes": describe_changes(event.changes),
            }
            for event in selectors.claim_events(claim)
        ]
        versions = selectors.published_versions().filter(claim=claim).order_by("-number")
        context = self._context(
            request,
            title=f"Claim #{claim.pk}",
            claim=claim,
            article=claim.snapshot.source if claim.snapshot_id else None,
            rating_label=Rating(claim.rating).label if claim.rating else "",
            paragraph=paragraph,
            reworded=paragraph is not None and claim.text.strip() != paragraph.claim.strip(),
            features=feature_rows(claim.features),
            draft=draft,
            closed=closed,
            verdict_form=verdict_form,
            unsaved_verdict=unsaved_verdict,
            claim_form=claim_form,
            evidence_rows=evidence_rows,
            evidence_form=evidence_form or EvidenceAddForm(),
            events=events,
            versions=versions,
            actions=actions,
            needs_note=any(action.note_required for action in actions),
            four_eyes_hint=four_eyes_hint,
            transition_form=TransitionForm(
                initial={
                    "version": claim.version,
                    "review_tag": publication.review_tag(claim, draft),
                }
            ),
            can_edit=is_desk_member(user),
        )
        return TemplateResponse(request, "claims/admin/claim_desk.html", context, status=status)

    def _post_transition(self, request: HttpRequest, claim: Claim) -> HttpResponse:
        form = TransitionForm(request.POST)
        if not form.is_valid():
            messages.error(request, "The action could not be read: reload the page and try again.")
            return self._back(claim)
        action = form.cleaned_data["action"]
        try:
            claim = services.claim_transition(
                claim=claim,
                action=action,
                actor=request.user,
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
                # Publish exactly what this page showed: the same check as the API's If-Match.
                expected_tag=form.cleaned_data["review_tag"] if action == "publish" else None,
            )
        except WorkflowError as exc:
            messages.error(request, exc.message)
            return self._back(claim)
        messages.success(
            request,
            f"{EVENT_LABELS.get(action, action)}: the claim is now "
            f"{claim.get_status_display().lower()}.",
        )
        return self._back(claim)

    def _post_verdict(self, request: HttpRequest, claim: Claim) -> HttpResponse:
        form = VerdictForm(request.POST)
        if not form.is_valid():
            return self._render_claim(request, claim, status=400, verdict_form=form)
        if form.cleaned_data["revision"] == 0 and not any(form.verdict_data().values()):
            messages.info(request, "Nothing to save: write a rating or a conclusion first.")
            return self._back(claim, "verdict")
        try:
            draft = services.verdict_update_draft(
                claim=claim,
                actor=request.user,
                data=form.verdict_data(),
                expected_revision=form.cleaned_data["revision"],
            )
        except WorkflowError as exc:
            messages.error(request, exc.message)
            if exc.code == "stale_version":
                # Show the saved draft, and what this editor typed so it is not lost.
                unsaved = form.verdict_data()
                if unsaved["rating"]:
                    unsaved["rating"] = Rating(unsaved["rating"]).label
                return self._render_claim(request, claim, status=409, unsaved_verdict=unsaved)
            return self._render_claim(request, claim, status=409, verdict_form=form)
        messages.success(request, f"Draft verdict saved (revision {draft.revision}).")
        return self._back(claim, "verdict")

    def _post_claim(self, request: HttpRequest, claim: Claim) -> HttpResponse:
        form = ClaimEditForm(request.POST)
        if not form.is_valid():
            return self._render_claim(request, claim, status=400, claim_form=form)
        data = form.changed_claim_data(claim)
        if not data:
            messages.info(request, "Nothing changed.")
            return self._back(claim)
        try:
            services.claim_update(
                claim=claim,
                actor=request.user,
                data=data,
                expected_version=form.cleaned_data["version"],
            )
        except WorkflowError as exc:
            messages.error(request, exc.message)
            if exc.code == "stale_version":
                return self._render_claim(request, claim, status=409)
            return self._render_claim(request, claim, status=409, claim_form=form)
        messages.success(request, "Claim saved.")
        return self._back(claim)

    def _post_evidence_add(self, request: HttpRequest, claim: Claim) -> HttpResponse:
        form = EvidenceAddForm(request.POST)
        if form.is_valid():
            try:
                services.evidence_add(
                    claim=claim,
                    actor=request.user,
                    source_url=form.cleaned_data["source_url"],
                    stance=form.cleaned_data["stance"],
                    excerpt=form.cleaned_data["excerpt"],
                    note=form.cleaned_data["note"],
                    without_archive_reason=form.cleaned_data["without_archive_reason"],
                )
            except InvalidURL as exc:
                form.add_error("source_url", str(exc))
            except WorkflowError as exc:
                messages.error(request, exc.message)
                return self._render_claim(request, claim, status=409, evidence_form=form)
            else:
                messages.success(request, "Evidence added.")
                return self._back(claim, "evidence")
        return self._render_claim(request, claim, status=400, evidence_form=form)

    def _evidence_of(self, claim: Claim, evidence_id: Any) -> Evidence:
        if not str(evidence_id).isdigit():
            raise Http404("No such evidence.")
        return get_object_or_404(
            Evidence.objects.select_related("source"), pk=int(evidence_id), claim=claim
        )

    def _post_evidence_update(self, request: HttpRequest, claim: Claim) -> HttpResponse:
        evidence = self._evidence_of(claim, request.POST.get("evidence"))
        form = EvidenceEditForm(request.POST, auto_id=f"ev{evidence.pk}_%s")
        if not form.is_valid():
            return self._render_claim(request, claim, status=400, edit_forms={evidence.pk: form})
        try:
            services.evidence_update(
                evidence=evidence, actor=request.user, data=form.evidence_data()
            )
        except WorkflowError as exc:
            messages.error(request, exc.message)
            return self._render_claim(request, claim, status=409, edit_forms={evidence.pk: form})
        messages.success(request, "Evidence saved.")
        return self._back(claim, "evidence")

    def _post_evidence_delete(self, request: HttpRequest, claim: Claim) -> HttpResponse:
        evidence = self._evidence_of(claim, request.POST.get("evidence"))
        try:
            services.evidence_delete(evidence=evidence, actor=request.user)
        except WorkflowError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"Evidence removed: {evidence.source}.")
        return self._back(claim, "evidence")

    # Articles --------------------------------------------------------------------------------

    def _require_view(self, request: HttpRequest) -> None:
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied

    def _require_desk(self, request: HttpRequest) -> None:
        if not (is_desk_member(request.user) and self.has_change_permission(request)):
            raise PermissionDenied

    def article_list_view(self, request: HttpRequest) -> TemplateResponse:
        self._require_view(request)
        page = Paginator(selectors.article_list(), 50).get_page(request.GET.get("p"))
        return TemplateResponse(
            request,
            "claims/admin/article_list.html",
            self._context(request, title="Articles", page=page),
        )

    def article_ingest_view(self, request: HttpRequest) -> HttpResponse:
        self._require_desk(request)
        form = IngestForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            response = self._ingest(request, form)
            if response is not None:
                return response
        return TemplateResponse(
            request,
            "claims/admin/article_ingest.html",
            self._context(request, title="Ingest an article", form=form),
            status=400 if form.errors else 200,
        )

    def _ingest(self, request: HttpRequest, form: IngestForm) -> HttpResponse | None:
        data = form.cleaned_data
        content, url, title = data["content"], data["url"].strip(), data["title"].strip()
        try:
            if content.strip():
                try:
                    document = services.document_read(
                        content=content, format=form.cleaned_data["format"], url=url
                    )
                except InputError as exc:
                    form.add_error("content", str(exc))
                    return None
                result = services.article_ingest(
                    document=document, raw=content, url=url, title=title, actor=request.user
                )
                article = result.article
                if result.created:
                    message = (
                        f"Stored “{article}” with {len(result.new_claims)} claims: they are "
                        "highlighted below."
                    )
                else:
                    message = (
                        f"“{article}” was already stored with this text; "
                        f"{len(result.new_claims)} new claims."
                    )
            else:
                article = services.article_ingest_url(url=url, title=title, actor=request.user)
                message = (
                    f"“{article}” is queued for fetching; its claims appear here once the page "
                    "has been fetched."
                )
        except InvalidURL as exc:
            form.add_error("url", str(exc))
            return None
        messages.success(request, message)
        return HttpResponseRedirect(reverse("admin:claims_article_detail", args=[article.pk]))

    def article_view(self, request: HttpRequest, source_id: int) -> HttpResponse:
        self._require_view(request)
        article = get_object_or_404(Source.objects.articles(), pk=source_id)
        snapshots = list(
            article.snapshots.defer("text", "raw_body", "headers").order_by("-fetched_at", "-id")
        )
        snapshot = snapshots[0] if snapshots else None
        wanted = request.GET.get("snapshot", "")
        if wanted.isdigit():
            snapshot = next((s for s in snapshots if s.pk == int(wanted)), None)
            if snapshot is None:
                raise Http404("That snapshot is not of this article.")
        reextract_form = ReextractForm(request.POST or None)
        if request.method == "POST":
            self._require_desk(request)
            if snapshot is None:
                messages.error(request, "There is no stored text to extract claims from yet.")
            elif reextract_form.is_valid():
                stored = Snapshot.objects.get(pk=snapshot.pk)
                new_claims = services.snapshot_extract_claims(
                    snapshot=stored,
                    min_score=reextract_form.cleaned_data["min_score"],
                    actor=request.user,
                )
                messages.success(
                    request,
                    f"Re-extracted: {len(new_claims)} new claims "
                    "(claims already stored are kept as they are).",
                )
                return HttpResponseRedirect(request.get_full_path())
        claims = []
        text_html = ""
        if snapshot is not None:
            snapshot = Snapshot.objects.get(pk=snapshot.pk)  # now with its text
            claims = list(selectors.claim_list().filter(snapshot=snapshot).order_by("start", "id"))
            text_html = highlight_claims(
                snapshot.text,
                [claim for claim in claims if claim.start is not None],
                lambda claim: reverse("admin:claims_claim_change", args=[claim.pk]),
            )
        return TemplateResponse(
            request,
            "claims/admin/article.html",
            self._context(
                request,
                title=str(article),
                article=article,
                snapshot=snapshot,
                snapshots=snapshots,
                claims=[{"claim": claim, "hover": claim_hover(claim)} for claim in claims],
                text_html=text_html,
                reextract_form=reextract_form,
                can_edit=is_desk_member(request.user),
            ),
            status=400 if reextract_form.errors else 200,
        )


@admin.register(Verdict)
class VerdictAdmin(admin.ModelAdmin):
    """Verdicts are read here; they are written on the claim's page, through the services."""

    list_display = ("claim_link", "state", "number", "rating", "author", "reviewer", "published_at")
    list_filter = ("state", "rating")
    list_select_related = ("claim", "author", "reviewer")
    search_fields = ("claim__text", "conclusion")
    ordering = ("-published_at", "-id")
    # Every field read-only and the claim as a link, not a choice list: a choice list of claims
    # would be ordered by ClaimAdmin's ordering, which needs its list's annotations.
    fields = readonly_fields = (
        "claim_link",
        "state",
        "number",
        "rating",
        "conclusion",
        "explanation",
        "claim_text",
        "claim_speaker",
        "claim_speaker_type",
        "appearance_url",
        "appearance_headline",
        "appearance_publisher",
        "appearance_published_at",
        "author",
        "last_edited_by",
        "reviewer",
        "published_at",
        "correction_note",
        "correction_changes",
        "retracted_at",
        "retraction_note",
        "revision",
        "created_at",
        "updated_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Verdict | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Verdict | None = None) -> bool:
        return False

    @admin.display(description="Claim", ordering="claim")
    def claim_link(self, verdict: Verdict) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:claims_claim_change", args=[verdict.claim_id]),
            Truncator(verdict.claim.text).chars(90),
        )


# API tokens: their own module (only superusers see them; nothing here depends on it).
from claims import token_admin  # noqa: E402, F401
