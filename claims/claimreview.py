"""schema.org ClaimReview for published verdicts, as Google's fact-check guidelines ask.

Rendered from the version's own frozen columns (claims.publication freezes them): what was
reviewed is what is published, whatever happens to the live claim and article afterwards.

A family (claims.services.families) adds its occurrences' articles as further appearances of
the claim, after the frozen one: they are live rows, listed beside the version, never written
into it (selectors.occurrences_of reads them for a page of versions at once).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.conf import settings

from claims.models import CLAIMREVIEW_RATING_VALUE, Claim, SpeakerType, Verdict
from claims.publication import frozen_claim_fields

SCHEMA_TYPES = {SpeakerType.PERSON: "Person", SpeakerType.ORGANIZATION: "Organization"}


def fact_check_url(claim_id: int, number: int | None = None) -> str:
    """The public page of a claim's fact-check; with `number`, of that version."""
    base = f"{settings.SITE_URL}fact-checks/{claim_id}/"
    return f"{base}v{number}/" if number else base


def _date(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def _author(verdict: Verdict) -> dict[str, str] | None:
    """Who made the claim: the speaker as the desk typed them, or else the article's publisher
    (an unattributed claim in an article is the publication's own)."""
    if verdict.claim_speaker:
        kind = SCHEMA_TYPES.get(verdict.claim_speaker_type, "Person")
        return {"@type": kind, "name": verdict.claim_speaker}
    if verdict.appearance_publisher:
        return {"@type": "Organization", "name": verdict.appearance_publisher}
    return None


def _appearance(
    url: str, headline: str, publisher: str, published_at: datetime | None
) -> dict[str, Any]:
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": url}
    if headline:
        appearance["headline"] = headline
    if publisher:
        appearance["publisher"] = {"@type": "Organization", "name": publisher}
    if published_at:
        appearance["datePublished"] = _date(published_at)
    return appearance


def claim_review(
    verdict: Verdict,
    *,
    first_published_at: datetime | None = None,
    occurrences: Iterable[Claim] = (),
) -> dict[str, Any]:
    """The ClaimReview JSON-LD of one published verdict version; `occurrences` (the claim's
    family, with their articles) are listed as further appearances."""
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": verdict.get_rating_display(),
    }
    value = CLAIMREVIEW_RATING_VALUE.get(verdict.rating)
    if value is not None:
        rating.update({"ratingValue": value, "bestRating": 5, "worstRating": 1})
    item: dict[str, Any] = {"@type": "Claim"}
    author = _author(verdict)
    if author:
        item["author"] = author
    if verdict.appearance_published_at:
        item["datePublished"] = _date(verdict.appearance_published_at)
    # Google asks for an appearance's URL; without one there is nothing to link to. The frozen
    # appearance comes first, then each occurrence's article (the same article once).
    appearances = []
    if verdict.appearance_url:
        appearances.append(
            _appearance(
                verdict.appearance_url,
                verdict.appearance_headline,
                verdict.appearance_publisher,
                verdict.appearance_published_at,
            )
        )
    listed = {verdict.appearance_url}
    for occurrence in occurrences:
        if occurrence.snapshot_id is None:
            continue
        fields = frozen_claim_fields(occurrence)
        if fields["appearance_url"] in listed:
            continue
        listed.add(fields["appearance_url"])
        appearances.append(
            _appearance(
                fields["appearance_url"],
                fields["appearance_headline"],
                fields["appearance_publisher"],
                fields["appearance_published_at"],
            )
        )
    if appearances:
        item["appearance"] = appearances
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": fact_check_url(verdict.claim_id),
        "claimReviewed": verdict.claim_text,
        "reviewBody": verdict.conclusion,
        "author": {
            "@type": "Organization",
            "name": settings.CLAIMS_PUBLISHER_NAME,
            "url": settings.CLAIMS_PUBLISHER_URL,
        },
        "datePublished": _date(first_published_at or verdict.published_at),
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if first_published_at and verdict.published_at and first_published_at < verdict.published_at:
        review["dateModified"] = verdict.published_at.isoformat()
    return review
