"""factory_boy factories for the models; tests build rows through these, not by hand."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from claims.models import Claim, ClaimStatus, Evidence, Rating, Verdict, VerdictCitation
from claims.publication import frozen_claim_fields
from sources.models import Snapshot, Source

ARTICLE_TEXT = (
    "Officials said the bridge cost 412 million euros. "
    "The mayor insists it will open next year. "
    "Critics argued that the tender broke three rules."
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    kind = Source.Kind.ARTICLE
    url = factory.Sequence(lambda n: f"https://news.example.org/story-{n}")
    title = factory.Sequence(lambda n: f"Story {n}")
    publisher = "Example News"


class SnapshotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Snapshot

    source = factory.SubFactory(SourceFactory)
    text = ARTICLE_TEXT
    title = factory.LazyAttribute(lambda snapshot: snapshot.source.title)
    raw_format = "text"


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    snapshot = factory.SubFactory(SnapshotFactory)
    start = 0
    end = factory.LazyAttribute(lambda claim: claim.snapshot.text.index(".") + 1)
    text = factory.LazyAttribute(lambda claim: claim.snapshot.text[claim.start : claim.end])
    checkworthiness = 0.8
    status = ClaimStatus.NEW


def archived_source(**kwargs) -> Source:
    """An evidence source with one archived snapshot (as after a successful fetch)."""
    source = SourceFactory(kind="evidence", **kwargs)
    SnapshotFactory(source=source, text="The archived evidence page says otherwise.")
    return source


def ready_claim(status: str, *, author=None) -> Claim:
    """A claim in `status` with every precondition of every action met: a complete draft (or
    a published version, for the published states) and archived evidence."""
    author = author or UserFactory(username="draft_author")
    claim = ClaimFactory(status=status)
    source = archived_source()
    evidence = Evidence.objects.create(
        claim=claim,
        source=source,
        stance="refutes",
        added_by=author,
        snapshot=source.latest_snapshot(),
    )
    if status in {ClaimStatus.PUBLISHED, ClaimStatus.NEEDS_UPDATE, ClaimStatus.RETRACTED}:
        now = timezone.now()
        retracted = status == ClaimStatus.RETRACTED
        version = Verdict.objects.create(
            claim=claim,
            state=Verdict.State.RETRACTED if retracted else Verdict.State.PUBLISHED,
            number=1,
            rating=Rating.FALSE,
            conclusion="It was not.",
            author=author,
            published_at=now,
            retracted_at=now if retracted else None,
            retraction_note="Retracted in a test." if retracted else "",
            **frozen_claim_fields(claim),
        )
        VerdictCitation.objects.create(
            verdict=version,
            source=source,
            snapshot=evidence.snapshot,
            source_url=source.url,
            source_title=source.title,
            stance=evidence.stance,
        )
    else:
        Verdict.objects.create(
            claim=claim, rating=Rating.FALSE, conclusion="It was not.", author=author
        )
    return claim
