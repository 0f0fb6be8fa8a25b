"""A fact-check published after a claim arrived: the open claims that repeat it become "checked
before" (and stop being so when it is retracted), by a task on the nlp queue sent on commit."""

from __future__ import annotations

import pytest
from django.utils import timezone

from claims import services
from claims.models import Claim, ClaimMatch, ClaimStatus
from claims.selectors import claims_seen_before
from tests.factories import ClaimFactory, SnapshotFactory, SourceFactory, ready_claim

pytestmark = pytest.mark.django_db

ISLANDERS = "About 20,000 Russian citizens live on the disputed Kuril Islands."
REWORDED = "Some 20,000 Russians inhabit the contested Kurils."
UNRELATED = "The city council approved a new budget for public libraries on Tuesday."


def _in_article(text: str, **kwargs) -> Claim:
    article = SourceFactory(published_at=timezone.now())
    snapshot = SnapshotFactory(source=article, text=text)
    return ClaimFactory(snapshot=snapshot, text=text, start=0, end=len(text), **kwargs)


def _in_review(text: str) -> Claim:
    claim = ready_claim(ClaimStatus.IN_REVIEW)
    Claim.objects.filter(pk=claim.pk).update(text=text)
    return Claim.objects.get(pk=claim.pk)


def _seen(claim: Claim) -> bool:
    return claims_seen_before(Claim.objects.filter(pk=claim.pk)).exists()


def test_publishing_later_makes_the_open_claims_that_repeat_it_checked_before(
    second_editor, django_capture_on_commit_callbacks
):
    fact_check = _in_review(ISLANDERS)
    repeat, other = _in_article(REWORDED), _in_article(UNRELATED)
    services.claims_embed_and_match([fact_check.pk, repeat.pk, other.pk])
    assert not _seen(repeat)  # the fact-check is not published yet: only "similar on the desk"

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.claim_transition(claim=fact_check, action="publish", actor=second_editor)

    assert callbacks  # the re-match was sent after commit, not inside the transaction
    assert _seen(repeat)
    assert ClaimMatch.objects.filter(claim=repeat, matched=fact_check, kind="same").exists()
    assert not _seen(other)


def test_retracting_takes_checked_before_away_again(
    editor, second_editor, django_capture_on_commit_callbacks
):
    fact_check = _in_review(ISLANDERS)
    repeat = _in_article(REWORDED)
    services.claims_embed_and_match([fact_check.pk, repeat.pk])
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_transition(claim=fact_check, action="publish", actor=second_editor)
    assert _seen(repeat)

    with django_capture_on_commit_callbacks(execute=True):
        services.claim_transition(
            claim=fact_check, action="retract", actor=editor, note="Wrong census year."
        )

    assert not _seen(repeat)
    # Its match stays recorded, now to a retracted claim: no longer "checked before".
    assert not ClaimMatch.objects.filter(
        claim=repeat, matched__verdicts__state="published"
    ).exists()


def test_a_match_to_an_occurrence_counts_as_checked_before(editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    occurrence = _in_article(ISLANDERS)
    services.attach_occurrence(occurrence, head, actor=editor, expected_version=occurrence.version)
    repeat = _in_article(REWORDED)
    ClaimMatch.objects.create(claim=repeat, matched=occurrence, score=0.9, kind="same")
    assert _seen(repeat)


def test_rematch_of_a_deleted_claim_is_a_no_op():
    assert services.claims_rematch_around(987654) == 0


def test_the_rematch_task_is_routed_to_the_nlp_queue(settings):
    assert settings.CELERY_TASK_ROUTES["claims.rematch_around"] == {
        "queue": settings.CLAIMS_NLP_QUEUE
    }
