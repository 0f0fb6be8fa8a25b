"""Other fact-checkers' reviews (read-only: they change only by importing again) and the
ClaimReview feeds to follow (editors add, change and remove them; the hourly task
claims.import_claimreview_feeds imports them, and "Import now" does it at once).

Who may do what is decided here from the desk roles (claims.workflow), like the workflow's
actions, not from model permissions: every desk member reads, editors manage the feeds.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.text import Truncator

from claims.external_models import ClaimReviewFeed, ExternalReview
from claims.interchange import services
from claims.interchange.jsonld import review_url
from claims.models import Rating
from claims.workflow import EDITOR, is_desk_member, user_roles
from sources.normalize import InvalidURL


def _is_editor(request: HttpRequest) -> bool:
    return EDITOR in user_roles(request.user)


class OurRatingFilter(admin.SimpleListFilter):
    """ExternalReview.rating holds Rating values without declaring them as choices (its module
    cannot import claims.models): the filter names them."""

    title = "our rating"
    parameter_name = "rating"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [*Rating.choices, ("none", "No clear mapping")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value == "none":
            return queryset.filter(rating="")
        return queryset.filter(rating=value) if value else queryset


@admin.register(ExternalReview)
class ExternalReviewAdmin(admin.ModelAdmin):
    """Read-only: a review changes only when its publisher's ClaimReview is imported again."""

    list_display = ("claim", "publisher", "rating_shown", "language", "date_published", "link")
    list_filter = (OurRatingFilter, "language", "publisher_name", "feed")
    search_fields = (
        "claim_reviewed",
        "publisher_name",
        "publisher_site",
        "rating_name",
        "item_author",
        "url",
    )
    ordering = ("-published_at", "-id")
    list_per_page = 50
    fields = readonly_fields = (
        "link",
        "publisher_name",
        "publisher_site",
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
        "imported_from",
        "feed",
        "imported_by",
        "created_at",
        "updated_at",
        "original",
    )

    def has_view_permission(self, request: HttpRequest, obj: ExternalReview | None = None) -> bool:
        return is_desk_member(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: ExternalReview | None = None
    ) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: ExternalReview | None = None
    ) -> bool:
        return False

    @admin.display(description="Claim reviewed", ordering="claim_reviewed")
    def claim(self, review: ExternalReview) -> str:
        return Truncator(review.claim_reviewed or review.title or "(no claim text)").chars(100)

    @admin.display(description="Publisher", ordering="publisher_name")
    def publisher(self, review: ExternalReview) -> str:
        return review.publisher_name or review.publisher_site

    @admin.display(description="Rating", ordering="rating_name")
    def rating_shown(self, review: ExternalReview) -> str:
        name = Truncator(review.rating_name or "-").chars(60)
        if review.rating in Rating.values:
            return f"{name} ({Rating(review.rating).label})"
        return name

    @admin.display(description="Review")
    def link(self, review: ExternalReview) -> str:
        return format_html(
            '<a href="{}" rel="nofollow noopener" target="_blank">{}</a>',
            review.url,
            Truncator(review.url).chars(60),
        )

    @admin.display(description="Original JSON")
    def original(self, review: ExternalReview) -> str:
        return format_html(
            '<pre style="white-space: pre-wrap">{}</pre>',
            json.dumps(review.raw, ensure_ascii=False, indent=2),
        )


class ClaimReviewFeedForm(forms.ModelForm):
    # An address without a scheme is read as https, as the importer reads review URLs.
    url = forms.URLField(
        max_length=ClaimReviewFeed._meta.get_field("url").max_length, assume_scheme="https"
    )

    class Meta:
        model = ClaimReviewFeed
        fields = ("url", "name", "enabled")

    def clean_url(self) -> str:
        try:
            return review_url(self.cleaned_data["url"])
        except InvalidURL as exc:
            raise forms.ValidationError(str(exc)) from exc


@admin.register(ClaimReviewFeed)
class ClaimReviewFeedAdmin(admin.ModelAdmin):
    """Feeds to follow: imported every hour (claims.import_claimreview_feeds) while enabled."""

    form = ClaimReviewFeedForm
    list_display = ("__str__", "url", "enabled", "last_import_at", "last_status", "outcome")
    list_filter = ("enabled", "last_status")
    search_fields = ("name", "url")
    readonly_fields = ("last_import_at", "last_status", "last_result", "last_error")
    actions = ["import_now"]

    def get_fields(self, request: HttpRequest, obj: ClaimReviewFeed | None = None) -> list[str]:
        return ["url", "name", "enabled", *(self.readonly_fields if obj else ())]

    def has_view_permission(self, request: HttpRequest, obj: ClaimReviewFeed | None = None) -> bool:
        return is_desk_member(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _is_editor(request)

    def has_change_permission(
        self, request: HttpRequest, obj: ClaimReviewFeed | None = None
    ) -> bool:
        return _is_editor(request)

    def has_delete_permission(
        self, request: HttpRequest, obj: ClaimReviewFeed | None = None
    ) -> bool:
        return _is_editor(request)

    def has_import_permission(self, request: HttpRequest) -> bool:
        return _is_editor(request)

    @admin.display(description="Last result")
    def outcome(self, feed: ClaimReviewFeed) -> str:
        if feed.last_error:
            return Truncator(feed.last_error).chars(120)
        result = feed.last_result or {}
        if not result:
            return "-"
        return (
            f"{result.get('imported', 0)} imported, {result.get('updated', 0)} updated, "
            f"{result.get('skipped', 0)} skipped"
        )

    @admin.action(description="Import the selected feeds now", permissions=["import"])
    def import_now(self, request: HttpRequest, queryset: QuerySet[ClaimReviewFeed]) -> None:
        # The same service as the hourly task: each feed's outcome is recorded on its row.
        for feed in queryset.filter(enabled=True):
            status = services.claimreview_feed_import(feed_id=feed.pk)
            feed.refresh_from_db()
            if status == "ok":
                self.message_user(request, f"{feed}: {self.outcome(feed)}.", messages.SUCCESS)
            else:
                self.message_user(request, f"{feed}: {feed.last_error}", messages.ERROR)
        disabled = queryset.filter(enabled=False).count()
        if disabled:
            self.message_user(
                request,
                f"{disabled} disabled feed(s) skipped: enable a feed to import it.",
                messages.WARNING,
            )
