"""The article prior: a declarative sentence of a news article is more likely a claim than a
sentence of a debate.

The learned scorer was trained on CheckThat! debate transcripts, where most lines are not
check-worthy and the ones that are carry numbers, names and comparisons. Written news is the
other way round: in the eight labelled real news pages (bench/data/news_gold.json) about nine
declarative sentences in ten are claims an editor would check, and the ones the debate model
scores low are the ones news prose is made of ("Live music will continue to be permitted",
"Targets are sent a link ... which must be installed manually", "On December 29, her boyfriend
... travelled from London"). A base rate that differs is a constant added to the logit, so the
prior is one feature, shown on the desk like any other:

    score == sigmoid(debate model's logit + ARTICLE_PRIOR_WEIGHT)   for a declarative sentence

A declarative sentence here: prose of six words or more that ends with a full stop (or an
exclamation mark), not a list item, a headline (no full stop), a question or a related-article
teaser. Its weight is chosen by leave-one-article-out cross-validation over the eight gold news
pages in ``bench/eval_extraction.py`` (its "Article prior" section reports the choice per
held-out page and the cross-validated figures); it is the choice on all eight pages. The weight
belongs to the model file it was chosen with: retrain the check-worthiness model and the
benchmark says whether the choice moved.
"""

from __future__ import annotations

import math
import re

from claims.extraction.scoring import Feature

ARTICLE_PRIOR = "news article: declarative sentence"
# Chosen by bench/eval_extraction.py on all eight gold news pages (leave-one-article-out it
# chose 1.00 or 1.25 per held-out page) for claims/extraction/data/checkworthiness.json.gz as
# retrained with the word stage on 2026-12-03. At the service threshold 0.32 it admits the
# declarative sentences the debate model scores at least 0.15.
ARTICLE_PRIOR_WEIGHT: float = 1.0

_DECLARATIVE_END = re.compile(r"[.!][\"'”’)\]]*\s*$")
_LIST_MARKER = re.compile(r"^\s*(?:[-–—•*·▪►]|\d+[.)]\s)")
_MIN_WORDS = 6
_EPSILON = 1e-9


def is_declarative(sentence: str, context: str = "") -> bool:
    """Whether ``sentence`` reads as a declarative sentence of the article's own prose.

    ``context`` is the sentence's ``ScoredSentence.context``: a related-article teaser ("Also on
    ...") is not the article's prose, whatever its shape.
    """
    if context:
        return False
    if len(sentence.split()) < _MIN_WORDS:
        return False
    return bool(_DECLARATIVE_END.search(sentence)) and not _LIST_MARKER.match(sentence)


def apply_article_prior(
    score: float, features: tuple[Feature, ...], weight: float
) -> tuple[float, tuple[Feature, ...]]:
    """``score`` with ``weight`` added to its logit, and the explanation with the prior right
    after the "baseline" (both are base rates), so the contributions still add up to the
    logit."""
    if not weight:
        return score, features
    p = min(1.0 - _EPSILON, max(_EPSILON, score))
    logit = math.log(p / (1.0 - p)) + weight
    prior = Feature(ARTICLE_PRIOR, 1.0, weight, weight)
    if features and features[0].name == "baseline":
        explained = (features[0], prior, *features[1:])
    else:
        explained = (prior, *features)
    return 1.0 / (1.0 + math.exp(-logit)), explained
