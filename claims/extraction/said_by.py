"""The speaker a sentence names (claims.extraction.speakers' first step; moved out of
speakers.py, 2026-12-08, as it neared 500 lines): the verbs of saying read in turn, each
speaker they give resolved (claims.extraction.resolution). In this order:

1. a reporting verb right after a closing quote or a comma, the speaker after it:
   `"...," said Johannes Hahn`, `..., said Department of Correction spokesman Jason Kersten`;
2. a speaker before a reporting verb: a name (`Moscow maintains that`), a name with an
   apposition (`Katsunobo Kato, the chief secretary ..., suggested`, `The supplier, Nordvik
   Steelworks, denied`), a pronoun (`he said`), a description of a person (`the
   Conservative MP said`) or of an organisation (`the national audit office reported`);
3. `according to X` (`Per X,`, `..., per X.`);
4. a subject followed by ", arguing that" / ", saying that" (claims.extraction.participles).
"""

from __future__ import annotations

import re

from claims.extraction import attribution_words as vocab
from claims.extraction.according import according_to, report_by
from claims.extraction.clauses import (
    AFFILIATION_WORDS,
    QUOTE_MARKS,
    Found,
    can_speak,
    person_in,
)
from claims.extraction.lexicon import ATTRIBUTION_VERBS
from claims.extraction.names import (
    Token,
    clean_run,
    is_capitalised,
    name_after,
)
from claims.extraction.participles import participle_speaker
from claims.extraction.people import (
    DETERMINERS,
    GENERIC_PLURAL,
    POSSESSIVE_PRONOUNS,
    SpeakerContext,
)
from claims.extraction.resolution import resolve_found
from claims.extraction.verb_speakers import after_verb, before_verb
from claims.extraction.verbs import (
    after_be,
    believes_a_clause,
    closes_the_sentence,
    negated,
    passive,
    puts_a_figure,
    rebuts,
    reduced_relative,
    says_no_statement,
    that_follows,
)

_CLOSING_MARKS = frozenset({"”", '"'})
# The verbs of ASSERTING_VERBS and REBUTTING_VERBS, looked for in the sentence before its
# words are read one by one.
_CLAIMING_VERB = re.compile(
    rf"\b(?:{'|'.join(sorted(vocab.ASSERTING_VERBS | vocab.REBUTTING_VERBS))})\b"
)
# "accused of", "blamed on": the participle of a clause about its subject, no verb of saying.
_PREPOSITIONS_AFTER_PARTICIPLE = frozenset({"of", "on", "for", "by", "in", "over"})
_RULED = frozenset({"ruled", "rules"})
_AFTER_RULED = _PREPOSITIONS_AFTER_PARTICIPLE | {"out", "from", "since", "until"}


_REPORT_CUES = (
    " by ",
    " from ",
    " figures ",
    " figures,",  # "The DWP figures, released on Thursday, show"
    " data ",
    " statistics ",
    " estimates ",
    " results ",
    " poll ",
    " survey ",
    " study ",
    " report ",
    " analysis ",
)


# Verbs of saying that are plural nouns too, before "of": "estimates of", "reports of".
_NOUNS_TOO = frozenset({"estimates", "reports", "claims", "forecasts", "promises", "warnings"})
# What follows such a word when it is the noun: "estimates of", "claims against" ("reports
# from Kyiv that" is a verb).
_NOUN_NEXT = frozenset({"of", "against"})


def speaker_named(
    text: str, tokens: list[Token], masked: str, context: SpeakerContext
) -> str | None:
    """The speaker the sentence names, "" when it names an unnamed one ("officials said"),
    None when it names none."""
    # Verbs are found by token rather than by one regex alternation of a hundred verbs: this
    # runs on every sentence, and a set look-up per word is several times faster.
    quoted = masked != text
    if any(cue in masked for cue in _REPORT_CUES):
        # "A report by the NAO found that ...", "..., Home Office figures show."
        said = report_by(text, masked, context)
        if said is not None:
            return said
    verbs = [
        i
        for i, t in enumerate(tokens)
        if t.lower in vocab.ANY_VERB
        and t.text[:1].islower()
        # "above Wall Street estimates of $124.1bn": a plural noun, no verb ("he says of")
        # "Similar claims against Apple and Google are worth £4bn": a noun before a preposition
        and not (
            t.lower in _NOUNS_TOO and i + 1 < len(tokens) and tokens[i + 1].lower in _NOUN_NEXT
        )
        # "according to the airport's own estimates", "its estimates": a noun after an owner
        and not (
            t.lower in _NOUNS_TOO
            and i > 0
            and (
                tokens[i - 1].lower in POSSESSIVE_PRONOUNS | {"own"}
                or tokens[i - 1].text.endswith(("'s", "’s"))
            )
        )
    ]
    generic_seen = False
    unresolved_at = -1  # where a verb of saying stands whose subject described nobody named
    for i in verbs:
        lower = tokens[i].lower
        previous = tokens[i - 1].text if i else ""
        after_quote = previous in _CLOSING_MARKS or (
            previous == "," and i >= 2 and tokens[i - 2].text in _CLOSING_MARKS
        )
        if (after_quote and lower in vocab.INVERTED_AFTER_QUOTE) or (
            previous == "," and lower in vocab.INVERTED_AFTER_COMMA
        ):
            found = after_verb(text, tokens, i + 1, context)
            if found is None:
                continue
            if (
                found.kind in {"pronoun", "it", "they"}
                and not after_quote
                and i + 2 < len(tokens)
                and (tokens[i + 2].text.islower() or tokens[i + 2].text in QUOTE_MARKS)
            ):
                continue  # "Mr Smith, who was elected in 2019, said he would ...": "he" (or
                # "it", "they") is the subject of what was said, not the speaker after the verb;
                # so in `..., said it "puts the interests of foreign countries first."`
            resolved = resolve_found(found, context)
            if resolved:
                return resolved
            generic_seen = True
    # A verb of saying before one of forecasting: "The Reserve Bank of India expects growth of
    # 7.2% ..., governor Shaktikanta Das said" is his.
    passes = [
        [i for i in verbs if tokens[i].lower in ATTRIBUTION_VERBS]
        + [
            i
            for i in verbs
            if tokens[i].lower not in ATTRIBUTION_VERBS
            and (
                tokens[i].lower in vocab.FORECAST_VERBS
                or (  # "Analysts warn", "Economists at Goldman Sachs estimate"; not "to warn"
                    tokens[i].lower in vocab.PLURAL_VERBS
                    and i > 0
                    and (tokens[i - 1].lower in GENERIC_PLURAL or is_capitalised(tokens[i - 1]))
                )
            )
        ],
        [
            i
            for i in verbs
            if tokens[i].lower in vocab.THAT_VERBS
            and (
                that_follows(tokens, i)
                or believes_a_clause(tokens, i)  # "Lee believes 40% of claims are ..."
                or closes_the_sentence(tokens, i)  # "..., AFP Fact Check found."
            )
        ],
        [i for i, t in enumerate(tokens) if t.text in ("put", "puts") and puts_a_figure(tokens, i)],
    ]
    if quoted:
        passes.append([i for i in verbs if tokens[i].lower in vocab.QUOTE_ONLY_VERBS])
        passes.append(
            [
                i
                for i, t in enumerate(tokens)
                if t.lower in vocab.NAMING_VERBS
                and t.text.islower()
                and not after_be(tokens, i)
                and any(u.text in QUOTE_MARKS for u in tokens[i + 1 :])
                # "ruled his death "wholly avoidable"", not "ruled for 14 years"
                and not (t.lower in _RULED and tokens[i + 1].lower in _AFTER_RULED)
            ]
        )
    if _CLAIMING_VERB.search(masked):  # a cheap look first: this runs on every sentence
        passes.append(
            [
                i
                for i, t in enumerate(tokens)
                if t.lower in vocab.ASSERTING_VERBS
                and t.text.islower()
                # "Smith, accused of fraud, ...", "the crash, blamed on ice", a headline's
                # "Firm accused of selling faulty masks": no verb of theirs (active, the verb
                # takes its object first: "Boeing accused regulators of ...")
                and not (
                    i + 1 < len(tokens) and tokens[i + 1].lower in _PREPOSITIONS_AFTER_PARTICIPLE
                )
            ]
        )
        passes.append(
            [
                i
                for i, t in enumerate(tokens)
                if t.lower in vocab.REBUTTING_VERBS and rebuts(tokens, i)
            ]
        )
    for indices in passes:
        for index in indices:
            if negated(tokens, index):
                continue  # "The WHO has not said vaccines cause autism": nobody's claim
            if index + 1 < len(tokens) and tokens[index + 1].lower == "by":
                continue  # passive: "recalled by the Reich", "reported by Reuters"
            if after_be(tokens, index) and passive(tokens[index]):
                continue  # "Staff were told", "Turnout was estimated at 59%": the passive names
                # who heard or what was estimated, not who spoke
            if says_no_statement(tokens, index):
                continue  # "the Senate confirmed Prelogar by a vote", "argues the cases",
                # "admitted 14 counts of theft", "claimed £18,000 in expenses"
            if index and tokens[index - 1].lower in DETERMINERS:
                continue  # an adjective: "the alleged relationship", "an estimated 500"
            if (
                index >= 2
                and tokens[index - 2].lower in POSSESSIVE_PRONOUNS
                and is_capitalised(tokens[index - 1])
            ):
                continue  # a noun: "Goldman Sachs raised its Brent forecast"
            found = before_verb(text, tokens, index, context)
            if found is None:
                continue
            resolved = resolve_found(found, context)
            if resolved:
                return resolved
            if found.kind == "unnamed":
                if reduced_relative(tokens, index):
                    continue  # "In a video posted after the killings, Mateen said: ..."
                if _the_statement_before(tokens, index, context):
                    # "..., Hein Schumacher said in a statement. The statement added that
                    # ...": whoever made the statement the sentence before mentioned
                    return context.previous_speaker
                return ""  # "the report said": the sentence says who, and it is no one
            # "Officials said ...": a speaker is named, just not who; keep looking for a name.
            generic_seen = True
            if found.kind == "org-noun" and unresolved_at < 0:
                unresolved_at = tokens[index].start
    if quoted and " by " in masked:
        agent = _passive_agent(text, tokens, context)
        if agent:
            return agent
    cited = "ccording" in masked or "Per " in masked or ", per " in masked
    if cited and unresolved_at >= 0 and _cited_before(masked, unresolved_at):
        cited = False  # "The planemaker, which has lost $10bn according to Anderson Economic
        # Group, said": the source of the clause about the subject, not the speaker
    if cited:
        said = according_to(text, tokens, masked, context)
        if said is not None:
            return said
    if generic_seen:
        return ""
    return participle_speaker(text, tokens, quoted, context)


def _cited_before(masked: str, at: int) -> bool:
    """Whether every "according to" or "per" of the sentence comes before ``at``."""
    last = max(masked.rfind("ccording"), masked.rfind("Per "), masked.rfind(", per "))
    return 0 <= last < at


def _passive_agent(text: str, tokens: list[Token], context: SpeakerContext) -> str:
    """Who a passive verb of naming names after its quotation: "The findings were described as
    "encouraging" by Professor Naveed Sattar"; "" when it names nobody so."""
    for i, token in enumerate(tokens):
        if token.lower not in vocab.NAMING_VERBS or not after_be(tokens, i):
            continue
        by = next((j for j in range(i + 1, len(tokens)) if tokens[j].lower == "by"), None)
        if by is None or not any(t.text in QUOTE_MARKS for t in tokens[i + 1 : by]):
            return ""
        run = name_after(tokens, by + 1)
        # "by Professor Naveed Sattar of the University of Glasgow": him, without his title
        cut = next((k for k, t in enumerate(run) if t.text in AFFILIATION_WORDS), len(run))
        run = run[:cut]
        name = clean_run(text, run) if run else ""
        if name and can_speak(name, run, tokens, context):
            return resolve_found(Found(name=person_in(name), kind="name"), context)
        return ""
    return ""


# What someone issues that the next sentence goes on quoting: "said in a statement. The
# statement added ...", "a letter ... The letter said".
_ISSUED = frozenset({"statement", "letter", "post", "email", "filing"})


def _the_statement_before(tokens: list[Token], index: int, context: SpeakerContext) -> bool:
    """Whether the sentence opens "The statement" (or letter, post ...) before the verb at
    ``index``, right after a sentence that mentioned one."""
    if index != 2 or tokens[0].lower not in {"the", "that", "this"}:
        return False
    noun = tokens[1].lower
    return noun in _ISSUED and re.search(rf"\b{noun}\b", context.previous_words) is not None
