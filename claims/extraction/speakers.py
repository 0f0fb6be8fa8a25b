"""Who a sentence attributes its statement to.

Pattern rules over capitalised words, in this order: a verb right after a closing quote
(`"...," said Johannes Hahn`), a name before an attribution verb (`Moscow maintains that`,
`Katsunobo Kato, the chief secretary ..., suggested`), `according to X`, a subject followed by
", arguing that", and finally the subject of a sentence that carries a direct quote.

Context kept per document (``SpeakerContext``):
- "he"/"she" resolve to the most recent *person* speaker, "it" to the most recent organisation;
- a bare surname ("Kato said") resolves to the full name given earlier ("Katsunobo Kato");
- a sentence that starts inside an open quote keeps the previous sentence's speaker;
- an unnamed "spokesperson"/"official" is named after the organisation the previous sentence
  was about or spoke for, e.g. "Russian Ministry of Foreign Affairs spokesperson". We chose this
  over "" because editors asked who to call for a comment; plural "officials" or "sources" stay
  "" because they could be anyone's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from claims.extraction.lexicon import (
    ATTRIBUTION_PARTICIPLES,
    ATTRIBUTION_VERBS,
    ORG_WORDS,
    PORTFOLIO_WORDS,
    SENTENCE_STARTERS,
    SPEAKER_FILLERS,
    TITLES,
    word_set,
)

_TOKEN = re.compile(r"[A-Za-z0-9][\w’'.&-]*|[,;:“”\"()—–]")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_VERB = re.compile(r"\b(?:" + "|".join(sorted(ATTRIBUTION_VERBS, key=len, reverse=True)) + r")\b")
_INVERTED = re.compile(
    r"[”\"’]\s*,?\s*(?:" + "|".join(sorted(ATTRIBUTION_VERBS, key=len, reverse=True)) + r")\s+"
)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_PARTICIPLE = re.compile(
    r",\s*(?:" + "|".join(sorted(ATTRIBUTION_PARTICIPLES, key=len, reverse=True)) + r")\b"
)
_QUOTE = re.compile(r"[“\"][^”\"]{12,}")
# Lower-case words that may sit inside a name: "International Council for the Exploration of
# the Sea". They only count between capitalised words.
_CONNECTORS = frozenset(
    {"of", "for", "the", "&", "and", "de", "von", "van", "der", "al", "bin", "la", "on"}
)
# Unnamed speakers. The singular ones can be named after an organisation in context.
_GENERIC_SINGULAR = word_set("spokesperson spokesman spokeswoman representative official")
_GENERIC_PLURAL = word_set("""
    officials sources source aides aide diplomats diplomat analysts analyst experts expert
    observers critics residents witnesses lawmakers researchers scientists spokespeople
    people reports statement""")
# "the ministry said" refers back to the last organisation with that word in its name.
_ORG_NOUNS = word_set("""
    ministry department government agency commission company newspaper court police
    council committee union party bank authority office kremlin""")
_SKIP_BEFORE_NAME = word_set("""
    a an the report reports data figures statistics estimates study survey research
    analysis new latest recent official officials published released by from of compiled
    provided""")


@dataclass
class SpeakerContext:
    """What earlier sentences of the same document said about who is speaking."""

    surnames: dict[str, str] = field(default_factory=dict)  # "Kato" -> "Katsunobo Kato"
    last_person: str = ""
    orgs: list[str] = field(default_factory=list)  # most recent last
    previous_speaker: str = ""
    previous_org: str = ""  # organisation the previous sentence spoke for or was about


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
    return lower in TITLES or lower in {"former", "ex", "then", "late"}


def _is_org(name: str) -> bool:
    words = name.split()
    if any(w.rstrip(".").lower() in ORG_WORDS for w in words):
        return True
    return len(words) == 1 and len(words[0]) >= 2 and words[0].replace(".", "").isupper()


def _strip_titles(tokens: list[_Token]) -> list[_Token]:
    """Drop "ex-President", "Russian Foreign Minister" ... before the person's own name."""
    if _is_org(" ".join(t.text for t in tokens)):
        return tokens
    last_title = max((i for i, t in enumerate(tokens) if _is_title(t)), default=-1)
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
    while run and run[-1].lower in _CONNECTORS:
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
    kind: str = ""  # "name", "he", "it", "generic", "org-noun"
    generic: str = ""


def _before_verb(text: str, tokens: list[_Token], verb_index: int) -> _Found | None:
    i = verb_index - 1
    while i >= 0 and (
        tokens[i].lower in SPEAKER_FILLERS
        or (tokens[i].lower.endswith("ly") and tokens[i].text.islower())
    ):
        i -= 1
    if i < 0:
        return None
    token = tokens[i]
    if token.lower in {"he", "she"}:
        return _Found(kind="he")
    if token.lower == "it":
        return _Found(kind="it")
    if token.lower in _GENERIC_SINGULAR | _GENERIC_PLURAL:
        return _Found(kind="generic", generic=token.lower)
    if token.lower in _ORG_NOUNS and i > 0 and tokens[i - 1].lower == "the":
        return _Found(kind="org-noun", generic=token.lower)
    if token.text == ",":
        # An appositive: "Katsunobo Kato, the chief secretary of the cabinet, suggested".
        j = i - 1
        while j >= 0 and tokens[j].text != "," and i - j <= 16:
            j -= 1
        if j <= 0 or tokens[j].text != ",":
            return None
        i = j
    run = _name_before(tokens, i + 1 if token.text != "," else i)
    if not run:
        return None
    # "a spokesperson for the Russian Ministry of Foreign Affairs said"
    k = tokens.index(run[0]) - 1
    if k >= 0 and tokens[k].lower == "the":
        k -= 1
    if k >= 1 and tokens[k].lower in {"for", "of", "at", "from"}:
        generic = tokens[k - 1].lower
        if generic in _GENERIC_SINGULAR | _GENERIC_PLURAL:
            # The sentence says whose: "a spokesperson for the Ministry", "scientists at ICES".
            name = _clean_run(text, run)
            if name:
                return _Found(name=f"{name} {generic}", kind="name")
            return _Found(kind="generic", generic=generic)
    name = _clean_run(text, run)
    return _Found(name=name, kind="name") if name else None


def _subject(text: str, tokens: list[_Token]) -> str:
    """The name the sentence opens with, when a verb follows it ("Japan has continued")."""
    # Skip an opening adverbial: "However, despite maintaining its claim ..., Moscow has ..."
    commas = [i for i, t in enumerate(tokens[:25]) if t.text == ","]
    candidates = [0] + [c + 1 for c in commas]
    for start in candidates:
        run = _name_after(tokens, start)
        if run and start + len(run) < len(tokens):
            following = tokens[start + len(run)]
            if following.text.islower() and following.lower not in _CONNECTORS:
                name = _clean_run(text, run)
                if name:
                    return name
    return ""


def _resolve(found: _Found, context: SpeakerContext) -> str:
    if found.kind == "he":
        return context.last_person
    if found.kind == "it":
        return context.orgs[-1] if context.orgs else ""
    if found.kind == "org-noun":
        for org in reversed(context.orgs):
            if found.generic in org.lower():
                return org
        return ""
    if found.kind == "generic":
        if found.generic in _GENERIC_SINGULAR and context.previous_org:
            return f"{context.previous_org} {found.generic}"
        return ""
    name = found.name
    if " " not in name and name in context.surnames:
        return context.surnames[name]
    return name


def _explicit(text: str, tokens: list[_Token], context: SpeakerContext) -> str | None:
    """The speaker the sentence names, None when it names none."""
    for m in _INVERTED.finditer(text):
        index = next((i for i, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
        if index < len(tokens) and tokens[index].lower in {"he", "she"}:
            return context.last_person
        name = _clean_run(text, _name_after(tokens, index))
        if name:
            return _resolve(_Found(name=name, kind="name"), context)
    generic_seen = False
    for m in _VERB.finditer(text):
        index = next((i for i, t in enumerate(tokens) if t.start >= m.start()), len(tokens))
        found = _before_verb(text, tokens, index)
        if found is None:
            continue
        resolved = _resolve(found, context)
        if resolved:
            return resolved
        # "Officials said ...": a speaker is named, just not who; keep looking for a name.
        generic_seen = generic_seen or found.kind == "generic"
    for m in _ACCORDING_TO.finditer(text):
        index = next((i for i, t in enumerate(tokens) if t.start >= m.end()), len(tokens))
        skipped = 0
        while index < len(tokens) and tokens[index].lower in _SKIP_BEFORE_NAME and skipped < 6:
            index += 1
            skipped += 1
        name = _clean_run(text, _name_after(tokens, index))
        if name:
            return _resolve(_Found(name=name, kind="name"), context)
        generic_seen = True
    if _PARTICIPLE.search(text) or _QUOTE.search(text):
        subject = _subject(text, tokens)
        if subject:
            return _resolve(_Found(name=subject, kind="name"), context)
    return "" if generic_seen else None


def _remember(speaker: str, subject_org: str, context: SpeakerContext) -> None:
    context.previous_speaker = speaker
    context.previous_org = ""
    generic = next(
        (g for g in _GENERIC_SINGULAR | _GENERIC_PLURAL if speaker.endswith(" " + g)), ""
    )
    if generic:
        # "Russian Ministry of Foreign Affairs spokesperson" still speaks for the ministry.
        context.previous_org = speaker[: -len(generic) - 1]
    elif speaker and _is_org(speaker):
        _remember_org(speaker, context)
        context.previous_org = speaker
    elif " " in speaker:
        # Single words ("Moscow") may be places; only full names are people "he" can refer to.
        context.last_person = speaker
        context.surnames.setdefault(speaker.split()[-1], speaker)
    if subject_org:
        _remember_org(subject_org, context)
        context.previous_org = context.previous_org or subject_org


def _remember_org(org: str, context: SpeakerContext) -> None:
    if org in context.orgs:
        context.orgs.remove(org)
    context.orgs.append(org)


def find_speaker(text: str, context: SpeakerContext, *, continues_quote: bool = False) -> str:
    """The speaker of ``text`` ("" when the text names none); updates ``context``.

    ``continues_quote`` says the sentence starts inside a quotation opened by an earlier
    sentence, whose speaker it then inherits unless it names its own.
    """
    tokens = _tokenise(text)
    speaker = _explicit(text, tokens, context)
    if speaker is None:
        speaker = context.previous_speaker if continues_quote else ""
    subject = _subject(text, tokens)
    _remember(speaker, subject if _is_org(subject) else "", context)
    return speaker
