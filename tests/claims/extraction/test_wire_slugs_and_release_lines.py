"""A wire story's slug and a statistics office's release line (2026-12-07, session 31; an oil
report written here in Reuters's style and a CPI release in Statistics Canada's).

"UPDATE 2-Oil falls as U.S. stockpiles build" was the title with its slug, and the slug was
part of the headline's unit; "Released: 2024-11-19" and "Release date: 19 November 2024" gave
no date and were taken for the title.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claims.extraction import extract, read_text
from claims.extraction.titles import page_title

WIRE = (
    "UPDATE 2-Oil falls as U.S. stockpiles build\n\n"
    "(Adds analyst comment, updates prices)\n\n"
    "By Jane Doe\n\n"
    "LONDON, Dec 3 (Reuters) - Oil prices fell on Tuesday after industry data showed a "
    "larger-than-expected build in U.S. crude stockpiles.\n\n"
    "Brent crude futures were down 54 cents, or 0.7%, at $72.86 a barrel by 1040 GMT."
)


@pytest.mark.parametrize(
    "slug", ["UPDATE 2-", "EXCLUSIVE-", "REFILE-UPDATE 1-", "GLOBAL MARKETS-", "CORRECTED-"]
)
def test_a_wire_slug_is_no_part_of_the_title(slug: str) -> None:
    document = read_text(WIRE.replace("UPDATE 2-", slug))
    assert document.title == "Oil falls as U.S. stockpiles build"
    assert not any(slug.rstrip("-") in s.text for s in extract(document).sentences)


def test_a_page_title_loses_its_slug_too() -> None:
    assert page_title("EXCLUSIVE-Bank weighs job cuts, sources say", None) == (
        "Bank weighs job cuts, sources say"
    )


def test_capitals_in_a_headline_are_no_slug() -> None:
    document = read_text(WIRE.replace("UPDATE 2-Oil falls", "UPDATE: Oil falls"))
    assert document.title != "Oil falls as U.S. stockpiles build"
    assert read_text(WIRE.replace("UPDATE 2-Oil", "COVID-19 cases rise as")).title.startswith(
        "COVID-19"
    )


RELEASE = (
    "Consumer prices rise 2.4% year over year in October\n\n"
    "{line}\n\n"
    "The Consumer Price Index rose 2.4% on a year-over-year basis in October, up from a 1.6% "
    "increase in September."
)


@pytest.mark.parametrize(
    "line",
    [
        "Released: 2024-11-19",
        "Release date: 19 November 2024",
        "Issued: 19 November 2024",
        "Publication date: 19 November 2024",
        "Date of publication: 19 November 2024",
    ],
)
def test_a_release_line_gives_the_date(line: str) -> None:
    document = read_text(RELEASE.format(line=line))
    assert document.published_at == datetime(2024, 11, 19, tzinfo=UTC)
    assert document.title == "Consumer prices rise 2.4% year over year in October"
    assert not any("19" in s.text for s in extract(document).sentences)


def test_a_sentence_about_a_release_is_no_release_line() -> None:
    document = read_text(
        RELEASE.format(line="The figures were released on 19 November 2024 by the agency.")
    )
    assert document.published_at is None
