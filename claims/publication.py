"""Publishing a verdict version: what it freezes, who may publish it, what must be archived, and
the one tag that names the state a reviewer saw.

The rules, as a standards editor would state them:

- A version freezes everything the public sees (the claim's wording, speaker and its type, the
  article it appeared in, rating, conclusion, explanation, the citations with their archived
  snapshots). Public outputs render from the version alone; triggers refuse later changes.
- Four eyes: nobody publishes a version they contributed to since the previous one (verdict
  text, evidence, claim wording). Contributors are read from the claim's append-only history.
- Publish what you saw: `review_tag` names the claim version, draft revision and evidence state;
  publishing with an older tag is refused (412) and changes nothing.
- Evidence gate: every cited item has an archived snapshot, or is cited without archive with a
  reason that readers see.
- Corrections and retractions are made in the open: a correction carries a note and the list of
  what changed; a retraction keeps the version readable with its date and reason.

claims.services.workflow.claim_transition calls these inside its transaction, with the claim
locked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Max
from django.utils import timezone

from claims.models import Claim, ClaimEvent, Evidence, Rating, Verdict, VerdictCitation
from claims.workflow import WorkflowError
from sources.models import Snapshot, Source
from sources.services import source_watch

# History actions that change what a version will publish. "edited" counts only when it
# changes the wording (WORDING_FIELDS); assigning a claim is not a contribution.
CONTRIBUTING_ACTIONS = frozenset(
    {
        "created",
        "verdict_created",
        "verdict_edited",
        "evidence_added",
        "evidence_changed",
        "evidence_removed",
        "evidence_accepted",
    }
)
WORDING_FIELDS = frozenset({"text", "speaker", "speaker_type"})


def current_draft(claim: Claim) -> Verdict | None:
    return claim.verdicts.filter(state=Verdict.State.DRAFT).first()


def draft_contributors(claim: Claim, draft: Verdict | None = None) -> set[int]:
    """Ids of the users who changed what the next version will publish since the last one.

    Read from the append-only history (events after the last "publish"), plus the draft's own
    author and last editor (a draft made outside the services still names them).
    """
    last_publish = (
        ClaimEvent.objects.filter(claim=claim, action="publish").aggregate(last=Max("id"))["last"]
        or 0
    )
    contributors: set[int] = set()
    events = ClaimEvent.objects.filter(
        claim=claim,
        id__gt=last_publish,
        actor__isnull=False,
        action__in=[*CONTRIBUTING_ACTIONS, "edited"],
    ).values_list("actor_id", "action", "changes")
    for actor_id, action, changes in events:
        if action == "edited" and not (WORDING_FIELDS & set(changes or {})):
            continue
        contributors.add(actor_id)
    if draft is not None:
        contributors |= {pk for pk in (draft.author_id, draft.last_edited_by_id) if pk}
    return contributors


def review_tag(claim: Claim, draft: Verdict | None = None) -> str:
    """A strong ETag for everything a reviewer sees on the claim: the claim's version (wording,
    speaker, status), the draft's revision and every evidence row's last change.

    GET claims/{id}/ serves it; publish (API If-Match, the desk's hidden field) must send it
    back, so nobody publishes a state they did not see.
    """
    draft = current_draft(claim) if draft is None else draft
    evidence = claim.evidence.order_by("id").values_list("id", "updated_at")
    return review_tag_of(
        claim_pk=claim.pk,
        claim_version=claim.version,
        draft_pk=draft.pk if draft else None,
        draft_revision=draft.revision if draft else None,
        evidence=list(evidence),
    )


def review_tag_of(
    *,
    claim_pk: int,
    claim_version: int,
    draft_pk: int | None,
    draft_revision: int | None,
    evidence: Iterable[tuple[int, datetime]],
) -> str:
    """review_tag() from values already read (the API's claim detail reads them in its own
    queries): the evidence as (id, updated_at) pairs in id order."""
    parts = [
        claim_pk,
        claim_version,
        draft_pk or 0,
        draft_revision or 0,
        *(f"{pk}@{updated.isoformat()}" for pk, updated in evidence),
    ]
    digest = hashlib.sha1("|".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()
    return f'"claim-{claim_pk}-{digest[:16]}"'


def check_review_tag(claim: Claim, expected: str | None, doing: str) -> None:
    if expected is None:
        return
    if expected.removeprefix("W/") != review_tag(claim):
        raise WorkflowError(
            "stale_version",
            f"Cannot {doing}: the claim, its draft verdict or its evidence changed since you "
            "loaded it. Reload it, read the changes, and try again.",
            status=412,
        )


def check_ready_for_review(claim: Claim, draft: Verdict | None, doing: str) -> Verdict:
    """A complete draft and accepted evidence, every item archived or cited without archive."""
    if draft is None or not draft.rating or not draft.conclusion.strip():
        raise WorkflowError(
            "verdict_incomplete",
            f"Cannot {doing}: the draft verdict needs a rating and a conclusion. "
            "Write them in the verdict first.",
            status=409,
        )
    accepted = list(claim.evidence.filter(state=Evidence.State.ACCEPTED).select_related("source"))
    if not accepted:
        raise WorkflowError(
            "no_evidence",
            f"Cannot {doing}: the claim has no evidence. Add at least one evidence source first.",
            status=409,
        )
    missing = unarchived(accepted)
    if missing:
        urls = ", ".join(item.source.url or str(item.source) for item in missing[:5])
        raise WorkflowError(
            "evidence_not_archived",
            f"Cannot {doing}: {len(missing)} evidence source(s) have no archived copy yet "
            f"({urls}). Wait for the fetch to finish (or refresh the source), or mark the item "
            "'cite without archive' with the reason (a paywall, an offline document).",
            status=409,
        )
    return draft


def unarchived(items: list[Evidence]) -> list[Evidence]:
    """The items neither archived (a snapshot of their source) nor cited without archive."""
    open_items = [i for i in items if i.snapshot_id is None and not i.cited_without_archive]
    if not open_items:
        return []
    archived = set(
        Snapshot.objects.filter(source_id__in={i.source_id for i in open_items})
        .values_list("source_id", flat=True)
        .distinct()
    )
    return [item for item in open_items if item.source_id not in archived]


def frozen_claim_fields(claim: Claim) -> dict[str, Any]:
    """The claim and its article as a version freezes them (Verdict's claim_* and
    appearance_* columns)."""
    article = claim.snapshot.source if claim.snapshot_id else None
    return {
        "claim_text": claim.text,
        "claim_speaker": claim.speaker,
        "claim_speaker_type": claim.speaker_type if claim.speaker else "",
        "appearance_url": (article.url or "") if article else "",
        "appearance_headline": (claim.snapshot.title or article.title) if article else "",
        "appearance_publisher": article.publisher if article else "",
        "appearance_published_at": article.published_at if article else None,
    }


def _citation_key(citation: VerdictCitation) -> tuple:
    return (citation.stance, citation.excerpt, citation.without_archive_reason)


def _differences(previous: Verdict | None, version: Verdict, citations: list) -> list[dict]:
    """What a correction changed, field by field, for the public notice."""
    if previous is None:
        return []
    changes: list[dict] = []
    for field, label in (
        ("rating", "rating"),
        ("conclusion", "conclusion"),
        ("explanation", "explanation"),
        ("claim_text", "claim wording"),
        ("claim_speaker", "speaker"),
    ):
        old, new = getattr(previous, field), getattr(version, field)
        if old != new:
            if field == "rating":
                old, new = Rating(old).label, Rating(new).label
            changes.append({"field": label, "from": old, "to": new})
    before = {c.source_url: _citation_key(c) for c in previous.citations.all()}
    after = {c.source_url: _citation_key(c) for c in citations}
    for url in sorted(after.keys() - before.keys()):
        changes.append({"field": "evidence added", "from": "", "to": url})
    for url in sorted(before.keys() - after.keys()):
        changes.append({"field": "evidence removed", "from": url, "to": ""})
    for url in sorted(before.keys() & after.keys()):
        if before[url] != after[url]:
            changes.append({"field": "evidence changed", "from": url, "to": url})
    return changes


def publish_version(
    *, claim: Claim, actor: AbstractBaseUser, note: str, expected_tag: str | None
) -> dict:
    """Freeze the draft as the claim's next public version. The claim is locked by the caller."""
    check_review_tag(claim, expected_tag, "publish")
    draft = check_ready_for_review(claim, current_draft(claim), "publish")
    if not Verdict.may_be_published_by(actor, draft_contributors(claim, draft)):
        raise WorkflowError(
            "four_eyes",
            "Cannot publish: you contributed to this version (its verdict, evidence or claim "
            "wording) since the last one. Another editor must publish it (second pair of eyes).",
            status=403,
            allowed_actions=[],
        )
    previous = claim.verdicts.filter(number__isnull=False).order_by("-number").first()
    if previous is not None and not note:
        raise WorkflowError(
            "note_required",
            "Publishing a correction needs a note saying what changed and why: readers see it "
            "on the fact-check page. Add a note and try again.",
            status=400,
        )
    now = timezone.now()
    citations = []
    accepted = claim.evidence.filter(state=Evidence.State.ACCEPTED).select_related("source")
    for item in accepted.order_by("id"):
        snapshot = item.snapshot or item.source.latest_snapshot()
        citations.append(
            VerdictCitation(
                source=item.source,
                snapshot=snapshot,
                source_url=item.source.url or "",
                source_title=item.source.title,
                stance=item.stance,
                excerpt=item.excerpt,
                note=item.note,
                without_archive_reason=item.without_archive_reason.strip(),
            )
        )
    claim.verdicts.filter(state=Verdict.State.PUBLISHED).update(
        state=Verdict.State.SUPERSEDED, updated_at=now
    )
    for name, value in frozen_claim_fields(claim).items():
        setattr(draft, name, value)
    draft.state = Verdict.State.PUBLISHED
    draft.number = (previous.number if previous else 0) + 1
    draft.reviewer = actor
    draft.published_at = now
    draft.correction_note = note if previous else ""
    draft.correction_changes = _differences(previous, draft, citations)
    draft.save()
    for citation in citations:
        citation.verdict = draft
    VerdictCitation.objects.bulk_create(citations)
    for citation in citations:
        # What a published verdict relies on is checked daily for changes and death.
        source_watch(source=citation.source, tier=Source.Tier.CITED)
    return {"verdict": draft.pk, "version": draft.number, "rating": draft.rating}


def retract_version(*, claim: Claim, note: str) -> dict:
    """The current version stays readable at its URL, marked retracted with date and reason."""
    now = timezone.now()
    current = claim.verdicts.filter(state=Verdict.State.PUBLISHED).first()
    if current is None:
        return {}
    Verdict.objects.filter(pk=current.pk).update(
        state=Verdict.State.RETRACTED, retracted_at=now, retraction_note=note, updated_at=now
    )
    return {"verdict": current.pk, "version": current.number}


def open_correction(claim: Claim) -> dict:
    """Reopening starts a new draft from the latest published text, so a correction is an edit.

    The draft has no author: reopening is not writing, and whoever reopens may still publish
    the correction if they do not change it themselves (a one-researcher, one-editor desk can
    always finish one).
    """
    if current_draft(claim) is not None:
        return {}
    latest = claim.verdicts.filter(number__isnull=False).order_by("-number").first()
    draft = Verdict.objects.create(
        claim=claim,
        rating=latest.rating if latest else "",
        conclusion=latest.conclusion if latest else "",
        explanation=latest.explanation if latest else "",
        author=None,
    )
    return {"draft": draft.pk, "from_version": latest.number if latest else None}
