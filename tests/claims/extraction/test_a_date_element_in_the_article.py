"""A page whose only date is an element of the article's header that its class marks as the
date ('<span class="date">March 4, 2024</span>', as WordPress themes and many CMSs write it)."""

from __future__ import annotations

import datetime as dt

from claims.extraction.document import read_html

BODY = (
    "<p>The council approved the budget on Monday after a long debate about the cost of "
    "schools and roads in the county, officials said.</p>"
    "<p>Officials said the plan would cost 12 million pounds over five years.</p>"
)


def _page(header: str, after: str = "") -> str:
    return (
        "<html><head><title>Council approves budget</title></head><body><article>"
        f"<h1>Council approves budget</h1>{header}{BODY}</article>{after}</body></html>"
    )


def test_the_date_the_article_header_shows() -> None:
    # No date: only meta tags, JSON-LD, itemprop and <time datetime> were read.
    for header in (
        '<div class="meta"><span class="date">March 4, 2024</span></div>',
        '<p class="entry-date">4 March 2024</p>',
        "<time>March 4, 2024</time>",
    ):
        assert read_html(_page(header)).published_at == dt.datetime(2024, 3, 4, tzinfo=dt.UTC)


def test_never_an_update_nor_a_date_outside_the_article() -> None:
    updated = '<span class="date updated">March 5, 2024</span>'
    assert read_html(_page(updated)).published_at is None
    says_updated = '<span class="date">Updated March 5, 2024</span>'
    assert read_html(_page(says_updated)).published_at is None
    related = '<aside><span class="date">March 1, 2024</span></aside>'
    assert read_html(_page("", after=related)).published_at is None
