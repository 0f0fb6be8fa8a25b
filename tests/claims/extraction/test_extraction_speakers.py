"""Speaker attribution, alone and with the per-document context."""

# The articles use typographic apostrophes (U+2019); these tests must match them exactly.
# ruff: noqa: RUF001

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text
from claims.extraction.speakers import SpeakerContext, find_speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "In September, ex-President Dmitry Medvedev said that the measures apply.",
            "Dmitry Medvedev",
        ),
        (
            "Katsunobo Kato, the chief secretary of the country’s cabinet, suggested that "
            "talks go on.",
            "Katsunobo Kato",
        ),
        ("Moscow maintains that the territory was promised to it.", "Moscow"),
        (
            "The American State Department insists they are Japanese citizens.",
            "American State Department",
        ),
        ("US tells 20,000 Russian islanders that it considers them Japanese", "US"),
        (
            "Sapporo-based newspaper Hokkaido Shimbun reported that residents were surprised.",
            "Hokkaido Shimbun",
        ),
        ("Russian Foreign Minister Sergey Lavrov has also emphasized his hope.", "Sergey Lavrov"),
        ("Prime Minister Yoshihide Suga told reporters the row must end.", "Yoshihide Suga"),
        ("Secretary of State Antony Blinken said the visit was useful.", "Antony Blinken"),
        (
            '"We have blocked nothing," said Johannes Hahn, the budget commissioner.',
            "Johannes Hahn",
        ),
        (
            "According to the European Court of Auditors, 45% was unspent.",
            "European Court of Auditors",
        ),
        ("According to figures from Eurostat, prices rose.", "Eurostat"),
        (
            "A spokesperson for the Ministry of Defence said the drill was routine.",
            "Ministry of Defence spokesperson",
        ),
        ("Japan has continued its claim, arguing that the islands were excluded.", "Japan"),
        ("The fleet returned to port on Monday.", ""),
        ("Officials said the bridge would reopen.", ""),
        ("According to officials, the bridge will reopen.", ""),
    ],
)
def test_speaker_of_a_single_sentence(sentence: str, speaker: str) -> None:
    assert find_speaker(sentence, SpeakerContext()) == speaker


def test_pronouns_resolve_to_the_last_person_not_an_organisation() -> None:
    context = SpeakerContext()
    assert find_speaker("Jane Doe said the port would close.", context) == "Jane Doe"
    assert find_speaker("The Harbour Authority said it disagreed.", context) == "Harbour Authority"
    assert find_speaker('"It is a mistake," she said.', context) == "Jane Doe"
    assert find_speaker("It added that the port made a profit.", context) == "Harbour Authority"


def test_he_with_no_person_yet_is_unattributed() -> None:
    assert find_speaker("He said that the row should end.", SpeakerContext()) == ""


def test_surname_resolves_to_the_full_name_given_earlier() -> None:
    context = SpeakerContext()
    find_speaker("Katsunobo Kato, the chief secretary, suggested that talks go on.", context)
    assert find_speaker("Kato said that negotiations could continue.", context) == "Katsunobo Kato"


def test_unnamed_spokesperson_takes_the_organisation_of_the_previous_sentence() -> None:
    context = SpeakerContext()
    find_speaker(
        "The Ministry of Fisheries published new quotas on Monday, saying “enough.”", context
    )
    assert find_speaker("A spokesperson added that stocks were low.", context) == (
        "Ministry of Fisheries spokesperson"
    )


def test_quote_continuation_keeps_the_speaker_in_a_document() -> None:
    text = (
        "The ministry was blunt. A spokesperson for the Ministry of Fisheries added that "
        "“Quotas were cut by 20% in 2022. But the fleets keep growing.”\n\n"
        "Nobody else commented."
    )
    sentences = extract(read_text(text)).sentences
    # The two-sentence quotation is one unit with its attribution.
    assert [s.speaker for s in sentences] == ["", "Ministry of Fisheries spokesperson", ""]
    assert sentences[1].text.endswith("But the fleets keep growing.”")


def test_second_quote_in_a_paragraph_keeps_the_speaker_but_not_across_paragraphs() -> None:
    text = (
        '"We are ready," said Anna Berg, the harbour master. "The cranes are new."\n\n'
        '"Nobody asked us," a local resident complained.'
    )
    speakers = [s.speaker for s in extract(read_text(text)).sentences]
    assert speakers == ["Anna Berg", "Anna Berg", ""]


def test_a_paragraph_that_is_only_a_quotation_continues_the_speaker_before_it() -> None:
    """News gives a new speaker's quotation its attribution: a paragraph that is one quotation
    and nothing else, right after a sentence someone spoke, is theirs (and "she" after it
    still finds her). Not after a question, where it is the answer; not when the quotation
    names its own speaker."""
    text = (
        "Jane Doe, the council leader, said the plan would cost £3 million.\n\n"
        "“We don’t have a choice. The roads are falling apart.”\n\n"
        "She added that 40 roads needed repair.\n\n"
        "“Nobody asked us,” a local resident complained."
    )
    speakers = [s.speaker for s in extract(read_text(text)).sentences]
    assert speakers == ["Jane Doe", "Jane Doe", "Jane Doe", ""]
    exchange = (
        "“But there is some risk,” Judge Alan Reyes said. “Do you dispute that?”\n\n"
        "“There can be a very minimal risk with respect to some people.”"
    )
    speakers = [s.speaker for s in extract(read_text(exchange)).sentences]
    assert speakers == ["Alan Reyes", "Alan Reyes", ""]
    narrative = "The council met on Monday.\n\n“The roads are falling apart.”"
    assert [s.speaker for s in extract(read_text(narrative)).sentences] == ["", ""]
