"""Reads of imported ClaimReview: the API's and the desk's lists, the feeds due, and what the
claim matcher needs to match new claims against other fact-checkers' verdicts."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q, QuerySet

from claims.external_models import ClaimReviewFeed, ExternalReview


def external_review_list() -> QuerySet[ExternalReview]:
    """Newest review first; the raw JSON is left out (the detail shows it)."""
    return ExternalReview.objects.defer("raw").order_by("-published_at", "-id")


def external_review_detail() -> QuerySet[ExternalReview]:
    return ExternalReview.objects.all()


def external_reviews_by_publisher(
    queryset: QuerySet[ExternalReview], publisher: str
) -> QuerySet[ExternalReview]:
    """A publisher by name ("Africa Check") or site ("africacheck.org", "www." allowed), in any
    case."""
    value = publisher.strip()
    site = value.lower().removeprefix("https://").removeprefix("http://").removeprefix("www.")
    return queryset.filter(
        Q(publisher_name__iexact=value) | Q(publisher_site__iexact=site.rstrip("/"))
    )


def external_reviews_in_language(
    queryset: QuerySet[ExternalReview], language: str
) -> QuerySet[ExternalReview]:
    """A language tag and its regional forms: "pt" finds "pt" and "pt-BR"."""
    value = language.strip().replace("_", "-")
    return queryset.filter(Q(language__iexact=value) | Q(language__istartswith=f"{value}-"))


def external_review_search(
    queryset: QuerySet[ExternalReview], text: str
) -> QuerySet[ExternalReview]:
    """Reviews whose claim contains the text (case-insensitive)."""
    return queryset.filter(claim_reviewed__icontains=text.strip())


def external_review_match_targets(
    *, updated_after: datetime | None = None
) -> QuerySet[ExternalReview]:
    """What the claim matcher embeds and ranks: (id, claim_reviewed, language, rating,
    rating_name, publisher_name, publisher_site, date_published, url, updated_at) of every
    review with a claim text, optionally only the rows changed after a time (incremental
    re-embedding; updated_at is indexed)."""
    queryset = ExternalReview.objects.exclude(claim_reviewed="")
    if updated_after is not None:
        queryset = queryset.filter(updated_at__gt=updated_after)
    return queryset.order_by("id").values(
        "id",
        "claim_reviewed",
        "language",
        "rating",
        "rating_name",
        "publisher_name",
        "publisher_site",
        "date_published",
        "url",
        "updated_at",
    )


def claimreview_feeds_enabled() -> list[int]:
    """The ids of the feeds to import on the next scheduled run."""
    return list(
        ClaimReviewFeed.objects.filter(enabled=True).order_by("id").values_list("pk", flat=True)
    )
