"""Webhooks on the desk: editors see endpoints and deliveries, replay a delivery (a fresh
attempt of the same message), rotate a secret (shown once, in a message) and disable; the
secrets never appear on a page; researchers do not see webhooks at all."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import WebhookDelivery, WebhookEndpoint
from claims.services import webhooks
from tests.claims.test_admin import messages_of

pytestmark = pytest.mark.django_db

DELIVERIES = reverse("admin:claims_webhookdelivery_changelist")
ENDPOINTS = reverse("admin:claims_webhookendpoint_changelist")


def test_replay_sends_the_same_message_again(
    receivers, subscribe, publish, desk, editor, django_capture_on_commit_callbacks
):
    receiver = receivers(answers=[400, 200])
    endpoint = subscribe(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        publish()
    failed = WebhookDelivery.objects.get()
    assert failed.status == WebhookDelivery.Status.FAILED

    client = desk(editor)
    page = client.get(DELIVERIES)
    assert page.status_code == 200 and endpoint.url in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            DELIVERIES, {"action": "replay", "_selected_action": [failed.pk]}, follow=True
        )
    assert any("Replaying 1 delivery" in message for message in messages_of(response))
    first, second = receiver.wait_for(2)
    assert second.verified and second.headers["webhook-id"] == first.headers["webhook-id"]
    replay = WebhookDelivery.objects.exclude(pk=failed.pk).get()
    assert replay.replay_of == failed and replay.status == WebhookDelivery.Status.DELIVERED
    failed.refresh_from_db()
    assert failed.status == WebhookDelivery.Status.FAILED  # the record of what happened stays
    assert endpoint.history.filter(action="replayed").exists()

    detail = client.get(reverse("admin:claims_webhookdelivery_change", args=[replay.pk]))
    assert detail.status_code == 200 and "verdict.published" in detail.content.decode()


def test_rotate_shows_the_secret_once_and_pages_never_do(desk, editor, settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
    settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, 8765]
    endpoint, secret = webhooks.webhook_endpoint_create(
        actor=editor, url="http://127.0.0.1:8765/hook", events=["verdict.published"]
    )
    client = desk(editor)
    response = client.post(
        ENDPOINTS, {"action": "rotate", "_selected_action": [endpoint.pk]}, follow=True
    )
    endpoint.refresh_from_db()
    shown = " ".join(messages_of(response))
    assert endpoint.secret in shown and "not shown again" in shown
    for page in (
        client.get(ENDPOINTS),
        client.get(reverse("admin:claims_webhookendpoint_change", args=[endpoint.pk])),
    ):
        assert page.status_code == 200
        assert endpoint.secret not in page.content.decode()
        assert secret not in page.content.decode()


def test_disable_from_the_desk_records_who(desk, editor, settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
    settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, 8765]
    endpoint, _ = webhooks.webhook_endpoint_create(
        actor=editor, url="http://127.0.0.1:8765/hook", events=["verdict.published"]
    )
    desk(editor).post(ENDPOINTS, {"action": "disable", "_selected_action": [endpoint.pk]})
    endpoint.refresh_from_db()
    assert not endpoint.is_active
    assert endpoint.history.get(action="disabled").actor == editor


def test_researchers_do_not_see_webhooks(desk, researcher, editor, settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
    settings.SOURCES_ALLOWED_PORTS = [*settings.SOURCES_ALLOWED_PORTS, 8765]
    endpoint, _ = webhooks.webhook_endpoint_create(
        actor=editor, url="http://127.0.0.1:8765/hook", events=["verdict.published"]
    )
    client = desk(researcher)
    assert client.get(ENDPOINTS).status_code == 403
    assert client.get(DELIVERIES).status_code == 403
    client.post(ENDPOINTS, {"action": "disable", "_selected_action": [endpoint.pk]})
    assert WebhookEndpoint.objects.get().is_active
