"""A police appeal for witnesses and a labelled photo caption are no claims, and a log number
is no figure (2026-12-07, session 26; UK police copy written here)."""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text
from claims.extraction.quantities import find_quantities

STORY = """Man charged with murder after stabbing in Leeds

A 31-year-old man has been charged with murder after a man was stabbed to death in Leeds city \
centre, West Yorkshire Police said.

Det Ch Insp Sarah Rowe said: "Our thoughts are with the victim's family at this sad time."

{appeal}
"""


@pytest.mark.parametrize(
    "appeal",
    [
        # was a claim (0.84) holding the figure 213
        "She appealed for anyone with dashcam footage to contact the force, quoting log 0213 of "
        "14 July.",
        "Anyone who saw what happened is being urged to come forward.",
        "Anyone with information is asked to get in touch with detectives.",
    ],
)
def test_an_appeal_for_witnesses_is_no_sentence(appeal: str) -> None:
    texts = [s.text for s in extract(read_text(STORY.format(appeal=appeal))).sentences]
    assert appeal not in texts
    assert any(t.startswith("A 31-year-old man has been charged") for t in texts)


def test_an_appeal_with_news_in_it_stays() -> None:
    sentence = "Police appealed for witnesses after 40 cars were damaged in Leeds on Sunday."
    texts = [s.text for s in extract(read_text(STORY.format(appeal=sentence))).sentences]
    assert sentence in texts


@pytest.mark.parametrize("sentence", ["Quote log 0213 of 14 July.", "Flight 007 landed."])
def test_a_number_with_a_leading_zero_is_no_figure(sentence: str) -> None:
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    "caption",
    [
        "Pictured: A protester holds a flare near the Eiffel Tower on Saturday",  # was a unit
        "Above: Police fire tear gas near the Place de la Concorde",
    ],
)
def test_a_labelled_caption_is_no_sentence(caption: str) -> None:
    text = STORY.format(appeal=caption)
    assert caption not in [s.text for s in extract(read_text(text)).sentences]
