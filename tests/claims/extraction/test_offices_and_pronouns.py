"""An office named before its holder, "according to him", and a newsroom's note that it asked
for comment (2026-12-07, session 26; written here in the manner of Nigerian state-government
reporting and US wire copy)."""

from __future__ import annotations

import pytest

from claims.extraction import PERSON, extract, read_text
from claims.extraction.prose import NO_COMMENT

LAGOS = (
    "The Lagos State Government has marked over 200 buildings for demolition for obstructing "
    "drainage channels in the Lekki area, the Commissioner for the Environment and Water "
    "Resources, Mr Tokunbo Wahab, has said.\n\n"
    "Wahab, who spoke on Sunday during an inspection tour, said owners had been served notices "
    "since January.\n\n"
    "According to him, flooding in the area had displaced over 3,000 residents in the last two "
    "years."
)


def _units(text: str) -> dict[str, tuple[str, str]]:
    return {s.text[:30]: (s.speaker, s.speaker_type) for s in extract(read_text(text)).sentences}


def test_an_office_before_its_holder_is_no_name() -> None:
    # It was "Water Resources", an organisation.
    assert _units(LAGOS)["The Lagos State Government has"] == ("Tokunbo Wahab", PERSON)


@pytest.mark.parametrize(
    "office", ["the Commissioner for the Environment", "the Minister of State for Health"]
)
def test_offices_of_several_words(office: str) -> None:
    sentence = f"The state will hire 400 nurses, {office}, Dr Amina Bello, said."
    assert _units(sentence)[sentence[:30]][0] == "Amina Bello"


def test_according_to_him_is_the_man_just_named() -> None:
    # It was nobody's.
    assert _units(LAGOS)["According to him, flooding in "] == ("Tokunbo Wahab", PERSON)


def test_according_to_her_is_the_woman_just_named() -> None:
    text = "Sarah Lee spoke on Sunday. According to her, flooding had displaced 3,000 residents."
    assert _units(text)["According to her, flooding had"][0] == "Sarah Lee"


def test_according_to_her_with_nobody_named_is_nobodys() -> None:
    text = "According to her, flooding had displaced 3,000 residents."
    assert _units(text)[text[:30]][0] == ""


def test_a_newsroom_reaching_out_for_comment_is_no_claim() -> None:
    # The model scored it 0.86, a claim.
    sentence = "CNN has reached out to the plaintiffs' lawyers for comment."
    unit = extract(read_text(sentence)).sentences[0]
    assert NO_COMMENT in {f.name for f in unit.features}
    assert unit.checkworthiness < 0.2


def test_reaching_out_to_customers_is_news() -> None:
    sentence = "The bank has reached out to 4,000 customers whose data was stolen."
    unit = extract(read_text(sentence)).sentences[0]
    assert NO_COMMENT not in {f.name for f in unit.features}
