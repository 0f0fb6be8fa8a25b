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
        ("The senator denied voting for the bill.", "The senator voted for the bill.", "negated"),
        ("The claim that 5G spreads the virus is false.", "5G spreads the virus.", "negated"),
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
        # "false" that only describes something denies nothing (before: "different actor:
        # Anyone vs Giving").
        ("Anyone giving false information can be fined.", "Giving false information costs a fine."),
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
    assert compare("Lee Kim won the race.", "Leo Kirk won the race.").reason == (
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


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A common word's capital at the start of a sentence names nobody (before: "different
        # actor: Photographs vs Pictures").
        (
            "Photographs show a huge crowd at the Trump rally.",
            "Pictures show a huge crowd at the Trump rally.",
        ),
        # Nor in a word written in capitals (before: "SHOCKING vs Reports").
        ("SHOCKING: Biden wins Georgia", "Reports: Biden won Georgia."),
        # Nor in a title-cased headline (before: "Evict vs New York").
        (
            "Did Trump Evict a Disabled Veteran Over a Therapy Dog?",
            "Donald Trump evicted a disabled veteran from a New York building.",
        ),
        # "U.S." and "US" are one actor (before: "U.S vs US").
        ("U.S. forces bombed Raqqa.", "US forces bombed Raqqa, the Kurds said."),
        # An actor of another sentence is not the claim's (before: "Drivers vs Rishi Sunak").
        (
            "The fuel duty rose by 5p. Drivers in Wales were furious.",
            "The fuel duty rose by 5p under Rishi Sunak.",
        ),
        # Nor a figure of another sentence, or an embedded tweet's date (before: "different
        # figure: two vs £100").
        (
            "For two years I paid nothing. Anyone over 70 mph gets a ticket on the M25."
            " — Jane Doe (@jdoe10) February 1, 2018",
            "Drivers over 70 mph on the M25 get a £100 ticket in the post.",
        ),
        # Nor a "no" of another sentence (before: "negated").
        ("The mayor banned fireworks in Leeds. Nobody expected it.", "The mayor banned fireworks."),
    ],
)
def test_capitals_and_sentences_that_say_nothing_about_the_claim(a: str, b: str) -> None:
    assert compare(a, b) == MatchKind("same")


def test_an_embedded_tweets_signer_is_no_actor_of_its_claim() -> None:
    signature = " — Sean Spicer (@PressSec) January 21, 2017"
    tweet = "Glad to see the MLK bust back in the Oval Office" + signature
    assert "Sean Spicer" not in actors(tweet)
    assert compare(tweet, "Donald Trump put the MLK bust back in the Oval Office.").kind == "same"
    # ... but the claim may be about the signer.
    signed = "Donald Trump put the MLK bust back in the Oval Office" + signature
    assert compare(signed, "Sean Spicer said the MLK bust is back in the Oval Office.").kind == (
        "same"
    )


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        # Names keep their capitals wherever they stand: a name is no common word.
        ("Japan sent troops.", "Russia sent troops.", "different actor: Japan vs Russia"),
        (
            "BREAKING: Biden signed the bill.",
            "Trump signed the bill.",
            "different actor: Biden vs Trump",
        ),
        (
            "Did Biden Sign the Bill on Energy?",
            "Trump signed the bill on energy.",
            "different actor: Biden vs Trump",
        ),
        # The sentences that share the claim's words still carry its negation and actors.
        (
            "I did not ban fireworks in Leeds. It was the council.",
            "The mayor banned fireworks in Leeds.",
            "negated",
        ),
        (
            "Rishi Sunak raised the fuel duty by 5p. Drivers were furious.",
            "Jeremy Hunt raised the fuel duty by 5p.",
            "different actor: Rishi Sunak vs Jeremy Hunt",
        ),
    ],
)
def test_the_guard_still_tells_these_apart(a: str, b: str, reason: str) -> None:
    assert compare(a, b) == MatchKind("related", reason)


def test_common_words_are_counted_inside_sentences_only() -> None:
    from bench.build_common_words import count

    small, capital = count(
        iter(["People said the White House lied.", "Many people saw the white car.", "White"])
    )
    # "People" opens a sentence and the lone "White" a text: neither is counted.
    assert small["people"] == 1 and capital["people"] == 0
    assert (small["white"], capital["white"]) == (1, 1)
    assert capital["house"] == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # An acronym and its name written out are one actor.
        (
            "BLM activists blocked the highway in Atlanta.",
            "Black Lives Matter activists blocked the highway, the Atlanta Police said.",
        ),
        (
            "The AHCA cuts Medicaid by $800 billion.",
            "The American Health Care Act cuts Medicaid by $800 billion.",
        ),
        # "I'm" opens a sentence like "I" (before: "different actor: I'm vs Ohio").
        ("I'm told the ban starts in Ohio.", "Ohio's ban starts in May, Mike DeWine said."),
    ],
)
def test_one_actor_in_other_words(a: str, b: str) -> None:
    assert compare(a, b) == MatchKind("same")


def test_names_keep_their_common_words_where_they_are_names() -> None:
    # A name opening a sentence keeps a common first word; a surname after a given name stays
    # even where capitals say little; two sentences do not make one name.
    text = (
        "Black Lives Matter activists met Jeremy Hunt and Theresa May. New York banned it. "
        "Photographs show Trump's American Health Care Act. White House officials agreed."
    )
    assert actors(text) == [
        "Black Lives Matter",
        "Jeremy Hunt",
        "Theresa May",
        "New York",
        "Trump",
        "American Health Care Act",
        "White House",
    ]


def test_who_said_a_claim_is_no_actor_of_it() -> None:
    # Two outlets quoting two sources for one figure repeat one claim...
    assert compare(
        "The fuel duty rose by 5p, Rishi Sunak announced.",
        "According to Reuters, the fuel duty rose by 5p.",
    ) == MatchKind("same")
    # ... but a source can be what the other claim is about, and a different actor in the
    # claim itself still tells two claims apart.
    assert compare(
        "Japan sent troops to the island, Reuters reported.",
        "Russia sent troops to the island, Reuters reported.",
    ) == MatchKind("related", "different actor: Japan vs Russia")
