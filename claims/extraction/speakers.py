"""Who a sentence (a claim unit: one sentence, or a whole quotation with its attribution)
attributes its statement to. Name runs come from claims.extraction.names; what the document has
said about who is who (and how a pronoun or a surname resolves) from claims.extraction.people.

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

import re
from dataclasses import dataclass

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
    tokenise,
)
from claims.extraction.people import (
    DETERMINERS,
    GENERIC,
    GENERIC_SINGULAR,
    SpeakerContext,
    first_name_genders,
    full_name,
    learn_names,
    remember,
    resolve_org_noun,
    resolve_pronoun,
)
from claims.extraction.quotations import has_real_quote, mask_quotes
from claims.extraction.speaker_types import PERSON, speaker_type

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
_QUOTE_MARKS = frozenset({"“", "”", '"'})
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
# Lower-case nouns for a person that make the capitalised words before them a description:
# "a former UC Global worker", "a White House official".
_SOURCE_NOUNS = (
    GENERIC
    | PERSON_ROLES
    | word_set("worker workers employee employees staffer staffers source sources insider")
)
# Words after a participle that make it describe the noun before it: "a video posted after".
# Lower-case words around a name that show it is not a clause's subject.
_NOT_A_VERB = CONNECTORS | word_set("or nor but as than like")
# Capitalised words for a party's member: "the California Republican said" is a person.
_PARTY_MEMBERS = word_set("republican democrat tory")
_COUNT_WORDS = word_set("one two three four five six seven eight nine ten")
_AFTER_PARTICIPLE = word_set("""
    after before during last earlier monday tuesday wednesday thursday friday saturday
    sunday""")
# Verbs that put a quotation in their subject's mouth when one follows them: "Mann calls
# Hansen's arguments “misguided policy advocacy”", "Lehmacher called the impact "pretty
# minimal"". Never after a form of "be": "has been described as “...”" names no one.
_NAMING_VERBS = word_set("""
    called calls labeled labelled labels dubbed dubs branded brands described describes""")
_BE = word_set("is are was were be been being")
# "Patrol Chief James Hall with the New York Police Department said", "Jane Smith of the Port
# Authority said", "American Airlines' Kent Powell reported": a person and whom they speak for.
_AFFILIATION_WORDS = word_set("of with at from")
_AFFILIATED = re.compile(r"^(?P<person>.+?)\s+(?:of|with|at|from)\s+(?:the\s+)?(?P<org>[A-Z].*)$")
_POSSESSOR = re.compile(r"^(?P<org>.+?s)[’']\s+(?P<person>[A-Z].*)$")
_PRONOUNS = {"he": "m", "she": "f"}


@dataclass(frozen=True)
class _Found:
    name: str = ""
    # "name", "pronoun", "they", "it", "generic", "org-noun", "role", "unnamed"
    kind: str = ""
    generic: str = ""  # the generic word, the org noun phrase, or the pronoun's gender
    at: int = -1  # a pronoun's token index in the sentence


def _pronoun(token: Token, at: int = -1) -> _Found | None:
    if token.lower in _PRONOUNS:
        return _Found(kind="pronoun", generic=_PRONOUNS[token.lower], at=at)
    if token.lower == "they":
        return _Found(kind="they")
    if token.lower == "it":
        return _Found(kind="it")
    return None


def _description_before(text: str, tokens: list[Token], i: int) -> _Found | None:
    """A speaker described, not named, ending at index ``i``: "the national audit office",
    "the council's transport committee", "the Conservative MP", "the employers"."""
    j = i
    while j > 0 and i - j < 5 and tokens[j - 1].lower not in DETERMINERS:
        previous = tokens[j - 1]
        if not previous.text[0].isalpha() or previous.lower in ATTRIBUTION_VERBS:
            return None
        j -= 1
    if j == 0 or tokens[j - 1].lower not in DETERMINERS:
        return None
    head = tokens[i].lower
    phrase = text[tokens[j - 1].start : tokens[i].end]
    if tokens[j - 1].lower in {"a", "an"} and head not in GENERIC:
        return _Found(kind="unnamed")  # "a local resident complained": someone new, unnamed
    if head in _ORG_NOUNS:
        return _Found(kind="org-noun", generic=phrase)
    if head in PERSON_ROLES or head in GENERIC_SINGULAR:
        return _Found(kind="role", generic=phrase)
    if tokens[i].text.islower():
        return _Found(kind="unnamed")  # "the report said", "the employers said"
    return None


def _confirms_someone(tokens: list[Token], index: int) -> bool:
    """Whether "confirmed" at ``index`` confirms a person in a post ("the Senate confirmed
    Prelogar by a vote", "confirmed Jane Doe as chair") rather than a fact."""
    if tokens[index].lower not in {"confirmed", "confirms", "confirm"}:
        return False
    run = name_after(tokens, index + 1)
    after = index + 1 + len(run)
    return bool(run) and after < len(tokens) and tokens[after].lower in {"by", "as", "to", "for"}


def _reduced_relative(tokens: list[Token], index: int) -> bool:
    """Whether the verb at ``index`` is a past participle describing the noun before it ("a
    video posted after the killings", "a statement released on Monday") rather than that
    noun's verb of saying."""
    verb = tokens[index].lower
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        verb.endswith("ed")
        and following is not None
        and (following.lower in _PREPOSITIONS or following.lower in _AFTER_PARTICIPLE)
    )


def _before_verb(
    text: str, tokens: list[Token], verb_index: int, context: SpeakerContext
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
    pronoun = _pronoun(token, i)
    if pronoun:
        return pronoun
    if token.lower in {"and", "but"} and i > 0:
        # "Jennifer Robinson attended the meeting and claimed ...": the sentence's subject.
        run = _opening_subject(tokens)
        name = clean_run(text, run) if run else ""
        known = name in context.surnames or name in context.surnames.values()
        if name and (known or _personal(name) or any(w in ORG_WORDS for w in name.lower().split())):
            return _named(text, tokens, run, context)
        return None  # "These SMS messages add ... and tells": not a speaker's name
    if token.lower in GENERIC and not (i > 0 and tokens[i - 1].lower == "the"):
        return _Found(kind="generic", generic=token.lower)
    if token.text[0].islower() and token.text[0].isalpha():
        return _description_before(text, tokens, i)
    if token.text == ",":
        return _apposition(text, tokens, i, context)
    run = name_before(tokens, i + 1)
    for p in range(1, len(run) - 1):
        if (
            run[p].lower in {"for", "of"}
            and is_title(run[p - 1])
            and run[p + 1].lower not in PORTFOLIO_WORDS
        ):
            # "The MP for Newcastle Central said": a role and a place, no name.
            return _Found(kind="role", generic=text[run[0].start : run[-1].end])
    first = tokens.index(run[0]) if run else 0
    if (
        run
        and (run[-1].lower in PERSON_ROLES or run[-1].lower in _PARTY_MEMBERS)
        and not is_org(text[run[0].start : run[-1].end])
        and first > 0
        and tokens[first - 1].lower == "the"
    ):
        # "the Conservative MP said", "the California Republican said": a person named before.
        return _Found(kind="role", generic=text[tokens[first - 1].start : run[-1].end])
    return _named(text, tokens, run, context)


def _apposition(
    text: str, tokens: list[Token], comma: int, context: SpeakerContext
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
    before = name_before(tokens, j)
    if all(is_title(t) for t in before):
        before = []  # "The company's chief executive, Jane Doe, said": a role, no name
    described = tokens[j - 1].text.islower()
    if between and is_capitalised(between[0]) and (described or not before):
        run = name_after(tokens, j + 1)
        if run and len(run) == len(between):
            return _named(text, tokens, run, context)
    return _named(text, tokens, before, context)


def _named(
    text: str, tokens: list[Token], run: list[Token], context: SpeakerContext
) -> _Found | None:
    while run and (
        run[0].lower in SENTENCE_STARTERS
        or (run[0].lower in CONNECTORS and not run[0].text.isupper())
    ):
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
        if tokens[k].lower in _AFFILIATION_WORDS and is_org(clean_run(text, run)):
            # "Patrol Chief James Hall with the New York Police Department said"
            person = clean_run(text, name_before(tokens, k))
            if person and _personal(person):
                return _Found(name=person, kind="name")
        if tokens[k].lower in {"for", "of", "at", "from"} and generic in GENERIC:
            # The sentence says whose: "a spokesperson for the Ministry", "scientists at ICES".
            name = clean_run(text, run)
            if name:
                return _Found(name=f"{name} {generic}", kind="name")
            return _Found(kind="generic", generic=generic)
        if tokens[k].lower in {"from", "by"} and generic in _DATA_NOUNS:
            name = clean_run(text, run)  # "Figures from the European Centre ... revealed"
            return _Found(name=name, kind="name") if name else None
        return None  # "the MP for Newcastle Central said": a place, not the speaker
    if k >= 0 and tokens[k].lower in _CONDITIONALS:
        return None  # "If Marmorato maintains her lead"
    name = clean_run(text, run)
    if not name or not _can_speak(name, run, tokens, context):
        return None
    return _Found(name=_person_in(name), kind="name")


def _personal(name: str) -> bool:
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


def _person_in(name: str) -> str:
    """The person in a name run that also names whom they speak for: "Jane Smith of the Port
    Authority" and "American Airlines' Kent Powell" are Jane Smith and Kent Powell. The
    organisation part must read as one (is_org), so "Bank of England" stays whole."""
    for pattern in (_AFFILIATED, _POSSESSOR):
        m = pattern.match(name)
        if m and is_org(m.group("org")) and _personal(m.group("person")):
            return m.group("person")
    return name


def _can_speak(name: str, run: list[Token], tokens: list[Token], context: SpeakerContext) -> bool:
    """Whether ``name`` can be an agent rather than a date, a plural or a thing."""
    words = name.split()
    if all(w.lower().rstrip(".") in NON_AGENTS for w in words):
        return False
    if words[0].lower() in _COUNT_WORDS and words[-1].islower():
        return False  # "One former business partner said": a count and a role, no name
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
    text: str, tokens: list[Token], index: int, context: SpeakerContext
) -> _Found | None:
    """The speaker named after the verb: `said Johannes Hahn, the budget commissioner`,
    `said Department of Correction spokesman Jason Kersten`, `he said`, `said researchers`."""
    if index >= len(tokens):
        return None
    pronoun = _pronoun(tokens[index], index)
    if pronoun:
        return pronoun
    if tokens[index].lower in GENERIC:
        return _Found(kind="generic", generic=tokens[index].lower)
    phrase: list[Token] = []
    for token in tokens[index:]:
        if token.text.endswith(("’s", "'s")):
            return None  # "said Velázquez's reversal hurt her": the clause said, not who
        if (
            is_capitalised(token)
            or is_title(token)
            or token.lower in PERSON_ROLES
            or (token.lower in CONNECTORS and phrase)
            or (token.lower in {"a", "an", "the"} and not phrase)
        ):
            phrase.append(token)
        else:
            break
    while phrase and phrase[-1].lower in CONNECTORS:
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
    if name_run and not all(is_title(t) for t in name_run):
        name = clean_run(text, name_run)
        if name and _can_speak(name, name_run, tokens, context):
            return _Found(name=_person_in(name), kind="name")
        return None
    head = phrase[-1].lower
    described = text[phrase[0].start : phrase[-1].end]
    if head in _ORG_NOUNS:
        return _Found(kind="org-noun", generic=described)
    if head in PERSON_ROLES:
        return _Found(kind="role", generic=described)
    return None


def _subject_run(tokens: list[Token], *, allow_comma: bool) -> list[Token]:
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
        if run and start + len(run) < len(tokens):
            following = tokens[start + len(run)]
            if (following.text.islower() and following.lower not in CONNECTORS) or (
                allow_comma and following.text == "," and start == 0
            ):
                return run
    return []


def _people_named(tokens: list[Token], context: SpeakerContext) -> list[str]:
    """The known people the sentence names, in order (a known surname, as its full name)."""
    named: list[str] = []
    for token in tokens:
        full = context.surnames.get(token.text)
        if full and full not in named and speaker_type(full) == PERSON:
            named.append(full)
    return named


def _clause_subjects(tokens: list[Token], context: SpeakerContext) -> list[tuple[int, str]]:
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
        if before in _PREPOSITIONS or before in DETERMINERS or before in _NOT_A_VERB:
            continue
        found.append((i, full))
    return found


def _opening_subject(tokens: list[Token]) -> list[Token]:
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
    if not run or end >= len(tokens) or not tokens[end].text.islower():
        return []
    if all(t.lower in SENTENCE_STARTERS for t in run):
        return []
    return run


def _subject(text: str, tokens: list[Token]) -> str:
    run = _subject_run(tokens, allow_comma=False)
    return clean_run(text, run) if run else ""


def _resolve(found: _Found, context: SpeakerContext) -> str:
    if found.kind == "pronoun":
        # "When Morales was asked ..., he confirmed it": the subject of an earlier clause of
        # the same sentence comes first.
        for at, name in reversed(context.clause_subjects):
            if at < found.at and context.gender(name) in {"", found.generic}:
                return name
        return resolve_pronoun(found.generic, context)
    if found.kind == "it":
        return context.orgs[-1] if context.orgs else ""
    if found.kind == "they":
        # Plural "they" for an organisation (British usage), only one seen in this paragraph
        # or the previous one; never a person.
        last = context.orgs[-1] if context.orgs else ""
        return last if last and context.org_paragraphs[last] >= context.paragraph - 1 else ""
    if found.kind == "org-noun":
        return resolve_org_noun(found.generic, context)
    if found.kind == "role":
        lower = found.generic.lower()
        gender = "m" if any(w in MALE_WORDS for w in lower.split()) else ""
        gender = "f" if any(w in FEMALE_WORDS for w in lower.split()) else gender
        people = context.recent_people()
        if found.generic.split()[-1].lower() in GENERIC_SINGULAR:
            if lower.startswith("the ") and context.previous_speaker in people[:1]:
                return (
                    context.previous_speaker
                )  # "Jo Ray, a spokeswoman, said ... The spokeswoman added"
            if context.previous_org:
                return f"{context.previous_org} {found.generic.split()[-1].lower()}"
            return ""
        # "... with Rep. Ed Royce, the chairman of the committee, the California Republican
        # said": a person named earlier in the same sentence comes first.
        for name in [*reversed(context.sentence_people), *people]:
            if not gender or context.gender(name) in {"", gender}:
                return name
        return ""
    if found.kind == "generic":
        if found.generic in GENERIC_SINGULAR and context.previous_org:
            return f"{context.previous_org} {found.generic}"
        return ""
    if found.kind == "unnamed":
        return ""
    return full_name(found.name, context)


def _explicit(text: str, tokens: list[Token], masked: str, context: SpeakerContext) -> str | None:
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
        passes.append(
            [
                i
                for i, t in enumerate(tokens)
                if t.lower in _NAMING_VERBS
                and t.text.islower()
                and not (i and tokens[i - 1].lower in _BE)
                and any(u.text in _QUOTE_MARKS for u in tokens[i + 1 :])
            ]
        )
    for indices in passes:
        for index in indices:
            if index + 1 < len(tokens) and tokens[index + 1].lower == "by":
                continue  # passive: "recalled by the Reich", "reported by Reuters"
            if _confirms_someone(tokens, index):
                continue  # "the Senate confirmed Prelogar by a vote of 53-36"
            if index and tokens[index - 1].lower in DETERMINERS:
                continue  # an adjective: "the alleged relationship", "an estimated 500"
            found = _before_verb(text, tokens, index, context)
            if found is None:
                continue
            resolved = _resolve(found, context)
            if resolved:
                return resolved
            if found.kind == "unnamed":
                if _reduced_relative(tokens, index):
                    continue  # "In a video posted after the killings, Mateen said: ..."
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
            run = name_after(tokens, index)
            while run and run[-1].text.islower() and len(run) > 1:
                run = run[:-1]  # "former UC Global worker": the role ends the name
            after = index + len(run)
            if run and after < len(tokens) and tokens[after].lower in _SOURCE_NOUNS:
                # "according to a former UC Global worker": someone unnamed at UC Global,
                # unless a name follows the role ("NHS England chief executive Simon Stevens").
                while after < len(tokens) and tokens[after].lower in _SOURCE_NOUNS:
                    after += 1
                run = name_after(tokens, after)
            name = clean_run(text, run)
            if name:
                return _resolve(_Found(name=_person_in(name), kind="name"), context)
            generic_seen = True
    if generic_seen:
        return ""
    participle = any(
        t.lower in ATTRIBUTION_PARTICIPLES and i and tokens[i - 1].text == ","
        for i, t in enumerate(tokens)
    )
    if participle or (quoted and has_real_quote(text)):
        run = _subject_run(tokens, allow_comma=False)
        subject = clean_run(text, run) if run else ""
        if subject and _can_speak(subject, run, tokens, context):
            # "Governments will have to ..., they argue, adding ...": not a speaker
            return _resolve(_Found(name=subject, kind="name"), context)
    return None


def find_speaker(text: str, context: SpeakerContext, *, continues_quote: bool = False) -> str:
    """The speaker of ``text`` ("" when the text names none); updates ``context``.

    ``continues_quote`` says the sentence starts inside a quotation opened by an earlier
    sentence, whose speaker it then inherits unless it names its own.
    """
    masked = mask_quotes(text, continues_quote)
    tokens = tokenise(masked)
    learn_names(text, tokens, context)
    context.clause_subjects = _clause_subjects(tokens, context)
    context.sentence_people = _people_named(tokens, context)
    speaker = _explicit(text, tokens, masked, context)
    if speaker is None:
        speaker = context.previous_speaker if continues_quote else ""
    # The sentence's opening name, with or without an apposition after it ("Mr Anderson, who
    # quit ..."): computed once, read twice.
    run = _subject_run(tokens, allow_comma=True)
    if run and tokens[tokens.index(run[0]) + len(run)].text == ",":
        subject = _subject(text, tokens)
    else:
        subject = clean_run(text, run) if run else ""
    remember(speaker, text, tokens, context, subject, run)
    return speaker
