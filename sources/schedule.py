"""When to look at a source again: the refresh tiers' intervals, and backoff on failure.

The database is the schedule: `Source.next_check_at` says when a source is due, and the
intervals are settings (SOURCES_REFRESH_*, SOURCES_BACKOFF_*, SOURCES_MAX_RETRIES in
sources.conf).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sources import conf
from sources.conf import SourcesSettings
from sources.models import Source


def next_check(source: Source, *, now: datetime, failed: bool = False) -> datetime | None:
    """When to look at a source again: its tier's interval, or backoff with jitter on failure.

    Sources nobody relies on (tier none: articles, related pages) are not re-checked once they
    have been read; while they fail they are retried with backoff up to SOURCES_MAX_RETRIES.
    """
    if failed:
        settings = conf.get()
        if (
            source.refresh_tier == Source.Tier.NONE
            and source.consecutive_failures >= settings.max_retries
        ):
            return None
        delay = min(
            settings.backoff_max_seconds,
            settings.backoff_base_seconds * 2 ** max(0, source.consecutive_failures - 1),
        )
        return now + timedelta(seconds=delay * random.uniform(0.75, 1.25))  # noqa: S311 - jitter
    return next_check_for_tier(source.refresh_tier, now=now)


def next_check_for_tier(
    tier: str, *, now: datetime, settings: SourcesSettings | None = None
) -> datetime | None:
    """The next check of a source of this tier that was just read; None for tier none.
    `settings`: conf.get() already read by the caller (it is read once per check)."""
    settings = settings or conf.get()
    hours = {
        Source.Tier.CITED: settings.refresh_cited_hours,
        Source.Tier.EVIDENCE: settings.refresh_evidence_hours,
    }.get(tier)
    if hours is None:
        return None
    return now + timedelta(hours=hours * random.uniform(0.95, 1.05))  # noqa: S311 - spread load
