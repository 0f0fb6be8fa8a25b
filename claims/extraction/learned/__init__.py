"""A learned check-worthiness scorer, trained on CLEF CheckThat! 2024 and read from plain JSON.

``LearnedScorer`` runs on plain Python; ``training`` (numpy and scipy) writes its model file.
"""

from claims.extraction.learned.scorer import MODEL_PATH, LearnedScorer, ModelFileError

__all__ = ["MODEL_PATH", "LearnedScorer", "ModelFileError"]
