""" "The Real Madrid midfielder said" (2026-12-07, session 32; found at the end of session 30
and not fixed then).

"England international Jude Bellingham scored twice as Real Madrid beat Getafe 3-0. The Real
Madrid midfielder said ..." named nobody: he was introduced as an England international, so
not as a midfielder. A player's role with his club before it ("the Manchester City striker")
is the one person the sentence before named; "the Frenchman" is not read so (a nationality the
text never gave him may be anyone's).
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

MATCH = (
    "England international Jude Bellingham scored twice as Real Madrid beat Getafe 3-0. "
    'The {description} said the team was "in great form".'
)


@pytest.mark.parametrize("description", ["Real Madrid midfielder", "Real Madrid player"])
def test_the_player_named_before(description: str) -> None:
    assert speaker_of(MATCH.format(description=description), "great form") == "Jude Bellingham"


@pytest.mark.parametrize("description", ["Frenchman", "midfielder's agent"])
def test_other_descriptions_stay_as_they_were(description: str) -> None:
    assert speaker_of(MATCH.format(description=description), "great form") == ""
