"""Where people sit in a sentence, for the speaker finder (claims.extraction.speakers): the
name a sentence opens with, the subjects of its clauses and the people it names (the verbs of
saying that are not one here are in claims.extraction.verbs). Also the person inside a name
run that names whom they speak for ("Jane Smith of the Port Authority"), whether a name can
speak at all ("Emails", "One former"), and what a sentence says about its speaker (``Found``:
a name, a pronoun, a role ...; claims.extraction.resolution resolves it against what the
document said before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import (
    MORE_ORG_WORDS,
    NON_AGENTS,
    ORG_ACRONYMS,
    ORG_WORDS,
    PARTY_PLURALS,
    PERSON_ROLES,
    PORTFOLIO_WORDS,
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
    opens_a_date,
)
from claims.extraction.org_kinds import is_business_noun
from claims.extraction.people import DETERMINERS, SpeakerContext
from claims.extraction.places import GOVERNMENT_SEATS
from claims.extraction.speaker_types import PERSON, speaker_type

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
    lab laboratory consultancy league palace body""")
# Nouns for a body of a kind, never one body's name when a sentence opens with one alone
# ("Council says"; with org_kinds.is_business_noun's "Firm warns", "Airline cuts"; "The
# Kremlin", "Police" are left to their own rules).
_GENERIC_BODIES = word_set("council government ministry department agency union regulator watchdog")
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


# Words after a sentence's opening participle: "Speaking to", "Writing in", "Responding on".
_AFTER_A_PARTICIPLE = frozenset(
    {"to", "in", "at", "on", "from", "after", "before", "about", "with", "during", "outside"}
)


# Adverbs set between commas after a subject: "Odinga, however, termed".
_ASIDES = frozenset({"however", "meanwhile", "though", "too", "also", "instead", "nonetheless"})


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
        participle = len(run) == 1 and run[0].lower.endswith("ing") and after < len(tokens)
        if participle and tokens[after].lower in _AFTER_A_PARTICIPLE:
            continue  # "Speaking to 60,000 people ..., the pontiff said": no name
        if run and _acronym_at(tokens, after):
            after += 3  # "The Food and Drug Administration (FDA) approved": the verb after it
        if run and after + 2 < len(tokens) and opens_a_date(tokens, after):
            after += 2  # "Pope Francis on Sunday called": the verb after the day
        if (
            run
            and after + 3 < len(tokens)
            and tokens[after].text == ","
            and tokens[after + 1].lower in _ASIDES
            and tokens[after + 2].text == ","
        ):
            after += 3  # "Raila Odinga, however, termed the move ...": the verb after the aside
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
        if (
            following.text == ","
            and i + 4 < len(tokens)
            and tokens[i + 2].text.isdigit()
            and tokens[i + 3].text == ","
        ):
            following = tokens[i + 4]  # "Thunberg, 22, was released": past the age
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
    # "role", "pair" ("the two leaders"), "its-staff" ("its analysts"), "unnamed"
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
    if (
        sentence_initial
        and word.endswith("ly")
        and word not in context.surnames
        and not (context.page is not None and context.page.capitalised_inside(word))
    ):
        return False  # "Eventually recalled by ...": an adverb, capitalised to open the sentence
        # ("Lilly said" after "drugmaker Eli Lilly" is a name)
    if (
        sentence_initial
        and (word.lower() in _GENERIC_BODIES or is_business_noun(word.lower()))
        and not (context.page is not None and context.page.capitalised_inside(word))
    ):
        return False  # "Firm warns of 2,000 job cuts": a headline's common noun, no name
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
        # "Siemens said" where the page also writes "shares in Siemens": a name ("Farmers
        # say" under "the National Farmers' Union" is none)
        or (context.page is not None and context.page.after_a_small_word(word))
        # "Reeves confirms fuel duty freeze ... Reeves told MPs": one, not a plural
        or (context.page is not None and context.page.singular_subject(word))
    )


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
