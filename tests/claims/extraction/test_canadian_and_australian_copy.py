"""Found by reading stories written in the styles of Canadian and Australian public
broadcasters: the wires credited at the end, a department whose name holds commas."""

from __future__ import annotations

from claims.extraction import ORGANIZATION, extract, read_text
from tests.claims.extraction_helpers import unit_with

PERMITS = (
    "The federal government will cap the number of new international student permits at about "
    "360,000 this year, Immigration Minister Marc Miller announced Monday.\n\n"
    "The cap will be in place for two years, according to a news release from Immigration, "
    "Refugees and Citizenship Canada (IRCC).\n\n"
    "With files from The Canadian Press"
)


def test_a_department_named_with_commas_is_named_whole() -> None:
    # Was "Immigration": the name run ends at the first comma; the initials spell it whole.
    unit = unit_with(PERMITS, "two years")
    assert (unit.speaker, unit.speaker_type) == (
        "Immigration, Refugees and Citizenship Canada",
        ORGANIZATION,
    )


def test_the_wires_credited_at_the_end_are_no_sentence() -> None:
    # "With files from The Canadian Press" (CBC) and "ABC/Wires" stayed sentences.
    for credit in ("With files from The Canadian Press", "ABC/Wires"):
        extraction = extract(read_text(PERMITS.rsplit("\n\n", 1)[0] + "\n\n" + credit))
        assert not [s for s in extraction.sentences if s.text == credit]
        assert "credits line" in {r for _, _, r in extraction.boilerplate}
