"""schema.org ClaimReview for published verdicts, as Google's fact-check guidelines ask."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from django.conf import settings

from claims.models import CLAIMREVIEW_RATING_VALUE, Claim, Verdict

ORGANISATION_WORDS = re.compile(
    r"\b(ministry|department|government|office|agency|council|committee|commission|party|"
    r"union|bank|university|institute|newspaper|news|times|post|shimbun|agency|police|army|"
    r"court|parliament|senate|congress|company|inc|ltd|corp|group|association|organi[sz]ation|"
    r"us|usa|uk|eu|un|nato|who)\b",
    re.IGNORECASE,
)


def fact_check_url(claim: Claim) -> str:
    return f"{settings.SITE_URL}fact-checks/{claim.pk}/"


def _speaker(name: str) -> dict[str, str]:
    # A name of one word that is not a person's (Moscow, Tokyo) is most often a government
    # speaking through its capital; schema.org wants Person or Organization.
    kind = "Organization" if ORGANISATION_WORDS.search(name) or " " not in name else "Person"
    return {"@type": kind, "name": name}


def _date(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def claim_review(verdict: Verdict, *, first_published_at: datetime | None = None) -> dict[str, Any]:
    """The ClaimReview JSON-LD of one published verdict version."""
    claim = verdict.claim
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": verdict.get_rating_display(),
    }
    value = CLAIMREVIEW_RATING_VALUE.get(verdict.rating)
    if value is not None:
        rating.update({"ratingValue": value, "bestRating": 5, "worstRating": 1})
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker:
        item["author"] = _speaker(claim.speaker)
    article = claim.snapshot.source if claim.snapshot_id else None
    if article is not None:
        if article.published_at:
            item["datePublished"] = _date(article.published_at)
        appearance: dict[str, Any] = {"@type": "CreativeWork"}
        if article.url:
            appearance["url"] = article.url
        if article.title:
            appearance["headline"] = article.title
        if article.publisher:
            appearance["publisher"] = {"@type": "Organization", "name": article.publisher}
        item["appearance"] = [appearance]
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": fact_check_url(claim),
        "claimReviewed": claim.text,
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
