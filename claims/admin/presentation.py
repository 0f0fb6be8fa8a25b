"""What the desk's pages show, shaped for their templates: nothing here writes or validates.

The claim in its paragraph, the article text with its claims marked, the features behind a
score, a claim's history in words, and the workflow buttons a user gets.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from claims.models import Claim, ClaimEvent, ClaimStatus, Verdict
from claims.workflow import ACTIONS, Action, available_actions

# --- The claim in its article -----------------------------------------------------------------

# A paragraph ends at a blank line (a line holding nothing but white space).
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# However long a paragraph is, the claim's page shows at most this much text around the claim.
CONTEXT_CHARS = 700


@dataclass(frozen=True)
class Paragraph:
    before: str
    claim: str
    after: str


def paragraph_around(text: str, start: int, end: int) -> Paragraph:
    """The paragraph holding [start, end): the text between the blank lines around the span."""
    para_start = 0
    for match in BLANK_LINE.finditer(text, 0, start):
        para_start = match.end()
    following = BLANK_LINE.search(text, end)
    para_end = following.start() if following else len(text)
    before = text[para_start:start]
    after = text[end:para_end]
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].lstrip()
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rstrip() + "…"
    return Paragraph(before=before.lstrip(), claim=text[start:end], after=after.rstrip())


def claim_hover(claim: Claim) -> str:
    speaker = claim.speaker or "not attributed"
    return (
        f"Check-worthiness {claim.checkworthiness:.2f} · Speaker: {speaker} · "
        f"{ClaimStatus(claim.status).label}"
    )


def score_band(score: float) -> str:
    return "high" if score >= 0.85 else "mid" if score >= 0.7 else "low"


def highlight_claims(
    text: str, claims: Iterable[Claim], link_for: Callable[[Claim], str]
) -> SafeString:
    """The article text, escaped, with every claim's span wrapped in a <mark> that links to it.

    `link_for(claim)` gives the claim page's URL. Spans are sentences and never overlap; a span
    that would (a claim added by hand over an extracted one) is left unmarked rather than
    breaking the markup.
    """
    pieces: list[str] = []
    position = 0
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        if claim.start is None or claim.end is None or claim.start < position:
            continue
        if claim.end > len(text):
            continue
        pieces.append(conditional_escape(text[position : claim.start]))
        pieces.append(
            format_html(
                '<mark class="claim claim-{} score-{}" id="claim-{}" title="{}">'
                '<a href="{}">{}</a></mark>',
                claim.status,
                score_band(claim.checkworthiness),
                claim.pk,
                claim_hover(claim),
                link_for(claim),
                text[claim.start : claim.end],
            )
        )
        position = claim.end
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(str(piece) for piece in pieces))  # noqa: S308 - every piece is escaped


def naturaltime_short(moment: datetime) -> str:
    """ "5 min ago", "3 h ago", else the date: enough to see what moved lately in a list."""
    seconds = (timezone.now() - moment).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return date_format(timezone.localtime(moment), "j M Y")


# --- The features behind a score --------------------------------------------------------------

# Claim.features holds the scorer's floats as computed (0.7099893898430416); three decimals are
# as many as a reader can use, and a fixed count keeps the right-aligned columns lined up.
FEATURE_DECIMALS = 3


def format_number(value: Any, decimals: int = FEATURE_DECIMALS) -> Any:
    """A float rounded to `decimals` places ("0.710"); anything else (an int, text, a bool,
    None) as it is."""
    if isinstance(value, float) and math.isfinite(value):
        return f"{value:.{decimals}f}"
    return value


@dataclass(frozen=True)
class FeatureRow:
    name: str
    value: Any
    weight: Any
    contribution: float
    share: int  # width of the bar, in percent of the largest contribution

    @property
    def value_shown(self) -> Any:
        return format_number(self.value)

    @property
    def weight_shown(self) -> Any:
        return format_number(self.weight)

    @property
    def contribution_shown(self) -> str:
        """Signed, so that a push up reads as one: "+0.710", "-1.994"."""
        shown = format_number(self.contribution)
        return f"+{shown}" if self.contribution > 0 else str(shown)


def feature_rows(features: Any) -> list[FeatureRow]:
    """Claim.features as table rows, the biggest push (up or down) first."""
    items = [item for item in (features or []) if isinstance(item, dict)]

    def contribution(item: dict) -> float:
        try:
            return float(item.get("contribution") or 0.0)
        except (TypeError, ValueError):
            return 0.0

    items.sort(key=lambda item: abs(contribution(item)), reverse=True)
    largest = max((abs(contribution(item)) for item in items), default=0.0) or 1.0
    return [
        FeatureRow(
            name=str(item.get("name", "?")).replace("_", " "),
            value=item.get("value"),
            weight=item.get("weight"),
            contribution=contribution(item),
            share=round(100 * abs(contribution(item)) / largest),
        )
        for item in items
    ]


# --- A claim's history ------------------------------------------------------------------------

EVENT_LABELS = {
    **{action.name: action.label for action in ACTIONS.values()},
    "extracted": "Extracted",
    "created": "Added by hand",
    "edited": "Claim edited",
    "verdict_created": "Draft verdict started",
    "verdict_edited": "Draft verdict edited",
    "evidence_added": "Evidence added",
    "evidence_changed": "Evidence changed",
    "evidence_removed": "Evidence removed",
    "evidence_accepted": "Suggestion accepted",
    "evidence_rejected": "Suggestion rejected",
    "evidence_suggested": "Source suggested",
    "evidence_gone": "Evidence gone",
}


def _short(value: Any, limit: int = 90) -> str:
    if value in (None, ""):
        return "—"
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Row ids the services record for machines; the page shows the rows themselves.
HIDDEN_CHANGE_KEYS = frozenset({"evidence", "verdict", "draft"})


def describe_changes(changes: Any) -> list[str]:
    """A ClaimEvent's `changes` as short lines: `field: old → new` for edits."""
    if not isinstance(changes, dict):
        return [_short(changes)] if changes else []
    lines = []
    for key, value in changes.items():
        if key in HIDDEN_CHANGE_KEYS:
            continue
        name = str(key).replace("_", " ")
        if isinstance(value, list) and len(value) == 2:
            lines.append(f"{name}: {_short(value[0])} → {_short(value[1])}")
        else:
            lines.append(f"{name}: {_short(value)}")
    return lines


def history_rows(events: Iterable[ClaimEvent]) -> list[dict[str, Any]]:
    """A claim's events as the page lists them: each with its label and its changes in words."""
    return [
        {
            "event": event,
            "label": EVENT_LABELS.get(event.action, event.action.replace("_", " ")),
            "changes": describe_changes(event.changes),
        }
        for event in events
    ]


# --- Who may do what, as the page shows it ----------------------------------------------------

FOUR_EYES_HINT = (
    "Publish is for another editor: you contributed to this version (its verdict, evidence or "
    "claim wording) since the last one (second pair of eyes)."
)


def desk_actions(
    claim: Claim, draft: Verdict | None, user, contributors: set[int]
) -> tuple[list[Action], str]:
    """The workflow buttons this user gets on this claim, and why one is missing if it is.

    Publish is hidden from a contributor (the four-eyes rule of claims.publication, asked
    before drawing the button); the service still decides.
    """
    names = available_actions(claim.status, user)
    hint = ""
    if (
        "publish" in names
        and draft is not None
        and not Verdict.may_be_published_by(user, contributors)
    ):
        names = [name for name in names if name != "publish"]
        hint = FOUR_EYES_HINT
    return [ACTIONS[name] for name in names], hint
