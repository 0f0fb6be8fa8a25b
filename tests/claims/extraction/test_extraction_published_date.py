"""An article's published_at is when it was published, never when it was last modified.

A ClaimReview's datePublished says when the claim was made; a page's "Updated" time would
move it to whenever the publisher last fixed a typo.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claims.extraction import read_html, read_text
from claims.extraction.dates import parse_dateline

BODY = (
    "The regional council spent 412 million euros on the new bridge, according to its annual "
    "report. The bridge opened in May 2019 after three years of work on the river crossing."
)
PUBLISHED = datetime(2021, 3, 1, 10, 0, tzinfo=UTC)


def _page(head: str = "", article_top: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><title>Bridge costs</title>{head}</head>
<body><article><h1>Bridge costs rise again</h1>{article_top}<p>{BODY}</p></article></body>
</html>"""


def _json_ld(fields: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", {fields}}}</script>'


@pytest.mark.parametrize(
    "page",
    [
        _page(_json_ld('"dateModified": "2021-03-03T10:00:00Z"')),
        _page('<meta property="article:modified_time" content="2021-03-03T10:00:00Z">'),
        _page('<meta property="og:updated_time" content="2021-03-03T10:00:00Z">'),
        _page('<meta name="last-modified" content="2021-03-03T10:00:00Z">'),
        _page('<meta http-equiv="last-modified" content="2021-03-03T10:00:00Z">'),
        _page('<meta itemprop="dateModified" content="2021-03-03T10:00:00Z">'),
        _page(article_top='<time itemprop="dateModified" datetime="2021-03-03T10:00">3 Mar</time>'),
        _page(article_top='<time class="updated" datetime="2021-03-03T10:00">3 March</time>'),
        _page(article_top='<p>Updated <time datetime="2021-03-03T10:00">3 March</time></p>'),
        _page(article_top="<p>Updated 3 March 2021</p>"),
    ],
    ids=[
        "json-ld-dateModified",
        "article:modified_time",
        "og:updated_time",
        "meta-last-modified",
        "http-equiv-last-modified",
        "itemprop-dateModified",
        "time-itemprop-dateModified",
        "time-class-updated",
        "time-after-updated-label",
        "updated-line-in-text",
    ],
)
def test_page_with_only_a_modified_date_has_no_published_at(page: str) -> None:
    assert read_html(page).published_at is None


@pytest.mark.parametrize(
    "head",
    [
        _json_ld('"dateModified": "2021-03-03T10:00:00Z", "datePublished": "2021-03-01T10:00:00Z"'),
        _json_ld('"datePublished": "2021-03-01T10:00:00Z", "dateModified": "2021-03-03T10:00:00Z"'),
        '<meta property="article:modified_time" content="2021-03-03T10:00:00Z">'
        '<meta property="article:published_time" content="2021-03-01T10:00:00Z">',
        '<meta property="og:updated_time" content="2021-03-03T10:00:00Z">'
        + _json_ld('"datePublished": "2021-03-01T10:00:00Z"'),
    ],
    ids=["json-ld-modified-first", "json-ld-published-first", "meta-tags", "og-and-json-ld"],
)
def test_published_date_wins_over_modified_date(head: str) -> None:
    assert read_html(_page(head)).published_at == PUBLISHED


def test_json_ld_published_date_wins_over_an_unmarked_time_element() -> None:
    page = _page(
        _json_ld('"datePublished": "2021-03-01T10:00:00Z"'),
        '<time datetime="2021-03-03T10:00:00Z">3 March</time>',
    )
    assert read_html(page).published_at == PUBLISHED


def test_time_element_after_an_updated_one_gives_the_publication_time() -> None:
    page = _page(
        article_top='<p>Updated <time datetime="2021-03-03T10:00:00Z">3 March</time>'
        ' | Published <time datetime="2021-03-01T10:00:00Z">1 March</time></p>'
    )
    assert read_html(page).published_at == PUBLISHED


def test_html_datelines_in_the_text_give_the_published_one() -> None:
    page = _page(article_top="<p>Updated 3 March 2021</p><p>Published 1 March 2021</p>")
    assert read_html(page).published_at == datetime(2021, 3, 1, tzinfo=UTC)


def test_page_without_any_date_has_no_published_at() -> None:
    # A year in the body ("opened in May 2019") is not when the article was published.
    assert read_html(_page()).published_at is None


@pytest.mark.parametrize(
    "lines",
    [
        "Updated 3 March 2021\nPublished 1 March 2021",
        "Published 1 March 2021\nUpdated 3 March 2021",
        "Last updated: 3 March 2021\n1 March 2021",
    ],
    ids=["updated-first", "published-first", "unlabelled-publication"],
)
def test_text_datelines_give_the_published_date_not_the_updated_one(lines: str) -> None:
    text = f"Bridge costs rise again\n{lines}\n\n{BODY}"
    assert read_text(text).published_at == datetime(2021, 3, 1, tzinfo=UTC)


def test_text_with_only_an_updated_dateline_has_no_published_at() -> None:
    assert (
        read_text(f"Bridge costs rise again\nUpdated 3 March 2021\n\n{BODY}").published_at is None
    )


@pytest.mark.parametrize(
    "line",
    [
        "Updated 3 March 2021",
        "Updated: 3 March 2021 11:59",
        "Last updated 3 March 2021",
        "Last modified: 2021-03-03",
        "Modified on 3 March 2021",
    ],
)
def test_a_modified_dateline_is_a_dateline_without_a_publication_time(line: str) -> None:
    assert parse_dateline(line) == (True, None)


@pytest.mark.parametrize(
    ("head", "url"),
    [
        ("", "https://example.org/2021/03/01/bridge-costs"),
        (
            '<meta name="cXenseParse:recs:publishtime" content="2021-03-01T10:00:00Z">'
            '<meta property="article:modified_time" content="2021-03-03T10:00:00Z">',
            "",
        ),
    ],
    ids=["date-in-url", "publish-meta-we-do-not-list"],
)
def test_trafilatura_still_finds_publication_dates_we_do_not_read(head: str, url: str) -> None:
    assert read_html(_page(head), url=url).published_at == datetime(2021, 3, 1, tzinfo=UTC)
