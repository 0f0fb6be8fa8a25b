"""A department's figures with its initials or an apposition (2026-12-07, session 29; child
poverty copy written here).

"The Department for Work and Pensions (DWP) figures, released on Thursday, show that ..." was
nobody's: the initials between the name and "figures", or the apposition between "figures" and
"show", hid whose figures they were.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    "text",
    [
        "The Department for Work and Pensions (DWP) figures show that 70% of poor children live "
        "in a working household.",
        "The Department for Work and Pensions figures, released on Thursday, show that 70% of "
        "poor children live in a working household.",
        "The Department for Work and Pensions (DWP) figures, released on Thursday, show that 70% "
        "of poor children live in a working household.",
    ],
)
def test_whose_figures(text: str) -> None:
    assert speaker_of(text, "70%") == "Department for Work and Pensions"
