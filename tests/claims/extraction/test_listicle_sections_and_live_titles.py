"""A listicle's numbered sections, a subheading right over its paragraph, and a live page's
headline (2026-12-07, session 29; budget and storm copy written here).

"1. Income tax thresholds stay frozen" over its paragraph, three such sections, made the text
look hard-wrapped at the headings' width, so each heading and its paragraph were one claim;
a subheading written right over its paragraph (no blank line) stayed a claim; and a plain-text
live page's first line, "Live: Storm Darragh latest", was dropped as a link to another story,
leaving the page without a title.
"""

from __future__ import annotations

from claims.extraction import extract, read_text

LISTICLE = """Five things we learned from the Budget

1. Income tax thresholds stay frozen
The chancellor kept personal tax thresholds frozen until 2028, which the Office for Budget \
Responsibility says will drag 3.2 million more people into paying tax.

2. Fuel duty cut extended
The 5p cut in fuel duty will stay for another year, costing the Treasury £3bn.

3. Growth forecast downgraded
The OBR now expects the economy to grow by 1.1% next year, down from 2%.
"""


def _units(text: str) -> list[str]:
    return [s.text for s in extract(read_text(text)).sentences]


def test_numbered_sections_are_headings_not_claims() -> None:
    units = _units(LISTICLE)
    assert not [u for u in units if "frozen" in u and "chancellor" not in u]
    assert not [u for u in units if "Fuel duty cut extended" in u]
    assert next(u for u in units if "3.2 million" in u).startswith("The chancellor kept")
    assert next(u for u in units if "1.1%" in u).startswith("The OBR now expects")


def test_a_subheading_over_its_paragraph_is_no_claim() -> None:
    text = (
        "Rail fares to rise\n\n"
        "Regulated rail fares in England will rise by 4.6% in March, the government said.\n\n"
        "Season tickets hit hardest\n"
        "A season ticket between Brighton and London will cost £5,400 a year, up £240.\n"
    )
    units = _units(text)
    assert "Season tickets hit hardest" not in " ".join(units)
    assert next(u for u in units if "£5,400" in u).startswith("A season ticket")


def test_short_lines_of_a_list_stay_lines() -> None:
    # a line over a line of the same length is no heading: a list, or a wrapped paragraph
    text = (
        "Council sets budget\n\n"
        "The council approved a budget of £310m on Tuesday, councillors said.\n\n"
        "Cuts will fall on libraries\n"
        "Parks and leisure centres\n"
    )
    assert "Cuts will fall on libraries" in " ".join(_units(text))


def test_a_live_pages_first_line_is_its_headline() -> None:
    text = (
        "Live: Storm Darragh latest\n\n"
        "09:12 GMT\n"
        "More than 200,000 homes are without power across Wales, according to the Energy "
        "Networks Association.\n"
    )
    assert read_text(text).title == "Live: Storm Darragh latest"


def test_a_live_link_further_down_is_still_dropped() -> None:
    text = (
        "Storm Darragh: thousands without power\n\n"
        "More than 200,000 homes are without power across Wales, according to the Energy "
        "Networks Association.\n\n"
        "Live: Follow the latest on the storm\n\n"
        "Network Rail says trains between Cardiff and Swansea are cancelled until midday.\n"
    )
    assert "Follow the latest" not in " ".join(_units(text))
