"""A real fact-checker's page (Africa Check, in ../shared/corpus/claimreview; read 2026-12-07,
session 27): its comment form's "Your name" label was the article's author, and its terms
paragraph ("© Copyright Africa Check 2020. Read our republishing guidelines. You may reproduce
this piece ...") left two units, the copyright and the permission to reproduce."""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_html

PAGE = """<!DOCTYPE html><html><head><title>Fact-checking the president</title></head><body>
<article><h1>Fact-checking the president</h1>
<p>In a statement on 13 June, the president said that as much as 51% of women had experienced
violence at the hands of a partner.</p>
<p>The most recent nationally representative survey found that 26% of women reported such
violence in their lifetime.</p>
<p class="conditions_of_use">© Copyright Africa Check 2020. <a href="/g">Read our republishing
guidelines.</a> You may reproduce this piece or content from it for the purpose of reporting
and/or discussing news and current events. This is subject to: Crediting Africa Check in the
byline, keeping all hyperlinks to the sources used.</p>
</article>
<form><p class="comment-form-author"><label for="author">Your name</label>
<input id="author" name="author" type="text" value=""></p></form>
</body></html>"""


def test_a_terms_paragraph_leaves_no_unit() -> None:
    texts = [" ".join(s.text.split()) for s in extract(read_html(PAGE)).sentences]
    assert not any("Copyright" in t or "reproduce" in t for t in texts)
    assert any(t.startswith("The most recent nationally representative survey") for t in texts)


@pytest.mark.parametrize("label", ["Your name", "Name", "Your Name *", "Author"])
def test_a_form_label_is_no_author(label: str) -> None:
    page = PAGE.replace("<title>", f'<meta name="author" content="{label}"><title>')
    assert extract(read_html(page)).document.author == ""
    page = PAGE.replace("<title>", '<meta name="author" content="Claire Savage"><title>')
    assert extract(read_html(page)).document.author == "Claire Savage"
