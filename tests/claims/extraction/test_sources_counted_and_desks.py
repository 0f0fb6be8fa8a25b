"""Wire, data and disaster copy written here (2026-12-07, session 27): a described subject
"saying", a magnitude "of" its figure, unnamed sources counted, and bylines that name a desk.

Before: "The agency later issued its first-ever advisory, saying ..." was nobody's after the
Japan Meteorological Agency had spoken; "a magnitude of 7.1" was 7.1 of nothing; "three people
familiar with the matter told Reuters" held 3 people; "By Staff Reporter" was the author.
"""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, extract, read_text
from claims.extraction.quantities import find_quantities
from tests.claims.extraction_helpers import speaker_of, unit_with


def test_a_described_subject_saying_is_the_organisation_named_before() -> None:
    text = (
        "The Japan Meteorological Agency said the quake was centred 30km deep.\n\n"
        "The agency later issued its first-ever advisory, saying the probability of a major "
        "quake was higher than usual.\n"
    )
    sentence = unit_with(text, "probability")
    assert (sentence.speaker, sentence.speaker_type) == (
        "Japan Meteorological Agency",
        ORGANIZATION,
    )
    text = (
        "Apple cut its forecast on Monday. "
        "The company issued a statement, saying sales in China fell 12%."
    )
    assert speaker_of(text, "China") == "Apple"


def test_a_subject_saying_nothing_stays_nobodys() -> None:
    assert speaker_of("The crowd cheered, saying the team deserved to win 3-1.", "team") == ""
    text = "The report was published on Monday, saying waiting lists fell by 30,000."
    assert speaker_of(text, "waiting") == ""


def test_a_magnitude_of_a_figure() -> None:
    (quantity,) = find_quantities("The quake had a magnitude of 7.1, the agency said.")
    assert (quantity.value, quantity.unit) == (7.1, "magnitude")
    assert find_quantities("The magnitude of 2011 was huge.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Intel is exploring a sale, three people familiar with the matter told Reuters.",
        "The talks have stalled, two people with knowledge of the plans said.",
        "The plan was dropped, according to two sources.",
        "Two officials, who spoke on condition of anonymity, said the plan was dropped.",
        "Two officials said the plan was dropped.",
    ],
)
def test_unnamed_sources_counted_are_no_figure(sentence: str) -> None:
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Three people were killed and 12 people said they were injured.", [3, 12]),
        ("The strike involved 4,000 people, officials said.", [4000]),
        ("Three officials were fired on Monday.", [3]),
    ],
)
def test_counts_of_people_stay(sentence: str, values: list[int]) -> None:
    assert [q.value for q in find_quantities(sentence)] == values


@pytest.mark.parametrize(
    "byline",
    ["By Staff Reporter", "By Our Correspondent", "By Web Desk", "By Staff Writer", "By Agencies"],
)
def test_a_byline_naming_a_desk_names_no_author(byline: str) -> None:
    body = "Intel is exploring a sale of its stake, Intel said."
    text = f"Chipmaker weighs sale\n\n{byline}\n\n{body}\n"
    extraction = extract(read_text(text))
    assert extraction.document.author == ""
    assert [s.text for s in extraction.sentences][-1].startswith("Intel is exploring")
    assert byline not in [s.text for s in extraction.sentences]
    named = extract(read_text(text.replace(byline, "By Jane Smith")))
    assert named.document.author == "Jane Smith"


def test_a_subject_before_its_apposition_saying() -> None:
    text = (
        "The Nigeria Labour Congress (NLC), the country's main union, had demanded 250,000 "
        "naira, saying prices had soared."
    )
    assert speaker_of(text, "250,000") == "Nigeria Labour Congress"
    # A place opening the sentence is no subject, and no person called "In London".
    text = "In London, the mayor announced a fare freeze, saying it would help 3 million people."
    assert speaker_of(text, "3 million") == ""
    assert (
        speaker_of("In Paris, protesters blocked 3 roads, saying the reform was unfair.", "3") == ""
    )
