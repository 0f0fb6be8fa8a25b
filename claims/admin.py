"""A read-only view of claims for now: edits go through the workflow services (issues 3 and 5),
so that every change writes its ClaimEvent; the admin must not be a second, unaudited path."""

from django.contrib import admin
from django.http import HttpRequest

from claims.models import Claim, ClaimEvent, Evidence, Verdict


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ClaimEventInline(ReadOnlyMixin, admin.TabularInline):
    model = ClaimEvent
    fields = ("created_at", "actor", "action", "from_status", "to_status", "note")
    extra = 0
    ordering = ("created_at", "id")


class EvidenceInline(ReadOnlyMixin, admin.TabularInline):
    model = Evidence
    fields = ("source", "stance", "excerpt", "note", "added_by")
    extra = 0


@admin.register(Claim)
class ClaimAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("__str__", "status", "checkworthiness", "speaker", "article", "assignee")
    list_filter = ("status", "origin")
    list_select_related = ("snapshot__source", "assignee")
    search_fields = ("text", "speaker")
    fields = (
        "text",
        "quote",
        "article",
        "start",
        "end",
        "speaker",
        "checkworthiness",
        "features",
        "quantities",
        "status",
        "assignee",
        "origin",
        "version",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields
    inlines = [EvidenceInline, ClaimEventInline]

    @admin.display(description="Article", ordering="snapshot__source__title")
    def article(self, obj: Claim) -> object:
        return obj.snapshot.source if obj.snapshot_id else "-"


@admin.register(Verdict)
class VerdictAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("claim", "state", "number", "rating", "author", "published_at")
    list_filter = ("state", "rating")
    list_select_related = ("claim", "author")
