"""A transcript pasted with its speaker labels: each turn is its speaker's, and the labels are
no part of the claims. Transcripts written for the tests."""

from __future__ import annotations

from claims.extraction import PERSON, extract, read_text
from claims.extraction.transcripts import statement_author, transcript_turns

DEBATE = "\n\n".join(
    [
        "WALLACE: Good evening from Cleveland. Mr President, you have two minutes.",
        "TRUMP: We have the best economy in history. We created 7 million jobs in three years.",
        "BIDEN: He's lying. Unemployment hit 14.7% in April.",
        "WALLACE: Mr Vice President, let me ask you about the court.",
        "TRUMP: I appointed 300 federal judges.",
    ]
)

BROADCAST = "\n\n".join(
    [
        "MARY LOUISE KELLY, HOST:",
        "The Federal Reserve held interest rates steady today.",
        "SCOTT HORSLEY, BYLINE: Powell told reporters the Fed expects to cut rates three times.",
        "JEROME POWELL: We're not yet confident that inflation is moving down to 2%.",
        "HORSLEY: Unemployment has been below 4% for two years.",
    ]
)


def _speakers(text: str) -> dict[str, tuple[str, str]]:
    return {s.text: (s.speaker, s.speaker_type) for s in extract(read_text(text)).sentences}


def test_each_turn_is_its_speakers() -> None:
    # Every sentence was unattributed, and began with the label ("BIDEN: He's lying.").
    units = _speakers(DEBATE)
    assert units["We created 7 million jobs in three years."] == ("Trump", PERSON)
    assert units["Unemployment hit 14.7% in April."] == ("Biden", PERSON)
    assert units["I appointed 300 federal judges."] == ("Trump", PERSON)
    assert not any(text.startswith(("TRUMP:", "BIDEN:", "WALLACE:")) for text in units)


def test_a_label_alone_on_its_line_opens_the_turn_and_a_surname_label_is_the_full_name() -> None:
    units = _speakers(BROADCAST)
    assert units["The Federal Reserve held interest rates steady today."][0] == "Mary Louise Kelly"
    assert units["Unemployment has been below 4% for two years."][0] == "Scott Horsley"
    # a reporting verb inside a turn still names its own speaker
    assert units["Powell told reporters the Fed expects to cut rates three times."][0] == (
        "Jerome Powell"
    )
    extraction = extract(read_text(BROADCAST))
    reasons = [reason for _, _, reason in extraction.boilerplate]
    assert reasons.count("transcript speaker label") == 4


def test_page_labels_are_no_transcript() -> None:
    live = (
        "UPDATE: The company said 40 people had been rescued.\n\n"
        "Rescuers worked through the night. UPDATE: A second body was found at 3am.\n\n"
        "UPDATE: Police said the road would reopen on Monday."
    )
    assert transcript_turns(live) == {}
    interview = "Q: How many homes were destroyed?\n\nA: More than 400, according to the county."
    assert transcript_turns(interview) == {}
    one_speaker = "JANE DOE: The bridge cost 412 million euros.\n\nThe council approved it."
    assert transcript_turns(one_speaker) == {}  # one person labelled: not a transcript


def test_a_role_label_opens_a_turn_that_is_nobodys() -> None:
    text = (
        "MODERATOR: Senator, the deficit doubled in 2020.\n\n"
        "SEN. ELIZABETH WARREN: The deficit is not the problem. Wages fell 3%.\n\n"
        "SEN. BERNIE SANDERS: Wages fell for 40 years."
    )
    units = _speakers(text)
    assert units["Senator, the deficit doubled in 2020."] == ("", "")  # no type either
    assert units["Wages fell 3%."][0] == "Elizabeth Warren"
    assert units["Wages fell for 40 years."][0] == "Bernie Sanders"


def test_a_transcript_labelled_by_names_with_timestamps() -> None:
    """As transcription services write a debate; it was read as sentences beginning with the
    label, no speaker."""
    text = "\n\n".join(
        [
            "Chris Wallace: (00:01)\nGood evening from Cleveland.",
            "Donald Trump: (00:15)\nWe created 7 million jobs in three years.",
            "Joe Biden: (01:02)\nUnemployment hit 14.7% in April.",
        ]
    )
    units = _speakers(text)
    assert units["We created 7 million jobs in three years."] == ("Donald Trump", PERSON)
    assert units["Unemployment hit 14.7% in April."] == ("Joe Biden", PERSON)
    # labels that are no names are no transcript
    assert transcript_turns("Related Content: Floods.\n\nBreaking News: The river rose.") == {}


def test_an_interviews_answers_are_the_interviewees() -> None:
    text = (
        "We spoke to Dr Jane Smith, a hydrologist at the University of Leeds, about the floods."
        "\n\nQ: How many homes did the flood destroy?\n\nA: More than 400 homes were destroyed. "
        "The river rose 4 metres in a day.\n\nQ: Was the town warned?\n\n"
        "A: The weather service issued a warning at 2am."
    )
    units = _speakers(text)
    # The answers had no speaker, and began with "A: ".
    assert units["More than 400 homes were destroyed."] == ("Jane Smith", PERSON)
    assert units["The weather service issued a warning at 2am."] == ("Jane Smith", PERSON)
    assert units["How many homes did the flood destroy?"] == ("", "")  # the question: nobody's
    # no one named before the first question: the answers stay nobody's (the labels are
    # still cut off)
    turns = transcript_turns(text.split("\n\n", 1)[1])
    assert len(turns) == 4
    assert {person for _, person in turns.values()} == {""}


def test_an_interview_that_names_its_interviewer_too_is_the_interviewees() -> None:
    # Two people named before the first question: the answers were nobody's.
    text = (
        "The BBC's Sarah Jones spoke to Dr Ali Khan, an epidemiologist at Imperial College "
        "London, about the outbreak.\n\nQ: How many people have been infected?\n\nA: About "
        "3,000 cases have been confirmed.\n\nQ: Is the vaccine working?\n\nA: It cuts "
        "hospital admissions by 80%."
    )
    units = _speakers(text)
    assert units["About 3,000 cases have been confirmed."] == ("Ali Khan", PERSON)
    assert units["It cuts hospital admissions by 80%."] == ("Ali Khan", PERSON)
    # Two people and nothing to say which one answers: nobody's, as before.
    both = text.replace("spoke to", "and")
    assert _speakers(both)["About 3,000 cases have been confirmed."] == ("", "")


def test_an_explainers_questions_and_answers_lose_their_labels() -> None:
    # The answers began with "A. " (labels with a full stop were not read without a colon in
    # the text) and kept it.
    text = (
        "Q. What happened?\nA. A 6.2-magnitude earthquake struck central Italy at 3.36am.\n"
        "Q. How many people died?\nA. At least 247, according to the civil protection agency."
    )
    units = _speakers(text)
    assert units["A 6.2-magnitude earthquake struck central Italy at 3.36am."] == ("", "")
    assert units["At least 247, according to the civil protection agency."] == (
        "the civil protection agency",
        "organization",
    )
    assert "What happened?" in units


SURNAMES = "\n".join(
    [
        "Interview: climate scientist Dr Maria Okafor and economist Prof James Hill",
        "",
        "Q: How much has the planet warmed?",
        "Okafor: About 1.2C since pre-industrial times. The last decade was the warmest.",
        "Q: And what will it cost?",
        "Hill: Our estimates put the damage at $2 trillion a year by 2050.",
    ]
)


def test_an_interview_labelled_by_surnames_of_people_it_named_in_full() -> None:
    # The labels were text of the claims and nobody spoke.
    speakers = _speakers(SURNAMES)
    assert speakers["About 1.2C since pre-industrial times."] == ("Maria Okafor", PERSON)
    assert speakers["The last decade was the warmest."] == ("Maria Okafor", PERSON)
    assert speakers["Our estimates put the damage at $2 trillion a year by 2050."] == (
        "James Hill",
        PERSON,
    )
    assert speakers["How much has the planet warmed?"] == ("", "")
    # One guest answering two questions or more is an interview too.
    one = SURNAMES.replace("and economist Prof James Hill", "").replace("Hill:", "Okafor:")
    assert _speakers(one)["Our estimates put the damage at $2 trillion a year by 2050."] == (
        "Maria Okafor",
        PERSON,
    )


def test_labels_that_are_no_surname_of_someone_named_make_no_transcript() -> None:
    blog = "\n\n".join(
        [
            "Mayor Jane Hill spoke on Monday.",
            "Update: The council voted 28-6 for the plan.",
            "Note: Hill said 300 homes would be built.",
        ]
    )
    assert transcript_turns(blog) == {}
    # A surname label once, with no questions: no interview.
    once = "Mayor Jane Hill spoke on Monday.\n\nHill: We will build 300 homes."
    assert transcript_turns(once) == {}


def test_a_statement_published_whole_is_its_authors() -> None:
    # Every sentence was unattributed: "I" named nobody.
    text = (
        "Statement from Senator Maria Lopez on the border funding bill\n\n"
        "I am deeply disappointed that the Senate has failed to pass this bill. It would have "
        "provided $20 billion for border security.\n\n"
        "The Congressional Budget Office said the bill would cost $3 billion less than planned."
    )
    units = _speakers(text)
    assert units["It would have provided $20 billion for border security."] == (
        "Maria Lopez",
        PERSON,
    )
    # a sentence that names its own speaker keeps it; the heading is nobody's
    assert units[
        "The Congressional Budget Office said the bill would cost $3 billion less than planned."
    ] == ("Congressional Budget Office", "organization")
    assert units["Statement from Senator Maria Lopez on the border funding bill"] == ("", "")


def test_headings_that_name_whose_text_it_is() -> None:
    assert statement_author("Remarks by President Joe Biden at the G7 summit\n\nWe met.")[0] == (
        "Joe Biden"
    )
    assert statement_author("Full text of Keir Starmer's speech\n\nWe will.")[0] == "Keir Starmer"
    assert statement_author("Statement from the Ministry of Defence\n\nA.")[0] == (
        "Ministry of Defence"
    )
    for heading in (
        "Letter from Berlin",  # a column named for a place
        "Letter from America: the week in Washington",
        "Statement of intent",
        "Speech therapy helps children",
        "The statement from Lopez was short.",
        "Full text of the Prime Minister's speech",
    ):
        assert statement_author(f"{heading}\n\nSomething happened.") == ("", 0)
