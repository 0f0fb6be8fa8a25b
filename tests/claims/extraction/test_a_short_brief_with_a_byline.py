"""A short news brief whose byline has its own class (2026-12-07, session 33; a page written
here).

The HTML reader leaves a `class="byline"` paragraph out, finds the rest too short and falls
back to reading the page's text as one line: the headline and the byline were glued to the
first sentence ("Strike called off By Ann Lee • Thursday 7 December 2023 • 3 min read A
strike by 3,000 bus drivers ..."), which became one claim with "3 min read" as a figure. Read
again favouring precision, the paragraphs stay. The author was "Ann Lee • Thursday"; a
byline's parts split at a bullet too ("By Ann Lee • Thursday 7 December 2023 • 3 min read"
gives her name and the date), and the page's date is read off its byline element when no
markup gives one (an "Updated ..." byline gives none, as before).
"""

from __future__ import annotations

from datetime import UTC, datetime

from claims.extraction import extract, read_html
from claims.extraction.bylines import byline_of

BRIEF = """<html><head><title>Strike called off</title></head><body>
<article><h1>Strike called off</h1>
<p class="byline">By Ann Lee • Thursday 7 December 2023 • 3 min read</p>
<p>A strike by 3,000 bus drivers planned for next week has been called off after a new pay
offer, the Unite union said.</p>
<p>The offer is worth 11% over two years, the union said.</p>
</article></body></html>"""


def test_the_paragraphs_stay_apart() -> None:
    document = read_html(BRIEF)
    assert document.author == "Ann Lee"
    # the byline element's date (it was None: the reader leaves the byline out of the text)
    assert document.published_at == datetime(2023, 12, 7, tzinfo=UTC)
    sentences = [s.text for s in extract(document).sentences]
    assert sentences[0] == "Strike called off"
    assert sentences[1].startswith("A strike by 3,000 bus drivers")
    assert not any("min read" in s for s in sentences)


def test_a_bylines_parts_split_at_a_bullet() -> None:
    assert byline_of("By Ann Lee • Thursday 7 December 2023 • 3 min read") == (
        "Ann Lee",
        "",
        datetime(2023, 12, 7, tzinfo=UTC),
    )
    assert byline_of("By Jane Doe | Reuters") == ("Jane Doe", "Reuters", None)


def test_an_updated_byline_gives_no_publication_date() -> None:
    page = BRIEF.replace("Thursday 7 December 2023", "Updated 7 December 2023")
    assert read_html(page).published_at is None
