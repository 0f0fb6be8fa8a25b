"""Writes that touch several rows: ingesting articles and storing the claims extracted from them."""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from claims.extraction import Document, Extraction, extract
from claims.models import Claim, ClaimEvent, ClaimStatus
from sources.models import Snapshot, Source, content_hash
from sources.normalize import normalize_url

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestResult:
    article: Source
    snapshot: Snapshot
    created: bool  # False when this exact text was already stored (nothing new was written)
    new_claims: list[Claim]


def default_min_score() -> float:
    return float(settings.CLAIMS_MIN_CHECKWORTHINESS)


def article_ingest(
    *,
    document: Document,
    raw: str | bytes | None = None,
    url: str = "",
    title: str = "",
    published_at: datetime | None = None,
    min_score: float | None = None,
    actor: AbstractBaseUser | None = None,
) -> IngestResult:
    """Store an article (text or HTML already read into `document`) and its check-worthy claims.

    Idempotent: ingesting the same text again finds the stored article and snapshot and only
    adds claims that a lower `min_score` now admits. A changed text for the same URL becomes a
    new snapshot of the same source. `url` (or the document's canonical URL) identifies the
    article; a pasted document without one is identified by its text.
    Raises sources.normalize.InvalidURL for a malformed URL.
    """
    min_score = default_min_score() if min_score is None else min_score
    normalized_url = (
        normalize_url(url or document.canonical_url) if (url or document.canonical_url) else ""
    )
    # Extraction is the slow part: do it before the transaction opens.
    extraction = extract(document)
    text_hash = content_hash(document.text)
    raw_bytes = raw.encode("utf-8") if isinstance(raw, str) else raw

    with transaction.atomic():
        if normalized_url:
            article, _ = Source.objects.get_or_create(
                url=normalized_url, defaults={"kind": Source.Kind.ARTICLE}
            )
        else:
            article, _ = Source.objects.get_or_create(
                document_hash=text_hash, defaults={"kind": Source.Kind.ARTICLE}
            )
        # Serialize concurrent ingests of the same article (a no-op lock on SQLite, whose
        # IMMEDIATE transactions already serialize writers).
        article = Source.objects.select_for_update().get(pk=article.pk)
        snapshot = article.latest_snapshot()
        created = snapshot is None or snapshot.content_hash != text_hash
        if created:
            snapshot = Snapshot.objects.create(
                source=article,
                text=document.text,
                title=title or document.title,
                content_hash=text_hash,
                raw_body=zlib.compress(raw_bytes) if raw_bytes else None,
                raw_format=document.format,
                final_url=normalized_url,
            )
            _update_article_metadata(article, document, title=title, published_at=published_at)
            new_claims = _store_claims(
                snapshot=snapshot, extraction=extraction, min_score=min_score, actor=actor
            )
    if not created:
        # The same article again: offsets must index the stored text, which may differ from
        # this copy in white space, so extract from the stored snapshot.
        new_claims = snapshot_extract_claims(snapshot=snapshot, min_score=min_score, actor=actor)
    logger.info(
        "ingested article %s (snapshot %s, %s, %d new claims)",
        article.pk,
        snapshot.pk,
        "new text" if created else "unchanged",
        len(new_claims),
    )
    return IngestResult(article=article, snapshot=snapshot, created=created, new_claims=new_claims)


def _update_article_metadata(
    article: Source, document: Document, *, title: str, published_at: datetime | None
) -> None:
    now = timezone.now()
    article.kind = Source.Kind.ARTICLE
    article.title = title or document.title or article.title
    article.publisher = document.publisher or article.publisher
    article.author = document.author or article.author
    article.published_at = published_at or document.published_at or article.published_at
    article.language = document.language or article.language
    article.status = Source.Status.OK
    article.last_checked_at = now
    article.save()


def _store_claims(
    *,
    snapshot: Snapshot,
    extraction: Extraction,
    min_score: float,
    actor: AbstractBaseUser | None,
) -> list[Claim]:
    """Create a Claim for each check-worthy sentence not stored yet, with its 'extracted' event."""
    existing = set(snapshot.claims.values_list("start", "end"))
    claims = [
        Claim(
            snapshot=snapshot,
            text=sentence.text,
            start=sentence.start,
            end=sentence.end,
            origin=Claim.Origin.EXTRACTED,
            checkworthiness=sentence.checkworthiness,
            features=[feature.as_dict() for feature in sentence.features],
            speaker=sentence.speaker,
            quantities=[quantity.as_dict() for quantity in sentence.quantities],
            status=ClaimStatus.NEW,
        )
        for sentence in extraction.claims(min_score)
        if (sentence.start, sentence.end) not in existing
    ]
    if not claims:
        return []
    # PostgreSQL and SQLite both return primary keys from bulk inserts.
    Claim.objects.bulk_create(claims)
    ClaimEvent.objects.bulk_create(
        ClaimEvent(
            claim=claim,
            actor=actor,
            action="extracted",
            to_status=ClaimStatus.NEW,
            note=f"Extracted with check-worthiness {claim.checkworthiness:.2f}.",
        )
        for claim in claims
    )
    return claims


def snapshot_extract_claims(
    *, snapshot: Snapshot, min_score: float | None = None, actor: AbstractBaseUser | None = None
) -> list[Claim]:
    """(Re-)extract claims from a stored snapshot; claims already stored are kept as they are."""
    min_score = default_min_score() if min_score is None else min_score
    source = snapshot.source
    document = Document(
        text=snapshot.text,
        format=snapshot.raw_format or "text",
        title=snapshot.title or source.title,
        published_at=source.published_at,
        publisher=source.publisher,
        author=source.author,
        canonical_url=source.url or "",
        language=source.language,
    )
    extraction = extract(document)
    with transaction.atomic():
        return _store_claims(
            snapshot=snapshot, extraction=extraction, min_score=min_score, actor=actor
        )
