"""Webhooks on the desk: endpoints (disable, enable, rotate the secret) and their deliveries
(status, filters, replay). Read-only otherwise; every action calls claims.services.webhooks,
the same services as the API, which refuse anyone but an editor.

Editors see and act here. Endpoints are subscribed through the API (POST /api/v1/webhooks/),
whose answer holds the secret; a rotation here shows the new secret once, in a message.
"""

from __future__ import annotations

import json

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from claims.models import WebhookDelivery, WebhookEndpoint, WebhookEndpointEvent
from claims.services import webhooks
from claims.workflow import EDITOR, WorkflowError, user_roles


def _is_editor(request: HttpRequest) -> bool:
    return EDITOR in user_roles(request.user)


class EditorsOnly(admin.ModelAdmin):
    """Seen by editors only (desk roles hold no Django permission on these models), and never
    written through ModelAdmin's own add, change and delete."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _is_editor(request)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _is_editor(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_editor_permission(self, request: HttpRequest) -> bool:
        return _is_editor(request)

    def _refused(self, request: HttpRequest, error: WorkflowError) -> None:
        self.message_user(request, error.message, messages.ERROR)


class EndpointHistoryInline(admin.TabularInline):
    model = WebhookEndpointEvent
    fields = readonly_fields = ("created_at", "action", "actor", "note")
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _is_editor(request)


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(EditorsOnly):
    list_display = (
        "url",
        "shown_events",
        "is_active",
        "failing_since",
        "disabled_reason",
        "created_by",
        "created_at",
    )
    list_filter = ("is_active",)
    search_fields = ("url", "description")
    list_select_related = ("created_by",)
    # The secrets are left out: shown once, when created or rotated, never again.
    fields = readonly_fields = (
        "url",
        "shown_events",
        "description",
        "is_active",
        "disabled_at",
        "disabled_reason",
        "failing_since",
        "consecutive_failures",
        "previous_secret_expires_at",
        "created_by",
        "created_at",
        "updated_at",
    )
    inlines = [EndpointHistoryInline]
    actions = ["disable", "enable", "rotate"]

    @admin.display(description="Events")
    def shown_events(self, endpoint: WebhookEndpoint) -> str:
        return ", ".join(endpoint.events)

    @admin.action(description="Disable the selected endpoints", permissions=["editor"])
    def disable(self, request: HttpRequest, queryset: QuerySet[WebhookEndpoint]) -> None:
        done = 0
        for endpoint in queryset:
            try:
                done += webhooks.webhook_endpoint_disable(
                    endpoint=endpoint, actor=request.user, reason=f"Disabled by {request.user}."
                )
            except WorkflowError as error:
                return self._refused(request, error)
        self.message_user(request, f"Disabled {done} endpoint(s).", messages.SUCCESS)

    @admin.action(description="Enable the selected endpoints", permissions=["editor"])
    def enable(self, request: HttpRequest, queryset: QuerySet[WebhookEndpoint]) -> None:
        done = 0
        for endpoint in queryset:
            try:
                done += webhooks.webhook_endpoint_enable(endpoint=endpoint, actor=request.user)
            except WorkflowError as error:
                return self._refused(request, error)
        self.message_user(request, f"Enabled {done} endpoint(s).", messages.SUCCESS)

    @admin.action(description="Rotate the secret (shown once)", permissions=["editor"])
    def rotate(self, request: HttpRequest, queryset: QuerySet[WebhookEndpoint]) -> None:
        if queryset.count() != 1:
            self.message_user(
                request,
                "Rotate one endpoint at a time: select exactly one, so its new secret is shown "
                "beside its URL.",
                messages.ERROR,
            )
            return
        endpoint = queryset.get()
        try:
            secret = webhooks.webhook_endpoint_rotate(endpoint=endpoint, actor=request.user)
        except WorkflowError as error:
            return self._refused(request, error)
        endpoint.refresh_from_db()
        self.message_user(
            request,
            f"New secret for {endpoint.url}: {secret} — copy it now, it is not shown again. "
            f"The previous secret keeps signing until "
            f"{endpoint.previous_secret_expires_at:%Y-%m-%d %H:%M} UTC.",
            messages.WARNING,
        )


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(EditorsOnly):
    list_display = (
        "id",
        "endpoint",
        "event",
        "status",
        "attempts",
        "response_status",
        "latency_ms",
        "next_attempt_at",
        "created_at",
    )
    list_filter = ("status", "message__event", "endpoint")
    list_select_related = ("endpoint", "message")
    search_fields = ("message__message_id", "endpoint__url", "last_error")
    ordering = ("-id",)
    fields = readonly_fields = (
        "endpoint_link",
        "event",
        "webhook_id",
        "status",
        "attempts",
        "first_attempt_at",
        "last_attempt_at",
        "next_attempt_at",
        "locked_until",
        "response_status",
        "latency_ms",
        "last_error",
        "replay_of",
        "created_at",
        "delivered_at",
        "payload",
    )
    actions = ["replay"]

    @admin.display(description="Event", ordering="message__event")
    def event(self, delivery: WebhookDelivery) -> str:
        return delivery.message.event

    @admin.display(description="webhook-id")
    def webhook_id(self, delivery: WebhookDelivery) -> str:
        return delivery.message.message_id

    @admin.display(description="Endpoint")
    def endpoint_link(self, delivery: WebhookDelivery) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:claims_webhookendpoint_change", args=[delivery.endpoint_id]),
            delivery.endpoint.url,
        )

    @admin.display(description="Payload (as signed and sent)")
    def payload(self, delivery: WebhookDelivery) -> str:
        pretty = json.dumps(json.loads(delivery.message.body), indent=2, ensure_ascii=False)
        return format_html("<pre>{}</pre>", pretty)

    @admin.action(description="Replay the selected deliveries", permissions=["editor"])
    def replay(self, request: HttpRequest, queryset: QuerySet[WebhookDelivery]) -> None:
        replays = []
        for delivery in queryset.select_related("endpoint", "message"):
            try:
                replays.append(
                    webhooks.webhook_delivery_replay(delivery=delivery, actor=request.user)
                )
            except WorkflowError as error:
                return self._refused(request, error)
        self.message_user(
            request,
            f"Replaying {len(replays)} deliver{'y' if len(replays) == 1 else 'ies'} as new "
            f"attempts (ids {', '.join(str(d.pk) for d in replays)}).",
            messages.SUCCESS,
        )
