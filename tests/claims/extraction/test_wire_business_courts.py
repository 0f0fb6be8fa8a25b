"""Found by reading articles written for the tests in the styles of US wire copy, business,
courts, sport, health, science, obituaries, live blogs, press releases and fact-checks
(2026-12-06, evening): a place after a name, a judge's ruling, a company named by one word,
parties and their members, state media, police of a city, figures added, picture formats,
ages and fractions, a fact-check's section labels, quotations that run on."""

from __future__ import annotations

from claims.extraction import ORGANIZATION, PERSON, extract, read_text
from tests.claims.extraction_helpers import quantities_found, speaker_of, unit_with


def test_a_place_after_a_name_is_no_part_of_the_speaker() -> None:
    # They were "John Thune of South Dakota" and "Karen Bass of Los Angeles".
    senator = "Sen. John Thune of South Dakota said the bill would cost $40 billion."
    assert speaker_of(senator, "$40 billion") == "John Thune"
    mayor = "Mayor Karen Bass of Los Angeles said 12,000 homes had been destroyed."
    assert speaker_of(mayor, "12,000 homes") == "Karen Bass"
    # An organisation's own "of" stays, and so does an affiliation (as before).
    bank = "The Bank of England said inflation would fall to 2% by the spring."
    assert speaker_of(bank, "fall to 2%") == "Bank of England"
    professor = "Professor Jane Doe of Oxford University said the vaccine cut deaths by 30%."
    assert speaker_of(professor, "by 30%") == "Jane Doe"


def test_a_judge_who_ruled_that_is_the_speaker_of_the_ruling() -> None:
    # Unattributed: "ruled" was no verb of saying.
    text = (
        "U.S. District Judge Sean Jordan, an appointee of former President Donald Trump, "
        "ruled that the Labor Department had exceeded its authority."
    )
    assert speaker_of(text, "exceeded its authority") == "Sean Jordan"
    court = "The Supreme Court concluded that the state had violated the constitution."
    assert speaker_of(court, "violated the constitution") == "Supreme Court"
    # Without a "that" clause, "ruled" reports nothing.
    assert speaker_of("The party ruled the country for 30 years.", "30 years") == ""


def test_a_one_word_company_that_spoke_is_the_company_a_later_sentence_means() -> None:
    # "The chipmaker said" was unattributed: a one-word name was no candidate.
    text = (
        "Nvidia said on Wednesday that revenue rose 94% to $35.1bn. The chipmaker said it "
        "expected revenue of $37.5bn in the current quarter."
    )
    unit = unit_with(text, "$37.5bn")
    assert (unit.speaker, unit.speaker_type) == ("Nvidia", ORGANIZATION)
    company = (
        "Qantas will pay A$120 million to settle a class action, the airline said on Monday. "
        "Qantas chief executive Vanessa Hudson said the airline should have done better."
    )
    assert speaker_of(company, "A$120 million") == "Qantas"
    assert speaker_of(company, "done better") == "Vanessa Hudson"


def test_a_state_or_a_country_is_never_the_company() -> None:
    # It was Russia: a government was a candidate for "the company". Nobody, then; since
    # session 33 the business the sentence names before its verb of saying (test_a_business_
    # named_inside_the_sentence).
    assert speaker_of("Texas has sued Boeing over the crash, the company said.", "crash") == (
        "Boeing"
    )
    assert speaker_of("Russia has banned Siemens from bidding, the company said.", "bid") == (
        "Siemens"
    )


def test_a_one_word_person_stays_a_person() -> None:
    unit = unit_with("Neymar said he would return to training on Monday.", "training")
    assert (unit.speaker, unit.speaker_type) == ("Neymar", PERSON)


def test_a_picture_format_is_no_thousand() -> None:
    # "4K displays" was 4,000 displays; "8K video" 8,000 videos.
    assert quantities_found("The device has two 4K displays and costs $3,499.") == [
        (2.0, "4K displays", "two 4K displays"),  # counted since (test_mononyms_and_estimates)
        (3499.0, "dollars", "$3,499"),
    ]
    assert quantities_found("It streamed 8K video to 3 million homes.") == [
        (3e6, "homes", "3 million homes")
    ]
    assert quantities_found("The phones cost £4k each.") == [(4000.0, "pounds", "£4k")]
    assert quantities_found("Staff earn 40K a year.")[0][0] == 40000.0


def test_aged_gives_an_age() -> None:
    # It was a bare 99.
    assert quantities_found("Sir David Attenborough has died aged 99.") == [
        (99.0, "years old", "99")
    ]
    assert quantities_found("A man aged 34 was arrested.") == [(34.0, "years old", "34")]
    pope = quantities_found("Pope Francis has died at the age of 88.")
    assert pope == [(88.0, "years old", "88")]
    three = quantities_found("The three men, aged 19, 21 and 24, were arrested.")
    assert [q[:2] for q in three[1:]] == [
        (19.0, "years old"),
        (21.0, "years old"),
        (24.0, "years old"),
    ]
    # A range of ages, or another unit, is no one's age.
    assert [q[1] for q in quantities_found("People aged 18 to 24 were surveyed.")] == ["", ""]
    assert quantities_found("Children aged 12 months received the vaccine.") == [
        (12.0, "months", "12 months")
    ]


def test_a_fact_checks_section_labels_name_no_speaker() -> None:
    # "AP'S ASSESSMENT:" and "THE FACTS:" were read as a transcript's speaker labels, and
    # every sentence after them was theirs, typed a person.
    text = (
        "CLAIM: A photo shows a shark swimming on a flooded highway in Florida.\n\n"
        "AP'S ASSESSMENT: False. The image has been digitally altered. It has circulated "
        "online since at least 2011.\n\n"
        "THE FACTS: The photo was shared thousands of times on social media this week. The "
        "original image, taken by a diver in South Africa in 2005, shows a shark following a "
        "kayak."
    )
    assert {s.speaker for s in extract(read_text(text)).sentences} == {""}
    # A transcript's labels still name people.
    transcript = (
        "SENATOR JANE MILLS: The bill adds $2 trillion to the debt.\n\n"
        "TOM OKAFOR: It cuts taxes for 40 million families.\n"
    )
    assert speaker_of(transcript, "$2 trillion") == "Jane Mills"
    assert speaker_of(transcript, "40 million") == "Tom Okafor"


def test_a_partys_members_speak_for_the_party() -> None:
    # "Republicans said" was unattributed ("Emails" is no agent, and neither was a party's
    # plural); "Opposition Conservatives" was typed a person.
    unit = unit_with(
        "Republicans said the bill would add $1 trillion to the deficit.", "$1 trillion"
    )
    assert (unit.speaker, unit.speaker_type) == ("Republicans", ORGANIZATION)
    unit = unit_with(
        "Opposition Conservatives said residents were being punished for the council's mistakes.",
        "punished",
    )
    assert unit.speaker_type == ORGANIZATION
    assert speaker_of("Emails said the meeting would be at 3pm.", "3pm") == ""


def test_a_portfolio_before_a_role_is_no_candidate_for_the_company() -> None:
    # "Competition commissioner Margrethe Vestager" made "Competition" a second candidate
    # beside Apple, so "The tech giant said" stayed as written.
    text = (
        "The European Commission has fined Apple €1.8bn for abusing its dominant position.\n\n"
        "Competition commissioner Margrethe Vestager said Apple had prevented developers from "
        "telling users about cheaper options. The tech giant said it would appeal."
    )
    assert speaker_of(text, "appeal") == "Apple"


def test_the_one_business_named_is_the_described_company() -> None:
    # A one-word business subject was no candidate: "The Japanese company said" stayed so.
    text = "Sony has opposed the deal. The Japanese company said it would harm 40 million gamers."
    assert speaker_of(text, "40 million") == "Sony"
    # With two businesses named, which one it means the rules cannot tell.
    two = (
        "Microsoft has agreed to buy Activision for $69bn. Sony has opposed the deal. The "
        "Japanese company said it would harm gamers."
    )
    assert speaker_of(two, "harm gamers") == "The Japanese company"


def test_a_group_named_in_apposition_is_the_speaker() -> None:
    # It was "Organisers", typed an organisation.
    text = "Organisers, the Stop the War Coalition, said 300,000 people took part."
    assert speaker_of(text, "300,000") == "Stop the War Coalition"
    campaigners = "Campaigners, including Greenpeace, said the plan would fail."
    assert speaker_of(campaigners, "fail") != "Greenpeace"  # "including" names one of them


def test_a_one_word_business_subject_is_the_airline() -> None:
    # Listed as still wrong until now: unattributed.
    text = (
        "Lufthansa has offered 8% more pay to its cabin crew. The airline called the strike "
        '"unnecessary" and said 1,000 flights would be cancelled.'
    )
    assert speaker_of(text, "1,000 flights") == "Lufthansa"


def test_a_titled_surname_speaks_past_a_relative_clause_with_commas_in_it() -> None:
    # Unattributed: the clause's own comma hid the name before "who".
    text = (
        "Kenya's parliament has voted to impeach Deputy President Rigathi Gachagua.\n\n"
        "Mr Gachagua, who denies all 11 charges, including corruption and inciting ethnic "
        "division, said he would challenge the vote in court."
    )
    assert speaker_of(text, "challenge the vote") == "Rigathi Gachagua"


def test_a_verb_after_a_spelled_number_is_no_unit() -> None:
    # "The two fell out" was 2 "fell".
    assert quantities_found("The two fell out earlier this year.") == []


def test_a_speaker_written_with_which_is_an_organisation() -> None:
    # "Extinction Rebellion" was typed a person: two capitalised words, no organisation word.
    unit = unit_with(
        "Extinction Rebellion, which organised the protest, said it would return every day.",
        "return every day",
    )
    assert (unit.speaker, unit.speaker_type) == ("Extinction Rebellion", ORGANIZATION)
    person = unit_with("Jane Goodall, who turned 90 in April, said 3 chimps had died.", "chimps")
    assert (person.speaker, person.speaker_type) == ("Jane Goodall", PERSON)


def test_given_names_of_the_news_tell_her_from_him() -> None:
    # "Greta" was no known given name: "Her spokesperson" had nobody to belong to.
    text = (
        "Greta Thunberg was detained on Saturday. Her spokesperson said she was released "
        "later that day."
    )
    assert speaker_of(text, "released") == "Greta Thunberg's spokesperson"


def test_a_journal_is_an_organisation() -> None:
    # "Toxicological Sciences" was typed a person (two capitalised words, no organisation word).
    unit = unit_with(
        "Researchers found microplastics in 62 placentas, according to a study published in "
        "the journal Toxicological Sciences.",
        "placentas",
    )
    assert (unit.speaker, unit.speaker_type) == ("Toxicological Sciences", ORGANIZATION)


def test_a_headlines_surname_is_the_person_the_body_names_in_full() -> None:
    # The headline's speaker was "Starmer": the full name comes only after it.
    text = (
        "Starmer says UK will send 500 troops to Estonia\n\n"
        "Prime Minister Keir Starmer told MPs on Tuesday that 500 British troops would be "
        "deployed to Estonia by March."
    )
    assert speaker_of(text, "Starmer says") == "Keir Starmer"
    # Two people of that surname: as written.
    two = text + "\n\nHis brother, Nick Starmer, said the family was proud."
    assert speaker_of(two, "Starmer says") == "Starmer"


def test_a_name_with_letters_beyond_ascii_is_read_whole() -> None:
    # "Mbappé" was read as "Mbapp": no full name found, and the speaker typed an organisation.
    text = (
        "Mbappé says Real Madrid can win the treble\n\n"
        "Kylian Mbappé has scored 20 goals this season. Mbappé said the team was hungry."
    )
    unit = unit_with(text, "was hungry")
    assert (unit.speaker, unit.speaker_type) == ("Kylian Mbappé", PERSON)


def test_state_media_speak_as_written() -> None:
    # Unattributed: "media" was a plural group, like "officials".
    assert speaker_of("Russian state media said the flights were routine.", "routine") == (
        "Russian state media"
    )
    citing = "Chinese state media, citing the health ministry, said 40 people had died."
    assert speaker_of(citing, "40 people") == "Chinese state media"
    assert speaker_of("Iranian state television said 5 missiles fell.", "5 missiles") == (
        "Iranian state television"
    )
    # Media that are no state's stay a vague group.
    assert speaker_of("Local media reported that 3 people had died.", "3 people") == ""


def test_a_descriptor_with_words_before_it_introduces_the_source() -> None:
    # Unattributed: only "according to the firm X" was read, not "aviation analytics firm X".
    text = "Around 200,000 passengers were affected, according to aviation analytics firm Cirium."
    assert speaker_of(text, "200,000") == "Cirium"


def test_the_airport_is_the_one_word_airport_the_paragraph_named() -> None:
    # Unattributed: "Heathrow" has no "Airport" in it.
    text = (
        "Heathrow has cancelled 1,300 flights after a fire cut power to the airport. The "
        "airport said it expected to be fully operational on Saturday."
    )
    assert speaker_of(text, "fully operational") == "Heathrow"


def test_adding_a_figure_is_no_statement() -> None:
    # "The economy added 256,000 jobs" made "The economy" an unnamed speaker, so the
    # attribution at the end was never read.
    text = "The economy added 256,000 jobs in December, the Commerce Department said."
    assert speaker_of(text, "256,000") == "Commerce Department"
    dept = unit_with("The economy added 256,000 jobs in December, the Labor Dept. said.", "256,000")
    assert (dept.speaker, dept.speaker_type) == ("Labor Dept", ORGANIZATION)
    # A remark about a figure is still one.
    assert speaker_of("Jane Hill said 40 jobs would go. She added 200 jobs were lost.", "200") == (
        "Jane Hill"
    )


def test_number_ten_is_no_count() -> None:
    assert quantities_found('No. 10 said the prime minister had "full confidence".') == []
    assert quantities_found("The No 1 seed lost in 3 sets.") == [(3.0, "sets", "3 sets")]


def test_a_name_opening_with_national_or_royal_is_an_organisation() -> None:
    # "National Grid" was typed a person; so the spokesperson after it spoke for nobody.
    text = (
        "More than 86,000 homes in Wales are without power, according to National Grid. "
        'A spokesperson said engineers were working "as quickly as possible".'
    )
    unit = unit_with(text, "86,000")
    assert (unit.speaker, unit.speaker_type) == ("National Grid", ORGANIZATION)
    assert speaker_of(text, "quickly") == "National Grid spokesperson"
    person = unit_with('"This is a very strong report," said Olu Sonola, an economist.', "strong")
    assert (person.speaker, person.speaker_type) == ("Olu Sonola", PERSON)


def test_adding_goals_is_no_statement() -> None:
    # It was Kai Havertz's statement.
    text = (
        "Erling Haaland pulled one back before Myles Lewis-Skelly, 18, and Kai Havertz added "
        "late goals."
    )
    assert speaker_of(text, "late goals") == ""
    # A remark added after a quotation, or with a clause, still is one.
    quoted = '"We have to act now," Hansen added later, in response to a question.'
    assert speaker_of(quoted, "act now") == "Hansen"
    clause = "Jane Hill said prices rose. She added the plan would fail."
    assert speaker_of(clause, "plan would fail") == "Jane Hill"


def test_police_in_a_city_are_that_citys_force() -> None:
    # Unattributed: "police" is a vague group, but "in Paris" says which force.
    text = "Police in Paris said on Saturday that 45,000 people had joined the march."
    unit = unit_with(text, "45,000")
    assert (unit.speaker, unit.speaker_type) == ("Paris police", ORGANIZATION)
    assert speaker_of("Officials in Kyiv said 12 drones were shot down.", "12 drones") == ""
    # A nationality or a city before "police", with no article: that force, as written.
    belgian = "Belgian police estimated that 1,300 tractors took part."
    assert speaker_of(belgian, "1,300") == "Belgian police"
    assert speaker_of("Meanwhile police said 3 people were hurt.", "3 people") == ""


def test_a_party_described_in_lower_case_is_the_one_named_with_that_word() -> None:
    # "The liberal party says" stayed as written with the Greens named beside the Liberal
    # Democrats (listed as still wrong until now).
    text = (
        "The Liberal Democrats and the Greens both gained seats. The liberal party says it "
        "will now target 80 seats."
    )
    assert speaker_of(text, "80 seats") == "Liberal Democrats"
    tories = (
        "Labour won 412 seats and the Conservatives 121. The conservative party said it would "
        "elect a new leader by November."
    )
    assert speaker_of(tories, "new leader") == "Conservatives"
    # Two parties with that word: as written (it was the two of them joined into one name).
    two = (
        "The Liberal Democrats and the Liberal Party both stood candidates. The liberal party "
        "says it will now target 80 seats."
    )
    assert speaker_of(two, "80 seats") == "The liberal party"
    # A party is no business: "the company" is Microsoft.
    business = (
        "The Greens won 4 seats. Microsoft said it would invest $3bn. The company said 1,000 "
        "jobs would be created."
    )
    assert speaker_of(business, "1,000 jobs") == "Microsoft"


PRITCHARD = "\n\n".join(
    [
        "The head of the NHS in England, Amanda Pritchard, said the health service faced "
        '"the most challenging winter on record".',
        '"We have more patients in hospital with flu than at any point in the last decade. '
        "Last week, 5,408 patients were in hospital with flu each day, up 55% on the week "
        "before.",
        '"Staff are working incredibly hard, and I want to thank them."',
    ]
)


def test_a_role_of_a_body_in_a_place_describes_the_person_named_after_it() -> None:
    # Unattributed: "in England" hid the role before the apposed name.
    assert speaker_of(PRITCHARD, "winter on record") == "Amanda Pritchard"


def test_a_quotation_running_on_into_the_next_paragraph_is_the_speakers() -> None:
    # News leaves a quotation open at a paragraph's end when it goes on in the next one; both
    # paragraphs were nobody's.
    assert speaker_of(PRITCHARD, "5,408 patients") == "Amanda Pritchard"
    assert speaker_of(PRITCHARD, "Staff are working") == "Amanda Pritchard"


def test_a_vulgar_fraction_is_part_of_the_figure() -> None:
    # "2½ years" gave no quantity.
    assert quantities_found("He was jailed for 2½ years.") == [(2.5, "years", "2½ years")]
    assert quantities_found("The plan costs £1¼bn.") == [(1.25e9, "pounds", "£1¼bn")]


def test_a_product_recall_is_no_statement() -> None:
    # "Tesla has recalled ..." made Tesla the speaker, so the regulator's attribution at the
    # end, and "The regulator said" after it, were lost.
    text = (
        "Tesla has recalled more than 2 million vehicles in the US, the National Highway "
        "Traffic Safety Administration (NHTSA) said. The regulator said its two-year "
        "investigation had found the controls insufficient."
    )
    nhtsa = "National Highway Traffic Safety Administration"
    assert speaker_of(text, "2 million vehicles") == nhtsa
    assert speaker_of(text, "two-year") == nhtsa
    assert speaker_of("Jane Hill said 3 people died. She recalled that 40 were hurt.", "40") == (
        "Jane Hill"
    )


def test_the_force_is_the_police_force_named_before() -> None:
    # Unattributed: "the force" had no organisation with "force" in its name to refer to.
    text = (
        "Merseyside Police said 3 men were arrested. A spokesman for the force said a girl had "
        "also been detained."
    )
    assert speaker_of(text, "a girl") == "Merseyside Police"


def test_basis_points_and_two_decimal_temperatures() -> None:
    # "100 basis" ("basis" ended the phrase as if a plural) and no quantity for "1.55C".
    assert quantities_found("The bank cut rates by 100 basis points.") == [
        (100.0, "basis points", "100 basis points")
    ]
    assert quantities_found("Temperatures were 1.55C above the average.") == [(1.55, "°C", "1.55C")]
    assert quantities_found("The 3 viruses spread.") == [(3.0, "viruses", "3 viruses")]


def test_a_romanised_given_name_with_a_hyphen_is_a_name() -> None:
    # "Jong-un" was no capitalised word (as "Sapporo-based" is none): unattributed.
    assert speaker_of("Kim Jong-un said the missile could reach the US.", "missile") == (
        "Kim Jong-un"
    )
    lee = 'Opposition leader Lee Jae-myung called the declaration "illegal".'
    assert speaker_of(lee, "declaration") == "Lee Jae-myung"
    # Adjectives and prefixes stay no names.
    assert speaker_of("Anti-war protesters said 300 people were arrested.", "300") == ""
    paper = "The Sapporo-based newspaper said 3 people died."
    assert speaker_of(paper, "3 people") == "The Sapporo-based newspaper"


def test_a_name_before_its_descriptor_speaks() -> None:
    # Unattributed: "news agency" was a description with no article before it.
    text = "Yonhap news agency reported that troops had tried to enter the parliament."
    assert speaker_of(text, "troops") == "Yonhap"
    assert speaker_of("Russia's Tass news agency said 3 drones were downed.", "3 drones") == "Tass"
    # A description is not a name: "Local", "Iranian", "The Japanese company".
    assert speaker_of("Local news agency said 3 people died.", "3 people") == ""
    assert speaker_of("Iranian news agency said 5 people died.", "5 people") == ""
    # "3 died": a past tense is no unit.
    assert quantities_found("The agency said 3 died.") == [(3.0, "", "3")]


def test_an_organisations_spokesperson_with_of_in_its_name() -> None:
    # Unattributed: "of" broke the run of capitalised words ("A Home Office spokesman" worked).
    text = "A Ministry of Housing spokesperson said the government was investing £1bn."
    assert speaker_of(text, "£1bn") == "Ministry of Housing spokesperson"


def test_a_name_ending_in_s_goes_on_to_its_noun() -> None:
    # "8.5 million Windows": the name was taken for the plural that ends the unit.
    assert quantities_found("8.5 million Windows devices were affected.") == [
        (8.5e6, "Windows devices", "8.5 million Windows devices")
    ]
    assert quantities_found("3 Democrats voted for it.") == [(3.0, "Democrats", "3 Democrats")]


def test_a_role_in_apposition_is_nobody_for_the_next_he() -> None:
    # "He told MPs" was "Prime Minister": the role itself had been remembered as a person.
    text = (
        "The Prime Minister, Sir Keir Starmer, said the UK would increase defence spending to "
        "2.5% of GDP by 2027. He told MPs the money would come from cutting the aid budget."
    )
    assert speaker_of(text, "aid budget") == "Keir Starmer"
