"""What a document has said so far about who is who (``SpeakerContext``): full names by surname,
genders (titles, roles, the given-name list in data/first_names.txt, pronouns already
resolved), the people and organisations seen by paragraph; and the rules that resolve a
pronoun ("she"), a surname ("Hancock") or a described organisation ("the ministry") to one of
them. claims.extraction.speakers reads and updates it sentence by sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import (
    JOB_ROLES,
    PERSON_ROLES,
    ROLE_NOUNS,
    word_set,
)
from claims.extraction.names import (
    NAME_PARTICLES,
    REGNAL_TITLES,
    Token,
    clean_run,
    is_org,
    is_title,
)
from claims.extraction.small_words import is_a_word
from claims.extraction.speaker_types import PERSON, UNNAMED_VOICES, speaker_type

DETERMINERS = word_set("the a an this that these those its their his her our")
# Whose a noun is when a pronoun says it: "its Brent forecast", "His Smer party".
POSSESSIVE_PRONOUNS = word_set("its his her their our my your")


# Capitalised words after a given name that make the run a place or a thing: "Victoria Street".
NOT_PERSON_ENDINGS = word_set("""
    street road avenue lane square park station island bridge hospital university college
    school church cathedral county city river lake mountain hall house tower centre center
    airport stadium prize award awards day""")


# Roles that say someone leads something, often written one for another ("leader", "chief",
# "head"): never a reason to tell two people apart.
_LEADING_ROLES = word_set("""
    leader chief head boss chairman chairwoman chair president director executive ceo founder
    owner manager premier""")


# Unnamed speakers. The singular ones can be named after an organisation in context.
GENERIC_SINGULAR = word_set("spokesperson spokesman spokeswoman representative official source")


GENERIC_PLURAL = word_set("""
    officials sources source aides aide diplomats diplomat analysts analyst experts expert
    observers critics residents witnesses lawmakers researchers scientists spokespeople
    people reports statement employers workers unions campaigners activists police officers
    investigators prosecutors detectives doctors nurses teachers engineers economists
    lawyers organisers organizers protesters protestors demonstrators forecasters""")


GENERIC = GENERIC_SINGULAR | GENERIC_PLURAL
NOT_IN_PERSONAL_NAMES = frozenset({"of", "for", "the", "and", "&", "on"})
# Words that open a description of someone unnamed ("A former UC Global employee", "Two
# former workers"), never a personal name.
_DESCRIPTION_OPENERS = word_set("a an one two three four five six seven eight nine ten")


@dataclass
class SpeakerContext:
    """What earlier sentences of the same document said about who is speaking."""

    surnames: dict[str, str] = field(default_factory=dict)  # "Kato" -> "Katsunobo Kato"
    # Every full name seen per surname, latest last: "Mr Anderson" picks the man among them.
    namesakes: dict[str, list[str]] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)  # full name -> "m" / "f"
    people: list[tuple[str, int]] = field(default_factory=list)  # (name, paragraph), latest last
    orgs: list[str] = field(default_factory=list)  # most recent last
    org_paragraphs: dict[str, int] = field(default_factory=dict)  # org -> last paragraph seen
    # This sentence's clause subjects among known people, (token index, full name): a "he"
    # later in the sentence may refer to one of them (set by speakers.find_speaker).
    clause_subjects: list[tuple[int, str]] = field(default_factory=list)
    sentence_people: list[str] = field(default_factory=list)  # known people it names
    previous_sentence_people: list[str] = field(default_factory=list)  # the sentence before's
    sentence_words: str = ""  # the sentence, quotations masked, in small letters
    previous_words: str = ""  # ... and the sentence before
    # The organisation this sentence opens with ("Google has agreed ..., the company said").
    sentence_org: str = ""
    previous_sentence_org: str = ""  # the sentence before's
    # The place it opens with ("At Heathrow, the airport said"; organisations.opening_place).
    sentence_place: str = ""
    # A role this sentence's speaker was given that nobody holds yet ("..., the education
    # secretary has announced."): the pipeline gives the sentence to the person the next
    # sentences name (roles.LedeRole).
    unresolved_role: str = ""
    # The same for an organisation's noun nobody was named by ("..., the regulator has said.":
    # org_learning.LedeOrg).
    unresolved_org: str = ""
    # Initials the page introduced after a name: "(RCN)" -> "Royal College of Nursing".
    acronyms: dict[str, str] = field(default_factory=dict)
    # Names the text introduces as an organisation: "the Spanish daily El Pais", "the airline
    # Ryanair". Their speaker type is organisation whatever the name looks like.
    described_orgs: set[str] = field(default_factory=set)
    # The one-word names among them that only the page's silence made organisations
    # (page_names.learn_one_word_speaker): a "he" or "she" can still show them to be people.
    guessed_orgs: set[str] = field(default_factory=set)
    # The whole page's names (page_names.PageNames, set by the pipeline): a one-word speaker
    # the page never writes beside a name word is an organisation ("Nvidia said").
    page: Any = None
    # People a transcript's speaker labels name ("TRUMP:"): people, whatever the name looks like.
    labelled_people: set[str] = field(default_factory=set)
    # Countries the text named, (name, paragraph), latest last: "the country's air force said"
    # is the last one's (organisations.note_countries).
    countries: list[tuple[str, int]] = field(default_factory=list)
    # Organisation nouns -> the organisations the text introduced with them, latest last ("the
    # supplier, Nordvik Steelworks", "Turkey's disaster agency, AFAD,"; organisations.py).
    org_nouns: dict[str, list[str]] = field(default_factory=dict)
    # Organisations named anywhere in a sentence, kind "business", "public" or "other" (a
    # subject that may be either), latest last ("Shares in Halvorsen Foods fell ... The
    # Oslo-based group said"; organisations.py).
    mentions: dict[str, tuple[int, str]] = field(default_factory=dict)  # name -> (paragraph, kind)
    # Organisations -> the country the text gave them ("Japan's Toyota", "Danish drugmaker
    # Novo Nordisk"), for "the Japanese carmaker" (org_learning.note_nationalities).
    org_countries: dict[str, str] = field(default_factory=dict)
    # Two organisations named together, each -> the other ("the FCA and the Bank of England").
    named_together: dict[str, str] = field(default_factory=dict)
    # The first and last words of the organisations among them ("City" of "Manchester City").
    org_name_ends: set[str] = field(default_factory=set)
    previous_speaker: str = ""
    previous_org: str = ""  # organisation the previous sentence spoke for or was about
    # Whether that organisation was only the source of data ("..., according to U.S. Customs
    # and Border Protection data"): no official or spokesman of its spoke (speakers.py).
    previous_org_data: bool = False
    # The organisation the previous sentence was about when another one said it ("Thames Water
    # was fined £104m, Ofwat said"): a later "it" may be either (set by speakers.find_speaker).
    previous_subject_org: str = ""
    # The previous sentence's speaker when it was also its subject ("Nvidia reported revenue of
    # $35bn"): what "The Santa Clara-based company said" next most likely means.
    previous_own_speaker: str = ""
    # Initials -> the name the page spells them out with, "" for none (outlets.spelled_out
    # reads the whole page, so once per initials; claims.extraction.speakers).
    spelled: dict[str, str] = field(default_factory=dict)
    # The organisation noun the sentence opens with as its subject ("The board will review"),
    # "" for none (set by speakers.find_speaker for "a spokeswoman said").
    sentence_noun: str = ""
    # The business the sentence opens with, described ("The streaming giant now has ..."), for
    # its "it said" (set by speakers.find_speaker).
    sentence_business: str = ""
    # Businesses the sentence names by a word of their name, past its opening ("customers of
    # Anglian Water"), for its "the company confirmed" (set by speakers.find_speaker).
    sentence_businesses: list[str] = field(default_factory=list)
    # The previous sentence's opening noun, when nobody spoke in it: "The government disputes
    # the figure. It says ...": its "it" is the government, not the last body that spoke.
    previous_noun: str = ""
    paragraph: int = 0
    # Role nouns -> the people the document introduced with them, latest last ("Judge Maria
    # Lopez", "Sarah Jones, a lawyer for the family"; claims.extraction.roles).
    role_holders: dict[str, list[str]] = field(default_factory=dict)
    # How a title introduced someone: the capitalised words before it and whether it was
    # "former" ("Florida Governor Ron DeSantis": {"florida"}, False), so that "the former South
    # Carolina governor" is not him (claims.extraction.roles).
    title_details: dict[str, tuple[frozenset[str], bool]] = field(default_factory=dict)
    # The organisations whose role introduced someone, as their capitalised words, and whether
    # "former" ("Ken Murphy, the chief executive of Tesco,": {"tesco"}, False), so that "the
    # chief executive of Tesco" is him (claims.extraction.roles.office_holder).
    offices: dict[str, tuple[frozenset[str], bool]] = field(default_factory=dict)

    def learn_role(self, name: str, nouns: set[str]) -> None:
        for noun in nouns:
            holders = self.role_holders.setdefault(noun, [])
            if name in holders:
                holders.remove(name)
            holders.append(name)

    def people_named(self) -> set[str]:
        """The full names of the people the document has named so far."""
        return {name for name, _ in self.people}

    def role_holder(self, noun: str) -> str:
        """The person last introduced as ``noun`` ("judge"), "" when nobody was."""
        holders = self.role_holders.get(noun)
        return holders[-1] if holders else ""

    def has_other_role(self, name: str, noun: str) -> bool:
        """Whether the document introduced ``name`` only in roles other than ``noun``: "Defence
        lawyer Tom Baker" is not "the judge"."""
        if noun not in ROLE_NOUNS or noun in _LEADING_ROLES:
            # "the California Republican": a description; "the CDU chief" may be the
            # "Opposition leader Friedrich Merz" of the paragraph before
            return False
        roles = {r for r, holders in self.role_holders.items() if name in holders}
        return bool(roles) and noun not in roles and not roles & _LEADING_ROLES

    def start_paragraph(self) -> None:
        """Called by the pipeline at each new paragraph: pronouns reach back one paragraph."""
        self.paragraph += 1

    @property
    def last_person(self) -> str:
        return self.people[-1][0] if self.people else ""

    def gender(self, name: str) -> str:
        if name in self.genders:
            return self.genders[name]
        return first_name_genders().get(name.split()[0].lower(), "") if name else ""

    def recent_people(self, *, unnamed: bool = False) -> list[str]:
        """People in this paragraph or the previous one, most recent first, each once (or the
        one before that, when the previous paragraph named nobody: a narrative paragraph
        between "Margaret Ellis defended the budget" and "She said"); with ``unnamed``, ""
        stands where someone unnamed spoke ("A neighbour said")."""
        seen: list[str] = []
        reach = 1 if any(p == self.paragraph - 1 for _, p in self.people) else 2
        for name, paragraph in reversed(self.people):
            if paragraph < self.paragraph - reach:
                break
            if name not in seen and (name or unnamed):
                seen.append(name)
        return seen


def remember_unnamed(gender: str, context: SpeakerContext) -> None:
    """Someone unnamed spoke ("A neighbour, who did not want to be named, said"): the next
    "she said" may be her, and is then nobody named (not the detective quoted before her)."""
    context.genders.pop("", None)  # another unnamed person than the last one
    if gender:
        context.genders[""] = gender
    remember_person("", context)


def resolve_pronoun(gender: str, context: SpeakerContext) -> str:
    for name in context.recent_people(unnamed=True):
        known = context.gender(name)
        if known and known != gender:
            continue
        if not known:
            context.genders[name] = gender  # "she said" tells us from now on
        return name
    return ""


def full_name(name: str, context: SpeakerContext) -> str:
    if name in context.surnames:
        return context.surnames[name]  # "Mr Hancock", "Mr Ó Broin"
    if " " not in name:
        # "Dr Tedros said", "Meghan added": the one person named in full with that given name
        given = {full for full in context.surnames.values() if full.split()[0] == name}
        if len(given) == 1:
            return given.pop()
    words = name.split()
    if (
        len(words) == 2
        and words[0].lower() in JOB_ROLES
        and not is_org(words[1])
        and not is_a_word(words[1])  # "Student Finance said": no person
    ):
        # "Singer Adele said", "Rapper Stormzy said": a role opening the sentence, capitalised
        # there, and a person known by one name
        return words[1]
    for k in range(len(words) - 3, -1, -1):
        role = words[k].lower().rstrip(".")
        if role in REGNAL_TITLES:
            continue  # "Pope Leo XIV": the title is part of the name (names.strip_titles)
        titled = role in ROLE_NOUNS or is_title(Token(words[k], 0, len(words[k]), role))
        if titled and words[k + 1].lower() in first_name_genders():
            # "Lawyer Tom Baker said", "Senate Majority Leader Chuck Schumer said": the role,
            # and the organisation before it, are not part of the name
            return " ".join(words[k + 1 :])
    return name


def learn_gender_from_pronouns(name: str, tokens: list[Token], context: SpeakerContext) -> None:
    """`Zellweger ... for her performance`: a sentence about one person that uses only "her"
    or only "his" says which."""
    if context.gender(name):
        return
    lowers = {t.lower for t in tokens}
    male = bool(lowers & {"he", "his", "him", "himself"})
    female = bool(lowers & {"she", "her", "hers", "herself"})
    if male != female:
        context.genders[name] = "m" if male else "f"


def remember(
    speaker: str,
    text: str,
    tokens: list[Token],
    context: SpeakerContext,
    subject: str,
    subject_run: list[Token],
    *,
    its_own: bool = False,
) -> None:
    """What a sentence tells the next ones: who spoke, which organisation or person it is
    about. ``its_own``: the subject does something to its own ("Morgan Stanley cut its
    forecast"), so it is a business whatever its name looks like, never a person."""
    context.previous_speaker = speaker
    context.previous_org = ""
    last_word = speaker.rsplit(" ", 1)[-1] if " " in speaker else ""
    generic = last_word if last_word in GENERIC else ""
    if generic:
        # "Russian Ministry of Foreign Affairs spokesperson" still speaks for the ministry.
        context.previous_org = owner = speaker[: -len(generic) - 1]
        if generic in UNNAMED_VOICES and _speaks_through_a_voice(owner, context):
            remember_org(owner, context)  # "A Northern spokesperson said": Northern spoke
    elif speaker and (
        is_org(speaker) or speaker in context.described_orgs or speaker_type(speaker) != PERSON
    ):
        remember_org(speaker, context)
        context.previous_org = speaker
    elif speaker:
        remember_person(speaker, context)
        if " " not in speaker:
            learn_gender_from_pronouns(speaker, tokens, context)  # "Neymar said he would"
    # "The Liberal Democrats and the Liberal Party both stood": two organisations, not one
    # "Police said": no force named ("West Yorkshire Police" is one)
    subject_org = (
        subject
        if (is_org(subject) or its_own)
        and " and the " not in subject
        and subject.lower() not in GENERIC
        and not _two_of_a_kind(subject)
        # "Bank cuts forecast": a common word opening a headline names no bank
        and not (" " not in subject and is_a_word(subject))
        else ""
    )
    if subject_org:
        remember_org(subject_org, context)
        if its_own:
            context.described_orgs.add(subject_org)
        context.previous_org = context.previous_org or subject_org
    # The person a sentence is about can be the "he" of the next: "Joe Biden joined calls
    # ... He said it had ...".
    run = subject_run
    if run and run[0].lower in _DESCRIPTION_OPENERS:
        run = []  # "A former UC Global employee testified": a description, not a name
    joined = text[run[0].start : run[-1].end].split(" and ") if run else []
    if len(joined) == 2:
        # "Ms Rivera and Mr Chen both spoke": each can be the next "she" or "he"
        for part in joined:
            person = full_name(part.split()[-1], context) if part.split() else ""
            if person and context.gender(person) and speaker_type(person) == PERSON:
                remember_person(person, context)
    elif run and not its_own and not all(is_title(t) or t.lower == "the" for t in run):
        # ("The Prime Minister, Sir Keir Starmer, said": a role alone names nobody to be "he")
        titled = any(is_title(t) or t.lower in PERSON_ROLES for t in run)
        name = full_name(clean_run(text, run), context)
        if name and name != speaker and speaker_type(name) == PERSON and not is_org(name):
            known = (
                titled
                or name in context.surnames.values()
                or name.split()[0].lower() in first_name_genders()
                or any(name in holders for holders in context.role_holders.values())
            )
            if known and "&" not in name and " and " not in name:
                remember_person(name, context)
                learn_gender_from_pronouns(name, tokens, context)


def _two_of_a_kind(name: str) -> bool:
    """ "Kent County Council and Medway Council": two organisations of one kind, not one."""
    left, _, right = name.partition(" and ")
    return bool(right) and left.split()[-1] == right.split()[-1] and is_org(right)


def remember_person(name: str, context: SpeakerContext) -> None:
    context.people.append((name, context.paragraph))
    if len(context.people) > 64:
        del context.people[:32]
    # not "OpenAI CEO" ("The OpenAI CEO shared the figure"): a role, no surname, so that a
    # later "OpenAI reported" stays OpenAI's
    if " " in name and name.rsplit(" ", 1)[1].lower() not in ROLE_NOUNS:
        register_name(name, context)


# Words that open a surname of several words: "Ó Broin", "von der Leyen", "de Gaulle".
SURNAME_PARTICLES = NAME_PARTICLES | word_set("ó ní nic mac mc ui uí du das ben el abu ter")


def register_name(full: str, context: SpeakerContext) -> None:
    """``full``'s surname now means ``full`` (the latest person of that name is meant)."""
    words = full.split()
    surname = words[-1]
    context.surnames[surname] = full
    if len(words) >= 3 and words[-2].lower() in SURNAME_PARTICLES:
        # "Eoin Ó Broin" is "Mr Ó Broin", "Ursula von der Leyen" "Ms von der Leyen"
        start = len(words) - 2
        while start > 1 and words[start - 1].lower() in SURNAME_PARTICLES:
            start -= 1
        context.surnames[" ".join(words[start:])] = full
    if len(words) >= 4:  # "López Obrador", "Lula" (of Luiz Inácio Lula da Silva): short forms
        context.surnames.setdefault(" ".join(words[-2:]), full)
        for word in words[1:-1]:
            if word[:1].isupper():
                context.surnames.setdefault(word, full)
    namesakes = context.namesakes.setdefault(surname, [])
    if full in namesakes:
        namesakes.remove(full)
    namesakes.append(full)


def register_mention(full: str, context: SpeakerContext) -> None:
    """``full`` is named in a sentence. Its surname now means ``full``, unless it already
    means a namesake who has spoken or been a sentence's subject: in a story about Seddique
    Mateen, "his son, Omar Mateen" does not make every later "Mateen" the son. The son takes
    the surname over once he speaks or a sentence is about him (``remember_person``)."""
    surname = full.rsplit(" ", 1)[-1]
    current = context.surnames.get(surname, "")
    if current and current != full and any(name == current for name, _ in context.people):
        namesakes = context.namesakes.setdefault(surname, [])
        if full not in namesakes:
            namesakes.insert(0, full)  # the earliest: "Mr Mateen" still means the speaker
        return
    register_name(full, context)


def _speaks_through_a_voice(owner: str, context: SpeakerContext) -> bool:
    """Whether ``owner`` of "<owner> spokesperson" is an organisation: no person the page named,
    no given name ("Trump spokesman" after "Donald Trump" stays a person's)."""
    first = owner.split()[0]
    return (
        first[:1].isupper()
        and owner not in context.surnames
        and owner not in context.surnames.values()
        and first.lower() not in first_name_genders()
    )


def remember_org(org: str, context: SpeakerContext) -> None:
    if org in context.orgs:
        context.orgs.remove(org)
    context.orgs.append(org)
    context.org_paragraphs[org] = context.paragraph
