"""The desk as people use it, in a real browser: researcher to editor to the public feed.

Run alone with `pytest tests/e2e`; `SCREENSHOTS=1 pytest tests/e2e -k screenshots` also saves
the pictures in docs/screenshots/.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from claims import services
from claims.extraction import read_path
from claims.models import Claim, ClaimStatus, Evidence, Verdict
from sources.models import Snapshot, Source
from tests.e2e.conftest import desk_user

try:
    from playwright.sync_api import expect
except ImportError:  # the `playwright` fixture skips these tests (fails them in CI), saying why
    expect = None

# The live server's thread sees only committed rows: these tests use transactional_db.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEMO_ARTICLE = Path(settings.BASE_DIR) / "claims" / "demo" / "kuril-islands-2021-02-15.txt"
SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"


@pytest.fixture
def demo():
    """The example article, ingested the way `make run` does."""
    return services.article_ingest(document=read_path(DEMO_ARTICLE))


def top_claim(result) -> Claim:
    # The claims list's order for claims that are all new: check-worthiness, then id.
    return Claim.objects.of_article(result.article).order_by("-checkworthiness", "id").first()


def first_row(page):
    return page.locator("#result_list tbody tr").first


def test_researcher_submits_editor_publishes_feed_shows_it(logged_in, live_server, demo):
    researcher = desk_user("rita", "researcher")
    editor = desk_user("eddie", "editor")
    claim = top_claim(demo)

    # The researcher opens the top claim of the example article from the list.
    page = logged_in(researcher)
    page.get_by_role("link", name="Claims that need attention").click()
    expect(first_row(page).locator("th a")).to_have_text(re.compile(re.escape(claim.text[:40])))
    first_row(page).locator("th a").click()
    expect(page.locator("h1")).to_contain_text(f"Claim #{claim.pk}")
    expect(page.locator("blockquote.paragraph mark")).to_have_text(claim.quote)

    page.get_by_role("button", name="Start research").click()
    expect(page.locator(".messagelist")).to_contain_text("the claim is now researching")

    page.fill("#id_source_url", "https://archive.example.org/treaties/1956-joint-declaration")
    page.select_option("#id_stance", "context")
    page.fill("#id_excerpt", "The 1956 declaration foresaw the transfer of two islands.")
    # These tests never fetch (loopback only), so the source is cited without an archive, with
    # the reason readers will see; a real desk waits for the fetch to archive it.
    page.fill("#id_without_archive_reason", "Read in the national archive's reading room.")
    page.get_by_role("button", name="Add evidence").click()
    expect(page.locator(".messagelist")).to_contain_text("Evidence added.")
    expect(page.locator("tr.evidence-row")).to_have_count(1)

    page.select_option("#id_rating", "mostly_true")
    page.fill("#id_conclusion", "The report exists, but it describes a survey, not a vote.")
    page.fill("#id_explanation", "We read the newspaper's original report and the survey.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("Draft verdict saved (revision 1).")

    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("the claim is now in review")
    expect(page.locator("button[value=publish]")).to_have_count(0)

    # The editor finds it first in the list and publishes it.
    page = logged_in(editor)
    page.goto(f"{live_server.url}/admin/claims/claim/")
    expect(first_row(page).locator(".status-badge")).to_have_text("In review")
    expect(first_row(page).locator("th a")).to_have_text(re.compile(re.escape(claim.text[:40])))
    first_row(page).locator("th a").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messagelist")).to_contain_text("the claim is now published")
    expect(page.locator("h1 .rating")).to_have_text("v1: Mostly true")

    # The verdict is in the API's feed, fetched by the browser like any client would.
    feed = page.evaluate("fetch('/api/v1/verdicts/').then(response => response.json())")
    published = [item for item in feed["results"] if item["claim"]["id"] == claim.pk]
    assert len(published) == 1
    assert (published[0]["rating"], published[0]["reviewer"]) == ("mostly_true", "eddie")
    assert published[0]["citations"][0]["source_url"] == (
        "https://archive.example.org/treaties/1956-joint-declaration"
    )
    assert published[0]["citations"][0]["without_archive_reason"] == (
        "Read in the national archive's reading room."
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert list(claim.events.values_list("action", "actor__username")) == [
        ("extracted", None),
        ("start_research", "rita"),
        ("evidence_added", "rita"),
        ("verdict_created", "rita"),
        ("submit", "rita"),
        ("publish", "eddie"),
    ]


def _in_review(claim: Claim, researcher) -> None:
    services.claim_transition(claim=claim, action="start_research", actor=researcher)
    services.evidence_add(
        claim=claim,
        actor=researcher,
        source_url="https://archive.example.org/kuril",
        stance="refutes",
        without_archive_reason="Offline document (these tests never fetch).",
    )
    services.verdict_update_draft(
        claim=claim,
        actor=researcher,
        data={"rating": "false", "conclusion": "No.", "explanation": ""},
    )
    services.claim_transition(claim=claim, action="submit", actor=researcher)


def test_no_publish_for_researchers_and_a_stale_save_is_refused(logged_in, live_server, demo):
    researcher = desk_user("rita", "researcher")
    editor = desk_user("eddie", "editor")
    claim = top_claim(demo)
    _in_review(claim, researcher)
    url = f"{live_server.url}/admin/claims/claim/{claim.pk}/change/"

    mine = logged_in(researcher)
    mine.goto(url)
    theirs = logged_in(editor)
    theirs.goto(url)
    expect(mine.locator("#workflow")).to_contain_text("No workflow action is open to you")
    expect(mine.locator("button[value=publish]")).to_have_count(0)
    expect(theirs.locator("button[value=publish]")).to_have_count(1)

    # Both have the page open; the researcher saves first, the editor's save is then stale.
    mine.fill("#id_conclusion", "No: the treaty was never signed.")
    mine.get_by_role("button", name="Save draft").click()
    expect(mine.locator(".messagelist")).to_contain_text("Draft verdict saved (revision 2).")

    theirs.fill("#id_conclusion", "Overwriting what I never read.")
    theirs.get_by_role("button", name="Save draft").click()
    expect(theirs.locator(".messagelist .error")).to_contain_text(
        "The draft verdict changed since you loaded it"
    )
    expect(theirs.locator(".unsaved")).to_contain_text("Overwriting what I never read.")
    expect(theirs.locator("#id_conclusion")).to_have_value("No: the treaty was never signed.")
    draft = Verdict.objects.get(claim=claim, state=Verdict.State.DRAFT)
    assert (draft.conclusion, draft.revision) == ("No: the treaty was never signed.", 2)


def _screenshot_state(demo, researcher, editor) -> Claim:
    """The example article mid-way through a desk's day: something to look at."""
    claims = list(Claim.objects.of_article(demo.article).order_by("-checkworthiness", "id"))
    claim = claims[0]
    _in_review(claim, researcher)
    services.evidence_add(
        claim=claim,
        actor=researcher,
        source_url="https://www.example.org/hokkaido-shimbun/2020-12-survey",
        stance="context",
        excerpt="Residents were asked which country they felt closer to.",
    )
    now = timezone.now()
    for evidence in claim.evidence.select_related("source"):
        Source.objects.filter(pk=evidence.source_id).update(
            status=Source.Status.OK,
            http_status=200,
            last_checked_at=now - timedelta(hours=3),
            title=evidence.source.url.split("/")[-1].replace("-", " ").capitalize(),
        )
    changed = claim.evidence.order_by("id").first()
    snapshot = Snapshot.objects.create(
        source=changed.source, text="The archived page.", fetched_at=now - timedelta(days=1)
    )
    Evidence.objects.filter(pk=changed.pk).update(
        snapshot=snapshot, source_changed_at=now - timedelta(hours=2)
    )
    services.verdict_update_draft(
        claim=claim,
        actor=researcher,
        data={
            "rating": "misleading",
            "conclusion": "The newspaper reported a survey of residents, not an official count.",
            "explanation": "We traced the figure to the December survey and compared it with "
            "the census.",
        },
    )
    for other in claims[1:3]:
        services.claim_transition(claim=other, action="start_research", actor=researcher)
        services.claim_update(claim=other, actor=researcher, data={"assignee": researcher})
    services.claim_transition(claim=claims[3], action="dismiss", actor=editor, note="Opinion.")
    _in_review(claims[4], researcher)
    services.claim_transition(claim=claims[4], action="publish", actor=editor)
    return claim


def test_desk_screenshots(logged_in, live_server, demo):
    """The three pages editors live in render with their key parts; SCREENSHOTS=1 saves them."""
    researcher = desk_user("rita", "researcher")
    editor = desk_user("eddie", "editor")
    claim = _screenshot_state(demo, researcher, editor)
    save = os.environ.get("SCREENSHOTS") == "1"
    if save:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = logged_in(editor, viewport={"width": 1440, "height": 960})

    page.goto(f"{live_server.url}/admin/claims/claim/")
    expect(first_row(page).locator(".status-badge")).to_have_text("In review")
    if save:
        page.screenshot(path=SCREENSHOTS / "claims-list.png", full_page=True)

    page.goto(f"{live_server.url}/admin/claims/claim/{claim.pk}/change/")
    expect(page.locator("blockquote.paragraph mark")).to_have_text(claim.quote)
    expect(page.locator("table.features tbody tr").first).to_be_visible()
    expect(page.locator(".changed")).to_have_text("changed since publish")
    expect(page.locator("button[value=publish]")).to_have_count(1)
    if save:
        page.screenshot(path=SCREENSHOTS / "claim-page.png", full_page=True)

    page.goto(f"{live_server.url}/admin/claims/claim/articles/{demo.article.pk}/")
    marks = page.locator(".article-text mark.claim")
    expect(marks).to_have_count(Claim.objects.of_article(demo.article).count())
    expect(page.locator(f"#claim-{claim.pk}")).to_have_attribute(
        "title", re.compile(r"^Check-worthiness 0\.\d\d · Speaker: ")
    )
    if save:
        page.screenshot(path=SCREENSHOTS / "article-page.png", full_page=True)


def test_feature_table_fits_the_side_column_in_a_1400px_window(logged_in, live_server, demo):
    """The score's features sit in the 360 px side column: no number may spill out of its card."""
    # Besides the scorer's own, the widest a row gets: a long word, a weight past ten.
    Claim.objects.filter(pk=top_claim(demo).pk).update(
        features=[
            {
                "name": "characters: 'Kamchatskiykraiadministration'",
                "value": 0.123456789,
                "weight": -12.3456789,
                "contribution": -12.3456789,
            },
            {"name": "number", "value": 1.0, "weight": 0.7099893898430416, "contribution": 0.71},
        ]
    )
    page = logged_in(desk_user("eddie", "editor"), viewport={"width": 1400, "height": 900})
    for claim in Claim.objects.of_article(demo.article):
        page.goto(f"{live_server.url}/admin/claims/claim/{claim.pk}/change/")
        edges = page.locator("#score").evaluate(
            """card => {
                const style = getComputedStyle(card);
                const cells = card.querySelectorAll("td.contribution, td.contribution .num");
                return {
                    inside: card.getBoundingClientRect().right - parseFloat(style.paddingRight)
                        - parseFloat(style.borderRightWidth),
                    contribution: Math.max(...[...cells].map(c => c.getBoundingClientRect().right)),
                };
            }"""
        )
        assert edges["contribution"] <= edges["inside"] + 0.5 < 1400, (claim.pk, edges)
