"""Sources on the editors' desk: fetch status, the archive of snapshots, their differences.

Sources and snapshots are written by sources' services (a refresh, claims' ingestion), never by
hand here: the only write this admin starts is "refresh now", through
sources.services.source_refresh_now. Snapshots are an immutable archive.

Its templates (sources/templates/sources/admin/) and style sheet (sources/static/sources/) are
its own: this app knows nothing of claims.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.db.models.functions import Length
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from sources import services
from sources.models import Snapshot, Source

SOURCES_CSS = "sources/admin.css"

# --- Side-by-side differences between two snapshots -------------------------------------------

# A sentence ends at . ! or ? (and a closing quote or bracket) followed by white space.
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d\u2019)\]]))\s+")
WORD = re.compile(r"\s+|[^\s]+")
# Unchanged sentences shown around each change; longer unchanged runs are folded.
CONTEXT = 1


def diff_units(text: str) -> list[str]:
    """A snapshot's text as the units the diff compares: its sentences, line by line."""
    units: list[str] = []
    for line in text.splitlines():
        units.extend(part.strip() for part in SENTENCE_END.split(line) if part.strip())
    return units


def _mark_words(old: str, new: str) -> tuple[SafeString, SafeString]:
    """Both sentences, escaped, with the words that differ wrapped in <del> / <ins>."""
    a, b = WORD.findall(old), WORD.findall(new)
    left: list[str] = []
    right: list[str] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            left.append(old_part)
            right.append(new_part)
            continue
        if old_part:
            left.append(f"<del>{old_part}</del>")
        if new_part:
            right.append(f"<ins>{new_part}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 - escaped above


@dataclass(frozen=True)
class DiffRow:
    kind: str  # equal | changed | removed | added | folded
    left: SafeString | str = ""
    right: SafeString | str = ""
    left_number: int | None = None
    right_number: int | None = None
    folded: int = 0  # for "folded": how many unchanged sentences are hidden


@dataclass(frozen=True)
class Diff:
    rows: list[DiffRow]
    added: int
    removed: int
    changed: int

    @property
    def identical(self) -> bool:
        return not (self.added or self.removed or self.changed)


def side_by_side(old_text: str, new_text: str, *, context: int = CONTEXT) -> Diff:
    """Sentence-by-sentence differences of two texts, as rows of a two-column table."""
    a, b = diff_units(old_text), diff_units(new_text)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    opcodes = matcher.get_opcodes()
    rows: list[DiffRow] = []
    added = removed = changed = 0
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            keep_head = context if index > 0 else 0
            keep_tail = context if index < len(opcodes) - 1 else 0
            length = i2 - i1
            if length > keep_head + keep_tail + 1:
                shown = list(range(keep_head)) + list(range(length - keep_tail, length))
                folded_at = keep_head
            else:
                shown, folded_at = list(range(length)), None
            for offset in range(length):
                if offset == folded_at:
                    rows.append(DiffRow("folded", folded=length - keep_head - keep_tail))
                if offset in shown:
                    rows.append(
                        DiffRow(
                            "equal",
                            a[i1 + offset],
                            b[j1 + offset],
                            i1 + offset + 1,
                            j1 + offset + 1,
                        )
                    )
            continue
        for offset in range(max(i2 - i1, j2 - j1)):
            old = a[i1 + offset] if i1 + offset < i2 else None
            new = b[j1 + offset] if j1 + offset < j2 else None
            if old is not None and new is not None:
                left, right = _mark_words(old, new)
                rows.append(DiffRow("changed", left, right, i1 + offset + 1, j1 + offset + 1))
                changed += 1
            elif old is not None:
                rows.append(DiffRow("removed", old, "", i1 + offset + 1, None))
                removed += 1
            else:
                rows.append(DiffRow("added", "", new, None, j1 + offset + 1))
                added += 1
    return Diff(rows=rows, added=added, removed=removed, changed=changed)


# --- Admin ----------------------------------------------------------------------------------


def _existing(*names: str) -> tuple[str, ...]:
    """The named fields the Source model has (it gains fields as the refresh policy grows)."""
    fields = {field.name for field in Source._meta.get_fields()}
    return tuple(name for name in names if name in fields)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "kind",
        "status_badge",
        "http_status",
        "last_checked_at",
        "next_check_at",
        "consecutive_failures",
        "error",
    )
    list_filter = ("kind", "status", *_existing("refresh_tier"))
    search_fields = ("title", "url", "publisher")
    actions = ["refresh_now"]
    change_form_template = "sources/admin/source_change_form.html"
    fieldsets = (
        (None, {"fields": ("title", "url", "kind", "publisher", "author", "published_at")}),
        (
            "Fetching",
            {
                "fields": (
                    "status",
                    "http_status",
                    "last_checked_at",
                    "next_check_at",
                    "consecutive_failures",
                    "last_error",
                    *_existing("refresh_tier"),
                )
            },
        ),
        (
            "Record",
            {
                "fields": (
                    "language",
                    "etag",
                    "last_modified",
                    "document_hash",
                    "created_at",
                    "updated_at",
                ),
                "classes": ("collapse",),
            },
        ),
    )

    class Media:
        css = {"all": (SOURCES_CSS,)}

    def get_readonly_fields(self, request: HttpRequest, obj: Source | None = None) -> list[str]:
        return [name for fieldset in self.fieldsets for name in fieldset[1]["fields"]]

    # Sources are written by the fetcher and by ingestion; the admin reads them.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Source | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Source | None = None) -> bool:
        return False

    def has_refresh_permission(self, request: HttpRequest) -> bool:
        # Granted to the desk's roles (sources migration 0003); api_client does not have it.
        return request.user.has_perm("sources.refresh_source")

    @admin.display(description="Status", ordering="status")
    def status_badge(self, source: Source) -> str:
        return format_html(
            '<span class="source-status source-{}">{}</span>',
            source.status,
            source.get_status_display(),
        )

    @admin.display(description="Last error")
    def error(self, source: Source) -> str:
        return Truncator(source.last_error).chars(60) or "—"

    # Refresh now ------------------------------------------------------------------------------

    def _refresh(self, request: HttpRequest, source_ids: list[int]) -> None:
        scheduled = services.source_refresh_now(source_ids=source_ids)
        skipped = len(source_ids) - scheduled
        if scheduled:
            noun = "source" if scheduled == 1 else "sources"
            self.message_user(
                request,
                f"{scheduled} {noun} scheduled for a refresh: the result shows here once fetched.",
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                f"{skipped} not scheduled: blocked sources and pasted documents (no URL) are "
                "never fetched.",
                messages.WARNING,
            )

    @admin.action(description="Refresh now", permissions=["refresh"])
    def refresh_now(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        self._refresh(request, list(queryset.values_list("pk", flat=True)))

    # Pages ------------------------------------------------------------------------------------

    def get_urls(self) -> list:
        def wrap(view):
            return self.admin_site.admin_view(view)

        return [
            path("<int:source_id>/diff/", wrap(self.diff_view), name="sources_source_diff"),
            path(
                "<int:source_id>/refresh/",
                wrap(require_POST(self.refresh_view)),
                name="sources_source_refresh",
            ),
            *super().get_urls(),
        ]

    def _snapshots(self, source: Source) -> list[Snapshot]:
        return list(
            source.snapshots.defer("text", "raw_body", "headers")
            .annotate(chars=Length("text"))
            .order_by("-fetched_at", "-id")
        )

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        source = self.get_object(request, object_id) if object_id.isdigit() else None
        extra = dict(extra_context or {})
        if source is not None:
            snapshots = self._snapshots(source)
            extra.update(
                snapshots=snapshots,
                diff_a=snapshots[1].pk if len(snapshots) > 1 else None,
                diff_b=snapshots[0].pk if snapshots else None,
                can_refresh=self.has_refresh_permission(request),
                refresh_url=reverse("admin:sources_source_refresh", args=[source.pk]),
                diff_url=reverse("admin:sources_source_diff", args=[source.pk]),
            )
        return super().change_view(request, object_id, form_url, extra)

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        return super().changelist_view(request, {"title": "Sources", **(extra_context or {})})

    def refresh_view(self, request: HttpRequest, source_id: int) -> HttpResponse:
        source = get_object_or_404(Source, pk=source_id)
        if not self.has_refresh_permission(request):
            raise PermissionDenied
        self._refresh(request, [source.pk])
        return HttpResponseRedirect(reverse("admin:sources_source_change", args=[source.pk]))

    def diff_view(self, request: HttpRequest, source_id: int) -> HttpResponse:
        source = get_object_or_404(Source, pk=source_id)
        if not self.has_view_permission(request, source):
            raise PermissionDenied
        snapshots = self._snapshots(source)
        change_url = reverse("admin:sources_source_change", args=[source.pk])
        if len(snapshots) < 2:
            messages.info(request, "This source has fewer than two snapshots: nothing to compare.")
            return HttpResponseRedirect(change_url)
        by_id = {snapshot.pk: snapshot for snapshot in snapshots}

        def pick(name: str, default: Snapshot) -> Snapshot:
            raw = request.GET.get(name, "")
            if not raw:
                return default
            if not raw.isdigit() or int(raw) not in by_id:
                raise Http404(f"Snapshot {raw} is not a snapshot of this source.")
            return by_id[int(raw)]

        old, new = pick("a", snapshots[1]), pick("b", snapshots[0])
        if (old.fetched_at, old.pk) > (new.fetched_at, new.pk):
            old, new = new, old  # older on the left, whichever way they were picked
        texts = dict(Snapshot.objects.filter(pk__in=[old.pk, new.pk]).values_list("pk", "text"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Changes in {Truncator(str(source)).chars(60)}",
            "source": source,
            "old": old,
            "new": new,
            "diff": side_by_side(texts[old.pk], texts[new.pk]),
            "snapshots": snapshots,
            "change_url": change_url,
            "sources_css": SOURCES_CSS,
        }
        return TemplateResponse(request, "sources/admin/source_diff.html", context)


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    """The archive: every snapshot is immutable (published verdicts cite them)."""

    list_display = ("source", "fetched_at", "http_status", "title", "content_hash")
    list_select_related = ("source",)
    list_filter = ("raw_format",)
    search_fields = ("source__title", "source__url", "title")
    readonly_fields = [field.name for field in Snapshot._meta.fields if field.name != "raw_body"]
    exclude = ("raw_body",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Snapshot]:
        return super().get_queryset(request).defer("raw_body")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # immutable archive

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
