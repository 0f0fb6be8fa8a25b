"""Article text -> sentences -> scored, located, attributed check-worthy claims.

Plain Python, no Django: the claims app stores what ``extract`` returns. Every ``start``/``end``
offset points into ``Document.text``.
"""

from typing import Any

from claims.extraction.document import (
    Document,
    InputError,
    looks_like_html,
    read_bytes,
    read_html,
    read_path,
    read_text,
)
from claims.extraction.pipeline import (
    RULE_MIN_SCORE,
    Extraction,
    ScoredSentence,
    default_min_score,
    default_scorer,
    extract,
)
from claims.extraction.quantities import Quantity
from claims.extraction.scoring import FEATURE_NAMES, Feature, RuleScorer, Scorer
from claims.extraction.speaker_types import ORGANIZATION, PERSON, speaker_type

__all__ = [
    "DEFAULT_MIN_SCORE",
    "FEATURE_NAMES",
    "ORGANIZATION",
    "PERSON",
    "RULE_MIN_SCORE",
    "Document",
    "Extraction",
    "Feature",
    "InputError",
    "Quantity",
    "RuleScorer",
    "ScoredSentence",
    "Scorer",
    "default_min_score",
    "default_scorer",
    "extract",
    "looks_like_html",
    "read_bytes",
    "read_html",
    "read_path",
    "read_text",
    "speaker_type",
]


def __getattr__(name: str) -> Any:
    # DEFAULT_MIN_SCORE is the default scorer's threshold, read from the model file on first
    # use (PEP 562) so that importing the package stays cheap.
    if name == "DEFAULT_MIN_SCORE":
        return default_min_score()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
