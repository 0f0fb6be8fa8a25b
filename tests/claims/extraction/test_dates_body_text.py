"""A publication date comes from what the page declares about itself or from a dateline at the
top of the text, never from a date in the body (issue 14: an evidence page without date
metadata got a date lifted from its text). Published wins over modified (see
test_extraction_published_date.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claims.extraction import extract, read_html, read_text

BODY = (
    "The regional council spent 412 million euros on the new bridge, according to its annual "
    "report published by the audit office."
)
MORE = "Engineers said the crossing would carry 40,000 vehicles a day once both lanes are open."
MARCH_1 = datetime(2021, 3, 1, tzinfo=UTC)


def _page(body: str, head: str = "", title: str = "Bridge costs") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{head}</head>"
        f"<body>{body}</body></html>"
    )


@pytest.mark.parametrize(
    "body",
    [
        f"<p>{BODY}</p><p>The figures were last revised 2020-03-12 by the audit office.</p>",
        f"<p>{BODY}</p><p>The council met on 12/03/2020 to approve the final budget.</p>",
        f"<p>{BODY}</p><p>12 March 2020</p><p>{MORE}</p>",
        f"<p>{BODY}</p><table><tr><th>Date</th><th>Event</th></tr>"
        "<tr><td>12 March 2020</td><td>Budget approved</td></tr></table>",
        f"<h1>Council minutes 12 March 2020</h1><p>{BODY}</p>",
        f"<p>{BODY}</p><div class='event-date'>12 March 2020</div><p>{MORE}</p>",
        f"<article><h1>Bridge costs rise</h1><p>{BODY}</p></article><aside><h2>More</h2>"
        "<a href='/x'>Another story</a> <time datetime='2022-05-12T15:18:53Z'>12 May</time>"
        "</aside>",
        f"<article><h1>Bridge costs rise</h1><p>{BODY}</p><div class='comments'>"
        "<time datetime='2022-05-12T15:18:53Z'>12 May</time> Great article</div></article>",
    ],
    ids=[
        "iso-date-in-prose",
        "slashed-date-in-prose",
        "date-line-after-the-body-starts",
        "table-cell",
        "date-in-the-headline",
        "date-class-in-the-body",
        "related-story-time",
        "comment-time",
    ],
)
def test_a_date_in_the_body_is_not_the_publication_date(body: str) -> None:
    assert read_html(_page(body)).published_at is None


@pytest.mark.parametrize(
    ("body", "head", "title"),
    [
        (f"<h1>Bridge costs rise</h1><p>Published 1 March 2021</p><p>{BODY}</p>", "", "Bridge"),
        (
            f"<article><h1>Bridge costs rise</h1><time datetime='2021-03-01'>1 March</time>"
            f"<p>{BODY}</p></article>",
            "",
            "Bridge",
        ),
        (
            f"<p>{BODY}</p><ul><li><strong>Date</strong> 01.03.2021</li>"
            "<li><strong>Author</strong> Ben Knight</li></ul>",
            "",
            "Bridge",
        ),
        (f"<p>{BODY}</p>", "", "Bridge costs rise again | DW | 01.03.2021"),
    ],
    ids=["published-line-at-the-top", "time-in-the-article-header", "labelled-date", "title"],
)
def test_a_dateline_or_declared_date_is_the_publication_date(
    body: str, head: str, title: str
) -> None:
    assert read_html(_page(body, head, title)).published_at == MARCH_1


def test_a_date_only_in_the_url_is_kept() -> None:
    page = _page(f"<p>{BODY}</p>")
    document = read_html(page, url="https://example.org/2021/03/01/bridge-costs")
    assert document.published_at == MARCH_1


def test_a_site_name_and_date_are_cut_from_the_title() -> None:
    page = _page(f"<p>{BODY}</p>", title="Bridge costs rise again | DW | 01.03.2021")
    assert read_html(page).title == "Bridge costs rise again"


def test_a_placeholder_headline_gives_way_to_og_title() -> None:
    head = (
        '<meta property="og:title" content="Plumber jailed after boiler killed daughter">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "escenic"}'
        "</script>"
    )
    page = _page(f"<p>{BODY}</p>", head, title="escenic")
    assert read_html(page).title == "Plumber jailed after boiler killed daughter"


@pytest.mark.parametrize(
    "text",
    [
        f"Bridge costs rise again\n\n{BODY}\n\n{MORE}\n\n1 March 2021\n\nThe council voted.",
        f"Bridge costs rise again\n\n{BODY}\n\n1 March 2021\n\n{MORE}",
        f"{BODY}\n\nTimeline:\n\n1 March 2021\n\nThe council approved the budget.",
    ],
    ids=["after-two-paragraphs", "bare-date-after-the-first-paragraph", "timeline"],
)
def test_pasted_text_takes_no_date_from_its_body(text: str) -> None:
    assert read_text(text).published_at is None


@pytest.mark.parametrize(
    "text",
    [
        f"Bridge costs rise again\n1 March 2021\n\n{BODY}\n\n{MORE}",
        f"Bridge costs rise again\n\nThe council's overspend doubles in a year.\n\n"
        f"By Jane Doe\nPublished: 1 March 2021\n\n{BODY}",
        f"Bridge costs rise again\nUpdated: 3 March 2021 | Published: 1 March 2021\n\n{BODY}",
    ],
    ids=["dateline-under-the-headline", "labelled-after-a-standfirst", "published-and-updated"],
)
def test_pasted_text_dateline_at_the_top_gives_the_date(text: str) -> None:
    assert read_text(text).published_at == MARCH_1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Published: 12:05 BST, 1 March 2021 | Updated: 13:10 BST, 2 March 2021",
            datetime(2021, 3, 1, 11, 5, tzinfo=UTC),
        ),
        ("11:59 AM EST, Mon March 1, 2021", datetime(2021, 3, 1, 16, 59, tzinfo=UTC)),
    ],
    ids=["uk", "us"],
)
def test_a_dateline_with_the_time_before_the_date(line: str, expected: datetime) -> None:
    """As some British and American sites write it; was left in the text as a sentence."""
    document = read_text(f"Bridge costs rise again\n{line}\n\n{BODY}")
    assert document.published_at == expected
    assert not any(line in unit.text for unit in extract(document).sentences)  # dropped


def test_a_wire_dateline_without_a_year_gives_no_date_and_is_cut_off() -> None:
    """ "LONDON, Feb 15 (Reuters) -" names the day but not the year: no date is better than a
    guessed one. The prefix is still cut from the first sentence."""
    document = read_text(f"LONDON, March 1 (Reuters) - {BODY}")
    assert document.published_at is None
    assert document.publisher == "Reuters"


@pytest.mark.parametrize(
    ("prefix", "publisher"),
    [
        ("NEW YORK, March 1, 2021 /PRNewswire/ -- ", "PRNewswire"),
        ("Mar 1, 2021 — ", ""),
        ("LONDON, 1 March 2021 (Reuters) - ", "Reuters"),
    ],
    ids=["press-release", "date-alone", "wire-with-year"],
)
def test_a_dated_prefix_opening_the_first_paragraph_gives_the_date(
    prefix: str, publisher: str
) -> None:
    """Was no date: only a place and a wire were read off a first paragraph's prefix."""
    document = read_text(f"{prefix}{BODY}\n\n{MORE}")
    assert document.published_at == MARCH_1
    assert document.publisher == publisher
    assert extract(document).sentences[0].text == BODY  # the prefix is cut off


def test_a_date_opening_a_later_paragraph_is_a_timeline_entry() -> None:
    text = f"{BODY}\n\nMar 4, 2021 — The council approved the budget."
    document = read_text(text)
    assert document.published_at is None
    assert any(s.text.startswith("Mar 4, 2021 — ") for s in extract(document).sentences)


def test_a_byline_with_a_clock_time_is_a_dateline() -> None:
    """ "a.m." ends with a full stop; the byline was read as a sentence."""
    document = read_text(f"By Jane Doe | March 1, 2021 at 9:00 a.m.\n\n{BODY}")
    assert document.published_at == datetime(2021, 3, 1, 9, 0, tzinfo=UTC)
    assert document.author == "Jane Doe"


def test_a_dateline_with_a_colon_is_cut_off_the_first_paragraph() -> None:
    """ "NEW DELHI: " as Indian outlets write it began the first claim."""
    extraction = extract(read_text(f"NEW DELHI: {BODY}\n\n{MORE}"))
    assert extraction.sentences[0].text == BODY
    assert "dateline" in {reason for _, _, reason in extraction.boilerplate}
    # further down, or in a transcript, such a label is no dateline
    later = extract(read_text(f"{BODY}\n\nNOTE: {MORE}"))
    assert later.sentences[-1].text == f"NOTE: {MORE}"


@pytest.mark.parametrize(
    ("prefix", "publisher"),
    [("KYIV, Ukraine (AP) — ", "AP"), ("NEW YORK, N.Y. — ", ""), ("LONDON, United Kingdom — ", "")],
)
def test_a_dateline_with_its_country_or_state_is_cut_off(prefix: str, publisher: str) -> None:
    # It stayed at the head of the first claim ("KYIV, Ukraine (AP) — Russian forces ...").
    document = read_text(f"{prefix}{BODY}\n\n{MORE}")
    assert extract(document).sentences[0].text == BODY
    assert document.publisher == publisher
