"""Page furniture found by pasting a news page's text with its furniture (2026-12-07, session
25): a byline on two lines, the name over the reporter's role, and a lone "Published" label
above the date."""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_html, read_text

PASTED = """Nurses to strike in pay dispute

Published
14 March 2025

Share
Save

Nick Triggle
Health correspondent

Nurses in England will strike next month after rejecting a 3.6% pay rise, the Royal \
College of Nursing has announced.
"""


def test_a_byline_on_two_lines_is_the_author() -> None:
    document = read_text(PASTED)
    # "Nick Triggle" and "Health correspondent" were units of the article, with no author.
    assert document.author == "Nick Triggle"
    units = [s.text for s in extract(document).sentences]
    assert "Nick Triggle" not in units
    assert "Health correspondent" not in units


def test_a_lone_published_label_is_furniture() -> None:
    units = [s.text for s in extract(read_text(PASTED)).sentences]
    assert "Published" not in units
    assert units == [
        "Nurses to strike in pay dispute",
        "Nurses in England will strike next month after rejecting a 3.6% pay rise, the Royal "
        "College of Nursing has announced.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A name over a role that is no reporter's: the lines stay.
        "Strike called\n\nNicola Ranger\nGeneral secretary\n\nNurses will strike in April.\n",
        # An organisation over a role line: no author.
        "Strike called\n\nRoyal College of Nursing\nHealth correspondent\n\nNurses will strike.\n",
    ],
)
def test_other_two_line_pairs_name_no_author(text: str) -> None:
    assert read_text(text).author == ""


def test_originally_published_is_the_publication_date() -> None:
    # The line was a unit of the article, and the article had no date.
    text = (
        "Floods hit town\n\nOriginally published March 1, 2024\n\nHeavy rain caused flooding "
        "in 200 homes on Monday, the council said.\n"
    )
    document = read_text(text)
    assert document.published_at is not None
    assert document.published_at.date().isoformat() == "2024-03-01"
    assert [s.text for s in extract(document).sentences] == [
        "Floods hit town",
        "Heavy rain caused flooding in 200 homes on Monday, the council said.",
    ]


def test_a_bylines_date_is_no_author() -> None:
    # The HTML reader gave "Jane Smith; Updated March 5" as the author.
    html = (
        "<html><head><title>Floods hit town</title></head><body><article>"
        "<h1>Floods hit town</h1><p class='byline'>By Jane Smith | Updated March 5, 2024</p>"
        "<p>Heavy rain caused flooding in 200 homes on Monday, the council said.</p>"
        "</article></body></html>"
    )
    assert read_html(html).author == "Jane Smith"
