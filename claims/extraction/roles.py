"""Who holds which role in a document, so that "the judge said" is the judge.

News introduces a person once with a role, a relation or an age ("Judge Maria Lopez",
"Defence lawyer Tom Baker", "Sarah Jones, a lawyer for the family", "His father, Ahmed Karimi,",
"The mother of the missing girl, Linda Marsh,", "Emma Stone, 32,") and later calls them by it
alone ("the judge said", "the father said", "the 32-year-old added"). ``learn_roles`` records,
sentence by sentence, each role noun (lexicon.PERSON_ROLES and RELATION_NOUNS, or the age) with
the full name it introduced, in the document's SpeakerContext;
claims.extraction.clauses resolves "the <role>" to the person last introduced so, and never to
someone the document introduced in another role only.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import (
    ATTRIBUTION_VERBS,
    FEMALE_WORDS,
    MALE_WORDS,
    PERSON_DEMONYMS,
    PERSON_ROLES,
    PORTFOLIO_WORDS,
    QUOTE_VERBS,
    RELATION_NOUNS,
    ROLE_NOUNS,
    word_set,
)
from claims.extraction.names import Token, is_capitalised, is_title
from claims.extraction.org_kinds import NATIONALITY_ENDINGS
from claims.extraction.people import (
    DETERMINERS,
    GENERIC,
    SpeakerContext,
    full_name,
    remember_org,
)
from claims.extraction.person_names import name_start_before, person_after
from claims.extraction.places import COUNTRIES
from claims.extraction.small_words import is_a_word
from claims.extraction.speaker_types import bare_word

# "The mother of the missing girl, Linda Marsh,": a role's complement before the name.
_COMPLEMENTS = frozenset({"of", "for", "at", "to", "with"})
_COMPLEMENT_LENGTH = 7  # tokens from the role to the comma before the name, at most
_CLOSING = frozenset({",", "."})
_NATIONAL_WORDS = word_set("welsh scots czech")
# An age written as a noun: "the 32-year-old said" is whoever the text gave that age.
AGE = re.compile(r"^\d{1,3}-year-old$")


FORMER = frozenset({"former", "ex", "ex-", "then"})  # "the former chief executive"


def contradicts_title(phrase: str, holder: str, context: SpeakerContext) -> bool:
    """Whether ``phrase`` ("the former South Carolina governor") cannot be ``holder``, whom a
    title introduced otherwise ("Florida Governor Ron DeSantis": another state, not former)."""
    details = context.title_details.get(holder)
    if details is None:
        return False
    places, former = details
    words = phrase.split()
    named = {w.lower() for w in words[1:-1] if w[:1].isupper()}
    said_former = any(w.lower() in FORMER for w in words)
    return bool(named and places and not named & places) or (said_former and not former)


def is_role(word: str) -> bool:
    """A role noun, or an age used as one ("the 32-year-old said")."""
    return word in ROLE_NOUNS or bool(AGE.match(word))


def learn_roles(tokens: list[Token], context: SpeakerContext) -> None:
    """Record the roles the sentence (its tokens, quotations masked) gives to named people."""
    n = len(tokens)
    i = 0
    while i < n:
        if not is_role(tokens[i].lower):
            i += 1
            continue
        last = i
        while last + 1 < n and is_role(tokens[last + 1].lower):
            last += 1  # "Detective Inspector Paul Reed", "Company chairman Peter Grant"
        nouns = {t.lower for t in tokens[i : last + 1]}
        after = last + 1
        name = ""
        if after < n and tokens[after].text == ",":
            # "His father, Ahmed Karimi, said": a role after a determiner, then the name
            if i and _determines(tokens[i - 1]):
                name = _apposition(tokens, after + 1)
                if not name and nouns & RELATION_NOUNS:
                    name = _given_name(tokens, after + 1)  # "Floyd's brother, Philonise,"
        elif after < n and tokens[after].lower in _COMPLEMENTS:
            if i and _determines(tokens[i - 1]):
                comma = next(
                    (
                        c
                        for c in range(after + 1, min(n, after + _COMPLEMENT_LENGTH))
                        if tokens[c].text == ","
                    ),
                    None,
                )
                if comma is not None:
                    name = _apposition(tokens, comma + 1)
        else:
            name, _ = person_after(tokens, after)  # "lawyer Tom Baker", "Judge Maria Lopez"
            if name and not is_capitalised(tokens[i]):
                _learn_office_before(name, tokens, i, context)
            if name and is_capitalised(tokens[i]):
                # "Prime Minister Boris Johnson": later "The Prime Minister said" is him (a
                # title alone, "The Foreign Minister", must match it whole)
                first = i
                while (
                    first > 0 and is_capitalised(tokens[first - 1]) and is_title(tokens[first - 1])
                ):
                    first -= 1
                nouns.add(" ".join(t.lower for t in tokens[first : last + 1]))
                before = tokens[max(0, first - 3) : first]
                context.title_details[full_name(name, context)] = (
                    frozenset(t.lower for t in before if is_capitalised(t) and not is_title(t)),
                    any(t.lower in FORMER for t in before),
                )
        if name:
            _learn(name, nouns, context)
        i = last + 1
    _learn_described(tokens, context)


# What a scientist leads: "The researchers, led by Matthew Campen of ..." makes him "the lead
# author" (never the last scientist quoted).
_RESEARCH = word_set("study research researchers team scientists authors paper project trial")


def learn_study_leader(tokens: list[Token], context: SpeakerContext) -> None:
    """Record whoever a study or a team is "led by" as "the lead author"."""
    for i, token in enumerate(tokens[:-2]):
        if token.lower == "led" and tokens[i + 1].lower == "by":
            before = {t.lower for t in tokens[max(0, i - 3) : i]}
            name, _ = person_after(tokens, i + 2) if before & _RESEARCH else ("", 0)
            if name:
                _learn(name.removesuffix("."), {"author"}, context)  # "... led by Ann Lee."


# Nouns for someone a sentence describes without naming: "A neighbour ... said", "One woman told".
_SOMEONE = ROLE_NOUNS | word_set("""
    woman man girl boy person source passenger customer shopper driver pensioner mourner
    onlooker passer-by bystander local""")
_FEMALE_SOMEONE = FEMALE_WORDS | {"woman", "girl"}
_MALE_SOMEONE = MALE_WORDS | {"man", "boy"}


def unnamed_speaker_gender(tokens: list[Token]) -> str | None:
    """The gender ("m", "f" or "" unknown) of the unnamed person the sentence opens with ("A
    neighbour, who did not want to be named, said", "One woman told"); None when it opens
    otherwise."""
    if len(tokens) < 3 or tokens[0].lower not in {"a", "an", "one"}:
        return None
    for token in tokens[1:5]:
        if not (token.text.isalpha() or "-" in token.text) or not token.text.islower():
            return None
        if token.lower in _SOMEONE:
            if token.lower in _FEMALE_SOMEONE:
                return "f"
            return "m" if token.lower in _MALE_SOMEONE else ""
    return None


def apposed_subject(tokens: list[Token]) -> list[Token]:
    """The person a sentence opens with in apposition to a role or a relation ("Her colleague,
    Dr Peter Obi, disagreed"; a relation's given name alone: "His wife, Ewa, disagreed"): the
    tokens of the name, [] when the sentence does not open so."""
    n = len(tokens)
    if n < 6 or not _determines(tokens[0]):
        return []
    comma = next((c for c in range(2, min(n, 6)) if tokens[c].text == ","), None)
    if comma is None or not all(t.text.isalpha() and t.text.islower() for t in tokens[1:comma]):
        return []
    name, end = person_after(tokens, comma + 1)
    if not name and any(t.lower in RELATION_NOUNS for t in tokens[1:comma]):
        name = _given_name(tokens, comma + 1)  # "His wife, Ewa, disagreed"
        end = comma + 2
    if name and end + 1 < n and tokens[end].text == "," and tokens[end + 1].text.islower():
        return tokens[comma + 1 : end]
    return []


def role_apposed(tokens: list[Token]) -> list[Token]:
    """The person a sentence opens with, a role in apposition after them ("Daniel Kebede,
    general secretary of the National Education Union, welcomed ..."): the name's tokens, []
    when the sentence does not open so (a relative clause is no role: "Marmorato, who's ...")."""
    name, end = person_after(tokens, 0)
    if not name or end + 2 >= len(tokens) or tokens[end].text != ",":
        return []
    role = tokens[end + 1 : end + 3]
    if not (role[0].text.isalpha() and role[0].text.islower()):
        return []
    if role[0].lower in {"the", "a", "an"}:
        # "Former President Donald Trump, the Republican nominee, visited ... and accused"
        role = list(itertools.takewhile(lambda t: t.text != ",", tokens[end + 2 : end + 6]))
    return tokens[:end] if any(t.lower in ROLE_NOUNS for t in role) else []


def _given_name(tokens: list[Token], start: int) -> str:
    """One capitalised word in apposition ("Floyd's brother, Philonise, said"): a person."""
    if start + 1 < len(tokens) and is_capitalised(tokens[start]) and tokens[start + 1].text == ",":
        word = tokens[start].text
        return "" if is_title(tokens[start]) or not word.isalpha() else word
    return ""


def _determines(token: Token) -> bool:
    """ "the", "his", "whose" ... or a possessive ("The suspect's wife, Maria Cole,")."""
    return token.lower in DETERMINERS or token.lower == "whose" or token.text.endswith(("’s", "'s"))


def _apposition(tokens: list[Token], start: int) -> str:
    """The full name at ``start`` when an apposition closes after it ("..., Linda Marsh,")."""
    name, end = person_after(tokens, start)
    return name if name and end < len(tokens) and tokens[end].text in _CLOSING else ""


def _learn_described(tokens: list[Token], context: SpeakerContext) -> None:
    """ "Sarah Jones, a lawyer for the family," / "Linda Marsh, the girl's mother," / "Daniel
    Kebede, general secretary of the NEU,": a full name, then a described role within the next
    few words."""
    for comma, token in enumerate(tokens):
        if token.text != "," or comma < 2 or comma + 2 >= len(tokens):
            continue
        opener = tokens[comma + 1]
        # "Ken Murphy, Tesco's chief executive,": an organisation's possessive determines too
        determined = opener.lower in {"a", "an", "the", "his", "her", "their"} or (
            is_capitalised(opener) and opener.text.endswith(("’s", "'s"))
        )
        # "Daniel Kebede, general secretary of the National Education Union,": no article
        bare_role = (
            opener.text.isalpha()
            and opener.text.islower()
            and (opener.lower in ROLE_NOUNS or tokens[comma + 2].lower in ROLE_NOUNS)
        )
        if not determined and not bare_role and not opener.text.isdigit():
            continue
        start = name_start_before(tokens, comma)
        if start is None:
            continue
        name, end = person_after(tokens, start)
        if not name or end != comma:
            continue
        if tokens[comma + 1].text.isdigit() and tokens[comma + 2].text == ",":
            _learn(name, {f"{tokens[comma + 1].text}-year-old"}, context)  # "Emma Stone, 32,"
            continue
        described = []
        first = comma + 1 if bare_role else comma + 2
        for t in tokens[first : first + 4]:
            if t.text in _CLOSING:
                break
            described.append(t)
        nouns = {t.lower for t in described if t.text.islower() and t.lower in ROLE_NOUNS}
        if nouns:
            _learn(name, nouns, context)
            _learn_office(name, tokens[comma + 1 : comma + 1 + _COMPLEMENT_LENGTH], context)


def _learn_office(name: str, described: list[Token], context: SpeakerContext) -> None:
    """ "Ken Murphy, the chief executive of Tesco,": the organisation whose role it is, kept
    as a title's would be ("Tesco chief executive Ken Murphy"), so that "the chief executive of
    Tesco" is him and "the chief executive of Sainsbury's" is not."""
    words = []
    for k, token in enumerate(described):
        if token.text in _CLOSING:
            break
        if k and described[k - 1].lower in _COMPLEMENTS | {"the"} and is_capitalised(token):
            words = described[k:]
            break
    if described and described[0].text.endswith(("’s", "'s")):
        words = [Token(bare_word(described[0].text), 0, 0, bare_word(described[0].lower))]
    org = []
    for token in words:
        if token.text in _CLOSING or not (is_capitalised(token) or token.lower in {"of", "and"}):
            break
        org.append(token)
    places = frozenset(t.lower for t in org if is_capitalised(t) and not is_title(t))
    if places:
        context.offices[full_name(name, context)] = (places, False)


def _learn_office_before(name: str, tokens: list[Token], i: int, context: SpeakerContext) -> None:
    """ "Bank of England governor Andrew Bailey": the organisation named before a role that is
    no title (``tokens[i]``), kept as _learn_office keeps it."""
    first = i
    while (
        first > 0
        and i - first < 5
        and (
            (is_capitalised(tokens[first - 1]) and tokens[first - 1].lower not in DETERMINERS)
            or (tokens[first - 1].lower in {"of", "and"} and first < i)
        )
    ):
        first -= 1
    while first < i and not is_capitalised(tokens[first]):
        first += 1  # "of England governor": the name starts at a capital
    before = tokens[first:i]
    places = frozenset(t.lower for t in before if is_capitalised(t) and not is_title(t))
    former = first > 0 and tokens[first - 1].lower in FORMER
    if places:
        context.offices[full_name(name, context)] = (places, former)
    if len(before) == 1 and tokens[i].lower in _BODY_OFFICES and _names_a_body(before[0], context):
        # "Heathrow chief executive Thomas Woldbye said ... The airport said": Heathrow; "City
        # chairman ..." after "Manchester City": the longer name the page gave it
        word = before[0].text
        longer = {m for m in context.mentions if word in m.split() and m != word}
        if len(longer) <= 1:
            remember_org(longer.pop() if longer else word, context)


# Offices held in an organisation, not beside a person ("Trump adviser Stephen Miller").
_BODY_OFFICES = word_set("""
    chief executive boss chairman chairwoman chair director founder president head ceo cfo
    spokesman spokeswoman spokesperson economist analyst manager owner""")


def _names_a_body(token: Token, context: SpeakerContext) -> bool:
    """Whether one capitalised word before an office ("Heathrow", "Tesco", "NHS") names the
    organisation the office is in: no country and no nationality ("US envoy", "Welsh
    secretary"), no person the page names ("Trump", beside "Donald")."""
    word = token.text
    lower = word.lower()
    page = context.page
    if word in context.surnames or (page is not None and page.beside_a_name(word)):
        return False
    return (
        word.isalpha()
        and lower not in COUNTRIES
        and lower not in _NATIONAL_WORDS
        and lower not in PORTFOLIO_WORDS
        and not is_a_word(word)  # "Competition commissioner Margrethe Vestager"
        and not lower.endswith(NATIONALITY_ENDINGS)
    )


def office_holder(org: str, role: str, context: SpeakerContext) -> str:
    """The person the text introduced in ``role`` of ``org`` ("Tesco chief executive Ken
    Murphy", "Ken Murphy, the chief executive of Tesco,"), the latest first; "" for nobody (a
    holder introduced without the organisation may hold the role elsewhere)."""
    words = {w.lower() for w in org.split() if w[:1].isupper()}
    said_former = bool(FORMER.intersection(role.split()))
    for holder in reversed(context.role_holders.get(role.split()[-1], [])):
        for details in (context.offices.get(holder), context.title_details.get(holder)):
            places, former = details or (frozenset(), False)
            if words and words <= places and former == said_former:
                return holder
    return ""


def _learn(name: str, nouns: set[str], context: SpeakerContext) -> None:
    name = full_name(name, context)  # "Actress Emma Stone, 32,": Emma Stone
    context.learn_role(name, nouns)
    if nouns & MALE_WORDS and not nouns & FEMALE_WORDS:
        context.genders.setdefault(name, "m")
    elif nouns & FEMALE_WORDS and not nouns & MALE_WORDS:
        context.genders.setdefault(name, "f")


@dataclass
class WaitingLede:
    """A sentence whose speaker a noun gave without a name, waiting for the next sentence that
    names a speaker: the bookkeeping LedeRole (a person's role) and org_learning.LedeOrg (an
    organisation's noun) share."""

    index: int = -1  # the waiting sentence's place among the pipeline's sentences
    phrase: str = ""  # "the education secretary", "regulator"
    paragraph: int = 0
    known: set[str] = field(default_factory=set)  # the names known before it

    def next_speaker(
        self,
        index: int,
        paragraph: int,
        speaker: str,
        unresolved: str,
        known: Callable[[], set[str]],
    ) -> int:
        """Start waiting at sentence ``index`` when it has no ``speaker`` and an
        ``unresolved`` noun (``known()``: the names known then); else, at the next sentence
        with a speaker, the waiting sentence's index (waiting no more; -1 when none waits)."""
        if unresolved and not speaker:
            self.index, self.phrase, self.paragraph, self.known = (
                index,
                unresolved,
                paragraph,
                known(),
            )
            return -1
        if self.index < 0 or not speaker:
            return -1
        waiting, self.index = self.index, -1
        return waiting


@dataclass
class LedeRole(WaitingLede):
    """A sentence given to a role nobody holds yet ("Teachers will get a 5.5% pay rise, the
    education secretary has announced."), waiting for the person the next sentences name as a
    speaker for the first time, in the same paragraph or the next ("Bridget Phillipson said
    ..."): news names the person right after such a lede. That person then holds the role, and
    the waiting sentence is theirs."""

    def after(self, index: int, paragraph: int, speaker: str, context: SpeakerContext) -> int:
        """Called after each sentence (``index``, with its ``speaker``, after find_speaker):
        the index of the waiting sentence that is now ``speaker``'s, -1 for none."""
        waiting = self.next_speaker(
            index, paragraph, speaker, context.unresolved_role, context.people_named
        )
        context.unresolved_role = ""
        if waiting < 0:
            return -1
        new = " " in speaker and speaker in context.people_named() and speaker not in self.known
        roles = {r for r, holders in context.role_holders.items() if speaker in holders}
        if not new or paragraph > self.paragraph + 1 or roles:
            return -1  # someone named before, too far on, or introduced in a role of their own
        words = self.phrase.split()[1:]  # "education secretary"
        context.learn_role(speaker, {words[-1], " ".join(words)})
        return waiting


def possessor_subject(text: str, tokens: list[Token], context: SpeakerContext) -> str:
    """The person whose relative or thing a sentence that reports no speech opens with
    ("Sarah Whitfield's son died at ...", "Piketty's data covers 200 years"), for the "she" or
    "he" of a later sentence; "" for any other opening, or for someone's spokesman or lawyer
    (whose "he" is theirs)."""
    k = 0
    while k < len(tokens) and k < 4 and is_capitalised(tokens[k]):
        if tokens[k].text.endswith(("'s", "’s")):
            break
        k += 1
    else:
        return ""
    if k + 1 >= len(tokens) or not tokens[k + 1].text.isalpha():
        return ""
    noun = tokens[k + 1].lower
    if noun in PERSON_ROLES or noun in GENERIC:
        return ""  # "Trump's lawyer": someone else, who may be the next "he"
    if any(t.lower in ATTRIBUTION_VERBS or t.lower in QUOTE_VERBS for t in tokens[k + 2 :]):
        return ""  # "Smith's widow said ...": the widow spoke
    name = full_name(text[tokens[0].start : tokens[k].end - 2], context)
    given = name.split()[0].lower() in first_name_genders() if " " in name else False
    if given or name in context.surnames.values():
        return name  # a person the page named in full
    return ""


def demonym_subject(run: list[Token], context: SpeakerContext) -> str:
    """The person "The Egyptian" opening a sentence is: the last person named in this paragraph
    or the two before who holds no role ("Mohamed Salah scored twice ... Liverpool manager Arne
    Slot said ... The Egyptian has scored 15 goals": Salah, not the manager); "" for any other
    subject."""
    if len(run) != 2 or run[0].lower != "the" or run[1].lower not in PERSON_DEMONYMS:
        return ""
    roles = {holder for holders in context.role_holders.values() for holder in holders}
    for name, paragraph in reversed(context.people):
        if paragraph < context.paragraph - 2:
            break
        if " " in name and name not in roles:
            return name
    return ""
