"""Other fact-checkers' verdicts, imported from their ClaimReview, and the feeds followed.

Imported at the end of claims/models.py, where Django looks for the app's models; so this module
imports nothing from claims.models (that would be an import cycle). `rating` holds a
claims.models.Rating value: claims.interchange.ratings maps names to those values, and a test
holds its table to Rating's list.

Reading ClaimReview is claims.interchange.claimreview_import; storing it,
claims.interchange.services.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from sources.models import MAX_URL_LENGTH

NAME_LENGTH = 300


class ExternalReview(models.Model):
    """One ClaimReview published by another fact-checker, as last imported.

    The review's URL is its identity: importing it again updates the row. Every other column is
    what the source said, missing values empty; `raw` keeps the source's JSON verbatim.
    """

    url = models.URLField(
        max_length=MAX_URL_LENGTH, unique=True, help_text="The review's page (normalised)."
    )
    publisher_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    publisher_site = models.CharField(
        max_length=NAME_LENGTH, blank=True, help_text="Host name, without www."
    )
    claim_reviewed = models.TextField(blank=True)
    title = models.TextField(blank=True, help_text="The review's headline, when given.")
    rating_name = models.TextField(
        blank=True, help_text="The publisher's textual rating (alternateName), as given."
    )
    rating_value = models.FloatField(null=True, blank=True)
    best_rating = models.FloatField(null=True, blank=True)
    worst_rating = models.FloatField(null=True, blank=True)
    rating = models.CharField(
        max_length=16,
        blank=True,
        db_index=True,
        help_text="Our rating (claims.models.Rating) when the publisher's maps to it clearly.",
    )
    date_published = models.CharField(
        max_length=40, blank=True, help_text="ISO 8601 as given: a date or a date and time."
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="date_published as a time (midnight UTC for a date)."
    )
    claim_date = models.CharField(max_length=40, blank=True)
    language = models.CharField(max_length=35, blank=True, db_index=True)
    item_author = models.CharField(
        max_length=NAME_LENGTH, blank=True, help_text="Who made the claim."
    )
    item_author_type = models.CharField(max_length=16, blank=True)
    appearances = models.JSONField(
        default=list, blank=True, help_text="URLs where the claim appeared."
    )
    raw = models.JSONField(help_text="The source's JSON for this review, verbatim.")
    imported_from = models.CharField(
        max_length=MAX_URL_LENGTH, blank=True, help_text="The URL or file last imported from."
    )
    feed = models.ForeignKey(
        "claims.ClaimReviewFeed",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        help_text="The followed feed it last came from.",
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when a feed's scheduled import brought it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["-published_at", "-id"], name="external_review_published"),
            models.Index(fields=["publisher_site"], name="external_review_site"),
            # The matcher's incremental reads (rows changed since its last pass).
            models.Index(fields=["updated_at"], name="external_review_updated"),
        ]

    def __str__(self) -> str:
        who = self.publisher_name or self.publisher_site or "?"
        text = self.claim_reviewed or self.title or self.url
        text = text if len(text) <= 80 else text[:79] + "…"
        return f"{who}: {self.rating_name or 'unrated'}: {text}"


class FeedImportStatus(models.TextChoices):
    OK = "ok", "Imported"
    FAILED = "failed", "Failed"


class ClaimReviewFeed(models.Model):
    """A ClaimReview source to import on a schedule (claims.import_claimreview_feeds, hourly):
    a DataCommons feed, a publisher's listing API, a Fact Check Tools query, a page."""

    url = models.URLField(max_length=MAX_URL_LENGTH, unique=True)
    name = models.CharField(max_length=NAME_LENGTH, blank=True)
    enabled = models.BooleanField(default=True)
    last_import_at = models.DateTimeField(null=True, blank=True)
    last_status = models.CharField(max_length=16, choices=FeedImportStatus.choices, blank=True)
    last_result = models.JSONField(
        default=dict, blank=True, help_text="Counts of the last import: imported, updated, skipped."
    )
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "feed to follow"
        verbose_name_plural = "feeds to follow"

    def __str__(self) -> str:
        return self.name or self.url


class ExternalReviewEmbedding(models.Model):
    """An external review's claim as a sentence vector of the matching model (claims.semantic),
    with a digest of the wording it encodes: a new model or a re-imported wording re-embeds."""

    review = models.OneToOneField(
        ExternalReview, on_delete=models.CASCADE, primary_key=True, related_name="embedding"
    )
    model_id = models.CharField(max_length=100)
    text_sha256 = models.CharField(max_length=64)
    vector = models.BinaryField(help_text="float16, as claims.semantic.index.to_blob stores it.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["model_id", "updated_at"], name="external_embedding_model")]

    def __str__(self) -> str:
        return f"vector of external review {self.review_id} ({self.model_id})"


class ExternalMatch(models.Model):
    """Another fact-checker's review close in meaning to a claim ("checked before by Africa
    Check"), labelled by the guard like claims.ClaimMatch. Suggestions only."""

    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.CASCADE, related_name="external_matches"
    )
    review = models.ForeignKey(ExternalReview, on_delete=models.CASCADE, related_name="matches")
    score = models.FloatField()
    kind = models.CharField(max_length=16)  # claims.models.MatchKind: "same" or "related"
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "-score", "review"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "review"], name="external_match_unique"),
            models.CheckConstraint(
                condition=models.Q(kind__in=["same", "related"]), name="external_match_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["review"], name="external_match_review")]

    def __str__(self) -> str:
        return f"claim {self.claim_id} ~ external review {self.review_id} ({self.kind})"
