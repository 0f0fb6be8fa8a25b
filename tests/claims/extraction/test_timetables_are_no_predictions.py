"""A dated event an institution has fixed is a fact of its decision, not a forecast: the desk
policy's "prediction" rule leaves "Parliament will be dissolved on 30 May" alone and still
reads "Unemployment will fall next year" as one (claims.extraction.schedules)."""

from __future__ import annotations

import pytest

from claims.extraction.schedules import scheduled
from claims.extraction.scoring import RuleScorer


def _fires(text: str) -> bool:
    return "prediction" in {f.name for f in RuleScorer().score(text)[1]}


@pytest.mark.parametrize(
    "text",
    [
        "Parliament will be dissolved on 30 May.",
        "Heathrow Airport will be closed all day on Friday, the airport said.",
        "The new law will come into force on 1 April.",
        "The bridge will reopen to traffic on Monday, the council said.",
        "The minimum wage will be raised to £12.21 from April.",
        "Nurses will strike on Tuesday and Wednesday, the union said.",
        "The rules will take effect next month.",
        "The report will be published tomorrow.",
        "The Senate will hold a vote on the bill on Thursday.",
        "The museum won't reopen until March.",
    ],
)
def test_a_timetable_is_no_prediction(text: str) -> None:
    # Each fired "prediction" (weight -1.2; in extraction the desk policy also kept it at its
    # first-stage score): "Parliament will be dissolved on 30 May." scored 0.03.
    assert not _fires(text)


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment will fall next year.",
        "Prices will rise in June, analysts said.",
        "Inflation will start to fall in March.",
        "The bridge will reopen eventually.",  # no day
        "We will win this election.",
        "The government will close the gap.",  # no day
        "He said he will be sentenced when he may be ready.",  # "may" is no month here
        "Growth will be cut in half by the tariffs.",
    ],
)
def test_a_forecast_stays_a_prediction(text: str) -> None:
    assert _fires(text)


def test_the_will_read_is_the_one_given() -> None:
    lower = ["the", "talks", "will", "resume", "on", "monday", "but", "prices", "will", "rise"]
    assert scheduled(lower, 2)
    assert not scheduled(lower, 7)
