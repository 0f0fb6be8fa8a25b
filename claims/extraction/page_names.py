"""What the whole page says about its names, read once per extraction: which capitalised words it
writes right beside a name word ("Stefania Maurizi"), so that a one-word speaker the page never
writes so is an organisation ("Amtrak said") and a lone surname is given in full when the page
named exactly one person with it ("Maurizi told" -> "Stefania Maurizi").
"""

from __future__ import annotations

import functools
import re
from itertools import pairwise

from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import (
    ATTRIBUTION_VERBS,
    JOB_ROLES,
    MONTH_NAMES,
    PERSON_ROLES,
    PORTFOLIO_WORDS,
    TITLES,
    opens_with_business_noun,
)
from claims.extraction.names import Token, is_capitalised, is_leading_filler, is_title
from claims.extraction.people import (
    GENERIC_PLURAL,
    SpeakerContext,
    learn_gender_from_pronouns,
    remember_person,
)
from claims.extraction.small_words import is_a_word
from claims.extraction.speaker_types import ORGANIZATION, PERSON, has_org_word, speaker_type

# Verbs in the singular after a subject: "is", "has", and the verbs of saying ("confirms").
_SINGULAR_VERB = "(?:is|was|has|does|{})".format(
    "|".join(sorted(v for v in ATTRIBUTION_VERBS if v.endswith("s") and " " not in v))
)


class PageNames:
    """Which capitalised words a page writes right beside a name word ("Stefania Maurizi"),
    read in one pass over the page when first asked (an extraction asks per sentence)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._given: dict[str, list[tuple[int, str]]] | None = None  # word -> [(at, given)]
        self._beside: set[str] = set()  # words written beside a name word, either side
        self._inside: set[str] | None = None  # capitalised words written inside a sentence
        self._titled: set[str] = set()  # words written right after a personal title
        self._after: dict[str, list[tuple[int, str]]] = {}  # word -> [(at, next capitalised word)]
        self._singular: dict[str, bool] = {}  # word -> written before a verb in the singular
        self._alone: dict[str, bool] = {}  # word -> written right after a word in small letters

    def _read(self) -> dict[str, list[tuple[int, str]]]:
        if self._given is None:
            self._given = {}
            words = [
                (m.start(), m.end(), m.group())
                for m in _CAPITALISED.finditer(self.text)
                if m.group()[0].isupper()
            ]
            for (_, end, first), (at, _, second) in pairwise(words):
                gap = self.text[end:at]
                if not gap.isspace() or "\n" in gap:  # a name never runs over a line break
                    continue
                second = _POSSESSIVE.sub("", second)
                self._after.setdefault(first, []).append((at, second))
                if _titles_someone(first):
                    self._titled.add(second)  # "Dr Leech", "Mr Justice Leech"
                if _names_someone(first):
                    self._given.setdefault(second, []).append((at, first))
                    self._beside.add(second)
                if _names_someone(second) and not _common_word(second):
                    # "Nintendo Switch 2": a product's word after a name makes no person of it
                    self._beside.add(_POSSESSIVE.sub("", first))
        return self._given

    def capitalised_inside(self, word: str) -> bool:
        """Whether the page writes ``word`` with its capital inside a sentence, where a capital
        means a name ("shares in Shell"), not only at a sentence's or a quotation's start."""
        if self._inside is None:
            self._inside = set()
            for m in _CAPITALISED.finditer(self.text):
                before = self.text[max(0, m.start() - 3) : m.start()].rstrip(" ")
                if before and (before[-1].isalnum() or before[-1] in ",&"):
                    self._inside.add(_POSSESSIVE.sub("", m.group()))
        return word in self._inside

    def after_a_small_word(self, word: str) -> bool:
        """Whether the page writes ``word`` right after a word in small letters ("shares in
        Siemens"), where it is a name of its own, not part of a longer one ("the National
        Farmers' Union")."""
        if word not in self._alone:
            found = re.search(rf"\b[a-z][\w'’-]*,? {re.escape(word)}\b", self.text)
            self._alone[word] = found is not None
        return self._alone[word]

    def singular_subject(self, word: str) -> bool:
        """Whether the page writes ``word`` before a verb in the singular ("Reeves confirms
        fuel duty freeze", "Reeves has said"): one person or body, however plural it looks."""
        if word not in self._singular:
            found = re.search(rf"\b{re.escape(word)}\s+{_SINGULAR_VERB}\b", self.text)
            self._singular[word] = found is not None
        return self._singular[word]

    def after_a_title(self, word: str) -> bool:
        self._read()
        return word in self._titled

    def beside_a_name(self, word: str) -> bool:
        self._read()
        return word in self._beside

    def names_after(self, word: str, before: int) -> set[str]:
        """The capitalised words the page writes right after ``word`` ahead of offset ``before``
        ("Prabowo Subianto")."""
        self._read()
        return {second for at, second in self._after.get(word, []) if at < before}

    def given_names(self, word: str, before: int) -> set[str]:
        """The name words the page wrote right before ``word`` ahead of offset ``before``."""
        return {given for at, given in self._read().get(word, []) if at < before}


# Capitalised words of a page (a possessive kept on the word, dropped when it is looked up).
# A word, read whole whatever its letters ("Mbappé", "Łukasz"); kept when it opens with a capital.
_CAPITALISED = re.compile(r"\b[^\W\d_a-z][^\W\d_]*(?:['’-][^\W\d_]+)*(?:['’]s)?")
_POSSESSIVE = re.compile(r"['’]s$")


def speaker_type_in(speaker: str, context: SpeakerContext, page: PageNames) -> str:
    """speaker_type(), with what the whole page shows: an organisation it described as one
    ("the Spanish daily El Pais"), and a one-word name that is no given name and that the
    page never writes beside another name word ("Stefania Maurizi", "Maurizi Stefania") is
    an organisation the text never introduced as one ("Amtrak said", "Wikileaks announced"):
    news introduces a person by their full name."""
    if speaker in context.described_orgs:
        return ORGANIZATION
    if speaker in context.labelled_people or any(
        speaker in holders for holders in context.role_holders.values()
    ):
        return PERSON  # "Floyd's brother, Philonise, said": a relation is a person
    if " " in speaker and speaker.rsplit(" ", 1)[1] in GENERIC_PLURAL:
        return ORGANIZATION  # "Jefferies analysts": a group speaking for where they work
    people = speaker.split(" and ")
    given = first_name_genders()
    if len(people) > 1 and all(
        len(p.split()) >= 2 and p.split()[0].lower() in given for p in people
    ):
        return PERSON  # "Joe Biden and Emmanuel Macron said in a joint statement"
    if (
        len(people) == 2
        and people[0].lower() in given
        and len(people[1].split()) >= 2
        and not has_org_word(speaker)
    ):
        return PERSON  # "Tanya and Nadim Ednan-Laperouse said": a couple, one surname
    if len(people) == 2 and all(context.genders.get(p) for p in people):
        return PERSON  # "Mr Smith and Ms Jones said": two people the titles told of
    found = speaker_type(speaker)
    if found != PERSON or " " in speaker or speaker.lower() in given:
        return found
    if context.genders.get(speaker):
        return PERSON  # "Mr Chen", never named in full: a man called Chen
    if (
        page.beside_a_name(speaker)
        or page.after_a_title(speaker)  # "Judge Leech", "Lord Justice Singh"
        or speaker.lower() in _ROLES_AND_TITLES  # "Chancellor confirms ...": a role
        or f"{speaker}, who " in page.text  # "said Reed, who has worked for the council"
    ):
        return PERSON
    if is_a_word(speaker) and not page.capitalised_inside(speaker):
        # "Storms disrupted flights", "Fog closed the runway": a common noun opening its
        # sentence, nobody's name ("Shell" is one where the page writes "shares in Shell")
        return ""
    return ORGANIZATION


def type_on_page(name: str, context: SpeakerContext) -> str:
    """speaker_type_in() for a one-word name when the context holds the page (extraction's
    does), speaker_type() otherwise."""
    if context.page is not None and name and " " not in name:
        return speaker_type_in(name, context, context.page)
    return speaker_type(name)


def learn_one_word_speaker(speaker: str, tokens: list[Token], context: SpeakerContext) -> None:
    """A one-word speaker the page never writes beside a name word speaks for an organisation,
    a candidate for a later "the company" ("Nvidia said ... The chipmaker said"); one its
    sentence calls "he" or "she" is a person ("Neymar said he would")."""
    if not speaker or " " in speaker or context.page is None:
        return
    looks_personal = speaker_type(speaker) == PERSON
    if looks_personal:
        learn_gender_from_pronouns(speaker, tokens, context)
    if speaker_type_in(speaker, context, context.page) == ORGANIZATION:
        if looks_personal and speaker not in context.described_orgs:
            context.guessed_orgs.add(speaker)
        context.described_orgs.add(speaker)


def person_after_all(gender: str, context: SpeakerContext) -> str:
    """The previous sentence's one-word speaker, when only the page's silence made it an
    organisation and this sentence's "he" or "she" finds nobody else: a person known by one
    name ("Mbappé said the team had played its best football. He added that ..."). It is a
    person of that gender from now on, for this sentence and the one before."""
    name = context.previous_speaker
    if name not in context.guessed_orgs:
        return ""
    context.guessed_orgs.discard(name)
    context.described_orgs.discard(name)
    if name in context.orgs:
        context.orgs.remove(name)
    context.genders[name] = gender
    remember_person(name, context)
    return name


_ROLES_AND_MONTHS = PERSON_ROLES | MONTH_NAMES
_ROLES_AND_TITLES = PERSON_ROLES | (TITLES - PORTFOLIO_WORDS)  # not "Labour", "Treasury"


@functools.lru_cache(maxsize=8192)
def _names_someone(word: str) -> bool:
    """A word that, beside a surname, makes it part of a personal name: capitalised, not in
    capitals, and neither a word a name run may not begin with (names.is_leading_filler), a
    title (names.is_title), a role nor a month ("At Amtrak", "Amtrak CEO" do not)."""
    token = Token(word, 0, len(word), word.lower())
    return (
        is_capitalised(token)
        and word.isalpha()
        and not word.isupper()
        and not is_leading_filler(token)
        and not is_title(token)
        and token.lower not in _ROLES_AND_MONTHS
        and not opens_with_business_noun(word)  # "Carmaker Stellantis"
    )


@functools.lru_cache(maxsize=4096)
def _common_word(word: str) -> bool:
    """A common word ("Switch", "Council") that is no given name ("Rose", "Hope" are)."""
    return is_a_word(word) and word.lower() not in first_name_genders()


@functools.lru_cache(maxsize=4096)
def _titles_someone(word: str) -> bool:
    """A personal title ("Dr", "Judge", "Justice", "Lord"), not a portfolio ("Foreign",
    "Home": "Home Office" is no one)."""
    token = Token(word, 0, len(word), word.lower())
    if token.lower in JOB_ROLES:
        return True  # "Rapper Stormzy", a role opening its sentence
    return is_title(token) and token.lower not in PORTFOLIO_WORDS - {"justice"}


def full_name_on_page(speaker: str, at: int, page: PageNames) -> str:
    """A one-word speaker as the page named them in full before offset ``at`` ("Maurizi told"
    after "the journalist Stefania Maurizi"; anywhere on the page when nowhere before), when
    the page wrote exactly one such name; the
    speaker as found otherwise. For the given names the name list lacks and no role or "who"
    introduced (those are learnt as the page is read: learn_names)."""
    if " " in speaker or not speaker[:1].isupper() or speaker_type(speaker) != PERSON:
        return speaker
    # Named in full only further on ("Starmer says UK will send 500 troops" above the body
    # that names Keir Starmer): the whole page
    given = page.given_names(speaker, at) or page.given_names(speaker, len(page.text))
    if len(given) == 1:
        full = f"{given.pop()} {speaker}"
        return full if written_whole(full, page.text) else speaker
    if given:
        return speaker
    # A name the page writes first and then alone ("Prabowo Subianto was sworn in ... Prabowo
    # said"): the one word the page always writes after it, when that makes a person's name
    after = page.names_after(speaker, at)
    if len(after) == 1:
        surname = next(iter(after))
        full = f"{speaker} {surname}"
        if (
            speaker_type(full) == PERSON
            and not has_org_word(full)
            and surname.lower() not in _PLACE_WORDS  # "Trump Tower"
            and not is_a_word(surname)  # "Nintendo Switch 2": a product, no surname
            and written_whole(full, page.text)
        ):
            return full
    return speaker


def written_whole(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` at least once as a whole name, not only inside a longer
    one: "Rachel Reeves said" and "Chancellor Rachel Reeves" do; "Copernicus Climate" (only in
    "the Copernicus Climate Change Service"), "Education Secretary" ("Education Secretary
    Bridget Phillipson"), "Canaveral Space" ("Cape Canaveral Space Force Station") and "Negara
    Malaysia" ("Bank Negara Malaysia governor") never do: "Climate: ...", "Malaysia: ..." and
    "Copernicus said" name no such person."""
    pattern = rf"(?<![\w’'-]){re.escape(name)}(?:['’]s)?(?![\w-]|[ \t]+[A-Z])"
    for m in re.finditer(pattern, text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None or not before.group(1)[:1].isupper():
            return True
        if before.group(1).lower().rstrip(".") in _ROLES_AND_TITLES:
            return True  # "Chancellor Rachel Reeves", "Dr. Jane Smith"
    return False


_WORD_BEFORE = re.compile(r"([\w’'.-]+)[ \t]+$")


# Words that make a name before them a place, a building, a day or a law, not a surname.
_PLACE_WORDS = frozenset(
    {"tower", "towers", "street", "avenue", "square", "road", "hall", "house", "park"}
    | {"building", "center", "centre", "hotel", "bridge", "airport", "station", "stadium"}
    | {"arena", "island", "river", "county", "city", "state", "bay", "lake", "mountain"}
    | {"day", "prize", "award", "act", "bill", "law", "plan", "doctrine", "era", "rule"}
)
