"""Articles: the stored sources claims are extracted from; list, read with their claims, and
ingest (pasted text or HTML at once, a URL in the background)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from claims import selectors, services
from claims.api.permissions import CanRead
from claims.api.serializers import ArticleCreateSerializer, ArticleSerializer, ClaimSerializer
from claims.extraction import InputError
from config.api import ID_PATTERN, APIError, KnownQueryParametersMixin
from sources.normalize import InvalidURL


class ArticleViewSet(
    KnownQueryParametersMixin,
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
                return self._ingest_content(request, data)
            return self._ingest_url(request, data)
        except InvalidURL as exc:
            raise APIError(
                status_code=400,
                code="invalid",
                message=str(exc),
                errors=[{"field": "url", "code": "invalid_url", "message": str(exc)}],
            ) from exc

    def _ingest_content(self, request: Request, data: dict) -> Response:
        """Pasted text or HTML: read, extract and store now; 201 with the claims found."""
        field = "text" if data.get("text") else "html"
        try:
            document = services.document_read(
                content=data[field], format=field, url=data.get("url", "")
            )
        except InputError as exc:
            raise APIError(
                status_code=400,
                code="invalid",
                message=str(exc),
                errors=[{"field": field, "code": "no_article_text", "message": str(exc)}],
            ) from exc
        result = services.article_ingest(
            document=document,
            raw=data[field],
            url=data.get("url", ""),
            title=data["title"],
            published_at=data["published_at"],
            min_score=data["min_checkworthiness"],
            actor=request.user,
        )
        body = ArticleSerializer(self.get_queryset().get(pk=result.article.pk)).data
        claims = selectors.claim_list().filter(snapshot=result.snapshot).order_by("start", "id")
        body["created"] = result.created
        body["claims"] = ClaimSerializer(
            claims, many=True, context=self.get_serializer_context()
        ).data
        return Response(body, status=status.HTTP_201_CREATED)

    def _ingest_url(self, request: Request, data: dict) -> Response:
        """A URL alone: registered now, fetched and extracted in the background; 202."""
        article = services.article_ingest_url(
            url=data["url"],
            title=data["title"],
            published_at=data["published_at"],
            actor=request.user,
        )
        body = ArticleSerializer(self.get_queryset().get(pk=article.pk)).data
        return Response(body, status=status.HTTP_202_ACCEPTED)
