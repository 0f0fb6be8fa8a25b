"""A quoted policy of not commenting is no claim, and a quoted sentence is no headline
(2026-12-07, session 27; business copy written here).

'"We don't comment on speculation," an Apple spokesperson said' scored 0.35-0.38, above the
threshold: a claim with nothing in it to check. 'A spokesperson for the Home Office said: "We do
not comment on individual cases."' was also the plain-text article's title (its line ends with
a quotation mark, not the full stop inside it).
"""

from __future__ import annotations

import pytest

from claims.extraction import extract, read_text
from claims.extraction.prose import says_only_no_comment

LEDE = "Apple is in talks to buy the studio, people familiar with the matter said."


@pytest.mark.parametrize(
    "sentence",
    [
        '"We don\'t comment on speculation," an Apple spokesperson said.',
        '"We do not comment on rumours or speculation," a spokesman for the company said.',
        'A spokesperson for the Home Office said: "We do not comment on individual cases."',
        "“We never comment on leaks,” Apple said.",
    ],
)
def test_a_quoted_policy_of_not_commenting_is_no_claim(sentence: str) -> None:
    assert says_only_no_comment(sentence)
    extraction = extract(read_text(f"{LEDE}\n\n{sentence}\n"))
    unit = extraction.sentences[-1]
    assert unit.text == sentence
    assert unit not in extraction.claims()


@pytest.mark.parametrize(
    "sentence",
    [
        '"We do not comment on speculation, but we have hired 3,000 engineers," Apple said.',
        '"We never comment on leaks. The product is safe," Apple said.',
        '"We do not comment on speculation," Apple said, adding that sales rose.',
    ],
)
def test_a_policy_with_something_else_said_stays(sentence: str) -> None:
    assert not says_only_no_comment(sentence)


def test_a_quoted_sentence_is_no_headline() -> None:
    text = (
        f"{LEDE}\n\n"
        'A spokesperson for the Home Office said: "We do not comment on individual cases."\n\n'
        "The deal is worth $2bn.\n"
    )
    assert extract(read_text(text)).document.title == ""
    text = 'Starmer: "We will rebuild Britain"\n\nKeir Starmer said the plan would cost £2bn.\n'
    assert extract(read_text(text)).document.title == 'Starmer: "We will rebuild Britain"'


@pytest.mark.parametrize(
    ("sentence", "only"),
    [
        # session 28: what someone would not say is no claim ("did not say how much" scored 0.85)
        ("The company did not say how much it spent last year.", True),
        ("Police declined to say whether anyone had been arrested.", True),
        ("Apple would not disclose how many phones it sold.", True),
        # what someone did not say is a claim about them; a figure or another clause stays
        ("Smith did not say the vaccine was unsafe.", False),
        ("The company did not say how much it spent, but analysts estimate $40bn.", False),
    ],
)
def test_what_someone_would_not_say(sentence: str, only: bool) -> None:
    assert says_only_no_comment(sentence) is only


@pytest.mark.parametrize(
    ("sentence", "only"),
    [
        # session 28, Senate copy: scored 0.93 ("immediately" before "comment", and a clause
        # that only describes the subject)
        (
            "President-elect Donald Trump, who had opposed an earlier version, did not "
            "immediately comment.",
            True,
        ),
        # something said before it is a claim
        ("Smith said he would appeal and declined to comment.", False),
    ],
)
def test_no_comment_after_a_describing_clause(sentence: str, only: bool) -> None:
    assert says_only_no_comment(sentence) is only


@pytest.mark.parametrize(
    ("sentence", "policy"),
    [
        # session 29, technology copy: "declined to give a breakdown" scored 0.92
        ("A Microsoft spokesperson declined to give a breakdown of the figure.", True),
        ("Police declined to elaborate.", True),
        ("He declined to give details of the deal.", True),
        # guards: another clause, a figure, or something else declined stays a claim
        ("The company declined to give details but said sales rose.", False),
        ("Smith declined to give evidence at the trial.", False),
        ("The firm declined to provide a breakdown of its 2,000 job cuts.", False),
    ],
)
def test_declining_to_add_details_is_no_claim(sentence: str, policy: bool) -> None:
    assert says_only_no_comment(sentence) is policy
