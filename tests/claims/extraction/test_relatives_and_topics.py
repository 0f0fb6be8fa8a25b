"""Found by reading short articles written for the tests in the styles of quarterly results,
product recalls, rail strikes, climate bulletins, US disaster copy and headlines labelled by
topic (2026-12-06, session 24): a subject before a relative clause that holds commas, a union
or a carmaker named again by its noun, and a headline's topic before a colon, which names
nobody."""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, PERSON, extract, read_text
from tests.claims.extraction_helpers import unit_with


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # Each was the start of a longer name further down: "Copernicus Climate", "Education
        # Secretary", "Canaveral Space", all typed people.
        (
            "Climate: Global temperatures hit record for 16th month\n\n"
            "Temperatures were 1.65C above pre-industrial levels, the EU's Copernicus Climate "
            "Change Service said.",
            "Climate:",
        ),
        (
            "Education: One in four pupils persistently absent, figures show\n\n"
            "Education Secretary Bridget Phillipson said the figures were a stark reminder.",
            "Education:",
        ),
        (
            "Space: SpaceX launches 23 Starlink satellites from Florida\n\n"
            "SpaceX launched 23 satellites from Cape Canaveral Space Force Station on Tuesday.",
            "Space:",
        ),
    ],
)
def test_a_headlines_topic_is_no_speaker(text: str, fragment: str) -> None:
    assert unit_with(text, fragment).speaker == ""


def test_a_colon_speaker_written_in_full_still_speaks() -> None:
    text = (
        "Reeves: We will not raise taxes on working people\n\n"
        "Chancellor Rachel Reeves said the budget would raise £40bn."
    )
    assert unit_with(text, "Reeves:").speaker == "Rachel Reeves"


def test_a_one_word_name_is_not_completed_by_a_longer_name() -> None:
    text = (
        "Sea temperatures set a record, the EU's Copernicus Climate Change Service said.\n\n"
        "Copernicus, which uses billions of measurements from satellites, ships and weather "
        "stations, said 2024 would be the warmest year."
    )
    sentence = unit_with(text, "warmest year")
    # Was "Copernicus Climate", a person, and before that no speaker at all.
    assert (sentence.speaker, sentence.speaker_type) == ("Copernicus", ORGANIZATION)


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # The commas of a list inside the clause hid the subject (no speaker).
        (
            "Extinction Rebellion, which has groups in London, Bristol and Leeds, said 400 "
            "people had joined.",
            "400 people",
            "Extinction Rebellion",
        ),
        (
            "Unilever reported sales growth of 4.2% on Thursday. The company, which makes "
            "Dove soap, Hellmann's mayonnaise and Magnum ice cream, said it expected growth "
            "of 3% to 5%.",
            "3% to 5%",
            "Unilever",
        ),
    ],
)
def test_the_subject_before_a_relative_clause_with_commas_speaks(
    text: str, fragment: str, speaker: str
) -> None:
    assert unit_with(text, fragment).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Train drivers will strike, the Aslef union announced on Monday. The union said 96% "
        "of its members had voted for action.",
        "Train drivers will strike, the Aslef union announced on Monday. The union, which "
        "represents 96% of drivers, said its members had voted for action.",
    ],
)
def test_the_union_is_the_union_named_before_its_noun(text: str) -> None:
    assert unit_with(text, "voted for action").speaker == "Aslef"


def test_the_un_agency_is_no_un() -> None:
    text = (
        "The World Health Organization warned that cholera cases doubled in 2022. The UN "
        "agency said 30 countries had reported outbreaks. The agency said 4,000 had died."
    )
    assert unit_with(text, "4,000").speaker == "World Health Organization"


@pytest.mark.parametrize(
    "text",
    [
        # "Ford Motor Co" was a person ("Ford Motor"), so the automaker found no business.
        "Ford Motor Co is recalling about 240,000 Explorer SUVs. The automaker said it was "
        "not aware of any of 12 reported accidents.",
        # And the agency's acronym was taken for a business ("NHTSA"): the automaker was it.
        "Ford Motor Co is recalling about 240,000 Explorer SUVs, the National Highway Traffic "
        "Safety Administration (NHTSA) said on Friday.\n\nThe automaker said it was not aware "
        "of any of 12 reported accidents.",
    ],
)
def test_the_automaker_is_the_carmaker_not_the_regulator(text: str) -> None:
    sentence = unit_with(text, "12 reported accidents")
    assert (sentence.speaker, sentence.speaker_type) == ("Ford Motor Co", ORGANIZATION)


def test_a_public_bodys_acronym_is_no_business() -> None:
    text = (
        "About 240,000 SUVs are being recalled, the National Highway Traffic Safety "
        "Administration (NHTSA) said on Friday. NHTSA opened an inquiry into 14 crashes in "
        "2023. The automaker said it was not aware of any injuries in 12 states."
    )
    assert unit_with(text, "12 states").speaker == ""  # no carmaker named: nobody


def test_the_company_is_the_business_that_spoke_not_an_analysts_employer() -> None:
    text = (
        "Unilever said sales rose 4.2%. Chief executive Hein Schumacher said the company was "
        'on track.\n\nShares rose 3%. "This is a solid set of numbers," said Russ Mould, '
        "investment director at AJ Bell.\n\nThe company said it expected growth of 3% to 5%."
    )
    # Nobody before: AJ Bell, named in passing, kept Unilever out.
    assert unit_with(text, "3% to 5%").speaker == "Unilever"


def test_a_topic_before_a_colon_is_no_business_named() -> None:
    text = (
        "Transport: Eurostar to add 50 trains by 2030\n\n"
        "Eurostar plans to increase its fleet by up to 50 trains, the cross-Channel operator "
        "said on Monday.\n\nThe company, which carried 19.5 million passengers last year, said "
        "it would spend €2 billion."
    )
    # Both were "Transport", an organisation the headline's label made up.
    assert unit_with(text, "up to 50 trains").speaker == "Eurostar"
    assert unit_with(text, "€2 billion").speaker == "Eurostar"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # Typed a person.
        (
            "Ice could cover Mars in an ocean 2.7 metres deep, according to a study published "
            "in Geophysical Research Letters.",
            "2.7 metres",
            "Geophysical Research Letters",
        ),
        ("Cal Fire said winds gusting up to 80 mph were driving the flames.", "80 mph", "Cal Fire"),
    ],
)
def test_a_journal_and_a_fire_service_are_organisations(
    text: str, fragment: str, speaker: str
) -> None:
    sentence = unit_with(text, fragment)
    assert (sentence.speaker, sentence.speaker_type) == (speaker, ORGANIZATION)


def test_a_places_body_opening_a_sentence_is_written_without_the() -> None:
    text = "The Gaza health ministry says more than 43,000 Palestinians have been killed."
    # Was "The Gaza health ministry"; "according to the Gaza health ministry" gave the name
    # without "the" already.
    assert unit_with(text, "43,000").speaker == "Gaza health ministry"


def test_a_description_opening_a_sentence_keeps_the() -> None:
    text = (
        "Microsoft and Sony said 40 games were affected. The Japanese company said it would appeal."
    )
    # Was "Microsoft and Sony": two companies, never "the Japanese company".
    assert unit_with(text, "appeal").speaker == "The Japanese company"


def test_a_country_before_a_colon_is_a_topic() -> None:
    text = (
        "Malaysia: Ringgit hits 3-year high as foreign funds return\n\n"
        "Bank Negara Malaysia governor Abdul Rasheed Ghaffour said the ringgit was undervalued."
    )
    # Was "Negara Malaysia", a person read off the central bank's name.
    assert unit_with(text, "Malaysia:").speaker == ""


def test_a_colon_speaker_after_a_title_still_speaks() -> None:
    text = (
        "Starmer: We will build 1.5 million homes\n\n"
        "Prime Minister Keir Starmer said the plan would be funded."
    )
    assert unit_with(text, "Starmer:").speaker == "Keir Starmer"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Irish and British titles that name the portfolio after "for" (no speaker was found).
        (
            "Minister for Housing Darragh O'Brien said the Government remained committed to "
            "its target of 33,000 homes a year.",
            "Darragh O'Brien",
        ),
        (
            "Secretary of State for Business Jonathan Reynolds said 33,000 jobs were at risk.",
            "Jonathan Reynolds",
        ),
        ("Minister for Children Norma Foley said 33,000 places were funded.", "Norma Foley"),
    ],
)
def test_a_title_naming_its_portfolio_after_for(text: str, speaker: str) -> None:
    assert unit_with(text, "33,000").speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Sir Keir Starmer thanked her for her service, writing that she had achieved 12 reforms.",
        "Elon Musk replied within minutes, posting on X that 12 reforms had failed.",
    ],
)
def test_writing_that_is_the_subjects_statement(text: str) -> None:
    # No speaker before: only "saying", "arguing" and the like were read so.
    assert unit_with(text, "12 reforms").speaker in {"Keir Starmer", "Elon Musk"}


def test_writing_without_that_is_no_statement() -> None:
    text = "Sir Keir Starmer spent the weekend writing, and 12 reforms were announced on Monday."
    assert unit_with(text, "12 reforms").speaker == ""


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Water bills to rise by 36% over five years, regulator says\n\n"
            "Bills will rise by an average of 36%, the industry regulator Ofwat has said.",
            "Ofwat",
        ),
        (
            "Man charged after teenager stabbed in Leeds, police say\n\n"
            "A 34-year-old man has been charged, West Yorkshire Police said.",
            "West Yorkshire Police",
        ),
        (
            "Pay deal rejected by 80% of members, union says\n\n"
            "Drivers rejected the offer by 80%, the Aslef union said on Monday.",
            "Aslef",
        ),
        (
            "Profits to fall by 20%, company warns\n\n"
            "Profits will fall by 20% this year, Acme Holdings said.",
            "Acme Holdings",
        ),
    ],
)
def test_a_headlines_source_by_its_noun_is_the_body_named_under_it(text: str, speaker: str) -> None:
    # The headlines had no speaker: the noun alone names nobody until the body does.
    headline = text.split("\n", 1)[0]
    assert unit_with(text, headline).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        # A study is no organisation; and a regulator the body never names stays unnamed.
        "Inflation to fall to 2%, study finds\n\nInflation will fall to 2%, a study found.",
        "Bills to rise by 36%, regulator says\n\nBills will rise by 36% from April.",
    ],
)
def test_a_headlines_noun_with_no_body_under_it_names_nobody(text: str) -> None:
    assert unit_with(text, text.split("\n", 1)[0]).speaker == ""


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The place after the organisation hid it (no speaker).
        (
            "Semaglutide lowered the risk of 42 conditions, researchers at Washington "
            "University in St Louis reported in Nature Medicine.",
            "Washington University researchers",
        ),
        (
            "Aid for 42 conditions is running out, officials with the Red Cross in Gaza said.",
            "Red Cross officials",
        ),
    ],
)
def test_a_group_at_an_organisation_in_a_place(text: str, speaker: str) -> None:
    assert unit_with(text, "42 conditions").speaker == speaker


def test_a_role_for_a_place_in_a_place_is_no_speaker_found() -> None:
    text = "The MP for Newcastle Central in Tyneside said 12 schools closed."
    assert unit_with(text, "12 schools").speaker == ""


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # Was Anderson Economic Group, the last business to speak.
        (
            "The strike cost Boeing about $5 billion, according to estimates by Anderson "
            "Economic Group. The planemaker reported a $6.2 billion loss in the quarter.",
            "$6.2 billion",
            "Boeing",
        ),
        (
            "Nvidia said its revenue had doubled. Its shares have risen 190%, according to "
            "Wedbush Securities. The chipmaker said demand was strong in 12 markets.",
            "12 markets",
            "Nvidia",
        ),
    ],
)
def test_a_sector_noun_is_no_analyst_firm(text: str, fragment: str, speaker: str) -> None:
    assert unit_with(text, fragment).speaker == speaker


def test_the_company_may_still_be_a_consultancy() -> None:
    text = (
        "Inflation will peak at 3.7%, Capital Economics said on Monday. The company said "
        "rates would fall to 12 year lows."
    )
    assert unit_with(text, "12 year").speaker == "Capital Economics"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # No speaker before: the union was named in full in the same sentence.
        (
            "Some 59% of members of the International Association of Machinists and Aerospace "
            "Workers voted in favour of the deal, the union said.",
            "International Association of Machinists and Aerospace Workers",
        ),
        (
            "Members of the National Education Union voted to strike by 59%, the union said.",
            "National Education Union",
        ),
        ("The European Union fined Apple. The union said 59% of states agreed.", "European Union"),
    ],
)
def test_the_union_is_a_union_named_in_full(text: str, speaker: str) -> None:
    assert unit_with(text, "59%").speaker == speaker


def test_workers_of_a_company_are_no_union() -> None:
    assert (
        unit_with("Boeing workers voted to strike. The union said 59% backed it.", "59%").speaker
        == ""
    )


def test_initials_before_a_colon_are_the_body_the_page_spells_out() -> None:
    text = (
        "11:20 OBR: growth to slow to 1.1% next year\n\n"
        "The Office for Budget Responsibility said growth would slow to 1.1% in 2025."
    )
    # Was nobody: a label in capitals was taken for "UPDATE:" or "WATCH:".
    assert unit_with(text, "OBR:").speaker == "Office for Budget Responsibility"


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: growth to slow to 1.1% next year\n\nGrowth will slow, the Bank of England said.",
        "UK: inflation falls to 1.7% in September\n\nPrices in the United Kingdom rose 1.7%.",
    ],
)
def test_a_label_or_a_country_in_capitals_names_nobody(text: str) -> None:
    assert unit_with(text, text.split("\n", 1)[0]).speaker == ""


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Was "Insurance": "claims" read as a verb of saying.
        (
            "Insurance claims could reach €3.5bn, according to the Insurance Compensation "
            "Consortium.",
            "Insurance Compensation Consortium",
        ),
        ("Asylum claims have risen to €3.5bn, the Home Office said.", "Home Office"),
        ("Smith claims €3.5bn was lost.", "Smith"),
    ],
)
def test_a_plural_noun_before_its_verb_is_no_verb_of_saying(text: str, speaker: str) -> None:
    assert unit_with(text, "€3.5bn").speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Nobody before: only "released by", "published by" right after the noun were read.
        (
            "The figures, which were published by the ONS on Tuesday, show that 1.5 million "
            "people are out of work.",
            "ONS",
        ),
        # An unnamed source of a named body speaks for it, as its spokesman does.
        (
            "Asked about it, a Treasury source told the Guardian that 1.5 million jobs would go.",
            "Treasury source",
        ),
        ("A source close to the minister said 1.5 million jobs would go.", ""),
    ],
)
def test_figures_published_by_and_a_bodys_source(text: str, speaker: str) -> None:
    assert unit_with(text, "1.5 million").speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # Was "Forecaster Alex Burkill": the role read as a given name.
        ("Forecaster Alex Burkill said up to 80mm of rain could fall.", "Alex Burkill", PERSON),
        # Was a person.
        (
            "Natural Resources Wales said 80mm of rain had fallen.",
            "Natural Resources Wales",
            ORGANIZATION,
        ),
        # "The forecaster" is still the body named before.
        (
            "The Met Office issued a warning for 12 counties. The forecaster said 80mm of rain "
            "could fall.",
            "Met Office",
            ORGANIZATION,
        ),
    ],
)
def test_a_forecaster_by_role_and_a_body_of_resources(text: str, speaker: str, kind: str) -> None:
    sentence = unit_with(text, "80mm")
    assert (sentence.speaker, sentence.speaker_type) == (speaker, kind)


def test_the_paper_is_the_newspaper_named_before() -> None:
    text = (
        'North Korea\'s official newspaper attacked the drill. "It is an act of invasion," the '
        "Rodong Sinmun said. The paper said 12 units had taken part."
    )
    sentence = unit_with(text, "12 units")
    # Was nobody; and "Rodong Sinmun" was a person ("Sinmun" is Korean for newspaper).
    assert (sentence.speaker, sentence.speaker_type) == ("Rodong Sinmun", ORGANIZATION)


def test_a_scientific_paper_is_no_newspaper() -> None:
    text = (
        "A study published in Nature found 20% of reefs bleached. The paper said 12 sites were "
        "lost."
    )
    assert unit_with(text, "12 sites").speaker == ""


@pytest.mark.parametrize("line", ["kokobj@yna.co.kr", "(END)"])
def test_a_wires_address_and_end_mark_are_no_claims(line: str) -> None:
    text = f"North Korea said 12 units had taken part in the drill on Tuesday.\n\n{line}\n"
    assert [s.text for s in extract(read_text(text)).sentences] == [
        "North Korea said 12 units had taken part in the drill on Tuesday."
    ]


def test_a_business_between_commas_after_its_noun_is_one_whatever_its_first_word() -> None:
    text = (
        "The developer, Taylor Wimpey, said it would contribute £25m to a new school.\n\n"
        "The housebuilder said 1,200 homes would be started in 2026."
    )
    first = unit_with(text, "£25m")
    # Was a person ("Taylor" is a given name), and the housebuilder the residents' group
    # named before it.
    assert (first.speaker, first.speaker_type) == ("Taylor Wimpey", ORGANIZATION)
    assert unit_with(text, "1,200 homes").speaker == "Taylor Wimpey"


def test_a_founder_between_commas_is_still_a_person() -> None:
    sentence = unit_with("The company's founder, Jane Doe, said 12 staff left.", "12 staff")
    assert (sentence.speaker, sentence.speaker_type) == ("Jane Doe", PERSON)


@pytest.mark.parametrize(
    "text",
    [
        # Was Keir Starmer, the subject: the text never says which of the two is president.
        "Keir Starmer met Emmanuel Macron in Paris on Friday. The French president said 10,000 "
        "troops were ready. He added that Europe must act.",
        # Was Emmanuel Macron.
        "Emmanuel Macron met Keir Starmer in Paris on Friday. The prime minister said 10,000 "
        "troops were ready. He added that Europe must act.",
    ],
)
def test_a_role_two_people_of_the_sentence_before_could_hold_is_nobodys(text: str) -> None:
    assert unit_with(text, "10,000").speaker == ""
    assert unit_with(text, "He added").speaker == ""


def test_a_role_one_of_two_holds_is_theirs() -> None:
    text = (
        "Prime Minister Keir Starmer met Emmanuel Macron in Paris on Friday. The prime minister "
        "said 10,000 troops were ready."
    )
    assert unit_with(text, "10,000").speaker == "Keir Starmer"


def test_a_save_button_pasted_with_the_page_is_no_sentence() -> None:
    text = (
        "Train fares to rise by 4.6% in March\n\nShare\nSave\n\n"
        "Rail fares in England will rise by 4.6% from 2 March, the government has announced."
    )
    # "Save" (a BBC page's button under "Share") was a unit of its own.
    assert "Save" not in [s.text for s in extract(read_text(text)).sentences]


def test_a_standfirsts_role_is_the_person_the_body_calls_so() -> None:
    text = (
        "Heathrow third runway: Reeves backs expansion\n\n"
        "Chancellor says airport expansion will boost growth by £70bn\n\n"
        "Rachel Reeves has backed a third runway at Heathrow.\n\n"
        "The chancellor said she expected the runway to open within a decade."
    )
    # Was "Chancellor", a role nobody held.
    assert unit_with(text, "£70bn").speaker == "Rachel Reeves"


def test_a_standfirsts_role_is_not_whoever_speaks_of_it() -> None:
    text = (
        "Chancellor says airport expansion will boost growth by £70bn\n\n"
        "The chancellor's plan is reckless, said shadow chancellor Mel Stride."
    )
    assert unit_with(text, "£70bn").speaker == "Chancellor"


def test_a_topic_list_under_explore_more_is_no_text() -> None:
    text = (
        "Rachel Reeves has backed a third runway at Heathrow, saying it could add £70bn.\n\n"
        "Explore more on these topics\nHeathrow airport\nRachel Reeves\nShare\n"
    )
    # "Heathrow airport" and "Rachel Reeves" (a Guardian page's topic tags) were units.
    assert [s.text for s in extract(read_text(text)).sentences] == [
        "Rachel Reeves has backed a third runway at Heathrow, saying it could add £70bn."
    ]


def test_a_byline_without_by_is_the_author() -> None:
    text = (
        "Heathrow third runway: Reeves backs expansion\n\n"
        "Pippa Crerar Political editor\n\n"
        "Rachel Reeves has backed a third runway at Heathrow, saying it could add £70bn."
    )
    document = read_text(text)
    # The line was a unit of the article, and the article had no author.
    assert document.author == "Pippa Crerar"
    assert "Pippa Crerar Political editor" not in [s.text for s in extract(document).sentences]


@pytest.mark.parametrize("line", ["Financial Times reporter", "Home Office correspondent"])
def test_an_outlets_or_a_bodys_role_line_names_no_author(line: str) -> None:
    assert read_text(f"{line}\n\nRachel Reeves backed a third runway at Heathrow.").author == ""


def test_a_relative_that_after_the_verbs_object_reports_nothing() -> None:
    text = (
        "Israel and Hamas have agreed a ceasefire deal that will free 33 hostages, mediators "
        "said on Wednesday."
    )
    # Was "Israel and Hamas": "agreed ... that" read as a clause they reported.
    assert unit_with(text, "33 hostages").speaker == ""


def test_a_verb_then_that_still_reports() -> None:
    text = "Judge Sean Jordan ruled on Tuesday that 33 hostages had been held unlawfully."
    assert unit_with(text, "33 hostages").speaker == "Sean Jordan"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Was "Israeli", an organisation.
        ("About 1,200 people were killed, according to Israeli tallies.", ""),
        (
            "About 1,200 people were killed, according to Israel's health ministry.",
            "Israel's health ministry",
        ),
    ],
)
def test_a_nationality_before_a_noun_is_no_source(text: str, speaker: str) -> None:
    assert unit_with(text, "1,200").speaker == speaker


def test_a_described_business_is_the_one_its_sentence_opens_with() -> None:
    text = (
        "Chinese EV maker BYD overtakes Tesla in annual sales\n\n"
        "BYD delivered 4.27 million vehicles in 2024, more than double Tesla's 1.79 million, "
        "the Chinese carmaker said on Wednesday."
    )
    # Was "the Chinese carmaker": two businesses around.
    assert unit_with(text, "4.27 million").speaker == "BYD"


def test_a_common_noun_opening_the_sentence_is_no_described_business() -> None:
    text = (
        "Unilever reported growth on Thursday.\n\nTurnover dropped 1.5% to €15.1 billion, the "
        "consumer goods group said on Thursday."
    )
    assert unit_with(text, "€15.1 billion").speaker != "Turnover"


def test_a_source_named_before_its_estimates_is_an_organisation() -> None:
    text = "The figure is up from $50 billion last year, according to Visible Alpha estimates."
    sentence = unit_with(text, "$50 billion")
    # Was typed a person (two capitalised words).
    assert (sentence.speaker, sentence.speaker_type) == ("Visible Alpha", ORGANIZATION)
