"""Tuned reads for the API, the desk and the public pages: claim lists and detail, search,
articles, a claim's family, history and evidence, the claims seen before and the suggested
families. Lists here never run a query per row. Who may read what is the callers' to check.
The public record's reads (verdict versions from their frozen columns, the feeds) are in
claims.public_selectors; statements compiled once (CompiledValues) in claims.statements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Substr

from claims.models import (
    ApiToken,
    Claim,
    ClaimEvent,
    ClaimMatch,
    ClaimStatus,
    Evidence,
    ExternalMatch,
    MatchKind,
    Verdict,
)
from claims.public_selectors import PUBLIC_VERDICT_STATES
from claims.statements import CompiledValues
from claims.workflow import FAMILY_HEAD_STATUSES, OPEN_STATUSES, remember_roles
from sources.models import Source


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


def _api_token_rows(digest: str) -> QuerySet:
    user_fields = [field.attname for field in get_user_model()._meta.concrete_fields]
    return (
        ApiToken.objects.filter(digest=digest)
        .order_by()
        .values(
            *(field.attname for field in ApiToken._meta.concrete_fields),
            *(f"user__{name}" for name in user_fields),
            "user__groups__name",  # one row per group (one row, None, for none)
        )
    )


_api_token = CompiledValues(_api_token_rows, sentinel="\x00digest")


def api_token(digest: str) -> ApiToken | None:
    """The API token with this digest, with its user (`token.user`) and the user's roles
    (claims.workflow.user_roles, cached on it), in one query; None for none. Every
    authenticated API request asks this (claims.api.authentication)."""
    rows = _api_token.rows(digest)
    if not rows:
        return None
    row = rows[0]
    token_fields = [field.attname for field in ApiToken._meta.concrete_fields]
    user_model = get_user_model()
    user_fields = [field.attname for field in user_model._meta.concrete_fields]
    token = ApiToken.from_db("default", token_fields, [row[name] for name in token_fields])
    token.user = user_model.from_db(
        "default", user_fields, [row[f"user__{name}"] for name in user_fields]
    )
    remember_roles(token.user, (r["user__groups__name"] for r in rows if r["user__groups__name"]))
    return token


# A claim as the API's bodies read it (claims.api.claim_rows shapes them): flat values, no model
# instances. The article and assignee come as the columns named in CLAIM_ROW_JOINS.
CLAIM_ROW_FIELDS = (
    "id",
    "text",
    "snapshot_id",
    "start",
    "end",
    "checkworthiness",
    "features",
    "speaker",
    "speaker_type",
    "quantities",
    "context",
    "status",
    "origin",
    "same_as_id",
    "version",
    "created_at",
    "updated_at",
)
CLAIM_ROW_JOINS = {
    "article_id": F("snapshot__source_id"),
    "article_title": F("snapshot__source__title"),
    "article_url": F("snapshot__source__url"),
    "article_publisher": F("snapshot__source__publisher"),
    "article_published_at": F("snapshot__source__published_at"),
    "assignee_username": F("assignee__username"),
}


def claim_rows(claims: QuerySet[Claim]) -> QuerySet:
    """claim_list()'s claims (filtered and ordered as the caller likes) as flat rows: what a
    list page of the API shows, with no model instance built per row."""
    return claims.prefetch_related(None).values(
        *CLAIM_ROW_FIELDS, "rating", "published_version", "evidence_count", **CLAIM_ROW_JOINS
    )


_claim_rows_by_id = CompiledValues(
    lambda ids: claim_rows(claim_list().filter(pk__in=ids).order_by())
)


def claim_rows_by_id(ids: list[int]) -> list[dict[str, Any]]:
    """claim_rows() of these claims (distinct ids, in no order): one query, its statement
    compiled once per number of ids (CompiledValues); claims/match/ asks it on every look-up."""
    return _claim_rows_by_id.rows_in(ids)


def _claim_detail_rows(pk: int) -> QuerySet:
    draft = Verdict.objects.filter(claim=OuterRef("pk"), state=Verdict.State.DRAFT).order_by()
    return (
        Claim.objects.filter(pk=pk)
        .order_by()
        .annotate(
            rating=_latest_published("rating"),
            published_version=_latest_published("number"),
            quote=Substr("snapshot__text", F("start") + 1, F("end") - F("start")),
            draft_id=Subquery(draft.values("id")[:1]),
            draft_revision=Subquery(draft.values("revision")[:1]),
            has_matches=Exists(ClaimMatch.objects.filter(claim=OuterRef("pk"))),
            has_external_matches=Exists(ExternalMatch.objects.filter(claim=OuterRef("pk"))),
        )
        .values(
            *CLAIM_ROW_FIELDS,
            "rating",
            "published_version",
            "quote",
            "draft_id",
            "draft_revision",
            "has_matches",
            "has_external_matches",
            **CLAIM_ROW_JOINS,
        )
    )


_claim_detail = CompiledValues(_claim_detail_rows)
_review_evidence = CompiledValues(
    lambda claim_id: (
        Evidence.objects.filter(claim_id=claim_id)
        .order_by("id")
        .values("id", "updated_at", "state")
    )
)


def claim_detail_row(pk: int) -> dict | None:
    """One claim as GET claims/{id}/ shows it, in one query: claim_rows()'s columns, the quote
    cut from the article's text by the database (the text itself, possibly megabytes, is not
    read), the draft verdict's id and revision (for the review tag), and whether the claim has
    recorded matches at all (most have none, and then asking for them costs nothing).
    The evidence count comes from claim_review_evidence(), which the review tag reads anyway.
    None for no such claim. The statement is compiled once (CompiledValues)."""
    rows = _claim_detail.rows(pk)
    return rows[0] if rows else None


def claim_review_evidence(claim_id: int) -> list[tuple[int, datetime, str]]:
    """(id, updated_at, state) of every evidence row of a claim, by id: what the review tag
    names (claims.publication.review_tag) and what the accepted-evidence count counts."""
    return [(row["id"], row["updated_at"], row["state"]) for row in _review_evidence.rows(claim_id)]


def newest_public_versions(claim_ids: list[int]) -> dict[int, dict]:
    """Each claim's newest public version (number, state, rating, published_at), by claim id:
    what an occurrence shows as its family's verdict. One query (none for no ids)."""
    if not claim_ids:
        return {}
    newest: dict[int, dict] = {}
    versions = (
        Verdict.objects.filter(claim_id__in=claim_ids, state__in=PUBLIC_VERDICT_STATES)
        .order_by("claim_id", "-number")
        .values("claim_id", "number", "state", "rating", "published_at")
    )
    for version in versions:
        newest.setdefault(version["claim_id"], version)
    return newest


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
        ClaimMatch.objects.filter(claim_id=claim.pk)
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
        ExternalMatch.objects.filter(claim_id=claim.pk)
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


def claim_events(claim: Claim) -> QuerySet[ClaimEvent]:
    return claim.events.select_related("actor").order_by("created_at", "id")


def claim_evidence(claim: Claim) -> QuerySet[Evidence]:
    return (
        claim.evidence.select_related("source", "added_by", "snapshot")
        .defer("snapshot__text", "snapshot__raw_body", "snapshot__headers")
        .order_by("id")
    )


def claims_seen_before(claims: QuerySet[Claim], seen: bool = True) -> QuerySet[Claim]:
    """The claims that were checked before (seen=False: the others): a recorded `same` match
    to a claim with a published version or to an occurrence of one (its family's fact-check),
    an occurrence of a published fact-check's family itself, or a recorded `same` match to
    another fact-checker's imported review. A `related` match (another figure, actor or
    negation, or a weak match) is shown on the desk but does not make a claim checked."""
    published = Verdict.State.PUBLISHED
    checked = (
        Q(same_as__isnull=False)
        | Exists(
            ClaimMatch.objects.filter(
                Q(matched__verdicts__state=published)
                | Q(matched__same_as__verdicts__state=published),
                claim=OuterRef("pk"),
                kind=MatchKind.SAME,
            )
        )
        | Exists(ExternalMatch.objects.filter(claim=OuterRef("pk"), kind=MatchKind.SAME))
    )
    return claims.filter(checked if seen else ~checked)


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
