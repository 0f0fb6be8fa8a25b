"""A real Celery worker process picks up a task from Redis and does the work in the database."""

from __future__ import annotations

import pytest

from claims.models import Claim
from claims.tasks import extract_snapshot
from tests.factories import SnapshotFactory
from tests.waiting import wait_for

pytestmark = [pytest.mark.broker, pytest.mark.postgres]


def test_real_worker_extracts_claims_from_a_snapshot(live_worker):
    snapshot = SnapshotFactory(
        text=(
            "The ministry said that 3,200 tonnes of cod were landed in 2022, twice the 2021 "
            "catch. Do you like fish?"
        )
    )

    extract_snapshot.apply_async((snapshot.pk,), kwargs={"min_score": 0.5}, queue=live_worker)

    assert wait_for(lambda: Claim.objects.filter(snapshot=snapshot).exists()), (
        "the worker did not store the extracted claim within 60 s"
    )
    claim = Claim.objects.get(snapshot=snapshot)
    assert claim.quote.startswith("The ministry said that 3,200 tonnes")
    assert claim.events.get().action == "extracted"


def test_real_worker_runs_a_task_twice_without_duplicates(live_worker):
    snapshot = SnapshotFactory(
        text="Officials said 412 million euros were spent on the bridge in 2019."
    )
    sentinel = SnapshotFactory(text="The port said 3,200 tonnes of cod were landed in 2022.")
    for _ in range(2):
        extract_snapshot.apply_async((snapshot.pk,), queue=live_worker)
    extract_snapshot.apply_async((sentinel.pk + 10_000,), queue=live_worker)  # gone: no error
    # One solo worker takes tasks in order: once the sentinel is done, so are the others.
    extract_snapshot.apply_async((sentinel.pk,), queue=live_worker)

    assert wait_for(lambda: Claim.objects.filter(snapshot=sentinel).exists())
    assert Claim.objects.filter(snapshot=snapshot).count() == 1


def test_real_worker_embeds_extracted_claims_and_records_what_they_repeat(live_worker):
    from django.utils import timezone

    from claims.models import ClaimEmbedding, ClaimMatch, ClaimStatus, Rating, Verdict
    from claims.semantic.encoder import MATCHING_MODEL_ID
    from tests.factories import ClaimFactory, UserFactory

    checked_text = "Officials said 412 million euros were spent on the bridge in 2019."
    checked = ClaimFactory(
        snapshot=SnapshotFactory(text=checked_text),
        end=len(checked_text),
        status=ClaimStatus.PUBLISHED,
    )
    Verdict.objects.create(
        claim=checked,
        state=Verdict.State.PUBLISHED,
        number=1,
        rating=Rating.FALSE,
        conclusion="The accounts show less.",
        author=UserFactory(),
        published_at=timezone.now(),
    )
    snapshot = SnapshotFactory(
        text="The city spent 412 million euros on the bridge in 2019, officials said."
    )
    # Extraction sends the embedding task after commit (the nlp queue: the test's queue here).
    extract_snapshot.apply_async((snapshot.pk,), kwargs={"min_score": 0.0}, queue=live_worker)

    assert wait_for(lambda: ClaimEmbedding.objects.filter(claim__snapshot=snapshot).exists()), (
        "the worker did not embed the extracted claim within 60 s"
    )
    claim = Claim.objects.get(snapshot=snapshot)
    assert claim.embedding.model_id == MATCHING_MODEL_ID
    assert wait_for(lambda: ClaimMatch.objects.filter(claim=claim).exists())
    match = ClaimMatch.objects.get(claim=claim)
    assert (match.matched_id, match.kind) == (checked.pk, "same")
