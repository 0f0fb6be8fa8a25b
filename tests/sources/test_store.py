"""snapshot_store and links_store: the one way snapshots and outbound links are written."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime

import pytest

from sources.models import Snapshot, Source, SourceLink, SourceMetadata
from sources.services import links_store, snapshot_store

pytestmark = pytest.mark.django_db

TEXT = "The council approved the budget of 12 million euros on Monday."
MAY_1 = datetime(2024, 5, 1, tzinfo=UTC)
MAY_2 = datetime(2024, 5, 2, tzinfo=UTC)


def article(**fields) -> Source:
    return Source.objects.create(
        kind=Source.Kind.ARTICLE, url="https://news.example.org/a", **fields
    )


def test_the_same_text_as_the_latest_snapshot_adds_no_row() -> None:
    source = article()
    first = snapshot_store(source=source, text=TEXT, raw_body=b"<p>x</p>", raw_format="html")
    # White space is not a change (content_hash normalizes it).
    again = snapshot_store(source=source.pk, text=f"  {TEXT}\n")

    assert (first.created, first.previous_id) == (True, None)
    assert (again.created, again.snapshot_id, again.snapshot) == (False, first.snapshot_id, None)
    assert Snapshot.objects.filter(source=source).count() == 1
    assert zlib.decompress(Snapshot.objects.get().raw_body) == b"<p>x</p>"

    changed = snapshot_store(source=source, text=TEXT.replace("12", "14"))

    assert (changed.created, changed.previous_id) == (True, first.snapshot_id)
    assert Snapshot.objects.filter(source=source).count() == 2


def test_what_the_page_states_fills_blanks_and_what_a_user_gave_wins() -> None:
    source = article(title="Budget approved", publisher="")
    stated = SourceMetadata(
        title="Council votes", publisher="The Gazette", published_at=MAY_1, language="en"
    )

    snapshot_store(source=source, text=TEXT, stated=stated)
    source.refresh_from_db()
    assert (source.title, source.publisher, source.published_at, source.language) == (
        "Budget approved",  # not blank: the page's title does not replace it
        "The Gazette",
        MAY_1,
        "en",
    )

    snapshot_store(
        source=source,
        text=TEXT,
        stated=SourceMetadata(publisher="Other", published_at=MAY_2),
        given=SourceMetadata(title="Council budget", published_at=MAY_2),
    )
    source.refresh_from_db()
    assert (source.title, source.publisher, source.published_at) == (
        "Council budget",
        "The Gazette",
        MAY_2,
    )


def test_only_kept_headers_are_stored_and_the_caller_s_columns_are_written() -> None:
    source = article()

    stored = snapshot_store(
        source=source,
        text=TEXT,
        headers={"etag": '"v1"', "set-cookie": "session=secret"},
        source_values={"status": Source.Status.OK, "http_status": 200},
    )

    assert stored.snapshot.headers == {"etag": '"v1"'}
    source.refresh_from_db()
    assert (source.status, source.http_status) == (Source.Status.OK, 200)


def test_a_deleted_source_stores_nothing() -> None:
    assert snapshot_store(source=987654, text=TEXT) is None


def test_links_become_related_sources_once() -> None:
    source = article()
    snapshot = snapshot_store(source=source, text=TEXT).snapshot
    links = [
        ("https://stats.example.org/cod?utm_source=x", "official statistics"),
        ("https://news.example.org/a", "this very page"),
        ("not a url", "nothing"),
    ]

    assert links_store(snapshot=snapshot, links=links) == 1
    assert links_store(snapshot=snapshot, links=links) == 0

    link = SourceLink.objects.get()
    assert (link.target.url, link.target.kind, link.target.title) == (
        "https://stats.example.org/cod",
        Source.Kind.RELATED,
        "official statistics",
    )
