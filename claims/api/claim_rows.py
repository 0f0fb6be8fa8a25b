"""Claim bodies of the API (GET claims/, claims/{id}/ and claims/match/) shaped by hand from the
flat rows of selectors.claim_rows() and selectors.claim_detail_row().

Shaped by hand: ClaimSerializer's walk over ~25 fields, with a related serializer and two
method fields per claim, was most of a list page's time, and the detail's model graph (claim,
snapshot with the article's whole text, source, assignee, prefetches) most of the detail's.
ClaimSerializer, ClaimDetailSerializer and MatchSerializer still declare the fields and the
schema, serialize the writes' responses, and tests/claims/test_api_perf_claims.py holds these
functions to their output for the same claims (no verdict, a draft, an occurrence of a family,
a retracted one, recorded matches and external matches, no article).
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from django.core.paginator import Paginator

from claims import public_selectors, selectors
from claims.api.serializers import (
    CheckedBeforeSerializer,
    CheckedElsewhereSerializer,
    SimilarClaimSerializer,
)
from claims.claimreview import fact_check_url
from claims.matching import Match
from claims.models import Claim, Evidence
from claims.public_json import (
    article_json,
    iso_datetime,
    output_timezone,
    public_verdict_row,
    rating_labels,
)
from claims.publication import review_tag_of
from claims.workflow import available_actions
from config.api import PageNumberPagination

ACCEPTED = Evidence.State.ACCEPTED.value


def family_verdict_body(head_id: int | None, version: dict | None, tz: tzinfo) -> dict | None:
    """serializers.family_verdict()'s shape, from selectors.newest_public_versions()'s row."""
    if head_id is None or version is None:
        return None
    return {
        "claim": head_id,
        "version": version["number"],
        "state": version["state"],
        "rating": version["rating"],
        "published_at": iso_datetime(version["published_at"], tz),
        "url": fact_check_url(head_id),
    }


def claim_body(
    row: dict[str, Any],
    *,
    actions: list[str],
    family: dict | None,
    tz: tzinfo,
    evidence_count: int | None = None,
) -> dict[str, Any]:
    """ClaimSerializer's shape for one row of selectors.claim_rows() (or claim_detail_row(),
    with the evidence count given)."""
    article = article_json(
        row["article_id"],
        title=row["article_title"],
        url=row["article_url"],
        publisher=row["article_publisher"],
        published_at=row["article_published_at"],
        tz=tz,
    )
    rating = row["rating"]
    return {
        "id": row["id"],
        "text": row["text"],
        "article": article,
        "start": row["start"],
        "end": row["end"],
        "checkworthiness": float(row["checkworthiness"]),
        "features": row["features"],
        "speaker": row["speaker"],
        "speaker_type": row["speaker_type"],
        "quantities": row["quantities"],
        "context": row["context"],
        "status": row["status"],
        "assignee": row["assignee_username"],
        "origin": row["origin"],
        "rating": None if rating is None else str(rating),
        "published_version": row["published_version"],
        "evidence_count": row["evidence_count"] if evidence_count is None else evidence_count,
        "allowed_actions": actions,
        "same_as": row["same_as_id"],
        "family_verdict": family,
        "version": row["version"],
        "created_at": iso_datetime(row["created_at"], tz),
        "updated_at": iso_datetime(row["updated_at"], tz),
    }


def claim_list_data(rows: list[dict[str, Any]], user: Any) -> list[dict[str, Any]]:
    """A page of selectors.claim_rows(), as ClaimSerializer(many=True) shows it: one more query
    when the page holds occurrences (their families' newest public versions), none otherwise."""
    tz = output_timezone()
    heads = selectors.newest_public_versions(
        sorted({row["same_as_id"] for row in rows if row["same_as_id"] is not None})
    )
    actions: dict[str, list[str]] = {}
    data = []
    for row in rows:
        status = row["status"]
        if status not in actions:
            actions[status] = available_actions(status, user)
        head = row["same_as_id"]
        data.append(
            claim_body(
                row,
                actions=list(actions[status]),
                family=family_verdict_body(head, heads.get(head), tz),
                tz=tz,
            )
        )
    return data


def claim_match_data(matches: list[Match], user: Any) -> list[dict[str, Any]]:
    """MatchSerializer(many=True)'s shape for claims.matching's matches, in their order: each
    claim's body as claim_list_data() shapes it, after the match's similarity, kind and reason
    and before the claim's public versions, newest first (public_verdict_row(), the feed's
    shape). Three queries (the claims' rows, their versions, the versions' citations), one
    more when a match is an occurrence of a family; a claim deleted since the look-up is left
    out."""
    rows = {
        row["id"]: row
        for row in selectors.claim_rows_by_id(list({match.claim_id: None for match in matches}))
    }
    found = [match for match in matches if match.claim_id in rows]
    bodies = claim_list_data([rows[match.claim_id] for match in found], user)
    versions = public_selectors.public_version_rows([match.claim_id for match in found])
    citations = public_selectors.verdict_feed_citations(
        [version["id"] for claim_versions in versions.values() for version in claim_versions]
    )
    tz = output_timezone()
    labels = rating_labels()
    return [
        {
            "similarity": match.score,
            "match_kind": match.kind,
            "match_reason": match.reason,
            **body,
            "verdicts": [
                public_verdict_row(version, citations[version["id"]], tz=tz, labels=labels)
                for version in versions[match.claim_id]
            ],
        }
        for match, body in zip(found, bodies, strict=True)
    ]


class ClaimRowsPaginator(Paginator):
    """Counts the claims as the view filtered them (the plain statement: PostgreSQL counts it
    with an index-only scan, where the page's joins, though it drops them, left it a sequential
    one four times slower) and gives each page as selectors.claim_rows()."""

    def _get_page(self, object_list: Any, number: int, paginator: Paginator) -> Any:
        return super()._get_page(selectors.claim_rows(object_list), number, paginator)


class ClaimPagination(PageNumberPagination):
    django_paginator_class = ClaimRowsPaginator


def review_tag(row: dict[str, Any], evidence: list[tuple[int, datetime, str]]) -> str:
    """claims.publication.review_tag() for a claim_detail_row() and its
    claim_review_evidence(), without reading the claim, the draft and the evidence again."""
    return review_tag_of(
        claim_pk=row["id"],
        claim_version=row["version"],
        draft_pk=row["draft_id"],
        draft_revision=row["draft_revision"],
        evidence=[(pk, updated) for pk, updated, _ in evidence],
    )


def claim_detail_data(
    row: dict[str, Any], evidence: list[tuple[int, datetime, str]], user: Any
) -> dict[str, Any]:
    """ClaimDetailSerializer's shape for a claim_detail_row() and its claim_review_evidence().
    The matches are read only when the row says there are some (two queries, or one for
    external matches alone), the family's verdict only for an occurrence (one query)."""
    tz = output_timezone()
    head = row["same_as_id"]
    family = None
    if head is not None:
        family = family_verdict_body(head, selectors.newest_public_versions([head]).get(head), tz)
    body = claim_body(
        row,
        actions=available_actions(row["status"], user),
        family=family,
        tz=tz,
        evidence_count=sum(1 for _, _, state in evidence if state == ACCEPTED),
    )
    start, end = row["start"], row["end"]
    body["quote"] = (
        (row["quote"] or "")
        if row["snapshot_id"] is not None and start is not None and end is not None
        else ""
    )
    checked_before: list = []
    similar: list = []
    elsewhere: list = []
    # The selectors read only the claim's id and family (same_as_id) from it.
    claim = Claim(pk=row["id"], same_as_id=head)
    if row["has_matches"]:
        before_rows, similar_rows = selectors.claim_family_matches(claim)
        checked_before = CheckedBeforeSerializer(before_rows, many=True).data
        similar = SimilarClaimSerializer(similar_rows, many=True).data
    if row["has_external_matches"]:
        elsewhere = CheckedElsewhereSerializer(
            selectors.claim_external_matches(claim), many=True
        ).data
    body["checked_before"] = checked_before
    body["checked_elsewhere"] = elsewhere
    body["similar_claims"] = similar
    return body
