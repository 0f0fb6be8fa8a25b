"""An organisation that speaks in a relative clause (2026-12-07, session 29; Thames Water copy
written here).

"It is the largest fine ever imposed by Ofwat, which said the company had failed to invest
enough in its sewage network." was nobody's: "..., who told followers that" was read, not
"..., which said".
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of


def test_which_said_is_the_organisation_before_it() -> None:
    text = (
        "It is the largest fine ever imposed by Ofwat, which said the company had failed to "
        "invest £1bn in its sewage network."
    )
    assert speaker_of(text, "£1bn") == "Ofwat"


def test_which_said_after_a_common_noun_names_nobody() -> None:
    text = "The fine follows a report, which said the company had failed to invest £1bn."
    assert speaker_of(text, "£1bn") == ""
