"""Other fact-checkers' verdicts are "checked before" targets: an imported review is embedded on
the nlp queue and matched against open claims (and new claims against it), shown on the desk
and in the API, and counted by seen_before."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import services
from claims.interchange.services import claimreview_import
from claims.models import Claim, ExternalMatch, ExternalReviewEmbedding
from claims.selectors import claims_seen_before
from claims.semantic.encoder import MATCHING_MODEL_ID
from tests.claims.test_checked_before import ISLANDERS, OTHER_FIGURE, REWORDED, UNRELATED, _claim

pytestmark = pytest.mark.django_db


def review(claim: str, url: str = "https://africacheck.org/fact-checks/kurils") -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "author": {
            "@type": "Organization",
            "name": "Africa Check",
            "url": "https://africacheck.org",
        },
        "datePublished": "2024-05-02",
        "reviewRating": {"@type": "Rating", "alternateName": "Incorrect", "ratingValue": 1},
        "inLanguage": "en",
    }


@pytest.fixture
def imported(django_capture_on_commit_callbacks):
    """Import a review (its embedding and matching run after commit, as a worker would)."""

    def run(claim: str, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return claimreview_import(content=review(claim, **kwargs))

    return run


def _seen(claim: Claim) -> bool:
    return claims_seen_before(Claim.objects.filter(pk=claim.pk)).exists()


def test_an_import_matches_the_open_claims_that_repeat_it(imported):
    repeat, other = _claim(REWORDED), _claim(UNRELATED)
    services.claims_embed_and_match([repeat.pk, other.pk])
    assert not _seen(repeat)

    summary = imported(ISLANDERS)

    [review_id] = summary.review_ids
    assert ExternalReviewEmbedding.objects.get(review_id=review_id).model_id == MATCHING_MODEL_ID
    match = ExternalMatch.objects.get(claim=repeat)
    assert (match.review_id, match.kind) == (review_id, "same")
    assert _seen(repeat) and not _seen(other)


def test_a_new_claim_finds_the_imported_review_and_the_guard_labels_it(imported, editor):
    imported(ISLANDERS)
    claim = services.claim_create(actor=editor, data={"text": OTHER_FIGURE})
    services.claims_embed_and_match([claim.pk])
    match = ExternalMatch.objects.get(claim=claim)
    assert match.kind == "related"
    assert match.reason == "different figure: 17,000 vs 20,000"


def test_the_api_and_the_desk_say_who_checked_it(imported, api, editor, desk):
    claim = _claim(REWORDED)
    services.claims_embed_and_match([claim.pk])
    imported(ISLANDERS)
    api.force_authenticate(editor)
    [row] = api.get(f"/api/v1/claims/{claim.pk}/").json()["checked_elsewhere"]
    assert row["publisher"] == "Africa Check"
    assert (row["rating_name"], row["date_published"]) == ("Incorrect", "2024-05-02")
    assert row["url"] == "https://africacheck.org/fact-checks/kurils"
    assert row["kind"] == "same"
    seen = api.get("/api/v1/claims/", {"seen_before": "true"}).json()["results"]
    assert [c["id"] for c in seen] == [claim.pk]
    page = desk(editor).get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert "checked before by Africa Check" in page.content.decode()


def test_reimporting_the_same_review_embeds_nothing_new(imported):
    imported(ISLANDERS)
    first = ExternalReviewEmbedding.objects.get()
    imported(ISLANDERS)
    again = ExternalReviewEmbedding.objects.get()
    assert again.updated_at == first.updated_at  # same wording, same model: not re-encoded


def test_the_task_is_routed_to_the_nlp_queue(settings):
    assert settings.CELERY_TASK_ROUTES["claims.embed_external_reviews"] == {
        "queue": settings.CLAIMS_NLP_QUEUE
    }
