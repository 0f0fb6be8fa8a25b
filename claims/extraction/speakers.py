"""Who a sentence (a claim unit: one sentence, or a whole quotation with its attribution)
attributes its statement to.

Rules over capitalised words, read outside the quotation marks (words inside a quote are
what was said, not who said it), in this order:

1. a reporting verb right after a closing quote or a comma, the speaker after it:
   `"...," said Johannes Hahn`, `..., said Department of Correction spokesman Jason Kersten`;
2. a speaker before a reporting verb: a name (`Moscow maintains that`), a name with an
   apposition (`Katsunobo Kato, the chief secretary ..., suggested`, `The supplier, Nordvik
   Steelworks, denied`), a pronoun (`he said`), a description of a person (`the
   Conservative MP said`) or of an organisation (`the national audit office reported`);
3. `according to X`;
4. a subject followed by ", arguing that" / ", saying that";
5. the subject of a sentence that carries a real quotation (a clause of several mostly
   lower-case words: a film title in quotes is not one).

A name is a speaker only if it can be an agent: not a place after a preposition ("the MP for
Newcastle Central said"), a month or day, or an unknown capitalised plural opening the
sentence ("Thousands said", "Emails show").

Context kept per document (``SpeakerContext``):
- full personal names seen anywhere ("Health secretary Matt Hancock"), so a surname or a title
  and surname ("Hancock said", "Mr Hancock responded") resolves to the full name;
- genders, from titles and roles ("Mr", "spokeswoman"), from the given-name list in
  data/first_names.txt, and from pronouns already resolved to the person;
- the people who spoke or were the subject of a sentence, by paragraph: "he"/"she" resolve to
  the most recent one of a compatible gender in this paragraph or the previous one (unknown
  gender matches either; "she" never resolves to a known man), "the minister" to the most
  recent person;
- organisations, most recent last: "it" resolves to the last one, "they" to the last one seen
  in this paragraph or the previous one, "the ministry" to the last one with that word;
- a sentence that starts inside an open quote keeps the previous sentence's speaker;
- an unnamed "spokesperson"/"official" is named after the organisation the previous sentence
  was about or spoke for, e.g. "Russian Ministry of Foreign Affairs spokesperson". We chose this
  over "" because editors asked who to call for a comment; plural "officials" or "sources" stay
  "" because they could be anyone's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from claims.extraction.lexicon import (
    ATTRIBUTION_PARTICIPLES,
    ATTRIBUTION_VERBS,
    FEMALE_WORDS,
    GOVERNMENT_SEATS,
    MALE_WORDS,
    MORE_ORG_WORDS,
    NON_AGENTS,
    ORG_ACRONYMS,
    ORG_WORDS,
    PERSON_ROLES,
    PORTFOLIO_WORDS,
    QUOTE_VERBS,
    SENTENCE_STARTERS,
    SPEAKER_FILLERS,
    TITLES,
    word_set,
)
from claims.extraction.sentences import quote_spans
from claims.extraction.speaker_types import PERSON, speaker_type

FIRST_NAMES_PATH = Path(__file__).resolve().parent / "data" / "first_names.txt"

_TOKEN = re.compile(r"[A-Za-z0-9À-ÿ][\w’'.&-]*|[,;:“”\"()—–]")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


_CLOSING_MARKS = frozenset({"”", '"'})
# The speaker after the verb: after a closing quote any reporting verb (`" asked Ann`), after
# a plain comma only the verbs of saying (`..., said X.`), not `, claims X` or `, reported`.
# Never "told": what follows it is the listener (`, told NBC News`).
_INVERTED_AFTER_QUOTE = (ATTRIBUTION_VERBS | QUOTE_VERBS) - {"told", "tells", "tell"}
_INVERTED_AFTER_COMMA = word_set("""
    said says added adds wrote explained noted insisted argued warned stated confirmed
    continued""")
# What may follow a speaker named after the verb; any other lower-case word means the name
# began a reported clause (`, said Hartley had ...`), not the attribution.
_AFTER_SPEAKER = word_set("""
    on in at last this yesterday today earlier later with of who whose from after before
    during according to backstage recently told tonight and as""")
# Verbs that report what someone thinks or signals only with a "that" clause after them:
# "Mayor Bill de Blasio indicated earlier this week that ...". Not in ATTRIBUTION_VERBS, which
# the scorer reads, because alone they say little ("the data indicated a rise").
_THAT_VERBS = word_set("""
    indicated signalled signaled believes believed thinks hoped hopes feared fears accepted
    accepts agreed agrees conceded concedes""")
# Verbs that attribute only next to a quotation ("quipped", "asked").
_QUOTE_ONLY_VERBS = QUOTE_VERBS - ATTRIBUTION_VERBS
_ANY_VERB = ATTRIBUTION_VERBS | QUOTE_VERBS | _THAT_VERBS
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
# Lower-case words that may sit inside a name: "International Council for the Exploration of
# the Sea". They only count between capitalised words.
_CONNECTORS = frozenset(
    {"of", "for", "the", "&", "and", "de", "von", "van", "der", "al", "bin", "la", "on"}
)
_QUOTE_MARKS = frozenset({"“", "”", '"'})
# Unnamed speakers. The singular ones can be named after an organisation in context.
_GENERIC_SINGULAR = word_set("spokesperson spokesman spokeswoman representative official")
_GENERIC_PLURAL = word_set("""
    officials sources source aides aide diplomats diplomat analysts analyst experts expert
    observers critics residents witnesses lawmakers researchers scientists spokespeople
    people reports statement employers workers unions campaigners activists police""")
_GENERIC = _GENERIC_SINGULAR | _GENERIC_PLURAL
# "the ministry said" refers back to the last organisation with that word in its name.
_ORG_NOUNS = word_set("""
    ministry department government agency commission company newspaper court police
    council committee union party bank authority office kremlin board firm supplier
    association federation institute regulator watchdog inspectorate tribunal trust group
    charity club network broadcaster manufacturer operator airline insurer""")
_SKIP_BEFORE_NAME = word_set("""
    a an the report reports data figures statistics estimates study survey research
    analysis new latest recent official officials published released by from of compiled
    provided""")
# A name after one of these is a place or an object, not the subject of the verb.
_PREPOSITIONS = word_set("""
    in at from for of to on near into by with across over outside inside under about
    against between behind beyond toward towards through""")
_DATA_NOUNS = word_set("""
    figures data statistics numbers estimates report reports study survey analysis research
    findings""")
_CONDITIONALS = word_set("if unless whether when once until")
_DETERMINERS = word_set("the a an this that these those its their his her our")
_PRONOUNS = {"he": "m", "she": "f"}
# Letters after a name that are not part of it: "Judge Neil Ford QC".
_POSTNOMINALS = word_set("QC KC MP MEP Jr Jr. Sr Sr. OBE MBE CBE PhD")
# Capitalised words after a given name that make the run a place or a thing: "Victoria Street".
_NOT_PERSON_ENDINGS = word_set("""
    street road avenue lane square park station island bridge hospital university college
    school church cathedral county city river lake mountain hall house tower centre center
    airport stadium prize award awards day""")


@functools.cache
def first_name_genders() -> dict[str, str]:
    """Given name (lower case) -> "m", "f" or "" (both or unknown), from data/first_names.txt."""
    genders: dict[str, str] = {}
    for line in FIRST_NAMES_PATH.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 2:
            continue
        code = "" if fields[0] == "u" else fields[0]
        for name in fields[1:]:
            key = name.lower()
            genders[key] = code if genders.get(key, code) == code else ""
    return genders


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
    previous_speaker: str = ""
    previous_org: str = ""  # organisation the previous sentence spoke for or was about
    paragraph: int = 0

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

    def recent_people(self) -> list[str]:
        """People in this paragraph or the previous one, most recent first, each once."""
        seen: list[str] = []
        for name, paragraph in reversed(self.people):
            if paragraph < self.paragraph - 1:
                break
            if name not in seen:
                seen.append(name)
        return seen


class _Token(NamedTuple):  # a NamedTuple: built for every word, so it must be cheap
    text: str
    start: int
    end: int
    lower: str  # lower case, a final period dropped unless the token is initials ("U.S.")


def _tokenise(text: str) -> list[_Token]:
    tokens = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        bare = word.rstrip(".") if "." not in word or not _INITIALS.fullmatch(word) else word
        tokens.append(_Token(word, m.start(), m.end(), bare.lower()))
    return tokens


def _mask_quotes(text: str, continues_quote: bool) -> str:
    """``text`` with what is inside quotation marks blanked out, offsets unchanged.

    The marks stay, and so does a comma just inside the closing one (`“Colonialism,” argued`),
    which punctuates the sentence around the quote. A unit that starts inside a quotation
    opened by an earlier one is blanked up to its first closing mark.
    """
    spans = quote_spans(text)
    if continues_quote and not text.startswith(("“", '"', "«")):
        close = next((i for i, ch in enumerate(text) if ch in "”»"), -1)
        if close < 0:
            straight = text.find('" ')
            close = straight if straight > 0 and not text[straight - 1].isspace() else -1
        if close > 0:
            spans = [(-1, close + 1)] + [(a, b) for a, b in spans if a > close]
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    for a, b in spans:
        inner_start, inner_end = a + 1, b - 1 if b <= len(text) and text[b - 1] in '”»"' else b
        inner_end = max(inner_start, inner_end)
        keep_comma = inner_end > inner_start and text[inner_end - 1] == ","
        parts.append(text[position:inner_start])
        parts.append(" " * (inner_end - inner_start - keep_comma))
        if keep_comma:
            parts.append(",")
        position = inner_end
    parts.append(text[position:])
    return "".join(parts)


def _has_real_quote(text: str) -> bool:
    """Whether ``text`` quotes someone: a quoted clause of five or more words, at least half of
    them lower case, rather than a title (“Once Upon A Time in Hollywood”) or a term."""
    for a, b in quote_spans(text):
        inner = text[a + 1 : b].rstrip('”»"')
        words = inner.split()
        if len(words) < 5 or sum(w[0].islower() for w in words) * 2 < len(words):
            continue
        # Speech, not a nickname or a phrase in quotes: introduced by a colon, a sentence of
        # its own (a capital to a full stop), or said in the first or second person.
        if (
            text[:a].rstrip().endswith(":")
            or (inner[:1].isupper() and inner.rstrip().endswith((".", "!", "?")))
            or _FIRST_PERSON.search(inner)
        ):
            return True
    return False


_FIRST_PERSON = re.compile(r"\b(?:I|we|We|you|You|my|My|our|Our|us|me)\b")


def _is_capitalised(token: _Token) -> bool:
    text = token.text
    if not text[0].isupper():
        return False
    # "Sapporo-based" is an adjective, not part of the newspaper's name.
    return not ("-" in text and text.rsplit("-", 1)[1][:1].islower())


def _is_title(token: _Token) -> bool:
    lower = token.lower
    if lower.startswith(("ex-", "former-")):
        lower = lower.split("-", 1)[1]
    return (
        lower in TITLES
        or lower in {"former", "ex", "then", "late"}
        or (lower in PERSON_ROLES and token.text.islower())
    )


def _is_org(name: str) -> bool:
    words = name.split()
    if any(w.rstrip(".").lower() in ORG_WORDS for w in words):
        return True
    return len(words) == 1 and len(words[0]) >= 2 and words[0].replace(".", "").isupper()


def _strip_titles(tokens: list[_Token]) -> list[_Token]:
    """Drop "ex-President", "Russian Foreign Minister" ... before the person's own name."""
    last_title = max((i for i, t in enumerate(tokens) if _is_title(t)), default=-1)
    # A role in lower case inside the run ("Department of Correction spokesman Jason Kersten")
    # separates the organisation from the person, whatever the organisation is called.
    lower_role = last_title >= 0 and tokens[last_title].text.islower()
    if not lower_role and _is_org(" ".join(t.text for t in tokens)):
        return tokens
    if last_title < 0 or last_title == len(tokens) - 1:
        return tokens  # no title, or only a role ("the Foreign Minister said")
    rest = tokens[last_title + 1 :]
    if rest and rest[0].lower in {"of", "for"}:
        while rest and rest[0].lower in PORTFOLIO_WORDS:
            rest = rest[1:]  # "Secretary of State Antony Blinken"
    return rest or tokens


def _clean_run(text: str, run: list[_Token]) -> str:
    while run and (run[0].lower in _CONNECTORS or run[0].lower in SENTENCE_STARTERS):
        run = run[1:]
    while run and (run[-1].lower in _CONNECTORS or run[-1].text in _POSTNOMINALS):
        run = run[:-1]
    run = _strip_titles(run)
    if not run:
        return ""
    name = text[run[0].start : run[-1].end]
    if not re.search(r"(?:[A-Z]\.)+$|\b(?:Jr|Sr|Inc|Ltd|Co)\.$", name):
        name = name.rstrip(".")
    return name


def _name_before(tokens: list[_Token], end: int) -> list[_Token]:
    """The run of name tokens that ends just before index ``end``."""
    run: list[_Token] = []
    i = end - 1
    if i >= 0 and tokens[i].text == ")":
        # "the International Council for the Exploration of the Sea (ICES) said"
        opening = next((j for j in range(i - 1, max(i - 6, -1), -1) if tokens[j].text == "("), -1)
        if opening > 0:
            i = opening - 1
    while i >= 0:
        token = tokens[i]
        if token.text.endswith(("’s", "'s")):
            break  # "Japan’s new prime minister" is a description, not a name
        if (
            _is_capitalised(token)
            or _is_title(token)
            or (token.lower in _CONNECTORS and run and _capitalised_before(tokens, i))
        ):
            run.insert(0, token)
        else:
            break
        i -= 1
    return run


def _capitalised_before(tokens: list[_Token], i: int) -> bool:
    """Whether a capitalised word precedes index ``i`` across at most one more connector."""
    for j in (i - 1, i - 2):
        if j < 0:
            return False
        if _is_capitalised(tokens[j]):
            return True
        if tokens[j].lower not in _CONNECTORS:
            return False
    return False


def _name_after(tokens: list[_Token], start: int) -> list[_Token]:
    run: list[_Token] = []
    for token in tokens[start:]:
        if token.text.endswith(("’s", "'s")):
            return []  # "Tokyo’s vessels": the name only describes what follows
        if _is_capitalised(token) or _is_title(token) or (token.lower in _CONNECTORS and run):
            run.append(token)
        else:
            break
    return run


@dataclass(frozen=True)
class _Found:
    name: str = ""
    # "name", "pronoun", "they", "it", "generic", "org-noun", "role", "unnamed"
    kind: str = ""
    generic: str = ""  # the generic word, the org noun phrase, or the pronoun's gender


def _pronoun(token: _Token) -> _Found | None:
    if token.lower in _PRONOUNS:
        return _Found(kind="pronoun", generic=_PRONOUNS[token.lower])
    if token.lower == "they":
        return _Found(kind="they")
    if token.lower == "it":
        return _Found(kind="it")
    return None


def _description_before(text: str, tokens: list[_Token], i: int) -> _Found | None:
    """A speaker described, not named, ending at index ``i``: "the national audit office",
    "the council's transport committee", "the Conservative MP", "the employers"."""
    j = i
    while j > 0 and i - j < 5 and tokens[j - 1].lower not in _DETERMINERS:
        previous = tokens[j - 1]
        if not previous.text[0].isalpha() or previous.lower in ATTRIBUTION_VERBS:
            return None
        j -= 1
    if j == 0 or tokens[j - 1].lower not in _DETERMINERS:
        return None
    head = tokens[i].lower
    phrase = text[tokens[j - 1].start : tokens[i].end]
    if tokens[j - 1].lower in {"a", "an"} and head not in _GENERIC:
        return _Found(kind="unnamed")  # "a local resident complained": someone new, unnamed
    if head in _ORG_NOUNS:
        return _Found(kind="org-noun", generic=phrase)
    if head in PERSON_ROLES or head in _GENERIC_SINGULAR:
        return _Found(kind="role", generic=phrase)
    if tokens[i].text.islower():
        return _Found(kind="unnamed")  # "the report said", "the employers said"
    return None


def _before_verb(
    text: str, tokens: list[_Token], verb_index: int, context: SpeakerContext
) -> _Found | None:
    i = verb_index - 1
    while i >= 0 and (
        tokens[i].lower in SPEAKER_FILLERS
        or tokens[i].text in _QUOTE_MARKS
        or (tokens[i].lower.endswith("ly") and tokens[i].text.islower())
    ):
        i -= 1
    if i < 0:
        return None
    token = tokens[i]
    pronoun = _pronoun(token)
    if pronoun:
        return pronoun
    if token.lower in _GENERIC and not (i > 0 and tokens[i - 1].lower == "the"):
        return _Found(kind="generic", generic=token.lower)
    if token.text[0].islower() and token.text[0].isalpha():
        return _description_before(text, tokens, i)
    if token.text == ",":
        return _apposition(text, tokens, i, context)
    run = _name_before(tokens, i + 1)
    for p in range(1, len(run) - 1):
        if (
            run[p].lower in {"for", "of"}
            and _is_title(run[p - 1])
            and run[p + 1].lower not in PORTFOLIO_WORDS
        ):
            # "The MP for Newcastle Central said": a role and a place, no name.
            return _Found(kind="role", generic=text[run[0].start : run[-1].end])
    first = tokens.index(run[0]) if run else 0
    if (
        run
        and run[-1].lower in PERSON_ROLES
        and not _is_org(text[run[0].start : run[-1].end])
        and first > 0
        and tokens[first - 1].lower == "the"
    ):
        # "the Conservative MP said": a person named before.
        return _Found(kind="role", generic=text[tokens[first - 1].start : run[-1].end])
    return _named(text, tokens, run, context)


def _apposition(
    text: str, tokens: list[_Token], comma: int, context: SpeakerContext
) -> _Found | None:
    """`Katsunobo Kato, the chief secretary, suggested` and `The supplier, Nordvik
    Steelworks, denied`: the name before the first comma, or the name between the commas when
    what comes before is a description."""
    j = comma - 1
    while j >= 0 and tokens[j].text != "," and comma - j <= 16:
        j -= 1
    if j <= 0 or tokens[j].text != ",":
        return None
    between = tokens[j + 1 : comma]
    before = _name_before(tokens, j)
    if all(_is_title(t) for t in before):
        before = []  # "The company's chief executive, Jane Doe, said": a role, no name
    described = tokens[j - 1].text.islower()
    if between and _is_capitalised(between[0]) and (described or not before):
        run = _name_after(tokens, j + 1)
        if run and len(run) == len(between):
            return _named(text, tokens, run, context)
    return _named(text, tokens, before, context)


def _named(
    text: str, tokens: list[_Token], run: list[_Token], context: SpeakerContext
) -> _Found | None:
    while run and (run[0].lower in SENTENCE_STARTERS or run[0].lower in _CONNECTORS):
        if run[0].lower in _CONDITIONALS:
            return None  # "If Marmorato maintains her lead"
        run = run[1:]
    if not run:
        return None
    # "a spokesperson for the Russian Ministry of Foreign Affairs said"
    k = tokens.index(run[0]) - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    if k >= 0 and tokens[k].lower in _PREPOSITIONS:
        generic = tokens[k - 1].lower if k >= 1 else ""
        if tokens[k].lower in {"for", "of", "at", "from"} and generic in _GENERIC:
            # The sentence says whose: "a spokesperson for the Ministry", "scientists at ICES".
            name = _clean_run(text, run)
            if name:
                return _Found(name=f"{name} {generic}", kind="name")
            return _Found(kind="generic", generic=generic)
        if tokens[k].lower in {"from", "by"} and generic in _DATA_NOUNS:
            name = _clean_run(text, run)  # "Figures from the European Centre ... revealed"
            return _Found(name=name, kind="name") if name else None
        return None  # "the MP for Newcastle Central said": a place, not the speaker
    if k >= 0 and tokens[k].lower in _CONDITIONALS:
        return None  # "If Marmorato maintains her lead"
    name = _clean_run(text, run)
    if not name or not _can_speak(name, run, tokens, context):
        return None
    return _Found(name=name, kind="name")


def _can_speak(name: str, run: list[_Token], tokens: list[_Token], context: SpeakerContext) -> bool:
    """Whether ``name`` can be an agent rather than a date, a plural or a thing."""
    words = name.split()
    if all(w.lower().rstrip(".") in NON_AGENTS for w in words):
        return False
    if len(words) > 1:
        return True
    word = words[0]
    sentence_initial = tokens.index(run[0]) == 0 or tokens[tokens.index(run[0]) - 1].text in (
        _QUOTE_MARKS | {"(", "—", "–"}
    )
    if sentence_initial and word.endswith("ly"):
        return False  # "Eventually recalled by ...": an adverb, capitalised to open the sentence
    if not sentence_initial or not word.endswith("s") or word.isupper():
        return True
    # Capitalised only because it opens the sentence: known names pass, "Emails" does not.
    return bool(
        word in context.surnames
        or word.lower() in first_name_genders()
        or word.lower() in GOVERNMENT_SEATS
        or word in ORG_ACRONYMS
        or word.lower() in ORG_WORDS
        or word.lower() in MORE_ORG_WORDS
        or any(word in org.split() for org in context.orgs)
    )


def _after_verb(
    text: str, tokens: list[_Token], index: int, context: SpeakerContext
) -> _Found | None:
    """The speaker named after the verb: `said Johannes Hahn, the budget commissioner`,
    `said Department of Correction spokesman Jason Kersten`, `he said`, `said researchers`."""
    if index >= len(tokens):
        return None
    pronoun = _pronoun(tokens[index])
    if pronoun:
        return pronoun
    if tokens[index].lower in _GENERIC:
        return _Found(kind="generic", generic=tokens[index].lower)
    phrase: list[_Token] = []
    for token in tokens[index:]:
        if token.text.endswith(("’s", "'s")):
            return None  # "said Velázquez's reversal hurt her": the clause said, not who
        if (
            _is_capitalised(token)
            or _is_title(token)
            or token.lower in PERSON_ROLES
            or (token.lower in _CONNECTORS and phrase)
            or (token.lower in {"a", "an", "the"} and not phrase)
        ):
            phrase.append(token)
        else:
            break
    while phrase and phrase[-1].lower in _CONNECTORS:
        phrase.pop()
    if not phrase:
        return None
    following = index + len(phrase)
    if following < len(tokens):
        word = tokens[following]
        if word.text[0].islower() and word.lower not in _AFTER_SPEAKER:
            return None
    last_role = max((i for i, t in enumerate(phrase) if t.text.islower()), default=-1)
    name_run = phrase[last_role + 1 :]
    if name_run and not all(_is_title(t) for t in name_run):
        name = _clean_run(text, name_run)
        if name and _can_speak(name, name_run, tokens, context):
            return _Found(name=name, kind="name")
        return None
    head = phrase[-1].lower
    described = text[phrase[0].start : phrase[-1].end]
    if head in _ORG_NOUNS:
        return _Found(kind="org-noun", generic=described)
    if head in PERSON_ROLES:
        return _Found(kind="role", generic=described)
    return None


def _subject_run(tokens: list[_Token], *, allow_comma: bool) -> list[_Token]:
    """The name the sentence opens with, when a verb (or, with ``allow_comma``, an apposition)
    follows it ("Japan has continued", "Mr Anderson, who quit")."""
    # Skip an opening adverbial: "However, despite maintaining its claim ..., Moscow has ..."
    commas = [i for i, t in enumerate(tokens[:25]) if t.text == ","]
    for start in [0] + [c + 1 for c in commas]:
        run = _name_after(tokens, start)
        if run and start + len(run) < len(tokens):
            following = tokens[start + len(run)]
            if (following.text.islower() and following.lower not in _CONNECTORS) or (
                allow_comma and following.text == "," and start == 0
            ):
                return run
    return []


def _subject(text: str, tokens: list[_Token]) -> str:
    run = _subject_run(tokens, allow_comma=False)
    return _clean_run(text, run) if run else ""


def _resolve_pronoun(gender: str, context: SpeakerContext) -> str:
    for name in context.recent_people():
        known = context.gender(name)
        if known and known != gender:
            continue
        if not known:
            context.genders[name] = gender  # "she said" tells us from now on
        return name
    return ""


def _resolve_org_noun(phrase: str, context: SpeakerContext) -> str:
    words = [w for w in re.findall(r"[\w’']+", phrase.lower()) if w not in _DETERMINERS]
    head = words[-1] if words else ""
    for org in reversed(context.orgs):
        lower = org.lower()
        if head in lower and all(w in lower for w in words):
            return org
    if len(words) == 1:
        for org in reversed(context.orgs):
            if head in org.lower():
                return org
        return ""  # a bare "the ministry" with no ministry named before: too vague
    return phrase  # "the national audit office": described well enough to call


def _resolve(found: _Found, context: SpeakerContext) -> str:
    if found.kind == "pronoun":
        return _resolve_pronoun(found.generic, context)
    if found.kind == "it":
        return context.orgs[-1] if context.orgs else ""
    if found.kind == "they":
        # Plural "they" for an organisation (British usage), only one seen in this paragraph
        # or the previous one; never a person.
        last = context.orgs[-1] if context.orgs else ""
        return last if last and context.org_paragraphs[last] >= context.paragraph - 1 else ""
    if found.kind == "org-noun":
        return _resolve_org_noun(found.generic, context)
    if found.kind == "role":
        lower = found.generic.lower()
        gender = "m" if any(w in MALE_WORDS for w in lower.split()) else ""
        gender = "f" if any(w in FEMALE_WORDS for w in lower.split()) else gender
        people = context.recent_people()
        if found.generic.split()[-1].lower() in _GENERIC_SINGULAR:
            if lower.startswith("the ") and context.previous_speaker in people[:1]:
                return (
                    context.previous_speaker
                )  # "Jo Ray, a spokeswoman, said ... The spokeswoman added"
            if context.previous_org:
                return f"{context.previous_org} {found.generic.split()[-1].lower()}"
            return ""
        for name in people:
            if not gender or context.gender(name) in {"", gender}:
                return name
        return ""
    if found.kind == "generic":
        if found.generic in _GENERIC_SINGULAR and context.previous_org:
            return f"{context.previous_org} {found.generic}"
        return ""
    if found.kind == "unnamed":
        return ""
    return _full_name(found.name, context)


def _full_name(name: str, context: SpeakerContext) -> str:
    if " " not in name and name in context.surnames:
        return context.surnames[name]
    return name


def _explicit(text: str, tokens: list[_Token], masked: str, context: SpeakerContext) -> str | None:
    """The speaker the sentence names, "" when it names an unnamed one ("officials said"),
    None when it names none."""
    # Verbs are found by token rather than by one regex alternation of a hundred verbs: this
    # runs on every sentence, and a set look-up per word is several times faster.
    quoted = masked != text
    verbs = [i for i, t in enumerate(tokens) if t.lower in _ANY_VERB and t.text[:1].islower()]
    generic_seen = False
    for i in verbs:
        lower = tokens[i].lower
        previous = tokens[i - 1].text if i else ""
        after_quote = previous in _CLOSING_MARKS or (
            previous == "," and i >= 2 and tokens[i - 2].text in _CLOSING_MARKS
        )
        if (after_quote and lower in _INVERTED_AFTER_QUOTE) or (
            previous == "," and lower in _INVERTED_AFTER_COMMA
        ):
            found = _after_verb(text, tokens, i + 1, context)
            if found is None:
                continue
            resolved = _resolve(found, context)
            if resolved:
                return resolved
            generic_seen = True
    passes = [
        [i for i in verbs if tokens[i].lower in ATTRIBUTION_VERBS],
        [
            i
            for i in verbs
            if tokens[i].lower in _THAT_VERBS and any(t.lower == "that" for t in tokens[i : i + 6])
        ],
    ]
    if quoted:
        passes.append([i for i in verbs if tokens[i].lower in _QUOTE_ONLY_VERBS])
    for indices in passes:
        for index in indices:
            if index + 1 < len(tokens) and tokens[index + 1].lower == "by":
                continue  # passive: "recalled by the Reich", "reported by Reuters"
            found = _before_verb(text, tokens, index, context)
            if found is None:
                continue
            resolved = _resolve(found, context)
            if resolved:
                return resolved
            if found.kind == "unnamed":
                return ""  # "the report said": the sentence says who, and it is no one
            # "Officials said ...": a speaker is named, just not who; keep looking for a name.
            generic_seen = True
    if "according" in masked or "According" in masked:
        for m in _ACCORDING_TO.finditer(masked):
            index = next((i for i, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
            skipped = 0
            while index < len(tokens) and tokens[index].lower in _SKIP_BEFORE_NAME and skipped < 6:
                index += 1
                skipped += 1
            name = _clean_run(text, _name_after(tokens, index))
            if name:
                return _resolve(_Found(name=name, kind="name"), context)
            generic_seen = True
    if generic_seen:
        return ""
    participle = any(
        t.lower in ATTRIBUTION_PARTICIPLES and i and tokens[i - 1].text == ","
        for i, t in enumerate(tokens)
    )
    if participle or (quoted and _has_real_quote(text)):
        subject = _subject(text, tokens)
        if subject:
            return _resolve(_Found(name=subject, kind="name"), context)
    return None


def _learn_names(text: str, tokens: list[_Token], context: SpeakerContext) -> None:
    """Remember the full personal names in the sentence ("Health secretary Matt Hancock",
    "Mr Hancock"), so later surnames resolve to them, with the gender a title or a given name
    shows."""
    genders = first_name_genders()
    n = len(tokens)
    i = 0
    while i < n:
        token = tokens[i]
        lower = token.lower
        titled = lower in MALE_WORDS or lower in FEMALE_WORDS
        given = lower in genders and _is_capitalised(token)
        if (titled or given) and i + 1 < n and _is_capitalised(tokens[i + 1]):
            j = i + 1 if titled else i
            run = _name_after(tokens, j)[:4]
            while run and (run[-1].lower in _CONNECTORS or run[-1].text in _POSTNOMINALS):
                run.pop()
            if run and run[-1].text.endswith(("’s", "'s")):
                run.pop()
            words = [t.text.rstrip(".") for t in run]
            if (
                words
                and not _is_org(" ".join(words))
                and words[-1].lower() not in _NOT_PERSON_ENDINGS
                and not any(_is_title(t) for t in run[1:])
            ):
                gender = (
                    "m"
                    if lower in MALE_WORDS
                    else "f"
                    if lower in FEMALE_WORDS
                    else genders.get(words[0].lower(), "")
                )
                if len(words) >= 2 and words[0].lower() in genders:
                    full = " ".join(words)
                    _register_name(full, context)
                    if gender:
                        context.genders.setdefault(full, gender)
                elif titled and len(words) == 1 and gender:
                    # "Mr Anderson" is the latest Anderson who can be a man, not Zoe Anderson.
                    namesakes = context.namesakes.get(words[0], [])
                    full = next(
                        (n for n in reversed(namesakes) if context.gender(n) in {"", gender}), ""
                    )
                    if full:
                        context.surnames[words[0]] = full
                        context.genders.setdefault(full, gender)
                    else:
                        context.surnames.pop(words[0], None)
            i = j + max(1, len(run))
            continue
        i += 1


def _learn_gender_from_pronouns(name: str, tokens: list[_Token], context: SpeakerContext) -> None:
    """`Zellweger ... for her performance`: a sentence about one person that uses only "her"
    or only "his" says which."""
    if context.gender(name):
        return
    lowers = {t.lower for t in tokens}
    male = bool(lowers & {"he", "his", "him", "himself"})
    female = bool(lowers & {"she", "her", "hers", "herself"})
    if male != female:
        context.genders[name] = "m" if male else "f"


def _remember(
    speaker: str,
    text: str,
    tokens: list[_Token],
    context: SpeakerContext,
    subject: str,
    subject_run: list[_Token],
) -> None:
    context.previous_speaker = speaker
    context.previous_org = ""
    last_word = speaker.rsplit(" ", 1)[-1] if " " in speaker else ""
    generic = last_word if last_word in _GENERIC else ""
    if generic:
        # "Russian Ministry of Foreign Affairs spokesperson" still speaks for the ministry.
        context.previous_org = speaker[: -len(generic) - 1]
    elif speaker and (_is_org(speaker) or speaker_type(speaker) != PERSON):
        _remember_org(speaker, context)
        context.previous_org = speaker
    elif speaker:
        _remember_person(speaker, context)
    subject_org = subject if _is_org(subject) else ""
    if subject_org:
        _remember_org(subject_org, context)
        context.previous_org = context.previous_org or subject_org
    # The person a sentence is about can be the "he" of the next: "Joe Biden joined calls
    # ... He said it had ...".
    run = subject_run
    if run:
        titled = any(_is_title(t) or t.lower in PERSON_ROLES for t in run)
        name = _full_name(_clean_run(text, run), context)
        if name and name != speaker and speaker_type(name) == PERSON and not _is_org(name):
            known = (
                titled
                or name in context.surnames.values()
                or name.split()[0].lower() in first_name_genders()
            )
            if known and "&" not in name and " and " not in name:
                _remember_person(name, context)
                _learn_gender_from_pronouns(name, tokens, context)


def _remember_person(name: str, context: SpeakerContext) -> None:
    context.people.append((name, context.paragraph))
    if len(context.people) > 64:
        del context.people[:32]
    if " " in name:
        _register_name(name, context)


def _register_name(full: str, context: SpeakerContext) -> None:
    """``full``'s surname now means ``full`` (the latest person of that name is meant)."""
    surname = full.rsplit(" ", 1)[-1]
    context.surnames[surname] = full
    namesakes = context.namesakes.setdefault(surname, [])
    if full in namesakes:
        namesakes.remove(full)
    namesakes.append(full)


def _remember_org(org: str, context: SpeakerContext) -> None:
    if org in context.orgs:
        context.orgs.remove(org)
    context.orgs.append(org)
    context.org_paragraphs[org] = context.paragraph


def find_speaker(text: str, context: SpeakerContext, *, continues_quote: bool = False) -> str:
    """The speaker of ``text`` ("" when the text names none); updates ``context``.

    ``continues_quote`` says the sentence starts inside a quotation opened by an earlier
    sentence, whose speaker it then inherits unless it names its own.
    """
    masked = _mask_quotes(text, continues_quote)
    tokens = _tokenise(masked)
    _learn_names(text, tokens, context)
    speaker = _explicit(text, tokens, masked, context)
    if speaker is None:
        speaker = context.previous_speaker if continues_quote else ""
    # The sentence's opening name, with or without an apposition after it ("Mr Anderson, who
    # quit ..."): computed once, read twice.
    run = _subject_run(tokens, allow_comma=True)
    if run and tokens[tokens.index(run[0]) + len(run)].text == ",":
        subject = _subject(text, tokens)
    else:
        subject = _clean_run(text, run) if run else ""
    _remember(speaker, text, tokens, context, subject, run)
    return speaker
