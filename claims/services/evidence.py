"""Evidence: attaching sources to a claim by hand, editing and removing them, and related-source
discovery, which attaches what the search providers find as *suggested* evidence for a
researcher to accept (with a stance) or reject.

However evidence becomes accepted (added by hand, or a suggestion accepted in the API or the
desk), its source is archived and watched on the evidence tier.

Discovery searches before any transaction opens; only the writes are atomic. Suggestions are
idempotent: a source already attached to the claim, in any state, is never suggested again (the
unique constraint on (claim, source) backs this), so a rejected suggestion stays rejected.
Settings, read at call time (name, default, meaning); the providers' own settings are listed in
sources/providers.py:

CLAIMS_RELATED_LIMIT  5
    Results asked of each provider per claim.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from claims.extraction.keyterms import key_terms
from claims.guards import check_lengths, lock_claim, record_event, require_desk, require_open
from claims.models import Claim, Evidence, Stance
from claims.workflow import WorkflowError
from config.celery import registered_task
from sources.models import MAX_URL_LENGTH, Source
from sources.normalize import InvalidURL, normalize_url
from sources.providers import (
    MAX_PUBLISHER,
    MAX_TITLE,
    Provider,
    ProviderResult,
    ResultKind,
    configured_providers,
)
from sources.services import source_refresh_now, source_watch

logger = logging.getLogger(__name__)


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


# --- Related-source discovery ----------------------------------------------------------------


def _limit() -> int:
    return max(1, settings.CLAIMS_RELATED_LIMIT)


def _note(result: ProviderResult, provider_label: str, terms: str) -> str:
    if result.kind == ResultKind.FACT_CHECK:
        note = f"Prior fact-check by {result.publisher or 'an unnamed publisher'}"
        if result.review_date:
            note += f" ({result.review_date.isoformat()})"
        note += f': rated "{result.rating_text}"' if result.rating_text else ""
        note += "."
        if result.claimant:
            note += f" Claim made by {result.claimant}."
        return note
    return f'Found on {provider_label} by searching for "{terms}".'


def _search_all(
    providers: Sequence[Provider], terms: str, limit: int
) -> list[tuple[Provider, ProviderResult]]:
    found = []
    for provider in providers:
        try:
            results = provider.search(terms, limit=limit)
        except Exception:
            # Providers promise not to raise; one that does must not cost the others.
            logger.exception("related-source provider %r raised", provider.name)
            continue
        logger.info("%s found %d related sources for %r", provider.label, len(results), terms)
        found.extend((provider, result) for result in results)
    return found


DISCOVER_TASK = "claims.discover_related"


def claim_request_discovery(*, claim: Claim, actor: AbstractBaseUser) -> None:
    """Queue a search for related sources (after commit); results arrive as suggestions."""
    require_desk(actor, "search for related sources")
    discover = registered_task(DISCOVER_TASK)
    claim_id = claim.pk
    transaction.on_commit(lambda: discover.delay(claim_id))


def claim_discover_related(
    *, claim: Claim, providers: Sequence[Provider] | None = None
) -> list[Evidence]:
    """Search the providers for the claim and attach new results as suggested evidence.

    Returns the suggestions created by this call ([] for a published, retracted or dismissed
    claim, with no providers, or when everything found is already attached). `providers`
    defaults to those the settings configure (sources.providers.configured_providers).
    """
    if claim.is_closed:
        logger.info("claim %s is %s: no related-source suggestions", claim.pk, claim.status)
        return []
    providers = configured_providers() if providers is None else list(providers)
    if not providers:
        logger.debug("no related-source providers configured; claim %s not searched", claim.pk)
        return []
    terms = key_terms(claim.text)
    if not terms:
        logger.info("claim %s has no searchable terms", claim.pk)
        return []

    # The network part, outside any transaction: a slow API must not hold row locks.
    candidates: dict[str, tuple[Provider, ProviderResult]] = {}
    for provider, result in _search_all(providers, terms, _limit()):
        try:
            url = normalize_url(result.url)
        except InvalidURL:
            url = ""
        if not url or len(url) > MAX_URL_LENGTH:
            logger.info("%s gave an unusable URL %r; skipped", provider.name, result.url[:200])
            continue
        candidates.setdefault(url, (provider, result))  # the first provider to find it wins
    if not candidates:
        return []

    with transaction.atomic():
        claim = lock_claim(claim)
        if claim.is_closed:  # closed while we were searching
            return []
        attached = set(
            claim.evidence.filter(source__url__in=list(candidates)).values_list(
                "source__url", flat=True
            )
        )
        created: list[Evidence] = []
        for url, (provider, result) in candidates.items():
            if url in attached:
                continue
            source, made = Source.objects.get_or_create(
                url=url,
                defaults={
                    "kind": Source.Kind.RELATED,
                    "title": result.title[:MAX_TITLE],
                    "publisher": result.publisher[:MAX_PUBLISHER],
                },
            )
            if not made and (not source.title or not source.publisher):
                source.title = source.title or result.title[:MAX_TITLE]
                source.publisher = source.publisher or result.publisher[:MAX_PUBLISHER]
                source.save(update_fields=["title", "publisher", "updated_at"])
            evidence = Evidence.objects.create(
                claim=claim,
                source=source,
                state=Evidence.State.SUGGESTED,
                stance="",
                excerpt=result.excerpt,
                note=_note(result, provider.label, terms),
                added_by=None,
                snapshot=source.latest_snapshot(),
            )
            changes = {
                "evidence": evidence.pk,
                "source": url,
                "provider": provider.name,
                "terms": terms,
            }
            if result.rating_text:
                changes["rating_text"] = result.rating_text
            record_event(claim, actor=None, action="evidence_suggested", changes=changes)
            created.append(evidence)
    logger.info("claim %s: %d related sources suggested", claim.pk, len(created))
    return created
