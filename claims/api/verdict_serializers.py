"""Shapes of verdicts (drafts, citations, the published versions REST clients pull) and of
evidence. Validation and shaping only: the writes live in claims.services.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.claimreview import fact_check_url
from claims.models import (
    Evidence,
    Stance,
    Verdict,
    VerdictCitation,
    max_length,
)
from config.api import StrictCharField, StrictModelSerializer, StrictSerializer
from config.openapi import request_rule
from sources.models import MAX_URL_LENGTH, Source


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
