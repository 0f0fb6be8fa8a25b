"""The standfirst: a page's own summary, shown under its headline, that the reader dropped.

Pages written for these tests. The standfirst is often the article's central claim (a
sentence reported with its verdict, "... was jailed for three years."), and trafilatura keeps
the article body only.
"""

from __future__ import annotations

import lxml.html
import pytest

from claims.extraction import extract, read_html
from claims.extraction.standfirsts import standfirst, with_standfirst

STANDFIRST = (
    "The operator of the Orkney ferry link was fined £2.4 million after cancelling one "
    "crossing in five last winter."
)
BODY = """
<article>
<p>Northern Isles Ferries cancelled 212 of its 1,060 scheduled crossings between November and
February, the transport regulator said in its ruling on Tuesday.</p>
<p>The company said storms had forced most of the cancellations and that it would appeal
against the fine.</p>
<p>Islanders told the regulator that the cancellations had left shops without fresh food for
up to nine days.</p>
</article>
"""


def page(description: str, shown: str, body: str = BODY) -> str:
    return f"""<!doctype html>
<html lang="en"><head>
<title>Ferry operator fined after Orkney crossing failures</title>
<meta property="og:description" content="{description}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<h1>Ferry operator fined after Orkney crossing failures</h1>
{shown}
</header>
{body}
<footer><p>© 2024 Example News</p></footer>
</body></html>"""


def test_a_shown_standfirst_the_reader_dropped_becomes_the_first_paragraph() -> None:
    html = page(STANDFIRST, f'<div class="standfirst"><p>{STANDFIRST}</p></div>')
    document = read_html(html)
    assert document.text.startswith(STANDFIRST + "\n\n")
    assert document.text.count("fined £2.4 million") == 1
    # And it is a claim like any other, with exact offsets.
    extraction = extract(document)
    claim = next(c for c in extraction.claims() if "£2.4 million" in c.text)
    assert document.text[claim.start : claim.end] == claim.text == STANDFIRST


def test_a_description_the_page_does_not_show_stays_out() -> None:
    teaser = "Example News is an independent newsroom covering the islands and the Highlands."
    document = read_html(page(teaser, ""))
    assert "independent newsroom" not in document.text
    document = read_html(page(STANDFIRST, ""))  # a social card's summary only
    assert "£2.4 million" not in document.text


def test_a_standfirst_the_reader_kept_is_not_repeated() -> None:
    # The body opens with the same sentence, with typographic quotes and a wire prefix.
    body = BODY.replace(
        "<article>",
        "<article><p>KIRKWALL (Example) - The operator of the Orkney ferry link was fined "
        "£2.4 million after cancelling one crossing in five last winter, the regulator said.</p>",
    )
    html = page(STANDFIRST, f"<p>{STANDFIRST}</p>", body)
    assert read_html(html).text.count("fined £2.4 million") == 1


@pytest.mark.parametrize(
    "description",
    ["Orkney ferry operator fined", "Ferry fine: what it means for islanders"],
)
def test_a_short_description_is_no_standfirst(description: str) -> None:
    tree = lxml.html.document_fromstring(page(description, f"<p>{description}</p>"))
    assert standfirst(tree, "Northern Isles Ferries cancelled 212 of its crossings.") == ""


def test_the_standfirst_goes_after_the_headline_when_the_text_opens_with_it() -> None:
    text = "Ferry operator fined\n\nNorthern Isles Ferries cancelled 212 crossings."
    assert with_standfirst(text, STANDFIRST, "Ferry operator fined") == (
        f"Ferry operator fined\n\n{STANDFIRST}\n\nNorthern Isles Ferries cancelled 212 crossings."
    )
    assert with_standfirst(text, STANDFIRST, "Another title").startswith(STANDFIRST + "\n\n")
    assert with_standfirst(text, "", "Ferry operator fined") == text
