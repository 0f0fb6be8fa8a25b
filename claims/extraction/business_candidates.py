"""Which organisations named near a sentence can be the business "the company" means, and which
are public bodies, unions or products instead (for claims.extraction.organisations).

"Shares in Halvorsen Foods fell ... The Oslo-based group said": the one business named in this
paragraph or the one before (or, when none there is surely one, anywhere before); never a public
body ("Ofwat"), a government ("Texas"), a union ("the Aslef union"), an armed group (unless the
noun is "group"), two joined by "and", or a product named by a code ("GPT-5").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claims.extraction.lexicon import word_set
from claims.extraction.org_kinds import (
    AGENCY_NOUNS,
    is_analyst_firm,
    is_armed,
    is_business_noun,
    is_public_body,
)
from claims.extraction.page_names import type_on_page
from claims.extraction.people import SpeakerContext
from claims.extraction.places import COUNTRIES, GOVERNMENT_SEATS
from claims.extraction.speaker_types import ORGANIZATION

# Words of the names of professional bodies that are unions ("Royal College of Nursing",
# "British Medical Association", "Police Federation").
_UNION_LIKE = word_set("college association federation")

# Nouns that introduce a public body: "the regulator Ofwat", "the watchdog Ofcom".
_PUBLIC_DESCRIPTORS = AGENCY_NOUNS | word_set("authority ministry office bureau")


def is_public_org(org: str, context: SpeakerContext) -> bool:
    """is_public_body, or introduced as one ("the regulator Ofwat")."""
    return (
        is_public_body(org)
        or is_public_body(context.acronyms.get(org, ""))  # "NHTSA", for its name in full
        or any(org in context.org_nouns.get(noun, ()) for noun in _PUBLIC_DESCRIPTORS)
    )


def the_business(name: str, context: SpeakerContext, *, armed: bool) -> bool:
    """Whether ``name`` is an organisation that spoke and can be a business (or, ``armed``, an
    armed group: "the group")."""
    return bool(name) and name in context.orgs and bool(_businesses({name}, context, armed=armed))


# How unions' names end: "Communication Workers Union", "United Auto Workers", "International
# Association of Machinists and Aerospace Workers", "International Brotherhood of Teamsters".
_UNION_ENDINGS = (" Union", " union", " Workers", " Teamsters")


def a_union(name: str, context: SpeakerContext) -> bool:
    """Whether the text introduced ``name`` as a union ("the Aslef union", "the union Aslef"),
    or names it so ("Communication Workers Union"): never "the company" nor "the operator"."""
    full = context.acronyms.get(name, name)  # "IAM": the union its initials spell
    return name in context.org_nouns.get("union", ()) or full.endswith(_UNION_ENDINGS)


def union_like(context: SpeakerContext) -> str:
    """The body a bare "the union" means when no union's name was written: the one organisation
    of this paragraph or the one before, when it is named like a professional body that is a
    union ("The Royal College of Nursing (RCN) has announced ... The union said", the British
    Medical Association); "" otherwise."""
    near = [o for o in context.orgs if context.org_paragraphs[o] >= context.paragraph - 1]
    if not near:
        # named in passing: "Members of the Royal College of Nursing have voted ... The union
        # said"
        near = list(dict.fromkeys(n for n, kind in recent_mentions(context) if kind != "party"))
    if len(near) != 1 or is_public_org(near[0], context):
        return ""
    return near[0] if _UNION_LIKE.intersection(near[0].lower().split()) else ""


def named_business(org: str, context: SpeakerContext) -> bool:
    """Whether ``org`` is surely a business's name, not a common noun the page reads as one
    ("Turnover fell 1.5%, the consumer goods group said"): several words, initials, or a
    business the text named or heard speak; never a public body."""
    return (
        bool(org)
        and not is_public_org(org, context)
        and (
            " " in org
            or org.isupper()
            or org in context.orgs
            or context.mentions.get(org, (0, ""))[1] == "business"
        )
    )


def only_business(
    context: SpeakerContext,
    *,
    sector: bool = False,
    armed: bool = False,
    described: frozenset[str] = frozenset(),
) -> str:
    """The business, when the sentence and this paragraph and the previous one name exactly one
    organisation that can be a business and no other candidate ("Shares in Halvorsen Foods fell
    ... The Oslo-based group said"); "" when they name none or several ("Microsoft ... Sony,
    which makes the PlayStation, ... The Japanese company said": which one the words mean, the
    rules cannot tell). A name whose words all describe the noun (``described``, the noun
    phrase's words in small letters) is no candidate: "The Premier League club said" is not
    the Premier League."""
    window = context.paragraph - 1
    candidates = {o for o in context.orgs if context.org_paragraphs[o] >= window}
    candidates.update(
        name for name, kind in recent_mentions(context) if kind not in {"public", "party"}
    )
    if context.sentence_org:
        candidates.add(context.sentence_org)
    candidates = {c for c in candidates if not set(c.lower().split()) <= described}
    # "Water bills to rise ... Water UK said": a word of another candidate's name is none
    candidates = {c for c in candidates if not any(c != d and c in d.split() for d in candidates)}
    if sector:  # "The planemaker reported": not the consultancy that estimated its loss
        candidates = {o for o in candidates if not is_analyst_firm(o)}
    near = _businesses(candidates, context, armed=armed)
    if len(near) > 1:
        return ""
    if near and _surely_business(next(iter(near)), context):
        return next(iter(near))
    # Nothing named near that is surely a business (a public body, a common noun, or a name
    # named in passing with nothing to say what it is: "... said Russ Mould, investment
    # director at AJ Bell"): the one organisation that spoke or was named as a business
    # anywhere before ("Ryanair said ... Chief executive Michael O'Leary said ... The carrier
    # said", two paragraphs on)
    anywhere = set(context.orgs)
    anywhere.update(n for n, (_, kind) in context.mentions.items() if kind == "business")
    # introduced with a business's noun: "Novo Nordisk, the Danish drugmaker behind Wegovy,"
    anywhere.update(
        o for noun, named in context.org_nouns.items() if is_business_noun(noun) for o in named
    )
    anywhere = {o for o in anywhere if not set(o.lower().split()) <= described}
    if sector:
        anywhere = {o for o in anywhere if not is_analyst_firm(o)}
    found = _businesses(anywhere, context, armed=armed)
    return next(iter(found)) if len(found) == 1 else ""


# Continents and regions, which a business operates in: never "the chain" itself.
_REGIONS = word_set(
    "europe asia africa oceania australasia scandinavia antarctica", lower=True
) | frozenset(
    {
        "north america",
        "south america",
        "latin america",
        "central america",
        "middle east",
        "the middle east",
        "east asia",
        "south-east asia",
        "southeast asia",
        "west africa",
        "east africa",
        "sub-saharan africa",
        "the caribbean",
        "the gulf",
        "the balkans",
    }
)
# A product's name of letters, a hyphen and a number: "GPT-5", "GPT-4o", "F-35A", "Su-57".
_PRODUCT_CODE = re.compile(r"[A-Za-z]+-\d+[A-Za-z]?")


def _businesses(candidates: set[str], context: SpeakerContext, *, armed: bool = False) -> set[str]:
    """The candidates that can be a business: no public body or government ("Germany",
    "Texas"), nor a one-word subject the page does not take for an organisation ("Wind
    supplied 29.4% ...": a common noun)."""
    return {
        o
        for o in candidates
        if not is_public_org(o, context)
        and o.lower() not in GOVERNMENT_SEATS
        and o.lower() not in COUNTRIES
        and o.lower() not in _REGIONS  # "400 stores in North America": a place, no business
        and " and " not in o  # "Microsoft and Sony said": two, never "the Japanese company"
        and (armed or not is_armed(o))  # "the Rapid Support Forces": a group, no company
        and not a_union(o, context)  # "the Aslef union"
        and not (_maybe_anything(o, context) and type_on_page(o, context) != ORGANIZATION)
        and not _PRODUCT_CODE.fullmatch(o)  # "OpenAI released GPT-5": a model, no business
    }


def _surely_business(name: str, context: SpeakerContext) -> bool:
    """Whether a name that can be a business is one for "the company": named as an organisation
    (a mention of any kind but "other"), or one word that may be a person or a place but that
    the page never writes beside a name word ("The European Commission has fined Apple ... The
    tech giant said")."""
    return context.mentions.get(name, (0, ""))[1] != "other" or _maybe_anything(name, context)


def _maybe_anything(name: str, context: SpeakerContext) -> bool:
    """A one-word subject named only in passing (a mention of kind "other"), on a page whose
    names the context can read: a person, a place or an organisation alike."""
    return (
        context.page is not None
        and " " not in name
        and context.mentions.get(name, (0, ""))[1] == "other"
    )


def recent_mentions(context: SpeakerContext) -> Iterator[tuple[str, str]]:
    """(name, kind) of the organisations named in this paragraph or the one before, latest
    first (the mentions are in the order they were last named, so paragraph by paragraph)."""
    for name, (paragraph, kind) in reversed(context.mentions.items()):
        if paragraph < context.paragraph - 1:
            return
        yield name, kind
