"""external-reviews/: read by every reader of the API, filtered; imported by editors only, from
a document or a URL (through the fetcher's rules), all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.external_models import ExternalReview
from tests.sources.httpservers import page

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "claimreview"
IMPORT = "/api/v1/external-reviews/import/"
LIST = "/api/v1/external-reviews/"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def post(api, body: dict):
    return api.post(IMPORT, body, format="json")


@pytest.fixture
def stored(editor):
    """Several fixtures imported through the API, as an editor."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(editor)
    for name in (
        "africa_check_raw_old.json",
        "lupa_raw.json",
        "aos_fatos_raw.json",
        "afp_factuel_raw.json",
        "twenty_minutes_claim_review_page.json",
        "google_fact_check_raw.json",
    ):
        assert post(client, {"document": fixture_text(name)}).status_code == 201
    return ExternalReview.objects.all()


# --- Import --------------------------------------------------------------------------------


def test_an_editor_imports_a_document_as_a_string(api, editor):
    api.force_authenticate(editor)
    response = post(api, {"document": fixture_text("the_quint_raw.html")})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["imported"], body["updated"], body["skipped"]) == (1, 0, [])
    assert body["reviews"][0]["claim_reviewed"] == (
        "Last Tweets of Sushant Singh Rajput shared on 14 June"
    )
    row = ExternalReview.objects.get()
    assert row.imported_by == editor and row.feed is None


def test_an_editor_imports_a_json_object_and_again_updates(api, editor):
    api.force_authenticate(editor)
    document = json.loads(fixture_text("newtral_fakes_index_raw.json"))
    first = post(api, {"document": document}).json()
    second = post(api, {"document": document}).json()
    assert (first["imported"], first["updated"]) == (15, 0)
    assert (second["imported"], second["updated"]) == (0, 15)
    assert ExternalReview.objects.count() == 15


def test_the_endpoint_answers_the_commands_summary(api, editor):
    import io

    from django.core.management import call_command

    api.force_authenticate(editor)
    body = post(api, {"document": fixture_text("tfc_taiwan_raw.json")}).json()
    out = io.StringIO()
    call_command(
        "import_claimreview", str(FIXTURES / "tfc_taiwan_raw.json"), "--format=json", stdout=out
    )
    from_command = json.loads(out.getvalue())
    assert from_command["reviews"] == body["reviews"]
    assert (from_command["imported"], from_command["updated"]) == (0, 1)


def test_an_editor_imports_from_a_url(api, editor, web):
    server = web(
        {
            "/fact-check": page(fixture_text("boom_live_raw.html").encode()),
            "/feed.json": page(fixture_text("data_commons_raw.json").encode(), "application/json"),
        }
    )
    api.force_authenticate(editor)
    response = post(api, {"url": server.url("/fact-check")})
    assert response.status_code == 201, response.content
    assert response.json()["reviews"][0]["author"] == "BOOM"
    response = post(api, {"url": server.url("/feed.json")})
    assert response.json()["imported"] == 1
    assert ExternalReview.objects.get(publisher_name="BOOM").imported_from == server.url(
        "/fact-check"
    )


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({"document": "Just words, not a document."}, "document", "unreadable"),
        ({"document": ""}, "document", "unreadable"),
        ({"document": 42}, "document", "unreadable"),
        ({"url": "ftp://example.org/feed.json"}, "url", "invalid_url"),
        ({}, "url", "required"),
        ({"url": "https://a.example/x", "document": {"a": 1}}, "document", "invalid"),
        ({"text": "x"}, "text", "unknown_field"),
    ],
)
def test_unreadable_input_is_a_400_in_the_error_shape(api, editor, body, field, code):
    api.force_authenticate(editor)
    response = post(api, body)
    assert response.status_code == 400, response.content
    error = response.json()
    assert set(error) >= {"code", "message", "errors"} and error["message"]
    assert error["errors"][0]["field"] == field
    if code != "required":
        assert error["errors"][0]["code"] == code
    assert not ExternalReview.objects.exists()


def test_nul_characters_are_dropped_and_a_url_with_one_is_skipped(api, editor):
    api.force_authenticate(editor)
    document = [
        {"@type": "ClaimReview", "url": "https://checks.example/a", "claimReviewed": "a\u0000b"},
        {"@type": "ClaimReview", "url": "https://checks.example/\u0000", "claimReviewed": "c"},
    ]
    body = post(api, {"document": document}).json()
    assert body["imported"] == 1 and body["skipped"][0]["where"] == "$[1]"
    row = ExternalReview.objects.get()
    assert row.claim_reviewed == "ab" and row.raw["claimReviewed"] == "ab"


def test_a_private_address_is_refused_unless_allowed(api, editor, settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = False
    api.force_authenticate(editor)
    response = post(api, {"url": "http://127.0.0.1/feed.json"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "fetch_blocked_address"


def test_a_disallowed_port_and_content_type_are_refused(api, editor, web, settings):
    server = web(
        {"/feed.txt": page(b"not a feed", "text/plain"), "/img": page(b"GIF89a", "image/gif")}
    )
    api.force_authenticate(editor)
    for path in ("/feed.txt", "/img"):
        response = post(api, {"url": server.url(path)})
        assert response.status_code == 400
        assert response.json()["errors"][0]["code"] == "fetch_unsupported_content_type"
    settings.SOURCES_ALLOWED_PORTS = [80, 443]
    response = post(api, {"url": server.url("/feed.txt")})
    assert response.json()["errors"][0]["code"] == "fetch_blocked_port"


def test_a_document_over_the_fetchers_size_cap_is_refused(api, editor, web, settings):
    server = web(
        {"/big.json": page(fixture_text("aos_fatos_raw.json").encode(), "application/json")}
    )
    settings.SOURCES_MAX_BYTES = 10_000
    api.force_authenticate(editor)
    response = post(api, {"url": server.url("/big.json")})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "fetch_too_large"


def test_an_error_page_is_refused(api, editor, web):
    server = web({})
    api.force_authenticate(editor)
    response = post(api, {"url": server.url("/gone")})
    assert response.status_code == 400
    assert "answered HTTP 404" in response.json()["message"]


def test_nothing_is_half_written(api, editor, monkeypatch):
    from claims.interchange import services

    api.force_authenticate(editor)
    document = json.loads(fixture_text("newtral_fakes_index_raw.json"))
    real_row = services._row
    calls = []

    def failing_row(review, **kwargs):
        calls.append(review.url)
        if len(calls) == 10:
            raise RuntimeError("the database went away mid-import")
        return real_row(review, **kwargs)

    monkeypatch.setattr(services, "_row", failing_row)
    with pytest.raises(RuntimeError):
        post(api, {"document": document})
    assert not ExternalReview.objects.exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("researcher", 403), ("api_client_user", 403), ("outsider", 403), ("editor", 201)],
)
def test_only_editors_import(api, request, persona, status):
    api.force_authenticate(request.getfixturevalue(persona))
    response = post(api, {"document": fixture_text("efe_verifica_raw.json")})
    assert response.status_code == status
    assert ExternalReview.objects.exists() == (status == 201)


def test_anonymous_import_is_a_401(api):
    response = post(api, {"document": fixture_text("efe_verifica_raw.json")})
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


# --- Read ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"),
    [("researcher", 200), ("editor", 200), ("api_client_user", 200), ("outsider", 403)],
)
def test_who_reads(api, request, stored, persona, status):
    api.force_authenticate(request.getfixturevalue(persona))
    assert api.get(LIST).status_code == status
    review = stored.first()
    assert api.get(f"{LIST}{review.pk}/").status_code == status


def test_anonymous_reading_is_a_401(api, stored):
    assert api.get(LIST).status_code == 401


def test_the_list_is_paginated_newest_first_with_nulls_for_missing_values(api, researcher, stored):
    api.force_authenticate(researcher)
    body = api.get(LIST, {"page_size": 2}).json()
    assert body["count"] == 6 and len(body["results"]) == 2 and body["next"]
    assert [item["date_published"] for item in body["results"]] == ["2022-08-11", "2022-05-11"]
    twenty = body["results"][1]
    assert twenty["rating_value"] is None and twenty["best_rating"] is None  # -1/-1/-1
    assert twenty["publisher"] == {"name": "20 minutes", "site": "20minutes.fr"}
    assert twenty["item_author"] == "Réseaux sociaux" and twenty["title"] is None
    assert "original" not in twenty
    google = api.get(LIST, {"publisher": "vishvasnews.com"}).json()["results"][0]
    assert google["publisher"] == {"name": None, "site": "vishvasnews.com"}


def test_the_detail_has_the_original_json(api, researcher, stored):
    api.force_authenticate(researcher)
    review = stored.get(publisher_name="Africa Check")
    body = api.get(f"{LIST}{review.pk}/").json()
    assert body["original"]["reviewRating"]["alternateName"] == "Incorrect \r"
    assert body["rating_name"] == "Incorrect"
    assert (body["rating_value"], body["best_rating"], body["worst_rating"]) == (1, 6, 1)
    assert body["rating"] == "false"
    assert body["item_author"] == "South African president Cyril Ramaphosa"
    assert body["appearances"] == [
        "http://www.thepresidency.gov.za/press-statements/president-cyril-ramaphosa-condemns"
        "-surge-murders-women-and-children"
    ]


def urls(api, **query) -> set[str]:
    response = api.get(LIST, query)
    assert response.status_code == 200, response.content
    return {
        item["publisher"]["name"] or item["publisher"]["site"]
        for item in response.json()["results"]
    }


def test_filters(api, api_client_user, stored):
    api.force_authenticate(api_client_user)
    assert urls(api, publisher="Africa Check") == {"Africa Check"}
    assert urls(api, publisher="africacheck.org") == {"Africa Check"}
    assert urls(api, publisher="https://www.africacheck.org/") == {"Africa Check"}
    assert urls(api, language="pt") == {"Agência Lupa", "Aos Fatos"}
    assert urls(api, language="pt-br") == {"Agência Lupa", "Aos Fatos"}
    assert urls(api, language="fr") == {"AFP", "20 minutes"}
    assert urls(api, rating="false") == {
        "Africa Check",
        "Agência Lupa",
        "AFP",
        "20 minutes",
        "vishvasnews.com",
    }
    assert urls(api, q="south african women") == {"Africa Check"}
    assert urls(api, q="URSS", language="fr") == {"20 minutes"}
    assert urls(api, rating="true") == set()


def test_a_bad_filter_is_a_400(api, researcher, stored):
    api.force_authenticate(researcher)
    response = api.get(LIST, {"rating": "very_false"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "rating"


def test_an_unknown_id_is_a_404(api, researcher):
    api.force_authenticate(researcher)
    assert api.get(f"{LIST}999999/").status_code == 404
