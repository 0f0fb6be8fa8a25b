"""People known by a title and one name, and stars known by one name (2026-12-07, session 30;
copy about a pope's address, a transfer and a cancelled tour written here).

"Pope Francis said" was "Francis"; "Pope Leo XIV said" was "Leo XIV"; "the pontiff said", "the
pope said" and "the 87-year-old pontiff said" after "Pope Francis" were nobody's (nor was
"Pope Francis on Sunday called ..." remembered as a person: a day between a subject and its verb
hid the subject, as it did for "Tom Hanks on Sunday called ... The actor said"). "Singer Adele
said" was "Singer Adele", "Rapper Stormzy said" an organisation called "Rapper Stormzy".
"""

from __future__ import annotations

from tests.claims.extraction_helpers import speaker_of, unit_with


def test_a_regnal_title_is_part_of_a_one_word_name() -> None:
    assert speaker_of("Pope Francis said 150 children had died.", "150") == "Pope Francis"
    assert speaker_of("Pope Leo XIV said 150 children had died.", "150") == "Pope Leo XIV"
    assert speaker_of("King Charles said the trust had planted 10,000 trees.", "10,000") == (
        "King Charles"
    )


def test_the_pontiff_is_the_pope_named_before() -> None:
    text = (
        "Pope Francis on Sunday called for an immediate ceasefire in Sudan.\n\n"
        'The 87-year-old pontiff said the world "cannot look away" after 150 children died.\n\n'
        "The pope said he had received reports from 12 camps."
    )
    assert speaker_of(text, "150 children") == "Pope Francis"
    assert speaker_of(text, "12 camps") == "Pope Francis"


def test_a_day_between_a_subject_and_its_verb_keeps_the_subject() -> None:
    text = (
        "Tom Hanks on Sunday called for an immediate ceasefire in Sudan.\n\n"
        "The actor said 150 children had died in a single camp last month."
    )
    assert speaker_of(text, "150 children") == "Tom Hanks"


def test_a_role_before_a_one_word_name_is_no_part_of_it() -> None:
    assert speaker_of("Singer Adele said she needed six weeks of rest.", "six weeks") == "Adele"
    unit = unit_with("Rapper Stormzy said the festival had sold 80,000 tickets.", "80,000")
    assert (unit.speaker, unit.speaker_type) == ("Stormzy", "person")


def test_the_aged_singer_is_the_star_named_before() -> None:
    text = (
        "Adele has cancelled the remaining 12 dates of her European tour.\n\n"
        "The 36-year-old singer said doctors had told her she needed six weeks of rest."
    )
    assert speaker_of(text, "six weeks") == "Adele"


def test_a_place_named_after_a_prince_keeps_its_name() -> None:
    text = "The Prince Edward Island government said 40 homes were destroyed."
    assert speaker_of(text, "40 homes") == "Prince Edward Island government"


def test_the_pontiff_is_never_someone_else_named_before() -> None:
    text = (
        "Joe Biden met the pope at the Vatican on Friday.\n\n"
        "The pontiff said 150 children had died in the camp."
    )
    assert speaker_of(text, "150 children") == ""


def test_the_monarch_is_the_one_king_the_page_names() -> None:
    text = (
        "Keir Starmer met King Charles at Windsor on Friday.\n\n"
        "The monarch said 300 guests had attended."
    )
    assert speaker_of(text, "300 guests") == "King Charles"
    text = "Keir Starmer opened a shop on King Street.\n\nThe king said 300 guests had attended."
    assert speaker_of(text, "300 guests") == ""


def test_a_role_before_a_common_word_is_no_star() -> None:
    # review of session 30: "Singer Adele" loses its role, "Student Finance" keeps its word
    assert speaker_of("Student Finance said 1.2 million students had applied.", "1.2") != (
        "Finance"
    )
