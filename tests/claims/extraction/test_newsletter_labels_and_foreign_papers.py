"""A newsletter's section labels, a foreign paper's name, and an age beside "has not commented"
(2026-12-07, session 30; a tour-grosses story and a transfer story written here).

"Why it matters: The tour has boosted local economies ..." kept its label in the claim;
"Il Mattino reported that ..." was a person's; "Swift, 35, has not commented publicly." scored
0.89 (the age was read as a figure, so the no-comment policy did not apply).
"""

from __future__ import annotations

from claims.extraction.speaker_types import speaker_type
from tests.claims.extraction_helpers import unit_with


def test_a_section_label_is_no_part_of_the_claim() -> None:
    text = (
        "The Eras Tour grossed $2bn, according to Pollstar.\n\n"
        "Why it matters: The tour has boosted local economies, with fans spending $5bn."
    )
    assert unit_with(text, "$5bn").text.startswith("The tour has boosted")
    text = "By the numbers: 10.1 million tickets were sold across 149 dates."
    assert unit_with(text, "10.1 million").text.startswith("10.1 million")


def test_a_paper_named_with_its_article_is_an_organisation() -> None:
    for name in ("Il Mattino", "El País", "Der Spiegel", "Die Zeit"):
        assert speaker_type(name) == "organization"
    assert speaker_type("Marine Le Pen") == "person"


def test_an_age_beside_no_comment_is_no_figure() -> None:
    text = "The tour sold 10.1 million tickets.\n\nSwift, 35, has not commented publicly."
    assert unit_with(text, "has not commented").checkworthiness < 0.1
