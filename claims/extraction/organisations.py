"""Which organisation "the company", "the agency" or "the iPhone maker" is.

News names an organisation once and then describes it: "Apple said ... The iPhone maker denied
wrongdoing", "Halvorsen Foods cut its forecast ... The Oslo-based group said", "The World
Health Organization warned ... the UN agency said", "Turkey's disaster agency, AFAD, said ...
The agency said". claims.extraction.org_learning records, sentence by sentence, the
organisations the text introduces with a noun ("the Spanish daily El Pais", "the supplier,
Nordvik Steelworks", "Nordvik Steelworks, the supplier,", "the Aslef union"), in the
document's SpeakerContext; ``resolve_org_noun`` (called by claims.extraction.clauses for "the
<noun> said") answers, in this order: an organisation whose name holds every word ("the
ministry" -> "Ministry of Defence"); the one the text last introduced with that noun; for a
business noun ("company", "group", "iPhone maker", "tech giant", "lender"), the business the
sentence opens with or the last business of this paragraph or the one before (when none there
is surely one, the one business the text named anywhere before); for "agency", "regulator",
"watchdog", the last public body there, never an umbrella (the UN, the EU). A described
organisation that none of these finds is the description itself when it says more than the
noun ("the national audit office"; "The Gaza health ministry" without its "The"), else nobody.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claims.extraction.business_candidates import (
    a_union,
    is_public_org,
    named_business,
    only_business,
    recent_mentions,
    the_business,
    union_like,
)
from claims.extraction.lexicon import (
    word_set,
)
from claims.extraction.names import (
    Token,
    clean_run,
    name_after,
)
from claims.extraction.org_kinds import (
    AGENCY_NOUNS,
    BUSINESS_COMPOUNDS,
    NAMED_BY_NOUN,
    NATIONALITY_ENDINGS,
    ORG_KIND_WORDS,
    PLACE_NOUNS,
    PUBLIC_WORDS,
    THINK_TANK,
    THINK_TANK_WORDS,
    is_analyst_firm,
    is_armed,
    is_business_noun,
)
from claims.extraction.parties import described_party, is_party_name
from claims.extraction.people import (
    DETERMINERS,
    POSSESSIVE_PRONOUNS,
    SpeakerContext,
)
from claims.extraction.places import GOVERNMENT_SEATS, NATIONALITIES
from claims.extraction.small_words import common_on_page, is_a_word
from claims.extraction.speaker_types import CLUB_ENDINGS

# Words of names that "the agency" may stand for when no public body by PUBLIC_WORDS was named
# ("The National Hurricane Center said ... The agency said", the Philippine Institute of
# Volcanology and Seismology).
_AGENCY_LIKE = word_set("institute institutes center centre service observatory laboratory")
# Bodies that hold agencies and are none: "the agency" is never the UN or the EU.
_UMBRELLAS = frozenset({"UN", "EU", "NATO", "United Nations", "European Union"})

# A noun for either kind of body: "the forecaster" is the Met Office or a consultancy.
_EITHER_KIND = word_set("forecaster body")  # "the industry body": Water UK, a business group
# Public bodies that lend, "the lender" when no bank was named near: the IMF, the World Bank.
_PUBLIC_LENDER = re.compile(r"Monetary Fund|World Bank|Development Bank|Investment Bank|\bIMF\b")
# "the central bank": the one named before ("The State Bank of Pakistan cut ... The central
# bank said").
_CENTRAL_BANK = re.compile(
    r"\b(?:Bank\s+of|Reserve|Federal\s+Reserve|Fed|Central\s+Bank|Bundesbank|Riksbank"
    r"|Norges\s+Bank|ECB|People['’]s\s+Bank|National\s+Bank|State\s+Bank)\b"
)
# Words of newspapers' names: "the paper said" is a newspaper named before, never another
# organisation ("The Resolution Foundation ... The paper, published in The Lancet, said").
_PRESS_WORDS = word_set("""
    times post journal herald shimbun sinmun gazette news tribune guardian telegraph mail
    express independent observer mirror sun standard chronicle globe star courier inquirer
    examiner record bulletin daily weekly ledger pravda izvestia zeitung monde pais figaro
    spiegel bild nikkei asahi yomiuri haaretz""")
_PRESS_NOUNS = word_set("newspaper paper daily weekly tabloid")
# Scholarly journals, where studies appear: "the Journal of Clinical Oncology", "the British
# Medical Journal", "The Lancet", "Nature" (not "The Wall Street Journal", a newspaper).
_JOURNAL = re.compile(
    r"\bJournal of\b|\bMedical Journal\b|\bLancet\b|^(?:Nature|Science|Cell|BMJ|JAMA|PNAS|NEJM)$"
)


def _a_journal(org: str) -> bool:
    return bool(_JOURNAL.search(org))


_THE_COUNTRYS = re.compile(r"^the country['’]s (.+)$", re.IGNORECASE)


def opening_place(text: str, tokens: list[Token]) -> str:
    """The name a sentence opens with in "At <Name>," ("At Heathrow, the airport said"), or
    names after "at" before a "which" or "where" clause ("a third runway at Heathrow, which the
    airport says will create 100,000 jobs")."""
    for at, token in enumerate(tokens):
        if token.lower != "at":
            continue
        run = name_after(tokens, at + 1)
        end = at + 1 + len(run)
        if not run or end >= len(tokens) or tokens[end].text != ",":
            continue
        if at == 0 or (end + 1 < len(tokens) and tokens[end + 1].lower in {"which", "where"}):
            return clean_run(text, run)
    return ""


_GENERIC_BUSINESS = frozenset({"company", "firm", "group", "organisation", "organization"})


def _names_a_sector(noun: str) -> bool:
    """A business noun that says what the business does ("planemaker", "airline", "bank")."""
    return is_business_noun(noun) and noun not in _GENERIC_BUSINESS


def _of_the_nationality(words: list[str], context: SpeakerContext) -> str | None:
    """The one organisation the text gave the country of the adjective ``words`` open with
    ("the Japanese carmaker" after "Japan's Toyota" or "Japanese carmaker Toyota"); "" when
    several ("Germany's Siemens and Germany's SAP ... The German company": which, the text does
    not say); None when none, or the words are no such description."""
    if len(words) < 2 or not context.org_countries:
        return None
    if not (is_business_noun(words[-1]) or words[-1] in ORG_KIND_WORDS):
        return None  # "the British government" is no business the text gave a country
    adjective = " ".join(words[:2]) if " ".join(words[:2]) in NATIONALITIES else words[0]
    country = NATIONALITIES.get(adjective)
    named = {org for org, of in context.org_countries.items() if of == country}
    if not country or not named:
        return None
    if len(named) > 1:
        return ""
    org = named.pop()
    context.described_orgs.add(org)  # "the Spanish club": Real Madrid is no person
    return org


def _country_owned(phrase: str, context: SpeakerContext) -> str:
    """ "the country's air force": the last country named in this paragraph or the one before
    ("Ukraine's air force"); "" when the phrase is no such description or no country fits."""
    m = _THE_COUNTRYS.match(phrase)
    if not m or not context.countries:
        return ""
    country, paragraph = context.countries[-1]
    return f"{country}'s {m.group(1)}" if paragraph >= context.paragraph - 1 else ""


# What a noun calls an organisation whose name says it otherwise: "the force" is a police force.
_HEAD_ALIASES = {
    "force": {"police", "constabulary"},
    # "The Israel Defense Forces (IDF) said ... The military said"
    "military": {"forces", "army", "idf"},
    "army": {"forces"},
}
# Nouns for a story's subject, which may refer back to it however far up the page: a sports
# story's club or league, a local story's council ("Kent County Council acted unlawfully ...
# [two paragraphs on] The council said"), when the page names only one.
_SUBJECTS_THROUGHOUT = frozenset({"club", "league", "council"})
# What a description calls a word of the name: "the apex court", "the top court" is the Supreme
# Court.
_WORD_ALIASES = {"apex": "supreme", "top": "supreme", "highest": "supreme"}


def _named_beside(name: str, head: str, context: SpeakerContext) -> bool:
    """Whether another organisation that ``head`` ("council") names was mentioned in the
    paragraph ``name`` was last mentioned in."""
    paragraph = context.mentions[name][0]
    return any(
        other != name and at == paragraph and kind != "other" and _named_by(head, other)
        for other, (at, kind) in context.mentions.items()
    )


def _one_of_two_bodies(name: str, context: SpeakerContext) -> bool:
    """Whether ``name`` was named together with another public body ("Ofgem and Ofwat") and
    has not spoken (after "The FCA said", "the regulator" is the FCA)."""
    other = context.named_together.get(name, "")
    return context.mentions.get(other, (0, ""))[1] == "public" and name not in context.orgs


def _a_party(name: str) -> bool:
    """Whether ``name`` is one political party (parties.is_party_name; not two: "Labour and the
    Conservatives")."""
    return " and " not in name and is_party_name(name)


def resolve_org_noun(phrase: str, context: SpeakerContext) -> str:
    """The organisation ``phrase`` ("the company", "The iPhone maker") refers to; "" when none
    (a bare "the ministry" with no ministry named before: too vague)."""
    owned = _country_owned(phrase, context)
    if owned:
        return owned
    words = [w for w in re.findall(r"[\w’']+", phrase.lower()) if w not in DETERMINERS]
    national = _of_the_nationality(words, context)
    if national is not None:
        return national  # "Japan's Toyota ... The Japanese carmaker said"; "" for two
    product = len(words) > 2 and words[1] in {"of", "behind"}
    if product:
        words = [*words[2:], words[0]]  # "the maker of ChatGPT": as "the ChatGPT maker"
    if tuple(words[-2:]) == THINK_TANK:
        recent = [o for o in context.orgs if context.org_paragraphs[o] >= context.paragraph - 1]
        named_so = [o for o in recent if THINK_TANK_WORDS.intersection(o.lower().split())]
        return named_so[-1] if named_so else ""
    if tuple(words[-2:]) in BUSINESS_COMPOUNDS:
        words = [*words[:-2], "firm"]  # "The asset manager said": BlackRock, as "the firm"
    head = words[-1] if words else ""
    if words == [head] and head in PLACE_NOUNS and context.sentence_place:
        return context.sentence_place  # "At Heathrow, the airport said"
    # "Cardiff University will cut 400 jobs, the university said": the sentence's own
    # organisation first, then those that spoke or acted before
    own = context.sentence_org
    if own.split()[1:2] == ["of"] and is_a_word(own.split()[0]):
        own = ""  # "Members of the National Education Union voted ...": the members
    for org in [own, *reversed(context.orgs)]:
        lower = org.lower()
        named = bool(org) and (head in lower or _named_by(head, org))
        if named and all(_WORD_ALIASES.get(w, w) in lower for w in words[:-1]):
            return org  # "the ministry": the Foreign Ministry; "the force": Merseyside Police
    introduced = context.org_nouns.get(head)
    if introduced:
        return introduced[-1]  # "Turkey's disaster agency, AFAD, said ... The agency said"
    if len(words) == 1:
        for org in reversed(context.orgs):
            if head in org.lower():
                return org
        for name, kind in recent_mentions(context):
            # "The government's Department for Transport is providing £30 million ... A
            # spokesman for the department said": named in passing, in this paragraph or the
            # one before; not one of two named together ("Kent County Council and Medway
            # Council have agreed ... The council said": which, the text does not say)
            if kind != "other" and _named_by(head, name) and name.lower() != head:
                return "" if _named_beside(name, head, context) else name
            acronym = name.isupper() and len(name) <= 6 and name not in _UMBRELLAS
            if head in AGENCY_NOUNS and kind == "public" and acronym:
                # "NASA Administrator Bill Nelson told ... the agency said": NASA; not one of
                # two ("the FCA and the Bank of England")
                return "" if _one_of_two_bodies(name, context) else name
        # A sports story's club or league is its subject throughout: further up the page, the
        # only one so named ("Manchester City's hearing ... [three paragraphs on] The club has
        # previously said"). Other nouns look no further than the paragraph before ("The
        # department said", three paragraphs after one was named in passing, stays nobody's).
        named_so = (
            set()
            if head not in _SUBJECTS_THROUGHOUT
            else {
                name
                for name, (_, kind) in context.mentions.items()
                if kind != "other" and name.lower() != head and _named_by(head, name)
            }
        )
        if len(named_so) == 1:
            return named_so.pop()  # not "Kent County Council and Medway Council": two
        # "... a prosecution brought by the Environment Agency. [a judge's paragraph] The
        # agency said": the one so named two paragraphs up (three is too far)
        earlier = {
            name
            for name, (paragraph, kind) in context.mentions.items()
            if paragraph >= context.paragraph - 2
            and kind != "other"
            and name.lower() != head
            and _named_by(head, name)
        }
        if len(earlier) == 1 and not _named_beside(next(iter(earlier)), head, context):
            return earlier.pop()
    recent = [o for o in context.orgs if context.org_paragraphs[o] >= context.paragraph - 1]
    if head in _PRESS_NOUNS:
        press = _nearest(context, recent, lambda org: _is_press(org, context))
        return press or (phrase if len(words) > 1 else "")  # "The Sapporo-based newspaper"
    if words[-2:] == ["central", "bank"]:
        bank = _nearest(context, recent, lambda org: bool(_CENTRAL_BANK.search(org)))
        if bank:
            return bank
    if is_business_noun(head) or head in AGENCY_NOUNS or head in _EITHER_KIND:
        # "Apple said ... “We remain confident,” the company said": the organisation this
        # sentence opens with, or the last in this paragraph or the previous one, that is not
        # a public body; "The Food and Drug Administration approved ... The agency said": the
        # last that is one.
        described = len(words) > 1 and head not in AGENCY_NOUNS
        org = context.sentence_org
        if org and set(org.lower().split()) <= set(words):
            org = ""  # "ChatGPT was down, the maker of ChatGPT said", "The KitKat maker said":
            # not the product; "The Premier League club said": not the league
        if described and is_business_noun(head) and named_business(org, context):
            return org  # "BYD sold 4.27 million vehicles, the Chinese carmaker said": BYD
        if product and org and not is_public_org(org, context) and org.lower() not in words:
            return org  # "Anthropic raised $4bn ..., the company behind Claude said"
        own = context.previous_own_speaker
        armed = head == "group"  # "The Iran-backed group said" after Hezbollah
        if (
            described
            and is_business_noun(head)
            and not org
            and the_business(own, context, armed=armed)
        ):
            # "Nvidia reported revenue of $35bn. The Santa Clara-based company said ...": the
            # business that just spoke of itself
            return own
        before = context.previous_sentence_org
        one = " and " not in before  # not "Microsoft and Sony": which, the text does not say
        if (
            described
            and is_business_noun(head)
            and not org
            and one
            and named_business(before, context)
        ):
            # "OpenAI has raised $40bn in a round led by Japan's SoftBank. The San
            # Francisco-based company said": the business the sentence before opened with
            return before
        # a public body named in passing ("Ofwat is due to publish ... the regulator said")
        named = (
            [n for n, k in recent_mentions(context) if k == "public"]
            if head in AGENCY_NOUNS
            else []
        )
        # "The UN agency said", "the agency said" after it: a UN body, never the UN itself
        umbrellas = _UMBRELLAS if head in AGENCY_NOUNS else frozenset()
        # a place's body ("the airport") is one named like a place, one word ("Heathrow") or
        # with the noun ("Gatwick Airport"), or one remembered so (above), never a business of
        # another name that spoke last
        place = head in PLACE_NOUNS
        # "Tesco closed 12 stores. The supermarket said": the organisation the sentence before
        # opened with, when no one spoke there, before one that spoke earlier (Network Rail,
        # two sentences up); not a headline's common word ("Water bills")
        opened_before = (
            before
            if is_business_noun(head)
            and one
            and not context.previous_speaker
            and not common_on_page(before, context.page)
            else ""
        )
        # "... customers of Anglian Water will begin on Friday, the company confirmed"
        inner = context.sentence_businesses
        inner_one = inner[0] if len(inner) == 1 and is_business_noun(head) else ""
        for org in (
            []
            if described
            else [context.sentence_org, inner_one, opened_before, *reversed(recent), *named]
        ):
            if (
                org
                and not (place and " " in org and head not in org.lower())
                and org not in umbrellas
                and not (_names_a_sector(head) and is_analyst_firm(org))
                and org.lower() not in GOVERNMENT_SEATS  # "Texas has sued Boeing, the company said"
                and not (is_business_noun(head) and head != "group" and is_armed(org))
                # "the Aslef union ... The operator said": a union is no business
                and not (is_business_noun(head) and a_union(org, context))
                # "published in the New England Journal of Medicine ... The company said": a
                # scholarly journal is where a study appears, never the company
                and not (is_business_noun(head) and _a_journal(org))
                # "The Conservatives were on 21%, the pollster found": a party is only ever
                # "the party"
                and not _a_party(org)
                and (
                    head in _EITHER_KIND
                    or is_public_org(org, context) == (head in AGENCY_NOUNS)
                    # "The National Hurricane Center said ... The agency said": a centre,
                    # survey, institute or service is one too, the latest of them first
                    or (head in AGENCY_NOUNS and _AGENCY_LIKE.intersection(org.lower().split()))
                )
            ):
                if org in named and org not in recent and _one_of_two_bodies(org, context):
                    return ""  # "fined by the FCA and the Bank of England ... The regulator
                    # said": which, the text does not say
                return org
        # "The airport's operator": whose, the words say, not which business was named last
        owned = any(w.endswith(("'s", "’s")) for w in words[:-1])
        if head not in AGENCY_NOUNS and not owned:
            only = only_business(
                context, sector=_names_a_sector(head), armed=armed, described=frozenset(words)
            )
            if place and " " in only and head not in only.lower():
                only = ""  # "Greenpeace UK" is no airport ("Gatwick Airport" is one)
            if only and only.lower() not in words and not _a_journal(only):
                return only  # never "ChatGPT" for "the maker of ChatGPT"
        if head == "lender":  # no bank named near: "The Washington-based lender" is the IMF
            lenders = [o for o in reversed(context.orgs) if _PUBLIC_LENDER.search(o)]
            if lenders:
                return lenders[0]
    if words == ["party"]:
        # "The Conservatives have chosen ... The party said": the party that spoke last, else
        # the one party named in this paragraph or the one before
        spoke = next((o for o in reversed(context.orgs) if _a_party(o)), "")
        named = {n for n, _ in recent_mentions(context) if _a_party(n)}
        return spoke or (named.pop() if len(named) == 1 else "")
    if len(words) == 1:
        return union_like(context) if head == "union" else ""
    owner, _, rest = phrase.partition(" ")
    if owner.lower() in POSSESSIVE_PRONOUNS and rest[:1].isupper():
        return rest  # "His Smer party has promised": the Smer party, not "His Smer party"
    if head == "party":
        party = described_party(phrase, words, recent_mentions(context))
        if party:
            return party
    named = phrase.split()
    if (
        head in NAMED_BY_NOUN
        and len(named) == 3
        and named[0].lower() in DETERMINERS
        and named[1][:1].isupper()
        and not is_a_word(named[1])
        and not named[1].lower().endswith(NATIONALITY_ENDINGS)  # "the Japanese company"
        and not named[1].rpartition("-")[2].islower()  # "the Tokyo-based company"
    ):
        return named[1]  # "the Aslef union", "the Wagner group": Aslef, Wagner
    place = rest.split()[0]
    if (
        owner.lower() == "the"
        and head in PUBLIC_WORDS
        and place[:1].isupper()
        and place.isalpha()
        and not place.lower().endswith(NATIONALITY_ENDINGS)
        and rest.split()[-1].islower()
    ):
        return rest  # "The Gaza health ministry says": a place's body, as "according to the
        # Gaza health ministry" writes it; "The Japanese company" stays a description
    if owner.lower() == "the" and head in PUBLIC_WORDS and place[:1].isupper() and len(words) == 2:
        return rest  # "The Scottish government said", "the Irish government": the country's
    return phrase  # "the national audit office": described well enough to call


def _named_by(head: str, name: str) -> bool:
    """Whether a word of ``name`` is the noun ``head`` or one it stands for ("the force":
    Merseyside Police; "the club": Manchester City, a club named by its place and the ending
    of a club's name, never "the city council")."""
    words = name.lower().split()
    if head == "club" and name[:1].isupper() and (words[-1] in CLUB_ENDINGS | {"fc", "afc"}):
        return True
    return head in words or bool(_HEAD_ALIASES.get(head, set()).intersection(words))


def _nearest(context: SpeakerContext, recent: list[str], fits: Callable[[str], bool]) -> str:
    """The organisation that ``fits``: the one this sentence opens with, else the latest that
    spoke in this paragraph or the one before (``recent``), else the latest named there."""
    named = [name for name, _ in recent_mentions(context)]  # latest first
    return next((o for o in [context.sentence_org, *reversed(recent), *named] if o and fits(o)), "")


def _is_press(org: str, context: SpeakerContext) -> bool:
    """Whether ``org`` is a newspaper: named like one ("The Guardian", "Rodong Sinmun") or
    introduced as one ("the Spanish daily El Pais")."""
    return bool(_PRESS_WORDS.intersection(org.lower().split())) or any(
        org in context.org_nouns.get(noun, ()) for noun in _PRESS_NOUNS
    )
