"""The public shape of one published verdict version, as the verdicts/ feed serves it and
webhooks send it (`data`), shaped by hand from the flat rows of selectors.verdict_feed().

Shaped by hand: the feed shapes 50 to 200 versions a page, each with its claim, article and
citations, and DRF's walk over ~35 fields per version was a third of the page's time. The API's
PublishedVerdictSerializer declares the fields and the schema, and
test_feed_shape_matches_the_published_verdict_serializer holds this function to them. Outside
the API so that the services (webhook payloads) can build it too.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from django.utils import timezone
from rest_framework.fields import DateTimeField

from claims.claimreview import fact_check_url
from claims.models import Verdict

_DATETIME = DateTimeField(read_only=True)


def iso_datetime(value: datetime | None, tz: tzinfo) -> str | None:
    """A datetime as DRF's DateTimeField shows it (ISO 8601 in `tz`, the current time zone,
    with "Z" for UTC), without looking the time zone up again for every value."""
    if value is None:
        return None
    if value.tzinfo is None:  # not from an aware database: let DRF decide
        return _DATETIME.to_representation(value)
    text = value.astimezone(tz).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def public_verdict(verdict: Verdict) -> dict[str, Any]:
    """One version from selectors.verdict_feed() (its annotations: article_id,
    reviewer_username, feed_citations), as the public reads it."""
    row: Any = verdict  # the annotations of selectors.verdict_feed()
    tz = timezone.get_current_timezone()
    article = None
    if row.article_id is not None:
        article = {
            "id": row.article_id,
            "title": verdict.appearance_headline,
            "url": verdict.appearance_url,
            "publisher": verdict.appearance_publisher,
            "published_at": iso_datetime(verdict.appearance_published_at, tz),
        }
    return {
        "id": verdict.pk,
        "claim": {
            "id": verdict.claim_id,
            "text": verdict.claim_text,
            "speaker": verdict.claim_speaker,
            "speaker_type": verdict.claim_speaker_type,
            "article": article,
        },
        "version": verdict.number,
        "url": fact_check_url(verdict.claim_id, verdict.number),
        "state": verdict.state,
        "rating": verdict.rating,
        "rating_label": verdict.get_rating_display(),
        "conclusion": verdict.conclusion,
        "explanation": verdict.explanation,
        "reviewer": row.reviewer_username,
        "published_at": iso_datetime(verdict.published_at, tz),
        "updated_at": iso_datetime(verdict.updated_at, tz),
        "correction_note": verdict.correction_note,
        "correction_changes": verdict.correction_changes,
        "retracted_at": iso_datetime(verdict.retracted_at, tz),
        "retraction_note": verdict.retraction_note,
        "citations": [
            {
                "source_url": citation.source_url,
                "source_title": citation.source_title,
                "stance": citation.stance,
                "excerpt": citation.excerpt,
                "snapshot_id": citation.snapshot_id,
                "archived_at": iso_datetime(citation.archived_at, tz),
                "without_archive_reason": citation.without_archive_reason,
            }
            for citation in row.feed_citations
        ],
    }
