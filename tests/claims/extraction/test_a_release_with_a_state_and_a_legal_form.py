"""A wire press release whose dateline gives the state ("SAN JOSE, Calif., Oct. 24, 2024
/PRNewswire/ -- ") and whose issuer is written with its legal form after a comma ("Acme
Robotics, Inc. (NASDAQ: ACME)")."""

from __future__ import annotations

import datetime as dt

from claims.extraction import ORGANIZATION, extract, read_text

RELEASE = (
    "Acme Robotics Reports Record Third Quarter Revenue of $412 Million\n\n"
    "SAN JOSE, Calif., Oct. 24, 2024 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACME), a "
    "leader in warehouse automation, today reported financial results for its third quarter "
    "ended September 30, 2024.\n\n"
    "Third quarter revenue was $412 million, an increase of 23% compared to the third quarter "
    "of 2023."
)


def test_the_dateline_with_a_state_dates_the_release() -> None:
    # No date: the state between the place and the date hid the dateline.
    document = read_text(RELEASE)
    assert document.published_at == dt.datetime(2024, 10, 24, tzinfo=dt.UTC)


def test_the_issuer_is_the_company_not_its_legal_form() -> None:
    # Every sentence of the release was "Inc."'s: the name run ended at the comma.
    extraction = extract(read_text(RELEASE))
    revenue = next(s for s in extraction.sentences if "$412 million, an increase" in s.text)
    assert (revenue.speaker, revenue.speaker_type) == ("Acme Robotics Inc.", ORGANIZATION)
    opening = next(s for s in extraction.sentences if "today reported" in s.text)
    assert opening.text.startswith("Acme Robotics, Inc.")


def test_business_wires_dateline_is_no_part_of_the_claim() -> None:
    # "SAN FRANCISCO--(BUSINESS WIRE)--" stayed at the start of the release's first claim.
    text = (
        "Globex Announces New CEO\n\n"
        "SAN FRANCISCO--(BUSINESS WIRE)--Globex Corporation (NYSE: GLBX) today announced that "
        "Maria Chen has been appointed chief executive officer, effective November 1, 2024."
    )
    extraction = extract(read_text(text))
    opening = next(s for s in extraction.sentences if "today announced" in s.text)
    assert opening.text.startswith("Globex Corporation")
    assert "dateline" in {r for _, _, r in extraction.boilerplate}
    assert extraction.document.publisher == "BUSINESS WIRE"
