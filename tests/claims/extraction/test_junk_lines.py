"""Page furniture that editors found among the claims of real news pages (issue 14): helplines,
source lines under charts, subheadings, further-reading links, gallery widgets. None of it may
become a sentence, in HTML or in pasted text; the inputs are modelled on those pages."""

# The pages use typographic quotes (U+2018/U+2019); these tests must match them exactly.
# ruff: noqa: RUF001

from __future__ import annotations

from pathlib import Path

import pytest

from claims.extraction import Extraction, extract, read_html, read_path, read_text
from claims.extraction.boilerplate import (
    RELATED_HEADLINE,
    line_context,
    scan_lines,
)
from claims.extraction.line_reasons import RELATED_LINK, sentence_reason

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "fixtures" / "articles" / "kuril-islands-2021-02-15.txt"
)
LEAD = (
    "The city recorded 1,200 overdose deaths last year, up 14% on the year before, according "
    "to figures published by the health department on Tuesday."
)
BODY = (
    "Officials said the new clinics would open in March and would be staffed around the clock "
    "by nurses and social workers."
)


def _html(*paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><title>Overdose deaths rise</title></head>"
        f"<body><article><h1>Overdose deaths rise in the city</h1>{body}</article></body></html>"
    )


def _sentences(extraction: Extraction) -> list[str]:
    return [s.text for s in extraction.sentences]


def _reasons(extraction: Extraction) -> dict[str, str]:
    text = extraction.document.text
    return {text[start:end]: reason for start, end, reason in extraction.boilerplate}


HELPLINES = [
    "If you or someone you know is struggling, call the National Suicide Prevention Lifeline "
    "at 1-800-273-8255 or text HOME to 741741.",
    "Anyone affected by the issues in this story can call Samaritans free on 116 123.",
    "For confidential support call the helpline on 0808 800 5000.",
    "If you are having thoughts of suicide, help is available.",
    "In an emergency, always call 999.",
]


@pytest.mark.parametrize("helpline", HELPLINES)
def test_a_helpline_is_never_a_sentence_in_text_or_html(helpline: str) -> None:
    for document in (
        read_text(f"Overdose deaths rise in the city\n\n{LEAD}\n\n{helpline}\n\n{BODY}"),
        read_html(_html(LEAD, helpline, BODY)),
    ):
        extraction = extract(document)
        assert _sentences(extraction)[-2:] == [LEAD, BODY]
        assert _reasons(extraction)[helpline] == "helpline"


def test_a_helpline_sentence_inside_a_paragraph_is_dropped_alone() -> None:
    helpline = "If you need support, call the crisis line at 1-800-273-8255."
    extraction = extract(read_text(f"{LEAD} {helpline}"))
    assert _sentences(extraction) == [LEAD]
    assert _reasons(extraction)[helpline] == "helpline"


@pytest.mark.parametrize(
    "sentence",
    [
        "The hotline took 300 calls a day during the outbreak, officials said.",
        "Officials will call 300 families to offer them places at the clinic.",
        "Calls to the helpline rose by 40% in 2020, its annual report said.",
    ],
)
def test_news_about_a_helpline_is_not_a_helpline(sentence: str) -> None:
    assert sentence_reason(sentence) == ""


@pytest.mark.parametrize(
    "line",
    [
        "Source: CDC, Chicago Department of Public Health",
        "Sources: ONS, NHS England",
        "Data: Johns Hopkins University",
        "Graphic: Jane Doe",
    ],
)
def test_a_source_or_credit_line_is_never_a_sentence(line: str) -> None:
    facts = "- 68% of coronavirus deaths in Chicago were African American"
    for document in (
        read_text(f"{LEAD}\n\n{facts}\n\n{line}"),
        read_html(_html(LEAD, facts, line)),
    ):
        extraction = extract(document)
        assert line not in _sentences(extraction)
        assert _reasons(extraction)[line] == "source or credit line"
        # The fact box's figure stays a sentence: the source line is what goes.
        assert facts.removeprefix("- ") in _sentences(extraction)  # a claim without its bullet


def test_source_line_after_a_sentence_in_one_paragraph_is_dropped_alone() -> None:
    extraction = extract(read_text(f"{LEAD} Source: CDC, Chicago Department of Public Health"))
    assert _sentences(extraction) == [LEAD]


@pytest.mark.parametrize(
    "subheading",
    ["A city upended", "Right-wing resistance", "DISAPPOINTING NIGHT FOR ‘IRISHMAN’"],
)
def test_a_subheading_is_dropped_in_html_and_text(subheading: str) -> None:
    for document in (
        read_text(f"Overdose deaths rise in the city\n\n{LEAD}\n\n{subheading}\n\n{BODY}"),
        read_html(_html(LEAD, subheading, BODY)),
    ):
        extraction = extract(document)
        assert subheading not in _sentences(extraction)
        assert _reasons(extraction)[subheading] == "subheading"
        assert _sentences(extraction)[-2:] == [LEAD, BODY]


def test_a_subheading_before_a_byline_is_dropped() -> None:
    text = f"{LEAD}\n\nA city upended\n\nBy Nada Tawfik, BBC News, New York\n\n{BODY}"
    assert _reasons(extract(read_text(text)))["A city upended"] == "subheading"


def test_headline_standfirst_and_fact_lines_are_not_subheadings() -> None:
    headline = "Overdose deaths rise in the city"
    standfirst = "Health officials open new clinics"
    figure = "Deaths up 14% in a year"
    text = f"{headline}\n\n{standfirst}\n\n{LEAD}\n\n{figure}\n\n{BODY}"
    sentences = _sentences(extract(read_text(text)))
    assert sentences == [headline, standfirst, LEAD, figure, BODY]


def test_a_short_last_paragraph_is_not_a_subheading() -> None:
    # A subheading heads more text; a short unpunctuated paragraph at the end heads nothing.
    text = f"{LEAD}\n\nMore clinics to follow"
    assert _sentences(extract(read_text(text))) == [LEAD, "More clinics to follow"]


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Looted colonial art: Germany to set up new contact office",
        "RELATED: Norway and Russia agree joint quota of 566,000 tonnes for 2023",
        "READ MORE Norway and Russia agree joint quota of 566,000 tonnes for 2023",
        "Related: Europe starts to ease itself out of lockdown",
    ],
)
def test_further_reading_link_never_becomes_a_sentence(line: str) -> None:
    for document in (read_text(f"{LEAD}\n\n{line}\n\n{BODY}"), read_html(_html(LEAD, line, BODY))):
        extraction = extract(document)
        assert _sentences(extraction)[-2:] == [LEAD, BODY]
        assert _reasons(extraction)[line] == RELATED_LINK


def test_read_more_sentence_inside_a_paragraph_is_dropped() -> None:
    extraction = extract(read_text(f"{LEAD} Read more: Clinics open in March"))
    assert _sentences(extraction) == [LEAD]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("UK news in pictures", "navigation label"),
        ("Show all 50", "navigation label"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "navigation label"),
    ],
)
def test_gallery_and_standards_widgets_are_dropped(line: str, reason: str) -> None:
    [verdict] = scan_lines(line)
    assert verdict.dropped and verdict.reason == reason


def test_also_on_teaser_keeps_its_headline_marked_as_another_articles() -> None:
    """The example article's teaser: "Also on rt.com Sorry Sergey, you're Shinzo now! US tells
    20,000 Russian islanders ...". The body never states the 20,000 figure, so the claim stays
    (the project's guide requires it), without the label, attributed to the US as the headline
    says, and marked as a related article's headline rather than the article's own text."""
    extraction = extract(read_path(EXAMPLE))
    text = extraction.document.text
    claim = next(c for c in extraction.claims() if "20,000 Russian islanders" in c.text)
    assert claim.text.startswith("US tells 20,000 Russian islanders")
    assert claim.speaker == "US"
    assert line_context(text, claim.start) == RELATED_HEADLINE
    assert _reasons(extraction)["Also on rt.com"] == "promo link label"
    for sentence in extraction.sentences:
        assert "Also on" not in sentence.text
    body = next(s for s in extraction.sentences if s.text.startswith("Allied forces"))
    assert line_context(text, body.start) == ""


def test_a_press_releases_legal_notice_is_no_claim() -> None:
    """ "This press release contains forward-looking statements ..." scored 0.83 and "Actual
    results may differ materially ..." 0.35: two claims from a legal notice."""
    text = (
        "Acme Corp today announced record revenue of $2.1 billion, up 18% from a year earlier.\n\n"
        "Forward-Looking Statements\n\n"
        "This press release contains forward-looking statements within the meaning of the "
        "Private Securities Litigation Reform Act of 1995. Actual results may differ materially "
        "from those projected. Acme undertakes no obligation to update them."
    )
    extraction = extract(read_text(text))
    assert [s.text for s in extraction.sentences] == [
        "Acme Corp today announced record revenue of $2.1 billion, up 18% from a year earlier."
    ]
    assert {reason for _, _, reason in extraction.boilerplate} == {"legal notice"}
    # news about such statements is news
    story = "The regulator said Acme's forward-looking statements had misled 3,000 investors."
    assert [s.text for s in extract(read_text(story)).sentences] == [story]


@pytest.mark.parametrize(
    "line", ["(With inputs from PTI)", "With agency inputs", "With inputs from Reuters and AFP."]
)
def test_a_wire_credit_is_no_sentence(line: str) -> None:
    """How Indian outlets credit the wires; "(With inputs from PTI)" was kept as a sentence."""
    text = f"The central bank kept its key rate at 6.5% for the ninth time.\n\n{line}"
    assert [s.text for s in extract(read_text(text)).sentences] == [
        "The central bank kept its key rate at 6.5% for the ninth time."
    ]


def test_inputs_from_the_public_are_news() -> None:
    text = "With inputs from the public, the council drew up 40 plans."
    assert [s.text for s in extract(read_text(text)).sentences] == [text]


PRESS_RELEASE = "\n\n".join(
    [
        "LONDON, 4 March 2024 – Acme Robotics today announced that it has raised £40 million in "
        "a Series B funding round led by Atomico.",
        '"This investment is a huge vote of confidence," said Jane Park, CEO of Acme Robotics.',
        "About Acme Robotics",
        "Acme Robotics builds warehouse robots. Founded in 2018, it employs 150 people in London "
        "and Berlin. For more information, visit www.acmerobotics.com.",
        "Media contact: press@acmerobotics.com",
        "Notes to editors",
        "###",
    ]
)


def test_a_press_releases_about_section_and_contacts_are_no_claims() -> None:
    """The sender's description ("Founded in 2018, it employs 150 people ...", 0.97) was a
    claim, and "Media contact: ..." and "Notes to editors" were sentences."""
    extraction = extract(read_text(PRESS_RELEASE))
    assert [s.text for s in extraction.sentences] == [
        "Acme Robotics today announced that it has raised £40 million in a Series B funding "
        "round led by Atomico.",
        '"This investment is a huge vote of confidence," said Jane Park, CEO of Acme Robotics.',
    ]
    reasons = _reasons(extraction)
    assert reasons["About Acme Robotics"] == "about the sender"
    assert reasons["Media contact: press@acmerobotics.com"] == "contact line"
    assert reasons["Notes to editors"] == "press release furniture"


def test_an_about_line_that_is_news_stays() -> None:
    # Not a heading on its own, or not a name after "About": sentences.
    for text in (
        "The council met on Monday.\n\nAbout 300 people attended the meeting in Leeds.",
        "The council met on Monday.\n\nAbout Acme Robotics, the council said 40 jobs would go.",
        "About Acme Robotics\n\nAcme Robotics raised £40 million on Monday, its chief said.",
    ):
        assert len(extract(read_text(text)).sentences) >= 1
        assert "about the sender" not in _reasons(extract(read_text(text))).values()


@pytest.mark.parametrize("stamp", ["09:45 GMT", "Posted at 09:30", "9.12am", "Updated 14:05 BST"])
def test_a_live_blogs_time_stamp_is_no_sentence(stamp: str) -> None:
    text = (
        f"Storm Ciaran live\n\n{stamp}\nMore than 150,000 homes are without power, according to "
        "UK Power Networks."
    )
    extraction = extract(read_text(text))
    assert _reasons(extraction)[stamp] == "time stamp"
    assert [s.text for s in extraction.sentences if "150,000" in s.text] == [
        "More than 150,000 homes are without power, according to UK Power Networks."
    ]


def test_an_about_heading_in_the_first_half_is_a_subheading_not_the_end() -> None:
    text = "\n\n".join(
        [
            "Council approves £40m flood defence plan",
            "Northshire County Council has approved a £40m plan to build flood defences along "
            "the River Wyre, after homes were flooded three times in five years.",
            "About Garstang",
            "Garstang has 4,000 residents and flooded in 2015, 2017 and 2020, the council said.",
            "The council will hold a public consultation on the design in May, and work is due "
            "to start in September at a cost of £12m in the first year.",
            "Residents have campaigned for defences since 2015, when 300 homes were flooded.",
        ]
    )
    texts = [s.text for s in extract(read_text(text)).sentences]
    assert "Garstang has 4,000 residents and flooded in 2015, 2017 and 2020, the council said." in (
        texts
    )


def test_a_pull_quote_repeating_the_body_is_no_second_claim() -> None:
    """It was a claim of its own (0.97), with no speaker: the body's quotation, set apart."""
    text = "\n\n".join(
        [
            "Council to close three libraries",
            "Northshire County Council will close three libraries in June to save £400,000 a "
            "year, it has confirmed.",
            '"We have had our funding cut by 40% since 2010," council leader Margaret Ellis said.',
            "We have had our funding cut by 40% since 2010",
            "Campaigners have collected 5,000 signatures against the closures.",
        ]
    )
    extraction = extract(read_text(text))
    texts = [s.text for s in extraction.sentences]
    assert "We have had our funding cut by 40% since 2010" not in texts
    assert _reasons(extraction)["We have had our funding cut by 40% since 2010"] == "pull quote"
    # the headline its first paragraph repeats, and a line said once, stay
    assert "Council to close three libraries" in texts
    once = text.replace(
        "We have had our funding cut by 40% since 2010\n", "Funding fell 40% in ten years\n"
    )
    assert "Funding fell 40% in ten years" in [s.text for s in extract(read_text(once)).sentences]


def test_an_about_heading_with_its_text_on_the_next_line_closes_the_release() -> None:
    # "About Acme Robotics\nAcme Robotics builds ...", one line break only: the description
    # was kept ("Founded in 2018, the company is headquartered in London.", 0.93).
    text = (
        "LONDON, 4 March 2025 /PRNewswire/ -- Acme Robotics today announced that it has raised "
        "$120 million in Series C funding led by Sequoia Capital.\n\n"
        '"This investment validates our vision," said Priya Nair, CEO of Acme Robotics.\n\n'
        "About Acme Robotics\nAcme Robotics builds autonomous robots for warehouses. Founded "
        "in 2018, the company is headquartered in London.\n\n"
        "Media contact: press@acmerobotics.com"
    )
    extraction = extract(read_text(text))
    assert not [s for s in extraction.sentences if "Founded" in s.text or "About" in s.text]
    # A line about something else after it is no heading of the sender's.
    news = (
        "The council met on Monday to agree its budget for the year ahead.\n\n"
        "About Acme Robotics\nThe council said 40 jobs would go at the firm's Leeds depot."
    )
    assert "about the sender" not in _reasons(extract(read_text(news))).values()


def test_related_topics_and_more_on_this_story_are_labels() -> None:
    # They were sentences of the article.
    text = (
        "Wildfires in Los Angeles have destroyed more than 12,000 structures, officials say.\n\n"
        "Related topics\nLos Angeles\n\nMore on this story\nWhy are the LA fires so bad?"
    )
    reasons = _reasons(extract(read_text(text)))
    assert reasons["Related topics"] == "navigation label"
    assert reasons["More on this story"] == "navigation label"
