"""Where people sit in a sentence, for the speaker finder (claims.extraction.speakers): the
name a sentence opens with, the subjects of its clauses and the people it names (the verbs of
saying that are not one here are in claims.extraction.verbs). Also the person inside a name
run that names whom they speak for ("Jane Smith of the Port Authority"), whether a name can
speak at all ("Emails", "One former"), and how what a sentence says about its speaker
(``Found``: a name, a pronoun, a role ...) resolves against what the document said before
(``resolve_found``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extraction.lexicon import (
    FEMALE_WORDS,
    MALE_WORDS,
    MORE_ORG_WORDS,
    NON_AGENTS,
    ORG_ACRONYMS,
    ORG_WORDS,
    PARTY_PLURALS,
    PERSON_ROLES,
    PORTFOLIO_WORDS,
    RELATION_NOUNS,
    ROLE_NOUNS,
    SENTENCE_STARTERS,
    word_set,
)
from claims.extraction.names import (
    CONNECTORS,
    Token,
    clean_run,
    is_capitalised,
    is_org,
    is_title,
    name_after,
    name_before,
)
from claims.extraction.org_kinds import is_org_head
from claims.extraction.organisations import org_in_full, resolve_org_noun
from claims.extraction.page_names import person_after_all
from claims.extraction.people import (
    DETERMINERS,
    GENERIC_SINGULAR,
    SpeakerContext,
    first_name_genders,
    full_name,
    remember_unnamed,
    resolve_pronoun,
)
from claims.extraction.places import GOVERNMENT_SEATS
from claims.extraction.roles import AGE, contradicts_title, office_holder
from claims.extraction.speaker_types import PERSON, bare_word, speaker_type

# A name after one of these is a place or an object, not the subject of the verb.
PREPOSITIONS = word_set("""
    in at from for of to on near into by with across over outside inside under about
    against between behind beyond toward towards through""")
# Lower-case words around a name that show it is not a clause's subject.
_NOT_A_VERB = CONNECTORS | word_set("or nor but as than like")
# "Jane Smith of the Port Authority", "Patrol Chief James Hall with the New York Police
# Department said", "American Airlines' Kent Powell": a person and whom they speak for.
AFFILIATION_WORDS = word_set("of with at from")
_AFFILIATED = re.compile(
    rf"^(?P<person>.+?)\s+(?:{'|'.join(sorted(AFFILIATION_WORDS))})\s+(?:the\s+)?(?P<org>[A-Z].*)$"
)
_POSSESSOR = re.compile(r"^(?P<org>.+?s)[’']\s+(?P<person>[A-Z].*)$")

# "the ministry said" refers back to the last organisation with that word in its name.
ORG_NOUNS = word_set("""
    ministry department government agency commission company newspaper court police
    council committee union party bank authority office kremlin board firm supplier
    association federation institute regulator watchdog inspectorate tribunal trust group
    charity club network broadcaster manufacturer operator airline insurer military army
    navy organisation organization force fund coalition alliance movement service brigade
    hospital school university college airport prison bureau institution foundation forecaster
    lab laboratory""")
# A document that speaks for whoever the words before it name: "The Environment Agency report
# said", "the Home Office statement said".
REPORT_NOUNS = word_set("report study statement survey review audit analysis")
QUOTE_MARKS = frozenset({"“", "”", '"'})
PRONOUN_GENDERS = {"he": "m", "she": "f"}
POSSESSIVE_GENDERS = {"his": "m", "her": "f"}
_COUNT_WORDS = word_set("one two three four five six seven eight nine ten")


def is_personal_name(name: str) -> bool:
    """Whether ``name`` reads as a person's name: two to four capitalised words, none of them an
    organisation's word or a seat of government ("Jane Smith", "James Hall")."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not is_org(name)
        and name.lower() not in GOVERNMENT_SEATS
        and not any(w.lower().rstrip(".") in MORE_ORG_WORDS for w in words)
    )


def person_in(name: str) -> str:
    """The person in a name run that also names whom they speak for: "Jane Smith of the Port
    Authority" and "American Airlines' Kent Powell" are Jane Smith and Kent Powell. The
    organisation part must read as one (is_org), so "Bank of England" stays whole; a place
    after "of" goes when a given name opens the run ("Karen Bass of Los Angeles")."""
    for pattern in (_AFFILIATED, _POSSESSOR):
        m = pattern.match(name)
        if m and is_org(m.group("org")) and is_personal_name(m.group("person")):
            return m.group("person")
    m = _AFFILIATED.match(name)
    if (
        m
        and " of " in name
        and is_personal_name(m.group("person"))
        and name.split()[0].lower() in first_name_genders()
    ):
        return m.group("person")  # "Sen. John Thune of South Dakota": the state is no name
    return name


def subject_run(tokens: list[Token], *, allow_comma: bool) -> list[Token]:
    """The name the sentence opens with, when a verb (or, with ``allow_comma``, an apposition)
    follows it ("Japan has continued", "Mr Anderson, who quit")."""
    # Skip an opening adverbial: "However, despite maintaining its claim ..., Moscow has ..."
    commas = [i for i, t in enumerate(tokens[:25]) if t.text == ","]
    for start in [0] + [c + 1 for c in commas]:
        run = name_after(tokens, start)
        if run and run[-1].text.islower():
            continue  # "One former business partner said": no name, a description
        if run and all(t.lower in SENTENCE_STARTERS for t in run):
            continue  # "After a morning break, Engoron took ...": the subject is after the comma
        after = start + len(run)
        if run and _acronym_at(tokens, after):
            after += 3  # "The Food and Drug Administration (FDA) approved": the verb after it
        if run and after < len(tokens):
            following = tokens[after]
            if following.lower in PERSON_ROLES and following.text.islower():
                # "Opposition politician Ekuru Aukot, who brought the case, welcomed": the
                # person after the description
                named = name_after(tokens, after + 1)
                words = " ".join(t.text for t in named)
                if len(named) >= 2 and speaker_type(words) == PERSON and not is_org(words):
                    run, after = named, after + 1 + len(named)
                    following = tokens[after] if after < len(tokens) else following
            if (following.text.islower() and following.lower not in CONNECTORS) or (
                allow_comma and following.text == "," and start == 0
            ):
                return run
    return []


def _acronym_at(tokens: list[Token], i: int) -> bool:
    """ "(FDA)" at ``i``: a name's initials in brackets."""
    return (
        i + 2 < len(tokens)
        and tokens[i].text == "("
        and tokens[i + 1].text.isupper()
        and tokens[i + 2].text == ")"
    )


def people_named(tokens: list[Token], context: SpeakerContext) -> list[str]:
    """The known people the sentence names, in order (a known surname, as its full name)."""
    named: list[str] = []
    for token in tokens:
        full = context.surnames.get(token.text)
        if full and full not in named and speaker_type(full) == PERSON:
            named.append(full)
    return named


def clause_subjects(tokens: list[Token], context: SpeakerContext) -> list[tuple[int, str]]:
    """(index, full name) of the known people who are the subject of a clause in the sentence:
    a known surname or full name, not after a preposition ("asked about Trump"), followed by a
    lower-case word ("When Morales was asked")."""
    found: list[tuple[int, str]] = []
    for i, token in enumerate(tokens):
        full = context.surnames.get(token.text)
        if not full or i + 1 >= len(tokens):
            continue
        following = tokens[i + 1]
        if not following.text.islower() or following.lower in _NOT_A_VERB:
            continue  # "Bush and Bill Clinton": a list of names, not a clause
        start = i  # the whole name with its titles: "Presidents George H.W. Bush"
        while start and (is_capitalised(tokens[start - 1]) or is_title(tokens[start - 1])):
            start -= 1
        before = tokens[start - 1].lower if start else ""
        if before in PREPOSITIONS or before in DETERMINERS or before in _NOT_A_VERB:
            continue
        found.append((i, full))
    return found


def opening_subject(tokens: list[Token]) -> list[Token]:
    """The name the sentence opens with, also after a possessive and a role ("Assange's lawyer
    Jennifer Robinson attended ..."), when a lower-case word (its verb) follows it."""
    start = 0
    if tokens and tokens[0].text.endswith(("’s", "'s")):
        start = 1
        while start < len(tokens) and tokens[start].text.islower() and start < 4:
            start += 1
    run = name_after(tokens, start)
    if run and run[-1].text.islower():
        return []
    end = start + len(run)
    if end + 3 < len(tokens) and _acronym_at(tokens, end):
        end += 3  # "The Australian Medical Association (AMA) welcomed ...": its initials
    if not run or end >= len(tokens) or not tokens[end].text.islower():
        return []
    if all(t.lower in SENTENCE_STARTERS for t in run):
        return []
    return run


def subject_name(text: str, tokens: list[Token]) -> str:
    run = subject_run(tokens, allow_comma=False)
    return clean_run(text, run) if run else ""


@dataclass(frozen=True)
class Found:
    name: str = ""
    # "name", "pronoun", "they", "it", "generic", "org-noun", "owned", "owner-role", "org-role",
    # "role", "unnamed"
    kind: str = ""
    generic: str = ""  # the generic word, the org noun phrase, or the pronoun's gender
    at: int = -1  # a pronoun's token index in the sentence


def found_pronoun(token: Token, at: int = -1) -> Found | None:
    if token.lower in PRONOUN_GENDERS:
        return Found(kind="pronoun", generic=PRONOUN_GENDERS[token.lower], at=at)
    if token.lower == "they":
        return Found(kind="they")
    if token.lower == "it":
        return Found(kind="it")
    return None


def can_speak(name: str, run: list[Token], tokens: list[Token], context: SpeakerContext) -> bool:
    """Whether ``name`` can be an agent rather than a date, a plural or a thing."""
    words = name.split()
    if any(is_title(t) and t.text[:1].isupper() for t in run) and len(words) == 1:
        return True  # "Mrs May told MPs": a titled name, whatever else "May" can be
    if all(w.lower().rstrip(".") in NON_AGENTS for w in words):
        return False
    if words[0].lower() in _COUNT_WORDS and (words[-1].islower() or len(words) == 1):
        # "One former business partner said": a count and a role, no name; "One, who did not
        # want to be named, said": one of the people just mentioned
        return False
    if len(words) > 1:
        return True
    word = words[0]
    sentence_initial = tokens.index(run[0]) == 0 or tokens[tokens.index(run[0]) - 1].text in (
        QUOTE_MARKS | {"(", "—", "–"}
    )
    if sentence_initial and word.endswith("ly"):
        return False  # "Eventually recalled by ...": an adverb, capitalised to open the sentence
    if not sentence_initial or not word.endswith("s") or word.isupper():
        return True
    if word.endswith(("as", "us", "is", "ss", "os")):
        return True  # "Ucas said", "Hamas said", "Lucas said": no plural ends so
    # Capitalised only because it opens the sentence: known names pass, "Emails" does not.
    return bool(
        word in context.surnames
        or word.lower() in first_name_genders()
        or word.lower() in GOVERNMENT_SEATS
        or word in ORG_ACRONYMS
        or word.lower() in ORG_WORDS
        or word.lower() in MORE_ORG_WORDS
        or word.lower() in PARTY_PLURALS  # "Republicans said"
        or any(word in org.split() for org in context.orgs)
        # "Siemens said" where the page also writes "shares in Siemens": a name
        or (context.page is not None and context.page.capitalised_inside(word))
        # "Reeves confirms fuel duty freeze ... Reeves told MPs": one, not a plural
        or (context.page is not None and context.page.singular_subject(word))
    )


_FORCE_WORDS = frozenset({"police", "constabulary"})


def resolve_found(found: Found, context: SpeakerContext) -> str:
    if found.kind == "pronoun":
        return _person_of_gender(found.generic, context, before=found.at)
    if found.kind == "it":
        # "OpenAI has released a model that it says ...": the organisation the sentence opens
        # with, else the last one that spoke
        last = context.orgs[-1] if context.orgs else ""
        if context.sentence_org:
            return context.sentence_org
        if context.previous_subject_org and last and context.previous_speaker == last:
            return ""  # "Thames Water was fined £104m, Ofwat said. It said ...": either one
        return last
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
        return org
    if found.kind == "org-role":
        # "A police spokesman said": the police force named before, else as written
        noun, role = found.generic.split()
        owned = noun != bare_word(noun)  # "the group's spokesman": whose, or nobody
        org = resolve_org_noun(f"the {bare_word(noun)}", context)
        return f"{org} {role}" if org else ("" if owned else found.generic)
    if found.kind == "owned":
        # "Her department said"; "Imran Khan has been sentenced ..., his party said"
        pronoun, noun = found.generic.lower().split()
        if pronoun in POSSESSIVE_GENDERS:
            owner = _person_of_gender(POSSESSIVE_GENDERS[pronoun], context)
            return f"{owner}'s {noun}" if owner else ""
        # "Elianne's family said": a person the page named in full; "Russia's ministry said"
        # an organisation's, as "the ministry" reads
        owner = full_name(bare_word(found.generic.split()[0]), context)
        if " " in owner and is_personal_name(owner):
            return f"{owner}'s {noun}"
        if noun in GENERIC_SINGULAR:  # "Tesco's spokesman said", as "A Tesco spokesman said"
            org = org_in_full(bare_word(found.generic.split()[0]), context)
            return f"{org} {noun}" if _shown_as_org(org, context) else ""
        return resolve_org_noun(found.generic, context) if noun in ORG_NOUNS else ""
    if found.kind == "owner-role":
        # "Tesco's chief executive said": the holder the page named, else the office; a
        # person's ("Adelson's attorney accused") is someone else, unnamed
        owner, _, role = found.generic.partition(" ")
        org = org_in_full(bare_word(owner), context)
        holder = office_holder(org, role, context)
        if holder or not _shown_as_org(org, context):
            return holder
        return f"{org} {role}"
    if found.kind == "role":
        lower = found.generic.lower()
        noun = lower.split()[-1]
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
        # Never someone the text introduced in another role only: "Defence lawyer Tom Baker"
        # is not "the judge".
        people = [p for p in context.recent_people() if not context.has_other_role(p, noun)]
        if found.generic.split()[-1].lower() in GENERIC_SINGULAR:
            if lower.startswith("the ") and context.previous_speaker in people[:1]:
                return (
                    context.previous_speaker
                )  # "Jo Ray, a spokeswoman, said ... The spokeswoman added"
            if context.previous_org:
                return f"{context.previous_org} {found.generic.split()[-1].lower()}"
            return ""
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
            if context.has_other_role(name, noun):
                continue
            if contradicts_title(found.generic, name, context):
                continue  # "the former South Carolina governor": not "Florida Governor X"
            if not gender or context.gender(name) in {"", gender}:
                return name
        if lower.startswith("the ") and noun in ROLE_NOUNS:
            context.unresolved_role = lower  # the person the next sentences name, perhaps
        return ""
    if found.kind == "generic":
        if found.generic in GENERIC_SINGULAR and context.sentence_noun:
            # "The board will review the policy, a spokeswoman said": the board's, not the
            # organisation of the sentence before
            org = resolve_org_noun(f"the {context.sentence_noun}", context)
            return f"{org} {found.generic}" if org else ""
        if found.generic in GENERIC_SINGULAR and context.previous_org:
            return f"{context.previous_org} {found.generic}"
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


def _shown_as_org(name: str, context: SpeakerContext) -> bool:
    """Whether the page shows ``name`` to be an organisation: it spoke as one or was named as
    one, or its name says so; a one-word name it does not ("Trump's lawyer") may be a
    surname."""
    return (
        name in context.orgs
        or name in context.described_orgs
        or context.mentions.get(name, (0, "other"))[1] != "other"
        or is_org(name)
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


def with_owner(text: str, tokens: list[Token], run: list[Token], name: str) -> str:
    """``name`` with the country or the body whose organisation it is, when the sentence writes
    one before it ("Russia's Defense Ministry said": not just "Defense Ministry")."""
    start = text.find(name, run[0].start) if run and is_org(name) else -1
    k = next((i for i, t in enumerate(tokens) if t.start == start), 0)
    if k <= 0:
        return name
    owner = tokens[k - 1]
    if not (is_capitalised(owner) and owner.text.endswith(("’s", "'s"))):
        return name
    if k > 1 and is_capitalised(tokens[k - 2]):
        return name  # "The Kremlin's ..." or "South Korea's ...": a one-word owner only
    return f"{owner.text} {name}" if _needs_its_owner(name) else name


# A ministry or a department is every government's: "Russia's Ministry of Emergency Situations".
_NATIONAL_HEADS = frozenset({"ministry", "department"})


def _needs_its_owner(name: str) -> bool:
    """Whether an organisation's name says whose it is only with its owner: a short one
    ("Defence Ministry", "General Staff"), a ministry or department, or one of portfolio and
    organisation words alone ("Ministry of Foreign Affairs"); not a body's own long name
    ("Britain's Competition and Markets Authority", "the Office for National Statistics")."""
    words = name.lower().split()
    return (
        len(words) <= 2
        or bool(_NATIONAL_HEADS.intersection(words))
        or all(w in PORTFOLIO_WORDS or w in ORG_WORDS for w in words)
    )


def affiliated_person(text: str, tokens: list[Token], k: int) -> str:
    """The person named right before the affiliation word at ``k`` ("Patrol Chief James Hall
    with the ...", "Mary Jones of the ..."); "" when ``k`` holds none or no person precedes."""
    if k < 1 or tokens[k].lower not in AFFILIATION_WORDS:
        return ""
    person = clean_run(text, name_before(tokens, k))
    return person if person and is_personal_name(person) else ""


def _two_fit(context: SpeakerContext, noun: str, gender: str) -> bool:
    """Whether the sentence before named two people or more who could both hold the role
    ``noun`` (nobody was introduced in it; none holds another; the gender does not choose)."""
    fit = [
        p
        for p in context.previous_sentence_people
        if not context.has_other_role(p, noun) and (not gender or context.gender(p) in {"", gender})
    ]
    return len(fit) >= 2
