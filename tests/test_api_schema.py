"""Property-based run of the whole API against its own OpenAPI schema (schemathesis).

A bounded number of generated requests per operation, as an editor: no server errors, and every
response matches what the schema says (status codes, content types, bodies). Then what the
schema promises beyond shapes: JSON is the one request body, every request schema describes
itself, and the docs pages load nothing from outside the server. tests/test_generated_client.py
checks that a client generated from the schema works.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
import schemathesis
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.views import serve as serve_static
from django.core import signals
from django.db import close_old_connections
from django.test import RequestFactory
from django.test.client import MULTIPART_CONTENT, encode_multipart
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from claims.models import ApiToken, Claim, ClaimEvent, ClaimStatus, Evidence, Rating, Verdict
from config.api import StrictSerializer
from sources.models import Source
from tests.factories import ClaimFactory, SourceFactory


@pytest.fixture
def api_schema(db):
    from config.wsgi import application

    # schemathesis calls the WSGI app directly; like Django's test client, keep the request
    # signals from closing the connection that holds the test's transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def editor_token(editor) -> str:
    # Some rows for the generated requests to find (ids 1.. are what generators try first).
    draft = ClaimFactory(status=ClaimStatus.RESEARCHING)
    Verdict.objects.create(claim=draft, rating=Rating.MIXED, conclusion="Partly.")
    Evidence.objects.create(claim=draft, source=SourceFactory(), stance="supports")
    ClaimFactory(status=ClaimStatus.NEW)
    return ApiToken.issue(user=editor, now=timezone.now())[1]


def test_api_conforms_to_its_schema(api_schema, editor_token):
    # Excluded: "schema-valid data must be accepted". Some rules are about content, not shape
    # (HTML with no article text, a claim closed to edits): the API rightly answers 400/409.
    # schemathesis' pytest plugin does not support pytest 9 yet, so drive its strategies with
    # Hypothesis directly: one bounded run per operation.
    headers = {"Authorization": f"Token {editor_token}"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 15
    failures = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=12,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case) -> None:
            case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

        try:
            check()
        except Exception as error:
            failures.append(f"{operation.method.upper()} {operation.path}:\n{error}")
    assert not failures, "\n\n".join(failures)


# --- JSON is the one request body ------------------------------------------------------------


def _send(method, path: str, fields: dict[str, str], encoding: str):
    if encoding == "form":
        return method(path, urlencode(fields), content_type="application/x-www-form-urlencoded")
    return method(path, encode_multipart("BoUnDaRy", fields), content_type=MULTIPART_CONTENT)


def _assert_unsupported_media_type(response, encoding: str) -> None:
    assert response.status_code == 415, response.content
    body = response.json()
    assert body["code"] == "unsupported_media_type"
    sent = "application/x-www-form-urlencoded" if encoding == "form" else "multipart/form-data"
    assert sent in body["message"]


@pytest.mark.parametrize("encoding", ["form", "multipart"])
def test_ingest_refuses_form_and_multipart_bodies(api, researcher, encoding):
    api.force_authenticate(researcher)
    text = "Unemployment fell to 4.2 percent in 2023, the lowest rate since 1990, she said."
    response = _send(api.post, "/api/v1/articles/", {"text": text}, encoding)
    _assert_unsupported_media_type(response, encoding)
    assert not Source.objects.exists()
    assert not Claim.objects.exists()


@pytest.mark.parametrize("encoding", ["form", "multipart"])
def test_claim_edit_refuses_form_and_multipart_bodies(api, researcher, encoding):
    claim = ClaimFactory(text="The bridge cost 2 billion euros.", speaker="")
    events = ClaimEvent.objects.count()
    api.force_authenticate(researcher)
    fields = {"text": "The bridge cost 3 billion euros.", "speaker": "The mayor"}
    response = _send(api.patch, f"/api/v1/claims/{claim.pk}/", fields, encoding)
    _assert_unsupported_media_type(response, encoding)
    edited = Claim.objects.get(pk=claim.pk)
    assert (edited.text, edited.speaker, edited.version) == (
        "The bridge cost 2 billion euros.",
        "",
        claim.version,
    )
    assert ClaimEvent.objects.count() == events


def test_the_admin_still_takes_forms(desk, researcher):
    # The desk is Django forms, not DRF: the API's JSON-only parsing does not reach it.
    claim = ClaimFactory()
    response = desk(researcher).post(
        "/admin/claims/claim/",
        {"action": "assign_to_me", ACTION_CHECKBOX_NAME: [claim.pk], "index": 0},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.assignee == researcher


# --- What the schema says, for client generators ---------------------------------------------


@pytest.fixture
def schema(client) -> dict:
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_schema_lists_only_json_request_bodies(schema):
    bodies = {
        f"{method.upper()} {path}": set(operation["requestBody"]["content"])
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if "requestBody" in operation
    }
    assert len(bodies) >= 8
    assert {name: types for name, types in bodies.items() if types != {"application/json"}} == {}


def test_request_schemas_describe_their_own_serializer(schema):
    components = schema["components"]["schemas"]
    plumbing = StrictSerializer.__doc__.split(",")[0]  # "Refuses unknown fields ..."
    assert [name for name, c in components.items() if plumbing in c.get("description", "")] == []
    requests = {name: c for name, c in components.items() if name.endswith("Request")}
    assert {"ArticleCreateRequest", "EvidenceRequest", "TransitionRequest"} <= set(requests)
    assert [name for name, c in requests.items() if not c.get("description")] == []


@pytest.mark.parametrize(
    ("component", "required"),
    [("EvidenceRequest", ["stance"]), ("ArticleCreateRequest", [])],
)
def test_cross_field_rules_are_stated_not_encoded_in_anyof(schema, component, required):
    # Generators make an untyped body of anyOf/not over `required`; the server enforces the rule
    # (400 naming the field) and the description states it.
    request = schema["components"]["schemas"][component]
    assert request["type"] == "object"
    assert not {"anyOf", "oneOf", "allOf", "not"} & set(request)
    assert request.get("required", []) == required
    assert "Give " in request["description"]


def test_evidence_without_a_source_is_still_refused(api, researcher):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    api.force_authenticate(researcher)
    response = api.post(
        f"/api/v1/claims/{claim.pk}/evidence/", {"stance": "supports"}, format="json"
    )
    assert response.status_code == 400
    assert [error["field"] for error in response.json()["errors"]] == ["source_url"]
    assert not Evidence.objects.exists()


# --- The docs pages load only our own files --------------------------------------------------


@pytest.mark.parametrize("page", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_api_docs_load_only_our_own_static_files(client, page):
    response = client.get(page)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r"https?://\S+", html) == []
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert [url for url in assets if not url.startswith("/static/")] == []
    assert any(url.endswith(".js") for url in assets)
    for url in assets:
        path = url.removeprefix("/static/")
        assert finders.find(path), f"{url} is not among the static files"
        # What runserver (DEBUG) serves at that URL; production serves the collected copy.
        served = serve_static(RequestFactory().get(url), path, insecure=True)
        assert served.status_code == 200, url
        if url.endswith(".js"):
            assert "javascript" in served["Content-Type"]
