"""Suggested families: claims of different articles that the guard calls the same claim are
grouped on a desk page, and an editor attaches a whole group to the published fact-check it
repeats in one go (all or none)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, ClaimEvent, ClaimStatus, MatchKind
from claims.selectors import family_suggestions
from tests.claims.test_admin import messages_of
from tests.factories import ClaimFactory, ClaimMatchFactory, ready_claim

pytestmark = pytest.mark.django_db

PAGE = reverse("admin:claims_family_suggestions")


def same(claim: Claim, matched: Claim, score: float = 0.9) -> None:
    ClaimMatchFactory(claim=claim, matched=matched, score=score, kind=MatchKind.SAME)


@pytest.fixture
def family():
    """A published fact-check, two open claims of other articles that repeat it (one through
    the other), a related-only claim, and a dismissed repeat."""
    head = ready_claim(ClaimStatus.PUBLISHED)
    first, second = ClaimFactory(), ClaimFactory()
    same(first, head)
    same(second, first, score=0.8)
    related = ClaimFactory()
    ClaimMatchFactory(claim=related, matched=head, kind=MatchKind.RELATED)
    dismissed = ClaimFactory(status=ClaimStatus.DISMISSED)
    same(dismissed, head)
    return head, first, second, related


def test_same_claims_are_grouped_around_the_fact_check_they_repeat(family):
    head, first, second, _related = family
    [group] = family_suggestions()
    assert group.head == head and group.fact_check.number == 1
    assert [c.pk for c in group.claims] == [first.pk, second.pk]
    assert group.score == pytest.approx(0.8)  # the weakest link of the group


def test_unchecked_repeats_are_suggested_only_in_pairs_or_more():
    a, b, lone = ClaimFactory(), ClaimFactory(), ClaimFactory()
    same(a, b)
    ClaimMatchFactory(claim=lone, matched=ClaimFactory(status=ClaimStatus.RETRACTED))
    [group] = family_suggestions()
    assert group.head is None and {c.pk for c in group.claims} == {a.pk, b.pk}


def test_a_match_to_an_occurrence_joins_its_head_and_attached_claims_drop_out(editor, family):
    head, first, second, _related = family
    Claim.objects.filter(pk=first.pk).update(same_as=head)  # first is attached now
    [group] = family_suggestions()
    assert group.head == head and [c.pk for c in group.claims] == [second.pk]


def test_groups_with_a_fact_check_come_first_and_the_page_is_four_queries(family):
    a, b, c = ClaimFactory(), ClaimFactory(), ClaimFactory()
    same(a, b)
    same(c, b)
    with CaptureQueriesContext(connection) as queries:
        groups = family_suggestions()
    assert len(queries) == 4
    assert [g.head is not None for g in groups] == [True, False]
    assert len(groups[1].claims) == 3


def test_an_editor_attaches_a_whole_group_from_the_desk(desk, editor, family):
    head, first, second, _related = family
    page = desk(editor).get(PAGE)
    assert page.status_code == 200
    html = page.content.decode()
    assert f"Attach 2 to #{head.pk}" in html and f"#{first.pk}" in html
    response = desk(editor).post(
        PAGE,
        {
            "head": head.pk,
            f"version-{first.pk}": first.version,
            f"version-{second.pk}": second.version,
        },
    )
    assert response.status_code == 302
    assert set(Claim.objects.filter(same_as=head).values_list("pk", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert any("Attached" in m for m in messages_of(response))
    assert ClaimEvent.objects.filter(claim=head, action="family_attached").count() == 2
    assert not family_suggestions()  # nothing left to suggest


def test_a_stale_claim_attaches_nothing(desk, editor, family):
    head, first, second, _related = family
    response = desk(editor).post(
        PAGE,
        {"head": head.pk, f"version-{first.pk}": first.version, f"version-{second.pk}": 0},
    )
    assert response.status_code == 302
    assert not Claim.objects.filter(same_as=head).exists()  # all or none
    assert any(m.startswith("Nothing was attached.") for m in messages_of(response))


def test_a_researcher_sees_the_suggestions_but_cannot_attach(desk, researcher, family):
    head, first, _second, _related = family
    page = desk(researcher).get(PAGE)
    assert page.status_code == 200
    assert f"Attach 2 to #{head.pk}" not in page.content.decode()
    response = desk(researcher).post(PAGE, {"head": head.pk, f"version-{first.pk}": first.version})
    assert not Claim.objects.filter(same_as=head).exists()
    assert any("Only an editor" in m for m in messages_of(response))


def test_the_page_needs_a_desk_login(client, family):
    response = client.get(PAGE)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_malformed_post_is_refused_with_a_message(desk, editor, family):
    response = desk(editor).post(PAGE, {"head": "x", "version-1": "y"})
    assert response.status_code == 302
    assert any("incomplete" in m for m in messages_of(response))
