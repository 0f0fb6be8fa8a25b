"""A thread of numbered posts, and a press briefing (2026-12-07, session 29; a police-numbers
thread and a White House briefing written here).

A thread's "1/ ", "2/ " stayed in its claims' text and were counted as figures 1 and 2, its
closing "4/ Source: Home Office statistics" was a claim, and its first post, ending with an
emoji, was taken for the page's headline. A briefing ("MS. LEAVITT: ..." answering "Q: ...")
was no transcript: one person answering a role's questions in two turns or more is one, and a
surname label takes the given name the page writes before it ("PRESS SECRETARY KAROLINE
LEAVITT").
"""

from __future__ import annotations

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import speaker_of

THREAD = """1/ The government says it has hired 20,000 new police officers. That is not the whole \
story. 🧵

2/ Between 2010 and 2019, police numbers in England and Wales fell by about 21,000.

3/ Source: Home Office police workforce statistics, March 2024.
"""

BRIEFING = """PRESS BRIEFING BY PRESS SECRETARY KAROLINE LEAVITT

MS. LEAVITT: Good afternoon, everybody. Inflation is down to 2.4 percent.

Q: Karoline, on tariffs, does the President expect prices to rise?

MS. LEAVITT: No. Tariffs will bring $600 billion a year into the Treasury.
"""


def test_a_threads_numbers_are_no_part_of_its_claims() -> None:
    extraction = extract(read_text(THREAD))
    texts = [s.text for s in extraction.sentences]
    assert texts[0].startswith("The government says")
    assert any(t.startswith("Between 2010 and 2019") for t in texts)
    assert not [t for t in texts if "Source:" in t]
    assert extraction.document.title == ""
    first = extraction.sentences[0]
    assert [q.value for q in first.quantities] == [20000.0]


def test_a_briefing_is_its_speakers() -> None:
    assert speaker_of(BRIEFING, "2.4 percent") == "Karoline Leavitt"
    assert speaker_of(BRIEFING, "$600 billion") == "Karoline Leavitt"
    assert speaker_of(BRIEFING, "on tariffs") == ""


def test_a_fraction_at_a_lines_start_is_no_thread_number() -> None:
    units = [s.text for s in extract(read_text("Poll\n\n1/2 of voters backed the plan.")).sentences]
    assert "1/2 of voters backed the plan." in units
