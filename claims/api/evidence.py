"""One evidence item: change its stance, excerpt or note, remove it, or review a suggestion
(accept with a stance, or reject). A claim's evidence list and "add evidence" are claim
actions (claims.api.claims)."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from claims import services
from claims.api.permissions import DeskOnly
from claims.api.verdict_serializers import AcceptSuggestionSerializer, EvidenceSerializer
from claims.models import Evidence
from config.api import ID_PATTERN


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

    def _respond(self, evidence: Evidence) -> Response:
        return Response(EvidenceSerializer(self.get_queryset().get(pk=evidence.pk)).data)

    def partial_update(self, request: Request, pk: str) -> Response:
        evidence = self.get_object()
        serializer = EvidenceSerializer(evidence, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        evidence = services.evidence_update(
            evidence=evidence, actor=request.user, data=serializer.validated_data
        )
        return self._respond(evidence)

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
        return self._respond(evidence)

    @extend_schema(request=None, responses={200: EvidenceSerializer})
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str) -> Response:
        """Reject a suggested source; discovery never suggests it for this claim again."""
        evidence = services.evidence_reject_suggestion(
            evidence=self.get_object(), actor=request.user
        )
        return self._respond(evidence)
