"""An evidence page's publication date, as a refresh stores it (issue 14): what the page declares
(published over modified), or a dateline at the top of its text; never a date in its body. The
page is served on 127.0.0.1 and read by the deployment's text extractor
(SOURCES_TEXT_EXTRACTOR, claims' article reader)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sources.models import Source
from sources.refresh import source_fetch
from tests.sources.httpservers import page

pytestmark = pytest.mark.django_db

REPORT = (
    "<p>The Norwegian Directorate of Fisheries said that 3,200 tonnes of cod were landed in "
    "Honningsvag last year, a fall of 12 percent on the year before.</p>"
)


def _fetched(web, html: str) -> Source:
    server = web({"/stats": page(html.encode())})
    source = Source.objects.create(kind=Source.Kind.EVIDENCE, url=server.url("/stats"))
    assert source_fetch(source_id=source.pk).outcome == "new_snapshot"
    source.refresh_from_db()
    return source


def _html(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>Catch statistics</title>{head}</head>"
        f"<body><article><h1>Catch statistics</h1>{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    "body",
    [
        f"{REPORT}<p>The figures were revised on 2023-03-12 after late reports from buyers.</p>",
        f"{REPORT}<p>12 March 2023</p><p>Buyers sent late reports, and the figures changed.</p>",
        f"{REPORT}<p>The quota was set at a meeting on 12/03/2023 in Tromso, officials said.</p>",
    ],
    ids=["iso-date-in-prose", "date-line-in-the-body", "slashed-date-in-prose"],
)
def test_evidence_without_date_metadata_gets_no_date_from_its_body(web, body: str) -> None:
    assert _fetched(web, _html(body)).published_at is None


def test_evidence_published_date_wins_over_its_modified_date(web) -> None:
    head = (
        '<meta property="article:modified_time" content="2023-03-20T09:00:00Z">'
        '<meta property="article:published_time" content="2023-03-01T09:00:00Z">'
    )
    source = _fetched(web, _html(REPORT, head))
    assert source.published_at == datetime(2023, 3, 1, 9, 0, tzinfo=UTC)


def test_evidence_with_only_a_modified_date_has_none(web) -> None:
    head = '<meta property="article:modified_time" content="2023-03-20T09:00:00Z">'
    assert _fetched(web, _html(REPORT, head)).published_at is None


def test_evidence_dateline_at_the_top_gives_the_date(web) -> None:
    body = f"<p>Published 1 March 2023</p>{REPORT}"
    assert _fetched(web, _html(body)).published_at == datetime(2023, 3, 1, tzinfo=UTC)
