"""Tuned reads for the API, the desk and the public pages: claim lists and detail, search,
articles, the public verdict versions and feeds (read from their frozen columns only), a claim's
history and evidence, and the claims that match a text (ranked by claims.matching).
Lists here never run a query per row. Who may read what is the callers' to check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from claims.matching import match_text
from claims.models import (
    Claim,
    ClaimEvent,
    ClaimMatch,
    ClaimStatus,
    Evidence,
    ExternalMatch,
    MatchKind,
    Verdict,
    VerdictCitation,
)
from claims.workflow import FAMILY_HEAD_STATUSES, OPEN_STATUSES
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
        .prefetch_related(*family_prefetches())
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
        .prefetch_related(*family_prefetches())
    )


# What a family's verdict shows of its head's versions (ClaimSerializer.family_verdict, the
# desk): the newest is the one an occurrence shows.
FAMILY_VERSION_FIELDS = ("claim", "state", "number", "rating", "published_at", "retracted_at")


def family_prefetches() -> tuple[Prefetch, Prefetch]:
    """For a list of claims: each occurrence's head (`same_as`) with its public versions, newest
    first, in `same_as.family_versions`. Two queries for a page that has occurrences, none for
    one that has not (a prefetch over null keys asks nothing)."""
    versions = (
        Verdict.objects.filter(state__in=PUBLIC_VERDICT_STATES)
        .only(*FAMILY_VERSION_FIELDS)
        .order_by("claim_id", "-number")
    )
    return (
        Prefetch("same_as", queryset=Claim.objects.only("id", "status", "same_as")),
        Prefetch("same_as__verdicts", queryset=versions, to_attr="family_versions"),
    )


def occurrences_of(head_ids: list[int]) -> dict[int, list[Claim]]:
    """The occurrences of each head, by head id, oldest attachment first (by claim id), with
    their article: one query for a page of heads. Live rows, listed beside the frozen version
    (claims.claimreview)."""
    found: dict[int, list[Claim]] = {}
    occurrences = (
        Claim.objects.filter(same_as__in=head_ids)
        .select_related("snapshot__source")
        .defer("features", "snapshot__text", "snapshot__raw_body", "snapshot__headers")
        .order_by("same_as_id", "id")
    )
    for claim in occurrences:
        found.setdefault(claim.same_as_id, []).append(claim)
    return found


def claim_family_matches(claim: Claim) -> tuple[list[ClaimMatch], list[ClaimMatch]]:
    """A claim's recorded matches, best first, split in two: those whose family has a current
    published fact-check ("checked before"), and those to open claims ("similar claims on the
    desk"). A match to an occurrence counts as a match to its head (`row.head`, with
    `row.fact_check` its newest public version, or None); matches inside the claim's own family
    and to dismissed claims are left out. Two queries."""
    rows = list(
        ClaimMatch.objects.filter(claim=claim)
        .select_related("matched", "matched__same_as")
        .defer("matched__features", "matched__same_as__features")
        .order_by("-score", "matched_id")
    )
    heads = {row.matched.same_as_id or row.matched_id for row in rows}
    newest: dict[int, Verdict] = {}
    versions = (
        Verdict.objects.filter(claim_id__in=heads, state__in=PUBLIC_VERDICT_STATES)
        .only(*FAMILY_VERSION_FIELDS)
        .order_by("claim_id", "-number")
    )
    for version in versions:
        newest.setdefault(version.claim_id, version)
    family = {claim.pk, claim.same_as_id}
    checked_before, similar = [], []
    for row in rows:
        row.head = row.matched.same_as or row.matched
        row.fact_check = newest.get(row.head.pk)
        if row.head.pk in family:
            continue
        if row.fact_check is not None and row.fact_check.state == Verdict.State.PUBLISHED:
            checked_before.append(row)
        elif row.fact_check is None and row.matched.status != ClaimStatus.DISMISSED:
            similar.append(row)
    return checked_before, similar


def claim_external_matches(claim: Claim) -> list[ExternalMatch]:
    """The claim's recorded matches to other fact-checkers' imported reviews, best first, with
    the review (not its raw JSON): one query."""
    return list(
        ExternalMatch.objects.filter(claim=claim)
        .select_related("review")
        .defer("review__raw")
        .order_by("-score", "review_id")
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


def claims_seen_before(claims: QuerySet[Claim], seen: bool = True) -> QuerySet[Claim]:
    """The claims that were checked before (seen=False: the others): a recorded match to a
    claim with a published version or to an occurrence of one (its family's fact-check), an
    occurrence of a published fact-check's family itself, or a recorded match to another
    fact-checker's imported review."""
    published = Verdict.State.PUBLISHED
    checked = (
        Q(same_as__isnull=False)
        | Exists(
            ClaimMatch.objects.filter(
                Q(matched__verdicts__state=published)
                | Q(matched__same_as__verdicts__state=published),
                claim=OuterRef("pk"),
            )
        )
        | Exists(ExternalMatch.objects.filter(claim=OuterRef("pk")))
    )
    return claims.filter(checked if seen else ~checked)


def claim_match(text: str, *, limit: int = 10) -> list[Claim]:
    """Existing claims that match `text`, best first, as claim_list() has them, each with
    `.similarity` (meaning and wording combined, 0 to 1), `.match_kind` ("same" or
    "related") and `.match_reason`. Ranking and labels are claims.matching's."""
    top = match_text(text, limit=limit)
    claims = claim_list().in_bulk([match.claim_id for match in top])
    result = []
    for match in top:
        claim = claims.get(match.claim_id)
        if claim is None:  # deleted between the two queries
            continue
        claim.similarity = match.score
        claim.match_kind = match.kind
        claim.match_reason = match.reason
        result.append(claim)
    return result


# Suggested families are read from the newest recorded `same` matches, at most this many: the
# desk page stays one bounded read however large the archive grows.
FAMILY_SUGGESTION_EDGES = 5000


@dataclass
class FamilySuggestion:
    """Claims from different articles that the guard calls the same claim.

    `head` is the published fact-check (status published or needs_update, with a current
    published version, `fact_check`) that the others may be attached to, or None when none of
    them is checked yet. `claims` are the others, oldest first, with their articles."""

    head: Claim | None
    fact_check: Verdict | None
    claims: list[Claim]
    score: float  # the weakest `same` match that holds the group together


def family_suggestions(*, limit: int = 50) -> list[FamilySuggestion]:
    """Near-identical claims across articles, grouped: each group is connected by `same`
    matches (as the nlp queue recorded them) between open claims that are in no family yet,
    and the published fact-checks (or their occurrences) they repeat. Groups with a published
    fact-check come first (one click attaches the rest), then the largest. Four queries."""
    edges = list(
        ClaimMatch.objects.filter(
            kind=MatchKind.SAME, claim__same_as__isnull=True, claim__status__in=OPEN_STATUSES
        )
        .exclude(matched__status__in=[ClaimStatus.DISMISSED, ClaimStatus.RETRACTED])
        .order_by("-claim_id", "-score")
        .values_list("claim_id", "matched_id", "matched__same_as_id", "score")[
            :FAMILY_SUGGESTION_EDGES
        ]
    )
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for claim_id, matched_id, matched_head, _score in edges:
        other = matched_head or matched_id  # an occurrence stands for its family's head
        a, b = root(claim_id), root(other)
        if a != b:
            parent[a] = b
    if not parent:
        return []
    claims = (
        Claim.objects.filter(pk__in=list(parent))
        .select_related("snapshot__source")
        .defer("features", "snapshot__text", "snapshot__raw_body", "snapshot__headers")
        .in_bulk()
    )
    current = {
        version.claim_id: version
        for version in Verdict.objects.filter(
            claim_id__in=list(claims), state=Verdict.State.PUBLISHED
        ).only(*FAMILY_VERSION_FIELDS)
    }
    heads_with_occurrences = set(
        Claim.objects.filter(same_as__in=list(claims)).values_list("same_as_id", flat=True)
    )
    groups: dict[int, list[Claim]] = {}
    for pk, claim in sorted(claims.items()):
        groups.setdefault(root(pk), []).append(claim)
    scores: dict[int, float] = {}
    for claim_id, _matched, _head, score in edges:
        group = root(claim_id)
        scores[group] = min(score, scores.get(group, score))

    suggestions = []
    for group, members in groups.items():
        heads = [c for c in members if c.pk in current and c.status in FAMILY_HEAD_STATUSES]
        head = heads[0] if heads else None
        others = [
            c
            for c in members
            if c is not head
            and c.status in OPEN_STATUSES
            and c.same_as_id is None
            and c.pk not in heads_with_occurrences
        ]
        if not others or (head is None and len(others) < 2):
            continue
        fact_check = current[head.pk] if head is not None else None
        suggestions.append(FamilySuggestion(head, fact_check, others, scores.get(group, 0.0)))
    suggestions.sort(key=lambda s: (s.head is None, -len(s.claims), -s.claims[-1].pk))
    return suggestions[:limit]
