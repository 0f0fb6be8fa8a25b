"""Counts in words at the start of a list item or of a terse sentence (2026-12-07, session 27;
a measles explainer written here).

"- Two doses of the MMR vaccine are 97% effective." held no 2 doses (after the bullet "Two"
read as a capital inside a sentence, as in "Formula One"); "Three people died." scored 0.06:
the article prior's exception for terse statements of a figure took digits only.
"""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text
from claims.extraction.prose import states_a_figure
from claims.extraction.quantities import find_quantities


@pytest.mark.parametrize("bullet", ["- ", "• ", "* "])
def test_a_count_in_words_after_a_bullet(bullet: str) -> None:
    quantities = find_quantities(f"{bullet}Two doses of the MMR vaccine are 97% effective.")
    assert [(q.value, q.unit) for q in quantities] == [(2, "doses"), (97, "percent")]


def test_a_capitalised_number_inside_a_sentence_is_still_a_name() -> None:
    assert find_quantities("The team beat Formula One rivals - Two of them were hurt.") == []


@pytest.mark.parametrize("sentence", ["Three people died.", "Five men were arrested."])
def test_a_terse_count_in_words_is_a_statement_of_a_figure(sentence: str) -> None:
    assert states_a_figure(sentence)
    text = f"A bus crashed on the M6 near Stafford on Monday morning.\n\n{sentence}\n"
    extraction = extract(read_text(text))
    assert extraction.sentences[-1].text in [s.text for s in extraction.claims()]


@pytest.mark.parametrize(
    "sentence", ["Two things are clear.", "One thing is clear.", "Two were arrested."]
)
def test_a_terse_count_of_nothing_named_is_no_figure(sentence: str) -> None:
    assert not states_a_figure(sentence)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        # session 28: a plural that describes the noun after it ("three sports" was the unit)
        ("He used the money to buy three sports cars, the court heard.", "sports cars"),
        ("The bank closed 12 savings accounts.", "savings accounts"),
        ("The rebels were sold 5 arms to use.", "arms"),
    ],
)
def test_a_plural_before_its_noun_is_part_of_the_unit(sentence: str, unit: str) -> None:
    assert [q.unit for q in find_quantities(sentence)] == [unit]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # session 28, tabloid copy: a scale word glued on was no figure at all
        ("The council spent £1.2million renting an empty office.", 1_200_000.0),
        ("It is a $5billion deal.", 5_000_000_000.0),
        ("Some 3.5million people voted.", 3_500_000.0),
    ],
)
def test_a_scale_word_glued_to_its_number(sentence: str, value: float) -> None:
    assert [q.value for q in find_quantities(sentence)] == [value]


def test_fewer_of_a_noun_the_same_in_the_plural() -> None:
    # session 28, airline copy: "30 fewer aircraft" counted nothing named
    found = find_quantities("Ryanair expects 30 fewer aircraft than planned.")
    assert [(q.value, q.unit) for q in found] == [(30.0, "fewer aircraft")]
    assert [q.unit for q in find_quantities("The navy has 40 aircraft carriers.")] == [
        "aircraft carriers"
    ]
