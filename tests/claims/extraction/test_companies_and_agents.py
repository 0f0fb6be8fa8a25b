"""Speakers found by reading short articles written for the tests in the styles of business,
regulatory and science news (2026-12-07, session 25): a company named after its owner's
possessive, a company named only as a court's object, a business named with a person's noun
("the asset manager"), an "it" after a sentence about one organisation that another one said,
the agent of a passive verb of naming, and a person named with whom they work for after the
verb."""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of, unit_with


def test_the_company_after_its_owners_possessive() -> None:
    # Was "Robotaxi": the headline's first word was taken for a company, and "Alphabet's
    # Waymo" opened the sentence with no subject.
    text = (
        "Robotaxi firm raises funds\n\nAlphabet's Waymo has raised $5.6 billion in a new funding "
        "round, the company said on Friday.\n"
    )
    assert speaker_of(text, "new funding round") == "Waymo"


def test_a_company_named_as_the_object_of_a_court_order() -> None:
    # Was nobody's: a company named only as an object was no candidate for "the airline".
    text = (
        "Compensation\n\nThe Federal Court on Monday ordered Qantas to pay A$90 million in "
        "compensation to 1,820 ground workers.\n\nThe airline admitted the outsourcing had "
        "caused distress.\n"
    )
    assert speaker_of(text, "caused distress") == "Qantas"


def test_a_person_as_a_courts_object_is_no_company() -> None:
    text = (
        "Court\n\nA judge ordered John Moss to pay £20,000 to a former colleague.\n\n"
        "The company said it would appeal.\n"
    )
    assert speaker_of(text, "it would appeal") == ""


def test_the_asset_manager_is_the_firm_named_before() -> None:
    # Was nobody's: "manager" read as a person's role.
    text = (
        "Funds\n\nBlackRock reported record assets of $11.5 trillion on Friday. The asset "
        "manager said inflows reached $221 billion in the quarter.\n"
    )
    assert speaker_of(text, "inflows reached") == "BlackRock"


THAMES = """Water company fined

Thames Water, the UK's largest water company, was fined £104m on Tuesday, the regulator Ofwat said.

It said it would not appeal the decision.
"""


def test_it_after_a_sentence_about_one_body_that_another_said_is_nobodys() -> None:
    # Was Ofwat, the last organisation that spoke; the words may mean Thames Water.
    assert speaker_of(THAMES, "would not appeal") == ""


def test_it_after_a_body_that_spoke_of_something_else_is_that_body() -> None:
    text = (
        "Prices\n\nInflation rose to 3.2% in March, the Office for National Statistics said. "
        "It said food prices were the biggest driver.\n"
    )
    assert speaker_of(text, "food prices") == "Office for National Statistics"
    text = (
        "Oil\n\nBP, the oil major, said profits fell 20% in the quarter. It said it would cut "
        "4,000 jobs.\n"
    )
    assert speaker_of(text, "cut 4,000 jobs") == "BP"


def test_the_agent_of_a_passive_verb_of_naming() -> None:
    # Was nobody's.
    text = (
        'Drug trial\n\nThe findings were described as "encouraging" by Professor Naveed '
        "Sattar of the University of Glasgow.\n"
    )
    assert speaker_of(text, "encouraging") == "Naveed Sattar"
    text = 'Homes\n\nThe plans have been described as "reckless" in a report.\n'
    assert speaker_of(text, "reckless") == ""


def test_a_person_after_the_verb_with_whom_they_work_for() -> None:
    # Was "Glasgow", an organisation: the "of the" in the affiliation read as a role.
    text = (
        'Drug trial\n\n"This is encouraging," said Professor Naveed Sattar of the University '
        "of Glasgow.\n"
    )
    unit = unit_with(text, "encouraging")
    assert (unit.speaker, unit.speaker_type) == ("Naveed Sattar", "person")
    text = (
        'Prison\n\n"The inmate was found unresponsive," said Department of Correction '
        "spokesman Jason Kersten.\n"
    )
    assert speaker_of(text, "unresponsive") == "Jason Kersten"  # as before


def test_now_and_still_between_the_speaker_and_the_verb() -> None:
    # Was nobody's: "now" stood between the body and its verb.
    text = (
        "Budget\n\nThe Office for Budget Responsibility now forecasts growth of 1.1% this year, "
        "down from 2%.\n"
    )
    assert speaker_of(text, "growth of 1.1%") == "Office for Budget Responsibility"
    text = "Outlook\n\nUnilever still expects sales growth of 3% to 5% this year.\n"
    assert speaker_of(text, "sales growth") == "Unilever"


def test_a_headlines_opening_word_is_no_company() -> None:
    # Was "Water": the headline's first word (an organisation's word) was taken for a company.
    text = (
        "Water bills\n\nIn a statement, the company said bills would rise by an average of £86 "
        "a year.\n"
    )
    assert speaker_of(text, "bills would rise") == ""
    text = (
        "Shell profits\n\nShell said profits rose 5%.\n\nShares in Shell rose 2%.\n\n"
        "In a statement, the company said it would buy back $3.5 billion of shares.\n"
    )
    assert speaker_of(text, "buy back") == "Shell"


def test_it_is_understood_names_nobody() -> None:
    # Was the Financial Times, the last organisation that spoke.
    text = (
        "Rescue\n\nThe Financial Times reported that the government was preparing a rescue "
        "plan.\n\nIt is understood that ministers have not ruled out nationalisation.\n"
    )
    assert speaker_of(text, "ruled out") == ""


def test_a_chamber_of_commerce_is_an_organisation() -> None:
    # Was typed a person.
    text = (
        "Jobs\n\nOne in five firms expect to cut jobs, a survey by the British Chambers of "
        "Commerce found.\n"
    )
    unit = unit_with(text, "cut jobs")
    assert (unit.speaker, unit.speaker_type) == ("British Chambers of Commerce", "organization")


def test_according_to_police_after_police_said_is_nobodys() -> None:
    # Was "Police": "Police said" had made the word a force for the next sentence.
    text = (
        "Arrest\n\nPolice said a 34-year-old man had been arrested.\n\nAccording to police, the "
        "victim was found with stab wounds.\n"
    )
    assert speaker_of(text, "stab wounds") == ""
    text = (
        "Arrest\n\nA man was stabbed in Leeds, West Yorkshire Police said.\n\nAccording to "
        "police, the victim was found with stab wounds.\n"
    )
    assert speaker_of(text, "stab wounds") == "West Yorkshire Police"  # as before


def test_according_to_a_news_release_from_the_department() -> None:
    # Was nobody's: "news release" was read as the description that names the source.
    text = (
        "Fire\n\nOfficials with the Houston Fire Department said three people were taken to "
        "hospital.\n\nAccording to a news release from the department, the fire started in a "
        "kitchen.\n"
    )
    assert speaker_of(text, "started in a kitchen") == "Houston Fire Department"
    text = (
        "Travel\n\nAccording to a statement from the White House, the president will travel to "
        "Ohio on Friday.\n"
    )
    assert speaker_of(text, "travel to Ohio") == "White House"  # was "White House statement"
    text = "Jobs\n\nAccording to a press release, the company will cut 200 jobs.\n"
    assert speaker_of(text, "cut 200 jobs") == ""


def test_the_union_is_a_professional_body_that_spoke_before() -> None:
    # Was nobody's: no name with a union's word was written.
    text = (
        "Nurses strike\n\nNurses in England will strike next month, the Royal College of Nursing "
        "(RCN) has announced.\n\nThe union said 65% of members who voted backed walkouts.\n"
    )
    assert speaker_of(text, "65% of members") == "Royal College of Nursing"
    text = (
        "Doctors\n\nThe British Medical Association said resident doctors would walk out. The "
        "union said talks had failed.\n"
    )
    assert speaker_of(text, "talks had failed") == "British Medical Association"


def test_the_union_is_never_the_employer() -> None:
    text = (
        "Strike\n\nNetwork Rail said talks had broken down. The union said it would announce "
        "dates.\n"
    )
    assert speaker_of(text, "announce dates") == ""


def test_a_name_written_with_its_question_mark() -> None:
    # Was nobody's.
    text = (
        "Doorbells\n\nConsumer group Which? said 40% of the smart doorbells it tested had "
        "security flaws.\n"
    )
    unit = unit_with(text, "doorbells it tested")
    assert (unit.speaker, unit.speaker_type) == ("Which?", "organization")
    assert speaker_of("Quiz\n\nWho? said nobody.\n", "nobody") == ""
