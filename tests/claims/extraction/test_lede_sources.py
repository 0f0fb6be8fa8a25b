"""A lede's source by a noun alone, named in the next sentence (2026-12-07, session 26; a BBC
page pasted, written here): "..., the regulator has said." then "Ofwat said ..."; and the
byline's second line, "Climate and science reporter, BBC News"."""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, extract, read_text

PAGE = """Water firms told to cut leaks by 20%

By Esme Stallard
Climate and science reporter, BBC News

Water companies in England and Wales must cut leaks by a fifth by 2030 or face fines, the \
regulator has said.

Ofwat said firms lost 2.9 billion litres a day through leaking pipes last year.
"""


def _units(text: str) -> dict[str, tuple[str, str]]:
    return {s.text[:30]: (s.speaker, s.speaker_type) for s in extract(read_text(text)).sentences}


def test_the_regulator_of_the_lede_is_the_one_named_next() -> None:
    # It was nobody's.
    assert _units(PAGE)["Water companies in England and"] == ("Ofwat", ORGANIZATION)


@pytest.mark.parametrize(
    ("lede", "next_sentence"),
    [
        # a business is no regulator
        (
            "Water companies must cut leaks by a fifth, the regulator has said.",
            "Thames Water said it would appeal against the decision.",
        ),
        # a regulator is no company
        ("Profits fell 20% last year, the company said.", "Ofwat said it would investigate."),
    ],
)
def test_the_next_organisation_of_another_kind_is_not_it(lede: str, next_sentence: str) -> None:
    assert _units(f"{lede}\n\n{next_sentence}")[lede[:30]][0] == ""


def test_the_bylines_role_line_is_no_sentence() -> None:
    # "Climate and science reporter, BBC News" was a sentence.
    document = read_text(PAGE)
    assert document.author == "Esme Stallard"
    assert not any("reporter" in s.text for s in extract(document).sentences)
