"""Webhook endpoints (editors only): subscribe a URL to events, see deliveries, rotate the
signing secret, disable and enable. The secret is in the answer to a create or a rotate, once.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from claims.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from claims.services import webhooks
from claims.workflow import EDITOR, user_roles
from config.api import (
    ID_PATTERN,
    KnownQueryParametersMixin,
    StrictCharField,
    StrictModelSerializer,
    StrictSerializer,
)

DELIVERIES_SHOWN = 100


class EditorOnly(BasePermission):
    message = "Only editors manage webhooks. Ask an editor, or for the editor role."

    def has_permission(self, request: Request, view: Any) -> bool:
        return EDITOR in user_roles(request.user)


class WebhookEndpointSerializer(StrictModelSerializer):
    """An endpoint as listed: never its secret."""

    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=WebhookEvent.choices),
        allow_empty=False,
        max_length=len(WebhookEvent.values),
        help_text="Event types sent to this endpoint.",
    )

    class Meta:
        model = WebhookEndpoint
        fields = [
            "id",
            "url",
            "events",
            "description",
            "is_active",
            "disabled_at",
            "disabled_reason",
            "failing_since",
            "previous_secret_expires_at",
            "created_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "is_active",
            "disabled_at",
            "disabled_reason",
            "failing_since",
            "previous_secret_expires_at",
            "created_at",
            "updated_at",
        ]

    def validate_url(self, value: str) -> str:
        problem = webhooks.webhook_url_problem(value)
        if problem:
            raise serializers.ValidationError(problem, code="blocked_url")
        return value


class WebhookEndpointWithSecretSerializer(WebhookEndpointSerializer):
    """An endpoint just created or rotated, with the secret: shown this once."""

    secret = serializers.CharField(
        read_only=True,
        help_text="whsec_ + base64 of the signing key. Shown once: store it now.",
    )

    class Meta(WebhookEndpointSerializer.Meta):
        fields = [*WebhookEndpointSerializer.Meta.fields, "secret"]


class WebhookDisableSerializer(StrictSerializer):
    """Why the endpoint is disabled (optional; recorded in its history)."""

    reason = StrictCharField(max_length=500, required=False, allow_blank=True, default="")


class WebhookDeliverySerializer(serializers.ModelSerializer):
    webhook_id = serializers.CharField(source="message.message_id", read_only=True)
    event = serializers.CharField(source="message.event", read_only=True)

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "webhook_id",
            "event",
            "status",
            "attempts",
            "next_attempt_at",
            "last_attempt_at",
            "response_status",
            "latency_ms",
            "last_error",
            "replay_of",
            "created_at",
            "delivered_at",
        ]
        read_only_fields = fields


def _with_secret(endpoint: WebhookEndpoint, secret: str) -> dict[str, Any]:
    data = WebhookEndpointSerializer(endpoint).data
    return {**data, "secret": secret}


class WebhookEndpointViewSet(
    KnownQueryParametersMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Webhook endpoints: signed Standard Webhooks deliveries of the events chosen."""

    lookup_value_regex = ID_PATTERN
    permission_classes = [EditorOnly]
    serializer_class = WebhookEndpointSerializer

    def get_queryset(self) -> QuerySet[WebhookEndpoint]:
        return WebhookEndpoint.objects.select_related("created_by").order_by("id")

    @extend_schema(
        request=WebhookEndpointSerializer, responses={201: WebhookEndpointWithSecretSerializer}
    )
    def create(self, request: Request) -> Response:
        """Subscribe a URL; the answer holds the signing secret, shown this once."""
        serializer = WebhookEndpointSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        endpoint, secret = webhooks.webhook_endpoint_create(
            actor=request.user,
            url=serializer.validated_data["url"],
            events=serializer.validated_data["events"],
            description=serializer.validated_data.get("description", ""),
        )
        return Response(_with_secret(endpoint, secret), status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: WebhookEndpointWithSecretSerializer})
    @action(detail=True, methods=["post"])
    def rotate(self, request: Request, pk: str) -> Response:
        """A new secret, shown once; the previous one keeps signing beside it for
        WEBHOOKS_ROTATION_OVERLAP_HOURS."""
        endpoint = self.get_object()
        secret = webhooks.webhook_endpoint_rotate(endpoint=endpoint, actor=request.user)
        endpoint.refresh_from_db()
        return Response(_with_secret(endpoint, secret))

    @extend_schema(request=WebhookDisableSerializer, responses={200: WebhookEndpointSerializer})
    @action(detail=True, methods=["post"])
    def disable(self, request: Request, pk: str) -> Response:
        """Stop deliveries to this endpoint; its pending deliveries are cancelled."""
        serializer = WebhookDisableSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        endpoint = self.get_object()
        reason = serializer.validated_data["reason"] or f"Disabled by {request.user}."
        webhooks.webhook_endpoint_disable(endpoint=endpoint, actor=request.user, reason=reason)
        return Response(WebhookEndpointSerializer(self.get_object()).data)

    @extend_schema(request=None, responses={200: WebhookEndpointSerializer})
    @action(detail=True, methods=["post"])
    def enable(self, request: Request, pk: str) -> Response:
        """Deliver new events to this endpoint again."""
        webhooks.webhook_endpoint_enable(endpoint=self.get_object(), actor=request.user)
        return Response(WebhookEndpointSerializer(self.get_object()).data)

    @extend_schema(request=None, responses={200: WebhookDeliverySerializer(many=True)})
    @action(detail=True, methods=["get"], pagination_class=None)
    def deliveries(self, request: Request, pk: str) -> Response:
        """This endpoint's latest deliveries (at most 100), newest first, with each one's
        attempts, last answer and error: what to look at when a receiver missed something."""
        endpoint = self.get_object()
        queryset = (
            WebhookDelivery.objects.filter(endpoint=endpoint)
            .select_related("message")
            .order_by("-id")[:DELIVERIES_SHOWN]
        )
        return Response(WebhookDeliverySerializer(queryset, many=True).data)
