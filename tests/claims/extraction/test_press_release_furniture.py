"""A government press release as pasted (2026-12-07, session 27; written here).

Before: "For immediate release: 14 March 2025" was the article's title and a claim (0.73), and
its date was not the publication date; "PRESS RELEASE" was a unit; the numbered notes under
"ENDS" / "Notes to editors" were claims (0.92, 0.77); "Transport Secretary Heidi Alexander
said:" alone was a claim (0.48); "The RAC welcomed the funding but said ..." was nobody's;
"Media enquiries: 020 7944 3021" was a unit.
"""

from __future__ import annotations

from datetime import UTC, datetime

from claims.extraction import ORGANIZATION, extract, read_text
from claims.extraction.prose import LEAD_IN, introduces_a_quotation

RELEASE = """PRESS RELEASE

For immediate release: 14 March 2025

Government announces £2.5bn to fix potholes

The Department for Transport has today (14 March) announced £2.5 billion to repair roads \
across England, the largest single investment in local roads ever made.

Transport Secretary Heidi Alexander said:

"For too long, drivers have had to swerve around crumbling roads. This funding will fix up to \
7 million potholes a year."

The RAC welcomed the funding but said the backlog of repairs would cost £17 billion to clear.

ENDS

Notes to editors

1. The funding covers the 2025 to 2026 financial year.
2. Allocations for each council are published on GOV.UK.

Media enquiries: 020 7944 3021
"""


def test_a_press_releases_label_and_release_line() -> None:
    extraction = extract(read_text(RELEASE))
    assert extraction.document.title == "Government announces £2.5bn to fix potholes"
    assert extraction.document.published_at == datetime(2025, 3, 14, tzinfo=UTC)
    texts = [s.text for s in extraction.sentences]
    assert "PRESS RELEASE" not in texts
    assert not any(t.startswith("For immediate release") for t in texts)


def test_what_follows_ends_and_notes_to_editors_is_no_claim() -> None:
    texts = [s.text for s in extract(read_text(RELEASE)).sentences]
    assert texts[-1].startswith("The RAC welcomed")
    assert not any("Media enquiries" in t or "financial year" in t for t in texts)


def test_a_lead_in_line_is_no_claim_and_gives_its_speaker() -> None:
    extraction = extract(read_text(RELEASE))
    lead_in = next(s for s in extraction.sentences if s.text.endswith("said:"))
    assert lead_in not in extraction.claims()
    assert LEAD_IN in [f.name for f in lead_in.features]
    quote = next(s for s in extraction.sentences if s.text.startswith('"For too long'))
    assert quote.speaker == "Heidi Alexander"
    assert introduces_a_quotation("He told the BBC:")
    assert not introduces_a_quotation("The minister said the plan would cost £2bn:")
    assert not introduces_a_quotation("The report said three things:")


def test_initials_welcoming_and_saying() -> None:
    rac = next(s for s in extract(read_text(RELEASE)).sentences if s.text.startswith("The RAC"))
    assert (rac.speaker, rac.speaker_type) == ("RAC", ORGANIZATION)


def test_a_name_with_its_initials_welcoming_and_saying() -> None:
    # "(AMA)" between the name and its verb hid the subject: nobody's.
    text = (
        "The Australian Medical Association (AMA) welcomed the funding but warned it would not "
        "fix a shortage of 2,000 GPs."
    )
    (sentence,) = extract(read_text(text)).sentences
    assert (sentence.speaker, sentence.speaker_type) == (
        "Australian Medical Association",
        ORGANIZATION,
    )
