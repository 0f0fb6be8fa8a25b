"""Webhooks (Standard Webhooks v1): subscribers' endpoints, the events sent to them, and the
outbox of deliveries.

Imported at the end of claims/models.py, where Django looks for the app's models. The rules
about delivering (what a status code means, the retry schedule, the lease) live in
claims.services.webhooks; signing in claims.webhook_signing; the HTTP in claims.webhook_sender.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from sources.models import MAX_URL_LENGTH


class WebhookEvent(models.TextChoices):
    """The events a subscriber can ask for (the `type` of each payload)."""

    VERDICT_PUBLISHED = "verdict.published", "A verdict was published (version 1)"
    VERDICT_CORRECTED = "verdict.corrected", "A correction was published (version 2 on)"
    VERDICT_RETRACTED = "verdict.retracted", "A published verdict was retracted"
    CLAIM_NEEDS_UPDATE = "claim.needs_update", "A published claim's evidence changed"
    CLAIM_MATCHED = "claim.matched", "A new claim repeats a published fact-check"


class WebhookEndpoint(models.Model):
    """A subscriber's URL, the events it wants and the secret its deliveries are signed with.

    The secret is a signing key, not a password: it must be kept as it is to sign with. It is
    shown once, when created or rotated, and never again by the API or the desk. After a
    rotation the previous secret signs beside it until `previous_secret_expires_at`.
    """

    url = models.URLField(max_length=MAX_URL_LENGTH)
    events = models.JSONField(default=list, help_text="Event types sent to this endpoint.")
    description = models.CharField(max_length=200, blank=True)
    secret = models.CharField(max_length=100)
    previous_secret = models.CharField(max_length=100, blank=True)
    previous_secret_expires_at = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    disabled_reason = models.CharField(max_length=500, blank=True)
    # Set by the first failed attempt after a success, cleared by the next success: how long
    # the endpoint has been failing decides when it is disabled (claims.services.webhooks).
    failing_since = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["is_active"], name="webhook_endpoint_active")]

    def __str__(self) -> str:
        return self.url

    def wants(self, event: str) -> bool:
        return self.is_active and event in self.events

    def signing_secrets(self, *, now) -> list[str]:
        """The secrets that sign a delivery made at `now`: the current one, and the previous
        one while the rotation overlap lasts."""
        secrets = [self.secret]
        if (
            self.previous_secret
            and self.previous_secret_expires_at is not None
            and self.previous_secret_expires_at > now
        ):
            secrets.append(self.previous_secret)
        return secrets


class WebhookEndpointEvent(models.Model):
    """Append-only history of an endpoint: created, rotated, disabled (by whom, or by the
    system and why), enabled."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        ROTATED = "rotated", "Secret rotated"
        DISABLED = "disabled", "Disabled"
        ENABLED = "enabled", "Enabled"
        REPLAYED = "replayed", "Delivery replayed"

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="history")
    action = models.CharField(max_length=16, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["endpoint", "created_at", "id"]

    def __str__(self) -> str:
        who = self.actor or "the system"
        return f"{self.endpoint_id}: {self.action} by {who}"


class WebhookMessage(models.Model):
    """One event, frozen when it happened: the exact body every endpoint receives.

    `body` is the JSON text signed and sent, kept as text so that every attempt and every
    endpoint gets the same bytes (a JSON column may reorder keys). `message_id` is the
    `webhook-id` header: the same for retries and replays, so receivers can de-duplicate.
    """

    message_id = models.CharField(max_length=40, unique=True)
    event = models.CharField(max_length=32, choices=WebhookEvent.choices)
    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.event} {self.message_id}"


class WebhookDeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled (endpoint disabled)"


class WebhookDelivery(models.Model):
    """The outbox: one message to one endpoint, written in the transaction of the change it
    reports, and its attempts so far.

    A worker claims a due row by setting `locked_until` (its lease) and counting the attempt;
    a worker killed mid-delivery leaves the row pending, and it is due again when the lease
    ends. `attempts` doubles as the lease's token: a result is recorded only on the row still
    at the attempt its worker claimed.
    """

    Status = WebhookDeliveryStatus

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    message = models.ForeignKey(WebhookMessage, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(
        max_length=16, choices=WebhookDeliveryStatus.choices, default=WebhookDeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)
    first_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    latency_ms = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    replay_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replays"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "webhook deliveries"
        indexes = [
            # The sweep's scan: pending rows by due time (claims.services.webhooks).
            models.Index(
                fields=["next_attempt_at", "id"],
                name="webhook_delivery_due",
                condition=Q(status="pending"),
            ),
            models.Index(fields=["endpoint", "-id"], name="webhook_delivery_endpoint"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=WebhookDeliveryStatus.values),
                name="webhook_delivery_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="pending") | Q(next_attempt_at__isnull=False),
                name="webhook_delivery_pending_is_scheduled",
            ),
        ]

    def __str__(self) -> str:
        return f"delivery {self.pk} of {self.message_id} to endpoint {self.endpoint_id}"
