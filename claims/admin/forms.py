"""The desk's forms: they validate what an editor typed; the admin views then call
claims.services, exactly as the API does. Nothing here writes.

A form the claim's page draws filled in from a row has a classmethod that fills it
(`VerdictForm.for_draft`, `ClaimEditForm.for_claim`, `EvidenceEditForm.for_evidence`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from claims.models import (
    Claim,
    ClaimEvent,
    Evidence,
    EvidenceState,
    Rating,
    SpeakerType,
    Stance,
    Verdict,
    max_length,
)
from claims.workflow import DESK_ROLES
from sources.models import MAX_URL_LENGTH


def desk_users() -> QuerySet:
    """Who can be assigned a claim: active members of a desk role."""
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

    @classmethod
    def for_draft(cls, draft: Verdict | None) -> VerdictForm:
        """The form showing the draft verdict, or an empty one (revision 0) if there is none."""
        return cls(
            initial={
                "rating": draft.rating if draft else "",
                "conclusion": draft.conclusion if draft else "",
                "explanation": draft.explanation if draft else "",
                "revision": draft.revision if draft else 0,
            }
        )

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

    @classmethod
    def for_claim(cls, claim: Claim) -> ClaimEditForm:
        return cls(
            initial={
                "text": claim.text,
                "speaker": claim.speaker,
                "speaker_type": claim.speaker_type,
                "assignee": claim.assignee_id,
                "version": claim.version,
            }
        )

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


class EvidenceTextForm(forms.Form):
    """What adding and editing evidence both write: excerpt, note and the reason to cite the
    source without an archived copy. Limits from the model."""

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


class EvidenceAddForm(EvidenceTextForm):
    source_url = forms.CharField(
        label="Source URL",
        max_length=MAX_URL_LENGTH,
        widget=forms.URLInput(attrs={"placeholder": "https://…", "size": 50}),
    )
    stance = forms.ChoiceField(choices=[("", "— choose —"), *Stance.choices])
    field_order = ["source_url", "stance", "excerpt", "note", "without_archive_reason"]


class EvidenceEditForm(EvidenceTextForm):
    evidence = forms.IntegerField(widget=forms.HiddenInput)
    state = forms.ChoiceField(choices=EvidenceState.choices)
    stance = forms.ChoiceField(choices=[("", "—"), *Stance.choices], required=False)
    field_order = ["evidence", "state", "stance", "excerpt", "note", "without_archive_reason"]

    @staticmethod
    def _auto_id(evidence: Evidence) -> str:
        # The claim's page shows one of these forms per evidence row: each needs its own ids.
        return f"ev{evidence.pk}_%s"

    @classmethod
    def for_evidence(cls, evidence: Evidence) -> EvidenceEditForm:
        """The form showing `evidence` as it is saved."""
        return cls(
            initial={
                "evidence": evidence.pk,
                "state": evidence.state,
                "stance": evidence.stance,
                "excerpt": evidence.excerpt,
                "note": evidence.note,
                "without_archive_reason": evidence.without_archive_reason,
            },
            auto_id=cls._auto_id(evidence),
        )

    @classmethod
    def posted_for(cls, evidence: Evidence, data: Any) -> EvidenceEditForm:
        """The form as posted for `evidence`, with the same field ids as its row's form."""
        return cls(data, auto_id=cls._auto_id(evidence))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("stance") and data.get("state") != EvidenceState.SUGGESTED:
            self.add_error("stance", "Choose a stance: only a suggestion may go without one.")
        return data

    def evidence_data(self) -> dict[str, str]:
        names = ("state", "stance", "excerpt", "note", "without_archive_reason")
        return {name: self.cleaned_data[name] for name in names}


class FamilyAttachForm(forms.Form):
    """Attach the claim to a published fact-check ("same claim as #12"); the suggestions'
    buttons post the same form with the id filled in."""

    same_as = forms.IntegerField(
        label="Same claim as #",
        min_value=1,
        max_value=10**18 - 1,
        widget=forms.NumberInput(attrs={"placeholder": "12", "style": "width: 7em"}),
        help_text="The id of a claim with a published fact-check.",
    )
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Its own field ids: the claim's page has other forms with a `version`.
        kwargs.setdefault("auto_id", "family_%s")
        super().__init__(*args, **kwargs)


class FamilyDetachForm(FamilyAttachForm):
    same_as = None  # type: ignore[assignment]  # detaching names no fact-check


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
        max_length=MAX_URL_LENGTH,
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
