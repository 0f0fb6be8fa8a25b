from django.contrib import admin

from sources.models import Snapshot, Source


class SnapshotInline(admin.TabularInline):
    model = Snapshot
    fields = ("fetched_at", "title", "http_status", "content_hash")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "status", "publisher", "published_at", "last_checked_at")
    list_filter = ("kind", "status")
    search_fields = ("title", "url", "publisher")
    date_hierarchy = "created_at"
    readonly_fields = (
        "url",
        "document_hash",
        "http_status",
        "etag",
        "last_modified",
        "last_checked_at",
        "consecutive_failures",
        "last_error",
        "created_at",
        "updated_at",
    )
    inlines = [SnapshotInline]


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    list_display = ("source", "fetched_at", "http_status", "content_hash")
    list_select_related = ("source",)
    readonly_fields = [field.name for field in Snapshot._meta.fields if field.name != "raw_body"]
    exclude = ("raw_body",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # immutable archive

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
