"""The checks and bookkeeping every claims write shares: lock the claim, refuse a closed claim,
a non-desk actor, a stale edit or a field over its model's limit, and record the event.

Public so that every module that writes claims (claims.services.*, claims.publication) uses the
same ones; nothing here decides a workflow move (that is claims.services.workflow).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from claims.models import Claim, ClaimEvent, ClaimStatus
from claims.workflow import WorkflowError, actions_from, is_desk_member


def lock_claim(claim: Claim | int) -> Claim:
    """The claim's row, locked until the transaction ends: every write to a claim, its draft
    or its evidence takes this lock first, so they happen one after another."""
    pk = claim.pk if isinstance(claim, Claim) else claim
    return Claim.objects.select_for_update().get(pk=pk)


def record_event(
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


def bump(claim: Claim, **fields: object) -> None:
    """Save `fields` on the claim and move its version on (stale edits are checked against it)."""
    for name, value in fields.items():
        setattr(claim, name, value)
    claim.version += 1
    claim.save(update_fields=[*fields, "version", "updated_at"])


def check_version(claim: Claim, expected_version: int | None) -> None:
    if expected_version is not None and claim.version != expected_version:
        raise WorkflowError(
            "stale_version",
            f"The claim changed since you loaded it (you had version {expected_version}, it is "
            f"now {claim.version}). Reload it, check the changes, and try again.",
            status=412,
        )


def require_desk(actor: AbstractBaseUser | None, doing: str) -> None:
    if not is_desk_member(actor):
        raise WorkflowError(
            "forbidden_role",
            f"Only researchers and editors can {doing}. Ask an editor to give you a desk role.",
            status=403,
        )


def require_open(claim: Claim, doing: str) -> None:
    if claim.is_closed:
        label = ClaimStatus(claim.status).label.lower()
        hint = "Restore it" if claim.status == ClaimStatus.DISMISSED else "Reopen it"
        raise WorkflowError(
            "claim_closed",
            f"Cannot {doing}: the claim is {label}. {hint} first.",
            status=409,
            allowed_actions=actions_from(claim.status),
        )


def check_lengths(model: type[models.Model], data: Mapping[str, object]) -> None:
    """Refuse text longer than the model field's max_length: the one limit the API's
    serializers, the desk's forms and the services all read (a TextField's max_length is not
    enforced by the database)."""
    for name, value in data.items():
        if not isinstance(value, str):
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # not a model field: nothing to measure it against
            continue
        limit = getattr(field, "max_length", None)
        if limit is not None and len(value) > limit:
            label = str(field.verbose_name)
            raise WorkflowError(
                "too_long",
                f"The {label} is {len(value):,} characters long; the limit is {limit:,}. "
                "Shorten it and save again.",
                status=400,
            )
