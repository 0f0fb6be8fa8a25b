"""Everything fetched from the web or pasted in: a Source and its immutable Snapshots."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, fields
from datetime import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone


def content_hash(text: str) -> str:
    """Hash of the normalized text, so whitespace and Unicode-form noise is not "a change"."""
    normalized = unicodedata.normalize("NFC", text)
    normalized = re.sub(r"\s+", " ", normalized).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


# Source.url and Snapshot.final_url hold at most this many characters; the fetcher refuses longer
# URLs, and forms and serializers taking a source's URL should read their limit from here.
MAX_URL_LENGTH = 2048


@dataclass(frozen=True)
class SourceMetadata:
    """What is known about the article a source holds; "" or None where nothing is."""

    title: str = ""
    publisher: str = ""
    author: str = ""
    published_at: datetime | None = None
    language: str = ""


class SourceQuerySet(models.QuerySet["Source"]):
    def articles(self) -> SourceQuerySet:
        return self.filter(kind=Source.Kind.ARTICLE)

    def due(self, now=None) -> SourceQuerySet:
        """Sources whose next scheduled check has come (swept by the refresh beat task)."""
        now = now or timezone.now()
        return self.filter(next_check_at__lte=now).exclude(status=Source.Status.BLOCKED)


class SourceKind(models.TextChoices):
    ARTICLE = "article", "Article"
    EVIDENCE = "evidence", "Evidence"
    RELATED = "related", "Related"


class SourceStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    OK = "ok", "OK"
    UNREACHABLE = "unreachable", "Unreachable"
    GONE = "gone", "Gone"
    BLOCKED = "blocked", "Blocked"


class RefreshTier(models.TextChoices):
    """How often a source is re-checked (intervals in settings): set by what relies on it."""

    NONE = "none", "Not re-checked"
    EVIDENCE = "evidence", "Evidence (weekly)"
    CITED = "cited", "Cited by a published verdict (daily)"


class Source(models.Model):
    """One row per normalized URL, or per pasted document that has no URL."""

    Kind = SourceKind
    Status = SourceStatus
    Tier = RefreshTier

    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.EVIDENCE)
    # NULL, not "", for "no URL": the unique constraints must let many rows lack one.
    url = models.URLField(  # noqa: DJ001
        max_length=MAX_URL_LENGTH,
        null=True,
        blank=True,
        help_text="Normalized URL; empty for a pasted document.",
    )
    document_hash = models.CharField(  # noqa: DJ001
        max_length=64,
        null=True,
        blank=True,
        editable=False,
        help_text="For a pasted document with no URL: the hash of its text (finds a re-paste).",
    )
    title = models.CharField(max_length=1000, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    author = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=16, blank=True)

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    next_check_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    refresh_tier = models.CharField(
        max_length=16, choices=RefreshTier.choices, default=RefreshTier.NONE
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        # "Refresh now" in the admin (sources migration 0003 creates it).
        permissions = [("refresh_source", "Can refresh a source now")]
        constraints = [
            models.UniqueConstraint(fields=["url"], name="source_unique_url"),
            models.UniqueConstraint(fields=["document_hash"], name="source_unique_document"),
            models.CheckConstraint(
                condition=Q(url__isnull=False) | Q(document_hash__isnull=False),
                name="source_has_url_or_document",
                violation_error_message="A source needs a URL or a pasted document.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=SourceStatus.values), name="source_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SourceKind.values), name="source_kind_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "-created_at"], name="source_kind_created"),
            models.Index(fields=["next_check_at"], name="source_next_check"),
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"Pasted document #{self.pk}"

    def latest_snapshot(self) -> Snapshot | None:
        return self.snapshots.order_by("-fetched_at", "-id").first()

    def metadata_updates(
        self, *, stated: SourceMetadata, given: SourceMetadata | None = None
    ) -> dict[str, object]:
        """The metadata columns to change, by field name: the one rule every writer follows.

        A value a desk user gave (`given`: the title or date typed in at ingest) replaces the
        stored one; a value the page states about itself (`stated`: what the extractor read)
        only fills a blank, so a later copy of the page never overwrites what is known. Text is
        cut to the column's length.
        """
        updates: dict[str, object] = {}
        for item in fields(SourceMetadata):
            name = item.name
            wanted = getattr(given, name) if given is not None else None
            if not wanted:
                wanted = getattr(stated, name)
                if not wanted or getattr(self, name):
                    continue
            if isinstance(wanted, str):
                wanted = wanted[: self._meta.get_field(name).max_length]
            if wanted != getattr(self, name):
                updates[name] = wanted
        return updates


class SourceLink(models.Model):
    """An outbound link from a source's page to another source (an article's related sources)."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="links")
    target = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="linked_from")
    anchor_text = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source", "id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="sourcelink_unique"),
            models.CheckConstraint(condition=~Q(source=F("target")), name="sourcelink_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.source} -> {self.target}"


class Snapshot(models.Model):
    """An immutable copy of what a source said at one moment. Claims point into `text`."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="snapshots")
    text = models.TextField(help_text="The extracted main text; claim offsets index into it.")
    title = models.CharField(max_length=1000, blank=True)
    content_hash = models.CharField(max_length=64, db_index=True)
    fetched_at = models.DateTimeField(default=timezone.now)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    final_url = models.URLField(max_length=MAX_URL_LENGTH, blank=True)
    content_type = models.CharField(max_length=200, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    raw_body = models.BinaryField(
        null=True, blank=True, editable=False, help_text="The body as received, zlib-compressed."
    )
    raw_format = models.CharField(
        max_length=8, blank=True, help_text="How the body came in: text or html."
    )

    class Meta:
        ordering = ["-fetched_at", "-id"]
        get_latest_by = "fetched_at"
        indexes = [models.Index(fields=["source", "-fetched_at"], name="snapshot_source_latest")]

    def __str__(self) -> str:
        return f"{self.source} @ {self.fetched_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        # Published verdicts cite snapshots as archived evidence: they must never change.
        if not self._state.adding:
            raise ValueError("Snapshots are immutable: store a new snapshot instead.")
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        super().save(*args, **kwargs)
