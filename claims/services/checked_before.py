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

from claims import embeddings, external_matching
from claims.matching import match_text
from claims.models import Claim, ClaimMatch, ExternalMatch, ExternalReview, VerdictState
from claims.semantic.encoder import load_matching_encoder
from claims.services.webhooks import webhooks_enqueue_matches
from claims.workflow import OPEN_STATUSES
from config.celery import registered_task

logger = logging.getLogger(__name__)

EMBED_TASK = "claims.embed_claims"
REMATCH_TASK = "claims.rematch_around"
EMBED_EXTERNAL_TASK = "claims.embed_external_reviews"
MATCHES_KEPT = 5  # matches recorded per claim, best first
# When a fact-check is published or retracted, the open claims nearest to it (at most this
# many) have their matches recorded again, as do the claims whose matches already name it.
REMATCH_NEIGHBOURS = 50

# The claims a new claim is matched against: fact-checks the public can read, and claims
# still on the desk (OPEN_STATUSES). Dismissed and retracted ones are not "checked before".
PUBLISHED_VERDICT = Q(verdicts__state__in=[VerdictState.PUBLISHED])


def claims_request_embedding(claim_ids: Sequence[int]) -> None:
    """Queue the claims' embedding and matching, after the current transaction commits."""
    ids = sorted(set(claim_ids))
    if not ids:
        return
    task = registered_task(EMBED_TASK)
    transaction.on_commit(lambda: task.delay(ids))


def claims_request_rematch(claim_id: int) -> None:
    """After commit, queue the re-matching of the claims around `claim_id`, whose public
    record just changed (published: it becomes "checked before" for the open claims that
    repeat it; retracted: it stops being one)."""
    task = registered_task(REMATCH_TASK)
    transaction.on_commit(lambda: task.delay(claim_id))


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
        webhooks_enqueue_matches(claim=claim, found=found)  # before the old matches go
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
    encoder = load_matching_encoder()
    written = embeddings.embed(claim_ids, encoder) if encoder is not None else 0
    claims_record_matches(claim_ids)
    return written


def claims_rematch_around(claim_id: int) -> int:
    """Record again the matches of the claims a change to `claim_id`'s fact-check concerns:
    those whose recorded matches name it (or one of its occurrences), and the open claims of
    other articles that match its wording now. Returns how many claims were re-matched."""
    claim = Claim.objects.filter(pk=claim_id).select_related("snapshot").first()
    if claim is None:
        return 0
    family = Q(pk=claim.pk) | Q(same_as_id=claim.pk)
    affected = set(
        ClaimMatch.objects.filter(matched__in=Claim.objects.filter(family)).values_list(
            "claim_id", flat=True
        )
    )

    def open_claims(claims: QuerySet[Claim]) -> QuerySet[Claim]:
        claims = claims.filter(status__in=OPEN_STATUSES, same_as__isnull=True).exclude(family)
        if claim.snapshot_id is not None:
            claims = claims.exclude(snapshot__source_id=claim.snapshot.source_id)
        return claims

    affected.update(
        match.claim_id
        for match in match_text(claim.text, limit=REMATCH_NEIGHBOURS, among=open_claims)
    )
    affected.discard(claim.pk)
    claims_record_matches(sorted(affected))
    return len(affected)


def claims_record_matches(claim_ids: Sequence[int]) -> None:
    for claim in Claim.objects.filter(pk__in=claim_ids).select_related("snapshot"):
        claim_record_matches(claim)
    claims_record_external_matches(claim_ids)


# --- Other fact-checkers' verdicts (imported ClaimReview) ---------------------------------------


def claims_record_external_matches(claim_ids: Sequence[int]) -> int:
    """Replace the claims' recorded matches to imported reviews ("checked before by Africa
    Check") with the current best ones; returns how many were recorded. Needs the encoder:
    without it the claims keep what they had."""
    encoder = load_matching_encoder()
    if encoder is None or not claim_ids:
        return 0
    texts, vectors = embeddings.texts_and_vectors(Claim.objects.filter(pk__in=claim_ids))
    missing = [pk for pk in texts if pk not in vectors]
    if missing:
        vectors.update(zip(missing, encoder.encode([texts[pk] for pk in missing]), strict=True))
    rows = [
        ExternalMatch(
            claim_id=pk,
            review_id=hit.review_id,
            score=hit.score,
            kind=hit.kind,
            reason=hit.reason[:200],
        )
        for pk, text in texts.items()
        for hit in external_matching.match_reviews(text, vectors[pk], limit=MATCHES_KEPT)
    ]
    with transaction.atomic():
        ExternalMatch.objects.filter(claim__in=list(texts)).delete()
        ExternalMatch.objects.bulk_create(rows)
    return len(rows)


def external_reviews_request_embedding(review_ids: Sequence[int]) -> None:
    """After commit, queue the embedding of imported reviews and the matching of open claims
    against them (the `nlp` queue)."""
    ids = sorted(set(review_ids))
    if not ids:
        return
    task = registered_task(EMBED_EXTERNAL_TASK)
    transaction.on_commit(lambda: task.delay(ids))


def external_reviews_embed_and_match(review_ids: Sequence[int]) -> int:
    """Embed the imported reviews, then record again the external matches of the open claims
    that repeat any of them, so a claim checked elsewhere after it arrived says so. Returns how
    many vectors were written (0 without the encoder: nothing is matched then)."""
    encoder = load_matching_encoder()
    if encoder is None:
        return 0
    written = external_matching.embed_reviews(review_ids, encoder)

    def open_claims(claims: QuerySet[Claim]) -> QuerySet[Claim]:
        return claims.filter(status__in=OPEN_STATUSES, same_as__isnull=True)

    affected: set[int] = set()
    reviews = ExternalReview.objects.filter(pk__in=review_ids)
    for text in reviews.values_list("claim_reviewed", flat=True):
        if text.strip():
            found = match_text(text, limit=REMATCH_NEIGHBOURS, among=open_claims)
            affected.update(match.claim_id for match in found)
    claims_record_external_matches(sorted(affected))
    return written
