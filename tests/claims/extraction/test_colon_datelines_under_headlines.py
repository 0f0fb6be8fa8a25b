"""A colon dateline under a long headline (2026-12-07, session 27; Indian election copy written
here): "NEW DELHI: The Bharatiya Janata Party (BJP) won 48 of the 70 seats ..." kept its dateline
in the claim's text when the headline above it had eight words or more (the headline counted
as the body's start, after which no dateline is looked for)."""

from __future__ import annotations

from claims.extraction import extract, read_text

STORY = """BJP wins Delhi after 27 years, AAP routed

NEW DELHI: The Bharatiya Janata Party (BJP) won 48 of the 70 seats in the Delhi assembly \
election, the Election Commission said on Saturday.

AAP convener Arvind Kejriwal lost his New Delhi seat by 4,089 votes.
"""


def test_a_colon_dateline_under_a_long_headline_is_dropped() -> None:
    sentences = extract(read_text(STORY)).sentences
    assert sentences[1].text.startswith("The Bharatiya Janata Party (BJP) won 48")


def test_a_label_in_the_body_is_no_dateline() -> None:
    # Past the body's first sentence, a capitalised label before a colon stays in the text.
    text = STORY + "\nUPDATE: The count was confirmed at 48 seats on Sunday.\n"
    last = extract(read_text(text)).sentences[-1]
    assert last.text == "UPDATE: The count was confirmed at 48 seats on Sunday."
