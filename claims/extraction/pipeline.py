"""From a ``Document`` to scored, located, attributed sentences.

Stages: boilerplate lines out (``boilerplate``), kept lines grouped into blocks, blocks split
into sentences (``sentences``; a quotation of several sentences and its attribution are one
unit), then per sentence a speaker (``speakers``, with document context: paragraphs, names,
genders) and its type (``speaker_types``), quantities (``quantities``) and a
check-worthiness score (``scoring``). Scores come last, for the whole document at once: a
scorer with ``score_many(texts)`` is called once per document, any other scorer's ``score``
once per sentence. Every text extracted is an article, so with the default (learned, debate
trained) scorer a declarative sentence gets the article prior (``prose``).
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace
from typing import Any

from claims.extraction.blocks import blocks
from claims.extraction.boilerplate import (
    BODY_MIN_WORDS,
    line_context,
    scan_lines,
)
from claims.extraction.colon_speakers import colon_speaker
from claims.extraction.datelines import COLON_DATELINE
from claims.extraction.document import Document
from claims.extraction.embeds import (
    EMBEDDED_POST,
    TRAILING_POST_LINK,
    signature_author,
)
from claims.extraction.fact_checks import CLAIM_LABEL, labelled_claimant
from claims.extraction.headline_speakers import headline_sources
from claims.extraction.interviews import interview_answers
from claims.extraction.line_reasons import STAGE_DIRECTION, sentence_reason
from claims.extraction.org_learning import LedeOrg
from claims.extraction.outlets import acronyms, workplaces
from claims.extraction.page_names import PageNames, full_name_on_page, speaker_type_in
from claims.extraction.people import register_name
from claims.extraction.press_releases import announces, is_press_release, listed_issuer
from claims.extraction.prose import (
    ARTICLE_PRIOR_WEIGHT,
    LEAD_IN,
    apply_article_prior,
    apply_no_comment,
    introduces_a_quotation,
    is_declarative,
    says_only_no_comment,
)
from claims.extraction.quantities import Quantity, find_quantities
from claims.extraction.roles import LedeRole
from claims.extraction.scoring import Feature, RuleScorer, Scorer
from claims.extraction.sentences import split_block
from claims.extraction.speaker_types import ORGANIZATION
from claims.extraction.speakers import SpeakerContext, find_speaker
from claims.extraction.transcripts import (
    TRANSCRIPT_LABEL,
    statement_author,
    transcript_turns,
)
from claims.extraction.unit_authors import in_first_person, with_post_authors

logger = logging.getLogger(__name__)

# With the RuleScorer's weights, 0.5 means "more signs of a checkable fact than against it".
# On the Kuril Islands example it keeps every factual sentence and the promoted headlines,
# and drops the opinion quote, the "could" headline and the "Sorry Sergey" teaser.
RULE_MIN_SCORE: float = 0.5


@functools.cache
def default_scorer() -> Scorer:
    """The learned scorer when its model file is present, else the ``RuleScorer``.

    Loaded once per process, on first use rather than at import: the model file takes a few
    tenths of a second to read, and most commands never extract.
    """
    # Imported here: the learned package imports this module's siblings, not the reverse.
    from claims.extraction.learned import MODEL_PATH, LearnedScorer, ModelFileError

    if not MODEL_PATH.exists():
        logger.warning(
            "No check-worthiness model at %s: scoring with the hand-set RuleScorer. "
            "Train one with `manage.py train_checkworthiness`.",
            MODEL_PATH,
        )
        return RuleScorer()
    try:
        return LearnedScorer.load(MODEL_PATH)
    except ModelFileError:
        logger.exception("Scoring with the hand-set RuleScorer instead of the learned model")
        return RuleScorer()


def default_min_score() -> float:
    """The default scorer's threshold: the learned model's (chosen in training) or 0.5."""
    scorer = default_scorer()
    return float(getattr(scorer, "threshold", RULE_MIN_SCORE))


def __getattr__(name: str) -> Any:
    # DEFAULT_MIN_SCORE comes from the model file, read on first use (PEP 562).
    if name == "DEFAULT_MIN_SCORE":
        return default_min_score()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_OPENING_QUOTES = tuple('“"‘«')
# A straight single quote opens a quotation when a capital follows it ("'Nobody ever came.'", as
# British papers quote); elsewhere it is an apostrophe ("'90s").
_SINGLE_QUOTED = re.compile(r"^'[A-Z]")
_QUESTION_END = re.compile(r"\?[”\"’»]?\s*$")


@dataclass(frozen=True)
class ScoredSentence:
    text: str  # == document.text[start:end]
    start: int
    end: int
    checkworthiness: float  # in [0, 1]
    features: tuple[Feature, ...]
    speaker: str  # "" when the text names none
    # "person" or "organization" (schema.org's Person/Organization for ClaimReview); "" when
    # there is no speaker, or its name shows neither (no capitalised word, no role).
    speaker_type: str
    quantities: tuple[Quantity, ...]
    # Where the sentence sits when it is not the article's own prose: "related-article
    # headline" for an "Also on <outlet>" teaser (boilerplate.RELATED_HEADLINE); else "".
    context: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "checkworthiness": round(self.checkworthiness, 4),
            "features": [f.as_dict() for f in self.features],
            "speaker": self.speaker,
            "speaker_type": self.speaker_type,
            "quantities": [q.as_dict() for q in self.quantities],
            "context": self.context,
        }


@dataclass(frozen=True)
class Extraction:
    document: Document
    sentences: tuple[ScoredSentence, ...]  # every non-boilerplate sentence, in text order
    boilerplate: tuple[tuple[int, int, str], ...]  # (start, end, reason) of what was dropped
    threshold: float = RULE_MIN_SCORE  # the default ``min_score`` of the scorer that scored

    def claims(self, min_score: float | None = None) -> list[ScoredSentence]:
        """Sentences scoring at least ``min_score`` (default: the scorer's threshold), in text
        order."""
        threshold = self.threshold if min_score is None else min_score
        return [s for s in self.sentences if s.checkworthiness >= threshold]


_BODY_ENDS = tuple('.!?"”’')
_BULLET = re.compile(r"[-–—•*·▪►]\s+(?=\S)")
_STAGED = re.compile(rf"(?:{STAGE_DIRECTION.pattern})\s+(?=\S)", re.IGNORECASE)  # "(CROSSTALK) "


def extract(
    document: Document, *, scorer: Scorer | None = None, article_prior: float | None = None
) -> Extraction:
    """Every non-boilerplate sentence of ``document.text``, scored, located and attributed.

    Deterministic in ``document.text`` alone (the metadata is passed through), so re-extracting
    a stored snapshot gives the same offsets as the first extraction.

    ``article_prior`` is added to the logit of each declarative sentence (``prose``). By
    default it is ``prose.ARTICLE_PRIOR_WEIGHT`` with the default learned scorer (the weight
    was chosen for it) and 0 with the rules or a scorer passed in.
    """
    if article_prior is None:
        article_prior = 0.0 if scorer is not None else default_article_prior()
    scorer = scorer or default_scorer()
    text = document.text
    turns = transcript_turns(text)
    # Hansard's "The Prime Minister" on a line of its own is a turn's label, no subheading
    verdicts = tuple(
        replace(v, keep_start=v.start, reason="")
        if v.reason == "subheading" and v.dropped and v.start in turns
        else v
        for v in scan_lines(text)
    )
    dropped: list[tuple[int, int, str]] = []
    for v in verdicts:
        if v.dropped:
            dropped.append((v.start, v.end, v.reason))
        elif v.has_prefix:
            prefix_end = v.start + len(text[v.start : v.keep_start].rstrip())
            dropped.append((v.start, prefix_end, v.reason))

    page = PageNames(text)
    context = SpeakerContext(page=page)
    context.described_orgs.update(workplaces(text))  # "deputy editor of Carbon Brief"
    context.acronyms = acronyms(text)  # "the Royal College of Nursing (RCN)"
    # Scored after the loop, all at once: a scorer with ``score_many`` (the learned one) runs
    # its model once per document instead of once per sentence.
    pending: list[tuple[int, int, str, str]] = []  # (start, end, speaker, sentence)
    paragraphs: list[int] = []  # each pending sentence's paragraph
    signed: list[tuple[int, int, bool, str]] = []  # post signatures found as sentences
    paragraph = -1
    in_quote = left_open = False
    quote_units: list[int] = []  # pending units of the quotation still open, if any
    paragraph_speaker = ""
    opens_paragraph, previous = False, ""
    for _, person in turns.values():
        if " " in person:
            register_name(person, context)  # "JEROME POWELL:" anywhere: "Powell" is him
        if person:  # "" stands for a role's turn ("MODERATOR:", "Q:"): nobody's
            context.labelled_people.add(person)
    turn_speaker = ""  # in a transcript, the person whose label opened the turn
    lede = LedeRole()
    lede_org = LedeOrg()
    # "Statement from Senator Maria Lopez on ...": every later sentence is hers unless it names
    # someone else
    author, heading_end = ("", 0) if turns else statement_author(text)
    # A press release on a wire: its issuer (the organisation its first attributed sentence
    # names, "Acme Robotics Inc. today announced") says every sentence that names nobody else
    issuer, release = "", not turns and not author and is_press_release(text)
    if " " in author and " and " not in author:
        register_name(author, context)
    body_seen = False
    for block_start, block_end, block_paragraph in blocks(text, verdicts):
        dateline = (
            None if turns or body_seen else COLON_DATELINE.match(text, block_start, block_end)
        )
        if dateline:  # "NEW DELHI: The Reserve Bank of India ..."
            dropped.append((block_start, block_start + len(dateline.group().rstrip()), "dateline"))
            block_start = dateline.end()
        block = text[block_start:block_end]
        # a headline (no full stop) is no body yet: "BJP wins Delhi after 27 years, AAP
        # routed" over "NEW DELHI: The Bharatiya Janata Party ..."
        body_seen = body_seen or (
            len(block.split()) >= BODY_MIN_WORDS and block.rstrip().endswith(_BODY_ENDS)
        )
        if block_start in turns:  # "JEROME POWELL: We're not yet confident ..."
            label_end, turn_speaker = turns[block_start]
            label = text[block_start:label_end].rstrip()
            dropped.append((block_start, block_start + len(label), TRANSCRIPT_LABEL))
            block_start = label_end
            if block_start >= block_end:
                continue
        if block_paragraph != paragraph:
            # A quotation that runs on into the next paragraph opens it again ("...
            # \n\n"More of it."): that paragraph continues the quote and keeps its speaker.
            # Otherwise a speaker is carried only within one paragraph.
            carried = paragraph_speaker if in_quote else ""
            left_open = in_quote
            paragraph, in_quote, paragraph_speaker = block_paragraph, False, carried
            opens_paragraph = True
            context.start_paragraph()
        for start, end in split_block(text, block_start, block_end):
            link = TRAILING_POST_LINK.search(text, start, end)
            if link:  # "... we're not stopping. pic.twitter.com/abc123"
                dropped.append((link.start(), end, "post link"))
                end = link.start()
            sentence = text[start:end]
            reason = sentence_reason(sentence)
            if reason:
                dropped.append((start, end, reason))
                if reason == EMBEDDED_POST:  # a post's signature after its text, on its line
                    signed.append((start, block_paragraph, False, signature_author(sentence)))
                continue
            # '"Quote one," said X. "Quote two."': the second quote is X's too. So is a
            # paragraph that is one quotation and nothing else, right after a sentence X spoke
            # ('X said ...\n\n"More."'): news gives a new speaker's quote its attribution.
            # Not after a question: in an exchange, that quotation is the answer.
            continues_quote = in_quote or (
                (sentence.startswith(_OPENING_QUOTES) or bool(_SINGLE_QUOTED.match(sentence)))
                and bool(
                    paragraph_speaker
                    or (
                        opens_paragraph
                        and context.previous_speaker
                        and not _QUESTION_END.search(previous)
                        and _whole_quote(sentence)
                    )
                )
            )
            opens = sentence.startswith(_OPENING_QUOTES) or bool(_SINGLE_QUOTED.match(sentence))
            if not (in_quote or (opens and opens_paragraph and left_open)):
                quote_units = []  # no quotation goes on into this sentence
            quoted = in_quote or opens
            opens_paragraph, previous = False, sentence
            speaker = find_speaker(sentence, context, continues_quote=continues_quote)
            speaker = (
                speaker
                or turn_speaker
                or colon_speaker(sentence, context)  # "Reeves: 'We are fixing ...'"
                or (author if start >= heading_end else "")
            )
            if release:
                kind = speaker_type_in(speaker, context, page) if speaker else ""
                issuer = issuer or (speaker if kind == ORGANIZATION else "")
                if not issuer and announces(sentence):
                    # "Acme plc (LSE: ACME) today announces its results ..."
                    issuer = context.sentence_org or listed_issuer(sentence)
                speaker = speaker or issuer  # "The company raised its guidance to ..."
            paragraph_speaker = speaker
            in_quote = _quote_open_after(sentence, in_quote)
            if quoted:
                quote_units.append(len(pending))
                if speaker and not in_quote:
                    # A quotation over several paragraphs, each reopened and only the last
                    # closed ('"We inherited ...\n\n"That is why ...," Wes Streeting said.'):
                    # its attribution at the end is its earlier paragraphs' speaker too
                    for k in quote_units[:-1]:
                        if not pending[k][2]:
                            pending[k] = (*pending[k][:2], speaker, pending[k][3])
                if not in_quote:
                    quote_units = []
            waiting = lede.after(len(pending), block_paragraph, speaker, context)
            if waiting < 0:  # "..., the regulator has said." / "Ofwat said ..."
                waiting = lede_org.after(len(pending), block_paragraph, speaker, context)
            if waiting >= 0:  # "..., the education secretary has announced." / "Bridget ..."
                pending[waiting] = (*pending[waiting][:2], speaker, pending[waiting][3])
            pending.append((start, end, speaker, sentence))
            paragraphs.append(block_paragraph)

    pending = with_post_authors(text, verdicts, pending, paragraphs, signed)
    pending = headline_sources(pending, context)  # "..., regulator says" / "regulator Ofwat"
    if not turns:  # "How much has been mapped? / About 25% of it.": the interviewee's
        people = {name for name, _ in context.people} | set(context.surnames.values())
        pending = interview_answers(pending, paragraphs, people, text)
        # "Claim: The UK spent £9bn ..." / "The claim was made by ... Nigel Farage": his
        pending = labelled_claimant(pending, context.surnames.values())
    if not turns:
        pending = in_first_person(document.author, pending, dropped)
    texts = [sentence for _, _, _, sentence in pending]
    score_many = getattr(scorer, "score_many", None)
    if callable(score_many):
        # A scorer that reads the context (the learned one) is told these are an article's
        # sentences: the desk's policy then overrules what it learned from debates.
        told = {"article": True} if getattr(scorer, "reads_articles", False) else {}
        results = list(score_many(texts, **told)) if texts else []
        if len(results) != len(texts):
            raise ValueError(
                f"{type(scorer).__name__}.score_many returned {len(results)} results for "
                f"{len(texts)} sentences; it must return one (score, features) per text."
            )
    else:
        results = [scorer.score(sentence) for sentence in texts]
    sentences: list[ScoredSentence] = []
    for (start, end, speaker, sentence), (score, features) in zip(pending, results, strict=True):
        where = line_context(text, start)
        speaker = full_name_on_page(speaker, start, page)
        kind = speaker_type_in(speaker, context, page)
        if not kind and " " not in speaker and not sentence.rstrip().endswith(_BODY_ENDS):
            # "Drought declared in East Anglia": a headline's common noun, in a passive; a
            # sentence's may be a company's ("Shell disputed the claims.")
            speaker = ""
        if article_prior and is_declarative(sentence, where):
            score, features = apply_article_prior(score, tuple(features), article_prior, sentence)
        elif says_only_no_comment(sentence):
            score, features = apply_no_comment(score, tuple(features))
        elif introduces_a_quotation(sentence):  # "Transport Secretary Heidi Alexander said:"
            score, features = apply_no_comment(score, tuple(features), LEAD_IN)
        # A list item's bullet ("- ", "• ") and a fact-check's "Claim:" are read with what
        # they introduce (no article prior for a list), but are no part of the claim's text.
        label = _BULLET.match(sentence) or CLAIM_LABEL.match(sentence) or _STAGED.match(sentence)
        if label and label.end() < len(sentence):
            sentence, start = sentence[label.end() :], start + label.end()
        sentences.append(
            ScoredSentence(
                text=sentence,
                start=start,
                end=end,
                # The claims table checks 0 <= score <= 1; a plugged-in model may round past it.
                checkworthiness=min(1.0, max(0.0, score)),
                features=tuple(features),
                speaker=speaker,
                speaker_type=kind,
                quantities=tuple(find_quantities(sentence, offset=start)),
                context=where,
            )
        )
    return Extraction(
        document=document,
        sentences=tuple(sentences),
        boilerplate=tuple(sorted(dropped)),
        threshold=_threshold_of(scorer),
    )


def default_article_prior() -> float:
    """The article prior for the default scorer: its chosen weight for the learned model, 0
    for the hand-set rules (their scores are calibrated differently; nothing was chosen)."""
    return 0.0 if isinstance(default_scorer(), RuleScorer) else ARTICLE_PRIOR_WEIGHT


def _threshold_of(scorer: Scorer) -> float:
    """The scorer's own threshold (the learned model's), 0.5 for the rules, else the default."""
    threshold = getattr(scorer, "threshold", None)
    if isinstance(threshold, int | float):
        return float(threshold)
    if isinstance(scorer, RuleScorer):
        return RULE_MIN_SCORE
    return default_min_score()


def _whole_quote(sentence: str) -> bool:
    """Whether the unit is one quotation and nothing after it: '"The roads are falling apart."'
    (not '"...," she said.')."""
    body = sentence.rstrip()
    closing = "’" if body.startswith("‘") else '”"»'  # an apostrophe is no closing mark
    if body[:1] in '“"' and not any(ch in '”"»' for ch in body[1:]):
        return True  # never closed: the quotation goes on into the next paragraph
    return body[-1:] in closing and not any(ch in '”"»' for ch in body[1:-1])


def _quote_open_after(sentence: str, open_before: bool) -> bool:
    is_open = open_before
    for ch in sentence:
        if ch == "“":
            is_open = True
        elif ch == "”":
            is_open = False
        elif ch == '"':
            is_open = not is_open
    return is_open
