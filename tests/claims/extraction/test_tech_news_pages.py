"""Found by reading tech-news pages written in the styles of TechCrunch and The Verge: a byline
with the author's bio, a time before the date with a dot between them, an organisation's
role ("The OpenAI CEO") that is no person's name."""

from __future__ import annotations

import datetime as dt

from claims.extraction import ORGANIZATION, extract, read_text
from claims.extraction.dates import parse_dateline
from tests.claims.extraction_helpers import unit_with

VERGE = (
    "Sam Altman says ChatGPT now has 300 million weekly users\n\n"
    "By Emma Roth, a news writer who covers the streaming wars, consumer tech, crypto, social "
    "media, and much more.\n\n"
    "OpenAI CEO Sam Altman says ChatGPT now has more than 300 million weekly active users.\n\n"
    "That's up from the 200 million weekly users OpenAI reported in August."
)


def test_a_byline_with_the_authors_bio_is_the_byline() -> None:
    # The line was a claim (0.93) and the article had no author.
    extraction = extract(read_text(VERGE))
    assert extraction.document.author == "Emma Roth"
    assert not [s for s in extraction.sentences if "news writer" in s.text]


def test_a_time_before_the_date_with_a_dot_between() -> None:
    # "3:10 PM PDT · October 2, 2024" under TechCrunch's byline was a sentence, and no date.
    assert parse_dateline("3:10 PM PDT · October 2, 2024") == (
        True,
        dt.datetime(2024, 10, 2, 22, 10, tzinfo=dt.UTC),
    )
    assert parse_dateline("He arrived at 3:10 · then left") == (False, None)


def test_an_organisations_role_is_no_persons_name() -> None:
    # "The OpenAI CEO shared the figure" made "OpenAI CEO" a person whose given name was
    # "OpenAI", so "OpenAI reported" became "OpenAI CEO" (typed a person).
    text = "The OpenAI CEO shared the figure at a summit.\n\n" + VERGE.split("\n\n", 2)[2]
    unit = unit_with(text, "200 million")
    assert (unit.speaker, unit.speaker_type) == ("OpenAI", ORGANIZATION)
