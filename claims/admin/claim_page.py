"""A claim's page on the desk: ClaimAdmin's change view, replaced by the desk's own page.

The page shows the sentence in its paragraph, the score's features, the draft verdict, the
evidence, the history and the workflow buttons. Its forms post back to the page, each with an
`op` naming its handler here; every handler validates its form and calls one claims.services
function, the one the API calls, then redirects back to the page (or, when the service refuses
or the form is invalid, renders the page again with the form as typed and a 400 or 409).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from claims import public_selectors, publication, selectors, services
from claims.admin.forms import (
    ClaimEditForm,
    EvidenceAddForm,
    EvidenceEditForm,
    FamilyAttachForm,
    FamilyDetachForm,
    TransitionForm,
    VerdictForm,
)
from claims.admin.pages import DeskPageMixin
from claims.admin.presentation import (
    EVENT_LABELS,
    desk_actions,
    feature_rows,
    history_rows,
    paragraph_around,
)
from claims.models import Claim, Evidence, MatchKind, Rating
from claims.workflow import EDITOR, WorkflowError, is_desk_member, user_roles
from sources.normalize import InvalidURL

PostHandler = Callable[[HttpRequest, Claim], HttpResponse]


class ClaimPageMixin(DeskPageMixin):
    """For ClaimAdmin: its change view (and history view) are the desk's claim page."""

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
        self.require_view(request, claim)
        if request.method != "POST":
            return self._render_claim(request, claim)
        self.require_desk(request, claim)
        handler = self._post_handlers().get(request.POST.get("op", ""))
        if handler is None:
            messages.error(request, "Unknown request: reload the page and try again.")
            return self._back(claim)
        return handler(request, claim)

    def _post_handlers(self) -> dict[str, PostHandler]:
        """The page's forms, by the `op` each one posts."""
        return {
            "transition": self._post_transition,
            "verdict": self._post_verdict,
            "claim": self._post_claim,
            "evidence_add": self._post_evidence_add,
            "evidence_update": self._post_evidence_update,
            "evidence_delete": self._post_evidence_delete,
            "family_attach": self._post_family_attach,
            "family_detach": self._post_family_detach,
        }

    def _back(self, claim: Claim, anchor: str = "") -> HttpResponseRedirect:
        url = reverse("admin:claims_claim_change", args=[claim.pk])
        return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)

    # Rendering -------------------------------------------------------------------------------

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
        attach_form: FamilyAttachForm | None = None,
    ) -> TemplateResponse:
        """The page; a form passed in (as posted, with its errors) replaces the saved values."""
        claim = selectors.claim_detail().get(pk=claim.pk)  # fresh: a refused save shows the DB
        draft = services.current_draft(claim)
        actions, four_eyes_hint = desk_actions(
            claim, draft, request.user, publication.draft_contributors(claim, draft)
        )
        paragraph = (
            paragraph_around(claim.snapshot.text, claim.start, claim.end)
            if claim.snapshot_id is not None and claim.start is not None
            else None
        )
        context = self.desk_context(
            request,
            title=f"Claim #{claim.pk}",
            claim=claim,
            article=claim.snapshot.source if claim.snapshot_id else None,
            rating_label=Rating(claim.rating).label if claim.rating else "",
            paragraph=paragraph,
            reworded=paragraph is not None and claim.text.strip() != paragraph.claim.strip(),
            features=feature_rows(claim.features),
            draft=draft,
            closed=claim.is_closed,
            verdict_form=verdict_form or VerdictForm.for_draft(draft),
            unsaved_verdict=unsaved_verdict,
            claim_form=claim_form or ClaimEditForm.for_claim(claim),
            evidence_rows=self._evidence_rows(claim, edit_forms or {}),
            evidence_form=evidence_form or EvidenceAddForm(),
            events=history_rows(selectors.claim_events(claim)),
            versions=public_selectors.published_versions().filter(claim=claim).order_by("-number"),
            actions=actions,
            needs_note=any(action.note_required for action in actions),
            four_eyes_hint=four_eyes_hint,
            transition_form=TransitionForm(
                initial={
                    "version": claim.version,
                    "review_tag": publication.review_tag(claim, draft),
                }
            ),
            can_edit=is_desk_member(request.user),
            family=self._family(request, claim, attach_form),
        )
        return TemplateResponse(request, "claims/admin/claim_desk.html", context, status=status)

    def _family(
        self, request: HttpRequest, claim: Claim, attach_form: FamilyAttachForm | None
    ) -> dict[str, Any]:
        """The "Checked before" panel: the claim's family (the fact-check it shows, or the
        other appearances of its own), its matches to published fact-checks and to claims
        open on the desk, and what an editor may attach (services.may_head_family decides
        which fact-checks take occurrences; the service checks it all again)."""
        head = claim.same_as if claim.same_as_id is not None else None
        head_versions = getattr(head, "family_versions", []) if head is not None else []
        occurrences = [] if head else selectors.occurrences_of([claim.pk]).get(claim.pk, [])
        checked_before, similar = selectors.claim_family_matches(claim)
        is_editor = EDITOR in user_roles(request.user)
        if head is not None:
            why_not = ""  # it shows its family's verdict; the panel offers Detach instead
        elif claim.published_version is not None:
            why_not = (
                "This claim has a fact-check of its own, so it cannot be attached to another: "
                "retract it, or publish a correction, instead."
            )
        elif occurrences:
            why_not = "Other claims are occurrences of this one, so it cannot join another family."
        else:
            why_not = ""
        can_attach = is_editor and head is None and not why_not
        for row in checked_before:
            row.attachable = (
                can_attach
                and row.kind == MatchKind.SAME
                and services.may_head_family(row.head.status, row.fact_check.state)
            )
        return {
            "head": head,
            "head_version": head_versions[0] if head_versions else None,
            "occurrences": occurrences,
            "checked_before": checked_before,
            "checked_elsewhere": selectors.claim_external_matches(claim),
            "similar": similar,
            "is_editor": is_editor,
            "can_attach": can_attach,
            "why_not": why_not,
            "attach_form": attach_form or FamilyAttachForm(initial={"version": claim.version}),
            "detach_form": FamilyDetachForm(initial={"version": claim.version}),
        }

    def _evidence_rows(
        self, claim: Claim, edit_forms: dict[int, EvidenceEditForm]
    ) -> list[dict[str, Any]]:
        """Each evidence row with its edit form; a row whose form came back invalid is open."""
        return [
            {
                "item": item,
                "form": edit_forms.get(item.pk) or EvidenceEditForm.for_evidence(item),
                "open": item.pk in edit_forms,
            }
            for item in selectors.claim_evidence(claim)
        ]

    # The page's forms ------------------------------------------------------------------------

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
        form = EvidenceEditForm.posted_for(evidence, request.POST)
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

    def _post_family_attach(self, request: HttpRequest, claim: Claim) -> HttpResponse:
        form = FamilyAttachForm(request.POST)
        if not form.is_valid():
            return self._render_claim(request, claim, status=400, attach_form=form)
        head = Claim.objects.filter(pk=form.cleaned_data["same_as"]).first()
        if head is None:
            form.add_error("same_as", f"There is no claim #{form.cleaned_data['same_as']}.")
            return self._render_claim(request, claim, status=400, attach_form=form)
        try:
            services.attach_occurrence(
                claim,
                head,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except WorkflowError as exc:
            messages.error(request, exc.message)
            if exc.code == "stale_version":
                return self._render_claim(request, claim, status=409)
            return self._render_claim(request, claim, status=exc.status, attach_form=form)
        claim.refresh_from_db(fields=["same_as"])
        messages.success(
            request,
            f"Attached: same claim as #{claim.same_as_id}. It now shows that fact-check's "
            "verdict, and its article is listed on the fact-check.",
        )
        return self._back(claim, "family")

    def _post_family_detach(self, request: HttpRequest, claim: Claim) -> HttpResponse:
        form = FamilyDetachForm(request.POST)
        if not form.is_valid():
            messages.error(request, "The request could not be read: reload the page and try again.")
            return self._back(claim, "family")
        head_id = claim.same_as_id
        try:
            services.detach_occurrence(
                claim, actor=request.user, expected_version=form.cleaned_data["version"]
            )
        except WorkflowError as exc:
            messages.error(request, exc.message)
            return self._back(claim, "family")
        messages.success(request, f"Detached: no longer the same claim as #{head_id}.")
        return self._back(claim, "family")
