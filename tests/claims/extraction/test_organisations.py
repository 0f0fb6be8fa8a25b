"""An organisation named once and then described ("the iPhone maker", "the Oslo-based group",
"the UN agency", "The agency", "A spokesperson", "a statement") is who the description speaks
for (claims.extraction.organisations); so is a person introduced with a title ("The Prime
Minister said"). Articles written for the tests."""

from __future__ import annotations

from claims.extraction import ORGANIZATION, PERSON, extract, read_text
from tests.claims.extraction_helpers import speaker_of, unit_with

BUSINESS = (
    "Shares in Halvorsen Foods fell 12% on Thursday after the company cut its profit forecast "
    "for the second time this year.\n\n"
    "The Oslo-based group said sales in its frozen division dropped 8% in the third quarter, "
    "blaming higher energy prices and weaker demand in Germany."
)


def test_a_described_business_is_the_business_named_before() -> None:
    # It was "The Oslo-based group", a description where the desk wants a name.
    unit = unit_with(BUSINESS, "frozen division")
    assert (unit.speaker, unit.speaker_type) == ("Halvorsen Foods", ORGANIZATION)


def test_a_country_named_in_the_sentence_is_no_business() -> None:
    text = BUSINESS + " The group said it would close two factories in Sweden by 2025."
    assert speaker_of(text, "two factories") == "Halvorsen Foods"


def test_brand_descriptions_refer_to_the_brand() -> None:
    text = (
        "Apple will pay $490 million to settle a lawsuit accusing its chief executive of "
        "misleading shareholders, according to a court filing.\n\n"
        "The tech giant said in a statement that it had done nothing wrong. The iPhone maker "
        "said the settlement covered 2018 and 2019."
    )
    assert speaker_of(text, "done nothing wrong") == "Apple"
    assert speaker_of(text, "settlement covered") == "Apple"


def test_an_organisation_introduced_with_a_noun_is_what_the_noun_means_later() -> None:
    agency = (
        "Turkey's disaster agency, AFAD, said at least 1,541 people had been killed.\n\n"
        "President Recep Tayyip Erdogan declared seven days of national mourning.\n\n"
        "The agency said more than 9,000 people had been rescued from the rubble."
    )
    # It was unattributed: "the agency" looked for a public body by the words of its name.
    assert speaker_of(agency, "9,000 people") == "AFAD"
    supplier = (
        "Nordvik Steelworks, the Norwegian supplier, delivered 400 tonnes of steel in March.\n\n"
        "The supplier said the beams met every standard."
    )
    assert speaker_of(supplier, "beams met") == "Nordvik Steelworks"


def test_the_un_agency_is_the_un_body_named_before() -> None:
    text = (
        "The World Health Organization has warned that cholera cases more than doubled in "
        "2022. In a statement on Monday, the UN agency said 30 countries had reported outbreaks."
    )
    assert speaker_of(text, "30 countries") == "World Health Organization"


def test_a_description_that_matches_no_organisation_stays_as_written() -> None:
    text = "In Syria, the health ministry said 538 people had died in government-held areas."
    assert speaker_of(text, "538 people") == "the health ministry"
    # an agency is never a business: with only a business named, nobody
    business = "Acme Holdings sold its stake in 2020.\n\nThe agency said the sale was legal."
    assert speaker_of(business, "sale was legal") == ""


def test_the_one_word_organisation_speaks_through_its_spokesperson() -> None:
    text = (
        "The Met said officers found a man with serious injuries. A spokesperson said no "
        "arrests had been made."
    )
    # "Met" was typed an organisation only page-wide, after the speakers were read, so the
    # spokesperson was nobody's.
    met = unit_with(text, "serious injuries")
    assert (met.speaker, met.speaker_type) == ("Met", ORGANIZATION)
    spokesperson = unit_with(text, "no arrests")
    # an unnamed spokesperson speaks for the organisation, as "Home Office spokesman" does
    assert (spokesperson.speaker, spokesperson.speaker_type) == ("Met spokesperson", ORGANIZATION)


def test_the_statement_is_the_organisation_that_just_spoke() -> None:
    text = 'Apple said it was surprised by the ruling. "We will appeal," a statement said.'
    assert speaker_of(text, "We will appeal") == "Apple"
    nobody = 'The hearing ended at noon. "We will appeal," a statement said.'
    assert speaker_of(nobody, "We will appeal") == ""


def test_a_title_refers_back_to_whoever_was_introduced_with_it_whole() -> None:
    text = (
        "Prime Minister Boris Johnson met Foreign Minister Sergei Lavrov in Moscow on Tuesday. "
        "The Prime Minister said the talks had been frank.\n\n"
        "The Foreign Minister said Russia had no plans to send troops."
    )
    talks = unit_with(text, "talks had been frank")
    assert (talks.speaker, talks.speaker_type) == ("Boris Johnson", PERSON)
    assert speaker_of(text, "no plans") == "Sergei Lavrov"
    judge = "Judge Maria Lopez adjourned the case. The Judge said a new date would be set."
    assert speaker_of(judge, "new date") == "Maria Lopez"
    # A title nobody was introduced with is still no name.
    alone = "The Prime Minister said the economy grew 2% last year."
    assert speaker_of(alone, "economy grew") == ""


def test_a_description_two_businesses_could_fit_stays_a_description() -> None:
    text = (
        "Brad Smith, Microsoft's president, said the company had offered 10-year licences.\n\n"
        "Sony, which makes the PlayStation, has opposed the deal. The Japanese company told "
        "regulators that the promises were inadequate."
    )
    # Never "PlayStation" (the last brand named) nor Microsoft: the rules cannot tell which
    # business "The Japanese company" is, so the description stays.
    assert speaker_of(text, "promises were inadequate") == "The Japanese company"


def test_according_to_a_described_organisation_is_that_description() -> None:
    text = "About 3,000 people were infected, according to the health department."
    # It was "health": the lower-case words read as a name.
    unit = unit_with(text, "3,000 people")
    assert (unit.speaker, unit.speaker_type) == ("the health department", ORGANIZATION)
    figures = "About 3,000, according to the latest figures from the health department."
    assert speaker_of(figures, "About 3,000") == "the health department"
    nothing = "About 3,000 people were infected, according to the latest estimates."
    assert speaker_of(nothing, "3,000 people") == ""


def test_an_air_force_speaks_like_a_ministry() -> None:
    text = (
        "Russian forces launched 32 drones at Kyiv overnight, Ukraine's air force said. "
        "It said 28 were shot down."
    )
    # Both were unattributed: "force" was no organisation noun.
    first = unit_with(text, "32 drones")
    assert (first.speaker, first.speaker_type) == ("Ukraine's air force", ORGANIZATION)
    assert speaker_of(text, "28 were shot down") == "Ukraine's air force"


def test_the_department_is_the_department_named_in_passing() -> None:
    text = (
        "The government's Department for Transport is providing £30 million of the funding. "
        'A spokesman for the department said the scheme offered "excellent value for money".'
    )
    # It was unattributed: the department was named, but neither spoke nor was a subject.
    assert speaker_of(text, "excellent value") == "Department for Transport"
    far = (
        "The line is funded by the Department for Transport.\n\nIt opens in 2027.\n\n"
        "Trams will run every six minutes.\n\nThe department said it was good value."
    )
    assert speaker_of(far, "good value") == ""  # three paragraphs on: too far to refer back


def test_a_club_is_an_organisation_and_the_club_it_speaks_for() -> None:
    sacked = (
        "Manchester United have sacked their manager after a poor start to the season, the club "
        "announced on Monday."
    )
    # It was unattributed: "Manchester United" read as a person's name, so no business.
    unit = unit_with(sacked, "sacked their manager")
    assert (unit.speaker, unit.speaker_type) == ("Manchester United", ORGANIZATION)
    charged = (
        "Manchester City have been charged with more than 100 breaches of financial rules.\n\n"
        'City said they were "surprised" by the charges. "The club has a comprehensive body of '
        'evidence," a statement said.'
    )
    # "City" was typed a person, and the statement was nobody's.
    city = unit_with(charged, "surprised")
    assert (city.speaker, city.speaker_type) == ("Manchester City", ORGANIZATION)
    assert speaker_of(charged, "comprehensive body") == "Manchester City"


def test_the_fund_and_the_office_refer_back() -> None:
    text = (
        "The International Monetary Fund, which publishes its forecasts next week, has been more "
        "optimistic. The fund said in January that the global economy would grow 3.1%.\n\n"
        "Germany's statistics office Destatis said industrial output fell 1.6% in December. "
        "The figures were worse than expected, the office said."
    )
    # Both were unattributed: "fund" was no organisation noun, "office" introduced no name.
    assert speaker_of(text, "grow 3.1%") == "International Monetary Fund"
    assert speaker_of(text, "worse than expected") == "Destatis"
    # a lower-case word after the noun is no name ("One fund manager ... the fund said")
    manager = (
        "One fund manager said investors had lost patience. A spokeswoman for the fund said "
        "its stake was 9.8%."
    )
    assert speaker_of(manager, "stake was 9.8%") == ""


def test_a_report_by_an_organisation_speaks_for_it() -> None:
    closing = (
        "The housing scheme has delivered 2,000 of the 300,000 homes it promised, a report by "
        "the National Audit Office (NAO) has found.\n\n"
        'The spending watchdog said the department had "no credible plan".'
    )
    # Both were unattributed (and the watchdog then typed nothing).
    first = unit_with(closing, "2,000 of the 300,000")
    assert (first.speaker, first.speaker_type) == ("National Audit Office", ORGANIZATION)
    assert speaker_of(closing, "no credible plan") == "National Audit Office"
    opening = "A new study from Oxford University has found that coffee lowers the risk by 15%."
    assert speaker_of(opening, "coffee lowers") == "Oxford University"
    # a clause after the report is another statement; a speaker before it is the speaker
    assert speaker_of("Rents rose 9%, a survey by Rightmove found, though prices fell.", "9%") == ""
    assert speaker_of("Jane Doe said a report by the NAO found that 2,000 were built.", "NAO") == (
        "Jane Doe"
    )


def test_according_to_a_dated_study_names_its_author() -> None:
    text = "The virus survives above 60C, according to a 2020 study by the University of Hong Kong."
    assert speaker_of(text, "60C") == "University of Hong Kong"  # the year stopped the name


def test_a_day_after_an_organisation_noun_is_no_name() -> None:
    text = (
        "The Food and Drug Administration approved the drug in May. The agency Monday announced "
        "a recall of 2,000 units.\n\nThe agency said the risk was low."
    )
    # "The agency Monday announced" had made an organisation called "Monday".
    assert speaker_of(text, "risk was low") == "Food and Drug Administration"


def test_a_coalition_speaks() -> None:
    text = "The opposition Azimio coalition said it would challenge the law in court."
    unit = unit_with(text, "challenge the law")  # it was unattributed
    assert (unit.speaker, unit.speaker_type) == ("The opposition Azimio coalition", ORGANIZATION)


def test_a_described_organisation_speaks_across_a_relative_clause() -> None:
    text = (
        "Acme Holdings sold its stake.\n\n"
        "On Tuesday, the company, which employs 3,000 people, said profits fell 5%."
    )
    assert speaker_of(text, "profits fell") == "Acme Holdings"  # it was unattributed
    unnamed = "A spokesman, who asked not to be named, said profits fell 5%."
    assert speaker_of(unnamed, "profits fell") == ""


def test_the_utility_is_the_business_not_the_regulator_that_fined_it() -> None:
    # It was unattributed ("utility" was no business noun) and then, once it was one, "Ofwat":
    # a regulator introduced as one ("the regulator Ofwat") is a public body.
    text = (
        "Thames Water has been fined £104m for breaching sewage rules, the largest penalty "
        "ever imposed by the regulator Ofwat.\n\n"
        "Ofwat said the company had failed to maintain its treatment works. The utility, which "
        "serves 16 million customers, said it would not appeal."
    )
    units = {s.text: s.speaker for s in extract(read_text(text)).sentences}
    assert units["The utility, which serves 16 million customers, said it would not appeal."] == (
        "Thames Water"
    )
