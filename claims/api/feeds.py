"""The feeds REST clients poll: published verdict versions (verdicts/) and their ClaimReview
JSON-LD (claim-reviews/), newest change first, with ETags, early 304s and a page cache."""

from __future__ import annotations

from typing import Any

from django.db.models import Min, QuerySet
from django.utils.dateparse import parse_datetime
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, mixins, serializers, viewsets
from rest_framework.pagination import CursorPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from claims import public_selectors, selectors
from claims.api.filters import FilterBackend, VerdictFilter
from claims.api.permissions import PublicFeed
from claims.api.verdict_serializers import PublishedVerdictSerializer
from claims.claimreview import claim_review
from claims.models import Verdict
from claims.public_json import output_timezone, public_verdict_row, rating_labels
from config.api import ConditionalListMixin, KnownQueryParametersMixin


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


class FeedPagination(CursorPagination):
    ordering = ("-updated_at", "-id")
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def decode_cursor(self, request: Request) -> Any:
        """DRF's cursor, refused (404, as DRF refuses a malformed one) when its position is not
        a time: the feed orders on updated_at, and a crafted position would reach the
        database as a value it cannot compare."""
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            try:
                valid = parse_datetime(cursor.position) is not None
            except ValueError:  # well formed, but no such time (month 13)
                valid = False
            if not valid:
                raise exceptions.NotFound(self.invalid_cursor_message)
        return cursor


class PublicVersionsListMixin(ConditionalListMixin):
    """A conditional list of public verdict versions (config.api.ConditionalListMixin)."""

    def list_state(self) -> object:
        # The newest change to any public version (one index scan on verdict_feed) names the
        # state of every list built from them: each verdict write sets updated_at, versions are
        # never deleted, and one leaving a list (a retraction) is itself a change.
        return public_selectors.newest_public_change()

    def answers_early(self) -> bool:
        return PublicFeed.public_read()


class VerdictFeedViewSet(
    KnownQueryParametersMixin,
    PublicVersionsListMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """The feed REST clients poll: published verdict versions, newest change first."""

    permission_classes = [PublicFeed]
    serializer_class = PublishedVerdictSerializer
    pagination_class = FeedPagination
    filterset_class = VerdictFilter
    filter_backends = [FilterBackend]

    def get_queryset(self) -> QuerySet:
        return public_selectors.verdict_feed_rows()

    def page_data(self, page: list) -> list:
        # The schema (serializer_class) and the body are the same shape; this one is built from
        # verdict_feed_rows()'s flat rows (values, no model instances) and one query for the
        # page's citations.
        citations = public_selectors.verdict_feed_citations([row["id"] for row in page])
        tz = output_timezone()
        labels = rating_labels()
        return [public_verdict_row(row, citations[row["id"]], tz=tz, labels=labels) for row in page]


CLAIM_REVIEW_PAGE = inline_serializer(
    name="ClaimReviewPage",
    fields={
        "next": serializers.CharField(allow_null=True),
        "previous": serializers.CharField(allow_null=True),
        "results": serializers.ListField(child=serializers.DictField()),
    },
)


class ClaimReviewFeedViewSet(
    KnownQueryParametersMixin,
    PublicVersionsListMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """ClaimReview JSON-LD for every currently published verdict, newest change first."""

    permission_classes = [PublicFeed]
    pagination_class = FeedPagination
    renderer_classes = [JSONLDRenderer, JSONRenderer]
    filterset_class = VerdictFilter
    filter_backends = [FilterBackend]
    serializer_class = PublishedVerdictSerializer  # for the schema; the body is ClaimReview

    def get_queryset(self) -> QuerySet[Verdict]:
        return public_selectors.claim_review_feed()

    @extend_schema(
        responses={
            (200, media_type): OpenApiResponse(
                CLAIM_REVIEW_PAGE, description="A page of schema.org ClaimReview objects"
            )
            for media_type in ("application/ld+json", "application/json")
        }
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def page_data(self, page: list) -> list:
        firsts = dict(
            Verdict.objects.filter(claim__in=[v.claim_id for v in page], number__isnull=False)
            .values("claim")
            .annotate(first=Min("published_at"))
            .values_list("claim", "first")
        )
        # Each family's occurrences, listed as further appearances: one query for the page.
        families = selectors.occurrences_of([v.claim_id for v in page])
        return [
            claim_review(
                v,
                first_published_at=firsts.get(v.claim_id),
                occurrences=families.get(v.claim_id, ()),
            )
            for v in page
        ]
