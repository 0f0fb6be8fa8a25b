"""The real-news yardstick (bench/eval_extraction.py) and its gold labels.

The labels must stay usable while the extractor changes: every `must` names exactly one place
of its page and every junk string is on the page. The figures themselves are not asserted
here (the targets live in bench/EXTRACTION.md); only that the evaluator runs the service's
path over every page and returns proportions.
"""

from __future__ import annotations

import math

import pytest

from bench.eval_extraction import (
    PRIOR_GRID,
    Counts,
    GoldPage,
    PageResult,
    Read,
    choose_prior,
    gold_problems,
    load_gold,
    read_page,
    same_entity,
    score_page,
    totals,
    with_prior,
)
from claims.extraction.prose import ARTICLE_PRIOR_WEIGHT

GOLD = load_gold()
NEWS = [p for p in GOLD if p.set == "news"]


@pytest.fixture(scope="module")
def reads() -> dict[str, Read]:
    """Each page read once through the service's path, for all the tests here."""
    return {page.file: read_page(page.path) for page in GOLD}


@pytest.fixture(scope="module")
def results(reads: dict[str, Read]) -> list[PageResult]:
    return [score_page(page, reads[page.file]) for page in GOLD]


def test_gold_covers_the_eight_news_pages_and_the_example_article() -> None:
    assert len(NEWS) == 8
    assert len({p.file for p in GOLD}) == len(GOLD)
    for page in GOLD:
        assert page.path.exists(), f"{page.file} is missing: see bench/data/news/README.md"
        assert page.title and page.date_published
        assert any(c.required for c in page.claims)
        assert page.junk
    example = next(p for p in GOLD if p.name == "kuril-islands-2021-02-15.txt")
    required = {c.must for c in example.claims if c.required}
    assert any("Allied forces" in m and "provided ships" in m for m in required)
    assert any("20,000" in m and "islanders" in m for m in required)


@pytest.mark.parametrize("page", GOLD, ids=lambda p: p.name)
def test_gold_labels_are_well_formed(page: GoldPage, reads: dict[str, Read]) -> None:
    assert gold_problems(page, reads[page.file].document.text) == []


def test_evaluator_returns_proportions_for_every_page(results: list[PageResult]) -> None:
    assert [r.page for r in results] == GOLD
    for result in results:
        counts = result.counts
        assert result.read.claims, f"no claims from {result.page.name}"
        assert counts.must_total == sum(c.required for c in result.page.claims)
        for value in (counts.must_recall, counts.speaker_precision, counts.speaker_recall):
            assert 0.0 <= value <= 1.0 and not math.isnan(value)
        # Every miss is explained, so engineers can work from the report.
        assert len(result.misses) == counts.must_total - counts.must_found
        assert counts.junk == len(result.junk_claims)
    news = totals(results)["news"]
    assert news.pages == 8
    assert 0 <= news.dates_right <= 8
    for value in (news.must_recall, news.speaker_precision, news.speaker_recall):
        assert 0.0 <= value <= 1.0


@pytest.mark.parametrize(
    ("given", "gold", "same"),
    [
        ("Jason Kersten", "Jason Kersten", True),
        ("Department of Correction spokesman Jason Kersten", "Jason Kersten", True),
        ("Kersten", "Jason Kersten", True),
        ("Dr Fauci", "Anthony Fauci", True),
        ("His Honour Judge Neil Ford QC", "Neil Ford", True),
        ("the Associated Press", "Associated Press", True),
        ("Lukas Stefanko with ESET", "Lukas Stefanko", True),
        ("Velazquez", "Marjorie Velázquez", True),
        ("Emails", "Jason Kersten", False),
        ("Jason", "Jason Kersten", False),
        ("NBC News' Today", "Anthony Fauci", False),
        ("", "Jason Kersten", False),
    ],
)
def test_speaker_names_match_the_same_entity_only(given: str, gold: str, same: bool) -> None:
    assert same_entity(given, gold) is same


def test_prior_choice_takes_the_fewest_other_claims_that_reach_the_target() -> None:
    def counts(found: int, other: int, junk: int = 0) -> Counts:
        return Counts(pages=7, must_total=100, must_found=found, other=other, junk=junk)

    choices = {
        0.0: counts(80, 5),
        0.5: counts(95, 9),
        1.0: counts(96, 8),  # reaches 0.95 with fewer other claims than 0.5
        1.5: counts(99, 8),  # as few, but a larger change
        2.0: counts(100, 3, junk=1),  # junk rules it out
    }
    assert choose_prior(choices) == 1.0
    # When no weight reaches the target: the best recall without junk.
    short = {0.0: counts(80, 5), 1.0: counts(90, 12), 2.0: counts(94, 20, junk=1)}
    assert choose_prior(short) == 1.0
    assert ARTICLE_PRIOR_WEIGHT in PRIOR_GRID


def test_the_cross_validation_scores_a_weight_as_the_service_would(
    reads: dict[str, Read],
) -> None:
    """with_prior (what the leave-one-article-out choice scores) gives the service's claims."""
    page = next(p for p in NEWS if p.name.startswith("independent"))
    simulated = with_prior(read_page(page.path, article_prior=0.0), ARTICLE_PRIOR_WEIGHT)
    service = reads[page.file]
    assert [(c.start, c.checkworthiness, c.features) for c in simulated.claims] == [
        (c.start, c.checkworthiness, c.features) for c in service.claims
    ]


def test_a_standfirst_the_reader_drops_is_read(results: list[PageResult]) -> None:
    """The Telegraph's standfirst (shown under the headline, not in trafilatura's text) carries
    the article's verdict."""
    telegraph = next(r for r in results if r.page.name.startswith("telegraph"))
    assert any("was jailed for three years" in c.text for c in telegraph.read.claims)
