"""AP-style wire copy (2026-12-07, session 26, written here): a subject with a role in
apposition who "accused" someone, a website as a source, and the "___" rule above the
credits."""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, PERSON, extract, read_text

STORY = """Hurricane Helene death toll rises to 130

ASHEVILLE, N.C. (AP) — The death toll from Hurricane Helene rose to at least 130 on Tuesday, \
as rescuers reached isolated mountain communities in western North Carolina.

More than 1.5 million homes and businesses were still without power across five states, \
according to poweroutage.us.

Former President Donald Trump, the Republican nominee, visited Valdosta, Georgia, on Monday \
and accused the administration of being slow to respond.

___

Associated Press writers Jeff Amy in Atlanta and Sarah Brumfield in Washington contributed to \
this report.
"""


def _units() -> dict[str, tuple[str, str]]:
    return {s.text[:30]: (s.speaker, s.speaker_type) for s in extract(read_text(STORY)).sentences}


def test_a_subject_with_a_role_in_apposition_accuses() -> None:
    # It was nobody's: the role after the name has an article ("the Republican nominee").
    assert _units()["Former President Donald Trump,"] == ("Donald Trump", PERSON)


def test_a_website_is_a_source() -> None:
    # It was nobody's.
    assert _units()["More than 1.5 million homes an"] == ("poweroutage.us", ORGANIZATION)


@pytest.mark.parametrize("rule", ["___", "***", "* * *", "—"])
def test_a_rule_is_no_sentence(rule: str) -> None:
    # "___" was a sentence.
    text = STORY.replace("___", rule)
    assert not any(s.text == rule for s in extract(read_text(text)).sentences)


def test_a_role_in_apposition_without_a_verb_of_saying_is_no_statement() -> None:
    text = "Jane Doe, the party's nominee, visited Valdosta on Monday and met voters."
    assert extract(read_text(text)).sentences[0].speaker == ""
