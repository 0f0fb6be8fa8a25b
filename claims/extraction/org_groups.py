"""People who speak for where they work, named before the group noun: "Pentagon officials
said", "Goldman Sachs economists estimate", "Commission officials said" (the European
Commission's), as "Officials at the Pentagon" and "Economists at Goldman Sachs" are named after
it. A nationality, a country, a capital or a common word before the noun names no
organisation: "Israeli officials", "US officials", "Kyiv officials", "Senior officials" stay a
vague group."""

from __future__ import annotations

from claims.extraction.descriptions import place_body
from claims.extraction.full_names import org_in_full
from claims.extraction.lexicon import PERSON_DEMONYMS, word_set
from claims.extraction.names import Token, clean_run, is_capitalised, is_org, name_before
from claims.extraction.org_kinds import NATIONALITY_ENDINGS
from claims.extraction.outlets import police_force
from claims.extraction.people import SpeakerContext
from claims.extraction.places import COUNTRIES, GOVERNMENT_SEATS
from claims.extraction.small_words import is_a_word

# Groups that speak for an organisation's research or its official line.
_RESEARCH_GROUPS = word_set("analysts economists researchers scientists experts engineers")
_OFFICIAL_GROUPS = word_set("officials sources aides diplomats spokespeople investigators officers")
# Seats of government that are bodies, not places ("Kremlin officials", not "Moscow officials").
_BODIES = word_set("kremlin pentagon treasury vatican elysee élysée zhongnanhai") | frozenset(
    {"white house", "downing street", "hm treasury", "blue house", "scotland yard"}
)

# Words that open the group's description, not a name ("Senior officials", "Western analysts").
_QUALIFIERS = word_set("""
    senior top junior former leading western eastern foreign local independent other some many
    several""")


def org_group(text: str, tokens: list[Token], i: int, context: SpeakerContext) -> str:
    """ "Pentagon officials" when ``tokens[i]`` is a group noun after an organisation's name;
    "" otherwise. A research group ("Goldman Sachs economists", "Harvard researchers") needs a
    name that is no nationality, place or word; an official group ("Pentagon officials",
    "Kremlin sources"), which follows a person's name too ("Trump aides"), needs a name the
    page shows is an organisation."""
    noun = tokens[i].lower
    if not tokens[i].text.islower() or noun not in _RESEARCH_GROUPS | _OFFICIAL_GROUPS:
        return ""
    if i >= 2 and noun in _OFFICIAL_GROUPS:
        body = place_body(text, tokens, i - 1) or police_force(text, tokens, i - 1)
        if body:
            return f"{body} {noun}"  # "Phoenix police officials", "Leeds council officials"
    if i == 0 or not is_capitalised(tokens[i - 1]):
        return ""
    run = name_before(tokens, i)
    while run and run[0].lower in _QUALIFIERS:
        run = run[1:]  # "Senior Pentagon officials": the Pentagon's
    name = clean_run(text, run)
    lower = name.lower()
    if not name or lower in COUNTRIES or (lower in GOVERNMENT_SEATS and lower not in _BODIES):
        return ""
    one_word = " " not in name
    expanded = False
    if one_word and lower not in _BODIES:
        if lower in PERSON_DEMONYMS or lower.endswith(NATIONALITY_ENDINGS):
            return ""  # "Israeli officials", "Chinese scientists"
        if is_a_word(name):
            # "Senior officials", "Western analysts", "Government officials": no name, unless
            # the page named an organisation in full that ends with it ("Commission officials")
            full = org_in_full(name, context)
            if full == name:
                return ""
            name, expanded = full, True
    known = (
        lower in _BODIES
        or is_org(name)
        or expanded
        or name in context.orgs
        or context.mentions.get(name, (0, ""))[1] in {"public", "business"}
    )
    if noun in _OFFICIAL_GROUPS and not known:
        return ""  # "Trump aides said": a person's people
    return f"{name} {noun}"
