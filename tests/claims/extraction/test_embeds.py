"""A post embedded in an article: its signature line is furniture that names the post's author,
and a picture link at its end is no part of the claim. Articles written for the tests."""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text
from claims.extraction.embeds import signature_author

TWEET = (
    "The mayor's claim that crime fell 20% last year has been disputed by police figures.\n\n"
    'In a post on X, Mayor Eric Adams wrote that the city was "safer than ever".\n\n'
    "New Yorkers are safer than ever. Crime is down 20% and we're not stopping. "
    "pic.twitter.com/abc123\n"
    "— Eric Adams (@NYCMayor) March 4, 2024\n\n"
    "But police data shows that overall crime fell by 2.6% in 2023."
)


def test_the_post_is_its_authors_and_its_signature_no_claim() -> None:
    extraction = extract(read_text(TWEET))
    units = {s.text: s for s in extraction.sentences}
    # The signature was a claim (0.49) and the post's sentences had no speaker; the picture link
    # ended the last one.
    assert not any("@NYCMayor" in text for text in units)
    crime = units["Crime is down 20% and we're not stopping."]
    assert (crime.speaker, crime.speaker_type) == ("Eric Adams", "person")
    assert units["New Yorkers are safer than ever."].speaker == "Eric Adams"
    reasons = {reason for _, _, reason in extraction.boilerplate}
    assert {"embedded post signature", "post link"} <= reasons
    # the article's own sentences around it are nobody's
    assert units["But police data shows that overall crime fell by 2.6% in 2023."].speaker == ""


def test_a_signature_alone_in_its_paragraph_attributes_the_paragraph_before() -> None:
    text = TWEET.replace("pic.twitter.com/abc123\n", "\n\n")
    extraction = extract(read_text(text))
    crime = next(s for s in extraction.sentences if s.text.startswith("Crime is down"))
    assert crime.speaker == "Eric Adams"
    claim = next(s for s in extraction.sentences if s.text.startswith("In a post on X"))
    assert claim.speaker == "Eric Adams"  # named by its own verb, as before


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("— Eric Adams (@NYCMayor) March 4, 2024", "Eric Adams"),
        ("-- Jane Doe (@jdoe) 4 March 2024", "Jane Doe"),
        ("A post shared by Jane Doe (@janedoe)", "Jane Doe"),
        ("— Jane Doe said in a statement on Monday.", ""),
        ("Follow us on X (@newsdesk)", ""),
    ],
)
def test_signature_lines(line: str, author: str) -> None:
    assert signature_author(line) == author


def test_an_epigraphs_signature_gives_the_quotation_to_its_author() -> None:
    # The quotation had no speaker and the signature line was a sentence of its own.
    text = "\n\n".join(
        [
            "\u201cWe lied, we cheated, we stole. We had entire training courses.\u201d",
            "\u2014 Mike Pompeo, College Station, TX, April 15, 2019",
            "As the co-founder of a small security firm, David Morales spent 10 years in the "
            "minor leagues of the private mercenary world.",
        ]
    )
    extraction = extract(read_text(text))
    units = {s.text: s.speaker for s in extraction.sentences}
    assert units["\u201cWe lied, we cheated, we stole. We had entire training courses.\u201d"] == (
        "Mike Pompeo"
    )
    assert not any("College Station" in t for t in units)
    assert "quotation signature" in {reason for _, _, reason in extraction.boilerplate}
    assert (
        units[
            "As the co-founder of a small security firm, David Morales spent 10 years in the minor "
            "leagues of the private mercenary world."
        ]
        == ""
    )


def test_prose_above_a_dash_and_a_name_is_not_the_names() -> None:
    text = "The council voted 28-6 for the plan.\n\n\u2014 Jane Hill, Leeds"
    units = {s.text: s.speaker for s in extract(read_text(text)).sentences}
    assert units["The council voted 28-6 for the plan."] == ""
    # A list item with a hyphen, or a dash before no personal name, stays a sentence (its text
    # without the bullet or the dash).
    items = "Key points\n\n- Gusts of 104mph recorded at the Needles\n\n\u2014 Storm Ciaran, 2023"
    texts = [s.text for s in extract(read_text(items)).sentences]
    assert "Gusts of 104mph recorded at the Needles" in texts
    assert "Storm Ciaran, 2023" in texts


def test_a_signature_names_its_author_without_letters_after_the_name() -> None:
    # It was "Jane Moss MP".
    assert signature_author("— Jane Moss MP (@JaneMossMP) March 4, 2024") == "Jane Moss"
    assert signature_author("— Sir Keir Starmer KC (@Keir_Starmer) March 4, 2024") == (
        "Sir Keir Starmer"
    )
    assert signature_author("— MP (@mp) March 4, 2024") == "MP"
