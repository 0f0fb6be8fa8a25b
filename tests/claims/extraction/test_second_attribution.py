"""A quotation split around its attribution is one sentence, and what follows its close is the
next one (2026-12-07, session 26): `"...," said Louise Haigh, "and I urge both sides to talk."
She said ...` was one unit."""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text


def _units(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.speaker) for s in extract(read_text(text)).sentences]


@pytest.mark.parametrize(
    "text",
    [
        '"The strike will cause huge disruption," said Transport Minister Louise Haigh, "and I '
        'urge both sides to talk." She said the government would not intervene.',
        'He said the strike was "a disgrace." She said the government would not intervene.',
    ],
)
def test_a_sentence_after_an_attributed_quotation_is_its_own(text: str) -> None:
    units = _units(text)
    assert len(units) == 2
    assert units[1][0] == "She said the government would not intervene."


def test_an_attribution_after_the_quotation_still_belongs_to_it() -> None:
    text = '"Those were conversations that family had with him," Meghan added. She left.'
    assert [u[0] for u in _units(text)] == [
        '"Those were conversations that family had with him," Meghan added.',
        "She left.",
    ]


def test_a_split_quotation_and_the_next_sentence_keep_their_speaker() -> None:
    text = (
        '"The strike will cause huge disruption," said Transport Minister Louise Haigh, "and I '
        'urge both sides to talk." She said the government would not intervene.'
    )
    assert [u[1] for u in _units(text)] == ["Louise Haigh", "Louise Haigh"]
