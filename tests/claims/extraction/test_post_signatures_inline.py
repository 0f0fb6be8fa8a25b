"""An embedded post whose signature follows its text on the same line, as an HTML page's
blockquote gives it (2026-12-07, session 27; an airport-fire page written here). The signature
"— Scottish and Southern Electricity Networks (@ssencommunity) March 21, 2025" was a unit of
the article, scored 0.48 (a claim), and the post's sentence was nobody's."""

from __future__ import annotations

from claims.extraction import ORGANIZATION, extract, read_html, read_text

PAGE = """<!DOCTYPE html><html><head><title>Heathrow shut after substation fire</title></head>
<body><article><h1>Heathrow shut after substation fire</h1>
<p>Heathrow Airport will be closed all day on Friday after a fire at a nearby electrical
substation caused a major power outage, the airport said.</p>
<blockquote class="twitter-tweet"><p>We are working to restore power as quickly as possible.
— Scottish and Southern Electricity Networks (@ssencommunity) March 21, 2025</p></blockquote>
<p>The London Fire Brigade said 10 fire engines and about 70 firefighters had been sent to
the blaze in Hayes, west London.</p>
</article></body></html>"""


def test_a_signature_after_the_post_on_its_line_names_its_author() -> None:
    extraction = extract(read_html(PAGE))
    texts = [" ".join(s.text.split()) for s in extraction.sentences]
    assert not any("@ssencommunity" in t for t in texts)
    post = next(s for s in extraction.sentences if s.text.startswith("We are working"))
    assert (post.speaker, post.speaker_type) == (
        "Scottish and Southern Electricity Networks",
        ORGANIZATION,
    )


def test_the_same_in_pasted_text() -> None:
    text = (
        "Power was cut to 16,300 homes in west London on Friday.\n\n"
        "We are working to restore power as quickly as possible. — Scottish and Southern "
        "Electricity Networks (@ssencommunity) March 21, 2025\n"
    )
    sentences = extract(read_text(text)).sentences
    assert [s.speaker for s in sentences] == ["", "Scottish and Southern Electricity Networks"]
