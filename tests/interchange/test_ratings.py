"""Other fact-checkers' ratings mapped to ours only when the mapping is clear."""

from __future__ import annotations

import pytest

from claims.interchange.ratings import RATING_NAMES, our_rating, rating_number, rating_scale
from claims.models import Rating


def test_every_mapping_lands_on_one_of_our_ratings():
    assert set(RATING_NAMES.values()) <= set(Rating.values)


def test_our_own_labels_map_back_to_our_ratings():
    # What our ClaimReview export publishes as alternateName (Rating's labels).
    assert {label: our_rating(label) for value, label in Rating.choices} == {
        label: value for value, label in Rating.choices
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("False", "false"),
        ("Falso.", "false"),
        ("Incorrect \r", "false"),
        ("Faux", "false"),
        ("Falsch", "false"),
        ("錯誤", "false"),
        ("زائف", "false"),
        ("really_false", "false"),
        ("Verdadero", "true"),
        ("Vrai", "true"),
        ("Mostly True", "mostly_true"),
        ("Engañoso", "misleading"),
        ("Half-True", "mixed"),
        ("Unproven", "unverifiable"),
        ("não_é_bem_assim", None),
        ("Reker hat diesen Satz nie gesagt. «Völliger Unsinn»", None),
        ("This is false and misleading", None),  # a sentence: no guessing from its words
        ("", None),
        (None, None),
    ],
)
def test_names(name, expected):
    assert our_rating(name) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, 1), ("1", 1), (" 4 ", 4), ("2,5", 2.5), (3.0, 3), ("", None), ("five", None)],
)
def test_rating_numbers(value, expected):
    assert rating_number(value) == expected


def test_rating_number_refuses_booleans_and_nan():
    assert rating_number(True) is None
    assert rating_number(float("nan")) is None
    assert rating_number("inf") is None


def test_minus_one_means_no_rating_unless_the_scale_reaches_it():
    assert rating_scale("-1", "-1", "-1") == (None, None, None)
    assert rating_scale("-1", 5, 1) == (None, 5, 1)
    assert rating_scale(-1, 1, -2) == (-1, 1, -2)
