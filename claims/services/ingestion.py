"""Ingestion: reading an article (pasted, uploaded, a file or a URL) and storing it as a
`sources.Source` with an immutable `sources.Snapshot` of its text, one `Claim` per check-worthy
sentence of that snapshot (each with its "extracted" event), and its outbound links.

Extraction and HTML parsing (claims.extraction) run before any transaction opens; only the
writes are atomic. A URL alone is fetched in the background by sources, whose `snapshot_stored`
signal brings the text back here (claims.receivers -> claims.tasks.extract_snapshot ->
snapshot_extract_claims).
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from claims.extraction import (
    Document,
    Extraction,
    InputError,
    extract,
    looks_like_html,
    read_bytes,
    read_html,
    read_path,
    read_text,
)
from claims.extraction import default_min_score as extraction_default_min_score
from claims.extraction.links import outbound_links
from claims.models import Claim, ClaimEvent, ClaimStatus
from claims.services.checked_before import claims_request_embedding
from sources.models import Snapshot, Source, SourceMetadata, content_hash
from sources.normalize import normalize_url
from sources.services import links_store, snapshot_store, source_refresh_now

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestResult:
    article: Source
    snapshot: Snapshot
    created: bool  # False when this exact text was already stored (nothing new was written)
    new_claims: list[Claim]


def document_read(
    *,
    content: str | bytes | None = None,
    path: str | None = None,
    format: str = "auto",
    url: str = "",
) -> Document:
    """Pasted, uploaded or file content as a Document: the one reading the API, the desk and
    `manage.py ingest` share. `format` is "text", "html", or "auto" (extraction's
    looks_like_html decides, as it does for bytes and files).

    Raises InputError for anything that cannot be read, parser crashes included: extraction
    lets unexpected errors through (so a worker's time limit is not mistaken for an empty
    page), and here, in a request, such content is the client's to fix, not a 500.
    """
    try:
        if path is not None:
            return read_path(path)
        if isinstance(content, bytes):
            return read_bytes(content, url=url)
        text = content or ""
        is_html = looks_like_html(text) if format == "auto" else format == "html"
        return read_html(text, url=url) if is_html else read_text(text, url=url)
    except (InputError, MemoryError):
        raise
    except Exception as exc:
        logger.exception("the article reader failed on %s", path or "pasted content")
        raise InputError(
            "The article could not be parsed (the page's markup broke the reader). Paste the "
            "article's text instead, or give its URL."
        ) from exc


def default_min_score() -> float:
    """The setting, or else the threshold that ships with the scorer extraction uses."""
    if settings.CLAIMS_MIN_CHECKWORTHINESS is not None:
        return float(settings.CLAIMS_MIN_CHECKWORTHINESS)
    return extraction_default_min_score()


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
    # Extraction and HTML parsing are the slow parts: do them before the transaction opens.
    extraction = extract(document)
    text_hash = content_hash(document.text)
    raw_bytes = raw.encode("utf-8") if isinstance(raw, str) else raw
    links = _links_in(document.format, raw_bytes, url=normalized_url)

    with transaction.atomic():
        if normalized_url:
            article, _ = Source.objects.get_or_create(
                url=normalized_url, defaults={"kind": Source.Kind.ARTICLE}
            )
        else:
            article, _ = Source.objects.get_or_create(
                document_hash=text_hash, defaults={"kind": Source.Kind.ARTICLE}
            )
        # snapshot_store locks the source row, which serializes concurrent ingests of the same
        # article, and adds no snapshot when the text is the latest one's.
        stored = snapshot_store(
            source=article,
            text=document.text,
            title=title or document.title,
            raw_body=raw_bytes,
            raw_format=document.format,
            final_url=normalized_url,
            stated=SourceMetadata(
                title=document.title,
                publisher=document.publisher,
                author=document.author,
                published_at=document.published_at,
                language=document.language,
            ),
            given=SourceMetadata(title=title, published_at=published_at),
            source_values={
                "kind": Source.Kind.ARTICLE,
                "status": Source.Status.OK,
                "last_checked_at": timezone.now(),
            },
        )
        article, created = stored.source, stored.created
        snapshot = stored.snapshot or Snapshot.objects.get(pk=stored.snapshot_id)
        if created:
            links_store(snapshot=snapshot, links=links)
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
            speaker_type=sentence.speaker_type,
            quantities=[quantity.as_dict() for quantity in sentence.quantities],
            context=sentence.context,
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
    claims_request_embedding([claim.pk for claim in claims])
    return claims


def _links_in(raw_format: str, html: bytes | None, *, url: str) -> list[tuple[str, str]]:
    """The outbound links of an HTML article (parsed outside any transaction)."""
    if raw_format != "html" or not html:
        return []
    return outbound_links(html, url=url)


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
    links = _links_in(
        snapshot.raw_format,
        zlib.decompress(snapshot.raw_body) if snapshot.raw_body else None,
        url=source.url or snapshot.final_url or "",
    )
    with transaction.atomic():
        links_store(snapshot=snapshot, links=links)
        return _store_claims(
            snapshot=snapshot, extraction=extraction, min_score=min_score, actor=actor
        )


def article_ingest_url(
    *,
    url: str,
    title: str = "",
    published_at: datetime | None = None,
    actor: AbstractBaseUser | None = None,
) -> Source:
    """Register an article by URL and fetch it in the background.

    The fetch (sources.fetch) stores a snapshot; claims' receiver then extracts its claims
    (claims.extract_snapshot). Failures are recorded on the source and retried with backoff.
    """
    normalized = normalize_url(url)
    with transaction.atomic():
        article, created = Source.objects.get_or_create(
            url=normalized,
            defaults={"kind": Source.Kind.ARTICLE, "title": title, "published_at": published_at},
        )
        if not created and article.kind != Source.Kind.ARTICLE:
            article.kind = Source.Kind.ARTICLE
            article.save(update_fields=["kind", "updated_at"])
        source_refresh_now(source_ids=[article.pk])
    logger.info("article %s queued for fetching from %s", article.pk, normalized)
    return article
