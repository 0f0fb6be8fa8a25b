"""How check-worthy a sentence is, with the reasons shown to editors.

``RuleScorer`` adds up hand-set feature weights and squashes the sum with a sigmoid, so every
score can be explained as "baseline + number + named entity - hedge ...". The learned model
(``claims.extraction.learned``) is the default scorer and uses these rule features among its
own; any ``Scorer`` fits, since the pipeline only needs ``score(text)``.

Feature names are shown to editors and stored with each claim: rename one only together with a
data migration of the stored explanations.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from claims.extraction.lexicon import (
    ATTRIBUTION_PARTICIPLES,
    ATTRIBUTION_VERBS,
    ENGLISH_STOPWORDS,
    MONTH_NAMES,
    ORG_WORDS,
    SENTENCE_STARTERS,
    WEEKDAYS,
    word_set,
)
from claims.extraction.quantities import find_quantities
from claims.extraction.schedules import scheduled


@dataclass(frozen=True)
class Feature:
    name: str
    value: float
    weight: float
    contribution: float  # value * weight: what the feature added to the logit

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "weight": self.weight,
            "contribution": round(self.contribution, 4),
        }


class Scorer(Protocol):
    def score(self, text: str) -> tuple[float, tuple[Feature, ...]]:
        """Check-worthiness of one sentence in [0, 1], and the features that explain it."""
        ...


# Word lists are looked up in sets on a per-sentence token list: a regex alternation of a few
# hundred words costs far more per megabyte than one tokenisation and set membership.

# "-s" forms that are also common nouns ("our promises", "the claims") count as attribution only
# right after a name or pronoun ("Reuters reports", "she claims").
_NOUN_LIKE_VERBS = word_set(
    "claims reports notes estimates promises replies counters states points"
)
_PLAIN_ATTRIBUTION = ATTRIBUTION_VERBS - _NOUN_LIKE_VERBS
# One word boundary for every alternative (the same matches as each alternative starting with
# its own \b, checked on 76,621 texts): most positions in a sentence are inside a word, and
# this fails there at once. 0.31 s -> 0.18 s over the 1 MB benchmark text's sentences.
_DATE = re.compile(
    r"\b(?:(?<![\d,.])(?:1[89]\d\d|20\d\d)\b(?!\s?%|,\d|\.\d)"
    r"|(?:January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
    r"|May(?=\s+\d)|(?:in|on|by|since|until|last|early|late|mid)\s+May\b"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|(?i:(?:yesterday|today|tonight"
    r"|(?:this|last|earlier\s+this)\s+(?:week|month|year|decade|century"
    r"|morning|afternoon|evening|night|spring|summer|autumn|fall|winter|quarter)"
    r"|in\s+recent\s+(?:years|months|weeks|decades)|since\s+then|in\s+the\s+past"
    r"|decades?(?:-old)?|centuries|ago)\b))"
)
_TOKEN = re.compile(r"[A-Za-z][\w’'&.-]*|\d[\d,.]*")
_NAME_CONNECTORS = frozenset({"of", "for", "and", "&", "de", "the", "on", "von", "van", "al"})
_LOWERCASE_ORGS = word_set("""
    government ministry parliament department commission agency police court army council
    senate congress cabinet regulator watchdog""")
_COMPARATIVES = word_set("""
    more less fewer higher lower greater larger bigger smaller cheaper faster slower older
    younger better worse longer shorter""")
_SUPERLATIVES = word_set("""
    doubled tripled halved record records first only largest biggest highest lowest
    greatest smallest oldest newest longest shortest fastest strongest weakest worst best
    deadliest richest poorest hottest coldest warmest wettest driest heaviest busiest earliest
    cheapest widest deepest tallest most least northmost southmost""")
_QUOTE = re.compile(r"[“\"‘«][^”\"’»]{12,}")
_EVENT_VERBS = word_set("""
    amended provided transferred shot signed voted rose fell killed died won lost approved
    passed banned launched invaded occupied annexed arrested sentenced convicted charged
    elected appointed resigned dropped increased decreased doubled tripled grew declined
    reached recorded spent paid raised cut closed opened built destroyed seized captured
    released published introduced imposed lifted blocked vetoed backed rejected adopted agreed
    ratified withdrew deployed attacked bombed collapsed caught struck injured wounded
    evacuated displaced founded established created began started ended expired became held
    hosted visited sold bought acquired merged invested borrowed owed earned received donated
    awarded granted fined sued ruled overturned acquitted jailed executed fished landed
    exceeded surged plunged slumped soared halted suspended abolished scrapped repealed enacted
    allocated compensated""")
_IRREGULAR_PARTICIPLES = word_set("""
    known shown seen held paid taken given made built sold found won lost born done shot led
    kept spent told struck hit cut set put run sent brought bought thrown caught left written
    drawn driven chosen frozen stolen broken spoken beaten hidden begun grown fallen risen""")
_ADVERBS = word_set("also not now still already never just long since even")
_FORECAST_PARTICIPLES = word_set(
    "expected set likely poised due forecast projected predicted going scheduled supposed"
)
_INTENT_VERBS = word_set("plan plans intend intends aim aims vow vows promise promises")
_BE = word_set("is are was were")
_HEDGES = word_set("""
    could might may perhaps possibly reportedly allegedly probably apparently seemingly
    likely unlikely""")
# A question, also one quoted and then attributed: '"Is that right?" he asked.'
# A written parliamentary question has no question mark: "To ask the Secretary of State for
# Health, how many NHS dentists ...", "To ask His Majesty's Government what ...".
_QUESTION = re.compile(
    r"\?[\"'”’»)\]]*\s*$"
    r"|\?[\"'”’»]\s*,?\s*(?:[\w.'’-]+\s+){0,4}(?:asked|wondered|inquired|queried)\b"
    r"|^\s*To\s+ask\s+(?:the|His|Her)\s+[A-Z]"
)
_OPINION = re.compile(  # one leading \b for every alternative, as _DATE
    r"\b(?:(?:I|[Ww]e)\s+(?:(?:really|strongly|personally|firmly|do|also|still|just)\s+)*"
    r"(?:think|believe|feel|guess|suppose|reckon|hope|doubt|suspect|expect|wish"
    r"|(?:am|are)\s+(?:sure|convinced|confident|certain|afraid))\b"
    r"|(?:I|[Ww]e)[’']m\s+(?:sure|convinced|confident|certain|afraid)\b"
    r"|(?i:(?:in\s+(?:my|our)\s+(?:view|opinion)|personally|my\s+(?:own\s+)?view\s+is"
    r"|frankly|i\s+would\s+argue|it\s+seems\s+to\s+me)\b))"
)
# "would/could/might" after "said that" are reported speech in the past, not the writer's
# forecast; "will" stays a prediction wherever it is.
_BACKSHIFTED = frozenset({"would", "could", "might"})
# Two patterns, one read at the start only (re.match: search would try every position of the
# sentence for the "^"), the other anywhere; together what one pattern with "|" matched.
_CALL_TO_ACTION_OPENING = re.compile(
    r"\W*(?:share|subscribe|click|tap|sign\s+up|follow|join|download|register|log\s+in"
    r"|donate|tell\s+us|let\s+us\s+know|don[’']t\s+miss|read|watch|listen|check\s+out"
    r"|find\s+out|learn\s+more|get\s+(?:the|our|your))\b",
    re.IGNORECASE,
)
_CALL_TO_ACTION_ANYWHERE = re.compile(
    r"\b(?:share\s+this|click\s+here|sign\s+up\s+(?:for|to|now)|subscribe\s+(?:to|now|today)"
    r"|follow\s+us)\b",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(  # read with re.match: at the start only
    r"\W*(?:think|imagine|consider|take|look|let[’']?s?|remember|don[’']t|do\s+not|make"
    r"|try|stop|go|see)\b",
    re.IGNORECASE,
)
_SECOND_PERSON = word_set("you your you’re you're yours yourself")
_FUNCTION_WORDS = word_set(
    "the a an of to in on and is are was were for with that it by at as from has have be"
)
_CONTENT_STOPWORDS = (
    ENGLISH_STOPWORDS
    | _FUNCTION_WORDS
    | word_set("""
        this these those some any what who how why you your our we they them can could would
        should may might now just very really thing things something stuff lot""")
)


@dataclass
class _View:
    """One sentence, tokenised once for all the rules."""

    text: str
    words: list[str] = field(init=False)  # tokens as written
    lower: list[str] = field(init=False)  # lower case, final period dropped
    attribution_at: int = field(init=False)  # index of the first attribution word, or len

    def __post_init__(self) -> None:
        self.words = _TOKEN.findall(self.text)
        self.lower = [w.rstrip(".").lower() for w in self.words]
        self.attribution_at = _first_attribution(self)

    def next_is(self, i: int, *options: str) -> bool:
        return i + 1 < len(self.lower) and self.lower[i + 1] in options


def _first_attribution(view: _View) -> int:
    text, words, lower = view.text, view.words, view.lower
    has_participle = not ATTRIBUTION_PARTICIPLES.isdisjoint(lower)
    comma_before = _commas_before(text, words) if has_participle else []
    for i, w in enumerate(lower):
        if w in _PLAIN_ATTRIBUTION:
            return i
        if w == "according" and i + 1 < len(lower) and lower[i + 1] == "to":
            return i
        if has_participle and w in ATTRIBUTION_PARTICIPLES and comma_before[i]:
            return i  # ", arguing that ..."; "despite maintaining its claim" is no speech
        if (
            w in _NOUN_LIKE_VERBS
            and i > 0
            and (words[i - 1][0].isupper() or lower[i - 1] in {"he", "she", "it"})
        ):
            return i
    return len(lower)


def _commas_before(text: str, words: list[str]) -> list[bool]:
    result: list[bool] = []
    pos = 0
    for w in words:
        found = text.find(w, pos)
        result.append(text[pos:found].rstrip().endswith(","))
        pos = found + len(w)
    return result


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def count_named_entities(text: str) -> int:
    """Runs of capitalised words ("Sergey Lavrov", "Russian Ministry of Foreign Affairs").

    Sentence openers ("The", "However"), months and weekdays are not names; a connector such
    as "of" only joins two capitalised words.
    """
    return _named_entities(_View(text))


def _named_entities(view: _View) -> int:
    runs = 0
    in_run = False
    pending_connector = False
    for token, lower in zip(view.words, view.lower, strict=True):
        possessive = lower.endswith(("’s", "'s"))
        bare = lower[:-2] if possessive else lower
        capitalised = token[0].isupper() and not (
            bare in SENTENCE_STARTERS or bare in MONTH_NAMES or bare in WEEKDAYS
        )
        if capitalised:
            if not in_run:
                runs += 1
            in_run = True
            pending_connector = False
        elif in_run and lower in _NAME_CONNECTORS and not pending_connector:
            pending_connector = True
        else:
            in_run = False
            pending_connector = False
        if possessive:
            in_run = False  # "Japan’s northernmost province" is one name, then a noun
    return runs


def _has_org(view: _View) -> bool:
    for token, lower in zip(view.words, view.lower, strict=True):
        bare = lower[:-2] if lower.endswith(("’s", "'s")) else lower
        if bare in ORG_WORDS and token[0].isupper():
            return True
        if bare in _LOWERCASE_ORGS:
            return True
    return False


def _is_participle(word: str) -> bool:
    return (len(word) > 3 and word.endswith("ed")) or word in _IRREGULAR_PARTICIPLES


def _after_auxiliary(view: _View, i: int) -> int:
    """Index of the word after an auxiliary at ``i``, skipping one adverb ("has also been")."""
    j = i + 1
    if j < len(view.lower) and (view.lower[j] in _ADVERBS or view.lower[j].endswith("ly")):
        j += 1
    return j


def _past_events(view: _View) -> float:
    lower = view.lower
    count = 0
    covered: set[int] = set()
    for i, w in enumerate(lower):
        if w in {"has", "have", "had"}:
            j = _after_auxiliary(view, i)
            if j < len(lower) and (lower[j] == "been" or _is_participle(lower[j])):
                count += 1  # "has hampered", "have been administered"
                covered.add(j)
    count += sum(1 for i, w in enumerate(lower) if w in _EVENT_VERBS and i not in covered)
    return float(min(count, 2))


def _passive(view: _View) -> float:
    lower = view.lower
    for i, w in enumerate(lower):
        if w in _BE or w in {"been", "being"}:
            j = _after_auxiliary(view, i)
            if j < len(lower) and _is_participle(lower[j]):
                if lower[j] in _FORECAST_PARTICIPLES and view.next_is(j, "to"):
                    continue  # "is expected to" is a forecast
                return 1.0
    return 0.0


def _comparisons(view: _View) -> float:
    lower = view.lower
    count = 0
    for i, w in enumerate(lower):
        if (
            w in _SUPERLATIVES
            or w.endswith("ernmost")
            or (w in _COMPARATIVES and view.next_is(i, "than"))
            or (w == "compared" and view.next_is(i, "with", "to"))
            or (w in {"twice", "half"} and view.next_is(i, "as"))
        ):
            count += 1
    return float(min(count, 2))


def _hedges(view: _View) -> float:
    count = 0
    for i, (token, w) in enumerate(zip(view.words, view.lower, strict=True)):
        if (w in _HEDGES and token[0].islower()) or (
            w in {"seem", "seems", "appear", "appears"} and view.next_is(i, "to")
        ):  # "May" is a month
            count += 1
    return float(min(count, 2))


def _prediction(view: _View) -> float:
    lower = view.lower
    for i, w in enumerate(lower):
        if w in {"will", "won’t", "won't", "shall"} or w.endswith(("’ll", "'ll")):
            if w in {"will", "won’t", "won't"} and scheduled(lower, i):
                continue  # "Parliament will be dissolved on 30 May": a timetable
            return 1.0
        if w in _BACKSHIFTED:
            if view.next_is(i, "have"):
                continue  # "would have compensated" is about the past
            if i > view.attribution_at:
                continue
            return 1.0
        if (
            w in _BE
            and i + 2 < len(lower)
            and lower[i + 1] in _FORECAST_PARTICIPLES
            and lower[i + 2] == "to"
        ):
            return 1.0
        if w in _INTENT_VERBS and view.next_is(i, "to"):
            return 1.0
    return 0.0


def _normative(view: _View) -> float:
    lower = view.lower
    for i, w in enumerate(lower):
        if w in {"should", "must"}:
            return 1.0
        if w in {"ought", "need", "needs", "has", "have"} and view.next_is(i, "to"):
            return 1.0
    return 0.0


def _short_fragment(view: _View) -> float:
    # Words, not numbers: "15 Feb, 2021 11:59" is a fragment however many digits it has.
    return 1.0 if sum(1 for w in view.words if w[0].isalpha()) < 4 else 0.0


def _few_content_words(view: _View) -> float:
    content = sum(
        1 for w in view.lower if len(w) >= 3 and w[0].isalpha() and w not in _CONTENT_STOPWORDS
    )
    return 1.0 if content < 3 else 0.0


def _not_a_sentence(view: _View) -> float:
    """A run of labels with no function words at all: menus, tag clouds, icon names."""
    words = [w for w in view.lower if w[0].isalpha()]
    return 1.0 if len(words) >= 6 and not _FUNCTION_WORDS.intersection(words) else 0.0


def _numbers(view: _View) -> float:
    return float(min(len(find_quantities(view.text)), 3))


def _capped(pattern: re.Pattern[str], cap: int) -> Callable[[_View], float]:
    return lambda view: float(min(len(pattern.findall(view.text)), cap))


_CALL_TO_ACTION_WORDS = ("share", "click", "sign", "subscribe", "follow")


def _call_to_action(view: _View) -> float:
    text = view.text
    if _CALL_TO_ACTION_OPENING.match(text):
        return 1.0
    lower = text.lower()  # a cheap look first: most sentences have none of the words
    if any(word in lower for word in _CALL_TO_ACTION_WORDS):
        return 1.0 if _CALL_TO_ACTION_ANYWHERE.search(text) else 0.0
    return 0.0


def _flag(pattern: re.Pattern[str]) -> Callable[[_View], float]:
    return lambda view: 1.0 if pattern.search(view.text) else 0.0


@dataclass(frozen=True)
class _Rule:
    name: str
    weight: float
    measure: Callable[[_View], float]


# Weights are set by hand on news articles: a sentence needs about two independent signs of a
# checkable fact (a number and a named actor, a date and an event verb) to reach 0.5.
_RULES: tuple[_Rule, ...] = (
    _Rule("number", 0.9, _numbers),
    _Rule("date_or_time", 0.6, _capped(_DATE, 2)),
    _Rule("named_entity", 0.45, lambda v: float(min(_named_entities(v), 3))),
    _Rule("organisation", 0.4, lambda v: 1.0 if _has_org(v) else 0.0),
    _Rule("attribution_verb", 0.7, lambda v: 1.0 if v.attribution_at < len(v.lower) else 0.0),
    _Rule("comparison_or_superlative", 0.5, _comparisons),
    _Rule("quote", 0.3, _flag(_QUOTE)),
    _Rule("past_event_verb", 0.6, _past_events),
    _Rule("passive_voice", 0.4, _passive),
    _Rule("question", -2.0, _flag(_QUESTION)),
    _Rule("first_person_opinion", -1.5, _flag(_OPINION)),
    _Rule("hedge", -0.35, _hedges),
    _Rule("prediction", -1.2, _prediction),
    _Rule("normative", -0.8, _normative),
    _Rule("call_to_action", -2.5, _call_to_action),
    _Rule("imperative", -1.0, lambda v: 1.0 if _IMPERATIVE.match(v.text) else 0.0),
    _Rule("exclamation", -1.0, lambda v: 1.0 if "!" in v.text else 0.0),
    _Rule("second_person", -0.5, lambda v: 1.0 if _SECOND_PERSON.intersection(v.lower) else 0.0),
    _Rule("short_fragment", -1.5, _short_fragment),
    _Rule("few_content_words", -1.0, _few_content_words),
    _Rule("not_a_sentence", -1.5, _not_a_sentence),
)
FEATURE_NAMES: tuple[str, ...] = ("baseline", *(rule.name for rule in _RULES))


class RuleScorer:
    """Explainable check-worthiness: sigmoid(baseline + sum of feature contributions).

    ``score`` returns the "baseline" first and then only the features that fired, so the
    contributions of the returned features always add up to the logit.
    """

    def __init__(self, *, bias: float = -1.1, weights: dict[str, float] | None = None) -> None:
        unknown = set(weights or {}) - set(FEATURE_NAMES)
        if unknown:
            raise ValueError(
                f"Unknown feature weight(s) {sorted(unknown)}; use names from FEATURE_NAMES."
            )
        self.bias = bias
        self.weights = {rule.name: rule.weight for rule in _RULES} | (weights or {})

    def score(self, text: str) -> tuple[float, tuple[Feature, ...]]:
        view = _View(text)
        features = [Feature("baseline", 1.0, self.bias, self.bias)]
        for rule in _RULES:
            value = rule.measure(view)
            if value:
                weight = self.weights[rule.name]
                features.append(Feature(rule.name, value, weight, value * weight))
        logit = sum(f.contribution for f in features)
        return _sigmoid(logit), tuple(features)
