"""A heading over an outlet's other stories ("Read more from Sky News:") and the headlines
listed under it are no claims; the article's next paragraph, a quotation ending the line, is."""

from __future__ import annotations

from claims.extraction import extract
from claims.extraction.document import read_html, read_text

PAGE = """<html><head><title>Water firm fined £90m over sewage spills</title></head><body>
<article><h1>Water firm fined £90m over sewage spills</h1>
<p>Southern Water has been fined £90m after pleading guilty to thousands of illegal sewage
discharges that polluted rivers and coastal waters in Kent, Hampshire and Sussex.</p>
<p>Judge Mr Justice Johnson said the firm had shown "a shocking and wholesale disregard for the
environment".</p>
<p><strong>Read more from Sky News:</strong><br>
<a href="/x">Thames Water boss quits amid debt crisis</a><br>
<a href="/y">Hosepipe ban lifted after wet spring</a></p>
<p>Southern Water chief executive Lawrence Gosden said: "We are deeply sorry for what
happened."</p>
<p>Campaign group Surfers Against Sewage said the fine did not go far enough.</p>
</article></body></html>"""


def test_read_more_from_an_outlet_heads_a_list_of_its_other_stories() -> None:
    # "Read more from Sky News:" stayed a sentence of the article and "Thames Water boss quits
    # amid debt crisis" a headline scored as one (0.27, under the threshold by luck).
    extraction = extract(read_html(PAGE))
    texts = [s.text for s in extraction.sentences]
    assert not [t for t in texts if "Read more" in t or "Thames Water boss" in t]
    assert not [t for t in texts if "Hosepipe" in t]
    reasons = {extraction.document.text[a:b]: r for a, b, r in extraction.boilerplate}
    assert reasons["Read more from Sky News:"] == "navigation label"
    assert reasons["Thames Water boss quits amid debt crisis"] == "related-stories list"
    # the article goes on below the list
    said = next(s for s in extraction.sentences if "deeply sorry" in s.text)
    assert said.speaker == "Lawrence Gosden"
    assert any("Surfers Against Sewage" in t for t in texts)


def test_more_from_or_on_a_name_in_a_pasted_page() -> None:
    text = (
        "Water bills to rise by average of 36%\n\n"
        "Water bills in England and Wales will rise by an average of 36% over the next five "
        "years, the regulator Ofwat has said.\n\n"
        "More from BBC News\n\n"
        "Man dies after being hit by bus in Leeds\n\n"
        "Snow warning issued for Scotland\n\n"
        "The increase, worth £31 a year on average, will fund £104bn of investment."
    )
    extraction = extract(read_text(text))
    texts = [s.text for s in extraction.sentences]
    assert not [t for t in texts if "More from" in t or "Man dies" in t or "Snow warning" in t]
    assert any("£104bn" in t for t in texts)


def test_a_sentence_opening_more_on_is_no_heading() -> None:
    text = (
        "The council approved a budget of £12m for new schools on Monday.\n\n"
        "More on the plan will be published next week, the council said."
    )
    texts = [s.text for s in extract(read_text(text)).sentences]
    assert "More on the plan will be published next week, the council said." in texts


def test_a_quotation_ending_the_line_after_a_list_is_the_article_again() -> None:
    # The list of other stories ran on over a short paragraph ending in a quotation mark
    # (only a full stop outside one ended it): Ofwat's chief executive's statement was lost.
    text = (
        "Water bills to rise by average of 36%\n\n"
        "Water bills in England and Wales will rise by an average of 36% over the next five "
        "years, the regulator Ofwat has said.\n\n"
        "Most Read\n\n"
        "1. Man dies after being hit by bus in Leeds\n"
        "2. Snow warning issued for Scotland\n\n"
        'Ofwat chief executive David Black said: "This investment is vital for our rivers."'
    )
    extraction = extract(read_text(text))
    said = next(s for s in extraction.sentences if "vital" in s.text)
    assert said.speaker == "David Black"


def test_a_link_to_the_outlets_live_page_is_no_claim() -> None:
    # "UK politics live - latest updates" (with an en dash; a list item linking to the
    # Guardian's live blog) stayed a sentence of the article.
    page = (
        "<html><body><article><h1>Rishi Sunak calls general election for 4 July</h1>"
        "<ul><li>UK politics live \u2013 latest updates</li></ul>"
        "<p>Rishi Sunak has called a general election for 4 July, gambling that an improving "
        "economy will allow the Conservatives to close a 20-point poll gap with Labour.</p>"
        "<p>Ukraine war live: all the latest</p>"
        "<p>Thousands of people watched the announcement live on television.</p>"
        "</article></body></html>"
    )
    extraction = extract(read_html(page))
    texts = [s.text for s in extraction.sentences]
    assert not [t for t in texts if "latest" in t]
    assert "Thousands of people watched the announcement live on television." in texts


def test_a_live_pages_navigation_is_no_sentence() -> None:
    # "Key events" and "Show key events only" (the Guardian's live pages) stayed sentences.
    text = (
        "Budget 2024 live: Reeves announces £40bn tax rise\n\n"
        "Key events\n\nShow key events only\n\n14:05\n\n"
        "The chancellor confirms that employers' national insurance contributions will rise by "
        "1.2 percentage points to 15% from April 2025."
    )
    extraction = extract(read_text(text))
    texts = [s.text for s in extraction.sentences]
    assert not [t for t in texts if "key events" in t.lower()]


def test_list_headings_are_labels_so_their_lists_go_too() -> None:
    # "You might also like" stayed a sentence, and so did the headlines under it ("Man dies
    # after ..."): a list heading counted only once a label had dropped it, and fifteen of
    # them were no label. A video player's controls stayed sentences too.
    text = (
        "Water bills in England and Wales will rise by an average of 36% over the next five "
        "years, the regulator Ofwat has said.\n\n"
        "0 seconds of 1 minute, 30 secondsVolume 90%\n\n"
        "Press shift question mark to access a list of keyboard shortcuts\n\n"
        "You might also like\n\n"
        "Man dies after being hit by bus in Leeds\n\n"
        "Snow warning issued for Scotland\n\n"
        "The increase, worth £31 a year on average, will fund £104bn of investment."
    )
    texts = [s.text for s in extract(read_text(text)).sentences]
    assert not [t for t in texts if "might also like" in t or "Man dies" in t or "Snow" in t]
    assert not [t for t in texts if "seconds" in t or "keyboard" in t]
    assert any("£104bn" in t for t in texts)


def test_every_list_heading_is_a_label() -> None:
    from claims.extraction.teaser_lists import LIST_HEADINGS
    from claims.extraction.widgets import LABELS

    assert not sorted(h for h in LIST_HEADINGS if h not in LABELS)
