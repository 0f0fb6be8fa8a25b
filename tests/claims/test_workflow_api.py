"""The editorial workflow through the API: every action, from every state, as every role."""

from __future__ import annotations

import pytest

from claims import publication
from claims.models import Claim, ClaimStatus, Evidence, Rating, Verdict
from claims.workflow import ACTIONS
from tests.factories import (
    ClaimFactory,
    SnapshotFactory,
    SourceFactory,
    archived_source,
    ready_claim,
)

pytestmark = pytest.mark.django_db

ROLES = ["researcher", "editor", "api_client_user", "outsider"]


def transition(api, claim: Claim, action: str, note: str = "Because.", **headers):
    """POST the action with the claim's current review tag as If-Match (publishing needs it),
    unless the test gives its own headers."""
    claim.refresh_from_db()
    headers.setdefault("If-Match", publication.review_tag(claim))
    return api.post(
        f"/api/v1/claims/{claim.pk}/transition/",
        {"action": action, "note": note},
        format="json",
        headers=headers,
    )


# The expected answers, written out: this test checks claims.workflow.ACTIONS, so it does not
# read them from it. Each action: the statuses it leaves from, where it goes, who may take it.
MOVES: dict[str, tuple[set[str], str, set[str]]] = {
    "start_research": ({"new", "needs_update"}, "researching", {"researcher", "editor"}),
    "dismiss": ({"new"}, "dismissed", {"researcher", "editor"}),
    "restore": ({"dismissed"}, "new", {"editor"}),
    "submit": ({"researching"}, "in_review", {"researcher", "editor"}),
    "request_changes": ({"in_review"}, "researching", {"editor"}),
    "publish": ({"in_review"}, "published", {"editor"}),
    "reopen": ({"published", "needs_update"}, "researching", {"editor"}),
    "retract": ({"published"}, "retracted", {"editor"}),
}
# What a 409 lists as allowed, by role and status (in the order the API gives them).
ALLOWED: dict[str, dict[str, list[str]]] = {
    "researcher": {
        "new": ["start_research", "dismiss"],
        "dismissed": [],
        "researching": ["submit"],
        "in_review": [],
        "published": [],
        "needs_update": ["start_research"],
        "retracted": [],
    },
    "editor": {
        "new": ["start_research", "dismiss"],
        "dismissed": ["restore"],
        "researching": ["submit"],
        "in_review": ["request_changes", "publish"],
        "published": ["reopen", "retract"],
        "needs_update": ["start_research", "reopen"],
        "retracted": [],
    },
}
STATUSES = [
    "new",
    "dismissed",
    "researching",
    "in_review",
    "published",
    "needs_update",
    "retracted",
]
NOTE_REQUIRED = ["dismiss", "request_changes", "reopen", "retract"]


def test_the_tables_here_name_every_action_and_status():
    assert list(MOVES) == list(ACTIONS)
    assert list(ClaimStatus.values) == STATUSES


MATRIX = [(action, role, status) for action in MOVES for role in ROLES for status in STATUSES]


@pytest.mark.parametrize(
    ("action", "role", "status"),
    MATRIX,
    ids=[f"{a}-{r}-{s}" for a, r, s in MATRIX],
)
def test_action_table(request, api, action, role, status):
    user = request.getfixturevalue(role)
    claim = ready_claim(status)
    api.force_authenticate(user)
    sources, target, roles = MOVES[action]

    response = transition(api, claim, action)

    claim.refresh_from_db()
    if role not in roles:
        assert response.status_code == 403, response.data
        assert claim.status == status
    elif status not in sources:
        assert response.status_code == 409, response.data
        assert response.data["code"] == "invalid_transition"
        assert response.data["allowed_actions"] == ALLOWED[role][status]
        assert claim.status == status
    else:
        assert action in ALLOWED[role][status]
        assert response.status_code == 200, response.data
        assert response.data["status"] == target == claim.status
        event = claim.events.latest("id")
        assert (event.action, event.actor, event.from_status, event.to_status) == (
            action,
            user,
            status,
            target,
        )


def test_unknown_action_is_400(api, editor):
    api.force_authenticate(editor)
    response = transition(api, ready_claim(ClaimStatus.NEW), "approve")
    assert response.status_code == 400
    assert response.data["code"] == "unknown_action"
    assert "start_research" in response.data["message"]


@pytest.mark.parametrize("action", NOTE_REQUIRED)
def test_missing_note_is_400_and_changes_nothing(api, editor, action):
    status = sorted(MOVES[action][0])[0]
    claim = ready_claim(status)
    api.force_authenticate(editor)
    response = transition(api, claim, action, note="   ")
    assert response.status_code == 400
    assert response.data["code"] == "note_required"
    claim.refresh_from_db()
    assert claim.status == status and claim.version == 1


def test_submit_needs_a_complete_draft_and_evidence(api, researcher):
    api.force_authenticate(researcher)
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    response = transition(api, claim, "submit")
    assert response.status_code == 409 and response.data["code"] == "verdict_incomplete"

    Verdict.objects.create(claim=claim, rating=Rating.MIXED, conclusion="Partly.")
    response = transition(api, claim, "submit")
    assert response.status_code == 409 and response.data["code"] == "no_evidence"
    assert "Add at least one evidence source" in response.data["message"]

    source = SourceFactory(kind="evidence")
    Evidence.objects.create(claim=claim, source=source, stance="supports")
    response = transition(api, claim, "submit")
    assert response.status_code == 409 and response.data["code"] == "evidence_not_archived"
    assert source.url in response.data["message"]

    SnapshotFactory(source=source)  # the fetch archived it
    assert transition(api, claim, "submit").status_code == 200


def test_publish_refuses_the_verdict_author(api, editor, second_editor):
    claim = ready_claim(ClaimStatus.IN_REVIEW, author=editor)
    api.force_authenticate(editor)
    response = transition(api, claim, "publish")
    assert response.status_code == 403
    assert response.data["code"] == "four_eyes"
    api.force_authenticate(second_editor)
    assert transition(api, claim, "publish").status_code == 200


def test_publish_refuses_the_last_editor_of_the_draft(api, researcher, editor, second_editor):
    claim = ready_claim(ClaimStatus.IN_REVIEW, author=researcher)
    api.force_authenticate(editor)
    assert (
        api.patch(
            f"/api/v1/claims/{claim.pk}/verdict/", {"conclusion": "Not so."}, format="json"
        ).status_code
        == 200
    )
    assert transition(api, claim, "publish").data["code"] == "four_eyes"
    api.force_authenticate(second_editor)
    assert transition(api, claim, "publish").status_code == 200


def test_a_setting_relaxes_the_four_eyes_rule(api, editor, settings):
    settings.CLAIMS_ALLOW_SELF_PUBLISH = True
    claim = ready_claim(ClaimStatus.IN_REVIEW, author=editor)
    api.force_authenticate(editor)
    assert transition(api, claim, "publish").status_code == 200


def test_correction_creates_version_two_and_version_one_stays_readable(
    api, researcher, editor, second_editor
):
    source = archived_source(url="https://stats.example.org/fish")
    claim = ClaimFactory(status=ClaimStatus.NEW)
    api.force_authenticate(researcher)
    assert transition(api, claim, "start_research").status_code == 200
    api.patch(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {"rating": "false", "conclusion": "It cost 380 million.", "explanation": "Long."},
        format="json",
    )
    api.post(
        f"/api/v1/claims/{claim.pk}/evidence/",
        {"source": source.pk, "stance": "refutes", "excerpt": "380 million"},
        format="json",
    )
    assert transition(api, claim, "submit").status_code == 200
    api.force_authenticate(editor)
    assert transition(api, claim, "publish").status_code == 200

    assert transition(api, claim, "reopen", note="New figures came out.").status_code == 200
    draft = api.get(f"/api/v1/claims/{claim.pk}/verdict/").data
    assert draft["conclusion"] == "It cost 380 million.", "a correction starts from v1's text"
    api.force_authenticate(researcher)
    api.patch(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {"rating": "mostly_false", "conclusion": "It cost 395 million."},
        format="json",
    )
    assert transition(api, claim, "submit").status_code == 200
    api.force_authenticate(second_editor)
    assert transition(api, claim, "publish").status_code == 200

    versions = api.get(f"/api/v1/claims/{claim.pk}/verdicts/").data
    assert [(v["version"], v["state"], v["rating"]) for v in versions] == [
        (2, "published", "mostly_false"),
        (1, "superseded", "false"),
    ]
    assert versions[1]["conclusion"] == "It cost 380 million."
    assert versions[1]["citations"][0]["source_url"] == "https://stats.example.org/fish"
    assert versions[1]["citations"][0]["excerpt"] == "380 million"
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert list(claim.events.values_list("action", flat=True)) == [
        "start_research",
        "verdict_created",
        "evidence_added",
        "submit",
        "publish",
        "reopen",
        "verdict_edited",
        "submit",
        "publish",
    ]


def test_retract_marks_the_published_verdict_retracted(api, editor):
    claim = ready_claim(ClaimStatus.PUBLISHED)
    api.force_authenticate(editor)
    assert transition(api, claim, "retract", note="Wrong claim.").status_code == 200
    assert claim.verdicts.get().state == Verdict.State.RETRACTED
    gone = api.get(f"/api/v1/claims/{claim.pk}/claim-review/")
    assert gone.status_code == 410 and gone.data["code"] == "retracted"
    assert "Wrong claim." in gone.data["message"]
