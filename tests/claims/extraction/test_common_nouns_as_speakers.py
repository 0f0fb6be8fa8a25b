"""Common nouns taken for speakers (2026-12-07, session 28; drought copy written here).

"Drought declared in East Anglia" (a headline in the passive) made "Drought" its speaker, with
no type; "Farmers say crops are already suffering." was "National Farmers", expanded from the
union the page names below ("the National Farmers' Union"), because the page writes "Farmers"
with its capital inside a sentence. A headline's common noun is nobody's name, and a plural
opening a sentence is a name only where the page writes it alone after a word in small letters
("shares in Siemens"), not inside a longer name.
"""

from __future__ import annotations

from claims.extraction import extract, read_text
from tests.claims.extraction_helpers import speaker_of

DROUGHT = """Drought declared in East Anglia

The Environment Agency has declared a drought in East Anglia after the driest spring for 50 years.

Farmers say crops are already suffering. "We have not seen it this dry since 1976," said Tom \
Bradshaw, president of the National Farmers' Union.
"""


def test_a_headlines_common_noun_is_nobodys_name() -> None:
    headline = extract(read_text(DROUGHT)).sentences[0]
    assert (headline.speaker, headline.speaker_type) == ("", "")
    # a sentence's one word stays a speaker where it may be a company's
    assert speaker_of("Refinery\n\nShell disputed the claims.\n", "disputed") == "Shell"


def test_a_plural_inside_a_longer_name_is_no_name_of_its_own() -> None:
    assert speaker_of(DROUGHT, "crops") == ""
    assert speaker_of(DROUGHT, "since 1976") == "Tom Bradshaw"
    text = "Siemens said orders rose 4%. Shares in Siemens fell 2%."
    assert speaker_of(text, "orders rose") == "Siemens"
