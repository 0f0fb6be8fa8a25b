"""Blog posts, product reviews and business copy (2026-12-07, session 26): a company's legal
form ("Bayer AG"), a headline's industry ("Pharma giant"), a list headline ("added to"), a
blog's post line, software versions and screens in inches."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claims.extraction import ORGANIZATION, extract, read_text
from claims.extraction.quantities import find_quantities
from claims.extraction.speaker_types import speaker_type


def _units(text: str) -> dict[str, tuple[str, str]]:
    return {s.text[:30]: (s.speaker, s.speaker_type) for s in extract(read_text(text)).sentences}


def _quantities(sentence: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(sentence)]


@pytest.mark.parametrize("name", ["Bayer AG", "BASF SE", "Nestlé SA", "Philips NV", "Qantas PLC"])
def test_a_legal_form_makes_an_organisation(name: str) -> None:
    # They were people: two capitalised words.
    assert speaker_type(name) == ORGANIZATION


@pytest.mark.parametrize("name", ["Maria Sa", "Anders Ab", "Jorge As"])
def test_a_persons_name_is_no_legal_form(name: str) -> None:
    assert speaker_type(name) == "person"


def test_the_drugmaker_is_the_company_with_a_legal_form() -> None:
    # Was nobody's: "Bayer AG" was read as a person, whom "the company" cannot mean.
    text = (
        "Bayer AG will cut about 8,000 jobs worldwide by 2025 as part of a restructuring, the "
        "German drugmaker said on Thursday.\n\n"
        "The Leverkusen-based group expects the cuts to save €1.5 billion a year."
    )
    units = _units(text)
    assert units["Bayer AG will cut about 8,000 "] == ("Bayer AG", ORGANIZATION)
    assert units["The Leverkusen-based group exp"] == ("Bayer AG", ORGANIZATION)


def test_a_headlines_industry_is_no_company() -> None:
    # "Pharma giant to cut 8,000 jobs" made "Pharma" a business, so "the German drugmaker"
    # had two candidates and stayed as written.
    text = (
        "Pharma giant to cut 8,000 jobs\n\n"
        "Bayer will cut about 8,000 jobs worldwide by 2025, the German drugmaker said on "
        "Thursday.\n\n"
        "The company expects the cuts to save €1.5 billion a year."
    )
    units = _units(text)
    assert units["Bayer will cut about 8,000 job"][0] == "Bayer"
    assert units["The company expects the cuts t"][0] == "Bayer"


def test_a_headline_adding_to_a_list_names_nobody() -> None:
    # "Turkey and Poland" spoke: "added" read as a verb of saying.
    text = (
        "Turkey and Poland added to UK quarantine list\n\n"
        "Travellers arriving in the UK from Turkey will have to self-isolate for 14 days."
    )
    assert _units(text)["Turkey and Poland added to UK "][0] == ""


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"We will win," Johnson added to cheers from the crowd.', "Johnson"),
        ("Mr Lee added to reporters that the plan would cost £4m.", "Lee"),
    ],
)
def test_a_remark_added_to_an_audience_is_still_said(sentence: str, speaker: str) -> None:
    assert _units(sentence)[sentence[:30]][0] == speaker


@pytest.mark.parametrize(
    "line", ["Posted on March 3, 2023 by Tom Baker", "Posted by Tom Baker on 3 March 2023"]
)
def test_a_blogs_post_line_is_its_byline(line: str) -> None:
    # It was a claim, and the post had no date or author.
    text = (
        f"Why I switched from Lightroom to darktable\n\n{line}\n\n"
        "I've been using Adobe Lightroom for almost ten years. Last month I cancelled my "
        "subscription, which had gone up to £9.98 a month."
    )
    document = read_text(text)
    assert document.published_at == datetime(2023, 3, 3, tzinfo=UTC)
    assert document.author == "Tom Baker"
    assert not any("Posted" in s.text for s in extract(document).sentences)


def test_a_sentence_about_posting_is_no_post_line() -> None:
    sentence = "The ship was posted on March 3 by the navy to the Gulf, officials said."
    document = read_text(sentence)
    assert document.author == ""
    assert [s.text for s in extract(document).sentences] == [sentence]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Version 4.2 added a new filmic module.", []),  # was 4.2
        ("The v2 update fixed 14 bugs.", [(14, "bugs")]),
        ("The Senate approved a similar version 85-14 last month.", [(85, "votes to 14")]),
        ("It would build 2 data centres.", [(2, "data centres")]),
    ],
)
def test_a_software_version_is_no_figure(sentence: str, expected: list[tuple[float, str]]) -> None:
    assert _quantities(sentence) == expected


def test_inches_glued_on_before_a_screen() -> None:
    # Neither was found.
    assert _quantities("It has a 6.2in screen, and 55in TVs cost less.") == [
        (6.2, "inch"),
        (55, "inch"),
    ]
    assert _quantities("The group came 2in the list.") == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Supervisor Tom Reilly, who represents Oakwood, said he would vote against it.",
            "Tom Reilly",
        ),
        (
            "Assemblywoman Jenifer Rajkumar said the bill would protect 2 million workers.",
            "Jenifer Rajkumar",
        ),
        ("Councilman Joe Borelli said the city spent $40 million on overtime.", "Joe Borelli"),
    ],
)
def test_a_local_officials_title_is_no_part_of_the_name(sentence: str, speaker: str) -> None:
    # "Supervisor Tom Reilly", "Assemblywoman Jenifer Rajkumar" kept the title.
    assert _units(sentence)[sentence[:30]][0] == speaker


def test_a_reporters_beat_line_is_no_claim() -> None:
    # "Sam Patel covers county government for the Gazette." was a claim.
    text = (
        "Riverside County Library will close two branches at the end of June to save $1.2 "
        "million a year, officials said Monday.\n\n"
        "Sam Patel covers county government for the Gazette."
    )
    assert [s.text[:30] for s in extract(read_text(text)).sentences] == [
        "Riverside County Library will "
    ]


def test_a_beat_in_the_news_is_still_news() -> None:
    sentence = "Jane Doe covers the story for the BBC after her colleague was detained."
    assert [s.text for s in extract(read_text(sentence)).sentences] == [sentence]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The plan will create 200 more jobs.", [(200, "more jobs")]),  # was 200, no unit
        ("There were 3,000 fewer nurses in 2023.", [(3000, "fewer nurses")]),
        ("He scored 20 more than last year.", [(20, "")]),
        ("Prices rose 5% more than expected.", [(5, "percent")]),
    ],
)
def test_more_or_fewer_before_what_was_counted(
    sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert _quantities(sentence) == expected


def test_a_numbered_lists_marker_on_its_own_line_is_no_sentence() -> None:
    # "1." and "2." were sentences holding the figures 1 and 2.
    text = (
        "Five things to know about the new tax rules\n\n1.\n\n"
        "The personal allowance stays at £12,570 until 2028.\n\n2.\n\n"
        "The dividend allowance falls to £500 from April."
    )
    assert [s.text[:12] for s in extract(read_text(text)).sentences] == [
        "Five things ",
        "The personal",
        "The dividend",
    ]


def test_a_numbered_items_number_on_its_line_is_no_sentence() -> None:
    # "1." and "2." were sentences of their own, split off their items.
    text = (
        "Government announces £2bn for new homes\n\n"
        "The government today announced £2 billion to build up to 18,000 new homes.\n\n"
        "1. The Affordable Homes Programme runs from 2026 to 2029.\n\n"
        "2. At least 60% of the homes will be offered for social rent."
    )
    texts = [s.text for s in extract(read_text(text)).sentences]
    assert "1." not in texts and "2." not in texts
    assert "The Affordable Homes Programme runs from 2026 to 2029." in texts
