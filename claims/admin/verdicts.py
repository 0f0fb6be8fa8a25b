"""Verdicts, read-only: they are written on a claim's page, through claims.services."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from claims.models import Verdict


@admin.register(Verdict)
class VerdictAdmin(admin.ModelAdmin):
    """Verdicts are read here; they are written on the claim's page, through the services."""

    list_display = ("claim_link", "state", "number", "rating", "author", "reviewer", "published_at")
    list_filter = ("state", "rating")
    list_select_related = ("claim", "author", "reviewer")
    search_fields = ("claim__text", "conclusion")
    ordering = ("-published_at", "-id")
    # Every field read-only and the claim as a link, not a choice list: a choice list of claims
    # would be ordered by ClaimAdmin's ordering, which needs its list's annotations.
    fields = readonly_fields = (
        "claim_link",
        "state",
        "number",
        "rating",
        "conclusion",
        "explanation",
        "claim_text",
        "claim_speaker",
        "claim_speaker_type",
        "appearance_url",
        "appearance_headline",
        "appearance_publisher",
        "appearance_published_at",
        "author",
        "last_edited_by",
        "reviewer",
        "published_at",
        "correction_note",
        "correction_changes",
        "retracted_at",
        "retraction_note",
        "revision",
        "created_at",
        "updated_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Verdict | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Verdict | None = None) -> bool:
        return False

    @admin.display(description="Claim", ordering="claim")
    def claim_link(self, verdict: Verdict) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:claims_claim_change", args=[verdict.claim_id]),
            Truncator(verdict.claim.text).chars(90),
        )
