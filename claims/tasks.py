"""Thin Celery entry points for claims: ids in, call a service.

The services never import this module at the top (they send a task only after commit, naming it
inside the function that sends it); this module imports the services.
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import OperationalError

from claims import embeddings, services
from claims.interchange import selectors as interchange_selectors
from claims.interchange import services as interchange_services
from claims.models import Claim
from claims.services import webhook_delivery
from sources.models import Snapshot
from sources.providers import configured_providers

logger = logging.getLogger(__name__)


@shared_task(
    name="claims.extract_snapshot",
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
    retry_jitter=True,
)
def extract_snapshot(snapshot_id: int, min_score: float | None = None) -> int:
    """(Re-)extract claims from a stored snapshot. Safe to run twice: stored spans are skipped."""
    snapshot = Snapshot.objects.select_related("source").filter(pk=snapshot_id).first()
    if snapshot is None:
        logger.info("extract_snapshot: snapshot %s is gone; nothing to do", snapshot_id)
        return 0
    return len(services.snapshot_extract_claims(snapshot=snapshot, min_score=min_score))


@shared_task(
    name="claims.discover_related",
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
)
def discover_related(claim_id: int) -> int:
    """Suggest related sources for a claim; returns how many were added. Safe to run twice."""
    providers = configured_providers()
    if not providers:
        logger.debug("discover_related: no providers configured; claim %s skipped", claim_id)
        return 0
    claim = Claim.objects.filter(pk=claim_id).first()
    if claim is None:
        logger.info("discover_related: claim %s is gone; nothing to do", claim_id)
        return 0
    return len(services.claim_discover_related(claim=claim, providers=providers))


@shared_task(
    name="claims.embed_claims",
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
    retry_jitter=True,
)
def embed_claims(claim_ids: list[int]) -> int:
    """Embed new or re-worded claims and record what they match (the `nlp` queue). Safe to
    run twice: a vector that encodes the current wording is kept."""
    return services.claims_embed_and_match(claim_ids)


@shared_task(
    name="claims.rematch_around",
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
    retry_jitter=True,
)
def rematch_around(claim_id: int) -> int:
    """A fact-check was published or retracted: record again the matches of the claims that
    repeat it (the `nlp` queue). Returns how many claims were re-matched. Safe to run twice."""
    return services.claims_rematch_around(claim_id)


@shared_task(
    name="claims.embed_external_reviews",
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
    retry_jitter=True,
)
def embed_external_reviews(review_ids: list[int]) -> int:
    """Embed imported ClaimReview and match the open claims that repeat them (the `nlp`
    queue). Returns how many vectors were written. Safe to run twice."""
    return services.external_reviews_embed_and_match(review_ids)


@shared_task(name="claims.build_match_index", autoretry_for=(OperationalError,), max_retries=3)
def build_match_index() -> int:
    """Rebuild the approximate vector index (beat, every ten minutes) once the collection is
    large enough to need one; returns the number of claims indexed (0: none needed)."""
    return embeddings.build_ann_index()


@shared_task(
    name="claims.deliver_webhooks",
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
    retry_jitter=True,
)
def deliver_webhooks(delivery_ids: list[int] | None = None) -> int:
    """Send the webhook deliveries that are due: these ones (sent after the commit that wrote
    them), or every due one (beat, every minute). Returns how many were attempted. Safe to run
    twice and in several workers: each delivery is leased by one
    (claims.services.webhook_delivery)."""
    return webhook_delivery.webhooks_deliver(delivery_ids=delivery_ids).attempted


@shared_task(name="claims.import_claimreview_feeds")
def import_claimreview_feeds() -> int:
    """Send one import task per enabled feed to follow (beat, hourly). Returns how many were
    sent. A feed whose task cannot even be sent is logged and the others still go."""
    sent = 0
    for feed_id in interchange_selectors.claimreview_feeds_enabled():
        try:
            import_claimreview_feed.delay(feed_id)
        except Exception:
            logger.exception("import_claimreview_feeds: feed %s could not be sent", feed_id)
            continue
        sent += 1
    return sent


@shared_task(
    name="claims.import_claimreview_feed",
    autoretry_for=(OperationalError,),
    max_retries=3,
    retry_backoff=True,
    retry_jitter=True,
)
def import_claimreview_feed(feed_id: int) -> str:
    """Import one followed feed and record its outcome on the row; returns the status ("ok",
    "failed", or "gone" when the feed was removed or disabled meanwhile). Safe to run twice:
    a review's URL is its identity, so a repeat updates the same rows."""
    return interchange_services.claimreview_feed_import(feed_id=feed_id) or "gone"
