"""webhooks/ in the API: editors subscribe (201 with the secret, once), list, rotate, disable,
enable and read deliveries; everyone else is refused in the API's error shape."""

from __future__ import annotations

import pytest

from claims.models import WebhookEndpoint, WebhookEndpointEvent

pytestmark = pytest.mark.django_db

EVENTS = ["verdict.published", "verdict.retracted"]


@pytest.fixture
def loopback(settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
    settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, 8765]
    return "http://127.0.0.1:8765/hook"


def _shaped(response, status: int) -> dict:
    assert response.status_code == status, response.content[:500]
    body = response.json()
    assert set(body) >= {"code", "message"} and body["message"]
    return body


def test_create_answers_201_with_the_secret_shown_once(api, editor, loopback):
    api.force_authenticate(editor)
    response = api.post("/api/v1/webhooks/", {"url": loopback, "events": EVENTS}, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["secret"].startswith("whsec_")
    assert created["url"] == loopback and created["events"] == EVENTS
    assert created["is_active"] and created["created_by"] == editor.username
    endpoint = WebhookEndpoint.objects.get(pk=created["id"])
    assert endpoint.history.get().action == WebhookEndpointEvent.Action.CREATED

    listed = api.get("/api/v1/webhooks/").json()
    assert [item["id"] for item in listed["results"]] == [created["id"]]
    assert "secret" not in listed["results"][0]
    detail = api.get(f"/api/v1/webhooks/{created['id']}/").json()
    assert "secret" not in detail and created["secret"] not in str(detail)


def test_rotate_shows_a_new_secret_once(api, editor, loopback):
    api.force_authenticate(editor)
    created = api.post(
        "/api/v1/webhooks/", {"url": loopback, "events": EVENTS}, format="json"
    ).json()
    rotated = api.post(f"/api/v1/webhooks/{created['id']}/rotate/")
    assert rotated.status_code == 200
    body = rotated.json()
    assert body["secret"].startswith("whsec_") and body["secret"] != created["secret"]
    assert body["previous_secret_expires_at"] is not None
    assert "secret" not in api.get(f"/api/v1/webhooks/{created['id']}/").json()


def test_disable_and_enable(api, editor, loopback):
    api.force_authenticate(editor)
    created = api.post(
        "/api/v1/webhooks/", {"url": loopback, "events": EVENTS}, format="json"
    ).json()
    disabled = api.post(
        f"/api/v1/webhooks/{created['id']}/disable/", {"reason": "CMS migration"}, format="json"
    ).json()
    assert disabled["is_active"] is False and disabled["disabled_reason"] == "CMS migration"
    enabled = api.post(f"/api/v1/webhooks/{created['id']}/enable/").json()
    assert enabled["is_active"] is True and enabled["disabled_reason"] == ""
    actions = list(
        WebhookEndpoint.objects.get(pk=created["id"]).history.values_list("action", flat=True)
    )
    assert actions == ["created", "disabled", "enabled"]


def test_deliveries_are_listed_per_endpoint(api, editor, loopback, publish):
    api.force_authenticate(editor)
    created = api.post(
        "/api/v1/webhooks/", {"url": loopback, "events": EVENTS}, format="json"
    ).json()
    publish()
    deliveries = api.get(f"/api/v1/webhooks/{created['id']}/deliveries/").json()
    assert [(d["event"], d["status"]) for d in deliveries] == [("verdict.published", "pending")]
    assert deliveries[0]["webhook_id"].startswith("msg_")


@pytest.mark.parametrize(
    "data, field, words",
    [
        ({"url": "ftp://127.0.0.1:8765/x", "events": EVENTS}, "url", "ftp"),
        ({"url": "http://10.1.2.3/hook", "events": EVENTS}, "url", "private"),
        ({"url": "http://127.0.0.1:6379/hook", "events": EVENTS}, "url", "port 6379"),
        ({"url": "not a url", "events": EVENTS}, "url", "valid URL"),
        ({"url": "http://127.0.0.1:8765/hook", "events": []}, "events", "empty"),
        ({"url": "http://127.0.0.1:8765/hook", "events": ["verdict.eaten"]}, "events", "valid"),
        ({"url": "http://127.0.0.1:8765/hook"}, "events", "required"),
        ({"url": "http://127.0.0.1:8765/hook", "events": EVENTS, "secret": "x"}, "secret", ""),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api, editor, loopback, settings, data, field, words):
    if "10.1.2.3" in data["url"]:
        settings.SOURCES_ALLOW_PRIVATE_NETWORKS = False
    api.force_authenticate(editor)
    body = _shaped(api.post("/api/v1/webhooks/", data, format="json"), 400)
    assert body["code"] == "invalid"
    fields = {error["field"] for error in body["errors"]}
    assert any(name.split("[")[0] == field for name in fields), body
    assert words.lower() in body["message"].lower()
    assert WebhookEndpoint.objects.count() == 0


def test_loopback_is_refused_unless_private_networks_are_allowed(api, editor, settings):
    settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, 8765]
    api.force_authenticate(editor)
    body = _shaped(
        api.post(
            "/api/v1/webhooks/",
            {"url": "http://127.0.0.1:8765/hook", "events": EVENTS},
            format="json",
        ),
        400,
    )
    assert "loopback" in body["message"]


@pytest.mark.parametrize("persona", ["researcher", "api_client_user", "outsider"])
def test_only_editors_manage_webhooks(api, persona, request, loopback, editor):
    api.force_authenticate(editor)
    created = api.post(
        "/api/v1/webhooks/", {"url": loopback, "events": EVENTS}, format="json"
    ).json()
    api.force_authenticate(request.getfixturevalue(persona))
    for response in (
        api.get("/api/v1/webhooks/"),
        api.get(f"/api/v1/webhooks/{created['id']}/"),
        api.post("/api/v1/webhooks/", {"url": loopback, "events": EVENTS}, format="json"),
        api.post(f"/api/v1/webhooks/{created['id']}/rotate/"),
        api.post(f"/api/v1/webhooks/{created['id']}/disable/"),
    ):
        assert _shaped(response, 403)["code"] == "permission_denied"
    assert WebhookEndpoint.objects.get().is_active


def test_anonymous_is_a_401(api, loopback):
    for response in (
        api.get("/api/v1/webhooks/"),
        api.post("/api/v1/webhooks/", {"url": loopback, "events": EVENTS}, format="json"),
    ):
        assert _shaped(response, 401)["code"] == "not_authenticated"
