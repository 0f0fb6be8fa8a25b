""" "..., a YouGov survey of 2,000 people found." (2026-12-07, session 32; a heatwave story
written here).

A survey, poll or study named by its author closed the sentence and named nobody: the author's
name before the document was read only when the document opened the sentence ("A YouGov poll
found ..."), and there not with the sample ("A YouGov survey of 2,000 adults found") nor after
a survey's sample ("a survey of 4,000 households by the Office for National Statistics found").
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Two-thirds of adults were worried about the heat, a YouGov survey of 2,000 people "
            "found.",
            "YouGov",
        ),
        (
            "Labour's lead has narrowed to six points, an Ipsos poll for the Evening Standard "
            "showed on Thursday.",
            "Ipsos",
        ),
        ("Sea levels rose faster than expected, a Nasa study published in Nature found.", "Nasa"),
        ("Crime fell by 5%, a Home Office report found.", "Home Office"),
        (
            "Crime fell by 5% last year, a survey of 4,000 households by the Office for National "
            "Statistics found.",
            "Office for National Statistics",
        ),
        ("A YouGov survey of 2,000 adults found that two-thirds were worried.", "YouGov"),
        ("A Nasa study published in Nature found that sea levels rose faster.", "Nasa"),
    ],
)
def test_the_author_of_the_survey(text: str, speaker: str) -> None:
    assert speaker_of(text, text[:12]) == speaker


def test_a_survey_without_its_author_names_nobody() -> None:
    assert speaker_of("Crime fell by 5%, a new report found.", "Crime") == ""
