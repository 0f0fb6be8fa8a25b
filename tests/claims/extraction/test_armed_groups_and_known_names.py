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


def test_a_described_group_may_be_the_armed_group_that_just_spoke() -> None:
    text = (
        "The UN mission in Afghanistan, known as Unama, said 3 rules were new.\n\n"
        "Hezbollah said it fired 40 rockets at northern Israel overnight. The Iran-backed group "
        "said the strikes were retaliation for the killing of a commander.\n"
    )
    assert _speakers(text)[-1] == "Hezbollah"


def test_an_owners_spokesman_nobody_owns_is_nobodys() -> None:
    # Was "group spokesman": a noun is no speaker's name.
    assert _speakers("The talks stalled, the group's spokesman said on 2 May.") == [""]


def test_a_spokeswoman_of_the_body_the_sentence_opens_with() -> None:
    text = (
        "The Fairfax County School Board voted 9-3 on Thursday to ban phones.\n\n"
        "A 2023 Pew Research Center survey found that 72% of teachers saw phones as a problem.\n\n"
        "The board will review the policy in a year, a spokeswoman said.\n"
    )
    # Was the Pew Research Center's: the organisation of the sentence before.
    assert _speakers(text)[-1] == "Fairfax County School Board spokeswoman"
