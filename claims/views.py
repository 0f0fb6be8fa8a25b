"""The public pages of a fact-check: the URL every ClaimReview points to, and each version's.

Everything shown is read from the versions' own frozen columns (claims.publication): an edit of
the live claim changes nothing here until a new version is published. Corrections and
retractions are made in the open: the page names them, with date and reason, and every earlier
version stays readable at its own URL.

A claim attached to a family (Claim.same_as) has no fact-check of its own: its pages redirect
(302: it may be detached again) to its family's, which lists every article the claim appeared
in, beside the frozen appearance.
"""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from claims import public_selectors, selectors
from claims.claimreview import claim_review, fact_check_url
from claims.models import Claim, Verdict


def _versions(claim_id: int) -> list[Verdict] | HttpResponseRedirect:
    """The claim's public versions, newest first; for an occurrence of a family, the redirect
    to the family's page."""
    versions = list(
        public_selectors.published_versions().filter(claim_id=claim_id).order_by("-number")
    )
    if not versions:
        head_id = Claim.objects.filter(pk=claim_id).values_list("same_as", flat=True).first()
        if head_id is not None:
            return redirect("fact-check", claim_id=head_id)
        raise Http404("No published fact-check for this claim.")
    return versions


def _script_json(data: dict) -> str:
    # Escaped like json_script: claim text must not be able to close the <script>.
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def _render(
    request: HttpRequest,
    versions: list[Verdict],
    shown: Verdict,
    *,
    claimreview: dict | None,
    occurrences: list[Claim] | None = None,
) -> HttpResponse:
    latest = versions[0]
    newer = [v for v in versions if v.number > shown.number]
    return render(
        request,
        "claims/fact_check.html",
        {
            "verdict": shown,
            "latest": latest,
            "versions": versions,
            "corrections": [v for v in versions if v.number > 1 and v.number <= shown.number],
            "superseded_by": newer[-1] if newer else None,
            "is_latest": shown.pk == latest.pk,
            "canonical_url": fact_check_url(shown.claim_id),
            "claimreview_json": _script_json(claimreview) if claimreview else "",
            "occurrences": occurrences or [],
        },
    )


@require_GET
def fact_check_page(request: HttpRequest, claim_id: int) -> HttpResponse:
    """The current version; a retracted fact-check stays here with its retraction notice (and
    without ClaimReview markup, which search engines expect removed)."""
    versions = _versions(claim_id)
    if isinstance(versions, HttpResponseRedirect):
        return versions
    latest = versions[0]
    # Occurrences added by hand have no article to list.
    occurrences = [
        claim
        for claim in selectors.occurrences_of([claim_id]).get(claim_id, [])
        if claim.snapshot_id
    ]
    review = None
    if latest.state == Verdict.State.PUBLISHED:
        first = min(v.published_at for v in versions)
        review = claim_review(latest, first_published_at=first, occurrences=occurrences)
    return _render(request, versions, latest, claimreview=review, occurrences=occurrences)


@require_GET
def fact_check_version_page(request: HttpRequest, claim_id: int, number: int) -> HttpResponse:
    """One version as it was published, with a notice naming what superseded it."""
    versions = _versions(claim_id)
    if isinstance(versions, HttpResponseRedirect):
        return versions
    shown = next((v for v in versions if v.number == number), None)
    if shown is None:
        raise Http404(f"This fact-check has no version {number}.")
    return _render(request, versions, shown, claimreview=None)


# Fact-checks listed on the landing page, newest first.
HOME_LATEST = 10


@require_GET
def home_page(request: HttpRequest) -> HttpResponse:
    """`/`: where a newcomer lands. Links to the desk, the API and its docs, and the newest
    published fact-checks (their current versions, as the public pages show them)."""
    latest = list(
        public_selectors.published_versions()
        .filter(state=Verdict.State.PUBLISHED)
        .order_by("-published_at", "-id")[:HOME_LATEST]
    )
    return render(request, "claims/home.html", {"latest": latest})
