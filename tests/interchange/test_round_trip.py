"""Our own ClaimReview, as the public fact-check page and the claim-reviews/ feed publish it,
imported back: the same review, field for field."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claims.claimreview import claim_review
from claims.external_models import ExternalReview
from claims.interchange.jsonld import review_url
from claims.interchange.services import claimreview_import
from claims.models import ClaimStatus, Rating, SpeakerType, Verdict
from claims.publication import frozen_claim_fields
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def published(rating: str, *, speaker: str = "The mayor") -> Verdict:
    claim = ClaimFactory(
        status=ClaimStatus.PUBLISHED, speaker=speaker, speaker_type=SpeakerType.PERSON
    )
    article = claim.snapshot.source
    article.published_at = datetime(2024, 4, 28, 18, 0, tzinfo=UTC)
    article.save(update_fields=["published_at"])
    return Verdict.objects.create(
        claim=claim,
        state=Verdict.State.PUBLISHED,
        number=1,
        rating=rating,
        conclusion="The bridge cost 412 million euros, not 3 billion.",
        published_at=datetime(2024, 5, 2, 9, 30, tzinfo=UTC),
        **frozen_claim_fields(claim),
    )


def assert_same_review(exported: dict, row: ExternalReview, version: Verdict) -> None:
    rating = exported["reviewRating"]
    item = exported["itemReviewed"]
    assert row.url == review_url(exported["url"])
    assert row.claim_reviewed == exported["claimReviewed"] == version.claim_text
    assert row.rating_name == rating["alternateName"]
    assert (row.rating_value, row.best_rating, row.worst_rating) == (
        rating.get("ratingValue"),
        rating.get("bestRating"),
        rating.get("worstRating"),
    )
    assert row.rating == version.rating  # our own labels map back to our ratings
    assert row.publisher_name == exported["author"]["name"]
    assert row.date_published == exported["datePublished"] == "2024-05-02"
    assert row.item_author == item["author"]["name"] == "The mayor"
    assert row.item_author_type == "Person"
    assert row.appearances == [appearance["url"] for appearance in item["appearance"]]
    assert row.claim_date == item["datePublished"] == "2024-04-28"


@pytest.mark.parametrize("rating", [Rating.MOSTLY_FALSE, Rating.UNVERIFIABLE, Rating.TRUE])
def test_the_public_page_imported_gives_back_the_same_fields(client, rating):
    version = published(rating)
    html = client.get(f"/fact-checks/{version.claim_id}/").content.decode()
    assert "application/ld+json" in html
    summary = claimreview_import(content=html)
    assert (summary.imported, summary.updated, summary.skipped) == (1, 0, [])
    exported = claim_review(version, first_published_at=version.published_at)
    row = ExternalReview.objects.get()
    assert_same_review(exported, row, version)
    assert row.language == "en"  # the page's <html lang>
    assert row.raw == exported


def test_the_claim_reviews_feed_imported_gives_back_every_review(api, api_client_user):
    versions = [published(Rating.FALSE), published(Rating.MISLEADING, speaker="The minister")]
    feed = api.get("/api/v1/claim-reviews/").json()
    summary = claimreview_import(content=feed)
    assert (summary.imported, summary.skipped) == (2, [])
    for version in versions:
        exported = claim_review(version, first_published_at=version.published_at)
        row = ExternalReview.objects.get(url=review_url(exported["url"]))
        if version.claim_speaker == "The mayor":
            assert_same_review(exported, row, version)
        assert row.rating == version.rating
        assert row.item_author == version.claim_speaker
    # Importing our feed again changes nothing but the rows' update time.
    assert claimreview_import(content=feed).updated == 2
    assert ExternalReview.objects.count() == 2
