""" "According to Japan's Ministry of Finance" (2026-12-07, session 32; a carmaker's recall and
a trade story written here).

A country's possessive before a capitalised organisation's name cut the name at its first
"of" or "for" ("Japan's Ministry", "Britain's Office"), or named nobody when no organisation
noun came within three words ("according to China's State Administration for Market
Regulation"). The whole name is the source, as "Japan's Ministry of Finance said" already gave;
a person or a business after its owner's possessive is that person or business, as before
"said" ("according to Apple's Tim Cook" named nobody).
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("source", "speaker"),
    [
        ("Japan's Ministry of Finance", "Japan's Ministry of Finance"),
        ("Britain's Office for National Statistics", "Britain's Office for National Statistics"),
        (
            "China's State Administration for Market Regulation",
            "China's State Administration for Market Regulation",
        ),
    ],
)
def test_the_whole_name_after_the_country(source: str, speaker: str) -> None:
    text = f"Exports rose 8% in May, according to {source}."
    assert speaker_of(text, "Exports") == speaker


@pytest.mark.parametrize(
    ("source", "speaker"),
    [
        # unchanged: a body in small letters, a document, a person
        ("Germany's statistics office", "Germany's statistics office"),
        ("Kantar's latest figures", "Kantar"),
        ("the BBC's analysis", "BBC"),
    ],
)
def test_what_was_read_before_stays(source: str, speaker: str) -> None:
    text = f"Exports rose 8% in May, according to {source}."
    assert speaker_of(text, "Exports") == speaker


@pytest.mark.parametrize(
    ("source", "speaker"),
    [
        ("France's President Emmanuel Macron", "Emmanuel Macron"),
        ("Ukraine's Foreign Minister Dmytro Kuleba", "Dmytro Kuleba"),
        ("Apple's Tim Cook", "Tim Cook"),
        ("Alphabet's Waymo, which runs the taxis", "Waymo"),
    ],
)
def test_a_person_or_a_business_after_its_owner(source: str, speaker: str) -> None:
    text = f"Exports rose 8% in May, according to {source}."
    assert speaker_of(text, "Exports") == speaker


def test_a_name_describing_what_follows_is_no_source() -> None:
    text = "Exports rose 8% in May, according to Trump's Truth Social post."
    assert speaker_of(text, "Exports") == ""
