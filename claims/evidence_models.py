"""A claim's evidence (a source, its stance, an excerpt) and the evidence list frozen into each
published verdict version.

Imported at the end of claims/models.py, where Django looks for the app's models.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from sources.models import MAX_URL_LENGTH, Snapshot, Source


class Stance(models.TextChoices):
    SUPPORTS = "supports", "Supports"
    REFUTES = "refutes", "Refutes"
    MIXED = "mixed", "Mixed"
    CONTEXT = "context", "Context"


class EvidenceState(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    SUGGESTED = "suggested", "Suggested (found automatically, not yet reviewed)"
    REJECTED = "rejected", "Rejected"


class Evidence(models.Model):
    """A source attached to a claim, with its stance and the relevant excerpt.

    Researchers add accepted evidence; related-source discovery adds suggestions (no stance)
    that a researcher accepts or rejects. Only accepted evidence is cited by a verdict.
    """

    State = EvidenceState

    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="evidence")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="evidence")
    state = models.CharField(
        max_length=16, choices=EvidenceState.choices, default=EvidenceState.ACCEPTED
    )
    stance = models.CharField(max_length=16, choices=Stance.choices, blank=True)
    excerpt = models.TextField(max_length=10_000, blank=True)
    note = models.TextField(max_length=5000, blank=True)
    without_archive_reason = models.TextField(
        max_length=1000,
        blank=True,
        help_text="Cite without an archived copy, and why (a paywall, an offline document). "
        "Empty: the source must be archived before the verdict is submitted or published.",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    snapshot = models.ForeignKey(
        Snapshot,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The snapshot of the source this evidence was last checked against.",
    )
    source_changed_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the source changed or died after it was cited."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["claim", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "source"],
                name="evidence_unique_source_per_claim",
                violation_error_message="This source is already evidence for the claim.",
            ),
            models.CheckConstraint(
                # Suggestions have no stance yet; a rejected one never gets one.
                condition=Q(stance__in=Stance.values)
                | Q(stance="", state__in=[EvidenceState.SUGGESTED, EvidenceState.REJECTED]),
                name="evidence_stance_valid",
                violation_error_message="Evidence needs a stance (only suggestions may lack one).",
            ),
            models.CheckConstraint(
                condition=Q(state__in=EvidenceState.values), name="evidence_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_stance_display()}: {self.source}"

    @property
    def cited_without_archive(self) -> bool:
        return bool(self.without_archive_reason.strip())


class VerdictCitation(models.Model):
    """The evidence list frozen into a published verdict version, with the exact snapshot cited.

    Published verdicts keep pointing at these snapshots, so the archived evidence stays readable
    when the live page changes or dies.
    """

    verdict = models.ForeignKey(
        "claims.Verdict", on_delete=models.PROTECT, related_name="citations"
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    snapshot = models.ForeignKey(
        Snapshot, on_delete=models.PROTECT, null=True, blank=True, related_name="citations"
    )
    # The source as it was cited: a later refresh may retitle the live Source row.
    source_url = models.URLField(max_length=MAX_URL_LENGTH, blank=True)
    source_title = models.CharField(max_length=1000, blank=True)
    stance = models.CharField(max_length=16, choices=Stance.choices)
    excerpt = models.TextField(blank=True)
    note = models.TextField(blank=True)
    without_archive_reason = models.TextField(
        blank=True, help_text="Cited without an archived copy, and why (shown to readers)."
    )

    class Meta:
        ordering = ["verdict", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["verdict", "source"], name="citation_unique_source_per_verdict"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.verdict} cites {self.source}"
