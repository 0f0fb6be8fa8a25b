"""What a sentence tells later sentences about organisations: the ones it introduces with a
noun ("the Spanish daily El Pais", "Nordvik Steelworks, the supplier,", "the Aslef union"), a
speaker that is one ("The Met said", "Extinction Rebellion, which organised the protest,
said") and the countries it names (for "the country's air force"). Kept in the document's
SpeakerContext, where claims.extraction.organisations reads them to resolve "the company",
"the union" or "the agency". And ``LedeOrg``: a lede's "..., the regulator has said." waiting
for the organisation the next speaker is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extraction.business_candidates import is_public_org
from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import (
    MONTH_NAMES,
    SENTENCE_STARTERS,
    WEEKDAYS,
    opens_with_business_noun,
)
from claims.extraction.names import Token, clean_run, is_capitalised, is_title, name_after
from claims.extraction.org_kinds import (
    AGENCY_NOUNS,
    APPOSITION_LENGTH,
    APPOSITION_OPENERS,
    NAMED_BY_NOUN,
    NATIONALITY_ENDINGS,
    ORG_DESCRIPTORS,
    ORG_KIND_WORDS,
    PLACE_NOUNS,
    PUBLIC_ACRONYMS,
    is_armed,
    is_business_noun,
)
from claims.extraction.page_names import type_on_page
from claims.extraction.people import DETERMINERS, SpeakerContext
from claims.extraction.person_names import name_start_before
from claims.extraction.places import COUNTRIES, COUNTRY_ALIASES, NATIONALITIES
from claims.extraction.roles import WaitingLede
from claims.extraction.small_words import is_a_word
from claims.extraction.speaker_types import ORGANIZATION, bare_word


def note_countries(tokens: list[Token], context: SpeakerContext) -> None:
    """Record the countries the sentence names before any "the country's" in it ("Russian
    forces launched 120 missiles at Ukraine, the country's air force said": Ukraine)."""
    skip = False
    for i, token in enumerate(tokens):
        if token.lower.startswith(("country’s", "country's")):
            return
        if skip or not is_capitalised(token):
            skip = False
            continue
        word = bare_word(token.text)
        pair = f"{word} {bare_word(tokens[i + 1].text)}" if i + 1 < len(tokens) else word
        if pair.lower() in COUNTRIES:  # "South Korea", not "Korea" after it
            context.countries.append((pair, context.paragraph))
            skip = True
        elif word.lower() in COUNTRIES:
            context.countries.append((word, context.paragraph))


# A nationality in capitals before a noun: "Danish drugmaker", "Japanese carmaker".
_NATIONALITY_BEFORE = re.compile(
    r"\b(?:" + "|".join(n.title() for n in NATIONALITIES if " " not in n) + r")\s+[a-z]"
)


def note_nationalities(text: str, tokens: list[Token], context: SpeakerContext) -> None:
    """Record the country the sentence gives an organisation: "Japan's Toyota", "Spain's Real
    Madrid", "Danish drugmaker Novo Nordisk", "German carmaker BMW" (an adjective of a country,
    the business's noun, its name)."""
    if "'s " not in text and "’s " not in text and not _NATIONALITY_BEFORE.search(text):
        return  # a cheap look first: this runs on every sentence
    for i, token in enumerate(tokens[:-1]):
        word = token.text
        if word.endswith(("'s", "’s")) and word[:1].isupper():
            country = word[:-2].lower()
            country = COUNTRY_ALIASES.get(country, country)
            start = i + 1
        elif token.lower in NATIONALITIES and word[:1].isupper():
            country, start = NATIONALITIES[token.lower], i + 1
            while start < len(tokens) and (
                is_business_noun(tokens[start].lower) or tokens[start].lower in ORG_KIND_WORDS
            ):
                start += 1  # "Danish drugmaker", "Spanish club", "German engineering group"
            if start == i + 1:
                continue  # "German voters": no organisation named
        else:
            continue
        if country not in COUNTRIES and country not in NATIONALITIES.values():
            continue
        end = start  # "Germany's Siemens and France's Alstom": each its own
        while end < len(tokens) and is_capitalised(tokens[end]):
            end += 1
            if tokens[end - 1].text.endswith(("'s", "’s", ",", ".")):
                end -= tokens[end - 1].text.endswith(("'s", "’s"))
                break
        given = first_name_genders()
        if end == start or any(t.lower in given or is_title(t) for t in tokens[start:end]):
            continue  # "Spain's Rafael Nadal", "Britain's Prime Minister Keir Starmer"
        name = text[tokens[start].start : tokens[end - 1].end].rstrip(".,")
        if name.lower() not in COUNTRIES:
            context.org_countries[name] = country


def _short_for_an_org(speaker: str, context: SpeakerContext) -> bool:
    """Whether ``speaker`` is one word that begins or ends an organisation the text named
    ("Manchester City have been charged ... City said", "Halvorsen Foods ... Halvorsen said"),
    and no person the text named."""
    return bool(speaker) and speaker in context.org_name_ends and speaker not in context.surnames


def named_like_an_org(speaker: str, masked: str, context: SpeakerContext) -> bool:
    """Whether ``speaker`` is one capitalised word the sentence writes after "the" ("The Met
    said", "the Pentagon said"): an organisation, for no person is "the Smith", unless it is
    a title ("the Pope") or someone the text already named."""
    if " " in speaker or not speaker[:1].isupper() or speaker.isupper():
        return False
    if speaker in context.surnames or speaker in context.genders:
        return False
    if speaker.lower() in first_name_genders() or is_title(Token(speaker, 0, 0, speaker.lower())):
        return False
    return re.search(rf"\b[Tt]he {re.escape(speaker)}\b(?![’'-])", masked) is not None


# Words of trade unions' names: "the union said" after "the International Association of
# Machinists and Aerospace Workers", "the National Education Union", "the Teamsters".
_UNION_WORDS = frozenset({"union", "workers", "teamsters", "employees", "nurses", "teachers"})


def _learn_unions(text: str, tokens: list[Token], context: SpeakerContext) -> None:
    """Record each name the sentence writes that a union's word ends or holds ("Aerospace
    Workers", "National Education Union") as what a later "the union" means."""
    i = 0
    while i < len(tokens):
        if not is_capitalised(tokens[i]) or (i and is_capitalised(tokens[i - 1])):
            i += 1
            continue
        whole = name_after(tokens, i)
        run = whole
        # "Members of the National Education Union voted": the sentence's first word is no name
        if i == 0 and run and is_a_word(run[0].text):
            run = run[1:]
        while run and run[0].lower in {"of", "the"}:
            run = run[1:]
        if len(run) >= 2 and any(t.lower in _UNION_WORDS and t.text[:1].isupper() for t in run):
            _introduce(clean_run(text, run), "union", context)
        i += max(1, len(whole))


def learn_orgs(text: str, tokens: list[Token], context: SpeakerContext) -> None:
    """Record the organisations the sentence (its tokens, quotations masked) introduces with a
    noun: "the Spanish daily El Pais", "Turkey's disaster agency, AFAD,", "Nordvik Steelworks,
    the supplier,"."""
    n = len(tokens)
    if _UNION_WORDS.intersection(t.lower for t in tokens):
        _learn_unions(text, tokens, context)
    if n > 2 and opens_with_business_noun(tokens[0].text) and is_capitalised(tokens[1]):
        # "Developer Taylor Wimpey said": a business, whatever given name its name opens with
        _learn_described(text, tokens, 1, tokens[0].lower, context, comma=False, opening=True)
    for i, token in enumerate(tokens):
        if not token.text.islower() or i + 1 >= n:
            continue
        if token.lower in ORG_DESCRIPTORS:
            after = i + 2 if tokens[i + 1].text == "," else i + 1  # "disaster agency, AFAD,"
            _learn_described(text, tokens, after, token.lower, context, comma=after > i + 1)
        elif is_business_noun(token.lower) and tokens[i + 1].text == ",":
            # "The developer, Taylor Wimpey, said": a business between commas after its noun
            _learn_described(text, tokens, i + 2, token.lower, context, comma=True)
        elif is_business_noun(token.lower) and is_capitalised(tokens[i + 1]):
            # "funded by drugmaker Eli Lilly,": a business right after its noun
            _learn_described(text, tokens, i + 1, token.lower, context, comma=False)
        if token.lower in ORG_DESCRIPTORS or is_business_noun(token.lower) or token.lower in _PARTS:
            _learn_apposition(text, tokens, i, context)
        if token.lower in NAMED_BY_NOUN and i >= 2:
            _learn_named_by_noun(tokens[i - 2 : i + 1], context)
    last = tokens[-1].lower if n > 2 and tokens[-1].text.endswith(".") else ""
    if last and (last in ORG_DESCRIPTORS or is_business_noun(last)):
        # "... from National Public Data, a background-check company.": the noun ends it
        _learn_apposition(text, tokens, n - 1, context)


def _learn_named_by_noun(phrase: list[Token], context: SpeakerContext) -> None:
    """ "the Aslef union", "the Wagner group": the one-word name before the noun is the
    organisation a later "the union", "the group" means."""
    determiner, name, noun = phrase
    if (
        determiner.lower in DETERMINERS
        and is_capitalised(name)
        and name.text[:1].isupper()
        and not is_a_word(name.text)
        and not name.lower.endswith(NATIONALITY_ENDINGS)  # "the Japanese company"
        and name.text not in PUBLIC_ACRONYMS  # "the UN agency": a UN body, not the UN
    ):
        context.described_orgs.add(name.text)
        _introduce(name.text, noun.lower, context)


def learn_after_speaker(
    speaker: str, text: str, tokens: list[Token], masked: str, context: SpeakerContext
) -> None:
    """What the sentence, once its speaker is found, tells later sentences: a speaker named
    like an organisation ("The Met said") or written with "which" ("Extinction Rebellion,
    which organised the protest, said": no person is a which) is one (the organisations it names:
    claims.extraction.mentions)."""
    if (
        named_like_an_org(speaker, masked, context)
        or _short_for_an_org(speaker, context)
        or (speaker and f"{speaker}, which " in masked)
    ):
        context.described_orgs.add(speaker)


def _learn_described(
    text: str,
    tokens: list[Token],
    start: int,
    noun: str,
    context: SpeakerContext,
    *,
    comma: bool,
    opening: bool = False,
) -> None:
    """ "the Spanish daily El Pais reported": the name after an organisation noun is one, unless
    it reads as a person's ("the firm Jane Doe founded")."""
    run = name_after(tokens, start)[:5]
    if not run or not is_capitalised(run[0]) or run[0].text.endswith(("’s", "'s")):
        return
    if run[0].lower in MONTH_NAMES or run[0].lower in WEEKDAYS:
        return  # "The agency Monday announced": when, not a name
    end = start + len(run)
    if comma and not (end < len(tokens) and tokens[end].text in {",", ".", "("}):
        return  # "the agency, which ...": no name in apposition
    name = clean_run(text, run)
    words = name.split()
    # A given name opens a person's name ("the firm Jane Doe founded"), but not between commas
    # after a business's noun ("The developer, Taylor Wimpey, said") nor right after one and
    # before a comma or the end ("funded by drugmaker Eli Lilly,"): that is the business.
    personal = len(words) >= 2 and words[0].lower() in first_name_genders()
    closed = end >= len(tokens) or tokens[end].text in {",", ".", ";", ")"}
    if name and (not personal or opening or ((comma or closed) and is_business_noun(noun))):
        context.described_orgs.add(name)
        _introduce(name, noun, context)


# What a business is part of another by: "Waymo, Alphabet's self-driving unit,".
_PARTS = frozenset({"unit", "subsidiary", "division", "arm", "affiliate"})


def _opens_apposition(token: Token) -> bool:
    """ "the", "a", "an", or an owner's name ("Alphabet's self-driving unit")."""
    return token.lower in APPOSITION_OPENERS or (
        is_capitalised(token) and token.text.endswith(("'s", "’s"))
    )


def _learn_apposition(text: str, tokens: list[Token], i: int, context: SpeakerContext) -> None:
    """ "Nordvik Steelworks, the supplier, denied": the name before the comma that opens the
    description ending at the noun ``tokens[i]``."""
    j = i - 1
    while j >= 0 and i - j <= APPOSITION_LENGTH and not _opens_apposition(tokens[j]):
        if not tokens[j].text[:1].isalpha():
            return
        j -= 1
    if j < 1 or not _opens_apposition(tokens[j]) or tokens[j - 1].text != ",":
        return
    after = i + 1
    if after < len(tokens) and tokens[after].lower in {"behind", "of"}:
        made = name_after(tokens, after + 1)  # "the Danish drugmaker behind Wegovy,"
        after += 1 + len(made) if made else 0
    if after < len(tokens) and tokens[after].lower in _WHERE_BASED:
        after = len(tokens)  # "National Public Data, a background-check company based in Florida"
    if after < len(tokens) and tokens[after].text not in {",", "."}:
        return  # "X, the company that ...": a description that goes on
    start = name_start_before(tokens, j - 1)
    if start is None:
        return
    run = tokens[start : j - 1]
    if any(
        t.lower in MONTH_NAMES or t.lower in WEEKDAYS or t.lower in SENTENCE_STARTERS for t in run
    ):
        return  # "On Tuesday, the company, which ...": when, not who
    name = clean_run(text, run)
    words = name.split()
    if name and not (len(words) >= 2 and words[0].lower() in first_name_genders()):
        context.described_orgs.add(name)  # "Unite, the union, said": an organisation
        _introduce(name, tokens[i].lower, context)


# Participles after a business's noun that say where it is or who owns it, and end the
# description: "a company based in Florida", "a firm owned by ...".
_WHERE_BASED = frozenset({"based", "headquartered", "owned", "listed", "founded"})


def _introduce(name: str, noun: str, context: SpeakerContext) -> None:
    orgs = context.org_nouns.setdefault(noun, [])
    if name in orgs:
        orgs.remove(name)
    orgs.append(name)


@dataclass
class LedeOrg(WaitingLede):
    """A sentence given to an organisation by a noun that names none yet ("Water companies ...
    must cut leaks by a fifth by 2030, the regulator has said."), waiting for the organisation
    the next speaker is, named for the first time in the same paragraph or the next ("Ofwat
    said ..."), when it is of the noun's kind: a public body for "the regulator", not for "the
    company". News names the source right after such a lede (roles.LedeRole does the same for
    a person's role)."""

    def after(self, index: int, paragraph: int, speaker: str, context: SpeakerContext) -> int:
        """Called after each sentence (``index``, with its ``speaker``): the index of the
        waiting sentence that is now ``speaker``'s, -1 for none."""
        waiting = self.next_speaker(
            index, paragraph, speaker, context.unresolved_org, lambda: set(context.orgs)
        )
        context.unresolved_org = ""
        if (
            waiting < 0
            or paragraph > self.paragraph + 1
            or speaker in self.known
            or type_on_page(speaker, context) != ORGANIZATION
            or is_public_org(speaker, context) != (self.phrase in AGENCY_NOUNS)
            or (is_business_noun(self.phrase) and self.phrase != "group" and is_armed(speaker))
            or (is_business_noun(self.phrase) and _introduced_as_no_business(speaker, context))
            # "The airport ... said": a place's body waits for one named so ("Gatwick Airport")
            or (self.phrase in PLACE_NOUNS and self.phrase not in speaker.lower())
        ):
            return -1
        return waiting


def _introduced_as_no_business(name: str, context: SpeakerContext) -> bool:
    """Whether the text introduced ``name`` only with nouns that name no business ("according
    to the union Aslef"): no "the company" waiting for a name is it."""
    nouns = {noun for noun, named in context.org_nouns.items() if name in named}
    return bool(nouns) and not any(is_business_noun(noun) for noun in nouns)
