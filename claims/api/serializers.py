"""Shapes of the claims API: claims, their families and matches, events and articles.
Validation and shaping only: the writes live in claims.services. The shapes of verdicts and
evidence are in claims.api.verdict_serializers.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims import public_selectors, selectors
from claims.api.verdict_serializers import PublishedVerdictSerializer
from claims.claimreview import fact_check_url
from claims.models import (
    Claim,
    ClaimEvent,
    ClaimStatus,
    MatchKind,
    Rating,
    SpeakerType,
    max_length,
)
from claims.public_json import iso_datetime
from claims.workflow import ACTIONS, DESK_ROLES, available_actions
from config.api import StrictCharField, StrictSerializer
from config.openapi import request_rule
from sources.models import MAX_URL_LENGTH, Source

MAX_ARTICLE_CHARS = 5_000_000


class ArticleRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "title", "url", "publisher", "published_at"]
        read_only_fields = fields


class FamilyVerdictSerializer(serializers.Serializer):
    """The verdict an occurrence shows: its family's fact-check, the head claim's newest public
    version, read live (a new version of it reaches every occurrence). `state` is `retracted`
    when the family's fact-check was retracted."""

    claim = serializers.IntegerField(help_text="The claim whose fact-check it is (the head).")
    version = serializers.IntegerField()
    state = serializers.ChoiceField(
        choices=[(s, s) for s in public_selectors.PUBLIC_VERDICT_STATES]
    )
    rating = serializers.ChoiceField(choices=Rating.choices)
    published_at = serializers.DateTimeField()
    url = serializers.CharField(help_text="The fact-check's public page.")


class CheckedBeforeSerializer(serializers.Serializer):
    """A recorded match to a claim whose family has a current published fact-check, best
    first: the fact-check's verdict, and how close the match is (`kind` `same`, or `related`
    with the `reason` that tells them apart)."""

    claim = serializers.IntegerField(source="matched_id", help_text="The matched claim.")
    score = serializers.FloatField()
    kind = serializers.ChoiceField(choices=MatchKind.choices)
    reason = serializers.CharField(
        help_text='Why a match is only related, e.g. "different figure: 20,000 vs 17,000".'
    )
    rating = serializers.ChoiceField(choices=Rating.choices, source="fact_check.rating")
    version = serializers.IntegerField(source="fact_check.number")
    published_at = serializers.DateTimeField(source="fact_check.published_at")
    url = serializers.SerializerMethodField(
        help_text="The fact-check's public page (the matched claim's family's)."
    )

    def get_url(self, row: Any) -> str:
        return fact_check_url(row.head.pk)


class SimilarClaimSerializer(serializers.Serializer):
    """A recorded match to a claim still open on the desk (no fact-check yet), best first."""

    claim = serializers.IntegerField(source="matched_id", help_text="The matched claim.")
    text = serializers.CharField(source="matched.text")
    status = serializers.ChoiceField(choices=ClaimStatus.choices, source="matched.status")
    score = serializers.FloatField()
    kind = serializers.ChoiceField(choices=MatchKind.choices)
    reason = serializers.CharField()


class CheckedElsewhereSerializer(serializers.Serializer):
    """A recorded match to another fact-checker's review (imported ClaimReview, see
    external-reviews/), best first: who checked it, their rating as they gave it, and when."""

    review = serializers.IntegerField(source="review_id", help_text="The external review.")
    publisher = serializers.SerializerMethodField()
    claim_reviewed = serializers.CharField(source="review.claim_reviewed")
    rating_name = serializers.CharField(
        source="review.rating_name", help_text="The publisher's rating, as given."
    )
    rating = serializers.CharField(
        source="review.rating", help_text="Ours, when theirs maps to it clearly; else empty."
    )
    date_published = serializers.CharField(source="review.date_published")
    url = serializers.CharField(source="review.url", help_text="The review's page.")
    score = serializers.FloatField()
    kind = serializers.ChoiceField(choices=MatchKind.choices)
    reason = serializers.CharField()

    def get_publisher(self, row: Any) -> str:
        return row.review.publisher_name or row.review.publisher_site


def family_verdict(claim: Claim) -> dict[str, Any] | None:
    """FamilyVerdictSerializer's shape for an occurrence, from selectors.family_prefetches()
    (built by hand: a list page shapes it per row)."""
    head = claim.same_as if claim.same_as_id is not None else None
    if head is None:
        return None
    versions = getattr(head, "family_versions", None)
    if versions is None:  # not prefetched: one claim, so one query
        versions = list(
            head.verdicts.filter(state__in=public_selectors.PUBLIC_VERDICT_STATES).order_by(
                "-number"
            )[:1]
        )
    if not versions:
        return None
    version = versions[0]
    return {
        "claim": head.pk,
        "version": version.number,
        "state": version.state,
        "rating": version.rating,
        "published_at": iso_datetime(version.published_at, timezone.get_current_timezone()),
        "url": fact_check_url(head.pk),
    }


class ClaimSerializer(serializers.ModelSerializer):
    """A claim as the desk and REST clients see it: its text, speaker, workflow status, rating
    and the actions this user may take now. An occurrence of a family (`same_as`, attached with
    POST claims/{id}/family/) shows its family's verdict in `family_verdict`."""

    # Declared once, not built per row in a method: a ModelSerializer builds its fields on every
    # instantiation, which cost more than the rest of a list page together.
    article = ArticleRefSerializer(source="snapshot.source", read_only=True, allow_null=True)
    assignee = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    rating = StrictCharField(read_only=True, allow_null=True, default=None)
    published_version = serializers.IntegerField(read_only=True, allow_null=True, default=None)
    evidence_count = serializers.IntegerField(read_only=True, default=0)
    speaker_type = serializers.ChoiceField(
        choices=SpeakerType.choices, allow_blank=True, read_only=True
    )
    allowed_actions = serializers.SerializerMethodField()
    same_as = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text="The claim whose published fact-check this one is another occurrence of "
        "(its family's head), or null.",
    )
    family_verdict = serializers.SerializerMethodField(
        help_text="For an occurrence, the verdict it shows (its family's); null otherwise."
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "text",
            "article",
            "start",
            "end",
            "checkworthiness",
            "features",
            "speaker",
            "speaker_type",
            "quantities",
            "context",
            "status",
            "assignee",
            "origin",
            "rating",
            "published_version",
            "evidence_count",
            "allowed_actions",
            "same_as",
            "family_verdict",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_allowed_actions(self, claim: Claim) -> list[str]:
        request = self.context.get("request")
        return available_actions(claim.status, request.user if request else None)

    @extend_schema_field(FamilyVerdictSerializer(allow_null=True))
    def get_family_verdict(self, claim: Claim) -> dict[str, Any] | None:
        return family_verdict(claim)


class ClaimDetailSerializer(ClaimSerializer):
    """A claim, with `quote`: the exact sentence of the article it was extracted from, and
    what it was matched with: `checked_before` (published fact-checks), `checked_elsewhere`
    (other fact-checkers' imported reviews) and `similar_claims` (claims open on the desk).
    The response's ETag is the review tag, the If-Match a publish
    needs."""

    quote = StrictCharField(read_only=True)
    checked_before = serializers.SerializerMethodField()
    checked_elsewhere = serializers.SerializerMethodField()
    similar_claims = serializers.SerializerMethodField()

    class Meta(ClaimSerializer.Meta):
        fields = [
            *ClaimSerializer.Meta.fields,
            "quote",
            "checked_before",
            "checked_elsewhere",
            "similar_claims",
        ]

    def _family_matches(self, claim: Claim) -> tuple[list, list]:
        # One read for both fields (selectors.claim_family_matches: two queries).
        matches = getattr(claim, "family_matches", None)
        if matches is None:
            matches = claim.family_matches = selectors.claim_family_matches(claim)
        return matches

    @extend_schema_field(CheckedBeforeSerializer(many=True))
    def get_checked_before(self, claim: Claim) -> list[dict[str, Any]]:
        return CheckedBeforeSerializer(self._family_matches(claim)[0], many=True).data

    @extend_schema_field(CheckedElsewhereSerializer(many=True))
    def get_checked_elsewhere(self, claim: Claim) -> list[dict[str, Any]]:
        return CheckedElsewhereSerializer(selectors.claim_external_matches(claim), many=True).data

    @extend_schema_field(SimilarClaimSerializer(many=True))
    def get_similar_claims(self, claim: Claim) -> list[dict[str, Any]]:
        return SimilarClaimSerializer(self._family_matches(claim)[1], many=True).data


class FamilySerializer(StrictSerializer):
    """The published fact-check this claim is another occurrence of: the claim then shows its
    verdict. Attaching to an occurrence attaches to its family's head."""

    same_as = serializers.IntegerField(
        min_value=1,
        max_value=10**18 - 1,
        help_text="The id of a claim with a current published fact-check (or of one of its "
        "occurrences).",
    )

    def validate_same_as(self, value: int) -> Claim:
        head = Claim.objects.filter(pk=value).first()
        if head is None:
            raise serializers.ValidationError(
                f"There is no claim #{value}. Give the id of a claim with a published fact-check.",
                code="does_not_exist",
            )
        return head


class ClaimCreateSerializer(StrictSerializer):
    """A claim added by hand: its text, and optionally its speaker and the article it is from."""

    server_owned = tuple(ClaimDetailSerializer.Meta.fields)
    text = StrictCharField(max_length=max_length(Claim, "text"))
    speaker = StrictCharField(
        max_length=max_length(Claim, "speaker"), required=False, allow_blank=True, default=""
    )
    speaker_type = serializers.ChoiceField(
        choices=SpeakerType.choices, required=False, allow_blank=True, default=""
    )
    article = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.articles(), required=False, allow_null=True, default=None
    )


class ClaimUpdateSerializer(StrictSerializer):
    """Changes to a claim: any of text, speaker, speaker_type and assignee (a researcher's or
    editor's username, or null). Send the claim's ETag as If-Match to refuse a stale edit."""

    server_owned = tuple(ClaimDetailSerializer.Meta.fields)
    text = StrictCharField(max_length=max_length(Claim, "text"), required=False)
    speaker = StrictCharField(
        max_length=max_length(Claim, "speaker"), required=False, allow_blank=True
    )
    speaker_type = serializers.ChoiceField(
        choices=SpeakerType.choices, required=False, allow_blank=True
    )
    assignee = serializers.SlugRelatedField(
        slug_field="username",
        queryset=get_user_model().objects.filter(groups__name__in=DESK_ROLES).distinct(),
        allow_null=True,
        required=False,
    )


class TransitionSerializer(StrictSerializer):
    """A workflow action on a claim. dismiss, request_changes, reopen and retract need a note,
    and so does publishing a correction: readers see it."""

    action = StrictCharField(max_length=40, help_text=f"One of: {', '.join(ACTIONS)}.")
    note = StrictCharField(
        max_length=max_length(ClaimEvent, "note"), required=False, allow_blank=True, default=""
    )


class EventSerializer(serializers.ModelSerializer):
    actor = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    # Blank for events that do not move the claim (edits, evidence changes).
    from_status = serializers.CharField(read_only=True, help_text="A claim status, or empty.")
    to_status = serializers.CharField(read_only=True, help_text="A claim status, or empty.")

    class Meta:
        model = ClaimEvent
        fields = [
            "id",
            "action",
            "actor",
            "from_status",
            "to_status",
            "note",
            "changes",
            "created_at",
        ]
        read_only_fields = fields


class MatchSerializer(ClaimSerializer):
    """A claim that matches the text asked about: its `similarity` (0 to 1, meaning and
    wording combined), `match_kind` (`same`: nothing tells the two apart; `related`: close,
    but `match_reason` says what differs: a figure, an actor, a negation) and its published
    verdicts."""

    similarity = serializers.FloatField(
        read_only=True,
        help_text="The estimated probability (0 to 1) that this is the claim the text makes, "
        "from meaning and wording together: about 1.0 for a word-for-word copy. Without the "
        "sentence encoder (see /healthz), the trigram similarity of the wording instead.",
    )
    match_kind = serializers.ChoiceField(choices=MatchKind.choices, read_only=True)
    match_reason = StrictCharField(
        read_only=True,
        help_text='Why a match is only related, e.g. "different figure: 20,000 vs 17,000" or '
        '"weak match" (a similarity below the same-claim floor); empty for `same`.',
    )
    # Declared once, not built per claim: the view hangs each claim's published versions on it.
    verdicts = PublishedVerdictSerializer(many=True, read_only=True, source="published_versions")

    class Meta(ClaimSerializer.Meta):
        fields = [
            "similarity",
            "match_kind",
            "match_reason",
            *ClaimSerializer.Meta.fields,
            "verdicts",
        ]


class ArticleSerializer(serializers.ModelSerializer):
    claim_count = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = Source
        fields = [
            "id",
            "title",
            "url",
            "publisher",
            "author",
            "published_at",
            "language",
            "status",
            "last_error",
            "claim_count",
            "created_at",
        ]
        read_only_fields = fields


@request_rule(
    "ArticleCreateRequest",
    "Give the article as `text` or as `html` (not both), or give only its `url` to fetch it. "
    "With text or html, `url` records where it was published.",
)
class ArticleCreateSerializer(StrictSerializer):
    """An article to ingest: text and HTML are extracted at once (201, with the claims found);
    a URL alone is fetched in the background (202)."""

    text = StrictCharField(required=False, max_length=MAX_ARTICLE_CHARS, trim_whitespace=False)
    html = StrictCharField(required=False, max_length=MAX_ARTICLE_CHARS, trim_whitespace=False)
    url = serializers.URLField(required=False, max_length=MAX_URL_LENGTH)
    title = StrictCharField(required=False, max_length=1000, allow_blank=True, default="")
    published_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    min_checkworthiness = serializers.FloatField(
        required=False, min_value=0, max_value=1, allow_null=True, default=None
    )

    def validate(self, attrs: dict) -> dict:
        given = [name for name in ("text", "html") if attrs.get(name)]
        if len(given) > 1:
            raise serializers.ValidationError(
                {"html": "Give the article as text or as html, not both."}
            )
        if not given and not attrs.get("url"):
            raise serializers.ValidationError(
                {"text": "Give the article's text, its html, or a url to fetch it from."}
            )
        return attrs
