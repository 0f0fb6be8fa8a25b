"""The pipeline's side of attribution and scoring: one batch per document for a scorer that
can take one, speakers and their types stored with every unit."""

from __future__ import annotations

from claims.extraction import RuleScorer, extract, read_text, speaker_type
from claims.extraction.scoring import Feature

TEXT = (
    "Anna Berg, the harbour master, said 40 ships docked in May.\n\n"
    "“We are full. We turn ships away,” she said.\n\n"
    "The council's transport committee confirmed the cost rose by 12%."
)


class _BatchScorer:
    """Counts calls; ``score`` must not be used when ``score_many`` exists."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def score(self, text: str) -> tuple[float, tuple[Feature, ...]]:
        raise AssertionError("score() called although score_many() exists")

    def score_many(self, texts: list[str]) -> list[tuple[float, list[Feature]]]:
        self.batches.append(list(texts))
        return [
            (1.5 if "ships" in t else -0.2, [Feature("baseline", 1.0, 0.1, 0.1)]) for t in texts
        ]


class _OneByOneScorer:
    threshold = 0.5

    def __init__(self) -> None:
        self.calls = 0

    def score(self, text: str) -> tuple[float, tuple[Feature, ...]]:
        self.calls += 1
        return 0.7, (Feature("baseline", 1.0, 0.7, 0.7),)


def test_a_scorer_with_score_many_is_called_once_per_document_in_text_order() -> None:
    scorer = _BatchScorer()
    extraction = extract(read_text(TEXT), scorer=scorer)
    assert scorer.batches == [[s.text for s in extraction.sentences]]
    # Scores are clamped into [0, 1] and the features kept, as a tuple.
    assert [s.checkworthiness for s in extraction.sentences] == [1.0, 1.0, 0.0]
    assert all(isinstance(s.features, tuple) for s in extraction.sentences)


def test_a_scorer_without_score_many_is_called_per_sentence() -> None:
    scorer = _OneByOneScorer()
    extraction = extract(read_text(TEXT), scorer=scorer)
    assert scorer.calls == len(extraction.sentences) == 3
    assert extraction.threshold == 0.5


def test_speakers_and_their_types_are_stored_with_each_unit() -> None:
    extraction = extract(read_text(TEXT), scorer=RuleScorer())
    assert [(s.speaker, s.speaker_type) for s in extraction.sentences] == [
        ("Anna Berg", "person"),
        ("Anna Berg", "person"),
        ("The council's transport committee", "organization"),  # as written
    ]
    for sentence in extraction.sentences:
        assert sentence.speaker_type == speaker_type(sentence.speaker)
        assert sentence.speaker.lower() not in {"he", "she", "they", "it"}
