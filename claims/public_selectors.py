"""Reads of the public record: the verdict versions a reader may see (published, superseded,
retracted), read from their frozen columns only (claims.publication writes them), for the
feeds, ClaimReview, the public pages, webhooks and the verdicts a claim's API body shows.
"""

from __future__ import annotations

from datetime import datetime

from django.db import connections
from django.db.models import F, Prefetch, QuerySet

from claims.models import Verdict, VerdictCitation
from claims.statements import CompiledValues, statement_cursor

PUBLIC_VERDICT_STATES = (
    Verdict.State.PUBLISHED,
    Verdict.State.SUPERSEDED,
    Verdict.State.RETRACTED,
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
    statement cost more than running it; prepared once per connection (statement_cursor), as
    planning it took ten times as long as running it. It returns what
    `.order_by("-updated_at", "-id").values_list("updated_at", "id").first()` would.
    """
    with statement_cursor(connections["default"]) as cursor:
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


def verdict_feed_rows() -> QuerySet:
    """published_versions() as the verdicts/ feed reads them: flat rows (values()), each with
    its article's id and reviewer's username; verdict_feed_citations() gives a page's
    citations. claims.public_json.public_verdict_row shapes the two."""
    return Verdict.objects.filter(state__in=PUBLIC_VERDICT_STATES).values(
        "id",
        *(name if name != "claim" else "claim_id" for name in FROZEN_VERSION_FIELDS),
        article_id=F("claim__snapshot__source_id"),
        reviewer_username=F("reviewer__username"),
    )


def public_version_rows(claim_ids: list[int]) -> dict[int, list[dict]]:
    """verdict_feed_rows() of these claims, by claim id, newest version first (as
    published_versions() ordered by -number): one query, none for no ids."""
    found: dict[int, list[dict]] = {pk: [] for pk in claim_ids}
    for row in _public_versions.rows_in(list(found)):
        found[row["claim_id"]].append(row)
    return found


# public_version_rows()'s statement, compiled once per number of claims (CompiledValues):
# claims/match/ asks it on every look-up.
_public_versions = CompiledValues(
    lambda claim_ids: (
        verdict_feed_rows().filter(claim_id__in=claim_ids).order_by("claim_id", "-number")
    )
)


_feed_citations = CompiledValues(
    lambda verdict_ids: (
        VerdictCitation.objects.filter(verdict_id__in=verdict_ids)
        .order_by("verdict_id", "id")
        .values(
            "verdict_id",
            "snapshot_id",
            "source_url",
            "source_title",
            "stance",
            "excerpt",
            "without_archive_reason",
            archived_at=F("snapshot__fetched_at"),
        )
    )
)


def verdict_feed_citations(verdict_ids: list[int]) -> dict[int, list[dict]]:
    """The citations of these versions, as frozen, by version id, in order, with their
    snapshot's time (`archived_at`): one query for a page of the feed (none for no ids), its
    statement compiled once per page length (CompiledValues)."""
    found: dict[int, list[dict]] = {pk: [] for pk in verdict_ids}
    for citation in _feed_citations.rows_in(list(found)):
        found[citation["verdict_id"]].append(citation)
    return found
