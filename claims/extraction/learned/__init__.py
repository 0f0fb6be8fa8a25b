"""A learned check-worthiness scorer, trained on CLEF CheckThat! 2024 and read from plain JSON.

``LearnedScorer``'s first stage runs on plain Python, its second stage (``rescoring``) on numpy
and the base sentence encoder; ``training`` (numpy and scipy) writes its model file, choosing
everything by cross-validation grouped by election (``groups``).
"""

from claims.extraction.learned.scorer import MODEL_PATH, LearnedScorer, ModelFileError

__all__ = ["MODEL_PATH", "LearnedScorer", "ModelFileError"]
