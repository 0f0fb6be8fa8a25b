"""An HTML byline's outlet and place, and a call for story ideas (2026-12-07, session 29; an
HTML council-tax page written here).

The reader took "By Ellie Pitt, BBC News, Bristol" for three authors ("Ellie Pitt; BBC News;
Bristol"), and "Send your story ideas to us on email or via WhatsApp on 0800 313 4630." was a
claim (0.76). A byline's outlet and place are no authors; a call for story ideas is furniture.
"""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_html

PAGE = """<html><head><title>Council tax to rise 5% in Bristol</title></head><body><main>
<h1>Council tax to rise 5% in Bristol</h1>
<div class="byline">BYLINE</div>
<p>Bristol City Council has approved a council tax rise of 4.99% for the coming year, the
maximum allowed without a referendum.</p>
<p>A Band D household will pay £2,431, an increase of £116, the council said.</p>
<p>The council's cabinet member for finance said it faced a £42m gap in its budget.</p>
<p><i>Follow BBC Bristol on Facebook. Send your story ideas to us on email or via WhatsApp on
0800 313 4630.</i></p>
</main></body></html>"""


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ('By <a href="/ellie">Ellie Pitt</a>, BBC News, Bristol', "Ellie Pitt"),
        ("By Jane Doe, The Guardian, London", "Jane Doe"),
    ],
)
def test_the_byline_names_its_author_only(byline: str, author: str) -> None:
    assert read_html(PAGE.replace("BYLINE", byline)).author == author


def test_a_call_for_story_ideas_is_no_claim() -> None:
    extraction = extract(read_html(PAGE.replace("BYLINE", "By Ellie Pitt")))
    assert not [s for s in extraction.sentences if "story ideas" in s.text]
    assert [s for s in extraction.sentences if "£2,431" in s.text]
