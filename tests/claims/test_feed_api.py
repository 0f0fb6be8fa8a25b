"""What REST clients pull: the verdicts feed and schema.org ClaimReview."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims import public_selectors
from claims.api.verdict_serializers import PublishedVerdictSerializer
from claims.models import (
    CLAIMREVIEW_RATING_VALUE,
    ApiToken,
    Rating,
    Verdict,
    VerdictCitation,
)
from claims.publication import frozen_claim_fields
from claims.services.webhooks import verdict_data
from tests.factories import ClaimFactory, SnapshotFactory, SourceFactory

pytestmark = pytest.mark.django_db


def published(
    claim=None, *, rating=Rating.FALSE, number=1, when=None, state="published", reviewer=None
):
    """A public version as claims.publication freezes it (rows made directly, for speed)."""
    claim = claim or ClaimFactory(
        status="published", speaker="Dmitry Medvedev", speaker_type="person"
    )
    verdict = Verdict.objects.create(
        claim=claim,
        state=state,
        number=number,
        rating=rating,
        conclusion="It was not so.",
        published_at=when or timezone.now(),
        reviewer=reviewer,
        **frozen_claim_fields(claim),
    )
    source = SourceFactory(kind="evidence")
    VerdictCitation.objects.create(
        verdict=verdict,
        source=source,
        source_url=source.url,
        source_title=source.title,
        snapshot=SnapshotFactory(source=source),
        stance="refutes",
    )
    return verdict


def test_feed_is_public_and_lists_published_versions_newest_first(api):
    old = published()
    new = published()
    Verdict.objects.create(claim=ClaimFactory(), rating="true", conclusion="Draft")  # not shown
    response = api.get("/api/v1/verdicts/")
    assert response.status_code == 200
    assert [item["id"] for item in response.data["results"]] == [new.pk, old.pk]
    assert response.data["results"][0]["citations"][0]["stance"] == "refutes"


def test_feed_can_require_a_token(api, settings, api_client_user):
    settings.CLAIMS_PUBLIC_FEED = False
    assert api.get("/api/v1/verdicts/").status_code == 401
    api.force_authenticate(api_client_user)
    assert api.get("/api/v1/verdicts/").status_code == 200


def test_feed_cursor_pages_and_updated_after(api):
    base = timezone.now() - timedelta(days=1)
    verdicts = [published(when=base + timedelta(minutes=i)) for i in range(5)]
    page = api.get("/api/v1/verdicts/", {"page_size": 2}).data
    seen = [item["id"] for item in page["results"]]
    while page["next"]:
        page = api.get(page["next"]).data
        seen += [item["id"] for item in page["results"]]
    assert sorted(seen) == sorted(v.pk for v in verdicts) and len(seen) == 5
    cutoff = Verdict.objects.get(pk=verdicts[2].pk).updated_at
    later = api.get("/api/v1/verdicts/", {"updated_after": cutoff.isoformat()}).data
    assert {item["id"] for item in later["results"]} == {verdicts[3].pk, verdicts[4].pk}
    assert api.get("/api/v1/verdicts/", {"page_size": 1000}).data["results"] is not None


def test_feed_304_when_nothing_changed(api):
    published()
    first = api.get("/api/v1/verdicts/")
    assert first.status_code == 200
    again = api.get("/api/v1/verdicts/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    published()
    changed = api.get("/api/v1/verdicts/", headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200


def test_a_webhook_payload_matches_the_published_verdict_serializer(editor):
    """A webhook's `data` is shaped by hand from the feed's rows (services.webhooks.verdict_data,
    public_json.public_verdict_row); the schema and the other endpoints use
    PublishedVerdictSerializer's declared fields. They must agree, version by version."""
    when = timezone.now() - timedelta(days=2)
    with_article = published(when=when, reviewer=editor)
    no_article = published(ClaimFactory(snapshot=None, start=None, end=None, text="It rained."))
    superseded = published(state="superseded", rating=Rating.MIXED, when=when)
    published(superseded.claim, number=2, rating=Rating.TRUE)
    untitled = SourceFactory(kind="evidence", title="")
    VerdictCitation.objects.create(
        verdict=superseded, source=untitled, source_url=untitled.url, stance="supports"
    )
    ids = sorted(Verdict.objects.filter(number__isnull=False).values_list("pk", flat=True))
    assert len(ids) == 4

    generic = PublishedVerdictSerializer(
        public_selectors.published_versions().filter(pk__in=ids).order_by("pk"), many=True
    ).data
    fast = [verdict_data(pk) for pk in ids]
    assert json.loads(json.dumps(fast)) == json.loads(json.dumps(generic))
    assert {tuple(item) for item in fast} == {tuple(PublishedVerdictSerializer.Meta.fields)}
    shown = {item["id"]: item for item in fast}
    assert shown[no_article.pk]["claim"]["article"] is None
    assert shown[with_article.pk]["reviewer"] == editor.username
    assert [c["archived_at"] for c in shown[superseded.pk]["citations"]][-1] is None


def test_feed_rows_match_the_published_verdict_serializer(api, editor, settings):
    """The feed's page is shaped from flat rows (public_selectors.verdict_feed_rows,
    public_json.public_verdict_row): it must be what PublishedVerdictSerializer makes of the
    same versions, edge cases included."""
    settings.API_FEED_CACHE_SECONDS = 0
    when = timezone.now() - timedelta(days=2)
    published(when=when, reviewer=editor)
    published(ClaimFactory(snapshot=None, start=None, end=None, text="It rained."))
    superseded = published(state="superseded", rating=Rating.MIXED, when=when)
    Verdict.objects.create(  # a correction, made as publication makes one
        claim=superseded.claim,
        state="published",
        number=2,
        rating=Rating.TRUE,
        conclusion="It was so, after all.",
        published_at=timezone.now(),
        correction_note="The figure was wrong.",
        correction_changes=[{"field": "rating", "from": "mixed", "to": "true"}],
        **frozen_claim_fields(superseded.claim),
    )
    retracted = ClaimFactory(status="retracted")
    Verdict.objects.create(
        claim=retracted,
        state="retracted",
        number=1,
        rating=Rating.FALSE,
        conclusion="It was not so.",
        published_at=when,
        retracted_at=timezone.now(),
        retraction_note="Sources withdrawn.",
        **frozen_claim_fields(retracted),
    )
    untitled = SourceFactory(kind="evidence", title="")
    VerdictCitation.objects.create(
        verdict=superseded,
        source=untitled,
        source_url=untitled.url,
        stance="supports",
        without_archive_reason="Paywalled.",
    )
    body = api.get("/api/v1/verdicts/").json()
    expected = PublishedVerdictSerializer(
        public_selectors.published_versions().order_by("-updated_at", "-id"), many=True
    ).data
    assert len(body["results"]) == 5
    assert body["results"] == json.loads(json.dumps(expected))
    assert [list(item) for item in body["results"]] == [list(item) for item in expected]
    # A filtered page, and the next page of a cursor, are shaped the same way.
    page = api.get("/api/v1/verdicts/", {"page_size": 2, "state": "published"}).json()
    seen = page["results"]
    while page["next"]:
        page = api.get(page["next"]).json()
        seen += page["results"]
    expected = PublishedVerdictSerializer(
        public_selectors.published_versions()
        .filter(state="published")
        .order_by("-updated_at", "-id"),
        many=True,
    ).data
    assert seen == json.loads(json.dumps(expected))


def test_feed_304_costs_one_query_and_names_the_tag(api):
    published()
    first = api.get("/api/v1/verdicts/", {"page_size": 2, "rating": "false"})
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        again = api.get(
            "/api/v1/verdicts/",
            {"page_size": 2, "rating": "false"},
            headers={"If-None-Match": first["ETag"]},
        )
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert again.content == b""
    assert len(queries.captured_queries) <= 1


def test_feed_304_only_for_the_same_query_and_media_type(api):
    published()
    etag = api.get("/api/v1/verdicts/")["ETag"]
    other_page = api.get("/api/v1/verdicts/", {"page_size": 1}, headers={"If-None-Match": etag})
    assert other_page.status_code == 200 and other_page["ETag"] != etag
    review_etag = api.get("/api/v1/claim-reviews/", headers={"Accept": "application/ld+json"})[
        "ETag"
    ]
    as_json = api.get(
        "/api/v1/claim-reviews/",
        headers={"Accept": "application/json", "If-None-Match": review_etag},
    )
    assert as_json.status_code == 200 and as_json["Content-Type"].startswith("application/json")
    as_ld = api.get(
        "/api/v1/claim-reviews/",
        headers={"Accept": "application/ld+json", "If-None-Match": review_etag},
    )
    assert as_ld.status_code == 304


def test_feed_wildcard_if_none_match_still_checks_the_filters(api):
    published()
    bad = api.get("/api/v1/verdicts/", {"rating": "nonsense"}, headers={"If-None-Match": "*"})
    assert bad.status_code == 400
    good = api.get("/api/v1/verdicts/", {"rating": "false"}, headers={"If-None-Match": "*"})
    assert good.status_code == 304


def test_private_feed_refuses_a_current_etag_without_a_token(api, settings, api_client_user):
    settings.CLAIMS_PUBLIC_FEED = False
    published()
    _, token = ApiToken.issue(user=api_client_user, now=timezone.now())
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    first = api.get("/api/v1/verdicts/")
    assert first.status_code == 200
    etag = first["ETag"]
    assert api.get("/api/v1/verdicts/", headers={"If-None-Match": etag}).status_code == 304
    api.credentials()
    anonymous = api.get("/api/v1/verdicts/", headers={"If-None-Match": etag})
    assert anonymous.status_code == 401
    assert "ETag" not in anonymous
    api.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert api.get("/api/v1/verdicts/", headers={"If-None-Match": etag}).status_code == 401


def test_feed_query_count_does_not_grow_with_rows(api):
    published()
    with CaptureQueriesContext(connection) as one:
        api.get("/api/v1/verdicts/")
    for _ in range(49):
        published()
    with CaptureQueriesContext(connection) as fifty:
        response = api.get("/api/v1/verdicts/")
    assert len(response.data["results"]) == 50
    assert len(fifty.captured_queries) == len(one.captured_queries)


def test_a_feed_page_is_built_once_per_state_of_the_feed(api):
    first = published()
    built = api.get("/api/v1/verdicts/?page_size=10")
    with CaptureQueriesContext(connection) as again:
        cached = api.get("/api/v1/verdicts/?page_size=10")
    assert len(again.captured_queries) == 1  # the newest change, which names the page
    assert json.loads(cached.content) == json.loads(built.content)
    assert cached["ETag"] == built["ETag"]
    assert api.get("/api/v1/verdicts/?page_size=9").data["results"][0]["id"] == first.pk

    second = published()  # the feed changed: the page is built again, with the new version
    fresh = api.get("/api/v1/verdicts/?page_size=10")
    assert [v["id"] for v in fresh.data["results"]] == [second.pk, first.pk]
    assert fresh["ETag"] != built["ETag"]


def test_feed_pages_are_not_cached_when_the_setting_is_off(api, settings):
    settings.API_FEED_CACHE_SECONDS = 0
    published()
    api.get("/api/v1/verdicts/")
    with CaptureQueriesContext(connection) as again:
        api.get("/api/v1/verdicts/")
    assert len(again.captured_queries) > 1


def test_a_cached_feed_page_keeps_the_links_of_the_host_it_was_asked_on(api):
    for _ in range(3):
        published()
    first = api.get("/api/v1/verdicts/?page_size=2", HTTP_HOST="127.0.0.1")
    other = api.get("/api/v1/verdicts/?page_size=2", HTTP_HOST="localhost")
    assert first.data["next"].startswith("http://127.0.0.1/")
    assert other.data["next"].startswith("http://localhost/")


@pytest.mark.parametrize("rating", Rating.values)
def test_claim_review_for_each_rating(api, settings, rating):
    settings.CLAIMS_PUBLISHER_NAME = "Desk Checks"
    article = SourceFactory(
        url="https://news.example.org/kurils",
        title="Kurils story",
        published_at=timezone.now() - timedelta(days=3),
    )
    claim = ClaimFactory(
        snapshot=SnapshotFactory(source=article), status="published", speaker="Dmitry Medvedev"
    )
    verdict = published(claim, rating=rating)
    response = api.get(f"/api/v1/claims/{claim.pk}/claim-review/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    review = response.json()
    assert review["@type"] == "ClaimReview" and review["@context"] == "https://schema.org"
    assert review["claimReviewed"] == claim.text
    assert review["url"].endswith(f"/fact-checks/{claim.pk}/")
    assert review["author"]["name"] == "Desk Checks"
    assert review["datePublished"] == verdict.published_at.date().isoformat()
    rating_body = review["reviewRating"]
    assert rating_body["alternateName"] == Rating(rating).label
    value = CLAIMREVIEW_RATING_VALUE[rating]
    if value is None:
        assert "ratingValue" not in rating_body
    else:
        assert (
            rating_body["ratingValue"],
            rating_body["bestRating"],
            rating_body["worstRating"],
        ) == (
            value,
            5,
            1,
        )
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Dmitry Medvedev"}
    assert item["datePublished"] == article.published_at.date().isoformat()
    assert item["appearance"][0]["url"] == "https://news.example.org/kurils"


def test_claim_reviews_feed_and_public_page(api, client):
    verdict = published()
    feed = api.get("/api/v1/claim-reviews/")
    assert feed.status_code == 200
    assert feed.json()["results"][0]["claimReviewed"] == verdict.claim.text
    page = client.get(f"/fact-checks/{verdict.claim_id}/")
    assert page.status_code == 200
    assert b'"@type": "ClaimReview"' in page.content
    assert client.get(f"/fact-checks/{ClaimFactory().pk}/").status_code == 404


def test_claim_reviews_etag_changes_when_a_verdict_is_retracted(api):
    kept = published()
    retracted = published()
    first = api.get("/api/v1/claim-reviews/")
    assert len(first.json()["results"]) == 2
    now = timezone.now()
    Verdict.objects.filter(pk=retracted.pk).update(
        state="retracted", retracted_at=now, retraction_note="Wrong.", updated_at=now
    )
    again = api.get("/api/v1/claim-reviews/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    assert [r["claimReviewed"] for r in again.json()["results"]] == [kept.claim.text]
