"""The parties to a court case (2026-12-07, session 31; a Bristol murder trial written here).

"The defendant denied murder, claiming he acted in self-defence." was nobody's, and with the
prosecutor named before it ("Prosecutor Anna Vigars KC told the jury ...") it was hers: the
defendant was no role, and "KC" after her name hid her role from the later sentences. A court
story's party is its subject throughout: the one person the page named in no other role.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of

TRIAL = (
    "Man guilty of murdering teenager in Bristol\n\n"
    "{accused} stabbed Mason Rist four times in March, Bristol Crown Court heard.\n\n"
    "Prosecutor Anna Vigars KC told the jury that the attack had lasted 30 seconds.\n\n"
    "The defendant told the court he had been attacked by three men."
)


def test_the_defendant_named_two_paragraphs_up() -> None:
    assert speaker_of(TRIAL.format(accused="Kyle Dennis"), "three men") == "Kyle Dennis"


def test_the_prosecutor_keeps_her_role_after_her_kc() -> None:
    text = TRIAL.format(accused="Kyle Dennis").replace(
        "Bristol Crown Court heard.\n\n", "Bristol Crown Court heard. "
    )
    assert speaker_of(text, "30 seconds") == "Anna Vigars"
    assert speaker_of(text, "three men") == "Kyle Dennis"


def test_an_unnamed_defendant_is_nobody_named() -> None:
    assert speaker_of(TRIAL.format(accused="A man"), "three men") == ""


def test_two_people_named_up_the_page_leave_the_defendant_unnamed() -> None:
    text = TRIAL.format(accused="Kyle Dennis").replace(
        "Bristol Crown Court heard.", "Bristol Crown Court heard. Liam Rowe drove the car."
    )
    assert speaker_of(text, "three men") == ""
