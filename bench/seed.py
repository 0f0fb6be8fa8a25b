# ruff: noqa: S608 - the SQL is put together from constants of this module, never from input.
"""Seed a bench database fast: COPY of generated rows, in one transaction.

`ensure_seeded(db, claims=N, articles=M)` creates and migrates the database when needed and
seeds it unless a previous run already did with the same sizes (a marker table records that),
so a second run of the benchmarks reuses the data.

What is seeded, per 100,000 claims over 2,000 articles (everything scales with the sizes):

- users: an editor (the benchmarks issue its API token), a researcher and five more
  researchers as assignees;
- 2,000 article sources with one snapshot each; a snapshot's text is its claims' sentences in
  paragraphs of three, so every claim's span [start, end) is its exact sentence (the span
  trigger checks end <= length(text) on every row);
- 100,000 claims, 50 per article: new 55 %, dismissed 10 %, researching 10 %, in review 5 %,
  published 15 %, needs update 3 %, retracted 2 %; features and quantities are real ones,
  computed by the extraction pipeline's scorer on the sentences they were taken from;
- 4,000 evidence sources with a snapshot each; 2-3 accepted evidence items per claim past
  `new`/`dismissed`;
- verdicts: a draft for researching/in-review claims; v1 published for published and
  needs-update claims (a quarter of the published ones have v1 superseded and v2 published);
  v1 retracted for retracted claims; every public version cites its claim's evidence.

Claim sentences are made from real ones: the CLEF CheckThat! 2024 debate sentences in
bench/data/checkworthiness (read only; if absent, the test fixture articles alone) are cut at a
word boundary and the head of one is joined to the tail of another, with the numbers varied.
That keeps real English word and trigram statistics (what pg_trgm's index cares about) while
making every claim text distinct.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import random
import re
import time
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from psycopg.types.json import Jsonb

from bench.common import ROOT, ensure_database, log, migrate, pg_connect

CORPUS_FILES = sorted((ROOT / "bench" / "data" / "checkworthiness").glob("*.tsv"))
FIXTURE_ARTICLES = [
    *sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")),
    ROOT / "claims" / "demo" / "kuril-islands-2021-02-15.txt",
]
SEED = 20240601
BASE_TIME = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)

STATUS_SHARES = [
    ("new", 55),
    ("dismissed", 10),
    ("researching", 10),
    ("in_review", 5),
    ("published", 15),
    ("needs_update", 3),
    ("retracted", 2),
]
RATINGS = ["true", "mostly_true", "mixed", "mostly_false", "false", "misleading", "unverifiable"]
STANCES = ["supports", "refutes", "mixed", "context"]
PUBLISHERS = ["The Daily Ledger", "Northern Post", "Wire Service", "Coastal Times", "The Record"]
SPEAKERS = [
    "the prime minister",
    "Senator Maria Lopez",
    "the finance ministry",
    "Katsunobo Kato",
    "Sergey Lavrov",
    "a government spokesperson",
    "the central bank",
    "Governor Tom Reyes",
    "the opposition leader",
    "the health ministry",
]


# --- Text --------------------------------------------------------------------------------------


def load_sentences() -> list[str]:
    """Real sentences: the debate corpus (if present) and the fixture articles' sentences."""
    from claims.extraction import extract, read_text

    sentences: list[str] = []
    for path in CORPUS_FILES:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle, delimiter="\t")
            next(reader, None)
            sentences += [row[1].strip() for row in reader if len(row) >= 2]
    for path in FIXTURE_ARTICLES:
        if path.exists():
            sentences += [s.text for s in extract(read_text(path.read_text())).sentences]
    cleaned = {" ".join(s.split()) for s in sentences}
    return sorted(s for s in cleaned if 40 <= len(s) <= 300 and len(s.split()) >= 7)


_DIGITS = re.compile(r"\d[\d,.]*\d|\d")


class ClaimTexts:
    """Distinct, realistic claim sentences: head of one real sentence + tail of another."""

    def __init__(self, sentences: list[str], rng: random.Random) -> None:
        self.words = [s.split() for s in sentences]
        self.rng = rng

    def make(self) -> str:
        rng = self.rng
        head = rng.choice(self.words)
        tail = rng.choice(self.words)
        cut_head = rng.randint(3, max(3, len(head) * 2 // 3))
        cut_tail = rng.randint(len(tail) // 3, max(len(tail) // 3, len(tail) - 3))
        text = " ".join(head[:cut_head] + tail[cut_tail:])
        text = _DIGITS.sub(lambda _: str(rng.randint(2, 2500)), text)
        text = text[0].upper() + text[1:]
        if text[-1] not in ".!?\"'\u201d\u2019":
            text += "."
        return text


def paraphrase(text: str, rng: random.Random) -> str:
    """A near-duplicate: a few words dropped or swapped, as a reader would retype a claim."""
    words = text.split()
    for _ in range(max(1, len(words) // 6)):
        i = rng.randrange(len(words))
        if rng.random() < 0.5 and len(words) > 6:
            del words[i]
        else:
            j = rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
    return " ".join(words)


@dataclass(frozen=True)
class Explanations:
    """Features and quantities as the pipeline stores them, computed on real sentences."""

    features: list[str]  # JSON
    quantities: list[list[dict]]

    @classmethod
    def compute(cls, sentences: list[str], rng: random.Random, count: int = 600) -> Explanations:
        from claims.extraction.quantities import find_quantities
        from claims.extraction.scoring import RuleScorer

        scorer = RuleScorer()
        sample = rng.sample(sentences, min(count, len(sentences)))
        features = [
            json.dumps([f.as_dict() for f in scorer.score(s)[1]], ensure_ascii=False)
            for s in sample
        ]
        quantities = [[q.as_dict() for q in find_quantities(s)] for s in sample]
        return cls(features, quantities)


# --- COPY -------------------------------------------------------------------------------------

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
NULL = "\\N"


def esc(value: str) -> str:
    """A text value in COPY's text format (numbers and fixed words need no escaping)."""
    return value.translate(_ESCAPES)


# A snapshot's kept response headers (sources.services.KEPT_HEADERS), as JSON in COPY text.
HEADERS = esc(json.dumps({"content-type": "text/html; charset=utf-8", "etag": '"bench"'}))


class Clock:
    """Timestamps as COPY text, fast: seconds after BASE_TIME, formatted without datetime."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def __call__(self, seconds: int) -> str:
        day, rest = divmod(seconds, 86400)
        date = self._days.get(day)
        if date is None:
            date = self._days[day] = (BASE_TIME + dt.timedelta(days=day)).strftime("%Y-%m-%d")
        hour, rest = divmod(rest, 3600)
        minute, second = divmod(rest, 60)
        return f"{date} {hour:02d}:{minute:02d}:{second:02d}+00"


class Table:
    """Rows for one COPY FREEZE (the table was truncated in this transaction), in chunks.

    Chunks go to the server on `writer`, one thread, so the next rows are generated while the
    server stores the last ones (psycopg releases the GIL while it sends).
    """

    def __init__(self, cursor, writer: ThreadPoolExecutor, name: str, columns: str) -> None:
        self.cursor = cursor
        self.writer = writer
        self.name = name
        self.lines: list[str] = []
        self.count = 0
        self.pending: list[Future] = []
        self._copy_sql = f"COPY {name} ({columns}) FROM STDIN WITH (FREEZE)"

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.count += 1
        if len(self.lines) >= 50_000:
            self.flush()

    def flush(self) -> None:
        if not self.lines:
            return
        data = "\n".join(self.lines) + "\n"
        self.lines = []
        self.pending.append(self.writer.submit(self._copy, data))
        # Bound the backlog: at most a few chunks (tens of MB) wait for the server.
        while sum(not f.done() for f in self.pending) > 3:
            next(f for f in self.pending if not f.done()).result()

    def _copy(self, data: str) -> None:
        with self.cursor.copy(self._copy_sql) as copy:
            copy.write(data)

    def wait(self) -> None:
        for future in self.pending:
            future.result()
        self.pending = []


def _reset_sequence(cursor, table: str) -> None:
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
        f"(SELECT coalesce(max(id), 1) FROM {table}))"
    )


def _drop_secondary_indexes(cursor, tables: list[str]) -> list[str]:
    """Drop the indexes no constraint owns; return the statements that build them again.

    Building an index once over loaded rows is several times faster than updating a dozen
    indexes row by row during the load. An index column's statistics target (the match-key
    index has one, see claims/migrations/0007) goes with the index, so it is set again.
    """
    rows = cursor.execute(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
        [tables],
    ).fetchall()
    targets = cursor.execute(
        "SELECT a.attrelid::regclass::text, a.attnum, a.attstattarget FROM pg_attribute a "
        "JOIN pg_index i ON i.indexrelid = a.attrelid "
        "WHERE i.indrelid = ANY(%s::regclass[]) AND a.attstattarget > 0",
        [tables],
    ).fetchall()
    for name, _ in rows:
        cursor.execute(f"DROP INDEX {name}")
    return [definition for _, definition in rows] + [
        f"ALTER INDEX {name} ALTER COLUMN {column} SET STATISTICS {target}"
        for name, column, target in targets
    ]


def _rebuild_step(definition: str) -> str:
    """Which timed step of the index rebuild a statement belongs to (see seed())."""
    if definition.startswith("ALTER INDEX"):
        return "statistics_targets_s"
    if "gin_trgm_ops" in definition:
        return "trgm_index_s"
    if "claim_match_keys(" in definition:
        return "keys_index_s"
    return "btree_indexes_s"


# --- Seeding ----------------------------------------------------------------------------------

MARKER_TABLE = "bench_seed_info"
TRGM_INDEX = "claim_text_trgm"
TRGM_CREATE = "CREATE INDEX claim_text_trgm ON claims_claim USING gin (text gin_trgm_ops)"


def seed_info(db: str) -> dict | None:
    """What the last completed seeding of `db` recorded: sizes, when, and its timings."""
    with pg_connect(db) as conn:
        exists = conn.execute("SELECT to_regclass(%s)", [MARKER_TABLE]).fetchone()[0]
        if not exists:
            return None
        row = conn.execute(
            f"SELECT n_claims, n_articles, seeded_at, timings FROM {MARKER_TABLE}"
        ).fetchone()
    if row is None:
        return None
    return {"claims": row[0], "articles": row[1], "seeded_at": row[2], "timings": row[3] or {}}


def ensure_seeded(db: str, *, claims: int, articles: int) -> dict:
    """Create, migrate and seed `db` unless already seeded with these sizes. Returns timings."""
    started = time.monotonic()
    created = ensure_database(db)
    migrate(db)
    info = {"database": db, "claims": claims, "articles": articles, "created": created}
    previous = seed_info(db)
    if previous and (previous["claims"], previous["articles"]) == (claims, articles):
        info.update(
            reused=True,
            seconds=time.monotonic() - started,
            seeded_at=previous["seeded_at"],
            seed_timings=previous["timings"],
        )
        return info
    log(f"seeding {db}: {claims:,} claims over {articles:,} articles")
    timings = seed(db, claims=claims, articles=articles)
    info.update(reused=False, seconds=time.monotonic() - started, seed_timings=timings, **timings)
    log(f"seeded {db} in {info['seconds']:.0f} s ({timings})")
    return info


def _truncate_all(cursor) -> None:
    cursor.execute(
        "TRUNCATE claims_verdictcitation, claims_evidence, claims_claimevent, claims_verdict, "
        "claims_claim, sources_sourcelink, sources_snapshot, sources_source, "
        "claims_apitoken RESTART IDENTITY CASCADE"
    )
    bench_users = "SELECT id FROM auth_user WHERE username LIKE 'bench\\_%'"
    cursor.execute(f"DELETE FROM auth_user_groups WHERE user_id IN ({bench_users})")
    cursor.execute(f"DELETE FROM auth_user WHERE id IN ({bench_users})")


def _users(cursor) -> dict[str, int]:
    ids = {}
    names = ["bench_editor", "bench_researcher"] + [f"bench_assignee_{i}" for i in range(5)]
    for name in names:
        ids[name] = cursor.execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, "
            "email, is_staff, is_active, date_joined) VALUES ('!', false, %s, '', '', '', true, "
            "true, now()) RETURNING id",
            [name],
        ).fetchone()[0]
        role = "editor" if name == "bench_editor" else "researcher"
        cursor.execute(
            "INSERT INTO auth_user_groups (user_id, group_id) "
            "SELECT %s, id FROM auth_group WHERE name = %s",
            [ids[name], role],
        )
    return ids


# Every foreign key of the seeded tables, and the span rule of the trigger (migration 0002).
_FOREIGN_KEYS = [
    ("sources_snapshot", "source_id", "sources_source"),
    ("claims_claim", "snapshot_id", "sources_snapshot"),
    ("claims_claim", "assignee_id", "auth_user"),
    ("claims_evidence", "claim_id", "claims_claim"),
    ("claims_evidence", "source_id", "sources_source"),
    ("claims_evidence", "snapshot_id", "sources_snapshot"),
    ("claims_evidence", "added_by_id", "auth_user"),
    ("claims_verdict", "claim_id", "claims_claim"),
    ("claims_verdict", "author_id", "auth_user"),
    ("claims_verdict", "last_edited_by_id", "auth_user"),
    ("claims_verdict", "reviewer_id", "auth_user"),
    ("claims_verdictcitation", "verdict_id", "claims_verdict"),
    ("claims_verdictcitation", "source_id", "sources_source"),
    ("claims_verdictcitation", "snapshot_id", "sources_snapshot"),
]


def validate(cursor) -> None:
    """What the triggers would have refused, checked over whole tables at once."""
    problems = []
    for table, column, target in _FOREIGN_KEYS:
        missing = cursor.execute(
            f"SELECT count(*) FROM {table} t WHERE t.{column} IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM {target} x WHERE x.id = t.{column})"
        ).fetchone()[0]
        if missing:
            problems.append(f"{missing} rows of {table}.{column} point at no {target}")
    # Each snapshot's length once (not once per claim: that would decompress every text 50 times).
    past_end = cursor.execute(
        "WITH lengths AS MATERIALIZED (SELECT id, char_length(text) AS n FROM sources_snapshot) "
        "SELECT count(*) FROM claims_claim c JOIN lengths s ON s.id = c.snapshot_id "
        'WHERE c.start IS NOT NULL AND c."end" > s.n'
    ).fetchone()[0]
    if past_end:
        problems.append(f"{past_end} claim spans end past their snapshot's text")
    if problems:
        raise RuntimeError("seeded data is invalid: " + "; ".join(problems))


SEEDED_TABLES = [
    "sources_source",
    "sources_snapshot",
    "claims_claim",
    "claims_evidence",
    "claims_verdict",
    "claims_verdictcitation",
]


def seed(db: str, *, claims: int, articles: int) -> dict:
    rng = random.Random(SEED)  # noqa: S311 - reproducible data, not security
    rand, randint, choice = rng.random, rng.randint, rng.choice
    t0 = time.monotonic()
    sentences = load_sentences()
    texts = ClaimTexts(sentences, rng)
    explanations = Explanations.compute(sentences, rng)
    features = [esc(f) for f in explanations.features]
    escaped_sentences = [esc(s) for s in sentences]
    statuses = [name for name, share in STATUS_SHARES for _ in range(share)]
    per_article = max(1, claims // articles)
    clock = Clock()
    year = 365 * 86400
    timings: dict = {"setup_s": time.monotonic() - t0}

    with (
        pg_connect(db) as conn,
        conn.cursor() as cur,
        ThreadPoolExecutor(max_workers=1) as writer,
    ):
        _truncate_all(cur)
        cur.execute(f"DROP TABLE IF EXISTS {MARKER_TABLE}")
        index_definitions = _drop_secondary_indexes(cur, SEEDED_TABLES)
        users = _users(cur)
        # Bulk load as a replica: triggers (the span trigger and the foreign-key checks) do not
        # fire row by row. validate() checks the same rules afterwards, set-wise, in this
        # transaction, so the data is exactly as valid as if they had fired.
        cur.execute("SET LOCAL session_replication_role = replica")
        editor, researcher = users["bench_editor"], users["bench_researcher"]
        assignees = [users[f"bench_assignee_{i}"] for i in range(5)] + [researcher]

        source_t = Table(
            cur,
            writer,
            "sources_source",
            "id, kind, url, title, publisher, author, published_at, language, status, "
            "http_status, etag, last_modified, last_checked_at, next_check_at, "
            "consecutive_failures, last_error, created_at, updated_at, refresh_tier",
        )
        snapshot_t = Table(
            cur,
            writer,
            "sources_snapshot",
            "id, source_id, text, title, content_hash, fetched_at, http_status, final_url, "
            "content_type, headers, raw_format, raw_body",
        )
        claim_t = Table(
            cur,
            writer,
            "claims_claim",
            'id, text, snapshot_id, start, "end", origin, checkworthiness, features, speaker, '
            "speaker_type, quantities, status, assignee_id, created_at, updated_at, version, "
            "context",
        )
        evidence_t = Table(
            cur,
            writer,
            "claims_evidence",
            "claim_id, source_id, state, stance, excerpt, note, without_archive_reason, "
            "added_by_id, snapshot_id, created_at, updated_at",
        )
        verdict_t = Table(
            cur,
            writer,
            "claims_verdict",
            "id, claim_id, state, number, rating, conclusion, explanation, author_id, "
            "last_edited_by_id, reviewer_id, published_at, created_at, updated_at, revision, "
            "claim_text, claim_speaker, claim_speaker_type, appearance_url, appearance_headline, "
            "appearance_publisher, appearance_published_at, correction_note, correction_changes, "
            "retracted_at, retraction_note",
        )
        citation_t = Table(
            cur,
            writer,
            "claims_verdictcitation",
            "verdict_id, source_id, snapshot_id, source_url, source_title, stance, excerpt, note, "
            "without_archive_reason",
        )

        def sentence_block(n: int) -> str:
            return " ".join(choice(sentences) for _ in range(n))

        def source_row(
            sid: int, kind: str, url: str, title: str, when: str, tier: str, publisher: str = ""
        ) -> str:
            publisher = publisher or choice(PUBLISHERS)
            return (
                f"{sid}\t{kind}\t{url}\t{esc(title)}\t{publisher}\t\t{when}\ten\tok\t"
                f"200\t\t\t{when}\t{NULL}\t0\t\t{when}\t{when}\t{tier}"
            )

        def snapshot_row(sid: int, url: str, text: str, title: str, when: str) -> str:
            data = text.encode()
            digest = hashlib.sha256(data).hexdigest()
            # The body as received, compressed, as the app stores it (bytea hex in COPY text).
            raw = zlib.compress(data).hex()
            return (
                f"{sid}\t{sid}\t{esc(text)}\t{esc(title)}\t{digest}\t{when}\t200\t{url}\t"
                f"text/html\t{HEADERS}\thtml\t\\\\x{raw}"
            )

        # Evidence sources, one snapshot each (ids after the articles').
        n_evidence = articles * 2
        evidence_ids = list(range(articles + 1, articles + n_evidence + 1))
        evidence_urls: dict[int, str] = {}
        evidence_titles: dict[int, str] = {}
        for sid in evidence_ids:
            when = clock(randint(0, year))
            url = f"https://evidence.bench.example/{sid}/page"
            text = sentence_block(5)
            evidence_urls[sid], evidence_titles[sid] = url, esc(text[:80])
            source_t.add(source_row(sid, "evidence", url, text[:80], when, "evidence"))
            snapshot_t.add(snapshot_row(sid, url, text, text[:80], when))

        claim_id = 0
        verdict_id = 0
        public_verdicts = 0
        for article in range(1, articles + 1):
            published = randint(0, year)
            url = f"https://news.bench.example/{article}/story"
            parts: list[str] = []
            spans: list[tuple[str, int, int]] = []
            title = texts.make()[:200]
            offset = len(title) + 2
            parts.append(title + "\n\n")
            for j in range(per_article):
                sentence = texts.make()
                spans.append((sentence, offset, offset + len(sentence)))
                separator = "\n\n" if j % 3 == 2 else " "
                parts.append(sentence + separator)
                offset += len(sentence) + len(separator)
            body = "".join(parts).rstrip()
            when = clock(published)
            publisher = choice(PUBLISHERS)
            article_when = when
            source_t.add(source_row(article, "article", url, title, when, "none", publisher))
            snapshot_t.add(snapshot_row(article, url, body, title, when))

            for sentence, start, end in spans:
                claim_id += 1
                status = choice(statuses)
                k = randint(0, len(features) - 1)
                quantities = explanations.quantities[k]
                if quantities:
                    quantities = [
                        {**q, "start": q["start"] + start, "end": q["end"] + start}
                        for q in quantities
                    ]
                created = published + randint(60, 3600)
                updated = created + randint(0, 90 * 86400)
                updated_s = clock(updated)
                active = status not in ("new", "dismissed")
                speaker = choice(SPEAKERS) if rand() < 0.4 else ""
                assignee = choice(assignees) if active else NULL
                version = randint(1, 6) if active else 1
                claim_t.add(
                    f"{claim_id}\t{esc(sentence)}\t{article}\t{start}\t{end}\textracted\t"
                    f"{round(rng.uniform(0.5, 1.0), 4)}\t{features[k]}\t{speaker}\t"
                    f"{'person' if speaker else ''}\t"
                    f"{esc(json.dumps(quantities, ensure_ascii=False))}\t{status}\t{assignee}\t"
                    f"{clock(created)}\t{updated_s}\t{version}\t"
                )
                if not active:
                    continue
                cited = rng.sample(evidence_ids, randint(2, 3))
                stances = {sid: choice(STANCES) for sid in cited}
                for sid in cited:
                    evidence_t.add(
                        f"{claim_id}\t{sid}\taccepted\t{stances[sid]}\t"
                        f"{choice(escaped_sentences)}\t\t\t{researcher}\t{sid}\t{updated_s}\t"
                        f"{updated_s}"
                    )
                if status in ("researching", "in_review"):
                    verdict_id += 1
                    verdict_t.add(
                        f"{verdict_id}\t{claim_id}\tdraft\t{NULL}\t{choice(RATINGS)}\t"
                        f"{choice(escaped_sentences)}\t{esc(sentence_block(3))}\t{researcher}\t"
                        f"{researcher}\t{NULL}\t{NULL}\t{updated_s}\t{updated_s}\t{randint(1, 5)}"
                        f"\t\t\t\t\t\t\t{NULL}\t\t[]\t{NULL}\t"
                    )
                    continue
                versions = [("published", 1)]
                if status == "published" and rand() < 0.25:
                    versions = [("superseded", 1), ("published", 2)]
                elif status == "retracted":
                    versions = [("retracted", 1)]
                for state, number in versions:
                    verdict_id += 1
                    public_verdicts += 1
                    when = clock(updated + number * 86400 + randint(0, 86400))
                    # Distinct change times (verdict ids are unique): the feed's cursor pages on
                    # -updated_at, and ties would make it page by offset instead.
                    changed = when.replace("+00", f".{verdict_id:06d}+00")
                    verdict_t.add(
                        f"{verdict_id}\t{claim_id}\t{state}\t{number}\t{choice(RATINGS)}\t"
                        f"{choice(escaped_sentences)}\t{esc(sentence_block(4))}\t{researcher}\t"
                        f"{researcher}\t{editor}\t{when}\t{when}\t{changed}\t1\t"
                        # The version's frozen copy of the claim and its article.
                        f"{esc(sentence)}\t{speaker}\t{'person' if speaker else ''}\t{url}\t"
                        f"{esc(title)}\t{publisher}\t{article_when}\t"
                        f"{'Corrected.' if number > 1 else ''}\t[]\t"
                        f"{when if state == 'retracted' else NULL}\t"
                        f"{'Retracted.' if state == 'retracted' else ''}"
                    )
                    for sid in cited:
                        citation_t.add(
                            f"{verdict_id}\t{sid}\t{sid}\t{evidence_urls[sid]}\t"
                            f"{evidence_titles[sid]}\t{stances[sid]}\t"
                            f"{choice(escaped_sentences)}\t\t"
                        )
        tables = (source_t, snapshot_t, claim_t, evidence_t, verdict_t, citation_t)
        for table in tables:
            table.flush()
        for table in tables:
            table.wait()
        timings["generate_and_copy_s"] = time.monotonic() - t0
        for table in SEEDED_TABLES:
            _reset_sequence(cur, table)
        cur.execute("SET LOCAL session_replication_role = origin")
        t1 = time.monotonic()
        validate(cur)
        timings["validate_s"] = time.monotonic() - t1
        cur.execute("SET maintenance_work_mem = '512MB'")
        # Timed apart, in this order: the b-trees, the trigram index, the match-key index, then
        # the statistics targets of the rebuilt indexes.
        steps = ("btree_indexes_s", "trgm_index_s", "keys_index_s", "statistics_targets_s")
        for step in steps:
            t3 = time.monotonic()
            for definition in index_definitions:
                if _rebuild_step(definition) == step:
                    cur.execute(definition)
            timings[step] = time.monotonic() - t3
        timings["rows"] = {t.name: t.count for t in tables}
        timings["rows"]["public verdicts"] = public_verdicts
        timings["indexes_rebuilt"] = sum("ALTER INDEX" not in d for d in index_definitions)
        cur.execute(
            f"CREATE TABLE {MARKER_TABLE} (n_claims int, n_articles int, seeded_at timestamptz, "
            "timings jsonb)"
        )
        cur.execute(
            f"INSERT INTO {MARKER_TABLE} VALUES (%s, %s, now(), %s)",
            [claims, articles, Jsonb(timings)],
        )
        conn.commit()
    t4 = time.monotonic()
    with pg_connect(db, autocommit=True) as conn:
        for table in SEEDED_TABLES:
            conn.execute(f"VACUUM ANALYZE {table}")
    timings["vacuum_analyze_s"] = time.monotonic() - t4
    return timings


def match_queries(db: str, count: int, *, seed: int = 7) -> list[tuple[str, str]]:
    """Texts to look up, as (kind, text), drawn from `db`'s claims and the real sentences.

    A third each: a claim's exact text (re-checking a known claim), a retyped near-duplicate
    of one (words dropped or swapped), and an original real sentence (whose head or tail the
    seeded claims share: partial matches, the common case).
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible choice of queries
    with pg_connect(db) as conn:
        top = conn.execute("SELECT max(id) FROM claims_claim").fetchone()[0]
        ids = [rng.randint(1, top) for _ in range(count)]
        texts = dict(conn.execute("SELECT id, text FROM claims_claim WHERE id = ANY(%s)", [ids]))
    sentences = load_sentences()
    queries = []
    for i, pk in enumerate(ids):
        kind = ("exact", "retyped", "sentence")[i % 3]
        if kind == "exact":
            queries.append((kind, texts[pk]))
        elif kind == "retyped":
            queries.append((kind, paraphrase(texts[pk], rng)))
        else:
            queries.append((kind, rng.choice(sentences)))
    return queries
