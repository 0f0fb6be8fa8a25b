"""A headline or a live blog's post title that gives its speaker before a colon, as British
and Irish news write them: "Reeves: 'We are fixing the foundations'", "Rachel Reeves: We will
not raise taxes on working people", "13:52 Reeves: ..." (a live blog's time before it); or a
quotation, then its speaker ("'...': an interview with the WHO's Maria Neira", "'...': Sharon
Graham on the strikes"). One line on its own, not a transcript (two labelled speakers or more
are claims.extraction.transcripts' business).

The name is a person's only when it reads as one: a given name and a surname ("Rachel
Reeves"), or one word that is a surname the page writes in full ("Reeves", with "Rachel Reeves"
elsewhere) or the text has already resolved. A topic before a colon is no speaker
("Coronavirus: New York ramps up mass burials", "Budget 2025: what it means", "Fact check:
...", "Verdict: False."), nor is a place ("Ukraine: three killed in strike"), nor a word
that only starts a longer name on the page ("Climate:" above "the Copernicus Climate Change
Service"). Initials are the organisation the page spells out with them ("11:20 OBR: growth to
slow to 1.1%": the Office for Budget Responsibility), unless they are a place's ("UK: ...").
"""

from __future__ import annotations

import re

from claims.extraction.given_names import first_name_genders
from claims.extraction.outlets import spelled_out
from claims.extraction.page_names import full_name_on_page
from claims.extraction.people import SpeakerContext, full_name, remember_person
from claims.extraction.places import COUNTRIES, GOVERNMENT_SEATS
from claims.extraction.small_words import is_a_word

_COLON_LINE = re.compile(
    r"(?:\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,4})?[ \t]+)?"  # "13:52 ", live
    r"(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?):[ \t]+(?P<rest>[^\n]+)$"
)
# Initials of places and unions of states, which before a colon are a topic ("US: ...").
_PLACES_AND_UNIONS = frozenset({"US", "USA", "UK", "EU", "UN", "UAE", "DRC", "NATO", "ASEAN"})
_MIN_WORDS = 3  # what the speaker says: "We are fixing the foundations"


# A quotation, then whose it is: "'Air pollution kills 7 million people a year': an interview
# with the WHO's Maria Neira", "‘We will not back down’: Sharon Graham on the bus strikes".
_QUOTE_THEN_NAME = re.compile(
    r"['‘\"“][^\n]{10,}?['’\"”]:[ \t]+(?:an?[ \t]+interview[ \t]+with[ \t]+(?:the[ \t]+)?"
    r"(?:[\w.-]+['’]s[ \t]+)?)?(?P<name>[A-Z][\w’'-]+[ \t]+[A-Z][\w’'-]+)(?:[ \t]+on\b[^\n]*)?$"
)


def colon_speaker(line: str, context: SpeakerContext) -> str:
    """The person a line "Name: statement" gives as its speaker, "" for any other line; the
    person is remembered, so a later "she" in this paragraph or the next can be them."""
    quoted = _QUOTE_THEN_NAME.fullmatch(line.strip())
    if quoted and quoted.group("name").split()[0].lower() in first_name_genders():
        remember_person(quoted.group("name"), context)
        return quoted.group("name")
    match = _COLON_LINE.match(line.strip())
    if match is None or len(match.group("rest").split()) < _MIN_WORDS:
        return ""
    name = match.group("name")
    if name.isupper() and " " not in name and context.page is not None:
        # "11:20 OBR: growth to slow to 1.1%": the body the page names in full with those
        # initials ("the Office for Budget Responsibility"); "UPDATE:", "WATCH:" spell none
        body = context.acronyms.get(name) or spelled_out(name, context.page.text)
        lower = body.lower()
        if lower in COUNTRIES or lower in GOVERNMENT_SEATS or name in _PLACES_AND_UNIONS:
            return ""  # "UK: inflation falls", "EU: ...": a topic
        return body
    if name.isupper() or name.lower() in GOVERNMENT_SEATS or name.lower() in COUNTRIES:
        return ""  # "UPDATE: ...", "Ukraine: ...", "Malaysia: ..." (not "Bank Negara Malaysia")
    words = name.split()
    if len(words) == 2:
        person = name if words[0].lower() in first_name_genders() else ""
    else:
        person = full_name(name, context)
        if person == name and context.page is not None:
            person = full_name_on_page(name, len(context.page.text), context.page)
    if " " not in person:
        return ""  # one word the page never writes in full: a topic as likely as a person
    if (
        len(words) == 1
        and is_a_word(name)
        and person.split()[0].lower() not in first_name_genders()
    ):
        return ""  # "Fact: The WHO has made no such declaration." over "Full Fact": a label
    remember_person(person, context)
    return person
