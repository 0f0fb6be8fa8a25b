"""What a paste from a web page or a PDF carries (2026-12-07, session 31; a fares story written
here with the characters such pastes hold).

A soft hyphen ("gov\\u00adernment") or a zero-width space ("Trans\\u200bport for London") cut a
word in two: "Transport for London said" named nobody. The stored text goes without them.
Thousands set apart by a narrow no-break space ("20\\u202f000 islanders") counted 20, and "1 500
000 passengers" 1 and 500.
"""

from __future__ import annotations

import pytest

from claims.extraction import read_html, read_text
from tests.claims.extraction_helpers import quantities_found, speaker_of


def test_invisible_characters_leave_the_stored_text() -> None:
    text = (
        "The scheme costs £1.2bn, Trans\u200bport for London said.\n\nThe gov\u00adernment agreed."
    )
    document = read_text(text)
    assert "\u200b" not in document.text and "\u00ad" not in document.text
    assert speaker_of(text, "£1.2bn") == "Transport for London"
    html = (
        "<html><body><article><p>The gov\u00adernment said 5 schools closed.</p></article>"
        "</body></html>"
    )
    assert "\u00ad" not in read_html(html).text


def test_the_zero_width_joiner_of_an_emoji_stays() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert family in read_text(f"A post with {family} was shared 3,000 times.").text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "About 20\u202f000 islanders live there.",
            (20_000.0, "islanders", "20\u202f000 islanders"),
        ),
        ("It cost €1\u00a0200.", (1200.0, "euros", "€1\u00a0200")),
        (
            "Some 1 500 000 passengers use it.",
            (1_500_000.0, "passengers", "1 500 000 passengers"),
        ),
    ],
)
def test_thousands_set_apart_by_spaces(text: str, expected: tuple) -> None:
    assert quantities_found(text) == [expected]


def test_two_figures_a_space_apart_stay_two() -> None:
    assert quantities_found("He bought 2 300 horses.") == [
        (2.0, "", "2"),
        (300.0, "horses", "300 horses"),
    ]


def test_a_text_without_them_is_stored_as_given() -> None:
    # the very object: the line scan is cached by the text, and an equal copy made the
    # benchmark's second extraction compare the megabyte in full at every sentence (17% slower)
    text = "Some 1,500 passengers use the line every day, officials said." * 3
    assert read_text(text).text is text
