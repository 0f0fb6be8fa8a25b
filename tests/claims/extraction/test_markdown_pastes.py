"""Markdown pasted as an article (2026-12-07, session 30; a housing piece written here in
Markdown, as Substack, Notion or a chat assistant gives it).

"# Why the housing target will be missed" was the title with its "#"; "*By Anna Lee, Housing
Correspondent*" no byline; "## The planning backlog" a unit of the text; claims quoted
"**1.5 million homes**" and "[Office for National Statistics](https://www.ons.gov.uk)" with their
marks; "*This article was updated on 12 March.*" was a claim. A text with two kinds of Markdown
mark or more is read as its plain text, and that plain text is what is stored.
"""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text
from claims.extraction.markdown_text import looks_like_markdown, plain_text

PIECE = """\
# Why the housing target will be missed

*By Anna Lee, Housing Correspondent*

The government promised to build **1.5 million homes** by 2029. According to the [Office for \
National Statistics](https://www.ons.gov.uk), only 221,000 were completed last year.

## The planning backlog

Councils have a backlog of 40,000 applications, the Local Government Association said.

> "We simply don't have the planners," said LGA housing spokesperson Adam Hug.

---

- The Treasury has set aside £5bn for new towns.
- Developers say interest rates of 4.75% are holding back sales.

*This article was updated on 12 March.*
"""


def test_a_markdown_paste_is_read_as_its_plain_text() -> None:
    document = read_text(PIECE)
    assert document.title == "Why the housing target will be missed"
    assert document.author == "Anna Lee"
    assert "**" not in document.text and "](" not in document.text and "#" not in document.text
    texts = [s.text for s in extract(document).sentences]
    assert "The government promised to build 1.5 million homes by 2029." in texts
    assert (
        "According to the Office for National Statistics, only 221,000 were completed last year."
        in texts
    )
    assert not any("planning backlog" in t or "updated on" in t for t in texts)


def test_the_quotation_keeps_its_speaker_without_the_quote_mark() -> None:
    units = extract(read_text(PIECE)).sentences
    quote = next(s for s in units if "planners" in s.text)
    assert quote.text.startswith('"We simply')
    assert quote.speaker == "Adam Hug"


@pytest.mark.parametrize(
    "text",
    [
        "The #MeToo movement began in 2017. Some 12 million posts used the tag in a day.",
        "Sales rose 5%* in the year.\n\n* Excluding fuel.",
        "# 1 in the charts for 3 weeks, the single sold 200,000 copies.",
    ],
)
def test_plain_text_with_one_mark_is_left_alone(text: str) -> None:
    assert not looks_like_markdown(text)
    assert read_text(text).text == text


def test_emphasis_links_and_images() -> None:
    assert plain_text("A _very_ big **rise** in [rents](https://x.org) ![chart](c.png)") == (
        "A very big rise in rents"
    )
    assert plain_text("Rents rose 2 * 3 times, 4*5 = 20") == "Rents rose 2 * 3 times, 4*5 = 20"
    assert plain_text("See file_name_here and snake_case words") == (
        "See file_name_here and snake_case words"
    )
