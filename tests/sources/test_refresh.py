"""Fetching evidence, archiving snapshots, change detection and the refresh schedule, against
real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from claims.models import Claim, ClaimStatus, Evidence, Rating, Verdict, VerdictCitation
from sources.models import Snapshot, Source
from sources.refresh import source_fetch
from sources.services import source_refresh_now, sources_enqueue_due, sources_lease_due
from tests.factories import ClaimFactory
from tests.sources.httpservers import etag_page, page, status_page

pytestmark = pytest.mark.django_db

ORIGINAL = (
    b"<html><head><title>Catch statistics 2022</title></head><body><article>"
    b"<h1>Catch statistics 2022</h1>"
    b"<p>The Norwegian Directorate of Fisheries said that 3,200 tonnes of cod were landed in "
    b"Honningsvag in 2022, a fall of 12 percent on the year before.</p>"
    b"<p>Prices at first sale rose to a record 42 kroner per kilo in the spring season.</p>"
    b"</article></body></html>"
)
CHANGED = ORIGINAL.replace(b"3,200 tonnes", b"2,900 tonnes").replace(
    b"</article>",
    b"<p>The figures were revised in March 2023 after late reports from two buyers.</p></article>",
)


def evidence_source(url: str, **fields) -> Source:
    return Source.objects.create(kind=Source.Kind.EVIDENCE, url=url, **fields)


def published_claim_citing(source: Source) -> Claim:
    """A published claim whose verdict cites `source` as it is archived now."""
    claim = ClaimFactory(status=ClaimStatus.PUBLISHED)
    Evidence.objects.create(
        claim=claim, source=source, stance="refutes", snapshot=source.latest_snapshot()
    )
    verdict = Verdict.objects.create(
        claim=claim,
        state="published",
        number=1,
        rating=Rating.FALSE,
        conclusion="Not so.",
        published_at=timezone.now(),
    )
    VerdictCitation.objects.create(
        verdict=verdict, source=source, snapshot=source.latest_snapshot(), stance="refutes"
    )
    return claim


def test_a_source_is_fetched_and_archived(web):
    server = web({"/stats": page(ORIGINAL)})
    source = evidence_source(server.url("/stats"), refresh_tier=Source.Tier.EVIDENCE)

    outcome = source_fetch(source_id=source.pk)

    assert outcome.outcome == "new_snapshot"
    source.refresh_from_db()
    snapshot = source.latest_snapshot()
    assert "3,200 tonnes of cod" in snapshot.text
    assert snapshot.http_status == 200 and snapshot.content_type == "text/html"
    assert source.status == Source.Status.OK and source.title == "Catch statistics 2022"
    assert source.last_checked_at is not None
    # Evidence is looked at again in about a week.
    assert timedelta(days=6) < source.next_check_at - timezone.now() < timedelta(days=8)
    assert server.requests[-1].headers["User-Agent"].startswith("claimtracker/")


def test_304_records_the_check_and_nothing_else(web):
    server = web({"/stats": etag_page(ORIGINAL, '"v1"')})
    source = evidence_source(server.url("/stats"))
    source_fetch(source_id=source.pk)
    first_check = Source.objects.get(pk=source.pk).last_checked_at

    outcome = source_fetch(source_id=source.pk)

    assert outcome.outcome == "not_modified"
    assert server.requests[-1].headers["If-None-Match"] == '"v1"'
    assert Snapshot.objects.filter(source=source).count() == 1
    source.refresh_from_db()
    assert source.http_status == 304 and source.last_checked_at > first_check


def test_unchanged_content_stores_no_new_snapshot(web):
    server = web({"/stats": page(ORIGINAL)})
    source = evidence_source(server.url("/stats"))
    source_fetch(source_id=source.pk)
    assert source_fetch(source_id=source.pk).outcome == "unchanged"
    assert Snapshot.objects.filter(source=source).count() == 1


def test_changed_content_flags_the_published_claim(web):
    routes = {"/stats": page(ORIGINAL)}
    server = web(routes)
    source = evidence_source(server.url("/stats"), refresh_tier=Source.Tier.CITED)
    source_fetch(source_id=source.pk)
    claim = published_claim_citing(source)
    cited = source.latest_snapshot()

    routes["/stats"] = page(CHANGED)
    assert source_fetch(source_id=source.pk).outcome == "new_snapshot"

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEEDS_UPDATE
    event = claim.events.get(action="evidence_changed")
    assert (event.from_status, event.to_status, event.actor) == ("published", "needs_update", None)
    assert event.changes["sentences_added"] >= 1 and event.changes["sentences_removed"] >= 1
    assert 0 < event.changes["changed_share"] < 0.5
    assert "text changed" in event.note and source.url in event.note
    assert Evidence.objects.get(source=source).source_changed_at is not None
    # The published verdict still points at what it was published with.
    citation = VerdictCitation.objects.get(source=source)
    assert citation.snapshot == cited and "3,200 tonnes" in citation.snapshot.text


def test_only_published_claims_are_flagged(web):
    routes = {"/stats": page(ORIGINAL)}
    server = web(routes)
    source = evidence_source(server.url("/stats"))
    source_fetch(source_id=source.pk)
    researching = ClaimFactory(status=ClaimStatus.RESEARCHING)
    Evidence.objects.create(claim=researching, source=source, stance="supports")
    routes["/stats"] = page(CHANGED)
    source_fetch(source_id=source.pk)
    researching.refresh_from_db()
    assert researching.status == ClaimStatus.RESEARCHING
    assert Evidence.objects.get(claim=researching).source_changed_at is not None


def test_404_several_times_in_a_row_is_gone_not_the_first(web, settings):
    settings.SOURCES_GONE_AFTER = 3
    routes = {"/stats": page(ORIGINAL)}
    server = web(routes)
    source = evidence_source(server.url("/stats"), refresh_tier=Source.Tier.CITED)
    source_fetch(source_id=source.pk)
    claim = published_claim_citing(source)
    routes["/stats"] = status_page(404)

    outcomes = [source_fetch(source_id=source.pk).outcome for _ in range(3)]

    assert outcomes == ["missing", "missing", "gone"]
    source.refresh_from_db()
    assert source.status == Source.Status.GONE and source.consecutive_failures == 3
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEEDS_UPDATE
    event = claim.events.get(action="evidence_gone")
    assert "archived copy" in event.note
    # The archive stays readable.
    assert "3,200 tonnes" in VerdictCitation.objects.get(source=source).snapshot.text
    # A fourth 404 does not flag it again.
    source_fetch(source_id=source.pk)
    assert claim.events.filter(action="evidence_gone").count() == 1


def test_server_errors_back_off_and_a_refusal_is_permanent(web, settings):
    server = web({"/down": status_page(503)})
    failing = evidence_source(server.url("/down"), refresh_tier=Source.Tier.EVIDENCE)
    delays = []
    for _ in range(3):
        assert source_fetch(source_id=failing.pk).outcome == "failed"
        failing.refresh_from_db()
        delays.append((failing.next_check_at - timezone.now()).total_seconds())
    assert failing.status == Source.Status.UNREACHABLE and failing.consecutive_failures == 3
    assert delays[0] < delays[1] < delays[2], "exponential backoff"

    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = False
    blocked = evidence_source(server.url("/other"), refresh_tier=Source.Tier.EVIDENCE)
    assert source_fetch(source_id=blocked.pk).outcome == "blocked"
    blocked.refresh_from_db()
    assert blocked.status == Source.Status.BLOCKED and blocked.next_check_at is None
    assert "private" in blocked.last_error or "loopback" in blocked.last_error
    assert source_fetch(source_id=blocked.pk).outcome == "skipped", "never retried"


def test_due_sources_are_leased_once(settings):
    settings.SOURCES_LEASE_SECONDS = 600
    now = timezone.now()
    due = [
        evidence_source(f"https://example.org/{i}", next_check_at=now - timedelta(minutes=i))
        for i in range(3)
    ]
    evidence_source("https://example.org/later", next_check_at=now + timedelta(hours=1))
    evidence_source("https://example.org/blocked", next_check_at=now, status=Source.Status.BLOCKED)

    first = sources_lease_due(limit=10, now=now)
    assert sorted(first) == sorted(s.pk for s in due)
    assert sources_lease_due(limit=10, now=now) == [], "leased: not handed out twice"
    # A fetch lost with its worker is due again when the lease ends.
    assert sorted(sources_lease_due(limit=10, now=now + timedelta(seconds=601))) == sorted(first)


def test_refresh_now_and_the_command(web):
    server = web({"/stats": page(ORIGINAL)})
    source = evidence_source(server.url("/stats"))
    assert source_refresh_now(source_ids=[source.pk]) == 1
    out, err = io.StringIO(), io.StringIO()
    call_command("refresh_sources", "--source", str(source.pk), stdout=out, stderr=err)
    assert "new_snapshot" in out.getvalue()
    source.refresh_from_db()
    assert source.snapshots.count() == 1
    out = io.StringIO()
    call_command("refresh_sources", "--all", stdout=out, stderr=io.StringIO())
    assert "unchanged" in out.getvalue()


def test_adding_evidence_watches_and_archives_the_source(web, api, researcher, settings):
    server = web({"/stats": page(ORIGINAL)})
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    api.force_authenticate(researcher)
    with pytest.MonkeyPatch.context():
        from django.test import TestCase

        with TestCase.captureOnCommitCallbacks(execute=True):
            response = api.post(
                f"/api/v1/claims/{claim.pk}/evidence/",
                {"source_url": server.url("/stats"), "stance": "refutes"},
                format="json",
            )
    assert response.status_code == 201, response.data
    source = Source.objects.get(url=server.url("/stats"))
    assert source.refresh_tier == Source.Tier.EVIDENCE
    assert source.snapshots.count() == 1, "archived right away"


def test_article_by_url_is_fetched_and_its_claims_extracted(web, api, researcher):
    body = (
        b"<html><head><title>Cod quotas cut</title></head><body><article>"
        b"<h1>Cod quotas cut</h1><p>The ministry said on Monday that the cod quota for 2024 "
        b"will be cut by 20 percent to 453,427 tonnes, the lowest level since 1991.</p>"
        b"<p>Read the <a href='https://stats.example.org/cod'>official statistics</a> for "
        b"the full figures, which show landings fell by 3,200 tonnes in 2023.</p>"
        b"</article></body></html>"
    )
    server = web({"/news/cod": page(body)})
    api.force_authenticate(researcher)
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = api.post("/api/v1/articles/", {"url": server.url("/news/cod")}, format="json")
    assert response.status_code == 202, response.data
    article = Source.objects.get(pk=response.data["id"])
    assert article.status == Source.Status.OK and article.title == "Cod quotas cut"
    claims = Claim.objects.filter(snapshot__source=article)
    assert any("453,427 tonnes" in c.text for c in claims)
    related = article.links.get().target
    assert related.url == "https://stats.example.org/cod" and related.kind == "related"


def refuse_to_extract(body: bytes, **kwargs) -> None:
    raise AssertionError("the text extractor ran on a body identical to the archived one")


def _fetched_once(server, path: str) -> Source:
    source = evidence_source(server.url(path), refresh_tier=Source.Tier.EVIDENCE)
    assert source_fetch(source_id=source.pk).outcome == "new_snapshot"
    return source


def test_a_304_costs_two_queries(web, django_assert_num_queries):
    server = web({"/stats": etag_page(ORIGINAL, '"v1"')})
    source = _fetched_once(server, "/stats")

    # One read before the fetch, one UPDATE after it, however many sources are refreshed.
    with django_assert_num_queries(2):
        assert source_fetch(source_id=source.pk).outcome == "not_modified"

    source.refresh_from_db()
    assert source.http_status == 304 and source.status == Source.Status.OK
    assert timedelta(days=6) < source.next_check_at - timezone.now() < timedelta(days=8)


def test_storing_new_text_costs_a_fixed_number_of_queries(web, django_assert_num_queries):
    server = web({"/stats": page(ORIGINAL)})
    source = evidence_source(server.url("/stats"), refresh_tier=Source.Tier.EVIDENCE)

    # The read before the fetch; then, in a transaction (a savepoint under the test's own), the
    # locked read with the latest snapshot's hash, the snapshot's INSERT and the source's UPDATE;
    # a first snapshot also pins itself on the evidence citing the source (claims' receiver).
    with django_assert_num_queries(7):
        assert source_fetch(source_id=source.pk).outcome == "new_snapshot"

    source.refresh_from_db()
    assert source.title == "Catch statistics 2022" and source.status == Source.Status.OK


def test_an_identical_body_is_not_read_again(web, settings, django_assert_num_queries):
    server = web({"/stats": page(ORIGINAL)})
    source = _fetched_once(server, "/stats")
    settings.SOURCES_TEXT_EXTRACTOR = "tests.sources.test_refresh.refuse_to_extract"

    # The read, the archived body's, the UPDATE.
    with django_assert_num_queries(3):
        outcome = source_fetch(source_id=source.pk)

    assert outcome.outcome == "unchanged" and outcome.snapshot_id == source.latest_snapshot().pk
    assert Snapshot.objects.filter(source=source).count() == 1
    source.refresh_from_db()
    assert source.http_status == 200 and source.last_checked_at > source.created_at


def test_a_check_keeps_a_tier_raised_while_it_fetched(web, monkeypatch):
    from sources import refresh

    server = web({"/stats": etag_page(ORIGINAL, '"v1"')})
    source = _fetched_once(server, "/stats")
    real_fetch = refresh.fetch

    def fetch_while_an_editor_cites_the_source(*args, **kwargs):
        result = real_fetch(*args, **kwargs)
        Source.objects.filter(pk=source.pk).update(refresh_tier=Source.Tier.CITED)
        return result

    monkeypatch.setattr(refresh, "fetch", fetch_while_an_editor_cites_the_source)
    assert source_fetch(source_id=source.pk).outcome == "not_modified"

    source.refresh_from_db()
    assert source.refresh_tier == Source.Tier.CITED
    # Daily, as cited sources are checked, not weekly as the tier read before the fetch said.
    assert timedelta(hours=22) < source.next_check_at - timezone.now() < timedelta(hours=26)


def test_one_sweep_leases_batch_after_batch_until_none_is_due(web, settings):
    settings.SOURCES_SWEEP_BATCH = 2
    server = web(
        {f"/stats/{n}": page(ORIGINAL.replace(b"2022", str(n).encode())) for n in range(5)}
    )
    now = timezone.now()
    sources = [
        evidence_source(
            server.url(f"/stats/{n}"), refresh_tier=Source.Tier.EVIDENCE, next_check_at=now
        )
        for n in range(5)
    ]

    # Fetches run in-process here: each batch is fetched before the next is leased.
    assert sources_enqueue_due() == 5

    assert not Source.objects.due().exists()
    assert all(Snapshot.objects.filter(source=s).count() == 1 for s in sources)


def test_a_sweep_stops_when_its_time_is_up(settings):
    settings.SOURCES_SWEEP_BATCH = 2
    settings.SOURCES_SWEEP_SECONDS = 0
    settings.SOURCES_LEASE_SECONDS = 600
    now = timezone.now()
    for n in range(5):
        # Blocked by the address check before any connection: nothing leaves the machine.
        evidence_source(f"http://10.0.0.{n + 1}/page", next_check_at=now - timedelta(minutes=n))

    assert sources_enqueue_due() == 2, "one batch, then the budget is spent"
    assert Source.objects.due().count() == 3, "the rest waits for the next sweep"
