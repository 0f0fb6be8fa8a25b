"""What one refresh costs in database and cache round trips, per outcome, so the workers' hot
path stays as cheap as it was measured (bench/bench_refresh.py). Counts are of statements
sent; inside the test's transaction an atomic block adds a SAVEPOINT and its RELEASE."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import ClaimStatus
from sources.fetching import slots
from sources.models import Snapshot, Source
from sources.refresh import source_fetch
from tests.sources.httpservers import etag_page, page, status_page
from tests.sources.test_refresh import CHANGED, ORIGINAL, evidence_source, published_claim_citing

pytestmark = pytest.mark.django_db


def _cited_source_about_to_change(web):
    """A source archived once and cited by a published verdict; its page now says CHANGED."""
    routes = {"/stats": page(ORIGINAL)}
    server = web(routes)
    source = evidence_source(server.url("/stats"), refresh_tier=Source.Tier.CITED)
    source_fetch(source_id=source.pk)
    claim = published_claim_citing(source)
    routes["/stats"] = page(CHANGED)
    return source, claim


def _source(server, path: str = "/stats") -> Source:
    return evidence_source(server.url(path), refresh_tier=Source.Tier.EVIDENCE)


def test_a_first_snapshot_costs_the_read_the_store_and_the_evidence_pin(
    web, django_assert_num_queries
):
    server = web({"/stats": page(ORIGINAL)})
    source = _source(server)

    # The read before the fetch; SAVEPOINT; the locked read with the latest snapshot's id and
    # hash; the snapshot's INSERT; the source's UPDATE; claims' receiver pinning the evidence
    # that waited for a first copy; RELEASE.
    with django_assert_num_queries(7):
        assert source_fetch(source_id=source.pk).outcome == "new_snapshot"

    assert Snapshot.objects.filter(source=source).count() == 1


def test_a_changed_page_does_not_read_the_previous_snapshot_nobody_cites(
    web, django_assert_num_queries
):
    routes = {"/stats": page(ORIGINAL)}
    server = web(routes)
    source = _source(server)
    source_fetch(source_id=source.pk)
    routes["/stats"] = page(CHANGED)

    # The read; the archived body, to skip the extraction if the bytes are the same; then as
    # a first snapshot, but claims' receiver marks the evidence changed and looks for published
    # verdicts citing the source (none): the previous snapshot's text is never loaded.
    with CaptureQueriesContext(connection) as queries:
        assert source_fetch(source_id=source.pk).outcome == "new_snapshot"

    assert len(queries.captured_queries) == 9
    table = connection.ops.quote_name(Snapshot._meta.db_table)
    text_column = f"{table}.{connection.ops.quote_name('text')}"
    snapshot_text_reads = [
        query["sql"]
        for query in queries.captured_queries
        if f"FROM {table}" in query["sql"] and text_column in query["sql"]
    ]
    assert not snapshot_text_reads
    assert Snapshot.objects.filter(source=source).count() == 2


def test_a_changed_page_under_a_published_verdict_still_compares_the_texts(web):
    source, claim = _cited_source_about_to_change(web)

    assert source_fetch(source_id=source.pk).outcome == "new_snapshot"

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEEDS_UPDATE
    change = claim.events.get(action="evidence_changed").changes
    assert change["sentences_added"] >= 1 and 0 < change["changed_share"] < 0.5


def test_a_304_costs_one_read_and_one_update(web, django_assert_num_queries):
    server = web({"/stats": etag_page(ORIGINAL, '"v1"')})
    source = _source(server)
    source_fetch(source_id=source.pk)

    with django_assert_num_queries(2):
        assert source_fetch(source_id=source.pk).outcome == "not_modified"


def test_a_404_costs_the_read_and_a_locked_update(web, django_assert_num_queries):
    server = web({"/gone": status_page(404)})
    source = _source(server, "/gone")

    # The read; SAVEPOINT, the locked read, the UPDATE, RELEASE.
    with django_assert_num_queries(5):
        assert source_fetch(source_id=source.pk).outcome == "missing"

    source.refresh_from_db()
    assert source.http_status == 404 and source.consecutive_failures == 1


def test_a_fetch_makes_three_cache_round_trips(web, monkeypatch):
    server = web({"/stats": etag_page(ORIGINAL, '"v1"'), "/robots.txt": page(b"", "text/plain")})
    source = _source(server)
    source_fetch(source_id=source.pk)  # robots.txt is read and cached on the way
    calls: list[str] = []
    real = slots.cache

    class CountingCache:
        def __getattr__(self, name: str):
            calls.append(name)
            return getattr(real, name)

    counting = CountingCache()
    monkeypatch.setattr("sources.fetching.robots.cache", counting)
    monkeypatch.setattr("sources.fetching.slots.cache", counting)

    assert source_fetch(source_id=source.pk).outcome == "not_modified"

    # robots.txt's cached answer, the per-host slot taken, and released (it cannot have
    # expired yet, so it is not read back first).
    assert calls == ["get", "add", "delete"]


def test_a_slot_held_past_its_lease_is_read_before_it_is_released(monkeypatch):
    from django.core.cache import cache

    lease = slots.Lease("sources.test:slot", "ours", held_until=0.0)
    cache.set(lease.key, "another worker's", timeout=60)

    slots.release(lease)

    assert cache.get(lease.key) == "another worker's"
    cache.set(lease.key, "ours", timeout=60)
    slots.release(lease)
    assert cache.get(lease.key) is None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_304_is_one_statement_committed_without_waiting_for_the_disk(web):
    server = web({"/stats": etag_page(ORIGINAL, '"v1"')})
    source = _source(server)
    source_fetch(source_id=source.pk)

    with CaptureQueriesContext(connection) as queries:
        assert source_fetch(source_id=source.pk).outcome == "not_modified"

    # The read, then the record of the check: one message, its own implicit transaction.
    assert len(queries.captured_queries) == 2
    assert queries.captured_queries[1]["sql"].startswith("SET LOCAL synchronous_commit TO OFF;")
    source.refresh_from_db()
    assert source.http_status == 304 and source.status == Source.Status.OK


def _commit_settings(queries) -> list[str]:
    return [
        query["sql"].split(";")[0]
        for query in queries.captured_queries
        if "synchronous_commit" in query["sql"]
    ]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_new_snapshot_is_committed_without_waiting_for_the_disk(web):
    server = web({"/stats": page(ORIGINAL)})
    source = _source(server)

    with CaptureQueriesContext(connection) as queries:
        assert source_fetch(source_id=source.pk).outcome == "new_snapshot"

    # The read; BEGIN, the locked read, the INSERT, the source's UPDATE carrying the setting
    # (no statement more), the evidence pinned, COMMIT.
    assert len(queries.captured_queries) == 7
    assert _commit_settings(queries) == ["SET LOCAL synchronous_commit TO OFF"]
    assert Snapshot.objects.filter(source=source).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_change_under_a_published_verdict_is_committed_durably(web):
    source, claim = _cited_source_about_to_change(web)

    with CaptureQueriesContext(connection) as queries:
        assert source_fetch(source_id=source.pk).outcome == "new_snapshot"

    # Flagging the claim records events and may queue webhooks: that must not be lost.
    assert _commit_settings(queries) == [
        "SET LOCAL synchronous_commit TO OFF",
        "SET LOCAL synchronous_commit TO DEFAULT",
    ]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEEDS_UPDATE
