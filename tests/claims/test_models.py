"""The schema's rules hold in the database itself, not only in Python."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims.models import Claim, ClaimEvent, Rating, Verdict
from tests.factories import ClaimFactory, SnapshotFactory

pytestmark = pytest.mark.django_db


def _refused(**fields) -> bool:
    try:
        with transaction.atomic():
            Claim.objects.create(**fields)
    except IntegrityError:
        return True
    return False


def test_claim_span_slices_the_snapshot_text():
    claim = ClaimFactory()
    assert claim.snapshot.text[claim.start : claim.end] == claim.quote
    assert claim.quote == "Officials said the bridge cost 412 million euros."


def test_database_refuses_span_past_the_end_of_the_text():
    snapshot = SnapshotFactory()
    length = len(snapshot.text)
    assert _refused(snapshot=snapshot, text="x", start=length - 5, end=length + 1)
    assert not _refused(snapshot=snapshot, text="x", start=length - 5, end=length)


def test_database_refuses_span_past_the_end_on_update():
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(end=len(claim.snapshot.text) + 10)


def test_database_refuses_empty_or_reversed_span_and_span_without_snapshot():
    snapshot = SnapshotFactory()
    assert _refused(snapshot=snapshot, text="x", start=5, end=5)
    assert _refused(snapshot=snapshot, text="x", start=9, end=3)
    assert _refused(snapshot=None, text="x", start=0, end=3)


def test_database_refuses_score_outside_zero_to_one():
    snapshot = SnapshotFactory()
    assert _refused(snapshot=snapshot, text="x", start=0, end=3, checkworthiness=1.5)
    assert _refused(snapshot=snapshot, text="x", start=0, end=3, checkworthiness=-0.1)


def test_database_refuses_unknown_status():
    snapshot = SnapshotFactory()
    assert _refused(snapshot=snapshot, text="x", start=0, end=3, status="approved")


def test_hand_added_claim_needs_no_span():
    claim = Claim.objects.create(text="The bridge cost more than planned.", origin="manual")
    assert claim.quote == ""


def test_database_refuses_the_same_span_twice():
    claim = ClaimFactory()
    assert _refused(snapshot=claim.snapshot, text="again", start=claim.start, end=claim.end)


def test_one_draft_verdict_per_claim():
    claim = ClaimFactory()
    Verdict.objects.create(claim=claim)
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.create(claim=claim)


def test_published_verdict_must_be_complete():
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.create(claim=claim, state="published", number=1, rating=Rating.FALSE)
    Verdict.objects.create(
        claim=claim,
        state="published",
        number=1,
        rating=Rating.FALSE,
        conclusion="The bridge cost 380 million euros.",
        published_at=timezone.now(),
    )
    # A published version does not count as the draft: a new draft may start.
    Verdict.objects.create(claim=claim)


def test_rating_maps_to_claimreview_scale():
    verdict = Verdict(rating=Rating.MOSTLY_FALSE)
    assert verdict.claimreview_rating_value == 2
    assert Verdict(rating=Rating.UNVERIFIABLE).claimreview_rating_value is None


def test_claim_events_are_append_only():
    claim = ClaimFactory()
    event = ClaimEvent.objects.create(claim=claim, action="extracted", to_status="new")
    event.note = "rewritten"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()
