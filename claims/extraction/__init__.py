"""Article text -> sentences -> scored, located, attributed check-worthy claims.

Plain Python, no Django: the claims app stores what ``extract`` returns. Every ``start``/``end``
offset points into ``Document.text``.
"""

from claims.extraction.document import (
    Document,
    InputError,
    read_bytes,
    read_html,
    read_path,
    read_text,
)
from claims.extraction.pipeline import DEFAULT_MIN_SCORE, Extraction, ScoredSentence, extract
from claims.extraction.quantities import Quantity
from claims.extraction.scoring import FEATURE_NAMES, Feature, RuleScorer, Scorer

__all__ = [
    "DEFAULT_MIN_SCORE",
    "FEATURE_NAMES",
    "Document",
    "Extraction",
    "Feature",
    "InputError",
    "Quantity",
    "RuleScorer",
    "ScoredSentence",
    "Scorer",
    "extract",
    "read_bytes",
    "read_html",
    "read_path",
    "read_text",
]
