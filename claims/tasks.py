"""Thin Celery entry points for claims: ids in, call a service."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import OperationalError

from claims.services import snapshot_extract_claims
from sources.models import Snapshot

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
    return len(snapshot_extract_claims(snapshot=snapshot, min_score=min_score))


# Defined next to its service; imported here so Celery's autodiscovery registers it.
from claims.related import discover_related  # noqa: E402

__all__ = ["discover_related", "extract_snapshot"]
