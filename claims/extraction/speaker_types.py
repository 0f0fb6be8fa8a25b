"""Whether a speaker is a person or an organisation.

schema.org's ClaimReview types a claim's author as a Person or an Organization, and the
speaker finder gives us only a name, so these rules read the name alone, in this order:

1. a personal name after a role word is a person, even when the role names an organisation:
   "Department of Correction spokesman Jason Kersten", "Secretary of State Antony Blinken".
   This comes first because rule 2 would otherwise see "Department" and say organisation;
2. an organisation word anywhere ("Japan's Foreign Ministry", "Associated Press"), a known
   acronym ("NATO", "AP"), a one-word name in capitals ("ICES") or with a capital inside it
   ("TechNewsWorld"; not "McConnell") is an organisation;
3. a country, capital or seat of government ("Moscow", "the Kremlin") is an organisation:
   the government speaking through it;
4. "the X", X a collective noun ("the government", "the city") is an organisation, and so is
   a name with "for", "the", "and" inside it ("People for the Ethical Treatment of Animals",
   "Breaking the Silence");
5. any other name with a capitalised word ("Harry", "Putin", "Vladimir Putin") or a role
   ("the minister") is a person.

Anything else ("" or a pronoun, which the speaker finder resolves before it gets here) has no
type: "" rather than a guess, so the ClaimReview side can leave the author untyped.
"""

from __future__ import annotations

import functools
import re

from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import (
    MORE_ORG_WORDS,
    ORG_ACRONYMS,
    ORG_WORDS,
    PARTY_PLURALS,
    PORTFOLIO_WORDS,
    SMALL_LETTER_NAME,
    TITLES,
    word_set,
)
from claims.extraction.places import COUNTRIES, GOVERNMENT_SEATS
from claims.extraction.small_words import is_a_word

PERSON = "person"
ORGANIZATION = "organization"

_PRONOUNS = word_set("he she they it we i you him her them us me")
# Roles that, followed by a name, make the whole speaker that person. A narrower list than
# lexicon.TITLES on purpose: TITLES has "General" and "Foreign", which also begin
# organisation names ("General Motors", "Foreign Office").
_ROLE_WORDS = word_set(
    """
    spokesman spokeswoman spokesperson minister secretary president director chief leader
    official officer chairman chairwoman chair ceo governor mayor senator sen commissioner
    ambassador envoy adviser advisor aide premier chancellor prosecutor judge attorney
    correspondent reporter editor analyst economist professor prof dr mr mrs ms sir dame lord
    king queen prince princess pope sheikh captain colonel commander head founder owner
    member mp mep lawmaker congressman congresswoman rep gov deputy speaker researcher
    scientist expert representative manager coach candidate nominee
    """
)
# Lower-case words that belong inside a personal name: "Ursula von der Leyen".
_NAME_PARTICLES = word_set("de van von der den bin al la le du da di dos das ibn el")
# Collective nouns that make "the X" an organisation, beyond the organisation words that
# already do so anywhere in a name (rule 2). Only after "the", because elsewhere they are
# parts of other names: "Secretary of State", "Vatican City".
_COLLECTIVE_NOUNS = word_set(
    """
    state city county country province region nation kingdom republic federation opposition
    prosecution defence defense junta paper organisers organizers watchdog regulator lender
    maker carmaker automaker drugmaker planemaker giant firm startup company retailer insurer
    airline carrier operator chain supermarket broadcaster publisher developer housebuilder
    miner brewer conglomerate utility manufacturer supplier consultancy charity grocer
    discounter wholesaler distributor
    """
)
# What a business described by what it makes is called: "the company behind Claude".
_MAKERS = _COLLECTIVE_NOUNS | {"company", "group", "firm", "owner"}
# An unnamed voice of an organisation, after its name ("Met spokesperson", "Home Office
# spokesman"): the organisation is the author, as when no word of its name says so.
UNNAMED_VOICES = word_set("spokesperson spokesman spokeswoman representative")
# The last word of a club's name after its place ("Manchester City", "Derby County"): no
# person's name ends so.
CLUB_ENDINGS = word_set("united city rovers athletic wanderers albion hotspur rangers county town")
# Lower-case words inside a name that a person's name never has ("Breaking the Silence",
# "Doctors for Truth", "Marks and Spencer"); "of" is left out: "Prince of Wales".
_INNER_CONNECTORS = frozenset({"for", "the", "and", "&", "without", "against"})
_POSSESSIVE = re.compile(r"[’']s$")
# One word with a capital inside it is a brand ("TechNewsWorld", "PayPal"), unless it begins
# the way surnames do ("McConnell", "DeSantis", "LaGuardia", "DiCaprio", "O'Brien").
_BRAND = re.compile(r"^[A-Z][a-z]+[A-Z]")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Fitz", "O'", "O’")
_PUNCTUATION = "\"“”‘’'()[],;:"


def bare_word(word: str) -> str:
    """The word without surrounding punctuation or a possessive: "Japan's" -> "Japan"."""
    return _POSSESSIVE.sub("", word.strip(_PUNCTUATION)).strip(_PUNCTUATION)


def _role(word: str) -> str:
    """The role word in ``word``, lower case, or "": "ex-President" -> "president"."""
    lower = bare_word(word).rstrip(".").lower()
    if lower.startswith(("ex-", "former-")):
        lower = lower.split("-", 1)[1]
    return lower if lower in _ROLE_WORDS else ""


def _is_org_word(word: str) -> bool:
    bare = bare_word(word)
    if bare in ORG_ACRONYMS or bare.replace(".", "") in ORG_ACRONYMS:
        return True
    lower = bare.lower()
    return lower in ORG_WORDS or lower.rstrip(".") in ORG_WORDS or lower in MORE_ORG_WORDS


def has_org_word(name: str) -> bool:
    """Whether a word of ``name`` is one organisations are named with ("College", "Union"), or
    the name ends as a chamber of commerce's does ("British Chambers of Commerce"; "John
    Chambers" is a person)."""
    return any(_is_org_word(w) for w in name.split()) or name.endswith(" of Commerce")


def _is_name_word(word: str) -> bool:
    bare = bare_word(word)
    if not bare or _is_org_word(bare):
        return False
    return bare[0].isupper() or bare.lower() in _NAME_PARTICLES


def _is_person_with_role(words: list[str]) -> bool:
    """Whether ``words`` end with a personal name right after a role (and its portfolio)."""
    index = next((i for i in range(len(words) - 1, -1, -1) if _role(words[i])), -1)
    if index < 0:
        return False
    if index > 0 and words[index - 1].lower() in {"of", "the", "for"}:
        return False  # "Office of the Director of National Intelligence" names an office
    tail = words[index + 1 :]
    # "Secretary of State Antony Blinken": the portfolio belongs to the role, not the name.
    while tail and bare_word(tail[0]).lower() in PORTFOLIO_WORDS:
        tail = tail[1:]
    return (
        1 <= len(tail) <= 5
        and all(_is_name_word(w) for w in tail)
        and bare_word(tail[-1])[:1].isupper()
    )


# A sport, which names its governing body with a country: "USA Gymnastics", "Swimming
# Australia", "British Cycling".
_SPORTS = word_set("""
    gymnastics swimming athletics cycling rowing sailing boxing football rugby cricket tennis
    golf hockey basketball baseball volleyball triathlon badminton netball skating skiing
    canoeing equestrian fencing judo taekwondo weightlifting wrestling archery snooker darts""")

# Words that open an organisation's name, never a person's: "National Grid", "Royal Mail".
_ORG_OPENERS = word_set("""
    national international federal royal central global united world southern northern eastern
    western consolidated il el der die das""")


# A website's address as a name: "poweroutage.us", "FlightRadar24.com".
WEBSITE = re.compile(
    r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|us|io|info|edu|co\.uk)", re.IGNORECASE
)
# A company's legal form after its name, in its own capitals ("Bayer AG", "Nestlé SA"): "Sa"
# or "As" in a person's name is none.
_LEGAL_FORMS = word_set("AG SE SA NV N.V. S.A. SpA S.p.A. ASA AB Oyj KGaA BV B.V. A/S LLP Pty")


@functools.lru_cache(maxsize=8192)  # a pure function of the name, asked for again and again
def speaker_type(name: str) -> str:
    """ "person", "organization", or "" for an empty name or a pronoun (see the module doc)."""
    name = " ".join(name.split())
    if not name:
        return ""
    lower = name.lower()
    # "US" in capitals is the country, not the pronoun "us".
    if lower in _PRONOUNS and not (len(name) > 1 and name.isupper()):
        return ""
    words = name.split()
    if len(words) == 1 and WEBSITE.fullmatch(name):
        return ORGANIZATION  # "poweroutage.us", "FlightRadar24.com": a website
    if _is_person_with_role(words):
        return PERSON
    if has_org_word(name):
        return ORGANIZATION
    if len(words) >= 2 and words[-1] in _LEGAL_FORMS:
        return ORGANIZATION  # "Bayer AG", "BASF SE", "Nestlé SA"
    if len(words) >= 2 and any(w.isdigit() for w in words):
        return ORGANIZATION  # "Formula 1", "BBC Radio 4": no person's name has a number
    if _is_national_unit(words):
        return ORGANIZATION  # "Knight Frank India", "Amazon Japan": a business's arm there
    if len(words) >= 2 and bare_word(words[-1]).lower() in UNNAMED_VOICES:
        return ORGANIZATION  # "Met spokesperson": the organisation speaking through someone
    if bare_word(words[-1]).lower() in PARTY_PLURALS:
        return ORGANIZATION  # "Opposition Conservatives", "Senate Democrats": the party
    if len(words) >= 2 and bare_word(words[-1]).lower() in CLUB_ENDINGS:
        return ORGANIZATION  # "Manchester United", "Ipswich Town", "Texas Rangers": a club
    if len(words) >= 2 and any(bare_word(w).lower() in _SPORTS for w in words):
        return ORGANIZATION  # "USA Gymnastics", "British Cycling": a sport's governing body
    if len(words) == 1:
        single = bare_word(name).replace(".", "")
        if len(single) >= 2 and single.isupper():
            return ORGANIZATION  # initials: "ICES", "US"
        if _BRAND.match(single) and not single.startswith(_NAME_PREFIXES):
            return ORGANIZATION  # "TechNewsWorld", "WikiLeaks", "YouTube"
        if is_small_letter_brand(single):
            return ORGANIZATION  # "easyJet", "eBay", "xAI"
    without_article = re.sub(r"^the\s+", "", lower)
    if without_article in GOVERNMENT_SEATS or bare_word(without_article) in GOVERNMENT_SEATS:
        return ORGANIZATION
    if lower.startswith("the ") and bare_word(words[-1]).lower() in _COLLECTIVE_NOUNS:
        return ORGANIZATION
    if len(words) > 3 and words[0].lower() == "the" and words[2] in {"of", "behind"}:
        # "the maker of Windows", "the company behind Claude"
        return ORGANIZATION if words[1].lower() in _MAKERS else PERSON
    first = 1 if words[0].lower() == "the" else 0
    if any(w in _INNER_CONNECTORS for w in words[first + 1 : -1]):
        return ORGANIZATION  # "People for the Ethical Treatment of Animals"
    if len(words) > first + 1 and words[first].lower() in _ORG_OPENERS:
        return ORGANIZATION  # "National Grid", "Royal Mail", "Federal Reserve"
    if len(words) > first + 2 and words[first] == "House" and words[first + 1] == "of":
        return ORGANIZATION  # "House of Commons", "House of Representatives", "House of Lords"
    if _of_words_alone(words[first:]):
        return ORGANIZATION  # "Student Finance", "Citizens Advice": common words alone
    if any(bare_word(w)[:1].isupper() for w in words[first:]) or any(_role(w) for w in words):
        return PERSON
    return ""


def _of_words_alone(words: list[str]) -> bool:
    """Whether a name of two or three words is made of words English writes in small letters
    alone, with no given name, title or role first: an organisation named for what it does
    ("Student Finance", "Citizens Advice"), not a person ("Jeremy Hunt", "Marine Le Pen",
    "Guillaume Long": a word last is no sign alone)."""
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    opening = bare_word(words[0])
    return (
        all(is_a_word(bare_word(w)) for w in words)
        and opening.lower() not in first_name_genders()
        and opening not in TITLES
        and not _role(words[0])
    )


# Countries that are also surnames ("Steve Israel", "Brian France") end no business's name here.
_SURNAME_COUNTRIES = frozenset({"israel", "france", "cuba", "turkey"})


def _is_national_unit(words: list[str]) -> bool:
    """Whether a name of capitalised words ends with a country, a business's arm there ("Knight
    Frank India", "Samsung Electronics Vietnam"): no person's name ends so, bar a few
    (_SURNAME_COUNTRIES; England, Holland, Jordan or Georgia are no COUNTRIES entries)."""
    if len(words) < 2 or not all(w[:1].isupper() for w in words) or any(_role(w) for w in words):
        return False
    last = bare_word(words[-1]).lower()
    return last in COUNTRIES and last not in _SURNAME_COUNTRIES


def is_small_letter_brand(word: str) -> bool:
    """Whether ``word`` is a company's name written in small letters with a capital inside
    ("easyJet", "eBay", "xAI"); not a product ("iPhone", "iPad", "iOS")."""
    if not word[:1].islower() or word.islower():
        return False  # the fast answer for almost every word
    return bool(SMALL_LETTER_NAME.fullmatch(word)) and not re.match(r"i[A-Z]", word)
