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
from claims.extraction import default_min_score as extraction_default_min_score
from claims.extraction.links import outbound_links
from claims.models import Claim, ClaimEvent, ClaimStatus, Evidence, Verdict, VerdictCitation
from claims.workflow import (
    ACTIONS,
    WorkflowError,
    actions_from,
    available_actions,
    is_desk_member,
    user_roles,
)
from sources.models import Snapshot, Source, SourceLink, content_hash
from sources.normalize import InvalidURL, normalize_url
from sources.services import source_refresh_now, source_watch

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestResult:
    article: Source
    snapshot: Snapshot
    created: bool  # False when this exact text was already stored (nothing new was written)
    new_claims: list[Claim]


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
            _store_links(snapshot, links)
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


def _links_in(raw_format: str, html: bytes | None, *, url: str) -> list[tuple[str, str]]:
    """The outbound links of an HTML article (parsed outside any transaction)."""
    if raw_format != "html" or not html:
        return []
    return outbound_links(html, url=url)


def _store_links(snapshot: Snapshot, links: list[tuple[str, str]]) -> int:
    """Outbound links in an HTML article become `related` sources linked from it."""
    article = snapshot.source
    created = 0
    for url, anchor in links:
        try:
            target_url = normalize_url(url)
        except InvalidURL:
            continue
        if target_url == article.url:
            continue
        target, _ = Source.objects.get_or_create(
            url=target_url, defaults={"kind": Source.Kind.RELATED, "title": anchor[:1000]}
        )
        _, made = SourceLink.objects.get_or_create(
            source=article, target=target, defaults={"anchor_text": anchor}
        )
        created += made
    return created


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
        _store_links(snapshot, links)
        return _store_claims(
            snapshot=snapshot, extraction=extraction, min_score=min_score, actor=actor
        )


# --- The editorial workflow -------------------------------------------------------------------


def _lock_claim(claim: Claim | int) -> Claim:
    pk = claim.pk if isinstance(claim, Claim) else claim
    return Claim.objects.select_for_update().get(pk=pk)


def _check_version(claim: Claim, expected_version: int | None) -> None:
    if expected_version is not None and claim.version != expected_version:
        raise WorkflowError(
            "stale_version",
            f"The claim changed since you loaded it (you had version {expected_version}, it is "
            f"now {claim.version}). Reload it, check the changes, and try again.",
            status=412,
        )


def _record(
    claim: Claim,
    *,
    actor: AbstractBaseUser | None,
    action: str,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
    changes: dict | None = None,
) -> ClaimEvent:
    return ClaimEvent.objects.create(
        claim=claim,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
        changes=changes or {},
    )


def _bump(claim: Claim, **fields: object) -> None:
    for name, value in fields.items():
        setattr(claim, name, value)
    claim.version += 1
    claim.save(update_fields=[*fields, "version", "updated_at"])


def _require_desk(actor: AbstractBaseUser | None, doing: str) -> None:
    if not is_desk_member(actor):
        raise WorkflowError(
            "forbidden_role",
            f"Only researchers and editors can {doing}. Ask an editor to give you a desk role.",
            status=403,
        )


def _require_open(claim: Claim, doing: str) -> None:
    if claim.status in {ClaimStatus.PUBLISHED, ClaimStatus.RETRACTED, ClaimStatus.DISMISSED}:
        label = ClaimStatus(claim.status).label.lower()
        hint = "Restore it" if claim.status == ClaimStatus.DISMISSED else "Reopen it"
        raise WorkflowError(
            "claim_closed",
            f"Cannot {doing}: the claim is {label}. {hint} first.",
            status=409,
            allowed_actions=actions_from(claim.status),
        )


def current_draft(claim: Claim) -> Verdict | None:
    return claim.verdicts.filter(state=Verdict.State.DRAFT).first()


def _check_ready_for_review(claim: Claim, draft: Verdict | None, doing: str) -> Verdict:
    if draft is None or not draft.rating or not draft.conclusion.strip():
        raise WorkflowError(
            "verdict_incomplete",
            f"Cannot {doing}: the draft verdict needs a rating and a conclusion. "
            "Write them in the verdict first.",
            status=409,
        )
    if not claim.evidence.filter(state=Evidence.State.ACCEPTED).exists():
        raise WorkflowError(
            "no_evidence",
            f"Cannot {doing}: the claim has no evidence. Add at least one evidence source first.",
            status=409,
        )
    return draft


def claim_transition(
    *,
    claim: Claim | int,
    action: str,
    actor: AbstractBaseUser,
    note: str = "",
    expected_version: int | None = None,
) -> Claim:
    """Take a workflow action on a claim, or raise WorkflowError saying why not."""
    note = (note or "").strip()
    with transaction.atomic():
        claim = _lock_claim(claim)
        _check_version(claim, expected_version)
        spec = ACTIONS.get(action)
        if spec is None:
            raise WorkflowError(
                "unknown_action",
                f"Unknown action {action!r}. Actions are: {', '.join(ACTIONS)}.",
                status=400,
                allowed_actions=available_actions(claim.status, actor),
            )
        if not spec.roles & user_roles(actor):
            who = " or ".join(sorted(spec.roles))
            raise WorkflowError(
                "forbidden_role",
                f"Only a {who} can {spec.label.lower()} a claim.",
                status=403,
                allowed_actions=available_actions(claim.status, actor),
            )
        if claim.status not in spec.sources:
            allowed = available_actions(claim.status, actor)
            raise WorkflowError(
                "invalid_transition",
                f"Cannot {spec.label.lower()} a claim that is "
                f"{ClaimStatus(claim.status).label.lower()}. "
                + (
                    f"Allowed now: {', '.join(allowed)}."
                    if allowed
                    else "No action is open to you now."
                ),
                status=409,
                allowed_actions=allowed,
            )
        if spec.note_required and not note:
            raise WorkflowError(
                "note_required",
                f"{spec.label} needs a note saying why. Add a note and try again.",
                status=400,
                allowed_actions=available_actions(claim.status, actor),
            )

        from_status = claim.status
        changes: dict = {}
        if action == "submit":
            _check_ready_for_review(claim, current_draft(claim), "submit")
        elif action == "publish":
            changes = _publish(claim, actor)
        elif action == "reopen":
            changes = _open_correction(claim, actor)
        elif action == "retract":
            claim.verdicts.filter(state=Verdict.State.PUBLISHED).update(
                state=Verdict.State.RETRACTED, updated_at=timezone.now()
            )
        _bump(claim, status=spec.target)
        _record(
            claim,
            actor=actor,
            action=action,
            from_status=from_status,
            to_status=spec.target,
            note=note,
            changes=changes,
        )
        if action == "start_research":
            # Suggest related sources while the researcher starts (a no-op with no providers).
            from claims.tasks import discover_related

            claim_id = claim.pk
            transaction.on_commit(lambda: discover_related.delay(claim_id))
    return claim


def _publish(claim: Claim, actor: AbstractBaseUser) -> dict:
    draft = _check_ready_for_review(claim, current_draft(claim), "publish")
    if not draft.may_be_published_by(actor):
        raise WorkflowError(
            "four_eyes",
            "Cannot publish a verdict you wrote or last edited: another editor must publish it "
            "(second pair of eyes).",
            status=403,
            allowed_actions=[],
        )
    now = timezone.now()
    previous = claim.verdicts.filter(number__isnull=False).order_by("-number").first()
    claim.verdicts.filter(state=Verdict.State.PUBLISHED).update(
        state=Verdict.State.SUPERSEDED, updated_at=now
    )
    draft.state = Verdict.State.PUBLISHED
    draft.number = (previous.number if previous else 0) + 1
    draft.reviewer = actor
    draft.published_at = now
    draft.save()
    citations = []
    for item in claim.evidence.filter(state=Evidence.State.ACCEPTED).select_related("source"):
        snapshot = item.snapshot or item.source.latest_snapshot()
        citations.append(
            VerdictCitation(
                verdict=draft,
                source=item.source,
                snapshot=snapshot,
                stance=item.stance,
                excerpt=item.excerpt,
                note=item.note,
            )
        )
    VerdictCitation.objects.bulk_create(citations)
    for citation in citations:
        # What a published verdict relies on is checked daily for changes and death.
        source_watch(source=citation.source, tier=Source.Tier.CITED)
    return {"verdict": draft.pk, "version": draft.number, "rating": draft.rating}


def _open_correction(claim: Claim, actor: AbstractBaseUser) -> dict:
    """Reopening starts a new draft from the latest published text, so a correction is an edit."""
    if current_draft(claim) is not None:
        return {}
    latest = claim.verdicts.filter(number__isnull=False).order_by("-number").first()
    draft = Verdict.objects.create(
        claim=claim,
        rating=latest.rating if latest else "",
        conclusion=latest.conclusion if latest else "",
        explanation=latest.explanation if latest else "",
        author=actor,
    )
    return {"draft": draft.pk, "from_version": latest.number if latest else None}


CLAIM_EDITABLE_FIELDS = ("text", "speaker", "assignee")


def claim_update(
    *,
    claim: Claim | int,
    actor: AbstractBaseUser,
    data: dict,
    expected_version: int | None = None,
) -> Claim:
    """Edit a claim's wording, speaker or assignee; records what changed."""
    _require_desk(actor, "edit claims")
    unknown = set(data) - set(CLAIM_EDITABLE_FIELDS)
    if unknown:
        raise WorkflowError(
            "not_editable",
            f"These fields cannot be edited: {', '.join(sorted(unknown))}.",
            status=400,
        )
    with transaction.atomic():
        claim = _lock_claim(claim)
        _check_version(claim, expected_version)
        if {"text", "speaker"} & set(data):
            _require_open(claim, "change the claim's wording")
        changes = {}
        for name, value in data.items():
            old = getattr(claim, f"{name}_id" if name == "assignee" else name)
            new = value.pk if name == "assignee" and value is not None else value
            if old != new:
                changes[name] = [old, new]
        if not changes:
            return claim
        _bump(claim, **data)
        _record(claim, actor=actor, action="edited", changes=changes)
    return claim


def claim_create(*, actor: AbstractBaseUser, data: dict) -> Claim:
    """A claim added by hand (no extraction); optionally tied to an article snapshot."""
    _require_desk(actor, "add claims")
    with transaction.atomic():
        claim = Claim.objects.create(origin=Claim.Origin.MANUAL, checkworthiness=1.0, **data)
        _record(claim, actor=actor, action="created", to_status=claim.status)
    return claim


VERDICT_EDITABLE_FIELDS = ("rating", "conclusion", "explanation")


def verdict_update_draft(
    *,
    claim: Claim | int,
    actor: AbstractBaseUser,
    data: dict,
    expected_revision: int | None = None,
) -> Verdict:
    """Create or edit the claim's draft verdict."""
    _require_desk(actor, "write verdicts")
    with transaction.atomic():
        claim = _lock_claim(claim)
        _require_open(claim, "edit the verdict")
        draft = current_draft(claim)
        if (
            draft is not None
            and expected_revision is not None
            and draft.revision != expected_revision
        ):
            raise WorkflowError(
                "stale_version",
                f"The draft verdict changed since you loaded it (you had revision "
                f"{expected_revision}, it is now {draft.revision}). Reload it and try again.",
                status=412,
            )
        created = draft is None
        if created:
            draft = Verdict(claim=claim, author=actor)
        changes = {
            name: [getattr(draft, name), value]
            for name, value in data.items()
            if getattr(draft, name) != value
        }
        if not changes and not created:
            return draft
        for name, value in data.items():
            setattr(draft, name, value)
        if changes:
            draft.last_edited_by = actor
        if not created:
            draft.revision += 1
        draft.save()
        _record(
            claim,
            actor=actor,
            action="verdict_created" if created else "verdict_edited",
            changes=changes,
        )
    return draft


def _source_for_evidence(source_url: str) -> Source:
    url = normalize_url(source_url)
    source, _ = Source.objects.get_or_create(url=url, defaults={"kind": Source.Kind.EVIDENCE})
    return source


def evidence_add(
    *,
    claim: Claim | int,
    actor: AbstractBaseUser,
    stance: str,
    source: Source | None = None,
    source_url: str = "",
    excerpt: str = "",
    note: str = "",
) -> Evidence:
    """Attach a source (existing, or by URL) to a claim as evidence."""
    _require_desk(actor, "add evidence")
    with transaction.atomic():
        claim = _lock_claim(claim)
        _require_open(claim, "add evidence")
        if source is None:
            source = _source_for_evidence(source_url)
        if claim.evidence.filter(source=source).exists():
            raise WorkflowError(
                "duplicate_evidence",
                "This source is already evidence for the claim: edit that evidence instead.",
                status=409,
            )
        evidence = Evidence.objects.create(
            claim=claim,
            source=source,
            stance=stance,
            excerpt=excerpt,
            note=note,
            added_by=actor,
            snapshot=source.latest_snapshot(),
        )
        source_watch(source=source, tier=Source.Tier.EVIDENCE)
        if source.last_checked_at is None:
            source_refresh_now(source_ids=[source.pk])  # archive it now, after commit
        _record(
            claim,
            actor=actor,
            action="evidence_added",
            changes={"evidence": evidence.pk, "source": source.url, "stance": stance},
        )
    return evidence


def evidence_update(*, evidence: Evidence, actor: AbstractBaseUser, data: dict) -> Evidence:
    _require_desk(actor, "change evidence")
    with transaction.atomic():
        claim = _lock_claim(evidence.claim_id)
        _require_open(claim, "change evidence")
        evidence = Evidence.objects.select_for_update().get(pk=evidence.pk)
        changes = {
            name: [getattr(evidence, name), value]
            for name, value in data.items()
            if getattr(evidence, name) != value
        }
        if not changes:
            return evidence
        for name, value in data.items():
            setattr(evidence, name, value)
        evidence.save()
        _record(
            claim,
            actor=actor,
            action="evidence_changed",
            changes={"evidence": evidence.pk, **changes},
        )
    return evidence


def evidence_delete(*, evidence: Evidence, actor: AbstractBaseUser) -> None:
    _require_desk(actor, "remove evidence")
    with transaction.atomic():
        claim = _lock_claim(evidence.claim_id)
        _require_open(claim, "remove evidence")
        _record(
            claim,
            actor=actor,
            action="evidence_removed",
            changes={"evidence": evidence.pk, "source": evidence.source.url},
        )
        evidence.delete()


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
