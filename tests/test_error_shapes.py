"""Every failure the API can produce has the documented error shape, and bad input is a 4xx:
nested JSON, crafted cursors, NUL in the query, ids too long to be ids (issue 12)."""

from __future__ import annotations

import base64

import pytest
from django.test import Client

from tests.factories import ready_claim

pytestmark = pytest.mark.django_db


def _shaped(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].split(";")[0] in ("application/json", "application/ld+json")
    body = response.json()
    assert set(body) >= {"code", "message"} and body["message"]
    return body


@pytest.fixture
def anonymous() -> Client:
    return Client(raise_request_exception=False)


@pytest.fixture
def signed_in(researcher) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(researcher)
    return client


@pytest.mark.parametrize("depth", [100_000, 5_000])
def test_deeply_nested_json_is_a_400(signed_in, depth):
    arrays = "[" * depth + "]" * depth
    body = _shaped(
        signed_in.post("/api/v1/articles/", arrays, content_type="application/json"), 400
    )
    assert body["code"] == "malformed_request" and "nested too deeply" in body["message"]

    claim = ready_claim("researching")
    objects = '{"text":' * depth + '"x"' + "}" * depth
    _shaped(
        signed_in.patch(f"/api/v1/claims/{claim.pk}/", objects, content_type="application/json"),
        400,
    )


@pytest.mark.parametrize("feed", ["verdicts", "claim-reviews"])
@pytest.mark.parametrize(
    "position", [b"p=notadate", b"p=2021-13-45T99:00:00Z", b"p=%00", b"o=-5&p=x"]
)
def test_a_crafted_cursor_is_a_404_for_anyone(anonymous, feed, position):
    cursor = base64.b64encode(position).decode()
    body = _shaped(anonymous.get(f"/api/v1/{feed}/?cursor={cursor}"), 404)
    assert body["code"] == "not_found"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/claims/match/?text=ab%00cd",
        "/api/v1/claims/?q=ab%00cd",
        "/api/v1/claims/?speaker=a%00",
        "/api/v1/verdicts/?rating=false%00",
    ],
)
def test_nul_in_the_query_is_a_400(signed_in, url):
    body = _shaped(signed_in.get(url), 400)
    assert "NUL" in body["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/claims/1234567890123456789/",
        "/api/v1/evidence/99999999999999999999/",
        "/api/v1/no-such-thing/",
    ],
)
def test_a_path_no_route_matches_is_a_json_404(signed_in, path):
    body = _shaped(signed_in.get(path), 404)
    assert body["code"] == "not_found"


def test_outside_the_api_a_404_stays_a_page(anonymous):
    response = anonymous.get("/no-such-page/")
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")


def test_the_verdict_admin_page_opens(desk, editor):
    claim = ready_claim("published")
    version = claim.verdicts.get()
    client = desk(editor)
    assert client.get("/admin/claims/verdict/").status_code == 200
    page = client.get(f"/admin/claims/verdict/{version.pk}/change/")
    assert page.status_code == 200
    assert claim.text[:40] in page.content.decode()


HOSTILE_QUERIES = [
    "?q=a%00b",
    "?text=a%00b",
    f"?cursor={base64.b64encode(b'p=notadate').decode()}",
    f"?cursor={base64.b64encode(b'r=1&p=' + b'9' * 400).decode()}",
    "?page=99999999999999999999",
    "?page_size=-1",
    "?updated_after=99999-01-01T00:00:00Z",
    "?ordering=attention",
    "?limit=%00",
]
DEEP = "[" * 50_000 + "]" * 50_000


def test_no_operation_in_the_schema_answers_5xx_to_hostile_input(signed_in, editor):
    """Every operation the schema documents, as the desk's researcher, with hostile query
    strings, path ids and bodies: a 4xx (or a 2xx), never a 5xx."""
    claim = ready_claim("in_review")
    evidence = claim.evidence.get()
    schema = signed_in.get("/api/v1/schema/?format=json").json()
    ids = {"{id}": str(claim.pk), "{pk}": str(claim.pk)}
    checked = 0
    for template, operations in schema["paths"].items():
        for method in operations:
            if method not in {"get", "post", "patch", "delete"}:
                continue
            variants = [template]
            for placeholder, value in ids.items():
                if placeholder in template:
                    real = template.replace(placeholder, value)
                    if "evidence" in template:
                        real = template.replace(placeholder, str(evidence.pk))
                    variants = [real, template.replace(placeholder, "9" * 25)]
            for path in variants:
                call = getattr(signed_in, method)
                if method == "get":
                    responses = [call(path + query) for query in HOSTILE_QUERIES]
                elif method == "delete":
                    responses = [call(path.replace(str(evidence.pk), "9" * 25))]
                else:
                    responses = [
                        call(path, DEEP, content_type="application/json"),
                        call(path, '{"text": "a\\u0000b"}', content_type="application/json"),
                        call(path, "{not json", content_type="application/json"),
                    ]
                for response in responses:
                    checked += 1
                    assert response.status_code < 500, (method, path, response.content[:200])
    assert checked > 100


_PASSWORD = "-".join(["hunter", "two"])


def _environment_with_passwords() -> dict[str, str]:
    # Built here, away from the test's lines: the traceback page shows the source around the
    # raise, which must not be what reveals them.
    password = _PASSWORD
    return {
        "DATABASE_URL": f"postgres://app:{password}@db/claims",
        "CELERY_BROKER_URL": f"redis://:{password}@redis:6379/0",
        "CACHE_URL": f"redis://:{password}@redis:6379/1",
    }


def test_a_debug_traceback_hides_connection_urls(rf, settings):
    from django.views.debug import ExceptionReporter

    settings.DEBUG = True
    request = rf.get("/boom", **_environment_with_passwords())
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        html = ExceptionReporter(request, type(exc), exc, exc.__traceback__).get_traceback_html()
    assert "DATABASE_URL" in html  # the entry is listed, its value hidden
    assert _PASSWORD not in html


def test_a_parser_crash_on_pasted_html_is_a_400_not_a_500(signed_in, desk, editor, monkeypatch):
    """Extraction lets unexpected parser errors through (a worker's time limit must not look
    like an empty page); in a request the content is the client's to fix."""
    from claims.services import ingestion

    def crash(*args, **kwargs):
        raise TypeError("an lxml corner case")

    monkeypatch.setattr(ingestion, "read_html", crash)
    html = "<html><body><p>" + "Unemployment fell to 4.1 percent in March. " * 3 + "</p>"
    body = _shaped(
        signed_in.post("/api/v1/articles/", {"html": html}, content_type="application/json"),
        400,
    )
    assert "Paste the article's text" in body["message"]
    page = desk(editor).post(
        "/admin/claims/claim/articles/ingest/",
        {"content": html, "format": "auto", "url": "", "title": ""},
    )
    assert page.status_code == 400 and "could not be parsed" in page.content.decode()
