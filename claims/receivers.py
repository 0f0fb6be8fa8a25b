"""Claims' answers to what sources report: new article text to extract, evidence that changed
or died under a published verdict. Connected in ClaimsConfig.ready()."""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from claims.extraction.sentences import split_block
from claims.models import ClaimStatus, Evidence, Verdict, VerdictCitation
from claims.services import claim_flag_needs_update
from claims.tasks import extract_snapshot
from sources.models import Snapshot, Source
from sources.rows import commit_durably
from sources.signals import snapshot_stored, source_gone

logger = logging.getLogger(__name__)


_PARAGRAPH = re.compile(r"\S[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*")


def _sentences(text: str) -> set[str]:
    return {
        text[start:end]
        for paragraph in _PARAGRAPH.finditer(text)
        for start, end in split_block(text, paragraph.start(), paragraph.end())
    }


def describe_change(old: str, new: str) -> dict:
    """How much of a text changed: share of characters, and sentences added and removed."""
    ratio = difflib.SequenceMatcher(None, old, new, autojunk=False).ratio()
    old_sentences, new_sentences = _sentences(old), _sentences(new)
    return {
        "changed_share": round(1 - ratio, 3),
        "sentences_added": len(new_sentences - old_sentences),
        "sentences_removed": len(old_sentences - new_sentences),
    }


def _flag_published_claims(
    source: Source,
    *,
    action: str,
    note_for: Callable[[VerdictCitation], str],
    changes_for: Callable[[VerdictCitation], dict],
) -> int:
    """Mark each published claim whose current verdict cites `source` needs_update."""
    now = timezone.now()
    Evidence.objects.filter(source=source, source_changed_at__isnull=True).update(
        source_changed_at=now, updated_at=now
    )
    citations = list(
        VerdictCitation.objects.filter(
            source=source,
            verdict__state=Verdict.State.PUBLISHED,
            verdict__claim__status=ClaimStatus.PUBLISHED,
        ).select_related("verdict", "snapshot")
    )
    if citations:
        # Flagging a published claim records events and may queue webhooks: the refresh's
        # transaction must then be committed durably (sources.signals).
        commit_durably()
    flagged = 0
    for citation in citations:
        flagged += claim_flag_needs_update(
            claim_id=citation.verdict.claim_id,
            action=action,
            note=note_for(citation),
            changes=changes_for(citation),
        )
    return flagged


@receiver(snapshot_stored, dispatch_uid="claims.snapshot_stored")
def on_snapshot_stored(
    sender, *, source: Source, snapshot: Snapshot, previous: Snapshot | None, **kwargs
) -> None:
    if source.kind == Source.Kind.ARTICLE:
        transaction.on_commit(lambda: extract_snapshot.delay(snapshot.pk))
    if previous is None:
        # Evidence attached before its source was ever fetched is archived now: it cites this
        # first copy (later copies are changes, flagged below, not silently re-pinned).
        Evidence.objects.filter(source=source, snapshot__isnull=True).update(
            snapshot=snapshot, updated_at=timezone.now()
        )
        return

    def changes_for(citation: VerdictCitation) -> dict:
        cited = citation.snapshot or previous
        return {
            "source": source.url,
            "cited_snapshot": cited.pk,
            "new_snapshot": snapshot.pk,
            **describe_change(cited.text, snapshot.text),
        }

    def note_for(citation: VerdictCitation) -> str:
        change = changes_for(citation)
        return (
            f"Evidence changed: {source.url} now differs from the version the verdict cites "
            f"({change['changed_share']:.0%} of its text changed; "
            f"{change['sentences_added']} sentences added, "
            f"{change['sentences_removed']} removed). Review the verdict."
        )

    flagged = _flag_published_claims(
        source, action="evidence_changed", note_for=note_for, changes_for=changes_for
    )
    if flagged:
        logger.info("source %s changed: %d published claims need an update", source.pk, flagged)


@receiver(source_gone, dispatch_uid="claims.source_gone")
def on_source_gone(sender, *, source: Source, last_snapshot: Snapshot | None, **kwargs) -> None:
    def note_for(citation: VerdictCitation) -> str:
        return (
            f"Evidence gone: {source.url} answers {source.http_status} on "
            f"{source.consecutive_failures} checks in a row. The verdict still cites the archived "
            "copy; find a live source or confirm the archive is enough."
        )

    def changes_for(citation: VerdictCitation) -> dict:
        return {
            "source": source.url,
            "http_status": source.http_status,
            "cited_snapshot": citation.snapshot_id,
        }

    _flag_published_claims(
        source, action="evidence_gone", note_for=note_for, changes_for=changes_for
    )
