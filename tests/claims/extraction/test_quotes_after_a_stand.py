"""A quotation that follows someone taking a stand (2026-12-07, session 29; Commons copy
written here).

"Home Secretary Yvette Cooper defended the government's plans in the Commons on Monday." then a
paragraph that is one quotation ('"We inherited a system in chaos. ..."') left the quotation
nobody's: only a verb of saying made the next quotation its speaker's. Defending, criticising,
praising, welcoming or condemning, right after a person's name opening the sentence, does too.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of

QUOTE = '\n\n"We inherited a system in chaos. The backlog had reached 118,000 cases."'


@pytest.mark.parametrize(
    "stand",
    [
        "Home Secretary Yvette Cooper defended the government's plans on Monday.",
        "Yvette Cooper criticised the previous government's record.",
        "Yvette Cooper welcomed the figures.",
    ],
)
def test_the_quotation_is_the_person_who_took_the_stand(stand: str) -> None:
    assert speaker_of("Asylum plans\n\n" + stand + QUOTE, "118,000") == "Yvette Cooper"


def test_a_stand_by_no_person_gives_the_quotation_to_nobody() -> None:
    text = "Asylum plans\n\nThe Home Office defended its plans on Monday." + QUOTE
    assert speaker_of(text, "118,000") == ""


def test_a_person_who_is_no_subject_gives_it_to_nobody() -> None:
    text = "Asylum plans\n\nCritics condemned Yvette Cooper over the plans." + QUOTE
    assert speaker_of(text, "118,000") == ""
