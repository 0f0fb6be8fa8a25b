"""Claim families (issue 13): a new occurrence attached to a published fact-check shows its
verdict, the family's ClaimReview lists every appearance, and a new version reaches them all;
a claim's recorded matches are shown as "checked before" and "similar claims on the desk".
One section per door: the service's rules, the API, the public record, the desk.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import dateformat, timezone

from claims import services
from claims.claimreview import fact_check_url
from claims.models import Claim, ClaimEvent, ClaimStatus, MatchKind, Verdict
from claims.workflow import WorkflowError
from tests.claims.test_admin import messages_of, page_of
from tests.claims.test_public_record import published_claim
from tests.factories import (
    ClaimFactory,
    ClaimMatchFactory,
    SnapshotFactory,
    SourceFactory,
    ready_claim,
)

pytestmark = pytest.mark.django_db


def occurrence_claim(**kwargs) -> Claim:
    """A new claim in another article, as extraction stores one."""
    article = SourceFactory(
        url="https://other.example.org/repeat",
        title="The claim again",
        publisher="Other Paper",
        published_at=timezone.now(),
    )
    return ClaimFactory(snapshot=SnapshotFactory(source=article), **kwargs)


def attach(claim: Claim, head: Claim, actor) -> Claim:
    claim.refresh_from_db()
    return services.attach_occurrence(claim, head, actor=actor, expected_version=claim.version)


def day(value) -> str:
    return dateformat.format(timezone.localtime(value), "j M Y")


# --- The service's rules ---------------------------------------------------------------------


def test_attaching_makes_the_claim_an_occurrence_and_records_it_on_both(editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    claim = occurrence_claim()
    versions = (head.version, claim.version)

    attach(claim, head, editor)

    claim.refresh_from_db()
    head.refresh_from_db()
    assert claim.same_as_id == head.pk
    assert claim.status == ClaimStatus.NEW  # its own workflow status stays; same_as says it
    assert (head.version, claim.version) == (versions[0] + 1, versions[1] + 1)
    mine = ClaimEvent.objects.get(claim=claim, action="family_attached")
    theirs = ClaimEvent.objects.get(claim=head, action="family_attached")
    assert (mine.actor, theirs.actor) == (editor, editor)
    assert f"#{head.pk}" in mine.note and f"#{claim.pk}" in theirs.note


def test_attaching_to_an_occurrence_attaches_to_its_head(editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    first = occurrence_claim()
    attach(first, head, editor)
    second = ClaimFactory()

    attach(second, first, editor)

    second.refresh_from_db()
    assert second.same_as_id == head.pk


def test_a_head_whose_evidence_changed_still_takes_occurrences(editor):
    head = ready_claim(ClaimStatus.NEEDS_UPDATE)  # its version stands until a correction
    claim = occurrence_claim()
    attach(claim, head, editor)
    claim.refresh_from_db()
    assert claim.same_as_id == head.pk


def test_attaching_is_for_editors(researcher):
    head = ready_claim(ClaimStatus.PUBLISHED)
    claim = occurrence_claim()
    with pytest.raises(WorkflowError) as refused:
        attach(claim, head, researcher)
    assert (refused.value.code, refused.value.status) == ("forbidden_role", 403)
    claim.refresh_from_db()
    assert claim.same_as_id is None
    assert not ClaimEvent.objects.filter(action="family_attached").exists()


@pytest.mark.parametrize("status", [ClaimStatus.NEW, ClaimStatus.IN_REVIEW, ClaimStatus.RETRACTED])
def test_attaching_needs_a_current_published_fact_check(editor, status):
    head = ready_claim(status)
    claim = occurrence_claim()
    with pytest.raises(WorkflowError) as refused:
        attach(claim, head, editor)
    assert (refused.value.code, refused.value.status) == ("not_published", 409)
    assert "published fact-check" in refused.value.message
    claim.refresh_from_db()
    assert claim.same_as_id is None


def test_a_reopened_fact_check_takes_no_new_occurrences(editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    services.claim_transition(claim=head, action="reopen", actor=editor, note="Check again.")
    with pytest.raises(WorkflowError) as refused:
        attach(occurrence_claim(), head, editor)
    assert refused.value.code == "not_published"


@pytest.mark.parametrize("status", [ClaimStatus.PUBLISHED, ClaimStatus.RETRACTED])
def test_a_claim_with_its_own_fact_check_cannot_become_an_occurrence(editor, status):
    head = ready_claim(ClaimStatus.PUBLISHED)
    claim = ready_claim(status)
    with pytest.raises(WorkflowError) as refused:
        attach(claim, head, editor)
    assert (refused.value.code, refused.value.status) == ("has_own_fact_check", 409)
    assert "Retract it" in refused.value.message and "correction" in refused.value.message


def test_a_head_with_occurrences_cannot_join_another_family(editor):
    head, other = ready_claim(ClaimStatus.PUBLISHED), ready_claim(ClaimStatus.PUBLISHED)
    attach(occurrence_claim(), head, editor)
    with pytest.raises(WorkflowError) as refused:
        attach(head, other, editor)
    assert (refused.value.code, refused.value.status) == ("has_occurrences", 409)
    assert "one level deep" in refused.value.message


def test_a_stale_attach_changes_nothing(editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    claim = occurrence_claim()
    with pytest.raises(WorkflowError) as refused:
        services.attach_occurrence(claim, head, actor=editor, expected_version=claim.version + 1)
    assert (refused.value.code, refused.value.status) == ("stale_version", 412)
    claim.refresh_from_db()
    assert claim.same_as_id is None
    assert not ClaimEvent.objects.filter(action="family_attached").exists()


def test_attaching_to_itself_or_its_own_occurrence_is_refused(editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    occurrence = occurrence_claim()
    attach(occurrence, head, editor)
    for claim, target in [(occurrence, occurrence), (head, occurrence)]:
        with pytest.raises(WorkflowError) as refused:
            attach(claim, target, editor)
        assert (refused.value.code, refused.value.status) == ("same_claim", 400)


def test_a_claim_in_one_family_is_detached_before_joining_another(editor):
    head, other = ready_claim(ClaimStatus.PUBLISHED), ready_claim(ClaimStatus.PUBLISHED)
    claim = occurrence_claim()
    attach(claim, head, editor)
    attach(claim, head, editor)  # again: nothing to do
    assert ClaimEvent.objects.filter(claim=claim, action="family_attached").count() == 1
    with pytest.raises(WorkflowError) as refused:
        attach(claim, other, editor)
    assert (refused.value.code, refused.value.status) == ("already_in_family", 409)


def test_detaching_records_it_on_both(editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    claim = occurrence_claim()
    attach(claim, head, editor)
    claim.refresh_from_db()

    services.detach_occurrence(claim, actor=editor, expected_version=claim.version)

    claim.refresh_from_db()
    assert claim.same_as_id is None
    assert ClaimEvent.objects.filter(claim=claim, action="family_detached").exists()
    assert ClaimEvent.objects.filter(claim=head, action="family_detached").exists()
    with pytest.raises(WorkflowError) as refused:
        services.detach_occurrence(claim, actor=editor, expected_version=claim.version)
    assert (refused.value.code, refused.value.status) == ("not_an_occurrence", 409)


def test_attaching_changes_no_frozen_column(editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    version = Verdict.objects.get(claim=head)
    frozen = {f: getattr(version, f) for f in ("claim_text", "appearance_url", "rating")}
    attach(occurrence_claim(), head, editor)
    version.refresh_from_db()
    assert {f: getattr(version, f) for f in frozen} == frozen


# --- The API ---------------------------------------------------------------------------------


def etag_of(api, claim: Claim) -> str:
    return api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]


def post_family(api, claim: Claim, body: dict, etag: str | None = "fetch"):
    if etag == "fetch":
        etag = etag_of(api, claim)
    headers = {"If-Match": etag} if etag else {}
    return api.post(f"/api/v1/claims/{claim.pk}/family/", body, format="json", headers=headers)


def test_api_attaches_and_detaches_with_the_claims_etag(api, editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    claim = occurrence_claim()
    api.force_authenticate(editor)

    attached = post_family(api, claim, {"same_as": head.pk})

    assert attached.status_code == 200, attached.json()
    body = attached.json()
    assert body["same_as"] == head.pk
    assert body["family_verdict"]["claim"] == head.pk
    assert body["family_verdict"]["version"] == 1
    assert body["family_verdict"]["rating"] == "false"
    assert body["family_verdict"]["state"] == "published"
    assert body["family_verdict"]["url"].endswith(f"/fact-checks/{head.pk}/")
    assert body["family_verdict"]["published_at"] is not None
    assert attached["ETag"] == etag_of(api, claim)

    detached = api.delete(
        f"/api/v1/claims/{claim.pk}/family/", headers={"If-Match": attached["ETag"]}
    )
    assert detached.status_code == 200, detached.json()
    assert detached.json()["same_as"] is None
    assert detached.json()["family_verdict"] is None


def test_api_refuses_an_unknown_claim_with_a_field_error(api, editor):
    api.force_authenticate(editor)
    claim = occurrence_claim()
    response = post_family(api, claim, {"same_as": 999_999})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["errors"][0]["field"] == "same_as"
    assert body["errors"][0]["code"] == "does_not_exist"


@pytest.mark.parametrize(
    ("make_head", "code", "status"),
    [
        (lambda: ready_claim(ClaimStatus.NEW), "not_published", 409),
        (lambda: ready_claim(ClaimStatus.RETRACTED), "not_published", 409),
    ],
)
def test_api_refuses_a_target_without_a_published_fact_check(api, editor, make_head, code, status):
    api.force_authenticate(editor)
    claim = occurrence_claim()
    response = post_family(api, claim, {"same_as": make_head().pk})
    assert (response.status_code, response.json()["code"]) == (status, code)
    claim.refresh_from_db()
    assert claim.same_as_id is None


def test_api_refuses_a_claim_with_its_own_fact_check(api, editor):
    api.force_authenticate(editor)
    head, claim = ready_claim(ClaimStatus.PUBLISHED), ready_claim(ClaimStatus.PUBLISHED)
    response = post_family(api, claim, {"same_as": head.pk})
    assert (response.status_code, response.json()["code"]) == (409, "has_own_fact_check")


def test_api_attach_needs_if_match_and_a_current_one(api, editor):
    api.force_authenticate(editor)
    head = ready_claim(ClaimStatus.PUBLISHED)
    claim = occurrence_claim()
    missing = post_family(api, claim, {"same_as": head.pk}, etag=None)
    assert (missing.status_code, missing.json()["code"]) == (428, "precondition_required")
    stale = etag_of(api, claim)
    services.claim_update(claim=claim, actor=editor, data={"speaker": "Someone"})
    refused = post_family(api, claim, {"same_as": head.pk}, etag=stale)
    assert (refused.status_code, refused.json()["code"]) == (412, "stale_version")
    deleted = api.delete(f"/api/v1/claims/{claim.pk}/family/")
    assert deleted.status_code == 428
    claim.refresh_from_db()
    assert claim.same_as_id is None


def test_api_family_refuses_researchers_and_api_clients(api, researcher, api_client_user):
    head = ready_claim(ClaimStatus.PUBLISHED)
    claim = occurrence_claim()
    api.force_authenticate(researcher)
    as_researcher = post_family(api, claim, {"same_as": head.pk})
    assert (as_researcher.status_code, as_researcher.json()["code"]) == (403, "forbidden_role")
    api.force_authenticate(api_client_user)
    as_client = post_family(api, claim, {"same_as": head.pk})
    assert as_client.status_code == 403
    claim.refresh_from_db()
    assert claim.same_as_id is None


def test_api_detach_of_a_claim_in_no_family_is_a_conflict(api, editor):
    api.force_authenticate(editor)
    claim = occurrence_claim()
    response = api.delete(
        f"/api/v1/claims/{claim.pk}/family/", headers={"If-Match": etag_of(api, claim)}
    )
    assert (response.status_code, response.json()["code"]) == (409, "not_an_occurrence")


def test_api_refuses_unknown_and_server_owned_fields(api, editor):
    api.force_authenticate(editor)
    claim = occurrence_claim()
    assert post_family(api, claim, {"same_as": True}).status_code == 400
    assert post_family(api, claim, {}).status_code == 400
    patched = api.patch(
        f"/api/v1/claims/{claim.pk}/",
        {"same_as": 1},
        format="json",
        headers={"If-Match": etag_of(api, claim)},
    )
    assert patched.status_code == 400


def test_a_new_version_of_the_heads_verdict_reaches_every_occurrence(
    api, client, researcher, editor, second_editor
):
    head = published_claim(researcher, editor)
    occurrences = [occurrence_claim(), ClaimFactory()]
    for claim in occurrences:
        attach(claim, head, editor)

    # A correction: reopened by an editor, rewritten by the researcher, published by another.
    services.claim_transition(claim=head, action="reopen", actor=editor, note="New figures.")
    services.verdict_update_draft(
        claim=head,
        actor=researcher,
        data={"rating": "mostly_false", "conclusion": "It cost 390 million.", "explanation": ""},
    )
    services.claim_transition(claim=head, action="submit", actor=researcher)
    services.claim_transition(
        claim=head, action="publish", actor=second_editor, note="Corrected figure."
    )

    api.force_authenticate(editor)
    listed = {
        row["id"]: row["family_verdict"] for row in api.get("/api/v1/claims/").json()["results"]
    }
    for claim in occurrences:
        detail = api.get(f"/api/v1/claims/{claim.pk}/").json()["family_verdict"]
        assert (detail["version"], detail["rating"]) == (2, "mostly_false")
        assert listed[claim.pk] == detail
    page = client.get(f"/fact-checks/{occurrences[0].pk}/", follow=True).content.decode()
    assert "It cost 390 million." in page


def test_claim_detail_lists_checked_before_and_similar_claims(api, editor):
    claim = occurrence_claim()
    checked = ready_claim(ClaimStatus.PUBLISHED)
    related = ready_claim(ClaimStatus.PUBLISHED)
    open_claim = ClaimFactory(text="The bridge cost 400 million euros.")
    dismissed = ClaimFactory(status=ClaimStatus.DISMISSED)
    ClaimMatchFactory(claim=claim, matched=checked, score=0.95)
    ClaimMatchFactory(
        claim=claim,
        matched=related,
        score=0.81,
        kind=MatchKind.RELATED,
        reason="different figure: 20,000 vs 17,000",
    )
    ClaimMatchFactory(claim=claim, matched=open_claim, score=0.9)
    ClaimMatchFactory(claim=claim, matched=dismissed, score=0.99)
    api.force_authenticate(editor)

    body = api.get(f"/api/v1/claims/{claim.pk}/").json()

    published_at = [row.pop("published_at") for row in body["checked_before"]]
    assert body["checked_before"] == [
        {
            "claim": checked.pk,
            "score": 0.95,
            "kind": "same",
            "reason": "",
            "rating": "false",
            "version": 1,
            "url": fact_check_url(checked.pk),
        },
        {
            "claim": related.pk,
            "score": 0.81,
            "kind": "related",
            "reason": "different figure: 20,000 vs 17,000",
            "rating": "false",
            "version": 1,
            "url": fact_check_url(related.pk),
        },
    ]
    assert all(published_at)
    assert body["similar_claims"] == [
        {
            "claim": open_claim.pk,
            "text": "The bridge cost 400 million euros.",
            "status": "new",
            "score": 0.9,
            "kind": "same",
            "reason": "",
        }
    ]


def test_a_match_to_an_occurrence_counts_as_its_familys_fact_check(api, editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    occurrence = occurrence_claim()
    attach(occurrence, head, editor)
    claim = ClaimFactory()
    ClaimMatchFactory(claim=claim, matched=occurrence)
    api.force_authenticate(editor)
    [row] = api.get(f"/api/v1/claims/{claim.pk}/").json()["checked_before"]
    assert row["claim"] == occurrence.pk
    assert row["url"].endswith(f"/fact-checks/{head.pk}/")


def _list_queries(api, editor) -> int:
    api.force_authenticate(type(editor).objects.get(pk=editor.pk))
    with CaptureQueriesContext(connection) as context:
        response = api.get("/api/v1/claims/?page_size=100")
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_claim_list_query_count_does_not_grow_with_occurrences(api, editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    without = _list_queries(api, editor)  # no occurrence: the list's own count
    attach(occurrence_claim(), head, editor)
    one = _list_queries(api, editor)
    for _ in range(20):
        attach(ClaimFactory(), head, editor)
    many = _list_queries(api, editor)
    assert many == one == without + 1  # the heads' newest versions, in one query


# --- The public record -----------------------------------------------------------------------


def test_an_occurrences_public_page_leads_to_its_familys_fact_check(client, editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    claim = occurrence_claim()
    assert client.get(f"/fact-checks/{claim.pk}/").status_code == 404
    attach(claim, head, editor)

    response = client.get(f"/fact-checks/{claim.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/fact-checks/{head.pk}/"
    assert client.get(f"/fact-checks/{claim.pk}/v1/")["Location"] == f"/fact-checks/{head.pk}/"
    page = client.get(f"/fact-checks/{head.pk}/").content.decode()
    assert "https://other.example.org/repeat" in page and "Other Paper" in page


def test_claimreview_lists_every_appearance_of_the_family(api, client, editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    version = Verdict.objects.get(claim=head)
    alone = api.get(f"/api/v1/claims/{head.pk}/claim-review/").json()
    assert len(alone["itemReviewed"]["appearance"]) == 1  # unchanged without occurrences
    feed_tag = api.get("/api/v1/claim-reviews/")["ETag"]

    claim = occurrence_claim()
    attach(claim, head, editor)
    attach(
        ClaimFactory(
            origin=Claim.Origin.MANUAL,
            snapshot=None,
            start=None,
            end=None,
            text="Said on the radio.",
        ),
        head,
        editor,
    )  # no article: not listed

    review = api.get(f"/api/v1/claims/{head.pk}/claim-review/").json()
    frozen, repeated = review["itemReviewed"]["appearance"]
    assert frozen == alone["itemReviewed"]["appearance"][0]
    assert frozen["url"] == version.appearance_url
    assert repeated == {
        "@type": "CreativeWork",
        "url": "https://other.example.org/repeat",
        "headline": "The claim again",
        "publisher": {"@type": "Organization", "name": "Other Paper"},
        "datePublished": claim.snapshot.source.published_at.date().isoformat(),
    }
    # Everything else is the version's own, as before.
    assert {k: v for k, v in review.items() if k != "itemReviewed"} == {
        k: v for k, v in alone.items() if k != "itemReviewed"
    }
    # The feed and the page carry the same, and the feed's ETag moved with its body.
    feed = api.get("/api/v1/claim-reviews/")
    assert feed["ETag"] != feed_tag
    assert feed.json()["results"][0]["itemReviewed"]["appearance"] == [frozen, repeated]
    page = client.get(f"/fact-checks/{head.pk}/").content.decode()
    assert "other.example.org/repeat" in page.split('application/ld+json">')[1]
    # An occurrence has no ClaimReview of its own: the 404 names its family's.
    own = api.get(f"/api/v1/claims/{claim.pk}/claim-review/")
    assert own.status_code == 404 and own.json()["same_as"] == head.pk


def test_the_claim_reviews_feed_stays_flat_with_families(api, editor):
    head = ready_claim(ClaimStatus.PUBLISHED)
    attach(occurrence_claim(), head, editor)
    with CaptureQueriesContext(connection) as one:
        api.get("/api/v1/claim-reviews/?page_size=100")
    for _ in range(5):
        other = ready_claim(ClaimStatus.PUBLISHED)
        attach(ClaimFactory(), other, editor)
    with CaptureQueriesContext(connection) as six:
        response = api.get("/api/v1/claim-reviews/?page_size=100")
    assert len(response.json()["results"]) == 6
    assert len(six.captured_queries) == len(one.captured_queries)


# --- The desk --------------------------------------------------------------------------------


def test_the_desk_shows_what_was_checked_before(desk, editor):
    claim = occurrence_claim()
    checked = ready_claim(ClaimStatus.PUBLISHED)
    related = ready_claim(ClaimStatus.PUBLISHED)
    similar = ClaimFactory(text="The bridge cost 400 million euros, critics say.")
    ClaimMatchFactory(claim=claim, matched=checked, score=0.95)
    ClaimMatchFactory(
        claim=claim,
        matched=related,
        score=0.8,
        kind=MatchKind.RELATED,
        reason="different figure: 20,000 vs 17,000",
    )
    ClaimMatchFactory(claim=claim, matched=similar, score=0.7, kind=MatchKind.RELATED)

    html = desk(editor).get(page_of(claim)).content.decode()

    published = day(Verdict.objects.get(claim=checked).published_at)
    assert "checked before:" in html
    # A related match's fact-check is listed, but not as this claim's check.
    assert html.count("checked before:") == 1 and "a related fact-check:" in html
    assert f"False</span> (v1, {published})" in html
    assert f'href="/fact-checks/{checked.pk}/"' in html
    assert f'href="{page_of(checked)}"' in html
    assert "related: different figure: 20,000 vs 17,000" in html
    # One attach button: near-identical suggestions only (kind "same").
    assert html.count("Attach as same claim") == 1
    assert "Similar claims on the desk" in html and "critics say" in html
    assert 'name="same_as"' in html  # the attach-by-id form


def test_the_desks_attach_button_attaches_through_the_service(desk, editor):
    claim = occurrence_claim()
    head = ready_claim(ClaimStatus.PUBLISHED)
    ClaimMatchFactory(claim=claim, matched=head)
    response = desk(editor).post(
        page_of(claim), {"op": "family_attach", "same_as": head.pk, "version": claim.version}
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.same_as_id == head.pk
    assert f"same claim as #{head.pk}" in messages_of(response)[0]

    html = desk(editor).get(page_of(claim)).content.decode()
    assert f'Same claim as <a href="{page_of(head)}">#{head.pk}</a>' in html
    assert "Detach" in html and "Attach as same claim" not in html
    head_page = desk(editor).get(page_of(head)).content.decode()
    assert "The same claim also appeared as" in head_page and f"#{claim.pk}" in head_page

    claim.refresh_from_db()
    detached = desk(editor).post(page_of(claim), {"op": "family_detach", "version": claim.version})
    assert detached.status_code == 302
    claim.refresh_from_db()
    assert claim.same_as_id is None


def test_the_desk_refuses_a_researcher_and_hides_the_buttons(desk, researcher):
    claim = occurrence_claim()
    head = ready_claim(ClaimStatus.PUBLISHED)
    ClaimMatchFactory(claim=claim, matched=head)
    client = desk(researcher)
    html = client.get(page_of(claim)).content.decode()
    assert "checked before:" in html and "Attach as same claim" not in html

    response = client.post(
        page_of(claim), {"op": "family_attach", "same_as": head.pk, "version": claim.version}
    )
    assert response.status_code == 403
    assert "Only an editor" in messages_of(response)[0]
    claim.refresh_from_db()
    assert claim.same_as_id is None


def test_the_desk_attach_by_id_names_what_is_wrong(desk, editor):
    claim = occurrence_claim()
    client = desk(editor)
    unknown = client.post(
        page_of(claim), {"op": "family_attach", "same_as": 999_999, "version": claim.version}
    )
    assert unknown.status_code == 400
    assert "There is no claim #999999." in unknown.content.decode()

    draft = ready_claim(ClaimStatus.IN_REVIEW)
    unpublished = client.post(
        page_of(claim), {"op": "family_attach", "same_as": draft.pk, "version": claim.version}
    )
    assert unpublished.status_code == 409
    assert "no current published fact-check" in messages_of(unpublished)[0]

    head = ready_claim(ClaimStatus.PUBLISHED)
    stale = client.post(
        page_of(claim), {"op": "family_attach", "same_as": head.pk, "version": claim.version + 5}
    )
    assert stale.status_code == 409
    assert "changed since you loaded it" in messages_of(stale)[0]
    claim.refresh_from_db()
    assert claim.same_as_id is None


def test_the_desk_says_why_a_published_claim_cannot_be_attached(desk, editor):
    claim = ready_claim(ClaimStatus.PUBLISHED)
    ClaimMatchFactory(claim=claim, matched=ready_claim(ClaimStatus.PUBLISHED))
    html = desk(editor).get(page_of(claim)).content.decode()
    assert "has a fact-check of its own" in html
    assert "Attach as same claim" not in html and 'name="same_as"' not in html
