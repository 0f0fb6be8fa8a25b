""" "Harvey Norman reported a 20% fall in full-year profit" (2026-12-07, session 32; a retailer's
results written here; listed as still wrong in session 31).

A business whose name opens with a given name ("Harvey Norman", "Ted Baker") was a person, so
"The retailer said" after it named nobody. The results a subject reports make it a business
whatever its name looks like: its profit, revenue or sales moving in a headline ("Harvey Norman
profit falls 20%"), or reported with a figure or a period ("reported a 20% fall in full-year
profit", "reported a pre-tax loss of £45m as sales slumped"). So, when no given name opens the
name, do the cars it recalls and the millions it is fined ("Mercedes-Benz recalled 10,000 cars
... The carmaker said", "Wells Fargo was fined $3bn ... The lender said" named nobody; both
listed as still wrong in session 31).
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of, unit_with

RETAILER = "{opening}\n\nThe retailer said sales in its Australian stores fell 6.4%."


@pytest.mark.parametrize(
    "opening",
    [
        "Harvey Norman reported a 20% fall in full-year profit on Friday.",
        "Harvey Norman profit falls 20%",
        "Harvey Norman posted record annual sales on Friday.",
    ],
)
def test_the_retailer_is_the_business_that_reported(opening: str) -> None:
    text = RETAILER.format(opening=opening)
    unit = unit_with(text, "6.4%")
    assert (unit.speaker, unit.speaker_type) == ("Harvey Norman", "organization")


def test_a_loss_and_falling_sales() -> None:
    text = (
        "Ted Baker reported a pre-tax loss of £45m as sales slumped.\n\n"
        "The fashion chain said it would close 15 stores."
    )
    assert speaker_of(text, "15 stores") == "Ted Baker"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # another's sales, a tax, a person's own: people still
        (
            "Elon Musk posted a chart of Tesla sales on Sunday.\n\n"
            "The billionaire said sales would recover.",
            "Elon Musk",
        ),
        ("Rishi Sunak announced a 5% cut in sales tax.\n\nHe said it would help.", "Rishi Sunak"),
        (
            "Taylor Swift announced record sales for her new album.\n\nThe singer said she was "
            "grateful.",
            "Taylor Swift",
        ),
    ],
)
def test_people_stay_people(text: str, speaker: str) -> None:
    unit = unit_with(text, "said")
    assert (unit.speaker, unit.speaker_type) == (speaker, "person")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mercedes-Benz recalled 10,000 cars on Monday. The carmaker said no injuries had "
            "been reported.",
            "Mercedes-Benz",
        ),
        (
            "Wells Fargo was fined $3bn on Thursday. The lender said it had changed its practices.",
            "Wells Fargo",
        ),
        ("Barclays has been fined £40m. The bank said it accepted the findings.", "Barclays"),
    ],
)
def test_recalls_and_fines_of_millions(text: str, speaker: str) -> None:
    unit = unit_with(text, " said")
    assert (unit.speaker, unit.speaker_type) == (speaker, "organization")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("John Smith was fined £500 for speeding. The driver said he was sorry.", ""),
        (
            "Donald Trump was fined $355m by a New York judge. The businessman said he would "
            "appeal.",
            "Donald Trump",
        ),
    ],
)
def test_people_fined_stay_people(text: str, speaker: str) -> None:
    assert speaker_of(text, " said") == speaker
