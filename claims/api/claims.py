"""Claims: list, detail, add by hand, edit, and every action on one claim (workflow moves, the
draft verdict, evidence, discovery, history, published versions, ClaimReview) plus matching a
text against the claims already stored."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.filters import OrderingFilter
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from claims import public_selectors, selectors, services
from claims.api import claim_rows
from claims.api.feeds import JSONLDRenderer
from claims.api.filters import ClaimFilter, FilterBackend
from claims.api.permissions import CanRead, DeskOnly, PublicFeed
from claims.api.serializers import (
    ClaimCreateSerializer,
    ClaimDetailSerializer,
    ClaimSerializer,
    ClaimUpdateSerializer,
    EventSerializer,
    FamilySerializer,
    MatchSerializer,
    TransitionSerializer,
)
from claims.api.verdict_serializers import (
    EvidenceSerializer,
    PublishedVerdictSerializer,
    VerdictDraftSerializer,
)
from claims.claimreview import claim_review, fact_check_url
from claims.matching import match_text
from claims.models import Claim, Verdict
from claims.publication import current_draft, review_tag
from config.api import (
    ID_PATTERN,
    APIError,
    KnownQueryParametersMixin,
    expected_version,
    if_match,
    not_modified,
    not_modified_response,
    version_etag,
)
from sources.normalize import InvalidURL

FAMILY_IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description="The ETag of GET claims/{id}/: refused (412) if the claim changed since; "
    "428 without it.",
)


class ClaimViewSet(
    KnownQueryParametersMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Claims: list, detail, add by hand, edit, and every workflow action."""

    lookup_value_regex = ID_PATTERN
    permission_classes = [CanRead]
    filter_backends = [FilterBackend, OrderingFilter]
    filterset_class = ClaimFilter
    pagination_class = claim_rows.ClaimPagination
    ordering_fields = ["checkworthiness", "updated_at", "created_at", "id", "status"]
    ordering = ["-checkworthiness", "id"]
    action_query_parameters = {"match": frozenset({"text", "limit"})}
    # DELETE only where an action takes it (family/): the claim itself is never deleted.
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

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

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # Filtered and ordered as ever; each row shaped from flat values (claims.api.claim_rows:
        # ClaimSerializer's shape without its walk per row). No docstring: the schema's
        # description of the list stays the viewset's.
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)  # rows: claim_rows.ClaimRowsPaginator
        return self.get_paginated_response(claim_rows.claim_list_data(page, request.user))

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """The claim; its ETag is the review tag (claim version, draft revision, evidence
        state): send it as If-Match to publish exactly what you read."""
        # Two queries (the claim with its draft's revision, its evidence), shaped by hand
        # (claims.api.claim_rows), and the matches only when there are some.
        row = selectors.claim_detail_row(int(self.kwargs["pk"]))
        if row is None:
            raise Http404("No such claim.")
        evidence = selectors.claim_review_evidence(row["id"])
        etag = claim_rows.review_tag(row, evidence)
        if not_modified(request, etag):
            return not_modified_response(etag)
        response = Response(claim_rows.claim_detail_data(row, evidence, request.user))
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
        methods=["POST"],
        request=FamilySerializer,
        responses={200: ClaimDetailSerializer, 428: OpenApiResponse(description="No If-Match.")},
        parameters=[FAMILY_IF_MATCH],
    )
    @extend_schema(
        methods=["DELETE"],
        request=None,
        responses={200: ClaimDetailSerializer, 428: OpenApiResponse(description="No If-Match.")},
        parameters=[FAMILY_IF_MATCH],
    )
    @action(detail=True, methods=["post", "delete"])
    def family(self, request: Request, pk: str) -> Response:
        """Attach the claim to a published fact-check as another occurrence of it (POST
        `{"same_as": 12}`), or detach it (DELETE). Editors only; needs If-Match (the claim's
        ETag). The occurrence then shows the family's verdict (`family_verdict`), its public
        page redirects to the family's, and the family's ClaimReview lists its article.

        Refused: 400 for an unknown `same_as` or the claim itself; 409 when the target has no
        current published fact-check, the claim has a fact-check of its own, other claims are
        occurrences of it, or it already belongs to another family (detach first); 412 when
        the claim changed since the ETag was served.
        """
        claim = self._claim()
        expected_tag = if_match(request)
        if expected_tag is None:
            raise APIError(
                status_code=status.HTTP_428_PRECONDITION_REQUIRED,
                code="precondition_required",
                message="Attaching or detaching a claim needs its ETag as If-Match: GET "
                "claims/{id}/, check it is the claim you mean, then send that ETag.",
            )
        if request.method == "DELETE":
            claim = services.detach_occurrence(claim, actor=request.user, expected_tag=expected_tag)
            return self._respond_claim(claim)
        serializer = FamilySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        claim = services.attach_occurrence(
            claim,
            serializer.validated_data["same_as"],
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
        draft = current_draft(claim)
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
                return not_modified_response(etag)
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
        claim = self._claim()
        services.claim_request_discovery(claim=claim, actor=request.user)
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
        versions = public_selectors.published_versions().filter(claim=claim).order_by("-number")
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
        versions = list(public_selectors.frozen_versions().filter(claim_id=pk).order_by("-number"))
        if not versions:
            head = Claim.objects.filter(pk=pk).values_list("same_as", flat=True).first()
            if head is not None:
                raise APIError(
                    status_code=404,
                    code="not_published",
                    message=f"This claim is another occurrence of claim {head}: its "
                    f"ClaimReview is claims/{head}/claim-review/, which lists this article too.",
                    same_as=head,
                )
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
        occurrences = selectors.occurrences_of([latest.claim_id]).get(latest.claim_id, [])
        return Response(claim_review(latest, first_published_at=first, occurrences=occurrences))

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
        text, limit = _match_query(request)
        # MatchSerializer declares the body (and the schema); claim_match_data shapes it from
        # flat rows, as the claims list does (see claims.api.claim_rows).
        matches = match_text(text, limit=limit)
        return Response(claim_rows.claim_match_data(matches, request.user))


def _match_query(request: Request) -> tuple[str, int]:
    """The text and limit of a match request, or a 400 naming the parameter to fix."""
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
    return text, limit
