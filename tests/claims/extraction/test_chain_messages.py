"""A forwarded chain message pasted for checking (2026-12-07, session 30; a viral message and a
thread written here, as a desk receives them from readers).

"Forwarded many times" (the messaging app's label) was the message's title, and its "*URGENT*
Please share!!" and "SHARE WITH 10 GROUPS BEFORE IT IS DELETED" were units of its text (with
a figure, 10 groups). The label and the chain's calls to share are furniture; the claims stay.
"""

from __future__ import annotations

from claims.extraction import extract, read_text

MESSAGE = (
    "Forwarded many times\n\n"
    "*URGENT* 🚨🚨 Please share!!\n\n"
    "The government will ban cash from 1 January 2026. My cousin works at the Bank of England "
    "and confirmed it.\n\n"
    "Also, drinking hot water every 15 minutes kills the virus, according to doctors at Johns "
    "Hopkins.\n\n"
    "SHARE WITH 10 GROUPS BEFORE IT IS DELETED"
)


def test_the_label_and_the_calls_to_share_are_furniture() -> None:
    document = read_text(MESSAGE)
    assert document.title == ""
    texts = [s.text for s in extract(document).sentences]
    assert not any("Forwarded" in t or "share" in t.lower() for t in texts)
    assert "The government will ban cash from 1 January 2026." in texts
    assert any(t.startswith("Also, drinking hot water") for t in texts)


def test_a_report_on_sharing_is_no_call_to_share() -> None:
    text = "Meta said users share 140 billion messages a day on WhatsApp, up 20% in a year."
    assert [s.text for s in extract(read_text(text)).sentences] == [text]
