"""A business described as another's unit, and counts described by a past tense (2026-12-07,
session 27; robotaxi copy written here).

"Waymo, Alphabet's self-driving unit, already runs more than 250,000 paid rides a week, a
company spokesperson told Reuters." was "company spokesperson" (Waymo was no organisation the
sentence opened with) and held 250,000 of nothing ("paid" ended the count as a verb would).
"""

from __future__ import annotations

from claims.extraction import ORGANIZATION, extract, read_text
from claims.extraction.quantities import find_quantities

WAYMO = (
    "Waymo, Alphabet's self-driving unit, already runs more than 250,000 paid rides a week, a "
    "company spokesperson told Reuters."
)


def test_a_business_described_as_anothers_unit_is_the_company() -> None:
    (sentence,) = extract(read_text(WAYMO)).sentences
    assert (sentence.speaker, sentence.speaker_type) == ("Waymo spokesperson", ORGANIZATION)


def test_a_person_described_by_a_business_is_still_a_person() -> None:
    text = "John Smith, Alphabet's chief lawyer, said it runs 250,000 rides a week."
    assert extract(read_text(text)).sentences[0].speaker == "John Smith"


def test_a_count_described_by_a_past_tense() -> None:
    assert [(q.value, q.unit) for q in find_quantities(WAYMO)] == [(250000, "paid rides")]
    lost = find_quantities("The firm blamed 3,000 lost jobs on tariffs.")
    assert [(q.value, q.unit) for q in lost] == [(3000, "lost jobs")]
    assert [q.unit for q in find_quantities("He said 40 paid the fine.")] == [""]
