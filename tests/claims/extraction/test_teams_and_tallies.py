"""Science, planning and election copy written here (2026-12-07, session 27).

Before: "the team from Yale University said" was nobody's; "The committee voted seven to four"
held no tally (its digits, "voted 7-4", did); "the 250 or so tortoises" was 250 of nothing; "the
two-party system" was 2 "party".
"""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, extract, read_text
from claims.extraction.quantities import find_quantities
from tests.claims.extraction_helpers import speaker_of


def _read(sentence: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(sentence)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The 250 tortoises are distinct, the team from Yale University said.", "Yale University"),
        ("A team from Yale University said the 250 tortoises are distinct.", "Yale University"),
        (
            "The team at Oxford University found that the drug cut deaths by 30%.",
            "Oxford University",
        ),
    ],
)
def test_a_team_from_a_university_speaks_for_it(text: str, speaker: str) -> None:
    (sentence,) = extract(read_text(text)).sentences
    assert (sentence.speaker, sentence.speaker_type) == (f"{speaker} team", ORGANIZATION)


def test_a_team_from_a_place_is_no_organisation() -> None:
    assert speaker_of("The team from Manchester said they would appeal 2 fines.", "appeal") == ""


def test_a_tally_in_words() -> None:
    assert _read("The committee voted seven to four in favour of the scheme.") == [
        (7, "votes to 4")
    ]
    assert _read("The council voted 7-4 in favour.") == [(7, "votes to 4")]
    # A spelled range stays a range.
    assert _read("Five to 10 people were hurt.") == [(5, "people"), (10, "people")]


def test_a_count_or_so() -> None:
    assert _read("The 250 or so tortoises were distinct.") == [(250, "tortoises")]


@pytest.mark.parametrize(
    "sentence",
    [
        '"The two-party system is dead," he said.',
        "The UN backs a two-state solution.",
        "It is a two-horse race.",
        "China ended its one-child policy.",
    ],
)
def test_kinds_named_with_a_number_hold_no_figure(sentence: str) -> None:
    assert _read(sentence) == []


def test_counts_before_a_hyphen_stay() -> None:
    assert _read("A three-judge panel agreed.") == [(3, "judge")]
    assert _read("The firm set out a two-year plan.") == [(2, "year")]


def test_a_participle_after_a_count_names_nothing_counted() -> None:
    # "two voting to hold" was 2 "voting"; an adjective in "-ing" before a plural stays
    text = "Two members backed a half-point cut and two voting to hold were outvoted."
    assert _read(text) == [(2, "members"), (0.5, "percentage points")]
    assert _read("Labour won 5 remaining seats.") == [(5, "remaining seats")]
