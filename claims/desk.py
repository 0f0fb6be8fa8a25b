"""The editors' desk in the admin: its forms and the small pieces of presentation it needs.

Nothing here writes: the admin views (claims/admin.py) validate input with these forms and call
claims.services, exactly as the API does. This module only shapes what the pages show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from claims.models import (
    Claim,
    ClaimEvent,
    ClaimStatus,
    Evidence,
    EvidenceState,
    Rating,
    SpeakerType,
    Stance,
    Verdict,
    max_length,
)
from claims.workflow import ACTIONS, DESK_ROLES, Action, available_actions

# --- Presentation -----------------------------------------------------------------------------

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


def highlight_claims(text: str, claims: Iterable[Claim], link_for) -> SafeString:
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


def score_band(score: float) -> str:
    return "high" if score >= 0.85 else "mid" if score >= 0.7 else "low"


@dataclass(frozen=True)
class FeatureRow:
    name: str
    value: Any
    weight: Any
    contribution: float
    share: int  # width of the bar, in percent of the largest contribution


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


# --- Forms ------------------------------------------------------------------------------------


def desk_users():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=DESK_ROLES)
        .distinct()
        .order_by("username")
    )


class TransitionForm(forms.Form):
    action = forms.CharField(max_length=40)
    note = forms.CharField(
        required=False,
        max_length=max_length(ClaimEvent, "note"),
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "Why? (needed for some actions)"}),
    )
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    # The review tag of the page as rendered (claims.publication.review_tag): publishing is
    # refused if the claim, draft or evidence changed since, as in the API's If-Match.
    review_tag = forms.CharField(max_length=100, widget=forms.HiddenInput)


class VerdictForm(forms.Form):
    rating = forms.ChoiceField(choices=[("", "— not rated yet —"), *Rating.choices], required=False)
    conclusion = forms.CharField(
        required=False,
        max_length=max_length(Verdict, "conclusion"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One or two sentences: what the reader should take away.",
    )
    explanation = forms.CharField(
        required=False,
        max_length=max_length(Verdict, "explanation"),
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text="The long form: how we checked, what the evidence says.",
    )
    # 0 means "there was no draft when I opened the page": a draft started meanwhile is stale.
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def verdict_data(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in ("rating", "conclusion", "explanation")}


class ClaimEditForm(forms.Form):
    text = forms.CharField(
        max_length=max_length(Claim, "text"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The claim as the desk words it.",
    )
    speaker = forms.CharField(max_length=max_length(Claim, "speaker"), required=False)
    speaker_type = forms.ChoiceField(
        choices=[("", "— not known —"), *SpeakerType.choices],
        required=False,
        help_text="ClaimReview names the speaker as a Person or an Organization.",
    )
    assignee = forms.ModelChoiceField(queryset=None, required=False, empty_label="— nobody —")
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = desk_users()

    def changed_claim_data(self, claim: Claim) -> dict[str, Any]:
        """Only what differs, so that assigning a closed claim is not refused as a rewording."""
        data: dict[str, Any] = {}
        if self.cleaned_data["text"] != claim.text:
            data["text"] = self.cleaned_data["text"]
        if self.cleaned_data["speaker"] != claim.speaker:
            data["speaker"] = self.cleaned_data["speaker"]
        if self.cleaned_data["speaker_type"] != claim.speaker_type:
            data["speaker_type"] = self.cleaned_data["speaker_type"]
        assignee = self.cleaned_data["assignee"]
        if (assignee.pk if assignee else None) != claim.assignee_id:
            data["assignee"] = assignee
        return data


class EvidenceAddForm(forms.Form):
    source_url = forms.CharField(
        label="Source URL",
        max_length=2048,
        widget=forms.URLInput(attrs={"placeholder": "https://…", "size": 50}),
    )
    stance = forms.ChoiceField(choices=[("", "— choose —"), *Stance.choices])
    excerpt = forms.CharField(
        required=False,
        max_length=max_length(Evidence, "excerpt"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    note = forms.CharField(required=False, max_length=max_length(Evidence, "note"))
    without_archive_reason = forms.CharField(
        label="Cite without archive",
        required=False,
        max_length=max_length(Evidence, "without_archive_reason"),
        help_text="Only if the page cannot be archived (paywall, offline document): say why. "
        "Readers see it.",
    )


class EvidenceEditForm(forms.Form):
    evidence = forms.IntegerField(widget=forms.HiddenInput)
    state = forms.ChoiceField(choices=EvidenceState.choices)
    stance = forms.ChoiceField(choices=[("", "—"), *Stance.choices], required=False)
    excerpt = forms.CharField(
        required=False,
        max_length=max_length(Evidence, "excerpt"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    note = forms.CharField(required=False, max_length=max_length(Evidence, "note"))
    without_archive_reason = forms.CharField(
        label="Cite without archive",
        required=False,
        max_length=max_length(Evidence, "without_archive_reason"),
        help_text="Only if the page cannot be archived (paywall, offline document): say why.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("stance") and data.get("state") != EvidenceState.SUGGESTED:
            self.add_error("stance", "Choose a stance: only a suggestion may go without one.")
        return data

    def evidence_data(self) -> dict[str, str]:
        names = ("state", "stance", "excerpt", "note", "without_archive_reason")
        return {name: self.cleaned_data[name] for name in names}


class DismissForm(forms.Form):
    note = forms.CharField(
        max_length=max_length(ClaimEvent, "note"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Why these claims are not worth checking; it is kept in each claim's history.",
        error_messages={"required": "Dismissing needs a note saying why. Write one and confirm."},
    )

    def clean_note(self) -> str:
        note = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError(self.fields["note"].error_messages["required"])
        return note


class IngestForm(forms.Form):
    FORMAT_CHOICES = [
        ("auto", "Detect (HTML if it has HTML tags)"),
        ("text", "Plain text"),
        ("html", "HTML"),
    ]

    content = forms.CharField(
        label="Article text or HTML",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 90}),
        help_text="Paste the article. Leave empty to fetch it from the URL instead.",
    )
    format = forms.ChoiceField(choices=FORMAT_CHOICES, initial="auto", widget=forms.RadioSelect)
    url = forms.CharField(
        label="URL",
        required=False,
        max_length=2048,
        widget=forms.URLInput(attrs={"placeholder": "https://…", "size": 70}),
        help_text="The article's address: identifies it, or is fetched when nothing is pasted.",
    )
    title = forms.CharField(required=False, max_length=1000, widget=forms.TextInput({"size": 70}))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not (data.get("content") or "").strip() and not (data.get("url") or "").strip():
            raise forms.ValidationError("Paste the article's text or HTML, or give its URL.")
        return data


class ReextractForm(forms.Form):
    min_score = forms.FloatField(
        label="Minimum check-worthiness",
        required=False,
        min_value=0.0,
        max_value=1.0,
        widget=forms.NumberInput(attrs={"step": "0.05", "style": "width: 5em"}),
        help_text="Empty: the server's default. Claims already stored are kept as they are.",
    )
