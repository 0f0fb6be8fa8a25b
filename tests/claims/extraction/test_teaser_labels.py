"""Teasers labelled by what kind of page they lead to (2026-12-07, session 33; a page of
teasers written here).

"Revealed: The 10 most expensive streets in Britain" set into an article scored 0.79 and
became a claim: of the labels that mark a link to another page ("Live:", "Watch:", "Listen:",
"Explainer:"), it knew none of "Revealed:", "Explained:", "Analysis:", "Opinion:", "In
pictures:", "Video:", "Podcast:", "Quiz:". On the first line such a label heads the page's own
headline, which stays.
"""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text

BODY = "More than 2,000 homes were left without power on Tuesday, the energy company said."


@pytest.mark.parametrize(
    "teaser",
    [
        "Revealed: The 10 most expensive streets in Britain",
        "Explained: What the new rules mean for 2 million renters",
        "Analysis: Why inflation fell 2% faster than expected",
        "Video: Moment 200 sheep block a motorway",
        "In pictures: 50 years of the Glastonbury festival",
    ],
)
def test_a_labelled_teaser_is_no_claim(teaser: str) -> None:
    text = f"Storm leaves homes without power\n\n{BODY}\n\n{teaser}\n\nEngineers worked overnight."
    claims = [c.text for c in extract(read_text(text)).claims()]
    assert BODY in claims
    assert not any(teaser.split(": ")[1][:20] in c for c in claims)


def test_the_first_line_stays_the_pages_headline() -> None:
    text = f"Analysis: Why inflation is falling faster than expected\n\n{BODY}"
    assert read_text(text).title == "Analysis: Why inflation is falling faster than expected"
