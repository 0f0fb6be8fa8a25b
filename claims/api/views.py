"""The claims API: parse input, call one service, serialize the result."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Min, QuerySet
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.dateparse import parse_datetime
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import BasePermission
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from claims import selectors, services
from claims.api.serializers import (
    AcceptSuggestionSerializer,
    ArticleCreateSerializer,
    ArticleSerializer,
    ClaimCreateSerializer,
    ClaimDetailSerializer,
    ClaimSerializer,
    ClaimUpdateSerializer,
    EventSerializer,
    EvidenceSerializer,
    MatchSerializer,
    PublishedVerdictFeedSerializer,
    PublishedVerdictSerializer,
    TransitionSerializer,
    VerdictDraftSerializer,
)
from claims.claimreview import claim_review, fact_check_url
from claims.extraction import InputError
from claims.models import Claim, ClaimStatus, Evidence, Rating, Verdict
from claims.publication import review_tag
from claims.workflow import API_CLIENT, is_desk_member, user_roles
from config.api import (
    APIError,
    etag_for,
    expected_version,
    if_match,
    not_modified,
    version_etag,
)
from sources.normalize import InvalidURL

# Ids are bigints: anything longer is not an id (and would overflow the database driver).
ID_PATTERN = "[0-9]{1,18}"


class CanRead(BasePermission):
    """Desk members and api_client tokens read; only desk members (researcher, editor) write."""

    message = (
        "Your account has no role on this desk. Ask an editor for the researcher, editor or "
        "api_client role."
    )

    def has_permission(self, request: Request, view: Any) -> bool:
        roles = user_roles(request.user)
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return bool(roles & {API_CLIENT, "researcher", "editor"})
        if is_desk_member(request.user):
            return True
        self.message = "Only researchers and editors can change the desk; api_client is read-only."
        return False


class DeskOnly(BasePermission):
    message = "Only researchers and editors can see work in progress (drafts, evidence, history)."

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_desk_member(request.user)


class PublicFeed(BasePermission):
    """Published fact-checks are publications: public unless CLAIMS_PUBLIC_FEED is off."""

    message = "The verdict feed needs a token on this server."

    @staticmethod
    def public_read() -> bool:
        return settings.CLAIMS_PUBLIC_FEED

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            return False
        return settings.CLAIMS_PUBLIC_FEED or bool(user_roles(request.user))


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


def _not_modified_response(etag: str) -> Response:
    response = Response(status=status.HTTP_304_NOT_MODIFIED)
    response["ETag"] = etag
    return response


class UTCDateTimeField(IsoDateTimeField):
    """ISO 8601 in, UTC out: databases refuse odd offsets such as +16:04 that ISO allows."""

    def to_python(self, value: Any) -> datetime | None:
        parsed = super().to_python(value)
        if parsed is None:
            return None
        try:
            return parsed.astimezone(UTC)
        except (OverflowError, ValueError) as exc:
            raise DjangoValidationError("Give a date and time between years 1 and 9999.") from exc


class UpdatedAfterFilter(filters.IsoDateTimeFilter):
    field_class = UTCDateTimeField


class ClaimFilter(filters.FilterSet):
    status = filters.MultipleChoiceFilter(choices=ClaimStatus.choices)
    article = filters.NumberFilter(field_name="snapshot__source")
    speaker = filters.CharFilter(lookup_expr="iexact")
    rating = filters.ChoiceFilter(choices=Rating.choices, field_name="rating")
    assignee = filters.CharFilter(method="filter_assignee", help_text="A username, or 'me'.")
    min_checkworthiness = filters.NumberFilter(field_name="checkworthiness", lookup_expr="gte")
    updated_after = UpdatedAfterFilter(field_name="updated_at", lookup_expr="gt")
    q = filters.CharFilter(method="filter_q", help_text="Full-text search in text and speaker.")

    class Meta:
        model = Claim
        fields = ["status", "article", "speaker", "rating", "assignee"]

    def filter_assignee(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "me":
            return queryset.filter(assignee=self.request.user)
        return queryset.filter(assignee__username=value)

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return selectors.claim_search(queryset, value)


class ClaimViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Claims: list, detail, add by hand, edit, and every workflow action."""

    lookup_value_regex = ID_PATTERN
    permission_classes = [CanRead]
    filter_backends = [filters.DjangoFilterBackend, OrderingFilter]
    filterset_class = ClaimFilter
    ordering_fields = ["checkworthiness", "updated_at", "created_at", "id", "status"]
    ordering = ["-checkworthiness", "id"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Claim]:
        if self.action == "list":
            return selectors.claim_list()
        return selectors.claim_detail()

    def get_serializer_class(self):
        return ClaimSerializer if self.action == "list" else ClaimDetailSerializer

    def _claim(self) -> Claim:
        return get_object_or_404(selectors.claim_detail(), pk=self.kwargs["pk"])

    def _respond_claim(self, claim: Claim, *, status_code: int = 200) -> Response:
        claim = selectors.claim_detail().get(pk=claim.pk)
        data = ClaimDetailSerializer(claim, context=self.get_serializer_context()).data
        response = Response(data, status=status_code)
        response["ETag"] = review_tag(claim)
        return response

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """The claim; its ETag is the review tag (claim version, draft revision, evidence
        state): send it as If-Match to publish exactly what you read."""
        claim = self._claim()
        etag = review_tag(claim)
        if not_modified(request, etag):
            return _not_modified_response(etag)
        response = Response(
            ClaimDetailSerializer(claim, context=self.get_serializer_context()).data
        )
        response["ETag"] = etag
        return response

    @extend_schema(request=ClaimCreateSerializer, responses={201: ClaimDetailSerializer})
    def create(self, request: Request) -> Response:
        serializer = ClaimCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        article = data.pop("article")
        if article is not None:
            data["snapshot"] = article.latest_snapshot()
        claim = services.claim_create(actor=request.user, data=data)
        return self._respond_claim(claim, status_code=status.HTTP_201_CREATED)

    @extend_schema(
        request=ClaimUpdateSerializer,
        responses={200: ClaimDetailSerializer},
        parameters=[OpenApiParameter("If-Match", str, OpenApiParameter.HEADER, required=False)],
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        claim = self._claim()
        serializer = ClaimUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        claim = services.claim_update(
            claim=claim,
            actor=request.user,
            data=serializer.validated_data,
            expected_tag=if_match(request),
        )
        return self._respond_claim(claim)

    @extend_schema(
        request=TransitionSerializer,
        responses={
            200: ClaimDetailSerializer,
            428: OpenApiResponse(description="Publishing without If-Match."),
        },
        parameters=[
            OpenApiParameter(
                "If-Match",
                str,
                OpenApiParameter.HEADER,
                required=False,
                description="The ETag of GET claims/{id}/: refused (412) if the claim, its "
                "draft or its evidence changed since. Required to publish (428 without).",
            )
        ],
    )
    @action(detail=True, methods=["post"])
    def transition(self, request: Request, pk: str) -> Response:
        """Take a workflow action; 409 lists the actions allowed from the current state.

        Publishing needs If-Match (the claim's ETag, 428 without it); publishing a correction
        (any version after the first) needs a note: readers see it.
        """
        claim = self._claim()
        serializer = TransitionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        expected_tag = if_match(request)
        if serializer.validated_data["action"] == "publish" and expected_tag is None:
            # Publish what you saw: the tag names the claim, draft and evidence the editor read.
            raise APIError(
                status_code=status.HTTP_428_PRECONDITION_REQUIRED,
                code="precondition_required",
                message="Publishing needs the claim's ETag as If-Match: GET claims/{id}/, read "
                "the claim, its draft and evidence, then send that ETag with the publish.",
            )
        claim = services.claim_transition(
            claim=claim,
            action=serializer.validated_data["action"],
            note=serializer.validated_data["note"],
            actor=request.user,
            expected_tag=expected_tag,
        )
        return self._respond_claim(claim)

    @extend_schema(
        methods=["GET"],
        responses={200: VerdictDraftSerializer, 404: OpenApiResponse(description="No draft")},
    )
    @extend_schema(
        methods=["PATCH"], request=VerdictDraftSerializer, responses={200: VerdictDraftSerializer}
    )
    @action(detail=True, methods=["get", "patch"], permission_classes=[DeskOnly])
    def verdict(self, request: Request, pk: str) -> Response:
        """The current draft verdict. PATCH creates it when there is none."""
        claim = self._claim()
        draft = services.current_draft(claim)
        if request.method == "GET":
            if draft is None:
                raise APIError(
                    status_code=404,
                    code="no_draft",
                    message="This claim has no draft verdict. PATCH rating, conclusion and "
                    "explanation to start one.",
                )
            etag = version_etag("verdict", draft.pk, draft.revision)
            if not_modified(request, etag):
                return _not_modified_response(etag)
            response = Response(VerdictDraftSerializer(draft).data)
            response["ETag"] = etag
            return response
        serializer = VerdictDraftSerializer(draft, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        draft = services.verdict_update_draft(
            claim=claim,
            actor=request.user,
            data=serializer.validated_data,
            expected_revision=(
                expected_version(request, "verdict", draft.pk) if draft is not None else None
            ),
        )
        response = Response(VerdictDraftSerializer(draft).data)
        response["ETag"] = version_etag("verdict", draft.pk, draft.revision)
        return response

    @extend_schema(methods=["GET"], responses={200: EvidenceSerializer(many=True)})
    @extend_schema(
        methods=["POST"], request=EvidenceSerializer, responses={201: EvidenceSerializer}
    )
    @action(
        detail=True, methods=["get", "post"], permission_classes=[DeskOnly], pagination_class=None
    )
    def evidence(self, request: Request, pk: str) -> Response:
        claim = self._claim()
        if request.method == "GET":
            items = selectors.claim_evidence(claim)
            return Response(EvidenceSerializer(items, many=True).data)
        serializer = EvidenceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            evidence = services.evidence_add(
                claim=claim,
                actor=request.user,
                source=data.get("source"),
                source_url=data.get("source_url", ""),
                stance=data["stance"],
                excerpt=data.get("excerpt", ""),
                note=data.get("note", ""),
                without_archive_reason=data.get("without_archive_reason", ""),
            )
        except InvalidURL as exc:
            raise APIError(status_code=400, code="invalid_url", message=str(exc)) from exc
        evidence = selectors.claim_evidence(claim).get(pk=evidence.pk)
        return Response(EvidenceSerializer(evidence).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={202: OpenApiTypes.OBJECT})
    @action(
        detail=True, methods=["post"], url_path="discover-related", permission_classes=[DeskOnly]
    )
    def discover_related(self, request: Request, pk: str) -> Response:
        """Search the configured providers for related sources; results arrive as suggested
        evidence (state "suggested", no stance) to accept or reject."""
        from claims.tasks import discover_related

        claim = self._claim()
        discover_related.delay_on_commit(claim.pk)
        return Response({"queued": True, "claim": claim.pk}, status=status.HTTP_202_ACCEPTED)

    @extend_schema(responses={200: EventSerializer(many=True)})
    @action(detail=True, methods=["get"], permission_classes=[DeskOnly], pagination_class=None)
    def history(self, request: Request, pk: str) -> Response:
        claim = self._claim()
        return Response(EventSerializer(selectors.claim_events(claim), many=True).data)

    @extend_schema(responses={200: PublishedVerdictSerializer(many=True)})
    @action(detail=True, methods=["get"], pagination_class=None)
    def verdicts(self, request: Request, pk: str) -> Response:
        """The published versions of the claim's verdict, newest first (v1 stays readable)."""
        claim = self._claim()
        versions = selectors.published_versions().filter(claim=claim).order_by("-number")
        return Response(PublishedVerdictSerializer(versions, many=True).data)

    @extend_schema(
        responses={
            (200, "application/ld+json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="schema.org ClaimReview JSON-LD"
            ),
            (200, "application/json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="The same, as plain JSON"
            ),
        },
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="claim-review",
        permission_classes=[PublicFeed],
        renderer_classes=[JSONLDRenderer, JSONRenderer],
    )
    def claim_review(self, request: Request, pk: str) -> Response:
        versions = list(selectors.frozen_versions().filter(claim_id=pk).order_by("-number"))
        if not versions:
            raise APIError(
                status_code=404,
                code="not_published",
                message="This claim has no published verdict, so it has no ClaimReview.",
            )
        latest = versions[0]
        if latest.state == Verdict.State.RETRACTED:
            raise APIError(
                status_code=410,
                code="retracted",
                message=f"This fact-check was retracted on {latest.retracted_at:%Y-%m-%d}: "
                f"{latest.retraction_note} Its ClaimReview is withdrawn; the public page "
                "keeps the retraction notice.",
                retracted_at=latest.retracted_at,
                url=fact_check_url(latest.claim_id),
            )
        first = min(v.published_at for v in versions)
        return Response(claim_review(latest, first_published_at=first))

    @extend_schema(
        parameters=[
            OpenApiParameter("text", str, required=True, description="The claim to look up."),
            OpenApiParameter("limit", int, required=False, description="1 to 50, default 10."),
        ],
        responses={200: MatchSerializer(many=True)},
    )
    @action(detail=False, methods=["get"], pagination_class=None, filter_backends=[])
    def match(self, request: Request) -> Response:
        """Existing claims most similar to a text, best first, with their published verdicts."""
        text = request.query_params.get("text", "").strip()
        if len(text) < 3:
            raise APIError(
                status_code=400,
                code="invalid",
                message="Give the claim to look up as ?text=... (at least 3 characters).",
                errors=[{"field": "text", "code": "required", "message": "At least 3 characters."}],
            )
        if len(text) > 2000:
            raise APIError(
                status_code=400,
                code="invalid",
                message="The text to match is too long: send at most 2000 characters.",
                errors=[{"field": "text", "code": "max_length", "message": "At most 2000."}],
            )
        try:
            limit = int(request.query_params.get("limit", "10"))
        except ValueError:
            limit = 0
        if not 1 <= limit <= 50:
            raise APIError(
                status_code=400,
                code="invalid",
                message="limit must be a whole number from 1 to 50.",
                errors=[{"field": "limit", "code": "invalid", "message": "1 to 50."}],
            )
        claims = selectors.claim_match(text, limit=limit)
        published: dict[int, list[Verdict]] = defaultdict(list)
        for verdict in (
            selectors.published_versions()
            .filter(claim__in=[claim.pk for claim in claims])
            .order_by("-number")
        ):
            published[verdict.claim_id].append(verdict)
        for claim in claims:
            claim.published_versions = published[claim.pk]
        context = self.get_serializer_context()
        return Response(MatchSerializer(claims, many=True, context=context).data)


class EvidenceViewSet(
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """One evidence item: change its stance, excerpt or note, or remove it, until publication."""

    lookup_value_regex = ID_PATTERN
    permission_classes = [DeskOnly]
    serializer_class = EvidenceSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> QuerySet[Evidence]:
        return Evidence.objects.select_related("source", "added_by", "claim")

    def partial_update(self, request: Request, pk: str) -> Response:
        evidence = self.get_object()
        serializer = EvidenceSerializer(evidence, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        evidence = services.evidence_update(
            evidence=evidence, actor=request.user, data=serializer.validated_data
        )
        return Response(EvidenceSerializer(self.get_queryset().get(pk=evidence.pk)).data)

    def destroy(self, request: Request, pk: str) -> Response:
        services.evidence_delete(evidence=self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=AcceptSuggestionSerializer, responses={200: EvidenceSerializer})
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk: str) -> Response:
        """Accept a suggested source as evidence, with a stance."""
        serializer = AcceptSuggestionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        evidence = services.evidence_accept_suggestion(
            evidence=self.get_object(),
            actor=request.user,
            stance=serializer.validated_data["stance"],
            excerpt=serializer.validated_data.get("excerpt"),
        )
        return Response(EvidenceSerializer(self.get_queryset().get(pk=evidence.pk)).data)

    @extend_schema(request=None, responses={200: EvidenceSerializer})
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str) -> Response:
        """Reject a suggested source; discovery never suggests it for this claim again."""
        evidence = services.evidence_reject_suggestion(
            evidence=self.get_object(), actor=request.user
        )
        return Response(EvidenceSerializer(self.get_queryset().get(pk=evidence.pk)).data)


class VerdictFilter(filters.FilterSet):
    updated_after = UpdatedAfterFilter(field_name="updated_at", lookup_expr="gt")
    rating = filters.ChoiceFilter(choices=Rating.choices)
    state = filters.MultipleChoiceFilter(choices=[(s, s) for s in selectors.PUBLIC_VERDICT_STATES])

    class Meta:
        model = Verdict
        fields = ["updated_after", "rating", "state"]


class ConditionalListMixin:
    """ETag from the newest public verdict change and the request; 304 on a match.

    The newest change to any public version (one index scan on verdict_feed) names the state of
    every list built from them: each verdict write sets updated_at, versions are never deleted,
    and one leaving a list (a retraction) is itself a change. The rest of the tag is what else
    the body depends on: the view, the full path (filters, cursor, page_size, ?format=) and the
    media type negotiated from Accept. Nothing in these lists depends on who asks.
    """

    _etag: str | None = None  # computed by the early check, reused by list()

    def list_etag(self, request: Request, media_type: str) -> str:
        return etag_for(
            type(self).__name__,
            selectors.newest_public_change(),
            request.get_full_path(),
            media_type,
        )

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = self._not_modified_early(request, *args, **kwargs)
        if response is not None:
            return response
        return super().dispatch(request, *args, **kwargs)

    def _not_modified_early(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponseBase | None:
        """The 304 of a public feed, answered before DRF authenticates, throttles and filters.

        Pollers mostly hold the current tag, and the answer is the same for everyone, so it
        costs the one query that proves the tag current. A private feed (CLAIMS_PUBLIC_FEED
        off) never takes this path: its clients are authenticated first, in DRF's dispatch.
        Only an exact tag does: "*" matches any URL, so it waits for the filters to be
        validated (a bad filter still gets its 400). Anything else returns None and goes the
        usual way; content negotiation is DRF's own, so a 406 stays a 406.
        """
        if request.method not in ("GET", "HEAD") or not PublicFeed.public_read():
            return None
        header = request.headers.get("If-None-Match", "").strip()
        if not header or header == "*":
            return None
        self.args, self.kwargs = args, kwargs
        drf_request = self.initialize_request(request, *args, **kwargs)
        self.request = drf_request
        self.headers = self.default_response_headers
        self.format_kwarg = self.get_format_suffix(**kwargs)
        try:
            renderer, media_type = self.perform_content_negotiation(drf_request)
        except exceptions.NotAcceptable:
            return None
        drf_request.accepted_renderer, drf_request.accepted_media_type = renderer, media_type
        self._etag = self.list_etag(drf_request, renderer.media_type)
        if not not_modified(drf_request, self._etag):
            return None
        return self.finalize_response(
            drf_request, _not_modified_response(self._etag), *args, **kwargs
        )

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        etag = self._etag or self.list_etag(request, request.accepted_renderer.media_type)
        wildcard = request.headers.get("If-None-Match", "").strip() == "*"
        # A 304 costs no filtering and no serialization. An exact tag was only ever given to a
        # 200 for this very URL, so its filters were valid; "*" waits for them.
        if not wildcard and not_modified(request, etag):
            return _not_modified_response(etag)
        # The tag names the body (the public versions' state, the path, the media type), so a
        # page built once for it is served again from the cache until the feed changes: pollers
        # without a tag, and the many clients asking for the same first page, cost one query.
        # The absolute URL is in the key too: the page's next/previous links carry the host.
        # An exact page was only ever cached for a 200, so its filters were valid.
        timeout = settings.API_FEED_CACHE_SECONDS
        key = f"feed-page:{etag_for(etag, request.build_absolute_uri())}" if timeout else None
        if key and not wildcard and (data := cache.get(key)) is not None:
            response = Response(data)
            response["ETag"] = etag
            return response
        queryset = self.filter_queryset(self.get_queryset())
        if wildcard:
            return _not_modified_response(etag)
        page = self.paginate_queryset(queryset)
        response = self.get_paginated_response(self.page_data(page))
        response["ETag"] = etag
        if key:
            # Plain containers: DRF's ReturnList holds its serializer, which must not be pickled.
            cache.set(key, {**response.data, "results": list(response.data["results"])}, timeout)
        return response

    def page_data(self, page: list) -> list:
        return self.get_serializer(page, many=True).data


class VerdictFeedViewSet(ConditionalListMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The feed REST clients poll: published verdict versions, newest change first."""

    permission_classes = [PublicFeed]
    serializer_class = PublishedVerdictSerializer
    pagination_class = FeedPagination
    filterset_class = VerdictFilter
    filter_backends = [filters.DjangoFilterBackend]

    def get_queryset(self) -> QuerySet[Verdict]:
        return selectors.verdict_feed()

    def page_data(self, page: list) -> list:
        # The schema (serializer_class) and the body are the same shape; this one is built from
        # verdict_feed()'s flat rows.
        return PublishedVerdictFeedSerializer(page, many=True).data


CLAIM_REVIEW_PAGE = inline_serializer(
    name="ClaimReviewPage",
    fields={
        "next": serializers.CharField(allow_null=True),
        "previous": serializers.CharField(allow_null=True),
        "results": serializers.ListField(child=serializers.DictField()),
    },
)


class ClaimReviewFeedViewSet(ConditionalListMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """ClaimReview JSON-LD for every currently published verdict, newest change first."""

    permission_classes = [PublicFeed]
    pagination_class = FeedPagination
    renderer_classes = [JSONLDRenderer, JSONRenderer]
    filterset_class = VerdictFilter
    filter_backends = [filters.DjangoFilterBackend]
    serializer_class = PublishedVerdictSerializer  # for the schema; the body is ClaimReview

    def get_queryset(self) -> QuerySet[Verdict]:
        return selectors.claim_review_feed()

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
        return [claim_review(v, first_published_at=firsts.get(v.claim_id)) for v in page]


class ArticleViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Articles: the stored sources that claims are extracted from."""

    lookup_value_regex = ID_PATTERN
    permission_classes = [CanRead]
    serializer_class = ArticleSerializer
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        return selectors.article_list()

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        article = self.get_object()
        data = ArticleSerializer(article).data
        claims = selectors.claim_list().filter(snapshot__source=article).order_by("start", "id")
        data["claims"] = ClaimSerializer(
            claims, many=True, context=self.get_serializer_context()
        ).data
        return Response(data)

    @extend_schema(request=ArticleCreateSerializer, responses={201: ArticleSerializer})
    def create(self, request: Request) -> Response:
        """Text and HTML are extracted at once (201 with the claims); a URL alone is fetched in
        the background (202, status "pending")."""
        serializer = ArticleCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            if data.get("text") or data.get("html"):
                try:
                    document = services.document_read(
                        content=data.get("text") or data["html"],
                        format="text" if data.get("text") else "html",
                        url=data.get("url", ""),
                    )
                except InputError as exc:
                    field = "text" if data.get("text") else "html"
                    raise APIError(
                        status_code=400,
                        code="invalid",
                        message=str(exc),
                        errors=[{"field": field, "code": "no_article_text", "message": str(exc)}],
                    ) from exc
                result = services.article_ingest(
                    document=document,
                    raw=data.get("text") or data.get("html"),
                    url=data.get("url", ""),
                    title=data["title"],
                    published_at=data["published_at"],
                    min_score=data["min_checkworthiness"],
                    actor=request.user,
                )
                article = self.get_queryset().get(pk=result.article.pk)
                body = ArticleSerializer(article).data
                claims = (
                    selectors.claim_list().filter(snapshot=result.snapshot).order_by("start", "id")
                )
                body["created"] = result.created
                body["claims"] = ClaimSerializer(
                    claims, many=True, context=self.get_serializer_context()
                ).data
                return Response(body, status=status.HTTP_201_CREATED)
            article = services.article_ingest_url(
                url=data["url"],
                title=data["title"],
                published_at=data["published_at"],
                actor=request.user,
            )
        except InvalidURL as exc:
            raise APIError(
                status_code=400,
                code="invalid",
                message=str(exc),
                errors=[{"field": "url", "code": "invalid_url", "message": str(exc)}],
            ) from exc
        body = ArticleSerializer(self.get_queryset().get(pk=article.pk)).data
        return Response(body, status=status.HTTP_202_ACCEPTED)
