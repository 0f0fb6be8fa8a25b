"""Claim families: a new occurrence of a claim attached to the published fact-check that already
answers it ("same claim as #12"), and detached again.

The rules, as a standards editor would state them:

- Editors only: attaching shows a published verdict on another article, which is publishing.
- The head has a current published fact-check (status published or needs_update, and a version
  in state published): an occurrence shows that verdict, read live from the head, so a new
  version of it reaches every occurrence.
- Families are one level deep: attaching to an occurrence attaches to its head; a head with
  occurrences cannot itself be attached elsewhere.
- A claim with a public version of its own (published, superseded or retracted) cannot become
  an occurrence: its own record stays its own. Retract it, or publish a correction, instead.
- The occurrence keeps its workflow status (no status means "covered by another fact-check");
  `same_as` says it. Publishing an occurrence's own version is refused by
  `require_not_occurrence` (called from the publish path): detach it first.

Both claims are locked (in id order, so two attaches never deadlock), both get a ClaimEvent and
a new version, and the head's current version is touched (updated_at only, which the triggers
allow): its ClaimReview lists the family's appearances, so the feeds' ETags must move.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from claims.guards import bump, check_version, record_event
from claims.models import Claim, ClaimStatus, Verdict
from claims.publication import check_review_tag
from claims.workflow import EDITOR, FAMILY_HEAD_STATUSES, WorkflowError, user_roles


def may_head_family(status: str, current_version_state: str | None) -> bool:
    """Whether a claim in `status`, whose latest public version is in `current_version_state`
    (None: none), may take occurrences. The service's rule; the desk asks it to draw buttons."""
    return status in FAMILY_HEAD_STATUSES and current_version_state == Verdict.State.PUBLISHED


def require_not_occurrence(claim: Claim, doing: str) -> None:
    """Refuse giving an occurrence a verdict of its own: it shows its family's."""
    if claim.same_as_id is not None:
        raise WorkflowError(
            "occurrence",
            f"Cannot {doing}: this claim is another occurrence of #{claim.same_as_id} and shows "
            "that fact-check's verdict. Detach it from the family first.",
            status=409,
        )


def _require_editor(actor: AbstractBaseUser | None, doing: str) -> None:
    if EDITOR not in user_roles(actor):
        raise WorkflowError(
            "forbidden_role",
            f"Only an editor can {doing}: it shows a published verdict on another article.",
            status=403,
        )


def _lock_both(claim_id: int, other_id: int) -> dict[int, Claim]:
    """Both claims' rows, locked in id order (two editors attaching crosswise cannot deadlock);
    the other may be missing, the claim itself may not (Claim.DoesNotExist, as lock_claim)."""
    rows = Claim.objects.select_for_update().filter(pk__in=[claim_id, other_id]).order_by("pk")
    locked = {claim.pk: claim for claim in rows}
    if claim_id not in locked:
        raise Claim.DoesNotExist(f"No claim #{claim_id}.")
    return locked


def _touch_current_version(head: Claim) -> None:
    """The head's ClaimReview lists its family: move its current version's updated_at (the one
    column of a public version besides its state that may change) so the feeds' ETags do."""
    Verdict.objects.filter(claim=head, state=Verdict.State.PUBLISHED).update(
        updated_at=timezone.now()
    )


def attach_occurrence(
    claim: Claim | int,
    head: Claim | int,
    *,
    actor: AbstractBaseUser,
    expected_version: int | None = None,
    expected_tag: str | None = None,
) -> Claim:
    """Make `claim` another occurrence of `head`'s published fact-check (of its head's, when
    `head` is itself an occurrence). `expected_version` (the desk) or `expected_tag` (the
    API's If-Match, the claim's review tag) refuse a stale attach with 412."""
    _require_editor(actor, "attach a claim to a fact-check")
    claim_id = claim.pk if isinstance(claim, Claim) else claim
    head_id = head.pk if isinstance(head, Claim) else head
    with transaction.atomic():
        # Families are one level deep: the head's own head, if it has one, is the family's.
        root_id = Claim.objects.filter(pk=head_id).values_list("same_as", flat=True).first()
        root_id = root_id or head_id
        if claim_id in (head_id, root_id):
            raise WorkflowError(
                "same_claim",
                f"Claim #{claim_id} cannot be another occurrence of itself"
                + (f" (#{head_id} is one of its occurrences)." if head_id != claim_id else ".")
                + " Choose the published fact-check it repeats.",
                status=400,
            )
        locked = _lock_both(claim_id, root_id)
        claim, root = locked[claim_id], locked.get(root_id)
        if root is None:
            raise WorkflowError(
                "not_found", f"There is no claim #{head_id}. Check the number.", status=400
            )
        check_version(claim, expected_version)
        check_review_tag(claim, expected_tag, "attach the claim to a fact-check")
        if root.same_as_id is not None:  # it joined a family since we read it
            raise WorkflowError(
                "stale_version",
                f"Claim #{root.pk} was itself attached to #{root.same_as_id} meanwhile. "
                "Reload the page and try again.",
                status=412,
            )
        if claim.same_as_id == root.pk:
            return claim  # already in this family: nothing to do
        if claim.same_as_id is not None:
            raise WorkflowError(
                "already_in_family",
                f"Claim #{claim.pk} is already another occurrence of #{claim.same_as_id}. "
                "Detach it first, then attach it to the right fact-check.",
                status=409,
            )
        current = (
            root.verdicts.filter(number__isnull=False).order_by("-number").only("state").first()
        )
        if not may_head_family(root.status, current.state if current else None):
            raise WorkflowError(
                "not_published",
                f"Claim #{root.pk} has no current published fact-check "
                f"(it is {ClaimStatus(root.status).label.lower()}"
                + (f", its latest version {current.get_state_display().lower()}" if current else "")
                + "). Attach claims only to a published fact-check.",
                status=409,
            )
        if claim.occurrences.exists():
            raise WorkflowError(
                "has_occurrences",
                f"Other claims are occurrences of #{claim.pk}, so it cannot join another "
                "family (families are one level deep). Detach its occurrences first.",
                status=409,
            )
        if claim.verdicts.filter(number__isnull=False).exists():
            raise WorkflowError(
                "has_own_fact_check",
                f"Claim #{claim.pk} has a published fact-check of its own, which stays its own. "
                "Retract it first, or publish a correction of it instead of attaching it.",
                status=409,
            )
        _record_family_change(
            claim,
            root,
            actor=actor,
            action="family_attached",
            same_as=[None, root.pk],
            notes=(f"Same claim as #{root.pk}.", f"#{claim.pk} attached as another occurrence."),
        )
    return claim


def attach_occurrences(
    versions: Mapping[int, int], head: Claim | int, *, actor: AbstractBaseUser
) -> list[Claim]:
    """Attach several claims to `head`'s fact-check at once (a suggested family), all or none:
    `versions` maps each claim's id to the version the editor saw (a stale one refuses the
    whole attach with 412, and nothing is attached)."""
    with transaction.atomic():
        return [
            attach_occurrence(pk, head, actor=actor, expected_version=version)
            for pk, version in sorted(versions.items())
        ]


def detach_occurrence(
    claim: Claim | int,
    *,
    actor: AbstractBaseUser,
    expected_version: int | None = None,
    expected_tag: str | None = None,
) -> Claim:
    """Take `claim` out of its family: it no longer shows the head's verdict."""
    _require_editor(actor, "detach a claim from a fact-check")
    claim_id = claim.pk if isinstance(claim, Claim) else claim
    with transaction.atomic():
        head_id = Claim.objects.filter(pk=claim_id).values_list("same_as", flat=True).first()
        locked = _lock_both(claim_id, head_id or claim_id)
        claim = locked[claim_id]
        check_version(claim, expected_version)
        check_review_tag(claim, expected_tag, "detach the claim")
        if claim.same_as_id is None:
            raise WorkflowError(
                "not_an_occurrence",
                f"Claim #{claim.pk} is not an occurrence of another fact-check: nothing to detach.",
                status=409,
            )
        head = locked.get(claim.same_as_id)
        if head is None:  # attached elsewhere between the read and the lock
            raise WorkflowError(
                "stale_version",
                "The claim's family changed meanwhile. Reload the page and try again.",
                status=412,
            )
        _record_family_change(
            claim,
            head,
            actor=actor,
            action="family_detached",
            same_as=[head.pk, None],
            notes=(
                f"No longer the same claim as #{head.pk}.",
                f"#{claim.pk} detached: no longer an occurrence.",
            ),
        )
    return claim


def _record_family_change(
    claim: Claim,
    head: Claim,
    *,
    actor: AbstractBaseUser,
    action: str,
    same_as: list[int | None],
    notes: tuple[str, str],
) -> None:
    """Set the occurrence's `same_as`, bump both claims, record the event on each (the
    occurrence's note first), and move the head's feeds (its ClaimReview changed)."""
    bump(claim, same_as_id=same_as[1])
    record_event(claim, actor=actor, action=action, note=notes[0], changes={"same_as": same_as})
    bump(head)
    record_event(head, actor=actor, action=action, note=notes[1], changes={"occurrence": claim.pk})
    _touch_current_version(head)
