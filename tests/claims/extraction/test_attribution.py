"""Attribution an editor would sign (issue 14): one test per finding on real pages.

The sentences are written for these tests, modelled on what went wrong on BBC, CNN, Reuters,
Guardian and other pages; none is copied from a page.
"""

# The articles use typographic quotes and apostrophes; these tests must match them exactly.
# ruff: noqa: RUF001

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, PERSON, extract, read_text
from claims.extraction.given_names import first_name_genders
from claims.extraction.speakers import SpeakerContext, find_speaker
from tests.claims.extraction_helpers import speaker_of as _speaker_of


def _speakers(text: str) -> list[tuple[str, str]]:
    """(speaker, unit text) for every unit of ``text``, a plain-text article."""
    return [(s.speaker, s.text) for s in extract(read_text(text)).sentences]


# --- named after the verb -------------------------------------------------------------------


def test_speaker_named_after_a_trailing_said_with_his_role_and_organisation() -> None:
    text = (
        "Burials have risen from one day a week to five, with about 20 each day, said "
        "Department of Sanitation spokesman Carl Mendez."
    )
    extraction = extract(read_text(text))
    (sentence,) = extraction.sentences
    assert (sentence.speaker, sentence.speaker_type) == ("Carl Mendez", PERSON)


def test_trailing_said_before_a_reported_clause_is_not_an_attribution() -> None:
    # "said Hartley had ...": Hartley is who the clause is about; Fitton is speaking.
    text = "Peter Fitton, defending, said Hartley had 20 years of experience in the trade."
    assert find_speaker(text, SpeakerContext()) == "Peter Fitton"


def test_told_names_the_listener_not_the_speaker() -> None:
    text = (
        "Dr Ann Holt, a member of the task force, told ABC News the final toll would be "
        "closer to 60,000."
    )
    assert find_speaker(text, SpeakerContext()) == "Ann Holt"


def test_possessive_after_said_is_the_reported_clause() -> None:
    text = "Rosa Diaz, founder of a tenants' group, said Ortiz's reversal cost her the seat."
    assert find_speaker(text, SpeakerContext()) == "Rosa Diaz"


# --- appositions and described speakers -----------------------------------------------------


def test_name_in_apposition_after_a_description_is_the_speaker() -> None:
    text = (
        "The supplier, Nordvik Steelworks, denied the accusation on Monday, saying that "
        "every beam had been tested twice."
    )
    extraction = extract(read_text(text))
    (sentence,) = extraction.sentences
    assert (sentence.speaker, sentence.speaker_type) == ("Nordvik Steelworks", ORGANIZATION)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The company's chief executive, Jane Doe, said profits fell 12%.", "Jane Doe"),
        ("Katsunobo Kato, the chief secretary, suggested that talks go on.", "Katsunobo Kato"),
        ("Ms Holt, 54, said the port lost 12% of its trade.", "Holt"),
        ("“We will appeal,” Tom Hale, a spokesman for the port, said.", "Tom Hale"),
    ],
)
def test_apposition_either_side_of_the_name(sentence: str, speaker: str) -> None:
    assert find_speaker(sentence, SpeakerContext()) == speaker


def test_organisation_described_before_reported_that() -> None:
    text = (
        "The bridge cost 412 million euros more than planned, the national audit office "
        "reported that month."
    )
    extraction = extract(read_text(text))
    (sentence,) = extraction.sentences
    assert (sentence.speaker, sentence.speaker_type) == ("the national audit office", ORGANIZATION)


def test_organisation_described_before_a_final_confirmed() -> None:
    text = (
        "The tram line will cost 90 million pounds more, the council's transport committee "
        "confirmed."
    )
    extraction = extract(read_text(text))
    (sentence,) = extraction.sentences
    assert sentence.speaker == "the council's transport committee"
    assert sentence.speaker_type == ORGANIZATION


def test_the_company_refers_to_the_last_organisation_with_that_word() -> None:
    text = (
        "Harbour Logistics Company runs the port. The Nordvik Transport Ministry set the fees.\n\n"
        "The company said its profits fell 12% in 2023."
    )
    assert _speaker_of(text, "The company said") == "Harbour Logistics Company"


def test_the_conservative_mp_refers_back_to_the_person_named_before() -> None:
    text = (
        "Chris Grayling warned on Monday that the sector faced job cuts.\n\n"
        "Speaking in the Commons, the Conservative MP said: “It does not need to be like this.”"
    )
    assert _speaker_of(text, "the Conservative MP said") == "Chris Grayling"


def test_the_union_leader_is_not_credited_with_the_employers_statement() -> None:
    text = (
        "Union leader Dave Ward called the offer an insult.\n\n"
        "“The offer is fair and final and it will not change,” the employers’ federation said "
        "in a statement.\n\n"
        "Union leader Dave Ward called the offer an insult. “The offer is fair and final,” they "
        "said."
    )
    speakers = [speaker for speaker, _ in _speakers(text)]
    assert "Dave Ward" not in speakers
    assert speakers[1] == "the employers’ federation"


def test_a_new_indefinite_person_is_not_the_previous_speaker() -> None:
    text = (
        "“We are ready,” said Anna Berg, the harbour master. "
        "“Nobody asked us,” a local resident complained."
    )
    assert [s for s, _ in _speakers(text)] == ["Anna Berg", ""]


# --- non-agents -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Emails reveal that the plan was approved in March.",  # not a sender named "Emails"
        "Thousands said they would march on Saturday.",
        "Organisers said 100,000 people took part.",
        "Protesters said the police had charged the crowd.",
        "The MP for Newcastle Central said the line would close in 2025.",
        "If Marmorato maintains her lead, she will become the only Republican in the council.",
        "Eventually recalled by the Reich, Peters was rehabilitated in 1939.",
        "In March said nobody anything.",
    ],
)
def test_places_plurals_dates_and_adverbs_are_never_speakers(sentence: str) -> None:
    assert find_speaker(sentence, SpeakerContext()) == ""


def test_a_narrative_sentence_with_a_film_title_in_quotes_has_no_speaker() -> None:
    text = (
        "Brad Pitt picked up another trophy for his role in “Once Upon A Time in Hollywood,” "
        "while Laura Dern was named best supporting actress."
    )
    assert find_speaker(text, SpeakerContext()) == ""


def test_a_nickname_in_quotes_is_not_speech() -> None:
    text = (
        'Peters was later named commissioner, earning the nickname "the man with the bloody hand."'
    )
    assert find_speaker(text, SpeakerContext()) == ""


def test_a_statement_introduced_by_a_colon_is_attributed_to_the_subject() -> None:
    text = "Mr Hancock responded: “Sometimes in this pandemic we have had to move fast.”"
    assert find_speaker(text, SpeakerContext()) == "Hancock"


# --- pronouns, gender and the paragraph window ----------------------------------------------


def test_he_resolves_to_the_person_the_previous_sentence_was_about_not_the_last_speaker() -> None:
    # The Mike Pence / Joe Biden finding: Biden is the subject of the sentence before "He said".
    text = (
        "But Vice-President Mike Pence stressed on Thursday that the virus was contagious.\n\n"
        "Presumptive Democratic nominee Joe Biden joined calls on Thursday for racial data.\n\n"
        "He said it had cast a spotlight on inequity."
    )
    assert _speaker_of(text, "He said it had cast") == "Joe Biden"


def test_she_never_resolves_to_a_named_man() -> None:
    text = (
        "Anna Berg, the harbour master, said 40 ships docked in May. "
        "John Smith, the mayor, said 12 more would come. "
        "“We are full,” she said."
    )
    assert _speaker_of(text, "she said") == "Anna Berg"


def test_she_with_only_men_named_is_unattributed() -> None:
    text = "John Smith, the mayor, said 12 more ships would come. “We are full,” she added."
    assert _speaker_of(text, "she added") == ""


def test_gender_from_a_title_and_from_an_earlier_pronoun() -> None:
    context = SpeakerContext()
    # "Jo" gives no gender; "she" tells us, and then "he" must skip her.
    assert find_speaker("Jo Walsh, the harbour master, said 40 ships docked.", context) == (
        "Jo Walsh"
    )
    assert find_speaker("“We are full,” she said.", context) == "Jo Walsh"
    assert find_speaker("“We are full,” he said.", context) == ""
    # "Mr" makes Kim Lee a man whatever his given name says.
    assert find_speaker("Mr Kim Lee said the port was closed.", context) == "Kim Lee"
    assert find_speaker("He added that it would reopen.", context) == "Kim Lee"
    assert find_speaker("She added that it would not.", context) == "Jo Walsh"


def test_he_said_continuations_resolve_to_the_last_named_man() -> None:
    text = (
        "Travellers must self-isolate for 14 days, Transport Secretary Grant Shapps said.\n\n"
        "Poland has also been removed from the Scottish list, said Justice Secretary "
        "Humza Yousaf.\n\n"
        "He also added that penalties would rise to £10,000."
    )
    assert _speaker_of(text, "He also added") == "Humza Yousaf"


def test_pronouns_reach_back_one_paragraph_only() -> None:
    text = (
        "Anna Berg, the harbour master, said 40 ships docked in May.\n\n"
        "The port was busy.\n\n"
        "It was busier than ever.\n\n"
        "“We are full,” she said."
    )
    assert _speaker_of(text, "she said") == ""


def test_surname_and_title_resolve_to_the_full_name_seen_anywhere_before() -> None:
    text = (
        "Health secretary Matt Hancock was forced onto the defensive.\n\n"
        "Mr Hancock responded: “Sometimes we have had to move fast, and we may need to again.”"
    )
    assert _speaker_of(text, "Mr Hancock responded") == "Matt Hancock"


def test_a_title_of_the_other_sex_does_not_take_the_surname() -> None:
    text = (
        "Zoe Anderson, 24, died at the home of her father, publisher Chris Anderson.\n\n"
        "Mr Anderson, who founded the firm, gave evidence.\n\n"
        "He told the jury his daughter had been days from a new job."
    )
    assert _speaker_of(text, "He told the jury") == "Chris Anderson"


def test_first_name_list_is_loaded_with_genders() -> None:
    genders = first_name_genders()
    assert genders["meghan"] == "f"
    assert genders["jason"] == "m"
    assert genders["chris"] == ""  # given to both


# --- quotations ------------------------------------------------------------------------------


def test_attribution_after_a_multi_sentence_quote_covers_the_whole_quote() -> None:
    text = (
        "“It was a private matter. Those were conversations that family had with him,” "
        "Meghan added."
    )
    assert _speakers(text) == [("Meghan", text)]


def test_quote_continued_into_the_next_paragraph_keeps_the_speaker() -> None:
    # News style: an open quote that runs on re-opens each paragraph and closes in the last.
    text = (
        'Judge Ford said: "There was no malicious intent in this case.\n\n'
        '"You knew the potential dangers of a leak.\n\n'
        '"Your sense of guilt can properly be called overwhelming."\n\n'
        '"Nobody asked us," a neighbour said.'
    )
    assert [s for s, _ in _speakers(text)] == ["Ford", "Ford", "Ford", ""]


def test_a_verb_inside_the_quote_does_not_attribute_it() -> None:
    text = "“The minister said nothing and Jane Doe warned us,” the harbour master wrote."
    context = SpeakerContext()
    find_speaker("Karl Holm, the harbour master, opened the port.", context)
    assert find_speaker(text, context) == "Karl Holm"


def test_reiterated_that_names_its_subject() -> None:
    text = "Peter Novak reiterated that the plant would close in May."
    assert [s.speaker for s in extract(read_text(text)).sentences] == ["Peter Novak"]


def test_who_told_names_the_person_before_the_comma() -> None:
    text = (
        "It was later shared by pastor Chris Oyakhilome, who told followers that the virus "
        "could not survive heat."
    )
    assert [s.speaker for s in extract(read_text(text)).sentences] == ["Chris Oyakhilome"]
