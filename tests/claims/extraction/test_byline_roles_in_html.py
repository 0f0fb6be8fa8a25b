"""A byline with the reporter's role after a comma, in HTML (2026-12-07, session 28; a council
tax page written here).

"By Sarah Jones, Local Democracy Reporter" gave the author "Sarah Jones; Local Democracy
Reporter": the HTML reader splits a byline at its commas, and the role was kept as a second
author.
"""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_html

PAGE = """<html><head><title>Council tax to rise 5% in Leeds</title></head><body><article>
<h1>Council tax to rise 5% in Leeds</h1>
<p class="byline">By {byline}</p>
<p>Leeds City Council has approved a 4.99% rise in council tax, meaning a Band D household will
pay £2,183 a year from April, the council confirmed on Monday.</p>
<p>Council leader James Lewis said the authority faced a £60m funding gap over the next year.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Sarah Jones, Local Democracy Reporter", "Sarah Jones"),
        ("Sarah Jones, Health correspondent", "Sarah Jones"),
        ("Sarah Jones and Tom Hale", "Sarah Jones; Tom Hale"),
    ],
)
def test_a_reporters_role_is_no_author(byline: str, author: str) -> None:
    assert read_html(PAGE.format(byline=byline)).author == author


def test_a_name_and_role_line_is_the_byline_and_the_author() -> None:
    # "Ed Conway, economics and data editor" on a line of its own was a claim (0.45), and the
    # page had no author
    page = PAGE.replace(
        '<p class="byline">By {byline}</p>', "<p>Ed Conway, economics and data editor</p>"
    )
    document = read_html(page)
    assert document.author == "Ed Conway"
    units = [s.text for s in extract(document).sentences]
    assert "Ed Conway, economics and data editor" not in units
