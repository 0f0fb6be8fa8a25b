"""The public page of a published fact-check: the URL every ClaimReview points to."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from claims import selectors
from claims.claimreview import claim_review
from claims.models import Verdict


@require_GET
def fact_check_page(request: HttpRequest, claim_id: int) -> HttpResponse:
    versions = list(selectors.published_versions().filter(claim_id=claim_id).order_by("-number"))
    current = next((v for v in versions if v.state == Verdict.State.PUBLISHED), None)
    if current is None:
        raise Http404("No published fact-check for this claim.")
    first = min(v.published_at for v in versions)
    review = claim_review(current, first_published_at=first)
    return render(
        request,
        "claims/fact_check.html",
        {
            "verdict": current,
            "claim": current.claim,
            "versions": versions,
            # Escaped like json_script: claim text must not be able to close the <script>.
            "claimreview_json": json.dumps(review, ensure_ascii=False)
            .replace("<", "\\u003c")
            .replace(">", "\\u003e")
            .replace("&", "\\u0026"),
        },
    )
