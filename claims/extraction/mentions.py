"""The organisations a sentence names anywhere, of which kind (public, business, party, or
"other": a one-word subject that may be either), kept in the context so that a later "the
company", "the agency" or "the liberal party" can find them ("Shares in Halvorsen Foods fell
... The Oslo-based group said"; claims.extraction.organisations resolves those)."""

from __future__ import annotations

import functools
import re

from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import (
    ATTRIBUTION_VERBS,
    MORE_ORG_WORDS,
    ORG_WORDS,
    PARTY_NAMES,
    PARTY_PLURALS,
    PERSON_ROLES,
    SENTENCE_STARTERS,
    word_set,
)
from claims.extraction.names import (
    Token,
    clean_run,
    is_capitalised,
    is_title,
    name_after,
    with_listed_portfolios,
)
from claims.extraction.org_kinds import ORG_DESCRIPTORS, PUBLIC_WORDS, is_public_body
from claims.extraction.parties import is_party_name, may_name_a_party, party_before_role
from claims.extraction.people import GENERIC, SpeakerContext
from claims.extraction.places import GOVERNMENT_SEATS
from claims.extraction.small_words import common_on_page, is_a_word
from claims.extraction.speaker_types import (
    CLUB_ENDINGS,
    ORGANIZATION,
    is_small_letter_brand,
    speaker_type,
)

# Words of organisations' names (speaker_types reads the same lists), for a fast first look.
_HINT_WORDS = (
    ORG_WORDS
    | MORE_ORG_WORDS
    | PUBLIC_WORDS
    | CLUB_ENDINGS
    | GOVERNMENT_SEATS
    | PARTY_PLURALS
    | PARTY_NAMES
)
_PLURAL_AGREEMENT = frozenset({"have", "are", "were"})
# What courts, regulators and governments do to a body named right after: "ordered Qantas to
# pay", "fined Ofwat", "sued Boeing" (a place is rarely their object).
_ACTS_ON_A_BODY = word_set("""
    ordered fined sued charged cleared banned penalised penalized investigated summoned
    censured sanctioned prosecuted""")
_ACT_ON_A_BODY = re.compile(rf"\b(?:{'|'.join(sorted(_ACTS_ON_A_BODY))}) [A-Z]")
# After a one-word subject, words that make it no agent: "Shares in Halvorsen Foods fell".
_NOT_A_VERB = word_set("in of at for from on with to and or")


def learn_mentions(text: str, tokens: list[Token], context: SpeakerContext) -> None:
    """Record, for the sentences after it, the organisations the sentence names: businesses, by
    a word of their name ("Halvorsen Foods", "Acme Holdings") or a well-known one ("Apple"),
    public bodies ("The government's Department for Transport is providing ... A spokesman for
    the department said"), and a one-word subject that may be a business ("Sony, which makes
    ...", "Sony has opposed"): a candidate that keeps a described business from being resolved
    to another."""
    n = len(tokens)
    if n > 1 and _may_be_a_business_subject(tokens, context):
        # "Sony, which makes the PlayStation, ..."; "Nasa plans to ...": a public body
        _mention(tokens[0].text, _public_or_other(tokens[0].text), context)
    if "hares" in text:
        _listed_companies(text, tokens, context)
    if _ACT_ON_A_BODY.search(text):  # a cheap look first: this runs on every sentence
        for i in range(1, n - 1):
            if tokens[i - 1].lower in _ACTS_ON_A_BODY and _may_be_a_business_object(
                tokens, i, context
            ):
                _mention(tokens[i].text, _public_or_other(tokens[i].text), context)  # "ordered
                # Qantas to pay"
            elif tokens[i - 1].lower in _ACTS_ON_A_BODY and _two_word_object(tokens, i, context):
                # "fined Wizz Air £1.2m": two words a regulator acts on, no person's name
                name = text[tokens[i].start : tokens[i + 1].end]
                if _kind_of(name) in {"", "business"} and name.lower() not in GOVERNMENT_SEATS:
                    _mention(name, "business", context)
                    context.described_orgs.add(name)
    i = 0
    while i < n:
        if not is_capitalised(tokens[i]):
            if is_small_letter_brand(tokens[i].text):
                _mention(tokens[i].text, "business", context)  # "easyJet", "eBay", "xAI"
            i += 1
            continue
        stretch = i + 1
        while stretch < n and is_capitalised(tokens[stretch]):
            stretch += 1
        words = tokens[i:stretch]
        if not any(_org_hint(t) for t in words) and not may_name_a_party(words):
            i = stretch  # "Thursday", "Jane Doe": no word of an organisation's name
            continue
        run = name_after(tokens, i)
        pair = _two_named(text, run)
        if pair:
            # "Kent County Council and Medway Council", "Labour and the Conservatives": two
            names = [clean_run(text, one) for one in pair]
            for name in names:
                _mention(name, _kind_of(name), context)
            context.named_together.update({names[0]: names[1], names[1]: names[0]})
            i += len(run)
            continue
        # five words at most, unless all capitalised ("National Highway Traffic Safety
        # Administration"), not "the European Commission and the Electoral Commission"
        long = len(run) > 5 and all(is_capitalised(t) for t in run[1:8])
        run = with_listed_portfolios(tokens, run[:8] if long else run[:5])
        party = party_before_role(text, run)
        if party:  # "Labour leader Chris Hipkins", "Liberal Democrat leader Ed Davey"
            _mention(party, "party", context)
            i += len(run)
            continue
        possessive = next(
            (k for k in range(i, stretch - 1) if tokens[k].text.endswith(("'s", "’s"))), None
        )
        if possessive is not None and _saints_possessive(tokens[i : possessive + 1]):
            run = tokens[i:stretch]  # "St Mary's Hospital", "Guy's Hospital"
        run = _to_last_capital(run)
        name = clean_run(text, run) if run else ""
        office = next((k for k, t in enumerate(run) if k and is_title(t)), 0)
        if office and name and _kind_of(name) == "":
            # "NASA Administrator Bill Nelson told ...": NASA is here too
            owner = clean_run(text, run[:office])
            if owner and _kind_of(owner) in {"public", "business"}:
                _mention(owner, _kind_of(owner), context)
        opening = i == 0 and len(run) == 1 and n > 1
        if opening and (
            (is_a_word(name) and _common_opening(tokens, context))
            or tokens[1].lower in _SECTOR_HEADS
        ):
            # "Transport: Eurostar to add 50 trains": a headline's topic, no transport body;
            # "Water bills to rise": the word, capitalised where the sentence starts
            i += 1
            continue
        kind = _kind_of(name) if name else ""
        if kind in {"public", "business", "party"}:
            _mention(name, kind, context)
        i += max(1, len(run))


def _to_last_capital(run: list[Token]) -> list[Token]:
    """A name run without the small words it ends with: a role name_after reads for a name
    that may follow ("A Metropolitan Police officer has been charged": the force)."""
    while len(run) > 1 and run[-1].text.islower():
        run = run[:-1]
    return run


def businesses_named(text: str, tokens: list[Token]) -> list[str]:
    """The businesses the sentence names by a word of their name between its first word and its
    first verb of saying: "A hosepipe ban affecting customers of Anglian Water ..., the company
    confirmed" (read before the sentence's speaker is looked for; learn_mentions records them
    after)."""
    found: list[str] = []
    i = 1
    # before its verb of saying: not "The company said it would work with the NHS"
    while i < len(tokens) and tokens[i].lower not in ATTRIBUTION_VERBS:
        run = _to_last_capital(name_after(tokens, i)) if is_capitalised(tokens[i]) else []
        if run and any(_org_hint(t) for t in run):
            pair = _two_named(text, run)  # "Anglian Water and Essex and Suffolk Water": two
            for name in [clean_run(text, one) for one in pair] if pair else [clean_run(text, run)]:
                if name and _kind_of(name) == "business" and name not in found:
                    found.append(name)
        i += max(1, len(run))
    return found


def _may_be_a_business_object(tokens: list[Token], i: int, context: SpeakerContext) -> bool:
    """Whether the word at ``i``, the object of a court's or a regulator's act, is one
    capitalised word that may be a business: no person the page knows, no word English writes
    in small letters, nothing capitalised after it ("fined Qantas", not "fined Alan Joyce")."""
    word, after = tokens[i], tokens[i + 1]
    return (
        is_capitalised(word)
        and word.text.isalpha()
        and not is_capitalised(after)
        and not _org_hint(word)  # the main loop reads those
        and word.lower not in first_name_genders()
        and word.text not in context.surnames
        and not is_a_word(word.text)
    )


def _two_word_object(tokens: list[Token], i: int, context: SpeakerContext) -> bool:
    """Whether the two capitalised words at ``i`` (nothing capitalised after them), the object
    of a court's or a regulator's act, may be a business: neither a given name nor a word of a
    person the page knows ("fined Wizz Air", not "fined Alan Joyce" nor "sued Jane Smith")."""
    if i + 2 >= len(tokens):
        return False
    first, second = tokens[i], tokens[i + 1]
    return (
        is_capitalised(first)
        and is_capitalised(second)
        and first.text.isalpha()
        and second.text.isalpha()
        and not is_capitalised(tokens[i + 2])
        and first.lower not in first_name_genders()
        and first.text not in context.surnames
        and second.text not in context.surnames
        and not is_title(first)
    )


# Words after an industry that make it a business's description, never its name: "Pharma
# giant to cut 8,000 jobs", "Tech firm fined" ("Wagner group", "Tata group" are names).
_SECTOR_HEADS = word_set("giant giants major majors firm firms")


def _common_opening(tokens: list[Token], context: SpeakerContext) -> bool:
    """Whether the sentence's first word, a word English writes in small letters, is that word
    rather than a name: before a colon, or before a small word when the page never capitalises
    it inside a sentence ("Water bills to rise"; "Shell" is a name on a page that writes
    "shares in Shell")."""
    after = tokens[1]
    if after.text == ":":
        return True
    return (
        after.text.islower()
        and context.page is not None
        and not context.page.capitalised_inside(tokens[0].text)
    )


def _listed_companies(text: str, tokens: list[Token], context: SpeakerContext) -> None:
    """Record the name after "shares in" or "shares of" as a business: a company whose shares
    trade ("Shares in Kingfisher fell 4% after the retailer reported ...")."""
    for i, token in enumerate(tokens[:-2]):
        if token.lower == "shares":
            name = listed_company(text, tokens, i)
            if name:
                _mention(name, "business", context)
                context.described_orgs.add(name)  # "Rio Tinto" is no person


def listed_company(text: str, tokens: list[Token], i: int = 0) -> str:
    """The company named after "shares in" or "shares of" at token ``i`` ("Shares in Kingfisher
    fell"), "" when none."""
    if (
        len(tokens) < i + 3
        or tokens[i].lower != "shares"
        or tokens[i + 1].lower not in {"in", "of"}
    ):
        return ""
    run = name_after(tokens, i + 2)[:4]
    name = clean_run(text, run) if run else ""
    return name if name and _kind_of(name) in {"", "business"} else ""


def _saints_possessive(run: list[Token]) -> bool:
    """Whether capitalised words ending in a possessive begin an institution's name ("St
    Mary's", "Guy's"), not a country's or an owner's ("Russia's", "Apple's")."""
    return len(run) >= 2 or run[-1].text[:-2].lower() in first_name_genders()


def _may_be_a_business_subject(tokens: list[Token], context: SpeakerContext) -> bool:
    """Whether the sentence opens with one capitalised word, no known person, no organisation
    word, before a comma or a verb: "Sony, which makes ...", "Sony has opposed"; not before a
    role ("Competition commissioner Margrethe Vestager said": her portfolio)."""
    first, after = tokens[0], tokens[1]
    return (
        is_capitalised(first)
        and not _org_hint(first)
        and (
            after.text == ","
            or (
                after.text.islower()
                and after.lower not in _NOT_A_VERB
                and after.lower not in PERSON_ROLES
                and after.lower not in ORG_DESCRIPTORS  # "Robotaxi firm raises funds"
            )
        )
        and first.text.isalpha()
        and first.lower not in SENTENCE_STARTERS
        and first.lower not in GENERIC
        # "Chelsea have completed the signing": a club or company takes a plural verb in
        # British news, a person never, whatever the name
        and (first.lower not in first_name_genders() or plural_agreement([first], tokens))
        and first.text not in context.surnames
        # "Retailer profits fall": a word English writes in small letters, at a headline's
        # start, is no name unless the page capitalises it inside a sentence ("Shell")
        and not common_on_page(first.text, context.page)
    )


def plural_agreement(opening: list[Token], tokens: list[Token]) -> bool:
    """Whether a name of up to three words opens its sentence with a plural verb ("Chelsea have
    completed the signing", "Real Madrid have signed"): a club or a company in British news,
    never one person."""
    if not 1 <= len(opening) <= 3 or not all(t.text.isalpha() for t in opening):
        return False
    if any(t.lower in {"and", "or"} for t in opening):
        return False  # "Smith and Jones have": two people, perhaps
    word, k = opening[0], tokens.index(opening[-1]) + 1
    return (
        k < len(tokens)
        and tokens[k].lower in _PLURAL_AGREEMENT
        and word.lower not in GENERIC
        and not (len(opening) == 1 and is_a_word(word.text))  # "Storms have", "Emails were"
        and not (len(opening) > 1 and opening[-1].lower in PARTY_PLURALS)  # "Senate Democrats"
    )


def _public_or_other(name: str) -> str:
    """A one-word subject's kind: "public" for a public body ("Nasa", "Ofwat"), else "other"
    (either a business or not an organisation)."""
    return "public" if _kind_of(name) == "public" else "other"


def _org_hint(token: Token) -> bool:
    """A capitalised word that may be part of an organisation's name: an organisation word
    ("Foods", "Ministry"), a known organisation ("Apple"), initials ("AFAD") or a brand's inner
    capital ("PlayStation")."""
    text = token.text
    return (
        token.lower in _HINT_WORDS
        or (len(text) >= 2 and text.isupper())
        or any(c.isupper() for c in text[1:])
    )


def _two_named(text: str, run: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """The two organisations a run joins with "and", when each side is one by its own name
    ("Kent County Council and Medway Council", "Labour and the Conservatives", "the FCA and
    the Bank of England"); None for one name with "and" in it ("Marks and Spencer", "Procter
    and Gamble", "Department for Environment, Food and Rural Affairs")."""
    at = next((k for k, t in enumerate(run) if k and t.lower == "and"), None)
    if at is None or at + 1 >= len(run):
        return None
    left, right = run[:at], run[at + 1 :]
    if right[0].lower == "the":
        right = right[1:]
    if not left or not right or left[-1].text.endswith(","):
        return None
    names = (clean_run(text, left), clean_run(text, right))
    if not all(names):
        return None  # "the X and the Y" where a side is "The" alone
    kinds = {_kind_of(names[0]), _kind_of(names[1])}
    return (left, right) if "" not in kinds and "government" not in kinds else None


@functools.lru_cache(maxsize=4096)
def _kind_of(name: str) -> str:
    """ "public", "business", "government" ("Germany", "the Kremlin") or "" for a name that
    shows no organisation (read for every capitalised run: names recur, so it is cached)."""
    if name.lower() in GOVERNMENT_SEATS:
        return "government"
    if is_public_body(name):
        return "public"
    if is_party_name(name):
        return "party"  # "Liberal Democrats", "the Greens", "Reform Party", "Labour": no business
    return "business" if speaker_type(name) == ORGANIZATION else ""


# An article's format, in capitals like initials ("Q&A: What the new timetable means"): no
# organisation.
_FORMATS = frozenset({"Q&A", "FAQ", "FAQs"})


def _mention(name: str, kind: str, context: SpeakerContext) -> None:
    if name in _FORMATS:
        return
    context.mentions.pop(name, None)
    context.mentions[name] = (context.paragraph, kind)
    words = name.split()
    if kind != "other" and len(words) > 1:
        context.org_name_ends.update((words[0], words[-1]))
