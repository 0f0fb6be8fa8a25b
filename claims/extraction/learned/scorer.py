"""The learned check-worthiness scorer: calibrated logistic regressions read from plain JSON.

Three stages. The first (pure Python) scores every sentence from its word and character
n-grams and the rule features. The model file is written by ``training`` and holds, per
n-gram, its idf and its weight; per rule feature, its weight; a bias and the default threshold.
The later ones (``rescoring``) rescore the sentences whose score so far falls in their band:
the word stage from a weight per WordPiece token (derived from the base sentence encoder's
own token vectors; a look-up per word), then the sentence stage from the fine-tuned
check-worthiness classifier's logit for the whole sentence (onnxruntime; a narrow band, it is
the dear one, except in ``score_many(thorough=True)``, where it reads every sentence).
Calibration (Platt scaling) is already folded into the weights, so for every sentence

    score == sigmoid(sum of the returned features' contributions)

exactly: the "baseline" feature carries the bias, each fired rule feature carries
weight * value, the strongest n-gram groups carry their own sums and "other words" the rest;
each later stage that rescores a sentence scales the contributions so far by its weight on
them and adds one feature, "meaning (word vectors)" or "meaning (sentence encoder)", for what
it reads. In an article (``score_many(..., article=True)``, what extraction asks for), a
sentence that a desk-policy rule flags keeps its first-stage score (see ``score_many``).
A line that the pipeline would drop as boilerplate is scored on the rules alone plus a fixed
"boilerplate: <reason>" feature (see ``BOILERPLATE_WEIGHT``).
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claims.extraction.boilerplate import scan_lines
from claims.extraction.learned.features import normalise, token_char_ngrams, word_ngrams
from claims.extraction.learned.rescoring import Rescorer, WordStage
from claims.extraction.line_reasons import sentence_reason
from claims.extraction.scoring import FEATURE_NAMES, Feature, RuleScorer

FORMAT = "claimtracker.checkworthiness/1"
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "checkworthiness.json.gz"
# The fine-tuned classifier's out-of-fold logits on the training file, which training fits the
# sentence stage on (written by bench/finetune_checkworthiness.py --cv).
CLASSIFIER_OOF_PATH = MODEL_PATH.parent / "checkworthiness-classifier-oof.json.gz"
# A line the pipeline drops as boilerplate (a menu, a dateline, a share prompt) is never a
# claim. The pipeline never scores one; this makes direct scoring (the checkworthiness command)
# agree with it. It fires on one CT24 training sentence of 22,501 ("... re-join the community").
BOILERPLATE_WEIGHT = -4.0
TOP_NGRAM_FEATURES = 6  # n-gram groups named in an explanation; the rest is "other words"
OTHER_WORDS = "other words"
_CACHE_LIMIT = 100_000  # distinct tokens whose character n-grams are remembered
_STRIP = ".,;:!?\"'()[]{}“”‘’«»…"


class ModelFileError(ValueError):
    pass


def _magnitude(group: tuple[str, float, float]) -> float:
    return abs(group[1])


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


class LearnedScorer:
    """Check-worthiness from word and character n-grams plus the rule features, calibrated.

    ``score`` explains: "baseline" first, then the fired rule features (named as the
    ``RuleScorer`` names them, with the learned weights) and the n-gram groups with the largest
    contributions, named ``words: 'per cent'`` (a word n-gram; digits read as ``#``) or
    ``characters: 'Kurils'`` (the character n-grams of one word, summed over its occurrences),
    then "other words" for everything else.
    """

    def __init__(
        self,
        *,
        bias: float,
        threshold: float,
        rules: dict[str, float],
        words: dict[str, list[float]],
        chars: dict[str, list[float]],
        provenance: dict[str, Any] | None = None,
        rescoring: dict[str, Any] | None = None,
        word_stage: dict[str, Any] | None = None,
        policy: dict[str, float] | None = None,
        thorough_threshold: float | None = None,
    ) -> None:
        unknown = set(rules) - set(FEATURE_NAMES)
        if unknown:
            raise ModelFileError(
                f"The model names rule features this code lacks: {sorted(unknown)}. "
                "Retrain it with `manage.py train_checkworthiness`."
            )
        self.bias = bias
        self.threshold = threshold
        # The threshold when the sentence stage reads every sentence (score_many(thorough=True)).
        self.thorough_threshold = threshold if thorough_threshold is None else thorough_threshold
        self.rule_weights = rules
        self.provenance = provenance or {}
        self._rules = RuleScorer()
        # Scoring runs per sentence over megabytes of text: each n-gram maps straight to what
        # scoring needs, word n-gram -> (idf, idf * weight, name in explanations).
        self._word_table = {
            g: (e[0], e[0] * e[1] if len(e) > 1 else 0.0, f"words: '{g}'") for g, e in words.items()
        }
        # Character n-grams are only read per token (then remembered): n-gram -> (idf², idf*w).
        self._char_table = {
            g: (e[0] * e[0], e[0] * e[1] if len(e) > 1 else 0.0) for g, e in chars.items()
        }
        self._token_cache: dict[str, tuple[float, str]] = {}
        self.word_stage = WordStage(word_stage) if word_stage else None
        self.rescorer = Rescorer(rescoring) if rescoring else None
        # The desk's policy rules: in an article, a sentence one of them flags keeps its
        # first-stage score (score_many).
        self.policy_rules = frozenset(policy or ())

    @property
    def stages(self) -> list[Rescorer]:
        """The later stages in the order they run (word stage, then sentence stage)."""
        return [s for s in (self.word_stage, self.rescorer) if s is not None]

    def first_stage_only(self) -> None:
        """Drop the later stages (as when the encoder cannot load)."""
        self.word_stage = self.rescorer = None

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> LearnedScorer:
        if document.get("format") != FORMAT:
            raise ModelFileError(
                f"Not a check-worthiness model (format {document.get('format')!r}, "
                f"expected {FORMAT!r}); retrain it with `manage.py train_checkworthiness`."
            )
        return cls(
            bias=float(document["bias"]),
            threshold=float(document["threshold"]),
            rules=document["rules"],
            words=document["words"],
            chars=document["chars"],
            provenance=document.get("provenance"),
            rescoring=document.get("rescoring"),
            word_stage=document.get("word_stage"),
            policy=document.get("policy"),
            thorough_threshold=document.get("thorough_threshold"),
        )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> LearnedScorer:
        """Read a model file written by ``training.write_model`` (gzip-compressed JSON)."""
        try:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                document = json.load(f)
        except (OSError, EOFError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ModelFileError(
                f"Cannot read the check-worthiness model {path}: {exc}. Retrain it with "
                "`manage.py train_checkworthiness`."
            ) from exc
        return cls.from_document(document)

    # --- scoring -------------------------------------------------------------------------------

    def probability(self, text: str) -> float:
        """The score alone (the same number ``score`` returns)."""
        return self.score(text)[0]

    def score(self, text: str) -> tuple[float, tuple[Feature, ...]]:
        return self.score_many([text])[0]

    # The extraction pipeline passes ``article=True`` to a scorer that says it reads it.
    reads_articles = True

    def score_many(
        self, texts: Sequence[str], *, article: bool = False, thorough: bool = False
    ) -> list[tuple[float, tuple[Feature, ...]]]:
        """``score`` for each text, in order; each later stage rescores the texts in its band
        in one batch (what makes scoring a whole document at once cheaper).

        ``article``: the texts are an article's sentences, read by the desk. Then a sentence
        that a desk-policy rule flags (a question, an opinion, a prediction, a fragment ...)
        keeps its first-stage score, where the policy is added on top of the n-grams: the
        later stages learned the debates' view (a promise with a number is check-worthy
        there), and on this desk the policy overrules it. Without it (the default: debate
        lines, ``manage.py checkworthiness``) the model scores as it was trained and
        cross-validated.

        ``thorough``: the sentence stage reads every sentence, not only those in its band (the
        band is what keeps extraction fast; a list of sentences can afford it). Compare the
        scores with ``thorough_threshold`` then, chosen for this way of scoring."""
        first = [self._first_stage(text) for text in texts]
        policy = self.policy_rules if article else frozenset()
        logits = [logit for logit, _, _ in first]
        # Per rescored sentence: (scale of the first stage's contributions, what the stages
        # added: [(feature, contribution)]). Its features are built once, at the end.
        rescored: dict[int, tuple[float, list[tuple[str, float]]]] = {}
        eligible = [
            i
            for i, (_, features, boilerplate) in enumerate(first)
            if not boilerplate and not any(f.name in policy for f in features)
        ]
        for stage in self.stages:
            if thorough and stage is self.rescorer:
                band = eligible
            else:
                band = [i for i in eligible if stage.in_band(_sigmoid(logits[i]))]
            if not band:
                continue
            meanings = stage.meanings([texts[i] for i in band])
            if meanings is None:
                break  # a later stage was fitted on this one's scores: it cannot go alone
            scale, bias = stage.stage1, stage.bias
            for i, meaning in zip(band, meanings, strict=True):
                factor, added = rescored.get(i, (1.0, [("baseline", first[i][1][0].contribution)]))
                added = [(name, c * scale) for name, c in added]
                added[0] = ("baseline", added[0][1] + bias)
                added.append((stage.feature, meaning))
                rescored[i] = (factor * scale, added)
                logits[i] = logits[i] * scale + meaning + bias
        results = [(_sigmoid(logit), tuple(features)) for logit, features, _ in first]
        for i, (factor, added) in rescored.items():
            results[i] = _rescored(first[i][1], factor, added)
        return results

    def _first_stage(self, text: str) -> tuple[float, list[Feature], bool]:
        """The first stage's calibrated logit, its explanation, and whether ``text`` is a line
        the pipeline drops as boilerplate."""
        rule_features = self._rule_features(text)
        reason = _boilerplate_reason(text, rule_features)
        if reason:
            # The n-grams have never seen page furniture (debates have none): their opinion of
            # a menu is noise, so a line the pipeline drops is scored on the rules alone.
            features = [
                Feature("baseline", 1.0, self.bias, self.bias),
                Feature(f"boilerplate: {reason}", 1.0, BOILERPLATE_WEIGHT, BOILERPLATE_WEIGHT),
                *rule_features,
            ]
            return sum(f.contribution for f in features), features, True
        groups = self._word_groups(text) + self._char_groups(text)
        # heapq.nlargest's documented equivalent, ties in order alike; faster on a few dozen
        top = sorted(groups, key=_magnitude, reverse=True)[:TOP_NGRAM_FEATURES]
        named = [
            Feature(name, value, contribution / value, contribution)
            for name, contribution, value in top
        ]
        rest = math.fsum(pair[1] for pair in groups) - math.fsum(f.contribution for f in named)
        if abs(rest) < 1e-12:  # everything was named; what is left is rounding
            rest = 0.0
        ranked = rule_features + named
        ranked.sort(key=lambda f: -abs(f.contribution))
        features = [Feature("baseline", 1.0, self.bias, self.bias), *ranked]
        if rest:
            features.append(Feature(OTHER_WORDS, 1.0, rest, rest))
        return sum(f.contribution for f in features), features, False

    def _rule_features(self, text: str) -> list[Feature]:
        _, fired = self._rules.score(text)
        out: list[Feature] = []
        for f in fired:
            weight = self.rule_weights.get(f.name, 0.0)
            if f.name != "baseline" and weight:
                out.append(Feature(f.name, f.value, weight, f.value * weight))
        return out

    def _word_groups(self, text: str) -> list[tuple[str, float, float]]:
        """(name, contribution, tf-idf value) per known word n-gram with a weight."""
        table = self._word_table
        known = []
        norm2 = 0.0
        for g, c in Counter(word_ngrams(normalise(text))).items():
            entry = table.get(g)
            if entry is not None:
                tf = _TF[c]
                norm2 += (tf * entry[0]) ** 2
                if entry[1]:
                    known.append((tf, entry))
        if not known:
            return []
        norm = math.sqrt(norm2)
        return [(name, tf * iw / norm, tf * idf / norm) for tf, (idf, iw, name) in known]

    def _char_groups(self, text: str) -> list[tuple[str, float, float]]:
        """(name, contribution, occurrences) per word: its character n-grams' contribution."""
        tokens = text.split()
        if not tokens:
            return []
        scale = 1.0 / math.sqrt(len(tokens))
        cache = self._token_cache
        by_word: dict[str, list[float]] = {}
        for token in tokens:
            cached = cache.get(token)
            if cached is None:
                cached = self._token_contribution(token)
            contribution, label = cached
            if contribution:
                entry = by_word.get(label)
                if entry is None:
                    by_word[label] = [contribution * scale, 1.0]
                else:
                    entry[0] += contribution * scale
                    entry[1] += 1.0
        return [
            (f"characters: '{label}'", contribution, occurrences)
            for label, (contribution, occurrences) in by_word.items()
        ]

    def _token_contribution(self, token: str) -> tuple[float, str]:
        """weights . (the token's unit tf-idf vector of known character n-grams), and the
        token's label in explanations; remembered per token as written."""
        if len(self._token_cache) >= _CACHE_LIMIT:
            self._token_cache.clear()
        table = self._char_table
        grams = token_char_ngrams(normalise(token))
        norm2 = dot = 0.0
        if len(set(grams)) == len(grams):  # the usual case: every n-gram once, tf = 1
            for g in grams:
                entry = table.get(g)
                if entry is not None:
                    norm2 += entry[0]
                    dot += entry[1]
        else:
            for g, c in Counter(grams).items():
                entry = table.get(g)
                if entry is not None:
                    tf = _TF[c]
                    norm2 += tf * tf * entry[0]
                    dot += tf * entry[1]
        result = (dot / math.sqrt(norm2) if norm2 else 0.0, token.strip(_STRIP) or token)
        self._token_cache[token] = result
        return result


def _rescored(
    features: list[Feature], factor: float, added: list[tuple[str, float]]
) -> tuple[float, tuple[Feature, ...]]:
    """A rescored sentence's score and explanation: the first stage's features (after the
    baseline) scaled by ``factor``, the baseline and the stages' meanings as ``added``."""
    (_, baseline), *meanings = added
    ranked = [
        Feature(f.name, f.value, f.weight * factor, f.contribution * factor) for f in features[1:]
    ]
    ranked += [Feature(name, 1.0, c, c) for name, c in meanings]
    # By size, and "other words" last: it is the remainder, not a feature of its own.
    ranked.sort(key=lambda f: (f.name == OTHER_WORDS, -abs(f.contribution)))
    out = (Feature("baseline", 1.0, baseline, baseline), *ranked)
    return _sigmoid(sum(f.contribution for f in out)), out


# Rules that fire on page furniture; only a line that one of them flags is checked against the
# pipeline's boilerplate patterns (checking every sentence would double the scoring time).
_FURNITURE_RULES = frozenset({"not_a_sentence", "short_fragment", "call_to_action"})


def _boilerplate_reason(text: str, rule_features: list[Feature]) -> str:
    """Why the pipeline would drop ``text`` as boilerplate, or "" (it would keep it)."""
    if not any(f.name in _FURNITURE_RULES for f in rule_features):
        return ""
    reason = sentence_reason(text)
    if not reason and "\n" not in text:
        verdicts = scan_lines(text)
        reason = verdicts[0].reason if len(verdicts) == 1 and verdicts[0].dropped else ""
    return reason


class _SublinearTf(dict[int, float]):
    """1 + log(tf), computed once per count."""

    def __missing__(self, count: int) -> float:
        value = self[count] = 1.0 + math.log(count)
        return value


_TF = _SublinearTf()
