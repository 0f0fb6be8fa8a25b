"""What kind of organisation a noun or a name is: a business ("company", "the iPhone maker"), a
public body ("ministry", "Ofwat", the World Health Organization), an armed group, a firm that
analyses; and the nouns that introduce an organisation's name ("the Spanish daily El Pais").
Context-free word tables and tests, read by claims.extraction.organisations (which resolves
"the company" in a document) and the speaker finder's other modules. Split from
claims.extraction.organisations."""

from __future__ import annotations

import re

from claims.extraction.lexicon import word_set
from claims.extraction.names import Token

# "the company said" may refer to a company named differently ("Apple"), "the charity said" to a
# charity ("Action on Smoking and Health"): the last organisation that is no public body. A
# noun ending in "maker" is one too ("the iPhone maker", "the drugmaker").
BUSINESS_NOUNS = word_set("""
    company firm carrier airline retailer manufacturer insurer operator charity group
    organisation organization giant lender bank miner chain brewer conglomerate startup
    producer supplier club utility utilities broadcaster publisher developer
    housebuilder builder distributor wholesaler platform airport website publication outlet
    magazine discounter grocer supermarket broker brand pollster champions holders paper
    newspaper consultancy""")
PUBLIC_WORDS = word_set("""
    ministry department government parliament commission council agency court police army
    navy senate congress assembly cabinet authority office kremlin pentagon central reserve
    administration bureau inspectorate directorate secretariat statistics statistical
    meteorological seismological geological survey centers""")
# Intergovernmental bodies whose names hold none of those words: public bodies all the same
# ("The World Health Organization warned ... the UN agency said").
_INTERGOVERNMENTAL = re.compile(
    r"^(?:the\s+)?(?:World\s+(?:Health|Trade|Meteorological|Food)|United\s+Nations"
    r"|International\s+(?:Monetary|Labour|Labor|Maritime|Civil\s+Aviation))\b"
)
PUBLIC_ACRONYMS = word_set(
    "WHO UN EU NATO IMF OECD WTO IAEA UNHCR UNICEF UNESCO ECB OSCE ICC ICJ FAO ILO WMO"
    " ONS BLS Eurostat Destatis Istat INSEE StatCan"  # statistics agencies
    " Ofwat Ofcom Ofgem Ofsted Ofqual FCA PRA CMA ICO HSE ASA CAA ORR NAO OBR EHRC"  # British
    " NASA FAA FDA CDC EPA FBI CIA NHTSA SEC FTC FCC NOAA USDA IRS FEMA NIH"  # US agencies
    " CFTC FINRA OSHA NTSB FERC DOJ DHS DEA ATF"
)
_UPPER_ACRONYMS = frozenset(a.upper() for a in PUBLIC_ACRONYMS)
# "the agency said" may refer to a public body named differently ("the Food and Drug
# Administration"); never to a business.
AGENCY_NOUNS = word_set("agency regulator watchdog authority")

# Nouns of an organisation's kind that are no business's, after a nationality: "the Spanish
# club", "the Swiss federation".
ORG_KIND_WORDS = frozenset({"club", "side", "team", "federation", "league", "engineering"})

# Armed groups, never "the company": "the Rapid Support Forces", "the Wagner militia".
_ARMED = word_set(
    "forces militia militias brigade brigades army taliban hamas hezbollah isis houthis"
)

# Lower-case nouns that introduce an organisation's name: "the Spanish daily El Pais".
ORG_DESCRIPTORS = word_set("""
    newspaper daily weekly tabloid broadcaster network website outlet magazine company firm
    group charity ngo organisation organization agency union startup bank insurer airline
    carrier retailer manufacturer supplier regulator watchdog channel station publisher
    nonprofit platform office bureau fund institute authority commission party movement
    coalition alliance journal site app service consultancy promoter""")

APPOSITION_OPENERS = frozenset({"the", "a", "an"})
APPOSITION_LENGTH = 5  # words from the determiner to the noun: "the Oslo-based food group"

# Words of the names of the firms that analyse, estimate and advise ("Anderson Economic Group",
# "Capital Economics", "Wedbush Securities", "Cornwall Insight"): sources of figures about a
# business, never the carmaker, airline or bank a noun describes.
_ANALYST_WORDS = frozenset(
    {"economic", "economics", "research", "consulting", "consultancy", "consultants"}
    | {"analytics", "insight", "intelligence", "securities", "advisors", "advisers"}
)

# Business nouns that say what a business makes or does, unlike "company", "firm", "group".
# Businesses named with a person's noun: "The asset manager said" is a firm's statement.
BUSINESS_COMPOUNDS = frozenset({("asset", "manager"), ("wealth", "manager")})
# "The think tank said": an organisation named like one (THINK_TANK_WORDS), the Resolution
# Foundation or the Institute for Fiscal Studies, never a business that spoke before.
THINK_TANK = ("think", "tank")
THINK_TANK_WORDS = frozenset(
    {"foundation", "institute", "centre", "center", "council", "forum", "lab", "studies"}
    | {"research", "policy", "trust", "institution", "society", "commission", "group"}
)


def is_armed(org: str) -> bool:
    """Whether ``org`` is named as an armed group or force ("the Rapid Support Forces"): never
    "the company"."""
    return bool(_ARMED.intersection(org.lower().split()))


def is_analyst_firm(org: str) -> bool:
    """Whether ``org`` is named as a firm that analyses or advises ("Anderson Economic Group")."""
    return any(w.lower() in _ANALYST_WORDS for w in org.split())


def is_business_compound(tokens: list[Token], i: int) -> bool:
    """Whether the words ending at ``i`` name a kind of business with a person's noun: "the asset
    manager" (BlackRock), not "the manager" (of a club) nor "the fund manager" (a person); or a
    think tank."""
    pair = (tokens[i - 1].lower, tokens[i].lower) if i > 0 else ("", "")
    return pair in BUSINESS_COMPOUNDS or pair == THINK_TANK


def is_business_noun(noun: str) -> bool:
    return noun in BUSINESS_NOUNS or noun.endswith("maker")


def is_public_body(org: str) -> bool:
    """A ministry, a regulator, a court, a central bank, a UN agency: not a business."""
    return (
        "Bank of " in org  # "Bank of England": a central bank
        or any(w.lower() in PUBLIC_WORDS for w in org.split())
        or bool(_INTERGOVERNMENTAL.match(org))
        or org in PUBLIC_ACRONYMS
        # as British papers write the longer initials: "Nasa", "Nato", "Unicef", "Ofwat"
        or (len(org) >= 4 and org.istitle() and org.upper() in _UPPER_ACRONYMS)
    )


# Nouns after a one-word name that say what it is: "the Aslef union" is Aslef.
NAMED_BY_NOUN = word_set("union group firm company charity agency network carrier bank")
# How nationalities end ("Japanese", "Russian", "British", "Israeli", "French", "Greek"):
# "the Japanese company" is a description, not a company called Japanese.
NATIONALITY_ENDINGS = ("ese", "an", "ish", "i", "ch", "ek", "ss", "ic")


def is_org_head(noun: str) -> bool:
    """Whether ``noun`` names an organisation by what it is: a public body's ("regulator",
    "agency") or a business's ("company", "airline")."""
    return noun in AGENCY_NOUNS or is_business_noun(noun)


# Organisations that are places: "At Heathrow, the airport said" is Heathrow's.
PLACE_NOUNS = word_set("""
    airport port hospital university college school stadium zoo museum prison plant factory
    mine station""")
