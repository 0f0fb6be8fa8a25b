"""Data: public versions published before 0008 get their frozen columns from the claim and
article as they are now (the best record there is), and citations their source's URL and
title; claims with a speaker get its type; evidence archived after it was attached gets its
snapshot."""

from django.db import migrations


def backfill(apps, schema_editor):
    from claims.extraction import speaker_type

    Claim = apps.get_model("claims", "Claim")
    Verdict = apps.get_model("claims", "Verdict")
    VerdictCitation = apps.get_model("claims", "VerdictCitation")
    for claim in Claim.objects.exclude(speaker="").filter(speaker_type="").iterator():
        claim.speaker_type = speaker_type(claim.speaker)
        claim.save(update_fields=["speaker_type"])
    public = Verdict.objects.exclude(state="draft").filter(claim_text="")
    for verdict in public.select_related("claim__snapshot__source").iterator():
        claim = verdict.claim
        article = claim.snapshot.source if claim.snapshot_id else None
        verdict.claim_text = claim.text
        verdict.claim_speaker = claim.speaker
        verdict.claim_speaker_type = claim.speaker_type if claim.speaker else ""
        if article is not None:
            verdict.appearance_url = article.url or ""
            verdict.appearance_headline = claim.snapshot.title or article.title
            verdict.appearance_publisher = article.publisher
            verdict.appearance_published_at = article.published_at
        if verdict.state == "retracted" and verdict.retracted_at is None:
            verdict.retracted_at = verdict.updated_at
        verdict.save()
    for citation in VerdictCitation.objects.filter(source_url="").select_related("source"):
        citation.source_url = citation.source.url or ""
        citation.source_title = citation.source.title
        citation.save(update_fields=["source_url", "source_title"])
    # Evidence whose source was archived after it was attached cites that first copy (the
    # snapshot_stored receiver does this from now on).
    Snapshot = apps.get_model("sources", "Snapshot")
    Evidence = apps.get_model("claims", "Evidence")
    for evidence in Evidence.objects.filter(snapshot__isnull=True).iterator():
        first = (
            Snapshot.objects.filter(source_id=evidence.source_id)
            .order_by("fetched_at", "id")
            .first()
        )
        if first is not None:
            evidence.snapshot = first
            evidence.save(update_fields=["snapshot"])


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0008_versions_freeze_public_record"),
        ("sources", "0002_refresh_tier_and_links"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
