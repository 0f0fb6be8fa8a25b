"""Checked before? Every new claim, and every new wording, is embedded and matched.

After commit, new and re-worded claims are sent to the `nlp` queue (`claims_request_embedding`).
There `claims_embed_and_match` stores their vectors (claims.embeddings) and records, for each,
the published fact-checks and open claims closest to it (ClaimMatch rows, labelled by the
guard), which the desk shows as "checked before" and the `seen_before` filter reads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from django.db import transaction
from django.db.models import Q, QuerySet

from claims import embeddings
from claims.matching import match_text
from claims.models import Claim, ClaimMatch, ClaimStatus, VerdictState
from claims.semantic.encoder import load_encoder
from config.celery import registered_task

logger = logging.getLogger(__name__)

EMBED_TASK = "claims.embed_claims"
MATCHES_KEPT = 5  # matches recorded per claim, best first

# The claims a new claim is matched against: fact-checks the public can read, and claims
# still on the desk. Dismissed and retracted ones are not "checked before".
OPEN_STATUSES = (ClaimStatus.NEW, ClaimStatus.RESEARCHING, ClaimStatus.IN_REVIEW)
PUBLISHED_VERDICT = Q(verdicts__state__in=[VerdictState.PUBLISHED])


def claims_request_embedding(claim_ids: Sequence[int]) -> None:
    """Queue the claims' embedding and matching, after the current transaction commits."""
    ids = sorted(set(claim_ids))
    if not ids:
        return
    task = registered_task(EMBED_TASK)
    transaction.on_commit(lambda: task.delay(ids))


def _match_targets(claim: Claim) -> Callable[[QuerySet[Claim]], QuerySet[Claim]]:
    def narrow(claims: QuerySet[Claim]) -> QuerySet[Claim]:
        claims = claims.filter(
            Q(status__in=OPEN_STATUSES) | Q(pk__in=Claim.objects.filter(PUBLISHED_VERDICT))
        ).exclude(pk=claim.pk)
        if claim.snapshot_id is not None:
            # Sentences of the same article are not "checked before" for each other.
            claims = claims.exclude(snapshot__source_id=claim.snapshot.source_id)
        return claims

    return narrow


def claim_record_matches(claim: Claim) -> list[ClaimMatch]:
    """Replace the claim's recorded matches with the current best ones."""
    found = match_text(claim.text, limit=MATCHES_KEPT, among=_match_targets(claim))
    with transaction.atomic():
        ClaimMatch.objects.filter(claim=claim).delete()
        return ClaimMatch.objects.bulk_create(
            ClaimMatch(
                claim=claim,
                matched_id=match.claim_id,
                score=match.score,
                kind=match.kind,
                reason=match.reason[:200],
            )
            for match in found
        )


def claims_embed_and_match(claim_ids: Sequence[int]) -> int:
    """Embed the claims (those not already embedded as worded now) and record their matches.

    Returns how many vectors were written. Without the encoder nothing is embedded and the
    matches are recorded by wording alone (claims.matching says which).
    """
    encoder = load_encoder()
    written = embeddings.embed(claim_ids, encoder) if encoder is not None else 0
    claims_record_matches(claim_ids)
    return written


def claims_record_matches(claim_ids: Sequence[int]) -> None:
    for claim in Claim.objects.filter(pk__in=claim_ids).select_related("snapshot"):
        claim_record_matches(claim)
