"""A wire story's page furniture pasted with it: an agency photo's caption, where the story
first appeared, a bracketed related link, a pointer to the outlet's coverage."""

from __future__ import annotations

from claims.extraction import extract, read_text

STORY = (
    "Biden signs executive order on AI safety\n\n"
    "FILE - President Joe Biden speaks during an event in the East Room of the White House, "
    "Oct. 30, 2023, in Washington. (AP Photo/Evan Vucci, File)\n\n"
    "WASHINGTON (AP) — President Joe Biden on Monday signed an executive order that requires "
    "developers of the most powerful AI systems to share safety test results with the "
    "government.\n\n"
    "This article originally appeared on The Conversation.\n\n"
    "[Related: How the EU plans to regulate artificial intelligence]\n\n"
    "Follow AP's coverage of artificial intelligence at "
    "https://apnews.com/hub/artificial-intelligence."
)


def test_wire_furniture_is_no_sentence_of_the_story() -> None:
    # The caption was a claim (0.89: "President Joe Biden speaks during an event ..."), the
    # other three sentences of the article (0.07 to 0.24).
    extraction = extract(read_text(STORY))
    texts = [s.text for s in extraction.sentences]
    assert not [t for t in texts if "East Room" in t or "AP Photo" in t]
    assert not [t for t in texts if "originally appeared" in t or "Related" in t]
    assert not [t for t in texts if "coverage of" in t]
    assert any("signed an executive order" in t for t in texts)
    reasons = {r for _, _, r in extraction.boilerplate}
    assert {"photo caption", "editorial note", "related-article link", "related link"} <= reasons


def test_a_paragraph_that_names_a_photographer_is_no_caption() -> None:
    text = (
        "The exhibition opens on Friday with 120 prints by Dorothea Lange, the photographer "
        "whose work defined the Depression (Photo by Dorothea Lange, 1936, is its poster)."
    )
    texts = [s.text for s in extract(read_text(text)).sentences]
    assert any("120 prints" in t for t in texts)


def test_a_table_cells_bars_and_an_address_alone() -> None:
    # "| KABUL, Afghanistan (AP) -- The father ..." kept its bar and dateline in the claim;
    # "| AP Photo/Uncredited |" and "support@edumock.com (EduMock Team)" (0.51, a claim) were
    # sentences.
    text = (
        "| Father of Orlando gunman known for rambling political videos |\n\n"
        "| KABUL, Afghanistan (AP) -- The father of the Orlando nightclub gunman came to the "
        "U.S. from Afghanistan more than 30 years ago. |\n\n"
        "| AP Photo/Uncredited |\n\n"
        "support@edumock.com (EduMock Team)"
    )
    extraction = extract(read_text(text))
    texts = [s.text for s in extraction.sentences]
    assert any(t.startswith("The father of the Orlando nightclub gunman") for t in texts)
    assert not [t for t in texts if "AP Photo" in t or "@" in t or "KABUL" in t]


def test_an_opinion_pieces_disclaimer_is_no_claim() -> None:
    # A claim at 0.36: "The views expressed in this article are those of the author ...".
    text = (
        "Last year, 61 British companies took part in the world's largest trial of a four-day "
        "week. Of those, 56 decided to continue with it.\n\n"
        "The views expressed in this article are those of the author and do not necessarily "
        "reflect the position of this newspaper.\n\n"
        "The views expressed are her own."
    )
    texts = [s.text for s in extract(read_text(text)).sentences]
    assert not [t for t in texts if "views expressed" in t]
    assert any("61 British companies" in t for t in texts)


def test_a_broadcasters_transcript_notice_is_no_claim() -> None:
    # "NPR transcripts are created on a rush deadline by an NPR contractor." (0.79) and "The
    # authoritative record of NPR's programming is the audio record." (0.83) were claims.
    text = (
        "The city council voted 7-2 on Tuesday to ban gas stoves in new buildings from 2026.\n\n"
        "NPR transcripts are created on a rush deadline by an NPR contractor. This text may not "
        "be in its final form and may be updated or revised in the future. Accuracy and "
        "availability may vary. The authoritative record of NPR\u2019s programming is the audio "
        "record."
    )
    texts = [s.text for s in extract(read_text(text)).sentences]
    assert not [t for t in texts if "NPR" in t or "final form" in t]
    assert any("gas stoves" in t for t in texts)
