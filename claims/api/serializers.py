"""Shapes of the claims API. Validation and shaping only: the writes live in claims.services.

A little over the house's ~500 lines: one concern (every request and response shape of the
API, which the OpenAPI schema is generated from), kept together so the schema has one source.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.claimreview import fact_check_url
from claims.models import (
    Claim,
    ClaimEvent,
    Evidence,
    SpeakerType,
    Stance,
    Verdict,
    VerdictCitation,
    max_length,
)
from claims.workflow import ACTIONS, DESK_ROLES, available_actions
from config.api import StrictCharField, StrictModelSerializer, StrictSerializer
from config.openapi import request_rule
from sources.models import MAX_URL_LENGTH, Source

MAX_ARTICLE_CHARS = 5_000_000


class ArticleRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "title", "url", "publisher", "published_at"]
        read_only_fields = fields


_DATETIME = serializers.DateTimeField(read_only=True)


def _datetime(value: datetime | None, tz: tzinfo) -> str | None:
    """A datetime as DateTimeField shows it (ISO 8601 in `tz`, the current time zone, with
    "Z" for UTC), without looking the time zone up again for every value."""
    if value is None:
        return None
    if value.tzinfo is None:  # not from an aware database: let DRF decide
        return _DATETIME.to_representation(value)
    text = value.astimezone(tz).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class ClaimSerializer(serializers.ModelSerializer):
    """A claim as the desk and REST clients see it: its text, speaker, workflow status, rating
    and the actions this user may take now."""

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
            "status",
            "assignee",
            "origin",
            "rating",
            "published_version",
            "evidence_count",
            "allowed_actions",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_allowed_actions(self, claim: Claim) -> list[str]:
        request = self.context.get("request")
        return available_actions(claim.status, request.user if request else None)


class ClaimDetailSerializer(ClaimSerializer):
    """A claim, with `quote`: the exact sentence of the article it was extracted from. The
    response's ETag is the review tag, the If-Match a publish needs."""

    quote = StrictCharField(read_only=True)

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "quote"]


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


class VerdictDraftSerializer(StrictModelSerializer):
    """The claim's draft verdict: rating, conclusion and explanation. Published versions are
    frozen copies of it (see the verdicts feed)."""

    author = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    last_edited_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = Verdict
        fields = [
            "id",
            "rating",
            "conclusion",
            "explanation",
            "author",
            "last_edited_by",
            "revision",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "author",
            "last_edited_by",
            "revision",
            "created_at",
            "updated_at",
        ]


class CitationSerializer(serializers.ModelSerializer):
    """A citation as frozen into its version (the source's URL and title as cited)."""

    snapshot_id = serializers.IntegerField(read_only=True, allow_null=True)
    archived_at = serializers.DateTimeField(
        source="snapshot.fetched_at", read_only=True, allow_null=True
    )

    class Meta:
        model = VerdictCitation
        fields = [
            "source_url",
            "source_title",
            "stance",
            "excerpt",
            "snapshot_id",
            "archived_at",
            "without_archive_reason",
        ]
        read_only_fields = fields


@extend_schema_field(OpenApiTypes.OBJECT)
class FrozenArticleSerializer(serializers.Serializer):
    """The article a version's claim appeared in, as frozen into the version (null when the
    claim was added by hand without an article)."""

    id = serializers.IntegerField(source="claim.snapshot.source_id", read_only=True)
    title = serializers.CharField(source="appearance_headline", read_only=True)
    url = serializers.CharField(source="appearance_url", read_only=True)
    publisher = serializers.CharField(source="appearance_publisher", read_only=True)
    published_at = serializers.DateTimeField(
        source="appearance_published_at", read_only=True, allow_null=True
    )

    def to_representation(self, verdict: Verdict) -> dict[str, Any] | None:
        if verdict.claim.snapshot_id is None:
            return None
        return super().to_representation(verdict)


@extend_schema_field(OpenApiTypes.OBJECT)
class VerdictClaimSerializer(serializers.Serializer):
    """The claim a published version is about, as the version froze it."""

    id = serializers.IntegerField(source="claim_id", read_only=True)
    text = serializers.CharField(source="claim_text", read_only=True)
    speaker = serializers.CharField(source="claim_speaker", read_only=True)
    speaker_type = serializers.CharField(source="claim_speaker_type", read_only=True)
    article = FrozenArticleSerializer(source="*", read_only=True, allow_null=True)


class PublishedVerdictSerializer(serializers.ModelSerializer):
    """A public version, rendered from its own frozen columns only."""

    # Nested serializers are declared, not built per row (see ClaimSerializer.article).
    claim = VerdictClaimSerializer(source="*", read_only=True)
    version = serializers.IntegerField(source="number", read_only=True)
    url = serializers.SerializerMethodField(help_text="This version's public page.")
    # A method, not source="get_rating_display": DRF inspects a callable source's signature on
    # every row.
    rating_label = serializers.SerializerMethodField()
    reviewer = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    correction_changes = serializers.ListField(
        child=serializers.DictField(),
        read_only=True,
        help_text="What differs from the version before.",
    )
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Verdict
        fields = [
            "id",
            "claim",
            "version",
            "url",
            "state",
            "rating",
            "rating_label",
            "conclusion",
            "explanation",
            "reviewer",
            "published_at",
            "updated_at",
            "correction_note",
            "correction_changes",
            "retracted_at",
            "retraction_note",
            "citations",
        ]
        read_only_fields = fields
        # Read-only: no uniqueness validators. Without this, the declared `claim` field makes DRF
        # apply verdict_one_draft_per_claim and give `state` a default of "draft" in the schema.
        validators: list = []

    def get_rating_label(self, verdict: Verdict) -> str:
        return verdict.get_rating_display()

    def get_url(self, verdict: Verdict) -> str:
        return fact_check_url(verdict.claim_id, verdict.number)


class PublishedVerdictFeedSerializer(PublishedVerdictSerializer):
    """PublishedVerdictSerializer's shape, from the flat rows of selectors.verdict_feed().

    Shaped by hand: the feed shapes 50 to 200 versions a page, each with its claim, article and
    citations, and DRF's walk over ~35 fields per version was a third of the page's time. The
    fields and the schema stay PublishedVerdictSerializer's, and
    test_feed_shape_matches_the_published_verdict_serializer holds this to them.
    """

    def to_representation(self, verdict: Verdict) -> dict[str, Any]:
        row: Any = verdict  # the annotations of selectors.verdict_feed()
        tz = timezone.get_current_timezone()
        article = None
        if row.article_id is not None:
            article = {
                "id": row.article_id,
                "title": verdict.appearance_headline,
                "url": verdict.appearance_url,
                "publisher": verdict.appearance_publisher,
                "published_at": _datetime(verdict.appearance_published_at, tz),
            }
        return {
            "id": verdict.pk,
            "claim": {
                "id": verdict.claim_id,
                "text": verdict.claim_text,
                "speaker": verdict.claim_speaker,
                "speaker_type": verdict.claim_speaker_type,
                "article": article,
            },
            "version": verdict.number,
            "url": fact_check_url(verdict.claim_id, verdict.number),
            "state": verdict.state,
            "rating": verdict.rating,
            "rating_label": verdict.get_rating_display(),
            "conclusion": verdict.conclusion,
            "explanation": verdict.explanation,
            "reviewer": row.reviewer_username,
            "published_at": _datetime(verdict.published_at, tz),
            "updated_at": _datetime(verdict.updated_at, tz),
            "correction_note": verdict.correction_note,
            "correction_changes": verdict.correction_changes,
            "retracted_at": _datetime(verdict.retracted_at, tz),
            "retraction_note": verdict.retraction_note,
            "citations": [
                {
                    "source_url": citation.source_url,
                    "source_title": citation.source_title,
                    "stance": citation.stance,
                    "excerpt": citation.excerpt,
                    "snapshot_id": citation.snapshot_id,
                    "archived_at": _datetime(citation.archived_at, tz),
                    "without_archive_reason": citation.without_archive_reason,
                }
                for citation in row.feed_citations
            ],
        }


@request_rule(
    "EvidenceRequest",
    "Give `source_url` (the page cited) or `source` (the id of a known source): one of the two "
    "is required. Submit and publish refuse evidence that is not archived yet; set "
    "`without_archive_reason` to cite it without an archive.",
)
class EvidenceSerializer(StrictModelSerializer):
    """A source cited for or against a claim: its stance, an excerpt, a note, and whether it is
    archived (`snapshot`) or cited without an archive (`without_archive_reason`)."""

    source = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.all(),
        required=False,
        help_text="The id of a known source (or give source_url).",
    )
    source_url = serializers.URLField(
        max_length=MAX_URL_LENGTH,
        required=False,
        write_only=True,
        help_text="The URL of the page cited (or give source).",
    )
    source_detail = serializers.SerializerMethodField()
    stance = serializers.ChoiceField(choices=Stance.choices)
    added_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = Evidence
        fields = [
            "id",
            "claim",
            "source",
            "source_url",
            "source_detail",
            "state",
            "stance",
            "excerpt",
            "note",
            "without_archive_reason",
            "added_by",
            "snapshot",
            "source_changed_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "claim",
            "state",
            "added_by",
            "snapshot",
            "source_changed_at",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_source_detail(self, evidence: Evidence) -> dict[str, Any]:
        source = evidence.source
        return {
            "id": source.pk,
            "url": source.url,
            "title": source.title,
            "status": source.status,
            "last_checked_at": source.last_checked_at,
        }

    def validate(self, attrs: dict) -> dict:
        if self.instance is None and not (attrs.get("source") or attrs.get("source_url")):
            raise serializers.ValidationError(
                {"source_url": "Give the evidence's source_url, or the id of a known source."}
            )
        if self.instance is not None and ({"source", "source_url"} & set(attrs)):
            raise serializers.ValidationError(
                {"source": "The source of evidence cannot change: remove it and add another."}
            )
        return attrs


class AcceptSuggestionSerializer(StrictSerializer):
    """Accept a suggested source as evidence: the stance it takes, and optionally an excerpt."""

    stance = serializers.ChoiceField(choices=Stance.choices)
    excerpt = StrictCharField(
        max_length=max_length(Evidence, "excerpt"), required=False, allow_blank=True
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
    """A claim similar to the text asked about, its `similarity` (0 to 1), and its published
    verdicts."""

    similarity = serializers.FloatField(read_only=True)
    # Declared once, not built per claim: the view hangs each claim's published versions on it.
    verdicts = PublishedVerdictSerializer(many=True, read_only=True, source="published_versions")

    class Meta(ClaimSerializer.Meta):
        fields = ["similarity", *ClaimSerializer.Meta.fields, "verdicts"]


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
