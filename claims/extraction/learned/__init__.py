"""A learned check-worthiness scorer, trained on CLEF CheckThat! 2024 and read from plain JSON.

``LearnedScorer``'s first stage runs on plain Python, its later stages (``rescoring``) on
numpy, the base encoder's tokenizer and the fine-tuned classifier; ``training`` (numpy and
scipy) writes its model file, choosing everything by cross-validation grouped by election
(``groups``).
"""

from claims.extraction.learned.scorer import (
    CLASSIFIER_OOF_PATH,
    MODEL_PATH,
    LearnedScorer,
    ModelFileError,
)

__all__ = ["CLASSIFIER_OOF_PATH", "MODEL_PATH", "LearnedScorer", "ModelFileError"]
