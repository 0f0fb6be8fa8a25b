"""The editors' desk in the admin, through Django's test client, as each persona.

Every write on the desk goes through claims.services: the tests assert the outcome (status,
events, rows) and the message an editor reads, which must be the service's own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from claims import publication, services
from claims.admin.presentation import format_number
from claims.extraction import read_path
from claims.models import Claim, ClaimEvent, ClaimStatus, Evidence, Rating, Verdict
from claims.workflow import ACTIONS, WorkflowError
from sources.models import Source
from tests.factories import ClaimFactory, SnapshotFactory, SourceFactory, ready_claim

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
DEMO_ARTICLE = FIXTURES / "kuril-islands-2021-02-15.txt"
CHANGELIST = "/admin/claims/claim/"
INGEST = "/admin/claims/claim/articles/ingest/"


def page_of(claim: Claim) -> str:
    return reverse("admin:claims_claim_change", args=[claim.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def transition(client, claim: Claim, action: str, note: str = "Because.", **extra):
    claim.refresh_from_db()
    draft = services.current_draft(claim)
    data = {
        "op": "transition",
        "action": action,
        "note": note,
        "version": claim.version,
        "review_tag": publication.review_tag(claim, draft),
        **extra,
    }
    return client.post(page_of(claim), data)


def bulk(client, action: str, claims: list[Claim], **extra):
    return client.post(
        CHANGELIST,
        {"action": action, ACTION_CHECKBOX_NAME: [c.pk for c in claims], "index": 0, **extra},
    )


# --- Who gets in ---------------------------------------------------------------------------


def test_desk_members_get_in(desk, researcher, editor):
    assert desk(researcher).get("/admin/").status_code == 200
    assert desk(editor).get(CHANGELIST).status_code == 200


def test_a_staff_api_client_is_refused_from_the_admin(client, api_client_user):
    api_client_user.is_staff = True
    api_client_user.save()
    response = client.post(
        "/admin/login/",
        {"username": api_client_user.username, "password": "correct horse battery staple"},
    )
    assert response.status_code == 200  # the form again, not a redirect into the admin
    assert "This is an API account (api_client)" in response.content.decode()
    assert "_auth_user_id" not in client.session

    client.force_login(api_client_user)  # even with a session, every page sends it away
    for url in ["/admin/", CHANGELIST, "/admin/claims/claim/articles/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_an_api_client_that_is_not_staff_cannot_log_in(client, api_client_user):
    response = client.post(
        "/admin/login/",
        {"username": api_client_user.username, "password": "correct horse battery staple"},
    )
    assert response.status_code == 200
    assert "staff account" in response.content.decode()


def test_staff_without_a_desk_role_is_refused(client, outsider):
    outsider.is_staff = True
    outsider.save()
    response = client.post(
        "/admin/login/",
        {"username": outsider.username, "password": "correct horse battery staple"},
    )
    assert "no desk role" in response.content.decode()
    client.force_login(outsider)
    assert client.get("/admin/").status_code == 302


def test_the_admin_cannot_add_or_delete_claims_or_edit_verdicts(desk, editor):
    claim = ready_claim(ClaimStatus.IN_REVIEW)
    client = desk(editor)
    assert client.get("/admin/claims/claim/add/").status_code == 403
    assert client.get(f"/admin/claims/claim/{claim.pk}/delete/").status_code == 403
    verdict = claim.verdicts.get()
    response = client.post(
        f"/admin/claims/verdict/{verdict.pk}/change/", {"rating": "true", "conclusion": "x"}
    )
    assert response.status_code == 403
    verdict.refresh_from_db()
    assert verdict.rating == Rating.FALSE


# --- Claims list ---------------------------------------------------------------------------


def test_list_puts_what_needs_attention_first(desk, editor):
    published = ClaimFactory(status=ClaimStatus.PUBLISHED, checkworthiness=0.99)
    new_low = ClaimFactory(status=ClaimStatus.NEW, checkworthiness=0.6)
    new_high = ClaimFactory(status=ClaimStatus.NEW, checkworthiness=0.9)
    in_review = ClaimFactory(status=ClaimStatus.IN_REVIEW, checkworthiness=0.5)
    needs_update = ClaimFactory(status=ClaimStatus.NEEDS_UPDATE, checkworthiness=0.4)
    researching = ClaimFactory(status=ClaimStatus.RESEARCHING, checkworthiness=0.95)

    response = desk(editor).get(CHANGELIST)

    assert list(response.context["cl"].result_list) == [
        needs_update,
        in_review,
        new_high,
        new_low,
        published,
        researching,
    ]


def _claims_with_everything(count: int, assignee) -> None:
    for _ in range(count):
        claim = ready_claim(ClaimStatus.PUBLISHED, author=assignee)
        claim.assignee = assignee
        claim.speaker = "A Speaker"
        claim.save()


def test_list_runs_the_same_few_queries_however_many_rows(
    desk, editor, django_assert_max_num_queries
):
    client = desk(editor)
    _claims_with_everything(2, editor)
    with CaptureQueriesContext(connection) as few:
        assert client.get(CHANGELIST).status_code == 200

    _claims_with_everything(25, editor)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(CHANGELIST)
    assert len(response.context["cl"].result_list) == 27
    assert len(few.captured_queries) <= 15, [q["sql"][:120] for q in few.captured_queries]


def test_list_shows_rating_evidence_count_assignee_and_article(desk, editor):
    claim = ready_claim(ClaimStatus.PUBLISHED)
    claim.assignee = editor
    claim.save()

    html = desk(editor).get(CHANGELIST).content.decode()

    assert 'class="rating rating-false">False<' in html
    assert '<td class="field-evidence">1</td>' in html
    assert f'<td class="field-assignee nowrap">{editor.username}</td>' in html
    assert reverse("admin:claims_article_detail", args=[claim.snapshot.source_id]) in html


def test_list_filters(desk, editor, researcher):
    mine = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=editor, speaker="Ann Minister")
    theirs = ClaimFactory(status=ClaimStatus.NEW, assignee=researcher, speaker="Bob")
    rated = ready_claim(ClaimStatus.PUBLISHED)
    client = desk(editor)

    def listed(query: str) -> set[Claim]:
        response = client.get(CHANGELIST + query)
        assert response.status_code == 200
        return set(response.context["cl"].result_list)

    assert listed("?status__exact=new") == {theirs}
    assert listed("?assignee=mine") == {mine}
    assert listed(f"?assignee={researcher.pk}") == {theirs}
    assert listed("?assignee=nobody") == {rated}
    assert listed("?rating=false") == {rated}
    assert listed("?rating=none") == {mine, theirs}
    assert listed(f"?article={mine.snapshot.source_id}") == {mine}
    assert listed("?speaker=Bob") == {theirs}
    assert listed("?q=minister") == {mine}
    assert listed("?_facets=True&rating=false") == {rated}  # counts shown beside the filters
    assert listed("?o=6") == {mine, theirs, rated}  # sorted by the rating column


# --- Bulk actions --------------------------------------------------------------------------


def test_bulk_assign_to_me_goes_through_the_service(desk, researcher):
    claims = [ClaimFactory(), ClaimFactory()]
    response = bulk(desk(researcher), "assign_to_me", claims)
    assert response.status_code == 302
    for claim in claims:
        claim.refresh_from_db()
        assert claim.assignee == researcher
        event = claim.events.get()
        assert (event.action, event.actor) == ("edited", researcher)
    assert "2 claims assigned to you." in messages_of(response)


def test_bulk_start_research_reports_each_refusal_with_the_service_message(desk, researcher):
    fresh = ClaimFactory(status=ClaimStatus.NEW)
    published = ready_claim(ClaimStatus.PUBLISHED)

    response = bulk(desk(researcher), "start_research", [fresh, published])

    fresh.refresh_from_db()
    published.refresh_from_db()
    assert fresh.status == ClaimStatus.RESEARCHING
    assert published.status == ClaimStatus.PUBLISHED
    texts = messages_of(response)
    assert "1 claim moved to research." in texts
    refusal = next(text for text in texts if text.startswith(f"Claim #{published.pk} "))
    assert "Cannot start research a claim that is published." in refusal


def test_bulk_dismiss_asks_for_a_note_first(desk, editor):
    fresh = ClaimFactory(status=ClaimStatus.NEW)
    busy = ClaimFactory(status=ClaimStatus.RESEARCHING)
    client = desk(editor)

    response = bulk(client, "dismiss", [fresh, busy])
    assert response.status_code == 200
    assert "claims/admin/dismiss_confirmation.html" in [t.name for t in response.templates]
    fresh.refresh_from_db()
    assert fresh.status == ClaimStatus.NEW  # nothing happens before the note

    confirm = {"action": "dismiss", ACTION_CHECKBOX_NAME: [fresh.pk, busy.pk], "post": "yes"}
    response = client.post(CHANGELIST, {**confirm, "note": "   "})
    assert response.status_code == 200
    assert "Dismissing needs a note saying why." in response.content.decode()

    response = client.post(CHANGELIST, {**confirm, "note": "Opinion, not a fact."})
    assert response.status_code == 302
    fresh.refresh_from_db()
    busy.refresh_from_db()
    assert fresh.status == ClaimStatus.DISMISSED
    assert fresh.events.latest("id").note == "Opinion, not a fact."
    assert busy.status == ClaimStatus.RESEARCHING
    texts = messages_of(response)
    assert "1 claim dismissed." in texts
    assert any("Cannot dismiss a claim that is researching." in text for text in texts)


def test_bulk_refresh_evidence_schedules_the_evidence_sources(desk, editor, monkeypatch):
    calls = []

    def fake_refresh_now(*, source_ids):
        calls.append(list(source_ids))
        return len(calls[-1])

    monkeypatch.setattr("sources.services.source_refresh_now", fake_refresh_now)
    first, second = ready_claim(ClaimStatus.RESEARCHING), ready_claim(ClaimStatus.PUBLISHED)
    shared = first.evidence.get().source
    Evidence.objects.create(claim=second, source=shared, stance="supports", added_by=editor)
    bare = ClaimFactory()

    response = bulk(desk(editor), "refresh_evidence", [first, second, bare])

    expected = sorted(Evidence.objects.filter(claim__in=[first, second]).values_list("source_id"))
    assert calls == [sorted({pk for (pk,) in expected})]
    assert len(calls[0]) == 2  # the shared source once
    texts = messages_of(response)
    assert "2 of 2 evidence sources scheduled for a refresh." in texts
    assert any(text.startswith(f"Claim #{bare.pk} ") and "no evidence" in text for text in texts)


# --- A claim's page ------------------------------------------------------------------------


@pytest.fixture
def demo_article(editor):
    return services.article_ingest(document=read_path(DEMO_ARTICLE))


def test_claim_page_shows_the_sentence_in_its_paragraph(desk, researcher, demo_article):
    claim = max(demo_article.new_claims, key=lambda c: c.checkworthiness)
    text = demo_article.snapshot.text

    response = desk(researcher).get(page_of(claim))

    assert response.status_code == 200
    paragraph = response.context["paragraph"]
    assert paragraph.claim == text[claim.start : claim.end]
    before_start = text.rfind("\n\n", 0, claim.start) + 2
    assert text[before_start : claim.start].strip() == paragraph.before.strip()
    assert "\n\n" not in paragraph.after
    html = response.content.decode()
    assert f'<mark class="claim">{escape(paragraph.claim)}</mark>' in html


def test_claim_page_lists_features_by_size_of_contribution(desk, researcher, demo_article):
    claim = demo_article.new_claims[0]
    response = desk(researcher).get(page_of(claim))
    contributions = [abs(row.contribution) for row in response.context["features"]]
    assert contributions == sorted(contributions, reverse=True)
    assert len(contributions) == len(claim.features)


def feature_cells(response) -> list[list[str]]:
    """The claim page's feature table as text: one list of cell texts per row."""
    html = response.content.decode()
    table = re.search(r'<table class="features">.*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<td.*?</td>", row, re.S)
        ]
        for row in re.findall(r"<tr>.*?</tr>", table, re.S)
    ]


def test_claim_page_shows_feature_numbers_with_three_decimals(desk, researcher):
    claim = ClaimFactory(
        features=[
            {
                "name": "number",
                "value": 0.7099893898430416,
                "weight": 0.2885142818585747,
                "contribution": 0.20484211,
            },
            {"name": "quote", "value": "yes", "weight": -0.4, "contribution": -1.99444},
            {"name": "named_entity", "value": 3, "weight": 0.2844, "contribution": 0.0},
        ]
    )

    response = desk(researcher).get(page_of(claim))

    assert feature_cells(response) == [
        ["quote", "yes", "-0.400", "-1.994"],  # text is shown as it is
        ["number", "0.710", "0.289", "+0.205"],
        ["named entity", "3", "0.284", "0.000"],  # so is an int; no push gets no sign
    ]
    assert "0.7099893898430416" not in response.content.decode()


def test_feature_numbers_round_floats_and_keep_everything_else():
    assert format_number(0.7099893898430416) == "0.710"
    assert format_number(-1.99444) == "-1.994"
    assert format_number(1.0) == "1.000"
    assert format_number(2) == 2
    assert format_number(True) is True
    assert format_number("n/a") == "n/a"
    assert format_number(None) is None


def test_claim_page_shows_evidence_with_its_source_and_archive(desk, researcher):
    claim = ready_claim(ClaimStatus.RESEARCHING)
    evidence = claim.evidence.get()
    snapshot = SnapshotFactory(source=evidence.source)
    Evidence.objects.filter(pk=evidence.pk).update(
        snapshot=snapshot, source_changed_at=timezone.now(), excerpt="The relevant bit."
    )

    html = desk(researcher).get(page_of(claim)).content.decode()

    assert evidence.source.url in html
    assert "The relevant bit." in html
    assert "changed since publish" in html
    assert reverse("admin:sources_snapshot_change", args=[snapshot.pk]) in html


def test_claim_page_shows_the_history(desk, researcher):
    claim = ClaimFactory()
    services.claim_transition(claim=claim, action="start_research", actor=researcher)
    html = desk(researcher).get(page_of(claim)).content.decode()
    assert "Start research" in html
    assert "New → Researching" in html


def _buttons(response) -> set[str]:
    return {action.name for action in response.context["actions"]}


ROLE_MATRIX = [
    (action.name, role) for action in ACTIONS.values() for role in ("researcher", "editor")
]


@pytest.mark.parametrize(("action", "role"), ROLE_MATRIX, ids=[f"{a}-{r}" for a, r in ROLE_MATRIX])
def test_each_workflow_button_as_each_role(request, desk, action, role):
    user = request.getfixturevalue(role)
    spec = ACTIONS[action]
    status = sorted(spec.sources)[0]
    claim = ready_claim(status)
    client = desk(user)

    page = client.get(page_of(claim))
    allowed = role in spec.roles
    assert (action in _buttons(page)) == allowed
    assert (f'name="action" value="{action}"' in page.content.decode()) == allowed

    response = transition(client, claim, action)

    assert response.status_code == 302
    claim.refresh_from_db()
    if allowed:
        assert claim.status == spec.target
        event = claim.events.latest("id")
        assert (event.action, event.actor, event.to_status) == (action, user, spec.target)
    else:
        assert claim.status == status
        assert claim.version == 1
        with pytest.raises(WorkflowError) as refusal:
            services.claim_transition(claim=claim, action=action, actor=user, note="x")
        assert messages_of(response) == [refusal.value.message]


def test_researcher_gets_neither_publish_nor_retract(desk, researcher):
    client = desk(researcher)
    assert "publish" not in _buttons(client.get(page_of(ready_claim(ClaimStatus.IN_REVIEW))))
    assert "retract" not in _buttons(client.get(page_of(ready_claim(ClaimStatus.PUBLISHED))))


def test_publish_is_absent_for_the_drafts_author(desk, editor, second_editor):
    claim = ready_claim(ClaimStatus.IN_REVIEW, author=editor)

    response = desk(editor).get(page_of(claim))

    assert "publish" not in _buttons(response)
    assert "second pair of eyes" in response.content.decode()
    refused = transition(desk(editor), claim, "publish")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    assert messages_of(refused) == [
        "Cannot publish: you contributed to this version (its verdict, evidence or claim "
        "wording) since the last one. Another editor must publish it (second pair of eyes)."
    ]
    assert "publish" in _buttons(desk(second_editor).get(page_of(claim)))


def test_publish_is_absent_for_the_drafts_last_editor(desk, researcher, editor, second_editor):
    claim = ready_claim(ClaimStatus.RESEARCHING, author=researcher)
    services.verdict_update_draft(claim=claim, actor=editor, data={"conclusion": "Edited."})
    services.claim_transition(claim=claim, action="submit", actor=researcher)

    assert "publish" not in _buttons(desk(editor).get(page_of(claim)))
    assert "publish" in _buttons(desk(second_editor).get(page_of(claim)))


def test_a_setting_lets_the_author_publish(desk, editor, settings):
    settings.CLAIMS_ALLOW_SELF_PUBLISH = True
    claim = ready_claim(ClaimStatus.IN_REVIEW, author=editor)
    assert "publish" in _buttons(desk(editor).get(page_of(claim)))


def test_a_refused_action_shows_the_service_message_and_changes_nothing(desk, researcher):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)  # no draft, no evidence
    response = transition(desk(researcher), claim, "submit")
    claim.refresh_from_db()
    assert (claim.status, claim.version) == (ClaimStatus.RESEARCHING, 1)
    assert messages_of(response) == [
        "Cannot submit: the draft verdict needs a rating and a conclusion. Write them in the "
        "verdict first."
    ]
    assert list(claim.events.values_list("action", flat=True)) == []


def test_a_note_is_needed_where_the_workflow_says_so(desk, editor):
    claim = ClaimFactory(status=ClaimStatus.NEW)
    response = transition(desk(editor), claim, "dismiss", note="")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW
    assert messages_of(response) == ["Dismiss needs a note saying why. Add a note and try again."]


def test_publishing_from_the_page_publishes_and_cites(desk, researcher, editor):
    claim = ready_claim(ClaimStatus.IN_REVIEW, author=researcher)
    response = transition(desk(editor), claim, "publish", note="")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    verdict = claim.verdicts.get(state=Verdict.State.PUBLISHED)
    assert (verdict.number, verdict.reviewer) == (1, editor)
    assert verdict.citations.count() == 1
    assert messages_of(response) == ["Publish: the claim is now published."]


# --- Editing on the page, and concurrent edits ---------------------------------------------


def verdict_post(client, claim, revision, **fields):
    data = {"op": "verdict", "rating": "", "conclusion": "", "explanation": "", **fields}
    return client.post(page_of(claim), {**data, "revision": revision})


def test_saving_the_verdict_goes_through_the_service(desk, researcher):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    client = desk(researcher)

    response = verdict_post(client, claim, 0, rating="false", conclusion="No.")
    assert response.status_code == 302
    draft = services.current_draft(claim)
    assert (draft.rating, draft.conclusion, draft.author, draft.revision) == (
        "false",
        "No.",
        researcher,
        1,
    )

    verdict_post(client, claim, 1, rating="false", conclusion="No, it was not.")
    draft.refresh_from_db()
    assert (draft.conclusion, draft.revision) == ("No, it was not.", 2)
    assert list(claim.events.values_list("action", flat=True)) == [
        "verdict_created",
        "verdict_edited",
    ]


def test_a_stale_verdict_save_is_refused_and_the_first_save_stays(desk, researcher, editor):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    services.verdict_update_draft(claim=claim, actor=researcher, data={"conclusion": "First."})
    client = desk(editor)
    opened_at = client.get(page_of(claim)).context["verdict_form"].initial["revision"]
    services.verdict_update_draft(
        claim=claim, actor=researcher, data={"conclusion": "Second.", "rating": "false"}
    )

    response = verdict_post(client, claim, opened_at, conclusion="Mine, overwriting.")

    assert response.status_code == 409
    draft = services.current_draft(claim)
    assert (draft.conclusion, draft.revision) == ("Second.", 2)
    html = response.content.decode()
    assert "The draft verdict changed since you loaded it" in html
    assert "Mine, overwriting." in html  # what the editor typed is shown, not lost
    assert response.context["verdict_form"].initial["conclusion"] == "Second."


def test_a_draft_started_by_someone_else_meanwhile_is_not_overwritten(desk, researcher, editor):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    services.verdict_update_draft(claim=claim, actor=researcher, data={"conclusion": "Theirs."})
    response = verdict_post(desk(editor), claim, 0, conclusion="Mine.")
    assert response.status_code == 409
    assert services.current_draft(claim).conclusion == "Theirs."


def test_publishing_a_draft_changed_since_the_page_opened_is_refused(desk, researcher, editor):
    claim = ready_claim(ClaimStatus.IN_REVIEW, author=researcher)
    client = desk(editor)
    page = client.get(page_of(claim))
    seen = page.context["transition_form"].initial
    services.verdict_update_draft(claim=claim, actor=researcher, data={"rating": "true"})

    response = client.post(
        page_of(claim),
        {"op": "transition", "action": "publish", "note": "", **seen},
    )

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    assert (
        "its draft verdict or its evidence changed since you loaded it"
        in (messages_of(response)[0])
    )


def test_a_stale_claim_edit_is_refused(desk, researcher, editor):
    claim = ClaimFactory(status=ClaimStatus.NEW, speaker="Old")
    client = desk(editor)
    version = client.get(page_of(claim)).context["claim_form"].initial["version"]
    services.claim_update(claim=claim, actor=researcher, data={"speaker": "Theirs"})

    response = client.post(
        page_of(claim),
        {"op": "claim", "text": claim.text, "speaker": "Mine", "assignee": "", "version": version},
    )

    assert response.status_code == 409
    claim.refresh_from_db()
    assert claim.speaker == "Theirs"
    assert "The claim changed since you loaded it" in response.content.decode()


def test_editing_the_claim_records_what_changed(desk, editor, researcher):
    claim = ClaimFactory(status=ClaimStatus.NEW, speaker="")
    response = desk(editor).post(
        page_of(claim),
        {
            "op": "claim",
            "text": claim.text,
            "speaker": "The mayor",
            "assignee": researcher.pk,
            "version": 1,
        },
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.speaker, claim.assignee, claim.version) == ("The mayor", researcher, 2)
    assert claim.events.get().changes == {
        "speaker": ["", "The mayor"],
        "assignee": [None, researcher.pk],
    }


def test_evidence_is_added_edited_and_removed_through_the_services(desk, researcher):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    client = desk(researcher)

    response = client.post(
        page_of(claim),
        {
            "op": "evidence_add",
            "source_url": "https://stats.example.org/report?utm_source=x",
            "stance": "refutes",
            "excerpt": "Page 4 says otherwise.",
            "note": "",
        },
    )
    assert response.status_code == 302
    evidence = claim.evidence.get()
    assert evidence.source.url == "https://stats.example.org/report"
    assert (evidence.stance, evidence.added_by) == ("refutes", researcher)

    client.post(
        page_of(claim),
        {
            "op": "evidence_update",
            "evidence": evidence.pk,
            "state": "accepted",
            "stance": "mixed",
            "excerpt": "Page 4, table 2.",
            "note": "",
        },
    )
    evidence.refresh_from_db()
    assert (evidence.stance, evidence.excerpt) == ("mixed", "Page 4, table 2.")

    client.post(page_of(claim), {"op": "evidence_delete", "evidence": evidence.pk})
    assert not claim.evidence.exists()
    assert list(claim.events.values_list("action", flat=True)) == [
        "evidence_added",
        "evidence_changed",
        "evidence_removed",
    ]


def test_evidence_form_errors_are_shown_and_nothing_is_stored(desk, researcher):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    client = desk(researcher)

    response = client.post(
        page_of(claim),
        {"op": "evidence_add", "source_url": "ftp://files.example.org/x", "stance": "supports"},
    )
    assert response.status_code == 400
    assert "is not http or https" in response.content.decode()

    response = client.post(
        page_of(claim), {"op": "evidence_add", "source_url": "https://a.example.org/"}
    )
    assert response.status_code == 400
    assert not claim.evidence.exists()


def test_duplicate_evidence_shows_the_service_message(desk, researcher):
    claim = ready_claim(ClaimStatus.RESEARCHING)
    url = claim.evidence.get().source.url
    response = desk(researcher).post(
        page_of(claim), {"op": "evidence_add", "source_url": url, "stance": "supports"}
    )
    assert response.status_code == 409
    assert (
        "This source is already evidence for the claim: edit that evidence instead."
        in messages_of(response)
    )
    assert claim.evidence.count() == 1


def test_evidence_of_another_claim_cannot_be_touched_from_this_page(desk, researcher):
    claim, other = ClaimFactory(status=ClaimStatus.RESEARCHING), ready_claim("researching")
    evidence = other.evidence.get()
    response = desk(researcher).post(
        page_of(claim), {"op": "evidence_delete", "evidence": evidence.pk}
    )
    assert response.status_code == 404
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_a_closed_claims_verdict_and_evidence_are_read_only(desk, editor):
    claim = ready_claim(ClaimStatus.PUBLISHED)
    response = desk(editor).get(page_of(claim))
    html = response.content.decode()
    assert 'id="verdict-form"' not in html
    assert 'id="evidence-add"' not in html
    assert "An editor can reopen it to write a correction." in html

    response = verdict_post(desk(editor), claim, 1, conclusion="Sneaky.")
    assert "Cannot edit the verdict: the claim is published. Reopen it first." in messages_of(
        response
    )


def test_history_link_goes_to_the_claims_events(desk, editor):
    claim = ClaimFactory()
    response = desk(editor).get(f"/admin/claims/claim/{claim.pk}/history/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"{page_of(claim)}#history")


# --- Articles ------------------------------------------------------------------------------


def test_ingest_form_needs_text_or_a_url(desk, researcher):
    response = desk(researcher).post(INGEST, {"content": "", "url": "", "format": "auto"})
    assert response.status_code == 400
    assert "Paste the article&#x27;s text or HTML, or give its URL." in response.content.decode()


def test_ingest_form_shows_extraction_errors(desk, researcher):
    html = (FIXTURES / "nav-only.html").read_text()
    response = desk(researcher).post(INGEST, {"content": html, "format": "auto", "url": ""})
    assert response.status_code == 400
    errors = response.context["form"].errors["content"]
    assert errors and "article" in errors[0].lower()
    assert not Source.objects.exists()


def test_ingest_form_shows_url_errors(desk, researcher):
    client = desk(researcher)
    response = client.post(INGEST, {"content": "", "url": "not a url", "format": "auto"})
    assert response.status_code == 400
    assert "is not http or https" in response.context["form"].errors["url"][0]

    text = DEMO_ARTICLE.read_text()
    response = client.post(INGEST, {"content": text, "url": "ftp://x.example/", "format": "text"})
    assert response.status_code == 400
    assert response.context["form"].errors["url"]
    assert not Source.objects.exists()


def test_ingesting_pasted_text_stores_the_article_and_its_claims(desk, researcher):
    response = desk(researcher).post(
        INGEST, {"content": DEMO_ARTICLE.read_text(), "format": "auto", "url": "", "title": ""}
    )
    article = Source.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:claims_article_detail", args=[article.pk])
    assert article.kind == Source.Kind.ARTICLE
    assert Claim.objects.of_article(article).count() > 5
    assert ClaimEvent.objects.filter(action="extracted", actor=researcher).exists()


def test_ingesting_html_uses_the_html_reader(desk, researcher):
    html = (FIXTURES / "eu-budget-row.html").read_text()
    response = desk(researcher).post(INGEST, {"content": html, "format": "auto", "url": ""})
    assert response.status_code == 302
    article = Source.objects.get(kind=Source.Kind.ARTICLE)
    assert article.latest_snapshot().raw_format == "html"


def test_ingesting_a_url_registers_it_for_fetching(desk, researcher):
    response = desk(researcher).post(
        INGEST, {"content": "", "url": "https://news.example.org/story", "format": "auto"}
    )
    article = Source.objects.get()
    assert response.status_code == 302
    assert (article.url, article.kind) == ("https://news.example.org/story", "article")
    assert "queued for fetching" in messages_of(response)[0]


def test_article_page_highlights_every_claim(desk, researcher, demo_article):
    article = demo_article.article
    response = desk(researcher).get(reverse("admin:claims_article_detail", args=[article.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    claims = Claim.objects.of_article(article)
    assert len(re.findall(r'<mark class="claim [^"]*" id="claim-\d+"', html)) == claims.count()
    top = max(claims, key=lambda c: c.checkworthiness)
    assert f'title="Check-worthiness {top.checkworthiness:.2f} · Speaker: {top.speaker}' in html


def test_reextract_adds_the_claims_a_lower_threshold_admits(desk, researcher):
    result = services.article_ingest(document=read_path(DEMO_ARTICLE), min_score=0.9)
    before = Claim.objects.of_article(result.article).count()
    url = reverse("admin:claims_article_detail", args=[result.article.pk])

    response = desk(researcher).post(url, {"min_score": "0.5"})

    assert response.status_code == 302
    after = Claim.objects.of_article(result.article).count()
    assert after > before
    assert messages_of(response)[0].startswith(f"Re-extracted: {after - before} new claims")


def test_article_list_links_each_article(desk, researcher, demo_article):
    html = desk(researcher).get("/admin/claims/claim/articles/").content.decode()
    assert reverse("admin:claims_article_detail", args=[demo_article.article.pk]) in html


def test_an_evidence_source_has_no_article_page(desk, researcher):
    source = SourceFactory(kind="evidence")
    url = reverse("admin:claims_article_detail", args=[source.pk])
    assert desk(researcher).get(url).status_code == 404


def test_an_empty_verdict_form_starts_no_draft(desk, researcher):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    response = verdict_post(desk(researcher), claim, 0)
    assert response.status_code == 302
    assert services.current_draft(claim) is None
    assert not claim.events.exists()


SPANISH = (
    "El Gobierno de España aprobó el martes un aumento del salario mínimo del 5%, hasta 1.184 "
    "euros al mes. La ministra de Trabajo, Yolanda Díaz, dijo que la subida beneficiará a 2,5 "
    "millones de trabajadores y que el coste para las empresas será de unos 1.500 millones de "
    "euros al año, según los cálculos del propio ministerio."
)


def test_an_article_not_in_english_says_so_on_its_page(desk, researcher, demo_article):
    # Nothing told the editor that an English model had read a Spanish article.
    client = desk(researcher)
    client.post(INGEST, {"content": SPANISH, "format": "auto", "url": "", "title": "Salario"})
    spanish = Source.objects.get(title="Salario")
    html = client.get(reverse("admin:claims_article_detail", args=[spanish.pk])).content.decode()
    assert 'id="language-warning"' in html
    assert "does not read as English (language: unknown)" in html
    english = demo_article.article
    html = client.get(reverse("admin:claims_article_detail", args=[english.pk])).content.decode()
    assert 'id="language-warning"' not in html


def test_a_page_that_declares_its_language_is_named(desk, researcher):
    html = (
        '<html lang="es-ES"><head><title>Salario mínimo</title></head><body><article>'
        f"<h1>Salario mínimo</h1><p>{SPANISH}</p><p>{SPANISH}</p></article></body></html>"
    )
    client = desk(researcher)
    client.post(INGEST, {"content": html, "format": "auto", "url": ""})
    article = Source.objects.get(kind=Source.Kind.ARTICLE)
    page = client.get(reverse("admin:claims_article_detail", args=[article.pk])).content.decode()
    assert "does not read as English (language: es)" in page
