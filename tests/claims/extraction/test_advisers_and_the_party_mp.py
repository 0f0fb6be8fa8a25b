""" "Chief Economic Adviser V Anantha Nageswaran" and "the Congress MP told reporters"
(2026-12-07, session 32; an Indian GDP story written here).

"Adviser" was no title, so the name ran from "Economic" ("Economic Adviser V Anantha
Nageswaran"; a given name the lists know, "Jane", hid it elsewhere). "the Labour MP told
reporters" right after "Jess Phillips said" named nobody (read as an office with one holder,
like "the Prime Minister"), and "the Congress MP" was the Congress party: both describe the
person named before by party, as "the Conservative MP said" already did.
"""

from __future__ import annotations

import pytest

from tests.claims.extraction_helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Chief Economic Adviser V Anantha Nageswaran said growth would remain above 7%.",
            "V Anantha Nageswaran",
        ),
        ("Special Envoy Steve Witkoff said the talks were productive.", "Steve Witkoff"),
        ("Chief Scientific Adviser Patrick Vallance said cases would rise.", "Patrick Vallance"),
        # an organisation's name keeps its words
        ("Financial Adviser Magazine said fees rose 5%.", "Financial Adviser Magazine"),
    ],
)
def test_the_name_after_the_adviser(text: str, speaker: str) -> None:
    assert speaker_of(text, text[:12]) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Jess Phillips said the bill would fail. "It is a disgrace," the Labour MP told '
            "reporters.",
            "Jess Phillips",
        ),
        (
            "Opposition leader Rahul Gandhi said the figures hid rising unemployment. "
            '"Young people cannot find jobs," the Congress MP told reporters in Parliament.',
            "Rahul Gandhi",
        ),
    ],
)
def test_the_party_mp_is_the_person_named_before(text: str, speaker: str) -> None:
    assert speaker_of(text, "told reporters") == speaker


def test_a_party_mp_unnamed_is_still_the_partys() -> None:
    text = "Rahul Gandhi spoke on Monday. A Congress MP told reporters the figures were false."
    assert speaker_of(text, "told reporters") == "Congress"
