"""US court copy (2026-12-07, session 28; a Supreme Court ruling written here).

"Erin Hawley, a lawyer for the Alliance Defending Freedom, which represented the doctors, said
..." was nobody's: the relative clause after the description (the organisation's) hid the name
the sentence opens with.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_a_name_its_description_and_a_clause_about_the_organisation() -> None:
    text = (
        "Erin Hawley, a lawyer for the Alliance Defending Freedom, which represented the 12 "
        "doctors, said the group would continue the fight in lower courts."
    )
    assert speaker_of(text, "lower courts") == "Erin Hawley"
