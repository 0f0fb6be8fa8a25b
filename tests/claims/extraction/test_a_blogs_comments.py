"""A blog post pasted or fetched with its comments: the comments' heading ("12 thoughts on
“...”", "Leave a Reply") and everything under it are readers' words, never the post's."""

from __future__ import annotations

from claims.extraction import extract, read_html, read_text

POST = (
    "Why I quit my job to become a beekeeper\n\n"
    "Three years ago I was working 60-hour weeks as an accountant in London. Today I look "
    "after 40 hives in rural Devon.\n\n"
    "But honey sales have grown every year, and last summer we sold 1,200 jars at local "
    "markets.\n\n"
    "According to the British Beekeepers Association, there are around 45,000 beekeepers in the "
    "UK.\n\n"
    "Like this:\n\n"
    "Like Loading...\n\n"
    '12 thoughts on "Why I quit my job to become a beekeeper"\n\n'
    "Mark says: Great post! I paid £450 for my first hive in 2019.\n\n"
    "Leave a Reply Cancel reply\n\n"
    "Your email address will not be published. Required fields are marked *"
)


def test_the_comments_are_no_part_of_the_post() -> None:
    # Each was a sentence of the post; a comment with a figure would have been a claim.
    extraction = extract(read_text(POST))
    texts = [s.text for s in extraction.sentences]
    assert not [t for t in texts if "£450" in t or "thoughts on" in t or "Like" in t]
    assert not [t for t in texts if "email address" in t or "Leave a Reply" in t]
    assert any("45,000 beekeepers" in t for t in texts)
    assert "comments section" in {r for _, _, r in extraction.boilerplate}


def test_a_comment_count_high_up_cuts_nothing() -> None:
    text = POST.split("\n\nLike this:")[0].replace("\n\nBut honey", "\n\nComments (3)\n\nBut honey")
    texts = [s.text for s in extract(read_text(text)).sentences]
    assert any("45,000 beekeepers" in t for t in texts)


PAGE = (
    "<html><head><title>Why I quit my job to become a beekeeper</title></head><body><article>"
    "<h1>Why I quit my job to become a beekeeper</h1>"
    '<p class="post-meta">Posted on May 14, 2022 by Jane Carter | 12 Comments</p>'
    "<p>Three years ago I was working 60-hour weeks as an accountant in London. Today I look "
    "after 40 hives in rural Devon.</p>"
    "<p>My salary fell by more than half in the first year. But honey sales have grown every "
    "year, and last summer we sold 1,200 jars at local markets.</p>"
    "</article></body></html>"
)


def test_the_post_meta_line_names_the_author() -> None:
    # No author (the HTML reader left the post-meta line out, and its comment count kept the
    # line from reading as a byline), so the first-person sentences were nobody's.
    extraction = extract(read_html(PAGE))
    assert extraction.document.author == "Jane Carter"
    said = next(s for s in extraction.sentences if "40 hives" in s.text)
    assert said.speaker == "Jane Carter"


def test_a_comments_post_meta_names_no_author() -> None:
    page = PAGE.replace(
        '<p class="post-meta">Posted on May 14, 2022 by Jane Carter | 12 Comments</p>', ""
    ).replace(
        "</article>",
        '</article><div id="comments"><p class="post-meta">Posted on May 15, 2022 by Mark Lee</p>'
        "<p>Great post!</p></div>",
    )
    assert read_html(page).author == ""
