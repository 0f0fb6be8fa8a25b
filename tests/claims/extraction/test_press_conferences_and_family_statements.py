"""A press conference's labels with the speaker's title, and a family's statement
(2026-12-07, session 30; a police press conference and a family's tribute written here).

"Chief Constable Andy Marsh: Nine officers were injured" / "Reporter: ..." was no transcript (a
label had to open with a given name), so every answer was nobody's with its label in the text;
"Statement from the family of Sarah Jones" named nobody for the statement under it.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of, unit_with

BRIEFING = (
    "Chief Constable Andy Marsh: We have arrested 14 people in connection with the disorder.\n\n"
    "Reporter: How many officers were injured?\n\n"
    "Chief Constable Andy Marsh: Nine officers were injured, two of them seriously.\n\n"
    "Reporter: Will there be more arrests?\n\n"
    "Chief Constable Andy Marsh: I expect many more in the coming days."
)


def test_a_titled_label_answers_a_reporter() -> None:
    unit = unit_with(BRIEFING, "Nine officers")
    assert unit.speaker == "Andy Marsh"
    assert unit.text.startswith("Nine officers")
    assert speaker_of(BRIEFING, "officers were injured?") == ""


def test_a_familys_statement_is_theirs() -> None:
    text = (
        "Statement from the family of Sarah Jones\n\n"
        '"Sarah was the kindest person we knew. She volunteered at the food bank for 10 years.\n\n'
        'We want to thank the 200 people who joined the search."'
    )
    assert speaker_of(text, "10 years") == "Sarah Jones's family"
    assert speaker_of(text, "200 people") == "Sarah Jones's family"
