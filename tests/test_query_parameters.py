"""Lists refuse query parameters they do not read (config.api.KnownQueryParametersMixin): a
misspelt filter is a 400 naming it, never the whole unfiltered list passed off as the answer.
Held to the OpenAPI schema: every parameter a list documents is read, nothing else is."""

from __future__ import annotations

import pytest

from claims.models import ClaimStatus
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

UNKNOWN = "zz_not_a_parameter"


def _checked_operations(api) -> dict[str, set[str]]:
    """Each list (a GET without path parameters) and claims/match/: its documented query
    parameters."""
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    operations = {}
    for path, methods in schema["paths"].items():
        get = methods.get("get")
        if get is None or "{" in path or path.endswith("/schema/"):
            continue
        operations[path] = {p["name"] for p in get.get("parameters", []) if p["in"] == "query"}
    return operations


def test_every_list_refuses_an_unknown_parameter_and_reads_every_documented_one(api, editor):
    ClaimFactory(status=ClaimStatus.NEW)
    api.force_authenticate(editor)
    operations = _checked_operations(api)
    # the claims list, the two feeds, articles, external reviews, webhooks, claims/match/
    assert len(operations) >= 7, sorted(operations)
    for path, documented in operations.items():
        query = {"text": "twenty thousand islanders"} if path.endswith("/match/") else {}
        response = api.get(path, {**query, UNKNOWN: "1"})
        assert response.status_code == 400, (path, response.content[:300])
        errors = response.json()["errors"]
        assert errors == [{"field": UNKNOWN, "code": "unknown", "message": errors[0]["message"]}], (
            path
        )
        # The message lists what the endpoint reads: the schema's parameters.
        for name in documented - {"format"}:
            assert name in errors[0]["message"], (path, name)
        for name in documented:
            # A documented parameter is never "unknown" (its value may still be refused:
            # "1" is no status, and no cursor, which is a 404).
            answer = api.get(path, {**query, name: "1"})
            assert answer.status_code in (200, 400, 404), (path, name, answer.status_code)
            errors = answer.json().get("errors", []) if answer.status_code == 400 else []
            assert all(e["code"] != "unknown" for e in errors), (path, name, errors)


def test_a_misspelt_filter_is_a_400_naming_it(api, researcher):
    ClaimFactory(status=ClaimStatus.NEW)
    api.force_authenticate(researcher)
    response = api.get("/api/v1/claims/", {"seen_befor": "true", "page_size": "5"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert [e["field"] for e in body["errors"]] == ["seen_befor"]
    assert "seen_before" in body["message"] and "Check the spelling" in body["message"]
    # Spelt right, with paging, ordering and ?format=, it is read.
    assert (
        api.get(
            "/api/v1/claims/",
            {"seen_before": "true", "page_size": "5", "ordering": "-id", "format": "json"},
        ).status_code
        == 200
    )


def test_the_public_feed_refuses_an_unknown_parameter_too(api):
    response = api.get("/api/v1/verdicts/", {"stat": "published"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "stat"
    assert api.get("/api/v1/verdicts/", {"state": "published"}).status_code == 200
