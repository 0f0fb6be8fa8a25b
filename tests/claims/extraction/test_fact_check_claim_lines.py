"""A fact-check's "Claim:" line and its claimant (2026-12-07, session 28; a fact-check written
here).

"Claim: The UK spent £9bn on hotels for asylum seekers in 2023." was nobody's, with its label in
the claim's text, though the page says "The claim was made by Reform UK leader Nigel Farage in a
video posted on X". The labelled claim is the claimant's, and its text starts after the label.
"""

from __future__ import annotations

from claims.extraction import PERSON, extract, read_text

PAGE = """Fact check: No, the UK did not spend £9bn on asylum hotels last year

Claim: The UK spent £9bn on hotels for asylum seekers in 2023.

Verdict: False. The Home Office spent £3.1bn on asylum accommodation in 2023-24, according to \
its annual accounts.

The claim was made by Reform UK leader Nigel Farage in a video posted on X on 3 June, which has \
been viewed more than 500,000 times.
"""


def test_the_claim_line_is_the_claimants_without_its_label() -> None:
    units = extract(read_text(PAGE)).sentences
    claim = next(u for u in units if "hotels for asylum seekers" in u.text)
    assert claim.text == "The UK spent £9bn on hotels for asylum seekers in 2023."
    assert PAGE[claim.start : claim.end] == claim.text
    assert (claim.speaker, claim.speaker_type) == ("Nigel Farage", PERSON)


def test_a_claim_line_without_a_claimant_stays_nobodys() -> None:
    page = PAGE.split("The claim was made")[0]
    claim = next(u for u in extract(read_text(page)).sentences if "asylum seekers" in u.text)
    assert claim.speaker == ""
