"""Transcripts: a debate, a hearing or a broadcast pasted with its speaker labels.

    JEROME POWELL: We're not yet confident that inflation is moving down to 2%.
    SCOTT HORSLEY, BYLINE: Powell told reporters the Fed expects to cut rates.
    HORSLEY: Unemployment has been below 4% for two years.

A label in capitals opening a line names who speaks from there to the next label (the same
paragraph and the ones after it: "MARY LOUISE KELLY, HOST:" often stands on a line of its own).
The pipeline cuts the label off the text, and gives each sentence of the turn that names no
speaker of its own (a reporting verb still wins: "Powell told reporters ..." in the reporter's
turn is Powell's) to the label's person.

Only a text whose labels name two people or more is a transcript. A label names a person when
it has two words or more ("JEROME POWELL", "SEN. ELIZABETH WARREN"), is the surname of a longer
label of the same text ("HORSLEY"), or is one word that opens two turns or more ("TRUMP:",
"BIDEN:"); never a live blog's or a page's label ("UPDATE:", "WATCH:", "BREAKING:"), so those
stay sentences. A role ("MODERATOR:", "Q:") opens a turn that is nobody's.

Other forms are read the same way: names as transcription services write a debate ("Donald
Trump: (00:15)", with a timestamp or a given name) or as Hansard does (a seat and party in
brackets, "Ed Davey (Kingston and Surbiton) (LD):"; an office before its holder's name, "The
Prime Minister (Keir Starmer):"; "Mr Speaker:" nobody's); an interview of questions and answers
("Q: ..." / "A: ..."), whose answers are the one person the text names before the first
question; an earnings call's, a podcast's or a press conference's labels ("Jane Miller, Chief
Executive Officer:", "[00:01:08] Maria Chen:", "Chief Constable Andy Marsh:"; "Operator:",
"Host:" and "Reporter:" nobody's; one guest beside a host is enough); a parliament's written
question and answer ("Asked by ...:", "Answered by ...:"); and an interview labelled by surnames
("Okafor: ...") of people the text names in full before the first label ("Dr Maria Okafor and
Prof James Hill").
"""

from __future__ import annotations

import re
from collections import Counter

from claims.extraction.given_names import first_name_genders
from claims.extraction.lexicon import TITLES, word_set
from claims.extraction.names import Token, clean_run, is_title, tokenise
from claims.extraction.small_words import is_a_word

TRANSCRIPT_LABEL = "transcript speaker label"

_LABEL = re.compile(
    r"^(?P<name>[A-Z][A-Z'’.-]*(?:[ \t]+[A-Z][A-Z'’.-]*){0,3})"
    r"(?:[ \t]*\([A-Z]{1,2}(?:-[A-Z]{2,3})?\))?"  # "(D-N.Y.)"-style party, as "(R)" or "(D-MA)"
    r"(?:,[ \t]*[A-Z][A-Z ,'’.&-]{1,40}?)?"  # ", HOST", ", BYLINE", ", MODERATOR"
    r":(?:[ \t]+|$)",
    re.MULTILINE,
)
_TITLES = word_set("SEN. SEN REP. REP GOV. GOV PRESIDENT SENATOR DR. DR MR. MR MS. MS MRS. MRS")
# Labels of someone the transcript does not name: their turn is nobody's.
_ROLE_LABELS = word_set("""
    MODERATOR ANNOUNCER AUDIENCE CROWD UNIDENTIFIED HOST INTERVIEWER REPORTER CORRESPONDENT
    PARTICIPANT PARTICIPANTS SPEAKER VOICE NARRATOR QUESTION ANSWER Q A""")
# Labels of page furniture and live blogs, never a speaker however often they recur.
_NOT_NAMES = word_set("""
    UPDATE UPDATED WATCH BREAKING READ RELATED NOTE LIVE VIDEO PHOTOS PHOTO CORRECTION ANALYSIS
    OPINION EXCLUSIVE SOURCE SOURCES ALSO MORE LISTEN SEE CLICK ADVERTISEMENT EDITOR WARNING
    ALERT FACT CLAIM VERDICT RATING CONTEXT BACKGROUND SUMMARY TIMELINE EARLIER LATER TOPICS
    TAGS SHARE EMAIL PHONE DATE TIME WHERE WHEN WHO WHAT WHY HOW STEP PART CHAPTER SECTION
    ARTICLE EPISODE TRANSCRIPT END BEGIN NB PS FACTS ASSESSMENT FINDINGS CONCLUSION""")
_MIN_TURNS = 2


# As transcription services write a debate: "Donald Trump: (00:12)", "Chris Wallace: (01:05)
# Good evening". Read only with the timestamp or when the label begins with a given name.
# As Hansard writes a debate, a member's seat and party in brackets ("Ed Davey (Kingston and
# Surbiton) (LD):"), a minister's office before the name ("The Prime Minister (Keir Starmer):").
# An earnings call or a podcast adds the speaker's role or firm after a comma ("Jane Miller,
# Chief Executive Officer:", "Sarah Lin, Morgan Stanley:"), or a timestamp before the name
# ("[00:01:08] Maria Chen:"), and labels the call's operator or the show's host by the role
# alone ("Operator:", "[00:00:12] Host:").
_NAMED_LABEL = re.compile(
    r"^(?P<before>\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*)?"
    r"(?P<name>[A-Z][a-z’'.-]+(?:[ \t]+(?:[A-Z][A-Za-z’'.-]+|de|van|von|der|al|bin|la|le|of|the"
    r"|for|and)){0,8}?)(?P<seat>(?:[ \t]*\([^()\n]{1,60}\)){1,2})?"
    r"(?P<role>,[ \t]+[A-Z][\w’'.&-]*(?:[ \t]+(?:[A-Z][\w’'.&-]*|of|and|&|the|for)){0,6})?"
    r":[ \t]*(?P<stamp>\(\d{1,2}:\d{2}(?::\d{2})?\))?[ \t]*",
    re.MULTILINE,
)
_ROLE_ONLY_LABELS = word_set("""
    Operator Host Presenter Moderator Interviewer Announcer Audience Question Answer Narrator
    Reporter Journalist""")
# The chair of a debate: its turns are nobody's ("Mr Speaker: Order.").
_CHAIR = re.compile(r"(?:Mr|Madam|Madame)\.?[ \t]+(?:Deputy[ \t]+)?Speaker|The[ \t]+Speaker")


def transcript_turns(text: str) -> dict[int, tuple[int, str]]:
    """Where each speaker label starts -> (where the turn's text starts, the person; "" for a
    role such as "MODERATOR"), for a text that reads as a transcript: two people or more, each
    labelled; {} for any other text."""
    if ":" not in text and not _PARTY_LINE.search(text):
        return _interview(text)  # "Q. What happened?" / "A. A 6.2-magnitude earthquake ..."
    return (
        _labelled_in_capitals(text)
        or _labelled_by_name(text)
        or _interview(text)
        or _labelled_by_surname(text)
        or _written_question(text)
    )


# A parliament's written question and its answer, each labelled with who asked or answered:
# "Asked by Sarah Olney (Richmond Park):", "Answered by Stephen Kinnock (Minister of State,
# Department of Health and Social Care):".
_WRITTEN_LABEL = re.compile(
    r"^(?P<kind>Asked|Answered)\s+by\s+(?P<name>[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){1,3})"
    r"(?:[ \t]*\([^()\n]{1,120}\))?[ \t]*:[ \t]*",
    re.MULTILINE,
)


def _written_question(text: str) -> dict[int, tuple[int, str]]:
    """ "Asked by ...:" / "Answered by ...:": each turn its label's person (their seat or office
    in brackets left out), when an answer is labelled so."""
    labels = list(_WRITTEN_LABEL.finditer(text))
    if not any(m.group("kind") == "Answered" for m in labels):
        return {}
    return {m.start(): (m.end(), _without_titles(m.group("name"))) for m in labels}


# An interview written as questions and answers: "Q: How many ...?" / "A: About 3,000 ...".
_QA_LABEL = re.compile(r"^(?P<label>Q|A)\s*[:.)][ \t]*", re.MULTILINE)
# Two capitalised words, overlapping ("Dr Jane Smith" gives "Dr Jane" and "Jane Smith").
_FULL_NAME = re.compile(r"\b(?=([A-Z][a-z’'-]+)\s+([A-Z][a-z’'-]+)\b)")


# Whom an interview's introduction says was asked: "spoke to Dr Ali Khan", "interviewed Jane
# Smith", "sat down with Prof Tom Lee".
_INTERVIEWED = re.compile(
    r"\b(?:(?:spoke|speaks|talked|talks|chatted|chats)\s+(?:to|with)|interview(?:ed|s)"
    r"|sat\s+down\s+with|asked)\s+(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame|Lord|Lady)\.?\s+)?"
    r"([A-Z][a-z’'-]+)\s+([A-Z][a-z’'-]+)"
)


# Who talks to the outlet: "Mads Nipper, chief executive of Orsted, spoke to the Guardian",
# "..., Mads Nipper, talks to our energy correspondent" (not "Sarah Jones spoke to the minister").
_TALKS_TO_US = re.compile(
    r"([A-Z][a-z’'-]+)\s+([A-Z][a-z’'-]+),?(?:\s+[^.,]{1,60},)?\s+(?:talks|talked|spoke|speaks)"
    r"\s+(?:to|with)\s+(?:our\b|us\b|me\b|reporters\b|journalists\b|the\s+[A-Z])"
)


def _interview(text: str) -> dict[int, tuple[int, str]]:
    """ "Q: ..." / "A: ...": the answers are the one person the text names before the first
    question ("We spoke to Dr Jane Smith, an epidemiologist, ..."); the questions nobody's.
    When the text names no one there, or several people, every turn is nobody's."""
    labels = list(_QA_LABEL.finditer(text))
    kinds = Counter(m.group("label") for m in labels)
    if kinds["Q"] < _MIN_TURNS or kinds["A"] < _MIN_TURNS:
        return {}
    given = first_name_genders()
    intro = text[: labels[0].start()]
    people = {
        f"{first} {last}" for first, last in _FULL_NAME.findall(intro) if first.lower() in given
    }
    # An explainer's questions and answers name nobody: the labels are still no part of the
    # claims, and every turn is nobody's (a sentence's own attribution still counts). With
    # the interviewer named too, the one the text says was spoken to answers ("The BBC's
    # Sarah Jones spoke to Dr Ali Khan").
    if len(people) > 1:
        people &= {f"{a} {b}" for a, b in _INTERVIEWED.findall(intro)}
    if not people:
        # "The chief executive of Orsted, Mads Nipper, talks to our energy correspondent": the
        # one who talks to the outlet, whatever the given name
        people = {f"{a} {b}" for a, b in _TALKS_TO_US.findall(intro)}
    person = min(people) if len(people) == 1 else ""
    return {m.start(): (m.end(), person if m.group("label") == "A" else "") for m in labels}


# A surname as an interview writes it for its guests ("Okafor: About 1.2C ..."), or "Q:".
_SURNAME_LABEL = re.compile(r"^(?P<name>[A-Z][a-z’'-]+|Q)[ \t]*:[ \t]+", re.MULTILINE)


def _labelled_by_surname(text: str) -> dict[int, tuple[int, str]]:
    """ "Okafor: ..." / "Hill: ...": each label the surname of one person the text named in
    full before it ("Dr Maria Okafor and Prof James Hill"); "Q:" nobody's. A transcript when
    the labels name two people, or one who answers two questions or more."""
    labels = list(_SURNAME_LABEL.finditer(text))
    if len(labels) < _MIN_TURNS:
        return {}
    given = first_name_genders()
    named: list[tuple[int, str, str]] = [  # (where, surname, full name)
        (m.start(), m.group(2), f"{m.group(1)} {m.group(2)}")
        for m in _FULL_NAME.finditer(text, 0, labels[-1].start())
        if m.group(1).lower() in given
    ]
    turns: dict[int, tuple[int, str]] = {}
    for m in labels:
        people = {full for at, last, full in named if at < m.start() and last == m.group("name")}
        if m.group("name") == "Q" or len(people) == 1:
            turns[m.start()] = (m.end(), min(people) if people else "")
    people = Counter(person for _, person in turns.values())
    questions = people.pop("", 0)
    if len(people) >= _MIN_TURNS or (
        people and questions >= _MIN_TURNS and min(people.values()) >= _MIN_TURNS
    ):
        return turns
    return {}


# Hansard as its website prints a debate: each label on a line of its own, no colon, a
# member's party last in brackets ("Kemi Badenoch (North West Essex) (Con)").
_HANSARD_LINE = re.compile(
    r"^(?P<name>[A-Z][a-z’'.-]+(?:[ \t]+(?:[A-Z][A-Za-z’'.-]+|de|van|von|der|al|bin|la|le|of|the"
    r"|for|and)){0,8}?)(?P<seat>(?:[ \t]*\([^()\n]{1,60}\)){1,2})?[ \t]*$",
    re.MULTILINE,
)
_PARTY_LINE = re.compile(
    r"\((?:Con|Lab|LD|SNP|DUP|PC|Green|Ind|Reform|SDLP|UUP|Alliance|Lab/Co-op|SF|TUV|Alba)\)"
    r"[ \t]*$",
    re.MULTILINE,
)


def _labels(text: str) -> list[tuple[int, int, str, str, bool, bool, bool]]:
    """(start, end, name, seat, a role after the name, a timestamp, on a line of its own
    without a colon) of each label written as a name."""
    labels = []
    for m in _NAMED_LABEL.finditer(text):
        role, stamp = bool(m.group("role")), bool(m.group("stamp"))
        labels.append(
            (m.start(), m.end(), m.group("name"), m.group("seat") or "", role, stamp, False)
        )
    if len(_PARTY_LINE.findall(text)) >= _MIN_TURNS:
        labels += [
            (m.start(), m.end(), m.group("name"), m.group("seat") or "", False, False, True)
            for m in _HANSARD_LINE.finditer(text)
        ]
        labels.sort()
    return labels


def _labelled_by_name(text: str) -> dict[int, tuple[int, str]]:
    """ "Donald Trump: (00:12) ...": names as written, with a timestamp or a given name;
    Hansard's "The Prime Minister (Keir Starmer)", then "The Prime Minister" for him."""
    given = first_name_genders()
    turns: dict[int, tuple[int, str]] = {}
    offices: dict[str, str] = {}  # "The Prime Minister" -> "Keir Starmer"
    for start, end, name, seat, role, stamp, bare in _labels(text):
        if _CHAIR.fullmatch(name) or (name in _ROLE_ONLY_LABELS and not role):
            turns[start] = (end, "")  # "Mr Speaker:", "Operator:", "Host:"
            continue
        if " " not in name:
            continue  # one word ("Note:", "Update:") names nobody here
        held = seat.strip()[1:-1].strip() if seat.count("(") == 1 else ""
        if held and held.split()[0].lower() in given and name.split()[0].lower() not in given:
            turns[start] = (end, held)  # "The Prime Minister (Keir Starmer):"
            offices[name] = held
        elif name in offices and not seat:
            turns[start] = (end, offices[name])  # "The Prime Minister:" again: him
        elif name.split()[-1] in {"of", "the", "for", "and"} or (bare and not seat):
            continue  # a line of its own is a label only with its seat and party
        elif stamp or seat or name.split()[0].lower() in given:
            turns[start] = (end, name)
        elif (untitled := _without_titles(name)).split()[0].lower() in given:
            turns[start] = (end, untitled)  # "Chief Constable Andy Marsh:"
    people = Counter(name for _, name in turns.values())
    roles = people.pop("", 0)
    # An interview: a host's questions ("Host:", once is enough) and one guest's answers
    guest = len(people) == 1 and roles and min(people.values()) >= _MIN_TURNS
    return turns if len(people) >= _MIN_TURNS or guest else {}


def _without_titles(name: str) -> str:
    """``name`` without the titles before it ("Chief Constable Andy Marsh" -> "Andy Marsh"), as
    names.clean_run reads a name run; ``name`` itself when nothing is left."""
    return clean_run(name, tokenise(name)) or name


def _labelled_in_capitals(text: str) -> dict[int, tuple[int, str]]:
    """ "JEROME POWELL: ...", "TRUMP: ...": the names in capitals, title-cased."""
    matches = [m for m in _LABEL.finditer(text) if _may_name(m.group("name"))]
    if len(matches) < _MIN_TURNS:
        return {}
    people: dict[str, str] = {}  # label -> the person's name as the longest label writes it
    for m in matches:
        words = [w for w in m.group("name").split() if w not in _TITLES]
        titled = len(words) < len(m.group("name").split())
        if len(words) >= 2 or (titled and words):  # "SEN. HARRIS": a title and a surname
            name = " ".join(words)
            people[m.group("name")] = name
            people.setdefault(words[-1], name)  # "HORSLEY" after "SCOTT HORSLEY"
    labels = Counter(m.group("name") for m in matches)
    # "TRUMP:", "BIDEN:": a one-word label that opens two turns or more is a name; once is
    # enough where a moderator's or a host's label says the text is a transcript
    enough = 1 if any(label in _ROLE_LABELS for label in labels) else 2
    for label, count in labels.items():
        if (
            label not in people
            and label not in _ROLE_LABELS
            and count >= enough
            and " " not in label
        ):
            people[label] = label
    named = {m.group("name") for m in matches if m.group("name") in people}
    # A briefing: one person answers ("MS. LEAVITT:") the questions of a role ("Q:") in two
    # turns or more
    briefing = len(named) == 1 and enough == 1 and labels[next(iter(named))] >= _MIN_TURNS
    if len({people[label] for label in named}) < _MIN_TURNS and not briefing:
        return {}
    # A transcript: any other one-word label is a name too ("BIDEN:", once).
    for label in labels:
        if label not in people and label not in _ROLE_LABELS and " " not in label:
            people[label] = label
    for label, name in people.items():
        if " " not in name:  # "LEAVITT" under "PRESS SECRETARY KAROLINE LEAVITT": her in full
            people[label] = _in_full(name, text)
    turns: dict[int, tuple[int, str]] = {}
    for m in matches:
        label = m.group("name")
        if label in people or label in _ROLE_LABELS:
            turns[m.start()] = (m.end(), _title_case(people[label]) if label in people else "")
    return turns


def _in_full(surname: str, text: str) -> str:
    """``surname`` (in capitals) with the given name the text writes before it, in capitals or
    not ("KAROLINE LEAVITT", "Karoline Leavitt"), when it writes one; else ``surname``."""
    given = first_name_genders()
    pattern = rf"\b([A-Z][A-Za-z’'-]+)\s+{re.escape(surname)}\b"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        first = m.group(1)
        # a given name the project lists, or one in capitals that is no title or common word
        # ("PRESS SECRETARY KAROLINE LEAVITT")
        if first.lower() in given or (
            first.isupper()
            and first not in _TITLES
            and first.lower() not in TITLES
            and not is_a_word(first)
        ):
            return f"{first.upper()} {surname}"
    return surname


def _may_name(label: str) -> bool:
    """Whether a label in capitals may name a speaker: no page or fact-check word in it, no
    possessive, and "THE" only before a role ("THE PRESIDENT:"); "AP'S ASSESSMENT:" and "THE
    FACTS:" head a fact-check's sections."""
    words = label.split()
    if any(w in _NOT_NAMES or w.endswith(("'S", "’S")) for w in words):
        return False
    return words[0] != "THE" or (
        len(words) == 2 and (words[1] in _TITLES or words[1] in _ROLE_LABELS)
    )


def _title_case(name: str) -> str:
    """ "JEROME POWELL" -> "Jerome Powell", "BETO O'ROURKE" -> "Beto O'Rourke"."""
    return " ".join(
        "-".join(
            part[:1] + part[1:].lower() if "'" not in part else _apostrophe(part)
            for part in word.split("-")
        )
        for word in name.split()
    )


def _apostrophe(part: str) -> str:
    head, _, tail = part.partition("'")
    return f"{head[:1]}{head[1:].lower()}'{tail[:1]}{tail[1:].lower()}"


# A statement or a speech published whole, under a heading that names whose it is: "Statement
# from Senator Maria Lopez on the border funding bill", "Remarks by President Joe Biden at
# ...", "Full text of Keir Starmer's speech". Its sentences are that person's (or that
# organisation's: "Statement from the Ministry of Defence") unless they name someone else.
_STATEMENT_NAME = r"(?P<name>[A-Z][\w.'’-]*?(?:\s+(?:of|for|and|the|de|[A-Z][\w.'’-]*?)){0,6}?)"
_STATEMENT_HEADINGS = (
    re.compile(
        r"^(?:(?:full\s+)?(?:text|transcript)\s+of\s+(?:the\s+)?)?(?:joint\s+)?"
        r"(?:statement|remarks|speech|address|testimony|open\s+letter|letter)\s+(?:from|by|of)\s+"
        r"(?:the\s+)?" + _STATEMENT_NAME + r"(?:\s+(?:on|about|regarding|to|at|after|in|"
        r"following|for)\b[^\n]*)?\s*:?$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:(?:full\s+)?(?:text|transcript)\s+of|read)\s+"
        + _STATEMENT_NAME
        + r"['’]s?\s+(?:full\s+)?(?:statement|remarks|speech|address|letter|testimony)\b"
        r"[^\n]*$",
        re.IGNORECASE,
    ),
    # "Rachel Reeves' speech to Labour conference in full", "Boris Johnson's resignation
    # statement: full text"
    re.compile(
        _STATEMENT_NAME + r"['’]s?\s+(?:[a-z-]+\s+){0,2}?"
        r"(?:statement|remarks|speech|address|letter|testimony)\b[^\n]*?"
        r"(?:\bin\s+full|[:,-]?\s*full\s+text|[:,-]?\s*transcript)\s*$"
    ),
)


# A statement by someone's family or friends: "Statement from the family of Sarah Jones".
_KIN_STATEMENT = re.compile(
    r"^(?:full\s+)?(?:statement|tribute)\s+(?:from|by)\s+(?:the\s+)?(?P<kin>family|friends|parents)"
    r"\s+of\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s*:?$",
    re.IGNORECASE,
)


def statement_author(text: str) -> tuple[str, int]:
    """Who speaks throughout a statement or a speech published under a heading that names them
    (its first line: "Statement from Senator Maria Lopez on the border funding bill"), and
    where the heading ends; ("", 0) for any other text."""
    first = text.lstrip()
    line = first.split("\n", 1)[0].strip()
    if len(line) > 160:
        return "", 0
    kin = _KIN_STATEMENT.match(line)
    if kin:  # "Statement from the family of Sarah Jones": her family's words throughout
        return f"{kin.group('name')}'s {kin.group('kin').lower()}", len(text) - len(first) + len(
            line
        )
    for pattern in _STATEMENT_HEADINGS:
        m = pattern.match(line)
        if m:
            words = m.group("name").split()
            while words and (words[0].lower() == "the" or _is_title_word(words[0])):
                words = words[1:]  # "Senator Maria Lopez", "the Ministry of Defence"
            if not (words and words[0][:1].isupper() and words[-1][:1].isupper()):
                continue
            if "letter" in line[: m.start("name")].lower() and (
                words[0].lower() not in first_name_genders()
            ):
                continue  # "Letter from Berlin", "Letter from America": a column, not a letter
            return " ".join(words), len(text) - len(first) + len(line)
    return "", 0


def _is_title_word(word: str) -> bool:
    return is_title(Token(word, 0, len(word), word.lower().rstrip(".")))
