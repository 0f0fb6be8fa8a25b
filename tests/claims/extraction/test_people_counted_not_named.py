"""People around someone or counted, not named (2026-12-07, session 30; a welfare-vote story
written here).

"Allies of the Prime Minister said he would not back down." was an organisation called "Allies
of the Prime Minister" ("Friends of the Earth", an organisation, had taught "of the" and a
capital to mean a name; a title is none); "One Labour MP told the BBC" was a person called "One
Labour", "Two Labour MPs said" a person called "Two Labour MPs", "One MP told" a speaker "One".
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    "text",
    [
        "Allies of the Prime Minister said the cuts would save £5bn.",
        "One Labour MP told the BBC the cuts would save £5bn.",
        "Two Labour MPs said the cuts would save £5bn.",
        "One MP told the BBC the cuts would save £5bn.",
        "One Conservative backbencher said the cuts would save £5bn.",
    ],
)
def test_nobody_named(text: str) -> None:
    assert speaker_of(text, "£5bn") == ""


def test_an_organisation_named_friends_of_still_speaks() -> None:
    text = "Friends of the Earth said the cuts would cost £5bn."
    assert speaker_of(text, "£5bn") == "Friends of the Earth"
