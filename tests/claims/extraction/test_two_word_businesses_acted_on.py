"""A two-word business a regulator or court acts on (2026-12-07, session 31; a Civil Aviation
Authority fine written here).

"The Civil Aviation Authority has fined Wizz Air £1.2m ... The airline said it had now paid all
outstanding claims." was the next sentence's "CAA spokesperson" (a later name given to a noun
that found none): only a one-word object ("fined Qantas") was a business candidate.
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of, unit_with

FINE = (
    "The Civil Aviation Authority has fined {who} £1.2m for failing to refund 6,800 passengers."
    "\n\nThe airline said it had now paid all outstanding claims."
)


def test_the_airline_fined_is_the_airline() -> None:
    unit = unit_with(FINE.format(who="Wizz Air"), "outstanding claims")
    assert (unit.speaker, unit.speaker_type) == ("Wizz Air", "organization")


def test_a_person_fined_is_no_airline() -> None:
    assert speaker_of(FINE.format(who="Jane Smith"), "outstanding claims") == ""
