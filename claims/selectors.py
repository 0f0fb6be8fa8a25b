"""Tuned reads for the API, the desk and the public pages: claim lists and detail, search,
articles, the public verdict versions and feeds (read from their frozen columns only), a claim's
history and evidence, and the claims that match a text (ranked by claims.matching).
Lists here never run a query per row. Who may read what is the callers' to check.
"""

from __future__ import annotations

from datetime import datetime

from django.db import connection
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from claims.matching import match_candidates
from claims.models import Claim, ClaimEvent, Evidence, Verdict, VerdictCitation
from sources.models import Source

PUBLIC_VERDICT_STATES = (
    Verdict.State.PUBLISHED,
    Verdict.State.SUPERSEDED,
    Verdict.State.RETRACTED,
)


def _latest_published(field: str) -> Subquery:
    return Subquery(
        Verdict.objects.filter(claim=OuterRef("pk"), number__isnull=False)
        .order_by("-number")
        .values(field)[:1]
    )


def _accepted_evidence_count() -> Coalesce:
    # A correlated subquery, not a JOIN + GROUP BY: the page's COUNT(*) can then drop the
    # annotations, and only the rows of the page pay for them.
    return Coalesce(
        Subquery(
            Evidence.objects.filter(claim=OuterRef("pk"), state="accepted")
            .order_by()
            .values("claim")
            .annotate(n=Count("id"))
            .values("n")[:1]
        ),
        0,
    )


def claim_list() -> QuerySet[Claim]:
    """Claims with their article, assignee and current published rating, in one query.

    The article's full text is deferred: lists show the claim, not the article.
    """
    return (
        Claim.objects.select_related("snapshot__source", "assignee")
        .defer("snapshot__text", "snapshot__raw_body", "snapshot__headers")
        .annotate(
            rating=_latest_published("rating"),
            published_version=_latest_published("number"),
            evidence_count=_accepted_evidence_count(),
        )
    )


def claim_detail() -> QuerySet[Claim]:
    """One claim as claim_list() has it, with the article's text for Claim.quote and the desk
    (not the raw page and headers: a fetched page can be megabytes)."""
    return (
        Claim.objects.select_related("snapshot__source", "assignee")
        .defer("snapshot__raw_body", "snapshot__headers")
        .annotate(
            rating=_latest_published("rating"),
            published_version=_latest_published("number"),
            evidence_count=_accepted_evidence_count(),
        )
    )


def claim_search(queryset: QuerySet[Claim], q: str) -> QuerySet[Claim]:
    """Full-text search over claim text and speaker (PostgreSQL), substring match elsewhere."""
    q = q.strip()
    if not q:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector("text", "speaker", config="english")
        return queryset.annotate(_search=vector).filter(
            _search=SearchQuery(q, search_type="websearch", config="english")
        )
    condition = Q()
    for word in q.split():
        condition &= Q(text__icontains=word) | Q(speaker__icontains=word)
    return queryset.filter(condition)


def article_list() -> QuerySet[Source]:
    return (
        Source.objects.articles()
        .annotate(claim_count=Count("snapshots__claims", distinct=True))
        .order_by("-created_at", "-id")
    )


# A public version's own columns: everything a reader sees of it is frozen in them
# (claims.publication), so the public outputs read these and never the live claim or article.
FROZEN_VERSION_FIELDS = (
    "claim",
    "state",
    "number",
    "rating",
    "conclusion",
    "explanation",
    "published_at",
    "updated_at",
    "claim_text",
    "claim_speaker",
    "claim_speaker_type",
    "appearance_url",
    "appearance_headline",
    "appearance_publisher",
    "appearance_published_at",
    "correction_note",
    "correction_changes",
    "retracted_at",
    "retraction_note",
)


def published_versions() -> QuerySet[Verdict]:
    """Verdict versions a reader may see: published, superseded and retracted ones.

    The claim's snapshot is joined only for the article's id (a span's snapshot never changes).
    """
    return (
        Verdict.objects.filter(state__in=PUBLIC_VERDICT_STATES)
        .select_related("claim__snapshot", "reviewer")
        .only(*FROZEN_VERSION_FIELDS, "claim__snapshot__source", "reviewer__username")
        .prefetch_related(
            Prefetch(
                "citations",
                queryset=VerdictCitation.objects.select_related("snapshot")
                .defer("snapshot__text", "snapshot__raw_body", "snapshot__headers")
                # Not the model's ordering ("verdict", "id"): that follows Verdict.Meta.ordering
                # into a join of verdicts and claims, only to sort citations within a verdict.
                .order_by("verdict_id", "id"),
            )
        )
    )


_NEWEST_PUBLIC_CHANGE = """
    SELECT updated_at, id FROM claims_verdict
     WHERE state IN (%s, %s, %s)
     ORDER BY updated_at DESC, id DESC
     LIMIT 1
"""


def newest_public_change() -> tuple[datetime, int] | None:
    """(updated_at, id) of the most recently changed public version: one index scan on
    verdict_feed. The feeds' ETags hang on it (claims.api.feeds.PublicVersionsListMixin).

    Plain SQL, not the ORM: a feed's 304 is this query and little else, and building the
    statement cost more than running it. It returns what
    `.order_by("-updated_at", "-id").values_list("updated_at", "id").first()` would.
    """
    with connection.cursor() as cursor:
        cursor.execute(_NEWEST_PUBLIC_CHANGE, [str(state) for state in PUBLIC_VERDICT_STATES])
        row = cursor.fetchone()
    return (row[0], row[1]) if row else None


def frozen_versions() -> QuerySet[Verdict]:
    """Public versions with only their own frozen columns: what ClaimReview shows
    (claims.claimreview), with no join."""
    return Verdict.objects.filter(state__in=PUBLIC_VERDICT_STATES).only(*FROZEN_VERSION_FIELDS)


def claim_review_feed() -> QuerySet[Verdict]:
    """The versions that carry ClaimReview: the current published one of each claim
    (superseded versions and retractions leave the feed)."""
    return frozen_versions().filter(state=Verdict.State.PUBLISHED)


def verdict_feed() -> QuerySet[Verdict]:
    """published_versions() as the verdicts/ feed reads them: flat rows, not model graphs.

    Each version carries its article's id and reviewer as annotations, and its citations
    (in `feed_citations`, a list) carry their snapshot's time the same way: some 180 model
    instances for a page of 50 instead of some 630, which was most of the page's time.
    PublishedVerdictFeedSerializer shapes them; the names below are what it reads.
    """
    citations = (
        VerdictCitation.objects.only(
            "verdict",
            "snapshot",
            "source_url",
            "source_title",
            "stance",
            "excerpt",
            "without_archive_reason",
        )
        .annotate(archived_at=F("snapshot__fetched_at"))
        .order_by("verdict_id", "id")
    )
    return (
        Verdict.objects.filter(state__in=PUBLIC_VERDICT_STATES)
        .only(*FROZEN_VERSION_FIELDS)
        .annotate(
            article_id=F("claim__snapshot__source_id"),
            reviewer_username=F("reviewer__username"),
        )
        .prefetch_related(Prefetch("citations", queryset=citations, to_attr="feed_citations"))
    )


def claim_events(claim: Claim) -> QuerySet[ClaimEvent]:
    return claim.events.select_related("actor").order_by("created_at", "id")


def claim_evidence(claim: Claim) -> QuerySet[Evidence]:
    return (
        claim.evidence.select_related("source", "added_by", "snapshot")
        .defer("snapshot__text", "snapshot__raw_body", "snapshot__headers")
        .order_by("id")
    )


def claim_match(text: str, *, limit: int = 10, threshold: float = 0.3) -> list[Claim]:
    """Existing claims most similar to `text`, best first, each with `.similarity`, as
    claim_list() has them. Similarity and the search are claims.matching's."""
    top = match_candidates(text, limit=limit, threshold=threshold)
    claims = claim_list().in_bulk([pk for _, pk in top])
    result = []
    for similarity, pk in top:
        if pk in claims:  # deleted between the two queries
            claims[pk].similarity = similarity
            result.append(claims[pk])
    return result
