"""A line of a hard-wrapped paragraph is no headline (2026-12-07, session 27; AP-style copy
written here, wrapped at 100 characters). "The National Assembly approved the motion 331-244,
well above the 288 votes needed. Barnier, 73," was the article's title: it ends with a comma,
not a full stop."""

from __future__ import annotations

from claims.extraction import extract, read_text

WRAPPED = """PARIS (AP) — French Prime Minister Michel Barnier's government collapsed Wednesday after lawmakers
voted overwhelmingly to oust him, the first successful no-confidence vote in France since 1962.

The National Assembly approved the motion 331-244, well above the 288 votes needed. Barnier, 73,
is expected to tender his resignation to President Emmanuel Macron on Thursday.

Marine Le Pen, whose far-right National Rally party backed the motion, said Barnier had left
lawmakers no choice. "We were asked to vote for a budget that would have hurt the French," she
told TF1 television.
"""  # noqa: E501 - the copy's own line width


def test_a_hard_wrapped_line_is_no_headline() -> None:
    extraction = extract(read_text(WRAPPED))
    assert extraction.document.title == ""
    assert extraction.sentences[1].text.replace("\n", " ") == (
        "The National Assembly approved the motion 331-244, well above the 288 votes needed."
    )


def test_a_headline_over_wrapped_copy_stays() -> None:
    text = "French government falls in no-confidence vote\n\n" + WRAPPED
    title = extract(read_text(text)).document.title
    assert title == "French government falls in no-confidence vote"
