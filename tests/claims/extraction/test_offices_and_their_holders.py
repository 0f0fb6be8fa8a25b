"""An organisation's office and the person the page named in it (2026-12-07, session 28;
supermarket and central-bank copy written here).

"Ken Murphy, the chief executive of Tesco, said ... The chief executive of Tesco said ..." gave
the second sentence to "Tesco chief executive", though the page had named him; "Tesco's chief
executive said" and "Tesco's spokesman said" were nobody's. An office is its holder when the page
introduced someone in it with that organisation, and stays the office otherwise (a holder named
without the organisation may hold the role elsewhere). A possessive's owner must be shown to be
an organisation: "Trump's lawyer said" stays nobody's. And "Britain's Competition and Markets
Authority" kept its country, as "Russia's Defence Ministry" must: a body's own long name does not.
"""

from __future__ import annotations

import pytest

from claims.extraction import ORGANIZATION, PERSON, extract, read_text
from tests.claims.extraction_helpers import speaker_of, unit_with

MURPHY = "Ken Murphy, the chief executive of Tesco, said prices were cut on 3,000 products.\n\n"


@pytest.mark.parametrize(
    "introduced",
    [
        MURPHY,
        "Ken Murphy, Tesco's chief executive, said prices were cut on 3,000 products.\n\n",
        "Tesco chief executive Ken Murphy said prices were cut on 3,000 products.\n\n",
    ],
)
@pytest.mark.parametrize(
    "later",
    [
        "The chief executive of Tesco said 40 stores would open next year.",
        "Tesco's chief executive said 40 stores would open next year.",
        "Forty stores will open next year, said the chief executive of Tesco.",
    ],
)
def test_an_office_is_the_holder_the_page_named(introduced: str, later: str) -> None:
    sentence = unit_with(introduced + later, "next year")
    assert (sentence.speaker, sentence.speaker_type) == ("Ken Murphy", PERSON)


def test_a_central_bank_governor_introduced_before_his_title() -> None:
    text = (
        "Bank of England governor Andrew Bailey said inflation would fall to 2% by the spring.\n\n"
        "Rates will stay at 5.25% until then, said the governor of the Bank of England.\n"
    )
    assert speaker_of(text, "5.25%") == "Andrew Bailey"


def test_another_organisations_office_or_a_former_holder_stays_the_office() -> None:
    text = MURPHY + "The chief executive of Sainsbury's said 40 stores would open next year."
    assert speaker_of(text, "next year") == "Sainsbury's chief executive"
    text = MURPHY + "The former chief executive of Tesco said prices had risen by 20%."
    assert speaker_of(text, "20%") == "former Tesco chief executive"
    # someone introduced in the role without the organisation may hold it elsewhere
    text = (
        "Sarah Lee, the chief executive, said prices were cut on 3,000 products.\n\n"
        "The chief executive of Tesco said 40 stores would open next year."
    )
    assert speaker_of(text, "next year") == "Tesco chief executive"


def test_an_organisations_spokesman_by_its_possessive() -> None:
    text = (
        "Tesco has reported a 12% rise in annual profits.\n\n"
        "Tesco's spokesman said 40 stores would open next year."
    )
    sentence = unit_with(text, "next year")
    assert (sentence.speaker, sentence.speaker_type) == ("Tesco spokesman", ORGANIZATION)
    # a one-word owner the page does not show to be an organisation may be a surname
    assert speaker_of("Trump's spokesman said the case was weak.", "weak") == ""


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Britain's Competition and Markets Authority said prices rose 3% in March.",
            "Competition and Markets Authority",
        ),
        (
            "Britain's Office for National Statistics said the economy grew by 0.2%.",
            "Office for National Statistics",
        ),
        # a ministry, or a short name, says whose only with its owner
        ("Russia's Defence Ministry said 40 drones were shot down.", "Russia's Defence Ministry"),
        (
            "Russia's Ministry of Emergency Situations said 12 people had died.",
            "Russia's Ministry of Emergency Situations",
        ),
    ],
)
def test_a_bodys_own_long_name_drops_its_country(sentence: str, speaker: str) -> None:
    assert extract(read_text(sentence)).sentences[0].speaker == speaker


def test_a_countrys_ruling_party_is_the_party_named() -> None:
    # "Georgia's ruling Georgian Dream party" kept the country and the description
    text = "Georgia's ruling Georgian Dream party says 300 groups are funded from abroad."
    assert extract(read_text(text)).sentences[0].speaker == "Georgian Dream party"
