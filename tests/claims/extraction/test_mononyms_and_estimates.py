"""Found by reading short articles written for the tests in the styles of sport reports, crowd
and casualty estimates, product launches and weather disruption (2026-12-06, session 22): a
person known by one name, an estimate "put at" a figure, a count before a picture format, a
place before "the airport"."""

from __future__ import annotations

from claims.extraction import ORGANIZATION, PERSON, extract, read_text
from tests.claims.extraction_helpers import quantities_found, unit_with

MATCH_REPORT = (
    "Paris Saint-Germain beat Lyon 3-1 on Sunday.\n\n"
    "Mbappé said the team had played its best football of the season. "
    "He added that the title was not yet won."
)


def test_a_one_word_speaker_that_he_continues_is_a_person() -> None:
    # "Mbappé" (never written in full on the page) was typed an organisation, so the "He" of
    # the next sentence found nobody.
    said = unit_with(MATCH_REPORT, "best football")
    assert (said.speaker, said.speaker_type) == ("Mbappé", PERSON)
    added = unit_with(MATCH_REPORT, "not yet won")
    assert (added.speaker, added.speaker_type) == ("Mbappé", PERSON)


def test_a_one_word_company_stays_a_company_when_no_pronoun_says_otherwise() -> None:
    text = "Nvidia said revenue rose 94% in the quarter. The chipmaker said demand was strong."
    unit = unit_with(text, "demand was strong")
    assert (unit.speaker, unit.speaker_type) == ("Nvidia", ORGANIZATION)
    # A "he" with a person named before it is that person, not the company.
    text = (
        "Nvidia said revenue rose 94% in the quarter. Chief executive Jensen Huang spoke to "
        "analysts on Wednesday. He said demand for its chips was insatiable."
    )
    unit = unit_with(text, "insatiable")
    assert (unit.speaker, unit.speaker_type) == ("Jensen Huang", PERSON)
    first = unit_with(text, "revenue rose")
    assert (first.speaker, first.speaker_type) == ("Nvidia", ORGANIZATION)


def test_a_place_the_sentence_opens_with_is_the_airport_that_speaks() -> None:
    # "At Heathrow, the airport said" was given to the subject of the sentence before.
    text = (
        "Heavy snow disrupted flights across Britain on Monday. At Heathrow, the airport said "
        "40 flights had been cancelled."
    )
    unit = unit_with(text, "40 flights")
    assert (unit.speaker, unit.speaker_type) == ("Heathrow", ORGANIZATION)
    # Only a place's noun: "At Davos, the company said" is not Davos.
    text = "Siemens has cut 5,000 jobs. At Davos, the company said it would hire 2,000 engineers."
    assert unit_with(text, "2,000 engineers").speaker == "Siemens"


def test_a_common_noun_opening_its_sentence_is_no_company_a_later_sentence_means() -> None:
    # "The airline said" was given to "Storms", "The retailer said" to "Shoppers", "The company
    # said" to "Inflation": a one-word subject the page never writes beside a name word was
    # taken for a company.
    for text, fragment in (
        ("Storms disrupted flights on Monday. The airline said 40 flights were cancelled.", "40"),
        ("Shoppers flocked to the new store. The retailer said sales rose 12%.", "12%"),
        ("Regulators fined the bank $2bn. The lender said it would appeal.", "appeal"),
        ("Inflation hit the retailer hard. The company said profits fell 30%.", "30%"),
        ("Snow disrupted flights on Monday. The airline said 40 flights were cancelled.", "40"),
    ):
        assert unit_with(text, fragment).speaker == "", text
    # A company whose name ends in "s" is still one ("Siemens", "Qantas").
    text = "Siemens has cut 5,000 jobs. The company said demand had fallen 9%."
    unit = unit_with(text, "9%")
    assert (unit.speaker, unit.speaker_type) == ("Siemens", ORGANIZATION)
    text = "Qantas will pay A$120m to settle the case, the airline said."
    assert unit_with(text, "A$120m").speaker == "Qantas"
    # A company called by a word is one where the page writes the word as a name inside a
    # sentence; where it only opens sentences, nothing tells it from the word.
    text = "Shell has cut 5,000 jobs. Shares in Shell fell 3%. The company said oil demand fell."
    assert unit_with(text, "oil demand").speaker == "Shell"
    text = "Shell has cut 5,000 jobs. The company said oil demand fell."
    assert unit_with(text, "oil demand").speaker == ""


def test_the_word_list_is_what_the_script_counts() -> None:
    from bench.build_common_words import EXTRACTION_SHARE, MIN_SMALL, count
    from claims.extraction.small_words import SMALL_WORDS_PATH, is_a_word

    small, capital = count(iter(["The storms hit. Two storms and Storm Ciara.", "Many storms."]))
    assert small["storms"] == 3 and capital["storm"] == 1
    words = SMALL_WORDS_PATH.read_text(encoding="utf-8").split()
    assert words == sorted(words) and MIN_SMALL == 2 and EXTRACTION_SHARE == 0.5
    assert {"storm", "shopper", "regulators"} <= set(words)
    assert not {"siemens", "qantas", "emirate", "nvidia"} & set(words)
    assert is_a_word("Floods") and is_a_word("Inflation") and not is_a_word("Brussels")
    assert not is_a_word("Apple")  # news capitalises it more often than not


def test_who_put_a_figure_at_a_number_gave_the_estimate() -> None:
    # "The Met put the number at 50,000" was unattributed: "put" was no verb of reporting.
    text = (
        "Tens of thousands of people marched through central London on Saturday. Organisers "
        "said 300,000 took part. The Met put the number at 50,000."
    )
    unit = unit_with(text, "50,000")
    assert (unit.speaker, unit.speaker_type) == ("Met", ORGANIZATION)
    toll = "The Metropolitan Police put the death toll at 37."
    assert unit_with(toll, "37").speaker == "Metropolitan Police"
    cost = "Analysts at Goldman Sachs put the cost of the strike at more than $2bn."
    assert unit_with(cost, "$2bn").speaker == "Goldman Sachs analysts"
    # Only a figure: "put the building at risk", "put the blame on" report nothing.
    assert unit_with("The Metropolitan Police put the blame on Kent.", "blame").speaker == ""
    risk = "The Metropolitan Police put the building at risk of collapse."
    assert unit_with(risk, "risk").speaker == ""


def test_a_count_before_a_picture_format_counts_what_follows_it() -> None:
    # "two 4K displays" gave no quantity at all: the count's noun could not open with a digit.
    assert quantities_found("Apple unveiled a laptop with two 4K displays.") == [
        (2.0, "4K displays", "two 4K displays")
    ]
    assert quantities_found("It sold 2 million 4K televisions.") == [
        (2_000_000.0, "4K televisions", "2 million 4K televisions")
    ]
    # "4K" alone names the format, and a thousand with a unit is still a thousand.
    assert quantities_found("a 4K TV") == []
    assert quantities_found("It raised 4K dollars.") == [(4000.0, "dollars", "4K dollars")]


def test_a_scaled_figure_is_the_number_written() -> None:
    # "8.2 million" was 8,199,999.999999999 (8.2 * 1e6 in binary), shown so on the desk and in
    # the API.
    assert quantities_found("The number of unemployed rose to 8.2 million.") == [
        (8_200_000.0, "", "8.2 million")
    ]
    assert quantities_found("Revenue was 4.1 billion euros.")[0][0] == 4_100_000_000.0
    assert quantities_found("It cost £2½ million.")[0][0] == 2_500_000.0


STATS_REPORT = (
    "South Africa's unemployment rate rose to 32.9% in the first quarter, Statistics South "
    "Africa said on Tuesday.\n\n"
    "The number of unemployed people increased by 330,000 to 8.2 million, the agency said."
)


def test_a_statistics_office_is_the_agency_a_later_sentence_means() -> None:
    # "the agency said" was unattributed: "Statistics South Africa" shows no public body's word.
    unit = unit_with(STATS_REPORT, "330,000")
    assert (unit.speaker, unit.speaker_type) == ("Statistics South Africa", ORGANIZATION)
    text = "Eurostat said inflation fell to 2.4%. The agency said energy prices fell 11%."
    assert unit_with(text, "11%").speaker == "Eurostat"


def test_the_opposition_party_is_the_one_party_named_before() -> None:
    # "The opposition party said" stayed as written after "Labour leader Chris Hipkins".
    text = (
        "Labour leader Chris Hipkins accused the government of scapegoating migrants. The "
        "opposition party said the figures showed migration was already falling."
    )
    unit = unit_with(text, "already falling")
    assert (unit.speaker, unit.speaker_type) == ("Labour", ORGANIZATION)
    # Two parties named: which one is the opposition, the rules cannot tell.
    text = (
        "Labour leader Keir Starmer and Liberal Democrat leader Ed Davey met on Monday. The "
        "opposition party said it would vote against the bill."
    )
    assert unit_with(text, "vote against").speaker == "The opposition party"


def test_the_carrier_two_paragraphs_on_is_the_one_company_named_before() -> None:
    # "The carrier said" was unattributed: Ryanair spoke two paragraphs earlier, beyond the
    # window of this paragraph and the one before.
    text = (
        "Ryanair said on Monday that profit after tax fell 46% to €1.1bn.\n\n"
        "Chief executive Michael O'Leary said average fares fell 10% in the period.\n\n"
        "Shares in the Dublin-based airline fell 4% in early trading. The carrier said it "
        "expected to carry 198 million passengers this year."
    )
    unit = unit_with(text, "198 million")
    assert (unit.speaker, unit.speaker_type) == ("Ryanair", ORGANIZATION)
    # Two companies named before: which one, the rules cannot tell.
    text = (
        "Ryanair said on Monday that profit fell 46%. EasyJet said its profit rose 10%.\n\n"
        "Chief executive Michael O'Leary said average fares fell 10% in the period.\n\n"
        "Shares fell 4% in early trading. The carrier said it expected to carry 198 million "
        "passengers this year."
    )
    assert unit_with(text, "198 million").speaker == ""


def test_the_treasury_is_a_department_not_a_role() -> None:
    # "The Treasury said" was read like "The Chancellor said" (a role nobody held): unattributed.
    for text in (
        "The Treasury said the money was part of a $50bn G7 loan.",
        "The Treasury told us the money was part of a $50bn G7 loan.",
    ):
        unit = unit_with(text, "$50bn")
        assert (unit.speaker, unit.speaker_type) == ("Treasury", ORGANIZATION)
    unit = unit_with("HM Treasury said the money was part of a $50bn G7 loan.", "$50bn")
    assert (unit.speaker, unit.speaker_type) == ("HM Treasury", ORGANIZATION)
    # Still a title before a name, and a role with nobody introduced in it.
    text = "Treasury Secretary Janet Yellen said the money was part of a $50bn G7 loan."
    assert unit_with(text, "$50bn").speaker == "Janet Yellen"
    text = "The Treasury Secretary said the money was part of a $50bn G7 loan."
    assert unit_with(text, "$50bn").speaker == ""


LIVE_BLOG = (
    "Budget 2025 latest\n\n"
    "14:05 Chancellor confirms income tax thresholds frozen until 2030\n\n"
    "Rachel Reeves has told MPs that income tax thresholds will stay frozen for two more "
    "years.\n\n"
    "13:52 Reeves: 'We are fixing the foundations'\n\n"
    "The chancellor has begun her speech. She said the government inherited a £22bn black hole."
)


def test_a_name_before_a_colon_on_its_own_line_is_the_speaker() -> None:
    # "Reeves: '...'" (a headline or a live blog's post title) was nobody's, and so was the
    # "She" after it.
    title = unit_with(LIVE_BLOG, "fixing the foundations")
    assert (title.speaker, title.speaker_type) == ("Rachel Reeves", PERSON)
    assert unit_with(LIVE_BLOG, "£22bn").speaker == "Rachel Reeves"
    text = "Rachel Reeves: We will not raise taxes on working people\n\nShe spoke in Kent."
    assert unit_with(text, "working people").speaker == "Rachel Reeves"


def test_a_topic_before_a_colon_is_no_speaker() -> None:
    for text, fragment in (
        ("Coronavirus: New York ramps up mass burials amid outbreak", "mass burials"),
        ("Budget 2025: what the chancellor announced for pensioners", "pensioners"),
        ("Ukraine: three killed in Russian strike on Kharkiv", "Kharkiv"),
        ("Verdict: False. The figure refers to a loan agreed in March.", "False"),
        # One word the page never writes in full: a topic as likely as a person.
        ("Starmer: We will not raise taxes on working people", "working people"),
    ):
        assert unit_with(text, fragment).speaker == "", text


def test_a_role_alone_is_a_person() -> None:
    # "Chancellor" (a headline's subject) was typed an organisation.
    unit = unit_with(LIVE_BLOG, "thresholds frozen until 2030")
    assert (unit.speaker, unit.speaker_type) == ("Chancellor", PERSON)


def test_pence_glued_to_a_figure_are_a_price() -> None:
    # "155p a litre" and "3p to 162p" gave no quantity.
    assert quantities_found("Petrol rose to 155p a litre, the RAC said.") == [
        (155.0, "pence", "155p")
    ]
    assert quantities_found("Diesel rose 3p to 162.5p.") == [
        (3.0, "pence", "3p"),
        (162.5, "pence", "162.5p"),
    ]
    # A video's lines are no price.
    assert quantities_found("It films 720p video.") == []


def test_figures_released_by_a_body_are_its_own() -> None:
    # Unattributed: only "ONS figures show" and "figures from the ONS" named the source.
    text = (
        "The figures, released by the Office for National Statistics on Wednesday, show "
        "inflation fell to 2.3% in April."
    )
    assert unit_with(text, "2.3%").speaker == "Office for National Statistics"
    text = "Figures published by the Home Office showed 45,000 people crossed the Channel."
    assert unit_with(text, "45,000").speaker == "Home Office"
    # A person releases no figures in this sense.
    assert unit_with("The data, released by Trump on Monday, show a 5% rise.", "5%").speaker == ""


def test_a_name_ending_in_survey_or_review_is_whole() -> None:
    # "the US Geological Survey said" was "US Geological", a person: "Survey" was read like
    # the "survey" of "a Gallup survey said".
    text = "The quake struck north-west of Herat, the US Geological Survey said."
    unit = unit_with(text, "Herat")
    assert (unit.speaker, unit.speaker_type) == ("US Geological Survey", ORGANIZATION)
    text = "The British Geological Survey said the quake was felt in Wales."
    assert unit_with(text, "Wales").speaker == "British Geological Survey"
    # A report named after its author still speaks for the author.
    assert unit_with("A Home Office statement said 45,000 people crossed.", "45,000").speaker == (
        "Home Office"
    )


def test_a_measure_with_its_unit_glued_on_is_a_quantity() -> None:
    # "40km", "12kg", "70mph", "2GW" gave none: a number glued to letters was no number.
    assert quantities_found("The quake struck 40km north-west of Herat.") == [(40.0, "km", "40km")]
    assert quantities_found("It weighs 12kg and tops 70mph.") == [
        (12.0, "kg", "12kg"),
        (70.0, "mph", "70mph"),
    ]
    assert quantities_found("a 2GW plant, 5,000km away") == [
        (2.0, "GW", "2GW"),
        (5000.0, "km", "5,000km"),
    ]
    # Millions, a network's generation and a picture format are no measures.
    assert quantities_found("3.5m people") == [(3_500_000.0, "people", "3.5m people")]
    assert quantities_found("a 5G network") == []


PAY_STORY = (
    "Bridget Phillipson said the award would cost £1.2bn.\n\n"
    "Daniel Kebede, general secretary of the National Education Union, welcomed the rise but "
    'said it was "not fully funded". He warned that schools would cut staff.\n\n'
    "The minister insisted the money was there."
)


def test_a_role_in_apposition_without_an_article_is_learnt() -> None:
    # "welcomed the rise but said" was unattributed, and "The minister insisted" went to Daniel
    # Kebede: "general secretary of the NEU" (no article before it) gave him no role.
    unit = unit_with(PAY_STORY, "not fully funded")
    assert (unit.speaker, unit.speaker_type) == ("Daniel Kebede", PERSON)
    # A union's general secretary is no minister; the minister is beyond this paragraph and
    # the one before, so the sentence stays unattributed rather than wrong.
    assert unit_with(PAY_STORY, "money was there").speaker == ""
    # A relative clause is no role: the source named with "according to" keeps the claim.
    text = (
        "Marmorato, who is the sister of a party chair, campaigned on the issue and called the "
        "decision heartbreaking, according to the Bronx Times."
    )
    assert unit_with(text, "heartbreaking").speaker == "Bronx Times"


def test_a_lede_given_to_a_role_is_the_person_named_next() -> None:
    # "..., the education secretary has announced." was unattributed: the role was not yet
    # anyone's. News names the person right after such a lede.
    text = (
        "Teachers in England will get a 5.5% pay rise from September, the education secretary "
        "has announced.\n\n"
        "Bridget Phillipson said the award would cost £1.2bn.\n\n"
        "The education secretary added that schools would have to find £350m."
    )
    lede = unit_with(text, "5.5%")
    assert (lede.speaker, lede.speaker_type) == ("Bridget Phillipson", PERSON)
    assert unit_with(text, "£350m").speaker == "Bridget Phillipson"
    text = (
        "The health secretary has said NHS waiting lists will fall below 7 million by March.\n\n"
        "Speaking to the BBC, Wes Streeting said the figure had fallen for three months."
    )
    assert unit_with(text, "7 million").speaker == "Wes Streeting"


def test_a_lede_role_waits_only_for_a_new_person_without_a_role_of_their_own() -> None:
    union = (
        "Teachers will get a 5.5% pay rise, the education secretary has announced.\n\n"
        "Daniel Kebede, general secretary of the National Education Union, said it was not "
        "fully funded."
    )
    assert unit_with(union, "5.5%").speaker == ""
    spokesman = (
        "The prime minister has promised to cut net migration to 300,000.\n\n"
        "A spokesman for Downing Street said the figures were disappointing."
    )
    assert unit_with(spokesman, "300,000").speaker == ""
    far = (
        "Teachers will get a 5.5% pay rise, the education secretary has announced.\n\n"
        "Unions had asked for 8%.\n\nThe rise is the largest in 30 years.\n\n"
        "Bridget Phillipson said the award would cost £1.2bn."
    )
    assert unit_with(far, "5.5%").speaker == ""


def test_the_bureau_is_the_bureau_named_before() -> None:
    # "..., the bureau said." was unattributed: "bureau" was no organisation's noun.
    text = (
        "Inflation rose to 33.2% in March, the National Bureau of Statistics said Monday.\n\n"
        "Food inflation rose to 40%, the bureau said."
    )
    unit = unit_with(text, "40%")
    assert (unit.speaker, unit.speaker_type) == ("National Bureau of Statistics", ORGANIZATION)
    text = "The Gates Foundation gave $2bn last year. The foundation said it would give more."
    assert unit_with(text, "give more").speaker == "Gates Foundation"


def test_a_belief_reported_without_that_is_its_holders() -> None:
    # "believes 40% of claims are fraudulent" was unattributed: only "believes that" reported.
    text = (
        "Prof Tom Lee has studied the scheme for a decade.\n\n"
        "Lee, who has studied it closely, believes 40% of claims are fraudulent."
    )
    assert unit_with(text, "40%").speaker == "Tom Lee"
    fears = "Dr Jane Smith fears the outbreak will spread to 12 countries."
    assert unit_with(fears, "12 countries").speaker == "Jane Smith"
    # A belief in something, a hope to do something: no clause, no statement.
    assert unit_with("Dr Jane Smith hopes to win 40 seats.", "40 seats").speaker == ""
    text = "Dr Jane Smith believes in the free market and is a former banker."
    assert unit_with(text, "free market").speaker == ""


def test_an_hour_of_the_day_is_no_quantity() -> None:
    # "at 5 p.m." was a count of 5.
    assert quantities_found("The meeting ended at 5 p.m. on Tuesday.") == []
    assert quantities_found("before the parade's 9 a.m. ET start, 3,000 marchers") == [
        (3000.0, "marchers", "3,000 marchers")
    ]
    assert quantities_found("a dose of 5 pmol") == [(5.0, "pmol", "5 pmol")]


def test_writing_a_work_is_no_statement() -> None:
    # "Tolkien wrote the book in 1937" made Tolkien the speaker of a narrative sentence.
    text = "Prof. J. R. R. Tolkien wrote the book in 1937."
    assert unit_with(text, "1937").speaker == ""
    # Writing what is the case still reports it.
    text = "Prof. J. R. R. Tolkien wrote that 40 people had died."
    assert unit_with(text, "40 people").speaker == "J. R. R. Tolkien"
    text = "Prof. J. R. R. Tolkien wrote the plan would fail."
    assert unit_with(text, "plan would fail").speaker == "J. R. R. Tolkien"


def test_a_bench_of_judges_speaks() -> None:
    # "A bench of Justices ... said" was unattributed (a name after "of" was read as a place,
    # like "the MP for Newcastle Central"); "observed that" reported nothing.
    text = (
        "The Supreme Court has refused to stay the order. A bench of Justices Hrishikesh Roy "
        "and SVN Bhatti said the state had failed to show urgency."
    )
    unit = unit_with(text, "urgency")
    assert (unit.speaker, unit.speaker_type) == ("Hrishikesh Roy and SVN Bhatti", PERSON)
    text = "A bench headed by Chief Justice DY Chandrachud said the law was unconstitutional."
    assert unit_with(text, "unconstitutional").speaker == "DY Chandrachud"
    text = (
        "The bench of Justices BV Nagarathna and Ujjal Bhuyan observed that the governor had "
        "acted illegally."
    )
    assert unit_with(text, "illegally").speaker == "BV Nagarathna and Ujjal Bhuyan"
    # "held" reports only with "that": "The court held a hearing" is no statement.
    text = "The Delhi High Court held a hearing on 12 March."
    assert unit_with(text, "hearing").speaker == ""
    text = "The Delhi High Court held that the ban was lawful."
    assert unit_with(text, "lawful").speaker == "Delhi High Court"


def test_an_outlet_that_has_learned_something_reports_it() -> None:
    # "The Guardian has learned that ..." was unattributed.
    text = "The Guardian has learned that at least 12 MPs have written to the chief whip."
    unit = unit_with(text, "12 MPs")
    assert (unit.speaker, unit.speaker_type) == ("Guardian", ORGANIZATION)
    # Learning to do something, or a lesson, reports nothing.
    assert unit_with("Chancellor Rachel Reeves learned to swim in 2010.", "2010").speaker == ""


def test_the_subject_of_what_is_reported_is_not_the_role_reporting_it() -> None:
    # "the returning officer announced" was given to Karen Shore, the subject of the result.
    text = (
        "Labour's Karen Shore won the Runcorn and Helsby by-election by six votes after a "
        "recount, the returning officer announced."
    )
    assert unit_with(text, "six votes").speaker == ""
    # A person named in the clause but not its subject is still the description's referent.
    text = (
        "The bill passed after talks with Rep. Ed Royce, the chairman of the committee, the "
        "California Republican said."
    )
    assert unit_with(text, "bill passed").speaker == "Ed Royce"


def test_a_share_written_with_of_is_a_share() -> None:
    # "in four of five regions" was 5 regions (the share lost), "4 of 5" two loose figures.
    assert quantities_found("failure in four of five regions") == [
        (0.8, "out of 5", "four of five")
    ]
    assert quantities_found("in 4 of 5 regions") == [(0.8, "out of 5", "4 of 5")]
    assert quantities_found("two of the three victims")[0][1:] == ("out of 3", "two of the three")
    # "one of the" names a member; a large figure after "of" is no denominator.
    assert quantities_found("one of the 10 biggest banks") == [
        (10.0, "biggest banks", "10 biggest banks")
    ]
    # ... the part is counted in the whole's unit (session 33; it had none)
    assert quantities_found("5 of 6,000 staff") == [
        (5.0, "staff", "5"),
        (6000.0, "staff", "6,000 staff"),
    ]
    # Of ten at most: "42 of 58 drones" counts drones.
    assert quantities_found("It shot down 42 of 58 drones.") == [
        (42.0, "drones", "42"),
        (58.0, "drones", "58 drones"),
    ]
    # It had read "out of 10" in "out of 10,000".
    assert quantities_found("7 out of 10,000 people") == [
        (7.0, "", "7"),
        (10000.0, "people", "10,000 people"),
    ]


def test_she_after_an_unnamed_spokeswoman_is_the_spokeswoman() -> None:
    # "She added" went to Margaret Ellis, named two sentences before.
    text = (
        "Its chairwoman, Margaret Ellis, said nobody had listened to residents. A council "
        "spokeswoman said the scheme met all planning requirements. She added that a new "
        "primary school would open in 2028."
    )
    assert unit_with(text, "2028").speaker == unit_with(text, "planning requirements").speaker
    assert unit_with(text, "2028").speaker != "Margaret Ellis"
    # A spokesman is no "she": the last woman named still is.
    text = (
        "Margaret Ellis said nobody had listened to residents. A council spokesman said the "
        "scheme met all planning requirements. She said the council had ignored 400 letters."
    )
    assert unit_with(text, "400 letters").speaker == "Margaret Ellis"


COLUMN = (
    "The railways need reform, not more money\n\n"
    "By Claire Dunn\n\n"
    "Every winter the same story plays out. I have commuted from Reading to London for 15 "
    "years, and I have never seen it this bad.\n\n"
    "Last year 4.2% of trains were cancelled, according to the Office of Rail and Road.\n\n"
    "We should stop pretending that nationalisation alone will fix this.\n\n"
    "Claire Dunn is a transport consultant and former Network Rail manager."
)


def test_a_column_closing_with_its_author_bio_is_written_in_the_first_person() -> None:
    # One sentence said "I" (two were needed), so its "I" was nobody's and the bio a sentence.
    unit = unit_with(COLUMN, "15 years")
    assert (unit.speaker, unit.speaker_type) == ("Claire Dunn", PERSON)
    assert unit_with(COLUMN, "nationalisation").speaker == "Claire Dunn"
    assert unit_with(COLUMN, "4.2%").speaker == "Office of Rail and Road"
    extraction = extract(read_text(COLUMN))
    assert not [s for s in extraction.sentences if "transport consultant" in s.text]
    # Without the bio, one "I" is a reporter's aside: nobody's.
    report = COLUMN.rsplit("\n\n", 1)[0]
    assert unit_with(report, "15 years").speaker == ""


def test_a_poll_for_a_newspaper_is_the_pollsters() -> None:
    # Both were unattributed: the newspaper after "for" was read as a place, and "found"
    # without "that" reported nothing.
    text = "A YouGov poll for The Times found that 31% of voters backed Labour."
    unit = unit_with(text, "31%")
    assert (unit.speaker, unit.speaker_type) == ("YouGov", ORGANIZATION)
    text = "An Ipsos survey for the BBC found 40% of people trusted the government."
    assert unit_with(text, "40%").speaker == "Ipsos"
    # "A poll by YouGov found" was unattributed too: a poll was no document with an author.
    text = "A poll by YouGov found 77% of Australians supported the ban."
    assert unit_with(text, "77%").speaker == "YouGov"
    # A finding that is no study's is no statement.
    text = "Police found the body of a man who had been missing for 12 days."
    assert unit_with(text, "12 days").speaker == ""


PASTED_PAGE = (
    "Water bills to rise by average of 36%\n\n"
    "Water bills in England and Wales will rise by an average of 36% over the next five years, "
    "the regulator Ofwat has said.\n\n"
    "The increase, worth £31 a year on average, will fund £104bn of investment.\n\n"
    "Most Read\n\n"
    "1. Man dies after being hit by bus in Leeds\n"
    "2. Snow warning issued for Scotland\n\n"
    "Ofwat chief executive David Black said the investment was vital."
)


def test_a_list_of_other_stories_under_its_heading_is_no_claim() -> None:
    # "Snow warning issued for Scotland" (0.55) was a claim, "1." and "2." sentences.
    extraction = extract(read_text(PASTED_PAGE))
    texts = [s.text for s in extraction.sentences]
    assert not [t for t in texts if "Snow warning" in t or "Man dies" in t or t in {"1.", "2."}]
    reasons = {reason for _, _, reason in extraction.boilerplate}
    assert "related-stories list" in reasons
    # The article after the list is kept.
    assert unit_with(PASTED_PAGE, "vital").speaker == "David Black"
    # A paragraph of prose after a "Related" label is the article's.
    text = "Related\n\nMinisters had promised to cap bills at £500 a year, the BBC understands."
    assert unit_with(text, "£500").text.startswith("Ministers")


def test_a_name_never_runs_over_a_line_break() -> None:
    # "Scotland" (the end of a listed headline) and "Ofwat" (the next line) were read as one
    # person's given name and surname: "the regulator Ofwat has said" became "Scotland Ofwat".
    text = (
        "Water bills will rise by 36%, the regulator Ofwat has said.\n\n"
        "Snow warning issued for Scotland\n"
        "Ofwat chief executive David Black said the investment was vital."
    )
    unit = unit_with(text, "36%")
    assert (unit.speaker, unit.speaker_type) == ("Ofwat", ORGANIZATION)


def test_two_commas_in_a_row_before_a_verb_do_not_break_extraction() -> None:
    # "Smith , , said ..." raised IndexError (an apposition with nothing between its commas):
    # the article could not be ingested. Found by feeding random word salad to extract().
    unit = unit_with("Smith , , said the plan would fail.", "plan would fail")
    assert unit.speaker == ""


def test_a_spelled_share_of_a_figure_in_digits_is_a_share() -> None:
    # "seven out of 10 people" was 10 people: the digits were read before the spelled number.
    assert quantities_found("seven out of 10 people") == [(0.7, "out of 10", "seven out of 10")]
    assert quantities_found("One in 10 adults") == [(0.1, "out of 10", "One in 10")]
    assert quantities_found("nine of the 10 biggest banks")[0][1:] == (
        "out of 10",
        "nine of the 10",
    )
    # A large figure after "of" is a count of its own.
    assert quantities_found("two of 5,000 staff") == [(5000.0, "staff", "5,000 staff")]


def test_two_titled_people_speaking_together_are_both_named() -> None:
    # "Dr Robert Laurenson and Dr Vivek Trivedi said" was Vivek Trivedi's alone: the run's
    # titles were stripped up to the last one.
    text = "Dr Robert Laurenson and Dr Vivek Trivedi said the offer was not good enough."
    unit = unit_with(text, "not good enough")
    assert (unit.speaker, unit.speaker_type) == ("Robert Laurenson and Vivek Trivedi", PERSON)
    unit = unit_with("Mr Smith and Ms Jones said the offer was too low.", "too low")
    assert (unit.speaker, unit.speaker_type) == ("Smith and Jones", PERSON)
    # An organisation's own "and" is untouched.
    text = "A Department of Health and Social Care spokesperson said the offer was fair."
    unit = unit_with(text, "was fair")
    assert unit.speaker == "Department of Health and Social Care spokesperson"


def test_according_to_a_possessive_names_its_owner() -> None:
    # All were unattributed: a possessive after "according to" was read as no name.
    for text, speaker in (
        ("Prices rose 5%, according to the BBC's analysis of official data.", "BBC"),
        (
            "Futures priced a 60% chance of a cut, according to CME Group's FedWatch tool.",
            "CME Group",
        ),
        ("Sales fell 3%, according to Kantar's latest figures.", "Kantar"),
        ("Ten people died, according to Russia's defence ministry.", "Russia's defence ministry"),
    ):
        unit = unit_with(text, "according")
        assert (unit.speaker, unit.speaker_type) == (speaker, ORGANIZATION), text
    # Someone's lawyer, unnamed, is nobody named.
    assert unit_with("Ten people died, according to John Smith's lawyer.", "lawyer").speaker == ""


def test_declaring_a_state_or_a_victory_is_no_statement() -> None:
    # "declared a state of emergency" made the governor the speaker of a narrative sentence.
    text = "California Governor Gavin Newsom declared a state of emergency."
    assert unit_with(text, "emergency").speaker == ""
    text = "Governor Gavin Newsom declared victory on Tuesday night."
    assert unit_with(text, "victory").speaker == ""
    # Declaring what is the case still reports it.
    text = "Governor Gavin Newsom declared the election was rigged."
    assert unit_with(text, "rigged").speaker == "Gavin Newsom"
    text = "Governor Gavin Newsom declared that the fires were under control."
    assert unit_with(text, "under control").speaker == "Gavin Newsom"


ENERGY = (
    "Wind turbines generated more of Britain's electricity than gas last year, according to "
    "analysis by Carbon Brief.\n\n"
    "Wind supplied 29.4% of the country's power in 2023, against 28.7% from gas, the climate "
    "website said.\n\n"
    'Energy Secretary Claire Coutinho hailed the figures as "a huge success". But Dr Simon '
    "Evans, deputy editor of Carbon Brief, said the pace of new wind farms would need to triple."
)


def test_a_workplace_after_a_role_is_an_organisation_from_the_first_sentence_on() -> None:
    # "Carbon Brief" was typed a person (two capitalised words), so "the climate website said"
    # found no organisation, and "Wind" (a one-word subject) stood beside it as a candidate.
    first = unit_with(ENERGY, "according to")
    assert (first.speaker, first.speaker_type) == ("Carbon Brief", ORGANIZATION)
    assert unit_with(ENERGY, "29.4%").speaker == "Carbon Brief"
    # "hailed ... as "..."" puts the quotation in her mouth, as "called" does.
    assert unit_with(ENERGY, "huge success").speaker == "Claire Coutinho"


def test_an_organisations_short_name_is_the_one_named_in_full_before() -> None:
    # "The Commission said" was "Commission" after "fined ... by the European Commission".
    text = (
        "Apple has been fined €1.8bn by the European Commission. The Commission said Apple had "
        "blocked cheaper offers for a decade."
    )
    unit = unit_with(text, "a decade")
    assert (unit.speaker, unit.speaker_type) == ("European Commission", ORGANIZATION)
    # Two named so: which one, the rules cannot tell.
    text = (
        "The European Commission and the Electoral Commission met on Monday. The Commission "
        "said 12 cases were open."
    )
    assert unit_with(text, "12 cases").speaker == "Commission"


def test_a_surname_after_a_personal_title_is_a_person() -> None:
    # "Mr Justice Leech", "Judge Leech", "Dr Leech" were typed organisations (only "Mr" told
    # of a person), and the company of the next sentence was then "Leech".
    text = (
        "Thames Water has been given permission to borrow £3bn.\n\n"
        'Mr Justice Leech said the loan was "the only realistic alternative". The company, '
        "which serves 16 million customers, had warned it could run out of money."
    )
    judge = unit_with(text, "realistic alternative")
    assert (judge.speaker, judge.speaker_type) == ("Leech", PERSON)
    assert unit_with(text, "16 million").speaker == "Thames Water"
    for title in ("Judge", "Dr", "Lord Justice"):
        unit = unit_with(f"{title} Singh said the appeal failed.", "appeal")
        assert (unit.speaker, unit.speaker_type) == ("Singh", PERSON), title


def test_a_name_ending_in_s_opening_its_sentence_speaks_when_the_page_names_it() -> None:
    # "Siemens said" was unattributed: a capitalised word ending in "s" opening its sentence
    # was taken for a plural ("Thousands said", "Emails show").
    text = "Siemens said the deal was worth $2bn. Shares in Siemens rose 3%."
    unit = unit_with(text, "$2bn")
    assert (unit.speaker, unit.speaker_type) == ("Siemens", ORGANIZATION)
    # A plural the page never writes as a name still speaks for nobody.
    text = "Commuters said the delays were worse than ever. Rail operators blamed strikes."
    assert unit_with(text, "worse than ever").speaker == ""


def test_a_group_at_an_organisation_speaks_in_the_plural() -> None:
    # "Economists at Goldman Sachs estimate ..." was unattributed: only "estimates" reported.
    text = "Economists at Goldman Sachs estimate the tariffs could cut US growth by 0.5 points."
    unit = unit_with(text, "0.5 points")
    assert (unit.speaker, unit.speaker_type) == ("Goldman Sachs economists", ORGANIZATION)
    text = "Experts at the Institute for Fiscal Studies predict the deficit will reach £120bn."
    assert unit_with(text, "£120bn").speaker == "Institute for Fiscal Studies experts"
    # An infinitive is no statement: the participle after it still names the speaker.
    text = (
        "Transport Secretary Chris Grayling used his speech to warn against a blanket approach, "
        'adding: "It is much easier to defend a targeted rule."'
    )
    assert unit_with(text, "targeted rule").speaker == "Chris Grayling"


def test_number_one_is_no_count() -> None:
    # "the number one mission" was a count of 1.
    assert quantities_found('Growth was "the number one mission", she said.') == []
    assert quantities_found("one person died") == [(1.0, "person", "one person")]


def test_a_quotation_in_single_quotes_is_one_unit_with_its_attribution() -> None:
    # "'We have no choice." was a unit of its own, nobody's, and the rest of the quotation
    # another: single quotes were left alone by the splitter.
    text = (
        "Headteacher Emma Ward said the school had been forced to cut 12 staff.\n\n"
        "'We have no choice. Our budget has been cut by £400,000 since 2020,' she said."
    )
    unit = unit_with(text, "no choice")
    assert unit.text.startswith("'We have no choice.") and unit.text.endswith("she said.")
    assert unit.speaker == "Emma Ward"
    left, right = "\u2018", "\u2019"  # curly single quotes
    curly = (
        f"{left}We have no choice. It{right}s over,{right} she said. {left}We lost £2m.{right} "
        "The firm closed in May."
    )
    first = f"{left}We have no choice. It{right}s over,{right} she said."
    assert unit_with(curly, "no choice").text == first
    # Apostrophes open and close nothing.
    for text, first in (
        ("The '90s were great. Prices rose 5% a year.", "The '90s were great."),
        ("Rock 'n' roll is dead. Fans disagree.", "Rock 'n' roll is dead."),
        ("The students' union said it would protest. Fees rose 9%.", "The students' union"),
    ):
        units = [s.text for s in extract(read_text(text)).sentences]
        assert units[0].startswith(first) and len(units) == 2, units


def test_they_after_two_people_who_spoke_together_is_both() -> None:
    # A guard: two people who spoke together are the "they" of the next sentence (typed people
    # since the two titles are read apart), and one person is no "they".
    text = (
        "Dr Robert Laurenson and Dr Vivek Trivedi said the offer was not good enough. In a "
        "joint statement, they said doctors were still 20% worse off."
    )
    assert unit_with(text, "20%").speaker == "Robert Laurenson and Vivek Trivedi"
    # After one person, "they" is still no person.
    text = "Dr Vivek Trivedi said the offer was poor. They said doctors were 20% worse off."
    assert unit_with(text, "20%").speaker == ""


def test_the_irish_heads_of_government_are_titles() -> None:
    # "Taoiseach Micheál Martin" was the speaker's whole name.
    text = "Taoiseach Micheál Martin said 1,200 extra gardaí would be recruited in 2025."
    assert unit_with(text, "1,200").speaker == "Micheál Martin"
    text = "Tánaiste Simon Harris said the budget would rise by €2bn."
    assert unit_with(text, "€2bn").speaker == "Simon Harris"


def test_a_forecast_is_its_bodys_and_nobody_is_no_speaker() -> None:
    # "The Bank of England ... expects inflation to peak at 3.7%" was unattributed; "Nobody
    # said ...", "Someone told police ..." had "Nobody" and "Someone" as speakers, of no type.
    text = (
        "The Bank of England, which cut rates to 4.5% this month, expects inflation to peak at "
        "3.7% in the summer."
    )
    assert unit_with(text, "3.7%").speaker == "Bank of England"
    assert unit_with("The IMF forecasts growth of 1.1% this year.", "1.1%").speaker == "IMF"
    assert unit_with("The deal is expected to close in March.", "March").speaker == ""
    for text in ("Nobody said prices would fall.", "Someone told police the car was stolen."):
        assert unit_with(text, " ").speaker == "", text


FACT_CHECK = (
    "A video shared on Facebook claims to show Dubai airport under water. But the footage was "
    "filmed in 2019 at an airport in China, AFP Fact Check found.\n\n"
    "A reverse image search led to a YouTube video uploaded on 12 July 2019. The airport's "
    "operator confirmed to AFP that the footage showed Terminal 2."
)


def test_a_fact_checker_closing_its_finding_and_an_owned_description() -> None:
    # "..., AFP Fact Check found." was unattributed (a finding was read only with "that"), and
    # "The airport's operator confirmed" went to YouTube, the business named last.
    assert unit_with(FACT_CHECK, "filmed in 2019").speaker == "AFP Fact Check"
    assert unit_with(FACT_CHECK, "Terminal 2").speaker == "The airport's operator"
    text = "The vaccine cut deaths by 30%, a study by Oxford University found."
    assert unit_with(text, "30%").speaker == "Oxford University"


def test_according_to_a_group_at_an_organisation() -> None:
    # "according to analysts at Anderson Economic Group" was unattributed.
    text = "Boeing lost $100m a day, according to analysts at Anderson Economic Group."
    unit = unit_with(text, "$100m")
    assert (unit.speaker, unit.speaker_type) == ("Anderson Economic Group analysts", ORGANIZATION)
    # Analysts of nowhere named are nobody's.
    assert unit_with("Boeing lost $100m a day, according to analysts.", "$100m").speaker == ""


def test_a_name_before_the_noun_that_says_what_it_is() -> None:
    # "the Aslef union has announced" was "the Aslef union", as written.
    text = "Train drivers will walk out on 3 October over pay, the Aslef union has announced."
    unit = unit_with(text, "3 October")
    assert (unit.speaker, unit.speaker_type) == ("Aslef", ORGANIZATION)
    text = "The attack was carried out by 40 fighters, the Wagner group said."
    assert unit_with(text, "40 fighters").speaker == "Wagner"
    # A nationality or a common word describes: the words stay as written.
    text = "Workers will strike for 48 hours, the national union said."
    assert unit_with(text, "48 hours").speaker == "the national union"


def test_a_section_number_and_the_authority() -> None:
    # "a section 114 notice" counted 114; "The Labour-run authority ... said" stayed as
    # written after "Birmingham City Council".
    text = (
        "Birmingham City Council has issued a section 114 notice over claims of £760m. The "
        "Labour-run authority, the largest local council in Europe, said it could not pay."
    )
    assert quantities_found("Birmingham City Council has issued a section 114 notice.") == []
    assert unit_with(text, "could not pay").speaker == "Birmingham City Council"
    assert quantities_found("in 5 sections") == [(5.0, "sections", "5 sections")]
    # A storm's category is a label too ("as a category 3 storm" counted 3).
    assert quantities_found("It hit land as a category 3 storm with winds of 120mph.") == [
        (120.0, "mph", "120mph")
    ]


def test_the_discounter_and_the_grocer_are_businesses() -> None:
    # "..., the discounter said on Monday." was unattributed.
    text = "Aldi has cut the prices of more than 500 products, the discounter said on Monday."
    unit = unit_with(text, "500 products")
    assert (unit.speaker, unit.speaker_type) == ("Aldi", ORGANIZATION)
    text = "Tesco has cut 1,000 prices. The grocer said inflation had eased."
    assert unit_with(text, "inflation had eased").speaker == "Tesco"


def test_initials_introduced_in_brackets_are_the_name() -> None:
    # "The RCN said" was "RCN" after "the Royal College of Nursing (RCN) said".
    text = (
        "Nurses have accepted a 3.6% pay rise, the Royal College of Nursing (RCN) said. The RCN "
        "said 62% of members had backed the deal."
    )
    unit = unit_with(text, "62%")
    assert (unit.speaker, unit.speaker_type) == ("Royal College of Nursing", ORGANIZATION)
    # Initials that are not the name's stay as written.
    text = "The National Union of Teachers (XYZ) met. The XYZ said 40% had voted."
    assert unit_with(text, "40%").speaker == "XYZ"
