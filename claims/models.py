"""Claims, their verdicts and evidence, and the append-only history of what happened to them.

Django finds an app's models here, so the rows of the app's other concerns are imported at the
end: evidence and the citations frozen into verdicts (claims.evidence_models), matching
(claims.match_models), the API tokens of the desk's machine clients
(claims.token_models), other publishers' fact-checks (claims.external_models) and webhooks
(claims.webhook_models).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from sources.models import MAX_URL_LENGTH, Snapshot, Source


def max_length(model: type[models.Model], field: str) -> int | None:
    """A field's declared limit: the one number forms, serializers and services all read."""
    return model._meta.get_field(field).max_length


class ClaimStatus(models.TextChoices):
    NEW = "new", "New"
    DISMISSED = "dismissed", "Dismissed"
    RESEARCHING = "researching", "Researching"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    NEEDS_UPDATE = "needs_update", "Needs update"
    RETRACTED = "retracted", "Retracted"

    @property
    def is_closed(self) -> bool:
        """Closed claims take no edits (wording, verdict, evidence) until reopened or restored:
        what is published (or retracted) stays what was reviewed."""
        return self in CLOSED_STATUSES


CLOSED_STATUSES = frozenset({ClaimStatus.PUBLISHED, ClaimStatus.RETRACTED, ClaimStatus.DISMISSED})


class SpeakerType(models.TextChoices):
    """schema.org's two kinds of claim author (ClaimReview itemReviewed.author)."""

    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"


class Rating(models.TextChoices):
    TRUE = "true", "True"
    MOSTLY_TRUE = "mostly_true", "Mostly true"
    MIXED = "mixed", "Mixed"
    MOSTLY_FALSE = "mostly_false", "Mostly false"
    FALSE = "false", "False"
    MISLEADING = "misleading", "Misleading"
    UNVERIFIABLE = "unverifiable", "Unverifiable"


# schema.org ClaimReview reviewRating.ratingValue on a 1 (false) to 5 (true) scale; None where
# the rating is not on that ordinal scale (the ClaimReview then carries only the alternateName).
CLAIMREVIEW_RATING_VALUE: dict[str, int | None] = {
    Rating.TRUE: 5,
    Rating.MOSTLY_TRUE: 4,
    Rating.MIXED: 3,
    Rating.MOSTLY_FALSE: 2,
    Rating.FALSE: 1,
    Rating.MISLEADING: 2,
    Rating.UNVERIFIABLE: None,
}


class ClaimQuerySet(models.QuerySet["Claim"]):
    def published(self) -> ClaimQuerySet:
        return self.filter(status=ClaimStatus.PUBLISHED)

    def of_article(self, source: Source | int) -> ClaimQuerySet:
        return self.filter(snapshot__source=source)


class Claim(models.Model):
    class Origin(models.TextChoices):
        EXTRACTED = "extracted", "Extracted from an article"
        MANUAL = "manual", "Added by hand"

    text = models.TextField(
        max_length=5000, help_text="The claim as the desk words it (initially the sentence)."
    )
    snapshot = models.ForeignKey(
        Snapshot,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        help_text="The article snapshot the claim comes from.",
    )
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.EXTRACTED)
    checkworthiness = models.FloatField(default=0.0)
    features = models.JSONField(
        default=list, blank=True, help_text="The features behind the score and what each added."
    )
    speaker = models.CharField(max_length=300, blank=True)
    speaker_type = models.CharField(
        max_length=16,
        choices=SpeakerType.choices,
        blank=True,
        help_text="Person or organization (set by extraction, confirmed on the desk).",
    )
    quantities = models.JSONField(default=list, blank=True)
    context = models.CharField(
        max_length=40,
        blank=True,
        default="",
        help_text="Where the sentence sits when it is not the article's own prose, e.g. "
        "'related-article headline' (an 'Also on ...' teaser); empty otherwise.",
    )
    status = models.CharField(
        max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_claims",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(
        default=1, help_text="Bumped on every change; a stale edit is one made against an old one."
    )
    same_as = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="occurrences",
        help_text="The published fact-check this claim is another occurrence of (its family): "
        "the occurrence shows that fact-check's verdict.",
    )

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-checkworthiness", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(checkworthiness__gte=0) & Q(checkworthiness__lte=1),
                name="claim_checkworthiness_0_1",
                violation_error_message="Check-worthiness must be between 0 and 1.",
            ),
            # Either no span at all, or a non-empty span into a snapshot. That the span ends
            # inside the snapshot's text is enforced by a trigger (migration 0002).
            models.CheckConstraint(
                condition=(Q(start__isnull=True) & Q(end__isnull=True))
                | (Q(snapshot__isnull=False) & Q(start__gte=0) & Q(end__gt=F("start"))),
                name="claim_span_valid",
                violation_error_message="A claim's span needs a snapshot and start < end.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ClaimStatus.values), name="claim_status_valid"
            ),
            models.UniqueConstraint(
                fields=["snapshot", "start", "end"],
                condition=Q(start__isnull=False),
                name="claim_unique_span",
            ),
            models.CheckConstraint(
                condition=~Q(same_as=F("id")),
                name="claim_not_same_as_itself",
                violation_error_message="A claim cannot be another occurrence of itself.",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-checkworthiness"], name="claim_status_score"),
            # The default list order (most check-worthy first).
            models.Index(fields=["-checkworthiness", "id"], name="claim_score_id"),
            models.Index(fields=["snapshot", "start"], name="claim_snapshot_start"),
            models.Index(fields=["-updated_at"], name="claim_updated"),
            models.Index(fields=["speaker"], name="claim_speaker"),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    @property
    def quote(self) -> str:
        """The exact sentence in the article text the claim was extracted from."""
        if self.snapshot_id is None or self.start is None or self.end is None:
            return ""
        return self.snapshot.text[self.start : self.end]

    @property
    def is_closed(self) -> bool:
        return ClaimStatus(self.status).is_closed


class VerdictState(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded by a later version"
    RETRACTED = "retracted", "Retracted"


class Verdict(models.Model):
    """A claim's verdict. One editable draft at a time; publishing freezes a numbered version."""

    State = VerdictState

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="verdicts")
    state = models.CharField(max_length=16, choices=State.choices, default=State.DRAFT)
    number = models.PositiveIntegerField(
        null=True, blank=True, help_text="Published version number (1, 2, ...); empty on a draft."
    )
    rating = models.CharField(max_length=16, choices=Rating.choices, blank=True)
    conclusion = models.TextField(max_length=1000, blank=True, help_text="One or two sentences.")
    explanation = models.TextField(max_length=50_000, blank=True, help_text="The long form.")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authored_verdicts",
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who last changed the draft's rating or text (may not be its publisher).",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_verdicts",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    revision = models.PositiveIntegerField(
        default=1, help_text="Bumped on every edit of the draft; guards against stale saves."
    )
    # What the public sees, frozen when the version is published: every public output
    # (ClaimReview, /fact-checks/, the feeds) renders from these columns, never from the live,
    # editable claim and article. Triggers (migration 0010) refuse changing them afterwards.
    claim_text = models.TextField(blank=True)
    claim_speaker = models.CharField(max_length=300, blank=True)
    claim_speaker_type = models.CharField(max_length=16, choices=SpeakerType.choices, blank=True)
    appearance_url = models.URLField(max_length=MAX_URL_LENGTH, blank=True)
    appearance_headline = models.CharField(max_length=1000, blank=True)
    appearance_publisher = models.CharField(max_length=300, blank=True)
    appearance_published_at = models.DateTimeField(null=True, blank=True)
    correction_note = models.TextField(
        max_length=5000,
        blank=True,
        help_text="For a version after the first: what changed and why, shown to readers.",
    )
    correction_changes = models.JSONField(
        default=list, blank=True, help_text="What differs from the previous version."
    )
    # Set once, when the version is retracted (the only change a published row may take).
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_note = models.TextField(max_length=5000, blank=True)

    class Meta:
        ordering = ["claim", "-number", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(state="draft"),
                name="verdict_one_draft_per_claim",
                violation_error_message="This claim already has a draft verdict.",
            ),
            models.UniqueConstraint(
                fields=["claim", "number"],
                condition=Q(number__isnull=False),
                name="verdict_unique_number",
            ),
            models.CheckConstraint(
                condition=Q(state="draft", number__isnull=True)
                | (
                    ~Q(state="draft")
                    & Q(number__isnull=False)
                    & ~Q(rating="")
                    & ~Q(conclusion="")
                    & Q(published_at__isnull=False)
                ),
                name="verdict_published_complete",
                violation_error_message=(
                    "A published verdict needs a number, a rating, a conclusion and a time."
                ),
            ),
            models.CheckConstraint(
                condition=Q(rating="") | Q(rating__in=Rating.values),
                name="verdict_rating_valid",
            ),
            models.CheckConstraint(
                condition=Q(state__in=VerdictState.values), name="verdict_state_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["state", "-published_at"], name="verdict_state_published"),
            # The verdicts feed: newest change first, cursor on (updated_at, id).
            models.Index(fields=["-updated_at", "-id"], name="verdict_feed"),
        ]

    def __str__(self) -> str:
        label = f"v{self.number}" if self.number else "draft"
        return f"{label} {self.get_rating_display() or 'unrated'}: {self.claim}"

    @property
    def claimreview_rating_value(self) -> int | None:
        return CLAIMREVIEW_RATING_VALUE.get(self.rating)

    @property
    def is_public(self) -> bool:
        return self.state != VerdictState.DRAFT

    @staticmethod
    def may_be_published_by(user, contributors: set[int]) -> bool:
        """The four-eyes rule: nobody publishes what they contributed to in this draft cycle
        (claims.publication.draft_contributors), unless the desk relaxes it
        (settings.CLAIMS_ALLOW_SELF_PUBLISH). The publish service and the desk both ask."""
        if settings.CLAIMS_ALLOW_SELF_PUBLISH:
            return True
        return user.pk not in contributors


class ClaimEvent(models.Model):
    """Append-only audit of a claim: every workflow action and every edit."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty when the system acted (extraction, evidence refresh).",
    )
    action = models.CharField(max_length=32)
    from_status = models.CharField(max_length=16, choices=ClaimStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=ClaimStatus.choices, blank=True)
    note = models.TextField(max_length=5000, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["claim", "created_at", "id"]
        indexes = [models.Index(fields=["claim", "created_at"], name="event_claim_created")]

    def __str__(self) -> str:
        return f"{self.action} on claim {self.claim_id} at {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("Claim events are append-only: record a new event instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Claim events are append-only and cannot be deleted.")


from claims.evidence_models import (  # noqa: E402,F401
    Evidence,
    EvidenceState,
    Stance,
    VerdictCitation,
)
from claims.external_models import (  # noqa: E402,F401
    ClaimReviewFeed,
    ExternalMatch,
    ExternalReview,
    ExternalReviewEmbedding,
)
from claims.match_models import ClaimEmbedding, ClaimMatch, MatchKind  # noqa: E402,F401
from claims.token_models import ApiToken, ApiTokenQuerySet  # noqa: E402,F401
from claims.webhook_models import (  # noqa: E402,F401
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEndpointEvent,
    WebhookEvent,
    WebhookMessage,
)
