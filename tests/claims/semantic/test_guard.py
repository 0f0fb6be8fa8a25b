"""The guard tells near-misses apart: close in meaning, but not the same claim."""

from __future__ import annotations

import pytest

from claims.semantic.guard import WEAK_MATCH, MatchKind, actors, compare, label


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (
            "20,000 islanders live on the Kuril Islands.",
            "17,000 islanders live on the Kuril Islands.",
            "different figure: 20,000 vs 17,000",
        ),
        (
            "The bridge cost $4.5 billion, officials said.",
            "Officials said the bridge cost $3 billion.",
            "different figure: $4.5 billion vs $3 billion",
        ),
        (
            "Unemployment rose to 7.5% last year.",
            "Unemployment rose to 5.7% last year.",
            "different figure: 7.5% vs 5.7%",
        ),
        (
            "Japan sent troops to the disputed island.",
            "Russia sent troops to the disputed island.",
            "different actor: Japan vs Russia",
        ),
        (
            "President Joe Biden signed the order banning fracking.",
            "Donald Trump signed the order banning fracking.",
            "different actor: Joe Biden vs Donald Trump",
        ),
        ("The vaccine causes autism.", "The vaccine does not cause autism.", "negated"),
        ("Masks never stopped the flu.", "Masks stopped the flu.", "negated"),
        ("The senator didn't vote for the bill.", "The senator voted for the bill.", "negated"),
    ],
)
def test_near_misses_are_related_with_the_reason(a: str, b: str, reason: str) -> None:
    assert compare(a, b) == MatchKind("related", reason)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Rewordings of one claim: the same figure written differently, a shortened name,
        # a dropped figure, a double negation.
        ("The bridge cost 1.2 million euros.", "The bridge cost 1,200,000 euros."),
        (
            "President Joe Biden owns the largest mansion in Delaware.",
            "Biden owns the biggest mansion in Delaware.",
        ),
        (
            "NASA confirmed the Earth will go dark for six days in November.",
            "Earth will experience 6 days of total darkness in November, NASA says.",
        ),
        ("Over 20,000 islanders were moved by Japan.", "Japan moved the islanders."),
        ("It is not true that vaccines do not work.", "Vaccines work."),
    ],
)
def test_rewordings_are_the_same_claim(a: str, b: str) -> None:
    assert compare(a, b) == MatchKind("same")


def test_compare_reads_both_ways() -> None:
    assert compare("17,000 islanders", "20,000 islanders").reason == (
        "different figure: 17,000 vs 20,000"
    )


def test_actors_skip_titles_and_sentence_starters() -> None:
    assert actors("The Prime Minister Boris Johnson met officials from the Bank of England.") == [
        "Boris Johnson",
        "Bank of England",
    ]


def test_a_name_in_another_form_is_the_same_actor():
    first = "About 20,000 Russian citizens live on the disputed Kuril Islands."
    assert compare(first, "Some 20,000 Russians inhabit the contested Kurils.").kind == "same"
    assert compare("Russia sent troops.", "The Russians sent troops.").kind == "same"
    # A shared prefix of fewer than four letters is not a name's other form.
    assert compare("Lee Kim said so.", "Leo Kirk said so.").reason == (
        "different actor: Lee Kim vs Leo Kirk"
    )


def test_a_match_below_the_same_claim_floor_is_only_related() -> None:
    # Nothing tells these apart to the guard, but a weak match probability says they may be
    # two claims on one topic: "related", never "same" (so never "checked before").
    a = "About 20,000 Russian citizens live on the disputed Kuril Islands."
    b = "Russia deployed new missile systems on the Kuril Islands."
    assert compare(a, b) == MatchKind("same")
    assert label(a, b, score=0.05, same_from=0.166) == MatchKind("related", WEAK_MATCH)
    assert label(a, b, score=0.166, same_from=0.166) == MatchKind("same")
    assert label(a, b, score=0.05, same_from=None) == MatchKind("same")  # wording-only scores
    # A reason the guard finds comes first, whatever the score.
    c = "About 17,000 Russian citizens live on the disputed Kuril Islands."
    assert label(a, c, score=0.05, same_from=0.166).reason.startswith("different figure")
