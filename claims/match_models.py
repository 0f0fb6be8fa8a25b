"""Matching by meaning: each claim's sentence vector, and the stored claims close in meaning to
a newly extracted one ("checked before?").

Imported at the end of claims/models.py, where Django looks for the app's models. Encoding and
search live in claims.semantic and claims.embeddings; the checked-before job in
claims.services.checked_before.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q


class MatchKind(models.TextChoices):
    SAME = "same", "Same claim"
    RELATED = "related", "Related claim"


class ClaimEmbedding(models.Model):
    """A claim's sentence vector, for matching by meaning (claims.semantic).

    Stored with the model that made it and a digest of the wording it encodes: a model change
    or a new wording makes the row stale, and the `nlp` queue's task re-embeds it.
    """

    claim = models.OneToOneField(
        "claims.Claim", on_delete=models.CASCADE, primary_key=True, related_name="embedding"
    )
    model_id = models.CharField(max_length=100)
    text_sha256 = models.CharField(max_length=64)
    vector = models.BinaryField(help_text="float16, little-endian (claims.semantic.index).")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["model_id"], name="embedding_model"),
            # The rows newer than the approximate index file (claims.embeddings).
            models.Index(fields=["updated_at"], name="embedding_updated"),
        ]

    def __str__(self) -> str:
        return f"vector of claim {self.claim_id} ({self.model_id})"


class ClaimMatch(models.Model):
    """A stored claim close in meaning to a newly extracted one ("checked before?").

    Written by the `nlp` queue after the claim is embedded, against published fact-checks and
    open claims; the guard (claims.semantic.guard) labels each `same` or `related` with a
    reason. Suggestions only: an editor attaches an occurrence to a family (Claim.same_as).
    """

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="matches")
    matched = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="matched_by")
    score = models.FloatField()
    kind = models.CharField(max_length=16, choices=MatchKind.choices)
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "-score", "matched"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "matched"], name="claim_match_unique"),
            models.CheckConstraint(condition=~Q(claim=F("matched")), name="claim_match_not_itself"),
            models.CheckConstraint(
                condition=Q(kind__in=MatchKind.values), name="claim_match_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["matched"], name="claim_match_matched")]

    def __str__(self) -> str:
        return f"claim {self.claim_id} ~ claim {self.matched_id} ({self.kind}, {self.score:.2f})"
