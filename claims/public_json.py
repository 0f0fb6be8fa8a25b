"""The public shape of one published verdict version, as the verdicts/ feed serves it and
webhooks send it (`data`), shaped by hand from the flat rows of public_selectors.verdict_feed_rows()
and public_selectors.verdict_feed_citations().

Shaped by hand: the feed shapes 50 to 200 versions a page, each with its claim, article and
citations, and DRF's walk over ~35 fields per version was a third of the page's time. The API's
PublishedVerdictSerializer declares the fields and the schema, and two tests hold these
functions to it (tests/claims/test_feed_api.py: the feed's rows and a webhook's payload).
Outside the API so that the services (webhook payloads) can build it too.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Any

from django.utils import timezone
from rest_framework.fields import DateTimeField

from claims.claimreview import fact_check_url
from claims.models import Verdict

_DATETIME = DateTimeField(read_only=True)


def output_timezone() -> tzinfo:
    """The current time zone, for iso_datetime(): when it is UTC, Python's own fixed UTC, the
    time zone the database's datetimes arrive in (converting to it is then free, and the text
    is the same)."""
    tz = timezone.get_current_timezone()
    return UTC if getattr(tz, "key", None) == "UTC" else tz


def iso_datetime(value: datetime | None, tz: tzinfo) -> str | None:
    """A datetime as DRF's DateTimeField shows it (ISO 8601 in `tz`, the current time zone,
    with "Z" for UTC), without looking the time zone up again for every value."""
    if value is None:
        return None
    if value.tzinfo is None:  # not from an aware database: let DRF decide
        return _DATETIME.to_representation(value)
    text = value.astimezone(tz).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def rating_labels() -> dict[str, str]:
    """Each rating's label in the current language, as Verdict.get_rating_display() gives it."""
    return {value: str(label) for value, label in Verdict._meta.get_field("rating").flatchoices}


def article_json(
    article_id: int | None,
    *,
    title: str,
    url: str,
    publisher: str,
    published_at: datetime | None,
    tz: tzinfo,
) -> dict[str, Any] | None:
    """An article as the API shows it inside a claim (ArticleRefSerializer's shape); None
    for a claim without one. A public version passes its frozen appearance, the desk's claim
    bodies the live source."""
    if article_id is None:
        return None
    return {
        "id": article_id,
        "title": title,
        "url": url,
        "publisher": publisher,
        "published_at": iso_datetime(published_at, tz),
    }


def public_verdict_row(
    row: dict[str, Any],
    citations: list[dict[str, Any]],
    *,
    tz: tzinfo,
    labels: dict[str, str],
) -> dict[str, Any]:
    """One version from public_selectors.verdict_feed_rows() and its citations (from
    public_selectors.verdict_feed_citations()), as the public reads it: the one shape of a public
    version (the feed's, and a webhook's `data`)."""
    article = article_json(
        row["article_id"],
        title=row["appearance_headline"],
        url=row["appearance_url"],
        publisher=row["appearance_publisher"],
        published_at=row["appearance_published_at"],
        tz=tz,
    )
    rating = row["rating"]
    return {
        "id": row["id"],
        "claim": {
            "id": row["claim_id"],
            "text": row["claim_text"],
            "speaker": row["claim_speaker"],
            "speaker_type": row["claim_speaker_type"],
            "article": article,
        },
        "version": row["number"],
        "url": fact_check_url(row["claim_id"], row["number"]),
        "state": row["state"],
        "rating": rating,
        "rating_label": labels.get(rating, rating),
        "conclusion": row["conclusion"],
        "explanation": row["explanation"],
        "reviewer": row["reviewer_username"],
        "published_at": iso_datetime(row["published_at"], tz),
        "updated_at": iso_datetime(row["updated_at"], tz),
        "correction_note": row["correction_note"],
        "correction_changes": row["correction_changes"],
        "retracted_at": iso_datetime(row["retracted_at"], tz),
        "retraction_note": row["retraction_note"],
        "citations": [
            {
                "source_url": citation["source_url"],
                "source_title": citation["source_title"],
                "stance": citation["stance"],
                "excerpt": citation["excerpt"],
                "snapshot_id": citation["snapshot_id"],
                "archived_at": iso_datetime(citation["archived_at"], tz),
                "without_archive_reason": citation["without_archive_reason"],
            }
            for citation in citations
        ],
    }
