"""How what a sentence says about its speaker (claims.extraction.clauses.Found: a name, a
pronoun, a role, "the company", "Tesco's spokesman" ...) resolves against what the document
said before: ``resolve_found``, the speaker finder's last step (claims.extraction.speakers,
verb_speakers, according and participles call it)."""

from __future__ import annotations

import re

from claims.extraction.clauses import (
    ORG_NOUNS,
    POSSESSIVE_GENDERS,
    Found,
    is_personal_name,
)
from claims.extraction.full_names import org_in_full
from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import (
    FEMALE_WORDS,
    MALE_WORDS,
    PORTFOLIO_WORDS,
    RELATION_NOUNS,
    ROLE_NOUNS,
    word_set,
)
from claims.extraction.names import is_org
from claims.extraction.org_kinds import PLACE_NOUNS, is_org_head
from claims.extraction.organisations import resolve_org_noun
from claims.extraction.page_names import person_after_all
from claims.extraction.people import (
    GENERIC_SINGULAR,
    SpeakerContext,
    full_name,
    remember_unnamed,
    resolve_pronoun,
)
from claims.extraction.places import COUNTRIES
from claims.extraction.roles import AGE, contradicts_title, office_holder
from claims.extraction.speaker_types import ORGANIZATION, bare_word, speaker_type

_FORCE_WORDS = frozenset({"police", "constabulary"})
# Offices of one person, who is named with a title: "the pontiff" is whoever the page called
# "Pope ...".
_SOVEREIGNS = {
    "pope": ("Pope",),
    "pontiff": ("Pope",),
    "monarch": ("King", "Queen"),
    "king": ("King",),
    "queen": ("Queen",),
}
_TITLED_NAME = re.compile(r"\b(Pope|King|Queen) ([A-Z][a-z]+)(?: ([IVX]{1,5})\b)?(?![\w'’-])")


# The parties to a court case, each the subject of a court story however far up it was named.
_PARTIES_TO_A_CASE = frozenset({"defendant", "claimant", "plaintiff", "appellant", "complainant"})


def _titled_on_page(titles: tuple[str, ...], context: SpeakerContext) -> str:
    """The one "King Charles" (one of ``titles`` and a name) the page writes, "" when it writes
    none or several ("Keir Starmer met King Charles ... The monarch said")."""
    text = context.page.text if context.page is not None else ""
    found = {" ".join(filter(None, m.groups())) for m in _TITLED_NAME.finditer(text)}
    given = first_name_genders()  # "King Charles", not "King Street"
    found = {
        name for name in found if name.split()[0] in titles and name.split()[1].lower() in given
    }
    return found.pop() if len(found) == 1 else ""


# A sportsman or woman described by club: "The Real Madrid midfielder" (roles of
# lexicon.PERSON_ROLES, the only nouns a "role" speaker ends with, and the "star" that
# descriptions.description_before reads only after capitalised words: "The Real Madrid star").
_PLAYERS = word_set("""
    striker midfielder defender goalkeeper winger captain player footballer batter bowler
    cricketer boxer golfer sprinter swimmer cyclist jockey athlete star""")


def _one_of_many(noun: str, context: SpeakerContext) -> bool:
    """Whether this sentence or the one before wrote the role in the plural ("met union
    leaders", "Two union leaders"), so that "the union leader" is one of them, not a person
    named there in no role."""
    plural = noun + ("es" if noun.endswith(("s", "sh", "ch")) else "s")
    pattern = rf"\b{re.escape(plural)}\b"
    return bool(
        re.search(pattern, context.sentence_words) or re.search(pattern, context.previous_words)
    )


def resolve_found(found: Found, context: SpeakerContext) -> str:
    if found.kind == "pronoun":
        return _person_of_gender(found.generic, context, before=found.at)
    if found.kind == "it":
        # "OpenAI has released a model that it says ...": the organisation the sentence opens
        # with, else the last one that spoke
        last = context.orgs[-1] if context.orgs else ""
        if context.sentence_org:
            return context.sentence_org
        if context.sentence_business:
            # "The streaming giant now has 301.6 million members, it said": the business it
            # describes, as "the streaming giant said" would be
            return resolve_org_noun(context.sentence_business, context)
        if context.previous_noun:
            # "The government disputes the figure. It says ...": the government, named or not
            return resolve_org_noun(f"the {context.previous_noun}", context)
        if context.previous_subject_org and last and context.previous_speaker == last:
            return ""  # "Thames Water was fined £104m, Ofwat said. It said ...": either one
        return last
    if found.kind == "its-staff":
        # "Its analysts said": the organisation "it" is, speaking through them ("Goldman Sachs
        # analysts", as "Goldman Sachs analysts said" reads)
        org = resolve_found(Found(kind="it"), context)
        return f"{org} {found.generic}" if org else ""
    if found.kind == "pair":
        # "Keir Starmer met Emmanuel Macron ... The two leaders said": both, when the sentence
        # before named exactly two people
        two = list(dict.fromkeys(context.previous_sentence_people))
        return f"{two[0]} and {two[1]}" if len(two) == 2 and not context.sentence_people else ""
    if found.kind == "they":
        # Plural "they" for an organisation (British usage), only one seen in this paragraph
        # or the previous one; never a person.
        last = context.orgs[-1] if context.orgs else ""
        return last if last and context.org_paragraphs[last] >= context.paragraph - 1 else ""
    if found.kind == "org-noun":
        org = resolve_org_noun(found.generic, context)
        words = found.generic.lower().split()
        if not org and len(words) == 2 and words[0] == "the" and is_org_head(words[1]):
            context.unresolved_org = words[1]  # the organisation the next sentence names
        elif org and len(words) == 2 and words[0] == "the" and words[1] in PLACE_NOUNS:
            # "Heathrow handled ..., the airport said": a later "the airport's own estimates"
            # is Heathrow's too (a place's body; "the company" is whichever spoke last)
            named = context.org_nouns.setdefault(words[1], [])
            if org not in named:
                named.append(org)
        return org
    if found.kind == "org-role":
        # "A police spokesman said": the police force named before, else as written
        noun, role = found.generic.split()
        owned = noun != bare_word(noun)  # "the group's spokesman": whose, or nobody
        org = resolve_org_noun(f"the {bare_word(noun)}", context)
        return f"{org} {role}" if org else ("" if owned else found.generic)
    if found.kind == "owned":
        # "Her department said"; "Imran Khan has been sentenced ..., his party said"
        whose, noun = found.generic.rsplit(" ", 1)
        pronoun, noun = whose.lower(), noun.lower()
        if pronoun in POSSESSIVE_GENDERS:
            owner = _person_of_gender(POSSESSIVE_GENDERS[pronoun], context)
            return f"{owner}'s {noun}" if owner else ""
        # "Elianne's family said": a person the page named in full; "Russia's ministry said"
        # an organisation's, as "the ministry" reads
        owner = full_name(bare_word(whose), context)
        if " " in owner and is_personal_name(owner):
            return f"{owner}'s {noun}"
        if noun in GENERIC_SINGULAR:  # "Tesco's spokesman said", as "A Tesco spokesman said"
            org = org_in_full(bare_word(whose), context)
            return f"{org} {noun}" if _shown_as_org(org, context) else ""
        return resolve_org_noun(found.generic, context) if noun in ORG_NOUNS else ""
    if found.kind == "owner-role":
        # "Tesco's chief executive said": the holder the page named, else the office; a
        # person's ("Adelson's attorney accused") is someone else, unnamed
        owner, _, role = found.generic.partition(" ")
        org = org_in_full(bare_word(owner), context)
        holder = office_holder(org, role, context)
        if not holder and bare_word(owner).lower() in COUNTRIES:
            # "Sri Lanka's prime minister said ...": the person the next sentences name, as
            # for "the prime minister said" (roles.LedeRole)
            context.unresolved_role = f"the {role.lower()}"
        if holder or not _shown_as_org(org, context):
            return holder
        return f"{org} {role}"
    if found.kind == "role":
        lower = found.generic.lower()
        noun = lower.split()[-1]
        if noun in _SOVEREIGNS:
            # "the pontiff said": the pope the page named, never whoever spoke last
            titled = (n for n, _ in reversed(context.people) if n.split()[0] in _SOVEREIGNS[noun])
            return next(titled, "") or _titled_on_page(_SOVEREIGNS[noun], context)
        holder = context.role_holder(noun)
        if holder and not contradicts_title(found.generic, holder, context):
            return holder  # "Judge Maria Lopez ... The judge said" (claims.extraction.roles)
        if AGE.match(noun):
            # "Coach Tom Reilly took the blame. ... the 54-year-old added": the one person the
            # sentence before named, when nobody was given that age
            # and the page gives that age only here (not "a 34-year-old man was arrested ...
            # The 34-year-old said", nor "the judge jailed the 54-year-old")
            named = {*context.sentence_people, *context.previous_sentence_people}
            page = context.page.text.lower() if context.page is not None else ""
            return next(iter(named)) if len(named) == 1 and page.count(noun) == 1 else ""
        if noun in RELATION_NOUNS:
            return ""  # "the father" of someone the text never named so
        gender = "m" if any(w in MALE_WORDS for w in lower.split()) else ""
        gender = "f" if any(w in FEMALE_WORDS for w in lower.split()) else gender
        if _one_of_many(noun, context):
            return ""  # "Keir Starmer met union leaders. The union leader said": one of them
        # Never someone the text introduced in another role only: "Defence lawyer Tom Baker"
        # is not "the judge".
        people = [p for p in context.recent_people() if not context.has_other_role(p, noun)]
        if found.generic.split()[-1].lower() in GENERIC_SINGULAR:
            if lower.startswith("the ") and context.previous_speaker in people[:1]:
                return (
                    context.previous_speaker
                )  # "Jo Ray, a spokeswoman, said ... The spokeswoman added"
            if context.previous_org and not context.previous_org_data:
                return f"{context.previous_org} {found.generic.split()[-1].lower()}"
            return ""  # "..., according to CBP data. The official added": not CBP's
        # "... with Rep. Ed Royce, the chairman of the committee, the California Republican
        # said": a person named earlier in the same sentence comes first; not the subject of
        # what is reported ("Karen Shore won ..., the returning officer announced").
        reported = {name for _, name in context.clause_subjects}
        named = [n for n in reversed(context.sentence_people) if n not in reported]
        if not named and _two_fit(context, noun, gender):
            # "Keir Starmer met Emmanuel Macron. The French president said": which one, the
            # text does not say; someone unnamed spoke, so "He added" is nobody named either
            remember_unnamed(gender, context)
            return ""
        for name in [*named, *people]:
            if context.has_other_role(name, noun) or _other_office(name, noun, lower, context):
                continue
            if contradicts_title(found.generic, name, context):
                continue  # "the former South Carolina governor": not "Florida Governor X"
            if not gender or context.gender(name) in {"", gender}:
                return name
        if noun in _PLAYERS and len(lower.split()) > 2:
            # "Jude Bellingham scored twice ... The Real Madrid midfielder said": the one
            # person the sentence before named (a club before the role says who, not another
            # holder of it; "the Frenchman" may be anyone's nationality but his)
            named_before = {*context.sentence_people, *context.previous_sentence_people}
            if len(named_before) == 1:
                return named_before.pop()
        if noun in _PARTIES_TO_A_CASE:
            # "Kyle Dennis stabbed ... [two paragraphs on] The defendant told the court": a
            # court story's party is its subject throughout, the one person the page named in
            # no other role
            parties = {n for n, _ in context.people if n and not context.has_other_role(n, noun)}
            if len(parties) == 1:
                return parties.pop()
        if lower.startswith("the ") and noun in ROLE_NOUNS:
            context.unresolved_role = lower  # the person the next sentences name, perhaps
        return ""
    if found.kind == "generic":
        if found.generic in GENERIC_SINGULAR and context.sentence_noun:
            # "The board will review the policy, a spokeswoman said": the board's, not the
            # organisation of the sentence before
            org = resolve_org_noun(f"the {context.sentence_noun}", context)
            return f"{org} {found.generic}" if org else ""
        if found.generic in GENERIC_SINGULAR and context.sentence_org:
            # "Ryanair cancelled 400 flights, a spokeswoman said": the sentence's organisation,
            # not the one that spoke before (Eurocontrol)
            return f"{context.sentence_org} {found.generic}"
        if found.generic in GENERIC_SINGULAR and context.previous_org:
            return f"{context.previous_org} {found.generic}"
        if found.generic in GENERIC_SINGULAR and " " in context.previous_sentence_org:
            # "The Rail Delivery Group ... welcomed the decision. A spokesman said": its own
            return f"{context.previous_sentence_org} {found.generic}"
        if found.generic == "police":
            # "..., West Yorkshire Police said. ... Police said": the force named before
            forces = (o for o in reversed(context.orgs) if _FORCE_WORDS & set(o.lower().split()))
            return next(forces, "")
        if found.generic == "statement":
            # "Apple said it was surprised. “...,” a statement said.": whose statement the
            # sentence before says
            return context.previous_org
        return ""
    if found.kind == "unnamed":
        return ""
    return full_name(found.name, context)


def _other_office(name: str, noun: str, phrase: str, context: SpeakerContext) -> bool:
    """Whether ``name`` holds an office other than the portfolio ``phrase`` names: "Alberta
    Premier Danielle Smith" is no "defence minister" (a leading role such as premier or leader
    otherwise passes for any role: "the CDU chief" may be "Opposition leader Friedrich Merz")."""
    portfolio = any(w in PORTFOLIO_WORDS and w not in _CONNECTORS for w in phrase.split()[:-1])
    if noun not in {"minister", "secretary"} or not portfolio:
        return False
    roles = [r for r, holders in context.role_holders.items() if name in holders]
    return bool(roles) and not any(noun in r.split() for r in roles)


_CONNECTORS = frozenset({"of", "for", "the", "and", "state"})


def _shown_as_org(name: str, context: SpeakerContext) -> bool:
    """Whether the page shows ``name`` to be an organisation: it spoke as one or was named as
    one, or its name says so; a one-word name it does not ("Trump's lawyer") may be a
    surname."""
    return (
        name in context.orgs
        or name in context.described_orgs
        or context.mentions.get(name, (0, "other"))[1] != "other"
        or is_org(name)
        or (" " in name and speaker_type(name) == ORGANIZATION)  # "Thames Water"
    )


def _person_of_gender(gender: str, context: SpeakerContext, before: int | None = None) -> str:
    """Who "he"/"she" (or "his"/"her") is: the subject of a clause of the same sentence (before
    token ``before``, when given: "When Morales was asked ..., he confirmed it"), else the
    last person of that gender (people.resolve_pronoun)."""
    for at, name in reversed(context.clause_subjects):
        if (before is None or at < before) and context.gender(name) in {"", gender}:
            return name
    spokesperson = _spokesperson_before(gender, context)
    if spokesperson:
        return spokesperson  # "A council spokeswoman said ... She added that ..."
    return resolve_pronoun(gender, context) or person_after_all(gender, context)


def _spokesperson_before(gender: str, context: SpeakerContext) -> str:
    """The previous sentence's speaker when it is an organisation's unnamed spokesperson of
    that gender ("Council spokeswoman" for "she"; "spokesperson" for either): the "she" right
    after is hers, not the last person named."""
    speaker = context.previous_speaker
    word = speaker.rsplit(" ", 1)[-1].lower() if " " in speaker else ""
    if word not in GENERIC_SINGULAR:
        return ""
    said = "m" if word in MALE_WORDS else "f" if word in FEMALE_WORDS else ""
    return speaker if said in {"", gender} else ""


def _two_fit(context: SpeakerContext, noun: str, gender: str) -> bool:
    """Whether the sentence before named two people or more who could both hold the role
    ``noun`` (nobody was introduced in it; none holds another; the gender does not choose)."""
    fit = [
        p
        for p in context.previous_sentence_people
        if not context.has_other_role(p, noun) and (not gender or context.gender(p) in {"", gender})
    ]
    return len(fit) >= 2
