"""Boilerplate lines and prefixes, and the metadata read off them in plain text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claims.extraction import extract, read_text
from claims.extraction.boilerplate import RELATED_HEADLINE, scan_lines
from claims.extraction.dates import parse_dateline
from claims.extraction.line_reasons import RELATED_LINK

BODY = "The harbour authority said 1,200 ships docked in 2022, a record."


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "icon bookmark-bicon bookmarkicon cameraicon checkicon closeicon",
            "navigation icon labels",
        ),
        ("Home | World | Business | Climate | Opinion", "navigation menu"),
        ("Skip to main content", "navigation label"),
        ("Think your friends would be interested? Share this story!", "share prompt"),
        ("Share on Facebook", "share prompt"),
        ("Tweet", "share or comment button"),
        ("Facebook Twitter Email", "share or comment button"),
        ("Follow us on Telegram for more news", "share prompt"),
        ("We use cookies to give you the best experience on our website.", "cookie banner"),
        ("Sign up for our newsletter and get the best stories every morning", "newsletter signup"),
        ("Support our journalism: become a subscriber today", "subscription prompt"),
        ("By Jane Doe", "byline"),
        ("By Jane Doe and John Roe, Reuters", "byline"),
        ("15 Feb, 2021 11:59", "dateline"),
        ("Updated 3 hours ago", "dateline"),
        ("© 2021 Reuters", "copyright line"),
        ("Copyright 2023 Example Media Ltd. All rights reserved.", "copyright line"),
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Photo: Jean Dupont/AFP", "photo credit"),
        ("(Photo by John Smith/Getty Images)", "photo credit"),
        ("Reporting by Jane Doe; Editing by John Roe", "credits line"),
        ("5 min read", "reading time"),
        ("Tags: fisheries, climate, Norway", "tag list"),
        ("Read more:", "navigation label"),
        ("Also on rt.com", "promo link label"),
    ],
)
def test_boilerplate_lines(line: str, reason: str) -> None:
    [verdict] = scan_lines(line)
    assert verdict.dropped
    assert verdict.reason == reason


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "By 2030 the fleet will have halved, the ministry said.",
        "By Tuesday, the fleet had returned to port.",
        "Copyright law was changed in 2019 after a long campaign by musicians and publishers.",
        "More than 200 people were evacuated from the island.",
        "Share prices fell 3% on Monday after the announcement.",
        "Cookies and cakes were sold at the market, organisers said.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    [verdict] = scan_lines(line)
    assert not verdict.dropped and not verdict.has_prefix


@pytest.mark.parametrize(
    ("line", "prefix", "publisher", "context"),
    [
        (
            "Also on rt.com New Japanese PM hints at end to dispute",
            "Also on rt.com ",
            "rt.com",
            RELATED_HEADLINE,
        ),
        (
            "BRUSSELS (Reuters) - EU ministers agreed on Monday.",
            "BRUSSELS (Reuters) - ",
            "Reuters",
            "",
        ),
        ("NEW YORK — Stocks fell on Friday.", "NEW YORK — ", "", ""),
    ],
)
def test_boilerplate_prefixes_keep_the_rest(
    line: str, prefix: str, publisher: str, context: str
) -> None:
    [verdict] = scan_lines(line)
    assert verdict.has_prefix
    assert line[verdict.keep_start :] == line[len(prefix) :]
    assert verdict.publisher == publisher
    assert verdict.context == context


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Brussels releases frozen funds",
        "RELATED: Norway and Russia agree joint quota",
        "READ MORE Norway and Russia agree joint quota",
        "See also: How the quota is set",
    ],
)
def test_further_reading_links_are_dropped_with_their_headline(line: str) -> None:
    [verdict] = scan_lines(line)
    assert verdict.dropped
    assert verdict.reason == RELATED_LINK


def test_repeated_headline_second_copy_is_dropped() -> None:
    text = f"Ships crowd the harbour\n\nShips crowd the harbour\n\n{BODY}"
    extraction = extract(read_text(text))
    assert [s.text for s in extraction.sentences] == ["Ships crowd the harbour", BODY]
    assert [(text[s:e], r) for s, e, r in extraction.boilerplate] == [
        ("Ships crowd the harbour", "repeated line")
    ]


def test_widget_sentence_inside_a_paragraph_is_dropped() -> None:
    text = f"{BODY} Sign up for our newsletter to get the top stories in your inbox."
    extraction = extract(read_text(text))
    assert [s.text for s in extraction.sentences] == [BODY]
    assert extraction.boilerplate[0][2] == "newsletter signup"


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("15 Feb, 2021 11:59", datetime(2021, 2, 15, 11, 59, tzinfo=UTC)),
        ("February 15, 2021", datetime(2021, 2, 15, tzinfo=UTC)),
        ("2021-02-15", datetime(2021, 2, 15, tzinfo=UTC)),
        ("15 February 2021 at 11:59", datetime(2021, 2, 15, 11, 59, tzinfo=UTC)),
        ("Mon 15 Feb 2021 11.59 GMT", datetime(2021, 2, 15, 11, 59, tzinfo=UTC)),
        ("Monday 15 February 2021 11.59 CET", datetime(2021, 2, 15, 10, 59, tzinfo=UTC)),
        ("Feb. 15, 2021 11:59 a.m. ET", datetime(2021, 2, 15, 16, 59, tzinfo=UTC)),
        ("Jul. 4, 2023 1:30 p.m. ET", datetime(2023, 7, 4, 17, 30, tzinfo=UTC)),
        ("2021-02-15T11:59:00+03:00", datetime(2021, 2, 15, 8, 59, tzinfo=UTC)),
        (
            "Published: 3 March 2023 | Updated: 4 March 2023",
            datetime(2023, 3, 3, tzinfo=UTC),
        ),
        (
            "Updated: 4 March 2023 | Published: 3 March 2023",
            datetime(2023, 3, 3, tzinfo=UTC),
        ),
    ],
)
def test_datelines(line: str, when: datetime) -> None:
    assert parse_dateline(line) == (True, when)


@pytest.mark.parametrize(
    "line",
    [
        "In 2021 the fleet caught 3,200 tonnes.",
        "The talks on 15 February 2021 failed.",
        "31 Feb 2021",
    ],
)
def test_not_datelines(line: str) -> None:
    assert parse_dateline(line)[0] is False


def test_plain_text_metadata_from_byline_and_copyright() -> None:
    text = (
        "Harbour traffic hits a record\n"
        "By Jane Doe, Reuters\n"
        "February 15, 2021\n\n"
        f"{BODY}\n\n"
        "© 2021 Thomson Reuters"
    )
    document = read_text(text)
    assert document.title == "Harbour traffic hits a record"
    assert document.author == "Jane Doe"
    assert document.publisher == "Thomson Reuters"  # the copyright holder wins over the byline
    assert document.published_at == datetime(2021, 2, 15, tzinfo=UTC)
    assert read_text(text.rsplit("\n\n", 1)[0]).publisher == "Reuters"


def test_byline_role_is_not_a_publisher() -> None:
    document = read_text(f"By Jane Doe, Political Editor\n\n{BODY}")
    assert (document.author, document.publisher) == ("Jane Doe", "")


def test_article_without_headline_line_has_no_title() -> None:
    long_paragraph = " ".join([BODY] * 4)
    assert read_text(long_paragraph).title == ""
