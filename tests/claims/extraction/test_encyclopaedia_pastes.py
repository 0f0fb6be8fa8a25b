"""An encyclopaedia's text pasted with its reference marks and lists (2026-12-07, session 29; a
Kuril Islands entry written here in that shape).

".[1] The islands stretch ..." was one sentence with the next (a mark after the full stop hid
the boundary), the marks were figures (1, 2, 3) in the claims, the first paragraph (ending in
"[3]", not a full stop) was taken for the page's headline, and the "References" list's entries
were units ("Oxford University Press. p. 12." scored 0.53). A reference mark after a sentence's
end is no part of it; a "References" (or "External links", "Further reading") heading closes
the article.
"""

from __future__ import annotations

from claims.extraction import extract, read_text

ENTRY = """Kuril Islands

The Kuril Islands are a volcanic archipelago in Russia's Sakhalin Oblast.[1] The islands stretch \
about 1,300 km from Hokkaido to Kamchatka.[2][3]

Japan claims the four southernmost islands.[4] About 20,000 people live on the disputed islands, \
according to the 2010 Russian census.[citation needed]

References
1. ^ "Kuril Islands". Encyclopaedia Britannica. Retrieved 12 March 2021.
2. ^ Smith, John (2015). The Kurils. Oxford University Press. p. 12.
"""


def test_sentences_end_before_their_reference_marks() -> None:
    extraction = extract(read_text(ENTRY))
    texts = [s.text for s in extraction.sentences]
    assert "The Kuril Islands are a volcanic archipelago in Russia's Sakhalin Oblast." in texts
    assert "The islands stretch about 1,300 km from Hokkaido to Kamchatka." in texts
    islands = next(s for s in extraction.sentences if s.text.startswith("The islands"))
    assert [(q.value, q.unit) for q in islands.quantities] == [(1300.0, "km")]
    # the first paragraph is no headline; since session 30 the entry's two-word title is
    assert extraction.document.title == "Kuril Islands"


def test_the_reference_list_is_no_part_of_the_article() -> None:
    texts = " ".join(s.text for s in extract(read_text(ENTRY)).sentences)
    assert "Oxford University Press" not in texts
    assert "Britannica" not in texts
    assert "20,000 people" in texts


def test_a_heading_early_in_an_article_closes_nothing() -> None:
    # review of session 29: a closing list's heading drops what follows it, so only near the end
    text = (
        "Parking fines soar\n\n"
        "Councils issued 9.2 million parking fines last year, up 12%, figures show.\n\n"
        "Citations\n\n"
        "Westminster council issued 1.1 million of them, more than any other council.\n\n"
        "Drivers paid £1.4bn in fines, according to the RAC Foundation.\n\n"
        "The AA said the figures showed councils were using fines to raise money.\n"
    )
    assert [s for s in extract(read_text(text)).sentences if "1.1 million" in s.text]
