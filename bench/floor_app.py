# ruff: noqa: S608 - the SQL is put together from constants of this module, never from input.
"""The floor for the API benchmarks: the same rows, plain psycopg, dumped with orjson.

Each function runs hand-written SQL that fetches the same page of the same columns as the API
endpoint it stands for, joined the same way (claim -> snapshot -> source, assignee or reviewer,
the latest published version, the accepted evidence count, the citations), and returns the
response body as bytes, shaped like the API's. No Django, no authentication, no serializers, no
middleware: what is left is the database and the bytes, which is as fast as the endpoint could
be in Python.

`application` serves them over WSGI, so the same gunicorn that runs config.wsgi runs this:
    gunicorn bench.floor_app:application --workers 2 --bind 127.0.0.1:PORT
with BENCH_FLOOR_DSN (a PostgreSQL URL) and BENCH_FLOOR_MAPS (JSON: the editor's allowed actions
per claim status and the rating labels, taken from the app so the bodies match) in the
environment.

Paths: /claims/?page=&page_size=  /verdicts/?after=<updated_at>,<id>&page_size=
/claims/<id>/  /match/?text=&limit=  /verdicts/not-modified/ (304 after one tiny query).
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, quote

import orjson
import psycopg

PUBLIC_STATES = ["published", "superseded", "retracted"]
OPTIONS = orjson.OPT_UTC_Z
BASE = "http://127.0.0.1"

_CLAIM_COLUMNS = """
    c.id, c.text, c.start, c."end", c.checkworthiness, c.features, c.speaker, c.quantities,
    c.status, c.origin, c.version, c.created_at, c.updated_at,
    src.id, src.title, src.url, src.publisher, src.published_at,
    u.username, v.rating, v.number,
    (SELECT count(*) FROM claims_evidence e WHERE e.claim_id = c.id AND e.state = 'accepted')
"""
_CLAIM_JOINS = """
    LEFT JOIN sources_snapshot s ON s.id = c.snapshot_id
    LEFT JOIN sources_source src ON src.id = s.source_id
    LEFT JOIN auth_user u ON u.id = c.assignee_id
    LEFT JOIN LATERAL (
        SELECT rating, number FROM claims_verdict
        WHERE claim_id = c.id AND number IS NOT NULL ORDER BY number DESC LIMIT 1
    ) v ON true
"""
# The page (or the matches) first, then the joins and per-row lookups for those rows only.
CLAIMS_PAGE = f"""
    SELECT {_CLAIM_COLUMNS}
    FROM (SELECT * FROM claims_claim ORDER BY checkworthiness DESC, id LIMIT %s OFFSET %s) c
    {_CLAIM_JOINS}
    ORDER BY c.checkworthiness DESC, c.id
"""
CLAIMS_COUNT = "SELECT count(*) FROM claims_claim"
CLAIM_DETAIL = f"""
    SELECT {_CLAIM_COLUMNS}, substring(s.text from c.start + 1 for c."end" - c.start)
    FROM claims_claim c {_CLAIM_JOINS} WHERE c.id = %s
"""
MATCH = f"""
    SELECT {_CLAIM_COLUMNS}, c.sim
    FROM (
        SELECT *, similarity(text, %(text)s) AS sim FROM claims_claim
        WHERE text %% %(text)s AND similarity(text, %(text)s) >= 0.3
        ORDER BY sim DESC, id LIMIT %(limit)s
    ) c
    {_CLAIM_JOINS}
    ORDER BY c.sim DESC, c.id
"""
_VERDICT_COLUMNS = """
    v.id, v.claim_id, v.number, v.state, v.rating, v.conclusion, v.explanation,
    v.published_at, v.updated_at, u.username, c.text, c.speaker,
    src.id, src.title, src.url, src.publisher, src.published_at
"""
_VERDICT_JOINS = """
    JOIN claims_claim c ON c.id = v.claim_id
    LEFT JOIN sources_snapshot s ON s.id = c.snapshot_id
    LEFT JOIN sources_source src ON src.id = s.source_id
    LEFT JOIN auth_user u ON u.id = v.reviewer_id
"""
FEED_FIRST = f"""
    SELECT {_VERDICT_COLUMNS}
    FROM (
        SELECT * FROM claims_verdict WHERE state = ANY(%(states)s)
        ORDER BY updated_at DESC, id DESC LIMIT %(limit)s
    ) v
    {_VERDICT_JOINS}
    ORDER BY v.updated_at DESC, v.id DESC
"""
FEED_AFTER = f"""
    SELECT {_VERDICT_COLUMNS}
    FROM (
        SELECT * FROM claims_verdict
        WHERE state = ANY(%(states)s) AND (updated_at, id) < (%(at)s, %(id)s)
        ORDER BY updated_at DESC, id DESC LIMIT %(limit)s
    ) v
    {_VERDICT_JOINS}
    ORDER BY v.updated_at DESC, v.id DESC
"""
VERDICTS_OF_CLAIMS = f"""
    SELECT {_VERDICT_COLUMNS} FROM claims_verdict v {_VERDICT_JOINS}
    WHERE v.state = ANY(%(states)s) AND v.claim_id = ANY(%(claims)s) ORDER BY v.number DESC
"""
CITATIONS = """
    SELECT vc.verdict_id, src.url, src.title, vc.stance, vc.excerpt, vc.snapshot_id,
           snap.fetched_at
    FROM claims_verdictcitation vc
    JOIN sources_source src ON src.id = vc.source_id
    LEFT JOIN sources_snapshot snap ON snap.id = vc.snapshot_id
    WHERE vc.verdict_id = ANY(%s) ORDER BY vc.verdict_id, vc.id
"""
TINY = "SELECT 1"
NOT_MODIFIED_ETAG = '"floor-feed-etag"'


class Floor:
    """One connection and the body-building functions (the WSGI app holds one per worker)."""

    def __init__(self, dsn: str, maps: dict[str, Any]) -> None:
        self.conn = psycopg.connect(dsn, autocommit=True)
        self.actions: dict[str, list[str]] = maps["actions"]
        self.labels: dict[str, str] = maps["labels"]

    def _claim(self, row: tuple) -> dict[str, Any]:
        return {
            "id": row[0],
            "text": row[1],
            "article": (
                {
                    "id": row[13],
                    "title": row[14],
                    "url": row[15],
                    "publisher": row[16],
                    "published_at": row[17],
                }
                if row[13] is not None
                else None
            ),
            "start": row[2],
            "end": row[3],
            "checkworthiness": row[4],
            "features": row[5],
            "speaker": row[6],
            "quantities": row[7],
            "status": row[8],
            "assignee": row[18],
            "origin": row[9],
            "rating": row[19],
            "published_version": row[20],
            "evidence_count": row[21],
            "allowed_actions": self.actions.get(row[8], []),
            "version": row[10],
            "created_at": row[11],
            "updated_at": row[12],
        }

    def _verdicts(self, rows: list[tuple]) -> list[dict[str, Any]]:
        citations: dict[int, list[dict[str, Any]]] = {row[0]: [] for row in rows}
        if rows:
            for c in self.conn.execute(CITATIONS, [list(citations)]):
                citations[c[0]].append(
                    {
                        "source_url": c[1],
                        "source_title": c[2],
                        "stance": c[3],
                        "excerpt": c[4],
                        "snapshot_id": c[5],
                        "archived_at": c[6],
                    }
                )
        return [
            {
                "id": r[0],
                "claim": {
                    "id": r[1],
                    "text": r[10],
                    "speaker": r[11],
                    "article": (
                        {
                            "id": r[12],
                            "title": r[13],
                            "url": r[14],
                            "publisher": r[15],
                            "published_at": r[16],
                        }
                        if r[12] is not None
                        else None
                    ),
                },
                "version": r[2],
                "state": r[3],
                "rating": r[4],
                "rating_label": self.labels.get(r[4], r[4]),
                "conclusion": r[5],
                "explanation": r[6],
                "reviewer": r[9],
                "published_at": r[7],
                "updated_at": r[8],
                "citations": citations[r[0]],
            }
            for r in rows
        ]

    def claims_page(self, page: int = 1, page_size: int = 50) -> bytes:
        count = self.conn.execute(CLAIMS_COUNT).fetchone()[0]
        rows = self.conn.execute(CLAIMS_PAGE, [page_size, (page - 1) * page_size]).fetchall()
        last = (count + page_size - 1) // page_size
        body = {
            "count": count,
            "next": f"{BASE}/claims/?page={page + 1}" if page < last else None,
            "previous": f"{BASE}/claims/?page={page - 1}" if page > 1 else None,
            "results": [self._claim(row) for row in rows],
        }
        return orjson.dumps(body, option=OPTIONS)

    def feed_page(self, after: tuple[datetime, int] | None = None, page_size: int = 50) -> bytes:
        params: dict[str, Any] = {"states": PUBLIC_STATES, "limit": page_size + 1}
        if after is None:
            rows = self.conn.execute(FEED_FIRST, params).fetchall()
        else:
            rows = self.conn.execute(FEED_AFTER, {**params, "at": after[0], "id": after[1]})
            rows = rows.fetchall()
        more = len(rows) > page_size
        rows = rows[:page_size]
        next_link = None
        if more:
            last = rows[-1]
            next_link = f"{BASE}/verdicts/?after={quote(last[8].isoformat())},{last[0]}"
        body = {"next": next_link, "previous": None, "results": self._verdicts(rows)}
        return orjson.dumps(body, option=OPTIONS)

    def claim_detail(self, claim_id: int) -> bytes:
        row = self.conn.execute(CLAIM_DETAIL, [claim_id]).fetchone()
        body = self._claim(row)
        body["quote"] = row[22] or ""
        return orjson.dumps(body, option=OPTIONS)

    def match(self, text: str, limit: int = 10) -> bytes:
        rows = self.conn.execute(MATCH, {"text": text, "limit": limit}).fetchall()
        claims = [row[0] for row in rows]
        by_claim: dict[int, list[dict[str, Any]]] = {pk: [] for pk in claims}
        if claims:
            verdicts = self.conn.execute(
                VERDICTS_OF_CLAIMS, {"states": PUBLIC_STATES, "claims": claims}
            ).fetchall()
            for verdict in self._verdicts(verdicts):
                by_claim[verdict["claim"]["id"]].append(verdict)
        body = [
            {"similarity": row[22], **self._claim(row), "verdicts": by_claim[row[0]]}
            for row in rows
        ]
        return orjson.dumps(body, option=OPTIONS)

    def not_modified(self, if_none_match: str) -> bool:
        self.conn.execute(TINY).fetchone()
        return if_none_match == NOT_MODIFIED_ETAG


_floor: Floor | None = None


def _get_floor() -> Floor:
    global _floor
    if _floor is None:
        _floor = Floor(os.environ["BENCH_FLOOR_DSN"], json.loads(os.environ["BENCH_FLOOR_MAPS"]))
    return _floor


def application(environ: dict, start_response) -> list[bytes]:
    floor = _get_floor()
    path = environ.get("PATH_INFO", "/")
    query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
    page_size = int(query.get("page_size", 50))
    if path == "/verdicts/not-modified/":
        if floor.not_modified(environ.get("HTTP_IF_NONE_MATCH", "")):
            start_response("304 Not Modified", [("ETag", NOT_MODIFIED_ETAG)])
            return []
        body = floor.feed_page(None, page_size)
    elif path == "/claims/":
        body = floor.claims_page(int(query.get("page", 1)), page_size)
    elif path == "/verdicts/":
        after = None
        if "after" in query:
            at, _, pk = query["after"].rpartition(",")
            after = (datetime.fromisoformat(at), int(pk))
        body = floor.feed_page(after, page_size)
    elif path == "/match/":
        body = floor.match(query["text"], int(query.get("limit", 10)))
    elif path.startswith("/claims/"):
        body = floor.claim_detail(int(path.strip("/").split("/")[1]))
    else:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]
