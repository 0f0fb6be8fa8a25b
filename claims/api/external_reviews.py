"""Other fact-checkers' verdicts, imported from their ClaimReview: list (filters publisher,
language, rating, q), read one, and import a document or a URL (editors)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from claims.api.filters import UpdatedAfterFilter
from claims.api.permissions import CanRead
from claims.external_models import ExternalReview
from claims.interchange import selectors
from claims.interchange.services import ImportInputError, claimreview_import
from claims.models import Rating
from claims.workflow import EDITOR, user_roles
from config.api import (
    ID_PATTERN,
    APIError,
    KnownQueryParametersMixin,
    StrictCharField,
    StrictSerializer,
)
from config.openapi import request_rule
from sources.models import MAX_URL_LENGTH


class EditorsOnly(BasePermission):
    message = "Only editors can import other fact-checkers' reviews."

    def has_permission(self, request: Request, view: Any) -> bool:
        return EDITOR in user_roles(request.user)


class RatingNumberField(serializers.FloatField):
    """A rating number as the source gave it: 1, not 1.0."""

    def to_representation(self, value: float) -> int | float:
        number = float(value)
        return int(number) if number.is_integer() else number


class PublisherSerializer(serializers.Serializer):
    name = serializers.CharField(allow_null=True)
    site = serializers.CharField(allow_null=True, help_text="Host name, without www.")


@extend_schema_field(PublisherSerializer)
class PublisherField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, review: ExternalReview) -> dict[str, str | None]:
        return {"name": review.publisher_name or None, "site": review.publisher_site or None}


# Empty in the database, null in the API: "the source did not say".
BLANK_AS_NULL = (
    "claim_reviewed",
    "title",
    "rating_name",
    "rating",
    "date_published",
    "claim_date",
    "language",
    "item_author",
    "item_author_type",
)


class ExternalReviewSerializer(serializers.ModelSerializer):
    """Another fact-checker's review, as last imported. Values the source did not give are
    null; `rating` is ours when the publisher's `rating_name` maps to it clearly."""

    publisher = PublisherField()
    claim_reviewed = serializers.CharField(allow_null=True)
    title = serializers.CharField(allow_null=True)
    rating_name = serializers.CharField(
        allow_null=True, help_text="The publisher's textual rating, as given."
    )
    rating_value = RatingNumberField(allow_null=True)
    best_rating = RatingNumberField(allow_null=True)
    worst_rating = RatingNumberField(allow_null=True)
    rating = serializers.ChoiceField(choices=Rating.choices, allow_null=True)
    date_published = serializers.CharField(
        allow_null=True, help_text="ISO 8601, a date or a date and time, as the source gave it."
    )
    claim_date = serializers.CharField(allow_null=True)
    language = serializers.CharField(allow_null=True)
    item_author = serializers.CharField(allow_null=True, help_text="Who made the claim.")
    item_author_type = serializers.CharField(allow_null=True)
    appearances = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = ExternalReview
        fields = [
            "id",
            "url",
            "publisher",
            "claim_reviewed",
            "title",
            "rating_name",
            "rating_value",
            "best_rating",
            "worst_rating",
            "rating",
            "date_published",
            "claim_date",
            "language",
            "item_author",
            "item_author_type",
            "appearances",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def to_representation(self, instance: ExternalReview) -> dict[str, Any]:
        data = super().to_representation(instance)
        for name in BLANK_AS_NULL:
            if data.get(name) == "":
                data[name] = None
        return data


class ExternalReviewDetailSerializer(ExternalReviewSerializer):
    """Another fact-checker's review, with the source's JSON for it verbatim (`original`)."""

    original = serializers.JSONField(source="raw", read_only=True)
    imported_from = serializers.CharField(read_only=True)

    class Meta(ExternalReviewSerializer.Meta):
        fields = [*ExternalReviewSerializer.Meta.fields, "imported_from", "original"]
        read_only_fields = fields


@request_rule(
    "ExternalReviewImportRequest",
    "Give `url` (fetched by the server) or `document` (the JSON or HTML itself), not both.",
)
class ExternalReviewImportSerializer(StrictSerializer):
    """ClaimReview to import: a URL the server fetches, or the document itself. Accepted: a
    DataCommons feed, a Google Fact Check Tools claims:search response, an HTML page with
    ClaimReview JSON-LD, bare ClaimReview JSON-LD, or any JSON holding ClaimReview objects."""

    url = StrictCharField(
        required=False,
        max_length=MAX_URL_LENGTH,
        help_text="An http(s) address; one without a scheme is read as https.",
    )
    document = serializers.JSONField(
        required=False,
        help_text="The document: JSON or HTML as a string, or a JSON object or list.",
    )

    def validate(self, attrs: dict) -> dict:
        if "url" in attrs and "document" in attrs:
            raise serializers.ValidationError({"document": "Give a url or a document, not both."})
        if "url" not in attrs and "document" not in attrs:
            raise serializers.ValidationError(
                {"url": "Give the url of a ClaimReview document, or the document itself."}
            )
        return attrs


class SkippedSerializer(serializers.Serializer):
    reason = serializers.CharField()
    where = serializers.CharField(help_text="Where in the input: a path such as $.data[3].")


class ImportedReviewSerializer(serializers.Serializer):
    url = serializers.CharField()
    claim_reviewed = serializers.CharField(allow_null=True)
    rating_name = serializers.CharField(allow_null=True)
    rating_value = serializers.FloatField(allow_null=True)
    author = serializers.CharField(allow_null=True, help_text="The publishing organisation.")
    date_published = serializers.CharField(allow_null=True)
    item_author = serializers.CharField(allow_null=True, help_text="Who made the claim.")
    language = serializers.CharField(allow_null=True)


class ImportSummarySerializer(serializers.Serializer):
    """What an import did: new reviews, reviews updated (a URL already stored), what was
    skipped and why, and the reviews read (as `manage.py import_claimreview --format json`)."""

    imported = serializers.IntegerField()
    updated = serializers.IntegerField()
    skipped = SkippedSerializer(many=True)
    reviews = ImportedReviewSerializer(many=True)


class ExternalReviewFilter(filters.FilterSet):
    publisher = filters.CharFilter(
        method="filter_publisher", help_text="A publisher's name or site (africacheck.org)."
    )
    language = filters.CharFilter(
        method="filter_language", help_text="A language tag: pt finds pt and pt-BR."
    )
    rating = filters.ChoiceFilter(choices=Rating.choices, help_text="Our rating.")
    q = filters.CharFilter(method="filter_q", help_text="Text in the claim reviewed.")
    updated_after = UpdatedAfterFilter(field_name="updated_at", lookup_expr="gt")

    class Meta:
        model = ExternalReview
        fields = ["publisher", "language", "rating", "q", "updated_after"]

    def filter_publisher(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return selectors.external_reviews_by_publisher(queryset, value)

    def filter_language(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return selectors.external_reviews_in_language(queryset, value)

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return selectors.external_review_search(queryset, value)


class ExternalReviewViewSet(
    KnownQueryParametersMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Other fact-checkers' verdicts, imported from their ClaimReview."""

    lookup_value_regex = ID_PATTERN
    filter_backends = [filters.DjangoFilterBackend]
    filterset_class = ExternalReviewFilter
    http_method_names = ["get", "post", "head", "options"]

    def get_permissions(self) -> list[BasePermission]:
        if self.action == "import_reviews":
            return [EditorsOnly()]
        return [CanRead()]

    def get_queryset(self) -> QuerySet[ExternalReview]:
        if self.action == "retrieve":
            return selectors.external_review_detail()
        return selectors.external_review_list()

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        if self.action == "retrieve":
            return ExternalReviewDetailSerializer
        return ExternalReviewSerializer

    @extend_schema(request=ExternalReviewImportSerializer, responses={201: ImportSummarySerializer})
    @action(detail=False, methods=["post"], url_path="import", url_name="import")
    def import_reviews(self, request: Request) -> Response:
        """Import the ClaimReview in a document or at a URL: new reviews are added, known ones
        (the same review URL) updated; all or nothing. 400 when nothing can be read."""
        serializer = ExternalReviewImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        field = "url" if "url" in data else "document"
        try:
            if field == "url":
                summary = claimreview_import(url=data["url"], actor=request.user)
            else:
                summary = claimreview_import(content=data["document"], actor=request.user)
        except ImportInputError as exc:
            raise APIError(
                status_code=status.HTTP_400_BAD_REQUEST,
                code="invalid",
                message=exc.message,
                errors=[{"field": field, "code": exc.code, "message": exc.message}],
            ) from exc
        return Response(summary.as_dict(), status=status.HTTP_201_CREATED)
