"""The editorial workflow's writes: moving a claim through its states (claims.workflow.ACTIONS
says which moves exist and who may take them), editing or adding a claim by hand, writing its
draft verdict, and the system's own move of a published claim to needs_update.

Each write locks the claim (claims.guards), checks the caller's view is current, and records an
append-only ClaimEvent. Publishing, corrections and retractions freeze and unfreeze versions
through claims.publication, inside claim_transition's transaction.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from claims.guards import (
    bump,
    check_lengths,
    check_version,
    lock_claim,
    record_event,
    require_desk,
    require_open,
)
from claims.models import Claim, ClaimEvent, ClaimStatus, Verdict, WebhookEvent
from claims.publication import (
    check_ready_for_review,
    check_review_tag,
    current_draft,
    open_correction,
    publish_version,
    retract_version,
)
from claims.services.checked_before import claims_request_embedding, claims_request_rematch
from claims.services.evidence import claim_request_discovery
from claims.services.families import require_not_occurrence
from claims.services.webhooks import webhooks_enqueue, webhooks_enqueue_transition
from claims.workflow import ACTIONS, WorkflowError, available_actions, user_roles


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
        if action in ("submit", "publish"):
            require_not_occurrence(claim, f"{spec.label.lower()} it")
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
        webhooks_enqueue_transition(claim=claim, action=action)  # the outbox: same transaction
        if action == "start_research":
            # Suggest related sources while the researcher starts (a no-op with no providers).
            # By name: claims.tasks imports the services (config.celery.registered_task).
            claim_request_discovery(claim=claim, actor=actor)
        elif action in ("publish", "retract"):
            # Open claims that repeat it become (or stop being) "checked before".
            claims_request_rematch(claim.pk)
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
        if "text" in changes:
            claims_request_embedding([claim.pk])
    return claim


def claim_create(*, actor: AbstractBaseUser, data: dict) -> Claim:
    """A claim added by hand (no extraction); optionally tied to an article snapshot."""
    require_desk(actor, "add claims")
    check_lengths(Claim, data)
    with transaction.atomic():
        claim = Claim.objects.create(origin=Claim.Origin.MANUAL, checkworthiness=1.0, **data)
        record_event(claim, actor=actor, action="created", to_status=claim.status)
        claims_request_embedding([claim.pk])
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
        webhooks_enqueue(event=WebhookEvent.CLAIM_NEEDS_UPDATE, claim=claim)
    return True
