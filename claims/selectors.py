"""Tuned and permission-scoped reads. Lists here never run a query per row."""

from __future__ import annotations

import re
from datetime import datetime

from django.db import connection
from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

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


def published_versions() -> QuerySet[Verdict]:
    """Verdict versions a reader may see: published, superseded and retracted ones."""
    return (
        Verdict.objects.filter(state__in=PUBLIC_VERDICT_STATES)
        .select_related("claim__snapshot__source", "reviewer")
        .defer(
            "claim__snapshot__text",
            "claim__snapshot__raw_body",
            "claim__snapshot__headers",
        )
        .prefetch_related(
            Prefetch(
                "citations",
                queryset=VerdictCitation.objects.select_related("source", "snapshot")
                .defer("snapshot__text", "snapshot__raw_body", "snapshot__headers")
                # Not the model's ordering ("verdict", "id"): that follows Verdict.Meta.ordering
                # into a join of verdicts and claims, only to sort citations within a verdict.
                .order_by("verdict_id", "id"),
            )
        )
    )


# What claimreview.claim_review reads of a version, its claim and the claim's article: the
# claim-reviews/ feed loads nothing else. A field missing here costs a query per row.
CLAIM_REVIEW_FIELDS = (
    "claim",
    "state",
    "number",
    "rating",
    "conclusion",
    "published_at",
    "updated_at",
    "claim__text",
    "claim__speaker",
    "claim__snapshot",
    "claim__snapshot__source",
    "claim__snapshot__source__title",
    "claim__snapshot__source__url",
    "claim__snapshot__source__publisher",
    "claim__snapshot__source__published_at",
)


_NEWEST_PUBLIC_CHANGE = """
    SELECT updated_at, id FROM claims_verdict
     WHERE state IN (%s, %s, %s)
     ORDER BY updated_at DESC, id DESC
     LIMIT 1
"""


def newest_public_change() -> tuple[datetime, int] | None:
    """(updated_at, id) of the most recently changed public version: one index scan on
    verdict_feed. The feeds' ETags hang on it (claims.api.views.ConditionalListMixin).

    Plain SQL, not the ORM: a feed's 304 is this query and little else, and building the
    statement cost more than running it. It returns what
    `.order_by("-updated_at", "-id").values_list("updated_at", "id").first()` would.
    """
    with connection.cursor() as cursor:
        cursor.execute(_NEWEST_PUBLIC_CHANGE, [str(state) for state in PUBLIC_VERDICT_STATES])
        row = cursor.fetchone()
    return (row[0], row[1]) if row else None


def claim_review_feed() -> QuerySet[Verdict]:
    """Published versions with what their ClaimReview shows (claims.claimreview)."""
    return (
        Verdict.objects.filter(state=Verdict.State.PUBLISHED)
        .select_related("claim__snapshot__source")
        .only(*CLAIM_REVIEW_FIELDS)
    )


def verdict_feed() -> QuerySet[Verdict]:
    """published_versions() as the verdicts/ feed reads them: flat rows, not model graphs.

    Each version carries its claim, article and reviewer as annotations, and its citations
    (in `feed_citations`, a list) carry their source and snapshot the same way: some 180 model
    instances for a page of 50 instead of some 630, which was most of the page's time.
    PublishedVerdictFeedSerializer shapes them; the names below are what it reads.
    """
    citations = (
        VerdictCitation.objects.only("verdict", "snapshot", "stance", "excerpt")
        .annotate(
            source_url=F("source__url"),
            source_title=F("source__title"),
            archived_at=F("snapshot__fetched_at"),
        )
        .order_by("verdict_id", "id")
    )
    return (
        Verdict.objects.filter(state__in=PUBLIC_VERDICT_STATES)
        .only(
            "claim",
            "state",
            "number",
            "rating",
            "conclusion",
            "explanation",
            "published_at",
            "updated_at",
        )
        .annotate(
            claim_text=F("claim__text"),
            claim_speaker=F("claim__speaker"),
            article_id=F("claim__snapshot__source_id"),
            article_title=F("claim__snapshot__source__title"),
            article_url=F("claim__snapshot__source__url"),
            article_publisher=F("claim__snapshot__source__publisher"),
            article_published_at=F("claim__snapshot__source__published_at"),
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


# --- "Has this been checked before?" -----------------------------------------------------------


def _trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams: lower-cased words padded with two spaces before and one after."""
    grams: set[str] = set()
    for word in re.findall(r"[^\W_]+", text.lower()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def trigram_similarity(a: str, b: str) -> float:
    first, second = _trigrams(a), _trigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def claim_match(text: str, *, limit: int = 10, threshold: float = 0.3) -> list[Claim]:
    """Existing claims most similar to `text`, best first, each with `.similarity`.

    PostgreSQL: pg_trgm's `%` operator over the GIN trigram index, ranked by similarity().
    Elsewhere (the SQLite default): the same similarity computed in Python over all claims,
    which is correct but linear; fine for a development desk.
    """
    base = claim_list()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            base.filter(text__trigram_similar=text)
            .annotate(similarity=TrigramSimilarity("text", text))
            .filter(similarity__gte=threshold)
            .order_by("-similarity", "id")[:limit]
        )
    scored = []
    for pk, claim_text in Claim.objects.values_list("pk", "text").iterator():
        similarity = trigram_similarity(text, claim_text)
        if similarity >= threshold:
            scored.append((similarity, pk))
    scored.sort(key=lambda item: (-item[0], item[1]))
    top = scored[:limit]
    claims = base.in_bulk([pk for _, pk in top])
    result = []
    for similarity, pk in top:
        claim = claims[pk]
        claim.similarity = similarity
        result.append(claim)
    return result
