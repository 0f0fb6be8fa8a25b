"""A press release put out on a wire speaks for its issuer throughout (2026-12-07, session 25):
every sentence that names no other speaker is the issuing organisation's claim."""

from __future__ import annotations

from claims.extraction import extract, read_text

RELEASE = """Acme Robotics Reports Record Third-Quarter Revenue

BOSTON, Nov. 4, 2025 /PRNewswire/ -- Acme Robotics Inc. (NASDAQ: ACMR) today announced \
revenue of $412.5 million for the third quarter of 2025, up 38% from a year earlier.

"This was our best quarter ever," said Jane Doe, chief executive officer of Acme Robotics.

The company raised its full-year revenue guidance to between $1.55 billion and $1.6 billion.

Gross margin was 41.2%, compared with 37.9% in the third quarter of 2024.

"Acme's robots cut our picking time in half," said John Roe, operations director at Northwind.
"""


def _speakers(text: str) -> dict[str, str]:
    return {s.text[:30]: s.speaker for s in extract(read_text(text)).sentences}


def test_a_press_releases_sentences_are_its_issuers() -> None:
    speakers = _speakers(RELEASE)
    # Both were nobody's.
    assert speakers["The company raised its full-ye"] == "Acme Robotics Inc."
    assert speakers["Gross margin was 41.2%, compar"] == "Acme Robotics Inc."
    # A quoted person keeps their own attribution.
    assert speakers['"This was our best quarter eve'] == "Jane Doe"
    assert speakers["\"Acme's robots cut our picking"] == "John Roe"


def test_an_article_without_a_wire_tag_is_no_release() -> None:
    # Session 29: a ticker before "today announced" marks a listed company's announcement too
    # (test_listed_company_announcements.py), so the article here reports it as news does.
    article = RELEASE.replace(" /PRNewswire/ --", " --").replace(
        "(NASDAQ: ACMR) today announced", "said on Tuesday it had"
    )
    assert _speakers(article)["Gross margin was 41.2%, compar"] == ""
