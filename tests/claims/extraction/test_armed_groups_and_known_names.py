"""Conflict and diplomacy copy written here (2026-12-07, session 27).

Before: "The UN mission in Afghanistan, known as Unama, said" was nobody's; "the group's
spokesman said" was nobody's after "The Taliban have issued ...", and "the company's
spokesman said" was the last organisation's spokesman ("Hamas spokesman" for Apple's); "Hamas
said ..." opening a short page was nobody's (a plural, as "Thousands said"); "the company
said" could be an armed group ("the Rapid Support Forces", the Israel Defense Forces).
"""

from __future__ import annotations

from claims.extraction import ORGANIZATION, extract, read_text
from tests.claims.extraction_helpers import speaker_of


def _speakers(text: str) -> list[str]:
    return [s.speaker for s in extract(read_text(text)).sentences]


def test_the_name_an_organisation_is_known_as_speaks() -> None:
    text = "The UN mission in Afghanistan, known as Unama, said 3 rules were new."
    assert speaker_of(text, "3 rules") == "Unama"
    text = "The militia, also known as the Rapid Support Forces, said it had taken 2 towns."
    assert speaker_of(text, "2 towns") == "Rapid Support Forces"


def test_the_owners_spokesman_is_the_owners() -> None:
    text = (
        "The Taliban have issued a law banning women from speaking loudly in public, the "
        "group's spokesman said on Thursday."
    )
    (sentence,) = extract(read_text(text)).sentences
    assert (sentence.speaker, sentence.speaker_type) == ("Taliban spokesman", ORGANIZATION)
    text = (
        "Hamas said 20 hostages would be freed. The group's spokesman said talks would resume."
        "\n\nApple will close 20 stores, the company's spokesman said.\n"
    )
    assert _speakers(text) == ["Hamas", "Hamas spokesman", "Apple spokesman"]


def test_an_armed_group_is_never_the_company() -> None:
    text = (
        "The militia, also known as the Rapid Support Forces, said it had taken the city.\n\n"
        "The drug, known as Wegovy, cut weight by 15%, the company said.\n\n"
        "The Israel Defense Forces said it struck 20 targets. The military said 3 soldiers died.\n"
    )
    assert _speakers(text) == [
        "Rapid Support Forces",
        "",
        "Israel Defense Forces",
        "Israel Defense Forces",
    ]
    # "The group" may be one.
    text = "Hamas said 3 hostages were freed. The group said talks would resume."
    assert _speakers(text) == ["Hamas", "Hamas"]
