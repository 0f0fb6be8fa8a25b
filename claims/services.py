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
from claims.guards import (
    bump,
    check_lengths,
    check_version,
    lock_claim,
    record_event,
    require_desk,
    require_open,
)
from claims.models import Claim, ClaimEvent, ClaimStatus, Evidence, Stance, Verdict
from claims.publication import (
    check_ready_for_review,
    check_review_tag,
    current_draft,
    open_correction,
    publish_version,
    retract_version,
)
from claims.workflow import ACTIONS, WorkflowError, available_actions, user_roles
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
            speaker_type=sentence.speaker_type,
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


def claim_transition(
    *,
    claim: Claim | int,
    action: str,
    actor: AbstractBaseUser,
    note: str = "",
    expected_version: int | None = None,
    expected_tag: str | None = None,
) -> Claim:
    """Take a workflow action on a claim, or raise WorkflowError saying why not.

    `expected_tag` is the review tag (claims.publication.review_tag) the caller saw; a publish
    with an older one is refused (412). `expected_version` checks the claim's version alone.
    """
    note = (note or "").strip()
    with transaction.atomic():
        claim = lock_claim(claim)
        check_version(claim, expected_version)
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

        check_review_tag(claim, expected_tag, spec.label.lower())
        check_lengths(ClaimEvent, {"note": note})
        from_status = claim.status
        changes: dict = {}
        if action == "submit":
            check_ready_for_review(claim, current_draft(claim), "submit")
        elif action == "publish":
            changes = publish_version(claim=claim, actor=actor, note=note, expected_tag=None)
        elif action == "reopen":
            changes = open_correction(claim)
        elif action == "retract":
            changes = retract_version(claim=claim, note=note)
        bump(claim, status=spec.target)
        record_event(
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


CLAIM_EDITABLE_FIELDS = ("text", "speaker", "speaker_type", "assignee")


def claim_update(
    *,
    claim: Claim | int,
    actor: AbstractBaseUser,
    data: dict,
    expected_version: int | None = None,
    expected_tag: str | None = None,
) -> Claim:
    """Edit a claim's wording, speaker (and its type) or assignee; records what changed.

    Wording changes only the claim: published versions keep the text they were reviewed with.
    """
    require_desk(actor, "edit claims")
    unknown = set(data) - set(CLAIM_EDITABLE_FIELDS)
    if unknown:
        raise WorkflowError(
            "not_editable",
            f"These fields cannot be edited: {', '.join(sorted(unknown))}.",
            status=400,
        )
    check_lengths(Claim, data)
    with transaction.atomic():
        claim = lock_claim(claim)
        check_version(claim, expected_version)
        check_review_tag(claim, expected_tag, "edit the claim")
        if {"text", "speaker", "speaker_type"} & set(data):
            require_open(claim, "change the claim's wording")
        changes = {}
        for name, value in data.items():
            old = getattr(claim, f"{name}_id" if name == "assignee" else name)
            new = value.pk if name == "assignee" and value is not None else value
            if old != new:
                changes[name] = [old, new]
        if not changes:
            return claim
        bump(claim, **data)
        record_event(claim, actor=actor, action="edited", changes=changes)
    return claim


def claim_create(*, actor: AbstractBaseUser, data: dict) -> Claim:
    """A claim added by hand (no extraction); optionally tied to an article snapshot."""
    require_desk(actor, "add claims")
    check_lengths(Claim, data)
    with transaction.atomic():
        claim = Claim.objects.create(origin=Claim.Origin.MANUAL, checkworthiness=1.0, **data)
        record_event(claim, actor=actor, action="created", to_status=claim.status)
    return claim


def verdict_update_draft(
    *,
    claim: Claim | int,
    actor: AbstractBaseUser,
    data: dict,
    expected_revision: int | None = None,
) -> Verdict:
    """Create or edit the claim's draft verdict."""
    require_desk(actor, "write verdicts")
    check_lengths(Verdict, data)
    with transaction.atomic():
        claim = lock_claim(claim)
        require_open(claim, "edit the verdict")
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
        record_event(
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


def _archive(source: Source) -> None:
    """Accepted evidence is archived now (after commit) and re-checked on the evidence tier,
    however it became accepted (added by hand, or a suggestion accepted in the API or desk)."""
    source_watch(source=source, tier=Source.Tier.EVIDENCE)
    if source.last_checked_at is None:
        source_refresh_now(source_ids=[source.pk])


def evidence_add(
    *,
    claim: Claim | int,
    actor: AbstractBaseUser,
    stance: str,
    source: Source | None = None,
    source_url: str = "",
    excerpt: str = "",
    note: str = "",
    without_archive_reason: str = "",
) -> Evidence:
    """Attach a source (existing, or by URL) to a claim as evidence."""
    require_desk(actor, "add evidence")
    check_lengths(
        Evidence,
        {"excerpt": excerpt, "note": note, "without_archive_reason": without_archive_reason},
    )
    with transaction.atomic():
        claim = lock_claim(claim)
        require_open(claim, "add evidence")
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
            without_archive_reason=without_archive_reason,
            added_by=actor,
            snapshot=source.latest_snapshot(),
        )
        _archive(source)
        record_event(
            claim,
            actor=actor,
            action="evidence_added",
            changes={"evidence": evidence.pk, "source": source.url, "stance": stance},
        )
    return evidence


EVIDENCE_EDITABLE_FIELDS = ("state", "stance", "excerpt", "note", "without_archive_reason")


def evidence_update(*, evidence: Evidence, actor: AbstractBaseUser, data: dict) -> Evidence:
    """Change an evidence item's stance, excerpt, note or 'cite without archive' reason.

    A change of state goes the one way suggestions are reviewed: to accepted through
    evidence_accept_suggestion (which archives the source), to rejected through
    evidence_reject_suggestion. Accepted evidence is not un-accepted: remove it instead.
    """
    require_desk(actor, "change evidence")
    unknown = set(data) - set(EVIDENCE_EDITABLE_FIELDS)
    if unknown:
        raise WorkflowError(
            "not_editable",
            f"These evidence fields cannot be edited: {', '.join(sorted(unknown))}.",
            status=400,
        )
    check_lengths(Evidence, data)
    data = dict(data)
    state = data.pop("state", evidence.state)
    if state != evidence.state:
        if state == Evidence.State.ACCEPTED:
            return evidence_accept_suggestion(
                evidence=evidence,
                actor=actor,
                stance=data.pop("stance", evidence.stance),
                excerpt=data.pop("excerpt", None),
                extra=data,
            )
        if state == Evidence.State.REJECTED and evidence.state == Evidence.State.SUGGESTED:
            return evidence_reject_suggestion(evidence=evidence, actor=actor)
        raise WorkflowError(
            "invalid_evidence_state",
            f"Evidence cannot go from {evidence.state} to {state}. To stop citing accepted "
            "evidence, remove it.",
            status=409,
        )
    with transaction.atomic():
        claim = lock_claim(evidence.claim_id)
        require_open(claim, "change evidence")
        evidence = Evidence.objects.select_for_update().get(pk=evidence.pk)
        if data.get("stance") == "" and evidence.state == Evidence.State.ACCEPTED:
            raise WorkflowError(
                "stance_required",
                "Accepted evidence needs a stance: one of "
                f"{', '.join(Stance.values)}. Say how the source bears on the claim.",
                status=400,
            )
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
        record_event(
            claim,
            actor=actor,
            action="evidence_changed",
            changes={"evidence": evidence.pk, **changes},
        )
    return evidence


def evidence_delete(*, evidence: Evidence, actor: AbstractBaseUser) -> None:
    require_desk(actor, "remove evidence")
    with transaction.atomic():
        claim = lock_claim(evidence.claim_id)
        require_open(claim, "remove evidence")
        record_event(
            claim,
            actor=actor,
            action="evidence_removed",
            changes={"evidence": evidence.pk, "source": evidence.source.url},
        )
        evidence.delete()


def _not_a_suggestion(evidence: Evidence, doing: str) -> WorkflowError:
    state = Evidence.State(evidence.state).label.split(" (")[0].lower()
    return WorkflowError(
        "not_a_suggestion",
        f"Cannot {doing}: this evidence is {state}, not a suggestion. Edit the evidence instead.",
        status=409,
    )


def evidence_accept_suggestion(
    *,
    evidence: Evidence,
    actor: AbstractBaseUser,
    stance: str,
    excerpt: str | None = None,
    extra: dict | None = None,
) -> Evidence:
    """Turn a suggestion (or a rejected one, on second thoughts) into accepted evidence.

    The stance is required: accepted evidence always says whether it supports or refutes.
    `excerpt`, when given, replaces the provider's text with the passage the researcher chose;
    `extra` sets the other editable fields (note, without_archive_reason) in the same step.
    The source is archived and watched exactly as evidence added by hand.
    """
    require_desk(actor, "accept suggested evidence")
    if stance not in Stance.values:
        raise WorkflowError(
            "stance_required",
            "Accepting a suggestion needs a stance: one of "
            f"{', '.join(Stance.values)}. Say how the source bears on the claim.",
            status=400,
        )
    extra = dict(extra or {})
    check_lengths(Evidence, {**extra, "excerpt": excerpt or ""})
    with transaction.atomic():
        claim = lock_claim(evidence.claim_id)
        require_open(claim, "accept suggested evidence")
        evidence = Evidence.objects.select_for_update().select_related("source").get(pk=evidence.pk)
        if evidence.state not in {Evidence.State.SUGGESTED, Evidence.State.REJECTED}:
            raise _not_a_suggestion(evidence, "accept it")
        from_state = evidence.state
        evidence.state = Evidence.State.ACCEPTED
        evidence.stance = stance
        if excerpt is not None:
            evidence.excerpt = excerpt
        for name, value in extra.items():
            setattr(evidence, name, value)
        evidence.snapshot = evidence.snapshot or evidence.source.latest_snapshot()
        evidence.save()
        _archive(evidence.source)
        record_event(
            claim,
            actor=actor,
            action="evidence_accepted",
            changes={
                "evidence": evidence.pk,
                "source": evidence.source.url,
                "state": [from_state, Evidence.State.ACCEPTED],
                "stance": stance,
            },
        )
    return evidence


def evidence_reject_suggestion(*, evidence: Evidence, actor: AbstractBaseUser) -> Evidence:
    """Mark a suggestion rejected; it stays attached so discovery never suggests it again."""
    require_desk(actor, "reject suggested evidence")
    with transaction.atomic():
        claim = lock_claim(evidence.claim_id)
        require_open(claim, "reject suggested evidence")
        evidence = Evidence.objects.select_for_update().select_related("source").get(pk=evidence.pk)
        if evidence.state != Evidence.State.SUGGESTED:
            raise _not_a_suggestion(evidence, "reject it")
        evidence.state = Evidence.State.REJECTED
        evidence.save()
        record_event(
            claim,
            actor=actor,
            action="evidence_rejected",
            changes={
                "evidence": evidence.pk,
                "source": evidence.source.url,
                "state": [Evidence.State.SUGGESTED, Evidence.State.REJECTED],
            },
        )
    return evidence


def claim_flag_needs_update(
    *, claim_id: int, action: str, note: str, changes: dict | None = None
) -> bool:
    """A published claim whose cited evidence changed or died needs an update: the system moves
    it to needs_update and records why. The public version stays as published. Returns False
    when the claim is no longer published (already flagged, reopened, retracted)."""
    with transaction.atomic():
        claim = lock_claim(claim_id)
        if claim.status != ClaimStatus.PUBLISHED:
            return False
        bump(claim, status=ClaimStatus.NEEDS_UPDATE)
        record_event(
            claim,
            actor=None,
            action=action,
            from_status=ClaimStatus.PUBLISHED,
            to_status=ClaimStatus.NEEDS_UPDATE,
            note=note,
            changes=changes,
        )
    return True


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
