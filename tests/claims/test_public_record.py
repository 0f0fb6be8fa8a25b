"""What is published is what was reviewed (issue 11): frozen versions, four eyes over all
reviewed content, publishing what you saw, one workflow for the API and the desk, the evidence
gate, corrections and retractions in the open, history the database refuses to rewrite, and
ClaimReview's author. One section per finding, API and desk both where both can act.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from claims import publication, services
from claims.claimreview import claim_review
from claims.extraction import looks_like_html, read_bytes
from claims.models import (
    Claim,
    ClaimEvent,
    ClaimStatus,
    Evidence,
    SpeakerType,
    Verdict,
    VerdictCitation,
)
from sources.models import Source
from tests.claims.test_admin import messages_of, page_of
from tests.claims.test_admin import transition as desk_transition
from tests.claims.test_workflow_api import transition as post_transition
from tests.factories import ClaimFactory, SnapshotFactory, SourceFactory, archived_source
from tests.sources.httpservers import page

pytestmark = pytest.mark.django_db

ORIGINAL = "Officials said the bridge cost 412 million euros."


def published_claim(researcher, editor, *, speaker="Dmitry Medvedev", speaker_type="person"):
    """A claim taken through the whole workflow by the services, as the API and desk do."""
    article = SourceFactory(
        url="https://news.example.org/bridge",
        title="Bridge story",
        publisher="Example News",
        published_at=timezone.now() - timedelta(days=3),
    )
    claim = ClaimFactory(
        snapshot=SnapshotFactory(source=article), speaker=speaker, speaker_type=speaker_type
    )
    services.claim_transition(claim=claim, action="start_research", actor=researcher)
    services.evidence_add(
        claim=claim,
        actor=researcher,
        source=archived_source(url="https://stats.example.org/bridge"),
        stance="refutes",
        excerpt="380 million",
    )
    services.verdict_update_draft(
        claim=claim,
        actor=researcher,
        data={"rating": "false", "conclusion": "It cost 380 million.", "explanation": "Long."},
    )
    services.claim_transition(claim=claim, action="submit", actor=researcher)
    services.claim_transition(claim=claim, action="publish", actor=editor)
    claim.refresh_from_db()
    return claim


# --- 1. A published fact-check cannot be rewritten without review ----------------------------


@pytest.mark.parametrize("reopened_by", ["reopen", "needs_update"])
def test_rewording_after_reopening_changes_nothing_public(
    api, client, researcher, editor, reopened_by
):
    claim = published_claim(researcher, editor)
    feed_tag = api.get("/api/v1/verdicts/")["ETag"]
    reviews_tag = api.get("/api/v1/claim-reviews/")["ETag"]
    if reopened_by == "reopen":
        api.force_authenticate(editor)
        assert post_transition(api, claim, "reopen", note="Check again.").status_code == 200
    else:
        services.claim_flag_needs_update(
            claim_id=claim.pk, action="evidence_changed", note="The page changed."
        )

    api.force_authenticate(researcher)
    edited = api.patch(
        f"/api/v1/claims/{claim.pk}/",
        {"text": "A rewritten claim.", "speaker": "Someone Else"},
        format="json",
    )
    assert edited.status_code == 200  # the desk may work on the claim...
    api.force_authenticate(None)

    # ...but nothing public moves until a new version is reviewed and published.
    review = api.get(f"/api/v1/claims/{claim.pk}/claim-review/").json()
    assert review["claimReviewed"] == ORIGINAL
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Dmitry Medvedev"}
    assert api.get("/api/v1/claim-reviews/").json()["results"][0]["claimReviewed"] == ORIGINAL
    feed = api.get("/api/v1/verdicts/").json()["results"][0]
    assert (feed["claim"]["text"], feed["claim"]["speaker"]) == (ORIGINAL, "Dmitry Medvedev")
    public_page = client.get(f"/fact-checks/{claim.pk}/").content.decode()
    assert ORIGINAL in public_page and "rewritten" not in public_page
    # The feeds' bodies did not change, so neither did their tags: pollers keep a valid copy.
    assert api.get("/api/v1/verdicts/", headers={"If-None-Match": feed_tag}).status_code == 304
    assert (
        api.get("/api/v1/claim-reviews/", headers={"If-None-Match": reviews_tag}).status_code == 304
    )


def test_rewording_on_the_desk_after_reopening_changes_nothing_public(
    desk, client, researcher, editor
):
    claim = published_claim(researcher, editor)
    desk_transition(desk(editor), claim, "reopen", note="Check again.")
    claim.refresh_from_db()
    response = desk(researcher).post(
        page_of(claim),
        {
            "op": "claim",
            "text": "A rewritten claim.",
            "speaker": "Someone Else",
            "speaker_type": "",
            "assignee": "",
            "version": claim.version,
        },
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.text == "A rewritten claim."
    public_page = client.get(f"/fact-checks/{claim.pk}/").content.decode()
    assert ORIGINAL in public_page and "rewritten" not in public_page
    assert Verdict.objects.get(claim=claim, number=1).claim_text == ORIGINAL


def test_a_version_freezes_the_article_as_it_was(api, researcher, editor):
    claim = published_claim(researcher, editor)
    Source.objects.filter(pk=claim.snapshot.source_id).update(
        title="Retitled later", publisher="Someone else"
    )
    review = api.get(f"/api/v1/claims/{claim.pk}/claim-review/").json()
    appearance = review["itemReviewed"]["appearance"][0]
    assert (appearance["headline"], appearance["publisher"]["name"]) == (
        claim.snapshot.title,
        "Example News",
    )


# --- 2. Four eyes over everything that is reviewed --------------------------------------------


def _in_review(researcher) -> Claim:
    claim = ClaimFactory()
    services.claim_transition(claim=claim, action="start_research", actor=researcher)
    services.evidence_add(
        claim=claim, actor=researcher, source=archived_source(), stance="refutes", excerpt="A."
    )
    services.verdict_update_draft(
        claim=claim, actor=researcher, data={"rating": "false", "conclusion": "No."}
    )
    services.claim_transition(claim=claim, action="submit", actor=researcher)
    return claim


CONTRIBUTIONS = {
    "evidence_stance": lambda api, claim: api.patch(
        f"/api/v1/evidence/{claim.evidence.get().pk}/", {"stance": "mixed"}, format="json"
    ),
    "evidence_excerpt": lambda api, claim: api.patch(
        f"/api/v1/evidence/{claim.evidence.get().pk}/", {"excerpt": "B."}, format="json"
    ),
    "evidence_added": lambda api, claim: api.post(
        f"/api/v1/claims/{claim.pk}/evidence/",
        {"source": archived_source().pk, "stance": "supports"},
        format="json",
    ),
    "claim_wording": lambda api, claim: api.patch(
        f"/api/v1/claims/{claim.pk}/", {"text": "Reworded by the editor."}, format="json"
    ),
    "rating": lambda api, claim: api.patch(
        f"/api/v1/claims/{claim.pk}/verdict/", {"rating": "mixed"}, format="json"
    ),
}


@pytest.mark.parametrize("contribution", list(CONTRIBUTIONS))
def test_an_editor_who_contributed_cannot_publish(
    api, researcher, editor, second_editor, contribution
):
    claim = _in_review(researcher)
    api.force_authenticate(editor)
    assert CONTRIBUTIONS[contribution](api, claim).status_code in (200, 201)

    refused = post_transition(api, claim, "publish")
    assert refused.status_code == 403 and refused.data["code"] == "four_eyes"
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW and not claim.verdicts.filter(number=1).exists()

    api.force_authenticate(second_editor)
    assert post_transition(api, claim, "publish").status_code == 200


def test_a_later_trivial_edit_by_someone_else_does_not_launder_the_editors_rating(
    api, researcher, editor
):
    claim = _in_review(researcher)
    api.force_authenticate(editor)
    api.patch(f"/api/v1/claims/{claim.pk}/verdict/", {"rating": "true"}, format="json")
    api.force_authenticate(researcher)
    api.patch(f"/api/v1/claims/{claim.pk}/verdict/", {"explanation": "Typo."}, format="json")
    assert services.current_draft(claim).last_edited_by == researcher

    api.force_authenticate(editor)
    refused = post_transition(api, claim, "publish")
    assert refused.status_code == 403 and refused.data["code"] == "four_eyes"


def test_the_desk_hides_publish_from_an_editor_who_changed_evidence(
    desk, researcher, editor, second_editor
):
    claim = _in_review(researcher)
    evidence = claim.evidence.get()
    services.evidence_update(evidence=evidence, actor=editor, data={"excerpt": "Edited."})

    page = desk(editor).get(page_of(claim)).content.decode()
    assert 'value="publish"' not in page and "second pair of eyes" in page
    desk_transition(desk(editor), claim, "publish")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    desk_transition(desk(second_editor), claim, "publish")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED


@pytest.mark.parametrize("change", ["draft", "evidence"])
def test_publishing_with_an_old_review_tag_is_412_and_changes_nothing(
    api, researcher, editor, change
):
    claim = _in_review(researcher)
    api.force_authenticate(editor)
    seen = api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    if change == "draft":
        services.verdict_update_draft(
            claim=claim, actor=researcher, data={"conclusion": "Something else."}
        )
    else:
        services.evidence_update(
            evidence=claim.evidence.get(), actor=researcher, data={"stance": "mixed"}
        )

    stale = post_transition(api, claim, "publish", **{"If-Match": seen})
    assert stale.status_code == 412 and stale.data["code"] == "stale_version"
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    assert not Verdict.objects.filter(claim=claim, number__isnull=False).exists()

    fresh = api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    assert fresh != seen
    assert post_transition(api, claim, "publish", **{"If-Match": fresh}).status_code == 200


def test_publishing_through_the_api_needs_if_match(api, researcher, editor):
    claim = _in_review(researcher)
    api.force_authenticate(editor)
    response = api.post(
        f"/api/v1/claims/{claim.pk}/transition/", {"action": "publish"}, format="json"
    )
    assert response.status_code == 428 and response.data["code"] == "precondition_required"
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


def test_the_desk_refuses_publishing_after_the_evidence_changed(desk, researcher, editor):
    claim = _in_review(researcher)
    client = desk(editor)
    seen = client.get(page_of(claim)).context["transition_form"].initial
    services.evidence_update(evidence=claim.evidence.get(), actor=researcher, data={"note": "N"})

    client.post(page_of(claim), {"op": "transition", "action": "publish", "note": "", **seen})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


# --- 3. One workflow: the desk and the API take the same path ---------------------------------


def test_accepting_a_suggestion_on_the_desk_archives_it_like_the_api(
    desk, researcher, web, django_capture_on_commit_callbacks
):
    server = web({"/report": page(b"<html><body><p>" + b"The bridge cost 380 million. " * 5)})
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    source = Source.objects.create(kind=Source.Kind.RELATED, url=server.url("/report"))
    suggestion = Evidence.objects.create(
        claim=claim, source=source, state=Evidence.State.SUGGESTED, stance=""
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = desk(researcher).post(
            page_of(claim),
            {
                "op": "evidence_update",
                "evidence": suggestion.pk,
                "state": "accepted",
                "stance": "supports",
                "excerpt": "380 million",
                "note": "",
                "without_archive_reason": "",
            },
        )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    source.refresh_from_db()
    assert suggestion.state == Evidence.State.ACCEPTED and suggestion.excerpt == "380 million"
    assert source.refresh_tier == Source.Tier.EVIDENCE  # re-checked like evidence added by hand
    assert suggestion.snapshot_id is not None, "the fetch archived it and the evidence cites it"
    assert list(claim.events.values_list("action", flat=True)) == ["evidence_accepted"]


def test_an_over_long_excerpt_is_refused_by_the_desk_and_the_api(api, desk, researcher):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    limit = Evidence._meta.get_field("excerpt").max_length
    too_long = "x" * (limit + 5000)

    response = desk(researcher).post(
        page_of(claim),
        {
            "op": "evidence_add",
            "source_url": "https://stats.example.org/long",
            "stance": "supports",
            "excerpt": too_long,
        },
    )
    assert response.status_code == 400
    api.force_authenticate(researcher)
    refused = api.post(
        f"/api/v1/claims/{claim.pk}/evidence/",
        {"source_url": "https://stats.example.org/long", "stance": "supports", "excerpt": too_long},
        format="json",
    )
    assert refused.status_code == 400
    with pytest.raises(services.WorkflowError) as caught:
        services.evidence_add(
            claim=claim,
            actor=researcher,
            source_url="https://stats.example.org/long",
            stance="supports",
            excerpt=too_long,
        )
    assert caught.value.code == "too_long"
    assert not claim.evidence.exists()


def test_a_pasted_html_fragment_is_html_to_the_desk_and_to_ingest(desk, editor):
    fragment = (
        "<p>Unemployment fell to 4.1 percent in March, the statistics office said on Friday, "
        "the lowest rate since records began in 1990.</p>"
    )
    assert looks_like_html(fragment)
    assert read_bytes(fragment.encode()).format == "html"  # manage.py ingest reads files so
    desk(editor).post(
        "/admin/claims/claim/articles/ingest/",
        {"content": fragment, "format": "auto", "url": "", "title": ""},
    )
    article = Source.objects.articles().get()
    assert article.latest_snapshot().raw_format == "html"


def test_needs_update_is_a_service_that_records_why(researcher, editor):
    claim = published_claim(researcher, editor)
    assert services.claim_flag_needs_update(
        claim_id=claim.pk, action="evidence_gone", note="The page is gone."
    )
    assert not services.claim_flag_needs_update(
        claim_id=claim.pk, action="evidence_gone", note="Again."
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEEDS_UPDATE
    event = claim.events.get(action="evidence_gone")
    assert (event.actor, event.from_status, event.to_status) == (
        None,
        ClaimStatus.PUBLISHED,
        ClaimStatus.NEEDS_UPDATE,
    )


# --- 4. The evidence gate ---------------------------------------------------------------------


def test_submit_and_publish_need_archived_evidence_or_an_explicit_reason(api, researcher, editor):
    claim = _in_review(researcher)
    unfetched = SourceFactory(kind="evidence", url="https://paywalled.example.org/report")
    services.claim_transition(
        claim=claim, action="request_changes", actor=editor, note="One more source."
    )
    evidence = services.evidence_add(
        claim=claim, actor=researcher, source=unfetched, stance="supports"
    )
    api.force_authenticate(researcher)
    refused = post_transition(api, claim, "submit")
    assert refused.status_code == 409 and refused.data["code"] == "evidence_not_archived"
    assert "paywalled.example.org" in refused.data["message"]

    api.patch(
        f"/api/v1/evidence/{evidence.pk}/",
        {"without_archive_reason": "Paywalled; read by the researcher on 1 Dec."},
        format="json",
    )
    assert post_transition(api, claim, "submit").status_code == 200
    api.force_authenticate(editor)
    assert post_transition(api, claim, "publish").status_code == 200
    citation = VerdictCitation.objects.get(source=unfetched)
    assert citation.snapshot is None
    assert citation.without_archive_reason == "Paywalled; read by the researcher on 1 Dec."
    assert claim.events.filter(
        action="evidence_changed", changes__has_key="without_archive_reason"
    ).exists()
    assert "not archived: Paywalled" in api.get(f"/fact-checks/{claim.pk}/").content.decode()


def test_the_desk_refuses_to_submit_unarchived_evidence(desk, researcher):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    services.verdict_update_draft(
        claim=claim, actor=researcher, data={"rating": "false", "conclusion": "No."}
    )
    services.evidence_add(
        claim=claim,
        actor=researcher,
        source=SourceFactory(kind="evidence", url="https://unfetched.example.org/"),
        stance="refutes",
    )
    response = desk_transition(desk(researcher), claim, "submit")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RESEARCHING
    assert (
        "have no archived copy yet (https://unfetched.example.org/)" in (messages_of(response)[0])
    )


def test_evidence_cites_the_snapshot_its_first_fetch_archived(
    researcher, web, django_capture_on_commit_callbacks
):
    server = web({"/stats": page(b"<html><body><p>" + b"The catch fell by 12 percent. " * 5)})
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    with django_capture_on_commit_callbacks(execute=True):
        evidence = services.evidence_add(
            claim=claim, actor=researcher, source_url=server.url("/stats"), stance="refutes"
        )
    evidence.refresh_from_db()
    assert evidence.snapshot_id == evidence.source.latest_snapshot().pk
    assert publication.unarchived([evidence]) == []


# --- 5. Corrections in the open ---------------------------------------------------------------


def test_reopening_on_the_desk_does_not_make_the_editor_an_author(desk, researcher, editor):
    claim = published_claim(researcher, editor)
    desk_transition(desk(editor), claim, "reopen", note="Check again.")
    draft = services.current_draft(claim)
    assert draft is not None and draft.author is None
    assert editor.pk not in publication.draft_contributors(claim, draft)


def test_a_one_researcher_one_editor_desk_can_finish_a_correction(api, client, researcher, editor):
    claim = published_claim(researcher, editor)
    first = Verdict.objects.get(claim=claim, number=1)
    api.force_authenticate(editor)
    assert post_transition(api, claim, "reopen", note="New figures.").status_code == 200
    draft = services.current_draft(claim)
    assert draft.author is None, "reopening is not writing the correction"

    api.force_authenticate(researcher)
    api.patch(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {"rating": "mostly_false", "conclusion": "It cost 395 million."},
        format="json",
    )
    assert post_transition(api, claim, "submit").status_code == 200
    api.force_authenticate(editor)
    no_note = post_transition(api, claim, "publish", note="")
    assert no_note.status_code == 400 and no_note.data["code"] == "note_required"
    published = post_transition(
        api, claim, "publish", note="The audit office revised the cost to 395 million."
    )
    assert published.status_code == 200

    second = Verdict.objects.get(claim=claim, number=2)
    assert second.correction_note == "The audit office revised the cost to 395 million."
    assert {"field": "rating", "from": "False", "to": "Mostly false"} in (second.correction_changes)
    page_html = client.get(f"/fact-checks/{claim.pk}/").content.decode()
    assert "Correction," in page_html and "revised the cost to 395 million" in page_html
    assert "Rating: “False” → “Mostly false”" in page_html
    assert f"/fact-checks/{claim.pk}/v1/" in page_html
    earlier = client.get(f"/fact-checks/{claim.pk}/v1/").content.decode()
    assert "An earlier version (v1)" in earlier and first.conclusion in earlier
    assert "application/ld+json" not in earlier
    assert client.get(f"/fact-checks/{claim.pk}/v3/").status_code == 404
    review = api.get(f"/api/v1/claims/{claim.pk}/claim-review/").json()
    assert review["datePublished"] == first.published_at.date().isoformat()
    assert review["dateModified"] == second.published_at.isoformat()


# --- 6. Retractions in the open ---------------------------------------------------------------


def test_a_retraction_stays_at_its_url_and_leaves_claimreview(api, client, researcher, editor):
    claim = published_claim(researcher, editor)
    feed_tag = api.get("/api/v1/verdicts/")["ETag"]
    api.force_authenticate(editor)
    assert post_transition(api, claim, "retract", note="The quote was fabricated.").status_code
    api.force_authenticate(None)

    page_response = client.get(f"/fact-checks/{claim.pk}/")
    assert page_response.status_code == 200
    html = page_response.content.decode()
    assert "Retracted on" in html and "The quote was fabricated." in html
    assert "application/ld+json" not in html
    assert api.get("/api/v1/claim-reviews/").json()["results"] == []
    assert api.get(f"/api/v1/claims/{claim.pk}/claim-review/").status_code == 410
    changed = api.get("/api/v1/verdicts/", headers={"If-None-Match": feed_tag})
    assert changed.status_code == 200
    item = changed.json()["results"][0]
    assert (item["state"], item["retraction_note"]) == ("retracted", "The quote was fabricated.")
    assert item["retracted_at"] is not None


# --- 7. History the database refuses to rewrite -----------------------------------------------


def _refused(sql: str, params: list) -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    except IntegrityError:
        return True
    return False


def test_raw_sql_cannot_rewrite_history_or_published_versions(researcher, editor):
    claim = published_claim(researcher, editor)
    event = claim.events.first()
    version = Verdict.objects.get(claim=claim, number=1)
    citation = version.citations.get()

    assert _refused("UPDATE claims_claimevent SET note = %s WHERE id = %s", ["x", event.pk])
    assert _refused("DELETE FROM claims_claimevent WHERE id = %s", [event.pk])
    assert _refused("UPDATE claims_verdict SET conclusion = %s WHERE id = %s", ["x", version.pk])
    assert _refused("UPDATE claims_verdict SET claim_text = %s WHERE id = %s", ["x", version.pk])
    assert _refused("UPDATE claims_verdict SET state = 'draft' WHERE id = %s", [version.pk])
    assert _refused("DELETE FROM claims_verdict WHERE id = %s", [version.pk])
    assert _refused(
        "UPDATE claims_verdictcitation SET excerpt = %s WHERE id = %s", ["x", citation.pk]
    )
    assert _refused("DELETE FROM claims_verdictcitation WHERE id = %s", [citation.pk])
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimEvent.objects.filter(pk=event.pk).update(note="rewritten")

    # What the workflow does is still allowed: a retraction, once.
    now = timezone.now()
    assert not _refused(
        "UPDATE claims_verdict SET state = 'retracted', retracted_at = %s, "
        "retraction_note = %s WHERE id = %s",
        [now, "Wrong.", version.pk],
    )
    assert _refused(
        "UPDATE claims_verdict SET retraction_note = %s WHERE id = %s", ["Other.", version.pk]
    )
    version.refresh_from_db()
    assert (version.conclusion, version.retraction_note) == ("It cost 380 million.", "Wrong.")


def test_drafts_stay_editable_in_the_database(researcher):
    claim = _in_review(researcher)
    draft = services.current_draft(claim)
    assert not _refused(
        "UPDATE claims_verdict SET conclusion = %s WHERE id = %s", ["Edited.", draft.pk]
    )


# --- 8. ClaimReview's author ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "speaker_type", "expected"),
    [
        ("Harry", SpeakerType.PERSON, {"@type": "Person", "name": "Harry"}),
        (
            "Associated Press",
            SpeakerType.ORGANIZATION,
            {"@type": "Organization", "name": "Associated Press"},
        ),
        ("", "", {"@type": "Organization", "name": "Example News"}),
    ],
)
def test_claimreview_author_is_the_typed_speaker_or_the_publisher(
    researcher, editor, speaker, speaker_type, expected
):
    claim = published_claim(researcher, editor, speaker=speaker, speaker_type=speaker_type)
    review = claim_review(Verdict.objects.get(claim=claim, number=1))
    assert review["itemReviewed"]["author"] == expected


def test_the_desk_confirms_the_speaker_type_and_the_version_freezes_it(desk, researcher, editor):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, speaker="Harry", speaker_type="")
    desk(researcher).post(
        page_of(claim),
        {
            "op": "claim",
            "text": claim.text,
            "speaker": "Harry",
            "speaker_type": "person",
            "assignee": "",
            "version": claim.version,
        },
    )
    claim.refresh_from_db()
    assert claim.speaker_type == SpeakerType.PERSON
    assert claim.events.get(action="edited").changes == {"speaker_type": ["", "person"]}


def test_no_appearance_without_a_url(researcher, editor):
    claim = published_claim(researcher, editor)
    version = Verdict.objects.get(claim=claim, number=1)
    version.appearance_url = ""  # an article pasted without its address (not saved)
    assert "appearance" not in claim_review(version)["itemReviewed"]


def test_extraction_types_the_speakers_it_finds(editor):
    from claims.extraction import read_path
    from tests.claims.test_admin import DEMO_ARTICLE

    result = services.article_ingest(document=read_path(DEMO_ARTICLE), actor=editor)
    attributed = [claim for claim in result.new_claims if claim.speaker]
    assert attributed
    assert all(claim.speaker_type in SpeakerType.values for claim in attributed)
