"""factory_boy factories for the models, and `ready_claim`, a claim set up for any workflow move.

Tests that need a row build it here; tests that need a row made the way the desk makes it (with
its events) call the services instead. Public versions made here carry their frozen columns
(claims.publication.frozen_claim_fields), as publishing would.
"""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from claims.models import (
    Claim,
    ClaimMatch,
    ClaimStatus,
    Evidence,
    MatchKind,
    Rating,
    Verdict,
    VerdictCitation,
)
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


class VerdictFactory(factory.django.DjangoModelFactory):
    """A draft verdict, complete enough to submit (rating and conclusion)."""

    class Meta:
        model = Verdict

    claim = factory.SubFactory(ClaimFactory)
    rating = Rating.FALSE
    conclusion = "It was not."


class EvidenceFactory(factory.django.DjangoModelFactory):
    """Accepted evidence citing an archived source."""

    class Meta:
        model = Evidence

    claim = factory.SubFactory(ClaimFactory)
    source = factory.LazyFunction(lambda: archived_source())
    stance = "refutes"
    snapshot = factory.LazyAttribute(lambda evidence: evidence.source.latest_snapshot())


class ClaimMatchFactory(factory.django.DjangoModelFactory):
    """A recorded "checked before?" match, as the nlp queue's task writes them."""

    class Meta:
        model = ClaimMatch

    claim = factory.SubFactory(ClaimFactory)
    matched = factory.SubFactory(ClaimFactory)
    score = 0.92
    kind = MatchKind.SAME
    reason = ""


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
    evidence = EvidenceFactory(claim=claim, added_by=author)
    source = evidence.source
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
        VerdictFactory(claim=claim, author=author)
    return claim
