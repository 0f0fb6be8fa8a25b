"""The editorial workflow as data: which action moves a claim from where to where, and who may.

The API and the admin both ask this module what a user may do and both call
`claims.services.claim_transition` to do it: there is one workflow, not two.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from claims.models import ClaimStatus

RESEARCHER = "researcher"
EDITOR = "editor"
API_CLIENT = "api_client"
DESK_ROLES = frozenset({RESEARCHER, EDITOR})

# Claims still on the desk: a new claim that repeats one of them is "similar", not checked.
OPEN_STATUSES = (ClaimStatus.NEW, ClaimStatus.RESEARCHING, ClaimStatus.IN_REVIEW)
# A claim whose fact-check is current (needs_update: still published, its evidence changed
# since; the version stands until a correction replaces it): it may head a claim family.
FAMILY_HEAD_STATUSES = frozenset({ClaimStatus.PUBLISHED, ClaimStatus.NEEDS_UPDATE})


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    note_required: bool = False


ACTIONS: dict[str, Action] = {
    action.name: action
    for action in [
        Action(
            "start_research",
            "Start research",
            frozenset({ClaimStatus.NEW, ClaimStatus.NEEDS_UPDATE}),
            ClaimStatus.RESEARCHING,
            DESK_ROLES,
        ),
        Action(
            "dismiss",
            "Dismiss",
            frozenset({ClaimStatus.NEW}),
            ClaimStatus.DISMISSED,
            DESK_ROLES,
            note_required=True,
        ),
        Action(
            "restore",
            "Restore",
            frozenset({ClaimStatus.DISMISSED}),
            ClaimStatus.NEW,
            frozenset({EDITOR}),
        ),
        Action(
            "submit",
            "Submit for review",
            frozenset({ClaimStatus.RESEARCHING}),
            ClaimStatus.IN_REVIEW,
            DESK_ROLES,
        ),
        Action(
            "request_changes",
            "Request changes",
            frozenset({ClaimStatus.IN_REVIEW}),
            ClaimStatus.RESEARCHING,
            frozenset({EDITOR}),
            note_required=True,
        ),
        Action(
            "publish",
            "Publish",
            frozenset({ClaimStatus.IN_REVIEW}),
            ClaimStatus.PUBLISHED,
            frozenset({EDITOR}),
        ),
        Action(
            "reopen",
            "Reopen",
            frozenset({ClaimStatus.PUBLISHED, ClaimStatus.NEEDS_UPDATE}),
            ClaimStatus.RESEARCHING,
            frozenset({EDITOR}),
            note_required=True,
        ),
        Action(
            "retract",
            "Retract",
            frozenset({ClaimStatus.PUBLISHED}),
            ClaimStatus.RETRACTED,
            frozenset({EDITOR}),
            note_required=True,
        ),
    ]
}


@dataclass
class WorkflowError(Exception):
    """A refused workflow move or edit. `status` is the HTTP status the API answers with."""

    code: str
    message: str
    status: int = 409
    allowed_actions: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return self.message


def user_roles(user: AbstractBaseUser | AnonymousUser | None) -> frozenset[str]:
    """The desk roles of a user (superusers act as editors). Cached on the user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_claimtracker_roles", None)
    if cached is None:
        cached = remember_roles(user, user.groups.values_list("name", flat=True))
    return cached


def remember_roles(user: AbstractBaseUser, group_names: Iterable[str]) -> frozenset[str]:
    """Cache user_roles() on the user from its group names, read by the caller (the API's
    token look-up reads them in the query that reads the user)."""
    roles = frozenset(group_names)
    if user.is_superuser:
        roles |= {EDITOR}
    user._claimtracker_roles = roles
    return roles


def is_desk_member(user) -> bool:
    return bool(user_roles(user) & DESK_ROLES)


def available_actions(status: str, user) -> list[str]:
    """Actions this user's roles allow from this status (preconditions are checked on use)."""
    roles = user_roles(user)
    return [
        action.name
        for action in ACTIONS.values()
        if status in action.sources and action.roles & roles
    ]


def actions_from(status: str) -> list[str]:
    return [action.name for action in ACTIONS.values() if status in action.sources]
