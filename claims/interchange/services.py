"""Importing other fact-checkers' ClaimReview: read a document (a file, a URL through the
SSRF-safe fetcher, or content handed over), parse it (claims.interchange.claimreview_import) and
store its reviews as ExternalReview rows, all of them or none, in one short transaction.

`manage.py import_claimreview`, the API's import endpoint and the followed feeds' task
(claims.tasks.import_claimreview_feed) all call claimreview_import; the summary they print or
return is ImportSummary.as_dict().
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from claims.external_models import NAME_LENGTH, ClaimReviewFeed, ExternalReview, FeedImportStatus
from claims.interchange.claimreview_import import (
    DocumentError,
    ParsedReview,
    ParseResult,
    Skipped,
    decode,
    parse_document,
    parse_value,
)
from claims.interchange.jsonld import review_url
from claims.services.checked_before import external_reviews_request_embedding
from sources.fetching import FetchError, fetch
from sources.models import MAX_URL_LENGTH
from sources.normalize import InvalidURL

logger = logging.getLogger(__name__)

# What an imported URL may answer with: a page (its JSON-LD is read) or a JSON document.
IMPORT_CONTENT_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "application/json",
    "application/ld+json",
)
# Feeds' errors kept on the row (the log has the rest).
ERROR_LENGTH = 2000
# Skipped entries kept in a feed's last_result.
FEED_SKIPPED_KEPT = 20


class ImportInputError(Exception):
    """Input no ClaimReview can be read from: a missing file, a refused or failed fetch, a
    document that is neither JSON nor HTML. str() says what to do; `code` is stable."""

    def __init__(self, code: str, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.transient = transient  # a timeout or a failing server: trying later may work


@dataclass
class ImportSummary:
    imported: int = 0
    updated: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    reviews: list[ParsedReview] = field(default_factory=list)
    # The ExternalReview rows written (new and updated), in the order of `reviews`: what a
    # follow-up (embedding them for matching) is sent after commit. Not in as_dict().
    review_ids: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The summary `import_claimreview --format json` prints and the endpoint returns."""
        return {
            "imported": self.imported,
            "updated": self.updated,
            "skipped": [item.as_dict() for item in self.skipped],
            "reviews": [review.summary() for review in self.reviews],
        }


# --- Reading -------------------------------------------------------------------------------


def claimreview_read(
    *, path: str | None = None, url: str | None = None, content: Any = None
) -> tuple[ParseResult, str]:
    """The reviews in a file, at a URL, or in content (JSON or HTML text, bytes, or JSON
    already parsed), and where they came from. No database access: call it outside any
    transaction (a URL is fetched). Raises ImportInputError."""
    limit = settings.CLAIMREVIEW_IMPORT_MAX_REVIEWS
    try:
        if path is not None:
            return parse_document(_read_file(path), max_reviews=limit), path
        if url is not None:
            text, final_url = _fetch(url)
            return parse_document(text, base_url=final_url, max_reviews=limit), final_url
        if isinstance(content, bytes):
            return parse_document(decode(content), max_reviews=limit), ""
        if isinstance(content, str):
            return parse_document(content, max_reviews=limit), ""
        if isinstance(content, dict | list):
            return parse_value(content, max_reviews=limit), ""
    except DocumentError as exc:
        raise ImportInputError("unreadable", str(exc)) from exc
    except RecursionError as exc:
        raise ImportInputError(
            "unreadable", "The document is nested too deeply to read. Give a flatter document."
        ) from exc
    raise ImportInputError(
        "unreadable",
        "Give a ClaimReview document: JSON or HTML as a string, or a JSON object or list.",
    )


def _read_file(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return decode(handle.read())
    except FileNotFoundError as exc:
        raise ImportInputError(
            "file_missing", f"No such file: {path}. Give the path of a JSON or HTML file."
        ) from exc
    except IsADirectoryError as exc:
        raise ImportInputError(
            "unreadable", f"{path} is a directory. Give the path of a JSON or HTML file."
        ) from exc
    except OSError as exc:
        raise ImportInputError("unreadable", f"Cannot read {path}: {exc.strerror}.") from exc


def _fetch(url: str) -> tuple[str, str]:
    """The document at a URL, through the fetcher (its address, port, size and time rules, and
    SOURCES_*), as text, with the URL it was finally read from."""
    try:
        address = review_url(url)
    except InvalidURL as exc:
        raise ImportInputError("invalid_url", str(exc)) from exc
    try:
        result = fetch(address, content_types=IMPORT_CONTENT_TYPES)
    except FetchError as exc:
        raise ImportInputError(
            f"fetch_{exc.code}",
            f"Could not fetch {address}: {exc}",
            transient=not exc.permanent,
        ) from exc
    if result.status != 200:
        raise ImportInputError(
            "fetch_http_error",
            f"{result.final_url} answered HTTP {result.status}: check the address.",
            transient=result.status >= 500 or result.status == 429,
        )
    return decode(result.body, result.charset), result.final_url


# --- Storing -------------------------------------------------------------------------------


def _clip(text: str | None, length: int) -> str:
    if not text:
        return ""
    return text if len(text) <= length else text[: length - 1] + "…"


def _without_nul(value: Any) -> Any:
    """The value with NUL characters removed from every string: PostgreSQL's text and jsonb
    refuse them, and no review means one."""
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    return value


def _published_at(value: str | None) -> datetime | None:
    """The review date as a time, to sort by: a date is its midnight UTC, a time without an
    offset is read as UTC."""
    if not value:
        return None
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time(), tzinfo=UTC)
        moment = datetime.fromisoformat(value)
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


STORED_FIELDS = (
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
    "published_at",
    "claim_date",
    "language",
    "item_author",
    "item_author_type",
    "appearances",
    "raw",
    "imported_from",
    "feed",
    "imported_by",
    "updated_at",
)


def _row(review: ParsedReview, *, imported_from: str, feed, actor) -> ExternalReview:
    name_length = NAME_LENGTH
    clean = _without_nul
    return ExternalReview(
        url=review.url,
        publisher_name=_clip(clean(review.publisher_name), name_length),
        publisher_site=_clip(clean(review.publisher_site), name_length),
        claim_reviewed=clean(review.claim_reviewed) or "",
        title=clean(review.title) or "",
        rating_name=clean(review.rating_name) or "",
        rating_value=review.rating_value,
        best_rating=review.best_rating,
        worst_rating=review.worst_rating,
        rating=review.rating or "",
        date_published=review.date_published or "",
        published_at=_published_at(review.date_published),
        claim_date=review.claim_date or "",
        language=review.language or "",
        item_author=_clip(clean(review.item_author), name_length),
        item_author_type=review.item_author_type or "",
        appearances=[url for url in review.appearances if len(url) <= MAX_URL_LENGTH],
        raw=clean(review.raw),
        imported_from=_clip(imported_from, MAX_URL_LENGTH),
        feed=feed,
        imported_by=actor if actor is not None and actor.is_authenticated else None,
    )


@transaction.atomic
def external_reviews_store(
    *, parsed: ParseResult, imported_from: str = "", actor=None, feed=None
) -> ImportSummary:
    """Store parsed reviews: a new URL is imported, a known one updated with what the source
    says now (all columns, missing values emptied). One transaction: all rows or none."""
    summary = ImportSummary(skipped=list(parsed.skipped))
    reviews = []
    for review in parsed.reviews:
        if len(review.url) > MAX_URL_LENGTH:
            summary.skipped.append(
                Skipped(f"url longer than {MAX_URL_LENGTH} characters", review.where)
            )
        else:
            reviews.append(review)
    urls = [review.url for review in reviews]
    known: set[str] = set()
    for start in range(0, len(urls), 500):
        known.update(
            ExternalReview.objects.filter(url__in=urls[start : start + 500]).values_list(
                "url", flat=True
            )
        )
    rows = [_row(review, imported_from=imported_from, feed=feed, actor=actor) for review in reviews]
    # One upsert per batch: a review another import stored meanwhile is updated, not doubled.
    stored = ExternalReview.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["url"],
        update_fields=list(STORED_FIELDS),
    )
    summary.reviews = reviews
    summary.review_ids = [row.pk for row in stored]
    summary.updated = sum(1 for url in urls if url in known)
    summary.imported = len(urls) - summary.updated
    # After commit, the nlp queue embeds them and matches open claims against them.
    external_reviews_request_embedding(summary.review_ids)
    return summary


def claimreview_import(
    *,
    path: str | None = None,
    url: str | None = None,
    content: Any = None,
    actor=None,
    feed: ClaimReviewFeed | None = None,
) -> ImportSummary:
    """Read (outside the transaction: a URL is fetched) and store. Raises ImportInputError
    for input no ClaimReview can be read from; nothing is stored then."""
    parsed, origin = claimreview_read(path=path, url=url, content=content)
    try:
        return external_reviews_store(parsed=parsed, imported_from=origin, actor=actor, feed=feed)
    except RecursionError as exc:  # a review nested too deeply to store as JSON
        raise ImportInputError(
            "unreadable", "A review is nested too deeply to store. Give a flatter document."
        ) from exc


# --- Followed feeds ------------------------------------------------------------------------


def claimreview_feed_import(*, feed_id: int) -> str | None:
    """Import one followed feed now and record the outcome on it (time, counts or error);
    returns the status recorded (FeedImportStatus), None when the feed is gone or disabled.

    Any failure of the import is recorded, never raised, so that one bad feed cannot stop the
    others: the scheduled sweep (claims.import_claimreview_feeds) sends one task per feed.
    """
    feed = ClaimReviewFeed.objects.filter(pk=feed_id, enabled=True).first()
    if feed is None:
        logger.info("claimreview feed %s is gone or disabled; nothing to import", feed_id)
        return None
    summary = None
    try:
        summary = claimreview_import(url=feed.url, feed=feed)
    except ImportInputError as exc:
        error = str(exc)
        logger.warning("claimreview feed %s (%s): %s", feed.pk, feed.url, error)
    except Exception as exc:
        error = f"Unexpected error ({type(exc).__name__}): {exc}"
        logger.exception("claimreview feed %s (%s) failed", feed.pk, feed.url)
    if summary is None:
        changes = {"last_status": FeedImportStatus.FAILED, "last_error": _clip(error, ERROR_LENGTH)}
    else:
        changes = {
            "last_status": FeedImportStatus.OK,
            "last_error": "",
            "last_result": {
                "imported": summary.imported,
                "updated": summary.updated,
                "skipped": len(summary.skipped),
                "skipped_first": [item.as_dict() for item in summary.skipped][:FEED_SKIPPED_KEPT],
            },
        }
    now = timezone.now()
    ClaimReviewFeed.objects.filter(pk=feed.pk).update(last_import_at=now, updated_at=now, **changes)
    return changes["last_status"]
