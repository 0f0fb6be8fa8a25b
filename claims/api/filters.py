"""Query filters of the claims API: the claim list's and the verdict feeds'."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField

from claims import public_selectors, selectors
from claims.models import Claim, ClaimStatus, Rating, Verdict


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


class FilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend, which builds no FilterSet for a request that names none of its
    filters (most list and feed requests: a page, a cursor): that FilterSet would validate an
    empty form and hand the queryset back as it was (every filter skips an empty value)."""

    def filter_queryset(self, request: Any, queryset: QuerySet, view: Any) -> QuerySet:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and request.query_params.keys().isdisjoint(
            filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


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
    seen_before = filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_seen_before",
        help_text="true: claims that match a published fact-check (recorded when the claim "
        "was extracted or re-worded) or were attached to one's family; false: the others.",
    )

    class Meta:
        model = Claim
        fields = ["status", "article", "speaker", "rating", "assignee"]

    def filter_assignee(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "me":
            return queryset.filter(assignee=self.request.user)
        return queryset.filter(assignee__username=value)

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return selectors.claim_search(queryset, value)

    def filter_seen_before(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return selectors.claims_seen_before(queryset, value == "true")


class VerdictFilter(filters.FilterSet):
    updated_after = UpdatedAfterFilter(field_name="updated_at", lookup_expr="gt")
    rating = filters.ChoiceFilter(choices=Rating.choices)
    state = filters.MultipleChoiceFilter(
        choices=[(s, s) for s in public_selectors.PUBLIC_VERDICT_STATES]
    )

    class Meta:
        model = Verdict
        fields = ["updated_after", "rating", "state"]
