"""Keyword search: an SQLite FTS5 (BM25) index over passages, inside the chronik database.

All search SQL lives in this package. User text never reaches FTS5 syntax: a query is
reduced to its word tokens, each quoted as a literal, so quotes, NEAR, *, - and SQL
fragments are just words (or nothing).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

MAX_TERMS = 32
MAX_TERM_CHARS = 64
COMMON_SHARE = 0.05  # terms in more passages than this add little to BM25 but cost most

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS search_passages (
        pid INTEGER PRIMARY KEY, article_id TEXT NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, lang TEXT, outlet TEXT, published TEXT, story_id TEXT,
        entities TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX IF NOT EXISTS search_passages_article ON search_passages(article_id)",
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        body, tokenize = 'unicode61 remove_diacritics 2')""",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search_fts, 'row')",
    """CREATE TABLE IF NOT EXISTS search_articles (
        article_id TEXT PRIMARY KEY, key TEXT NOT NULL)""",
)


@dataclass(frozen=True)
class Passage:
    article_id: str
    start: int
    end: int
    text: str
    lang: str | None
    outlet: str | None
    published: str | None
    entities: str


def ensure_schema(db: sqlite3.Connection) -> None:
    for statement in SCHEMA:
        db.execute(statement)


def match_expression(query: str, db: sqlite3.Connection | None = None) -> str | None:
    """The FTS5 MATCH string for free text: quoted word tokens OR-ed (BM25 ranks).

    With `db`, very common terms are dropped (kept if nothing rarer is left): their long
    posting lists dominate query time while contributing almost nothing to the ranking.
    """
    terms = list(dict.fromkeys(t[:MAX_TERM_CHARS] for t in re.findall(r"\w+", query)))
    terms = terms[:MAX_TERMS]
    if db is not None and len(terms) > 1:
        terms = _rare_terms(db, terms)
    return " OR ".join(f'"{t}"' for t in terms) if terms else None


def _rare_terms(db: sqlite3.Connection, terms: list[str]) -> list[str]:
    total = db.execute("SELECT count(*) FROM search_passages").fetchone()[0] or 1
    marks = ",".join("?" * len(terms))
    df = dict(db.execute(
        f"SELECT term, doc FROM search_vocab WHERE term IN ({marks})",
        [t.lower() for t in terms],
    ).fetchall())  # fmt: skip
    rare = [t for t in terms if df.get(t.lower(), 0) <= COMMON_SHARE * total]
    return rare or sorted(terms, key=lambda t: df.get(t.lower(), 0))[:1]


def indexed_articles(db: sqlite3.Connection) -> dict[str, str]:
    """article id -> content key of the version indexed."""
    return dict(db.execute("SELECT article_id, key FROM search_articles"))


def add_passages(
    db: sqlite3.Connection, article_id: str, key: str, passages: Iterable[Passage]
) -> list[int]:
    """Index an article's passages (replacing an older version); returns their pids."""
    pids = []
    for p in passages:
        cur = db.execute(
            'INSERT INTO search_passages (article_id, start, "end", lang, outlet, published,'
            " entities) VALUES (?,?,?,?,?,?,?)",
            (article_id, p.start, p.end, p.lang, p.outlet, p.published, p.entities),
        )
        pid = int(cur.lastrowid or 0)
        db.execute("INSERT INTO search_fts (rowid, body) VALUES (?, ?)", (pid, p.text))
        pids.append(pid)
    db.execute("INSERT OR REPLACE INTO search_articles VALUES (?, ?)", (article_id, key))
    return pids


def remove_article(db: sqlite3.Connection, article_id: str) -> list[int]:
    pids = [r[0] for r in db.execute(
        "SELECT pid FROM search_passages WHERE article_id = ?", (article_id,))]  # fmt: skip
    db.executemany("DELETE FROM search_fts WHERE rowid = ?", [(p,) for p in pids])
    db.execute("DELETE FROM search_passages WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM search_articles WHERE article_id = ?", (article_id,))
    return pids


def set_stories(db: sqlite3.Connection, story_of: dict[str, str]) -> None:
    db.executemany(
        "UPDATE search_passages SET story_id = ? WHERE article_id = ?",
        [(sid, aid) for aid, sid in story_of.items()],
    )


def keyword(
    db: sqlite3.Connection, query: str, allowed: set[int] | None, limit: int
) -> list[tuple[int, float]]:
    """(pid, bm25 score, higher is better) for the best-matching passages."""
    expr = match_expression(query, db)
    if expr is None:
        return []
    rows = db.execute(
        "SELECT rowid, -bm25(search_fts) FROM search_fts WHERE search_fts MATCH ? "
        "ORDER BY bm25(search_fts) LIMIT ?",
        (expr, limit if allowed is None else max(limit * 20, 1000)),
    ).fetchall()
    hits = [(int(pid), float(score)) for pid, score in rows]
    if allowed is not None:
        hits = [h for h in hits if h[0] in allowed]
    return hits[:limit]


@dataclass(frozen=True)
class Filters:
    lang: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    outlet: str | None = None
    story: str | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in vars(self).values())


def filtered_pids(db: sqlite3.Connection, f: Filters) -> set[int] | None:
    """Passages passing the filters (None: no filter, everything passes)."""
    if not f.active:
        return None
    clauses, params = [], []
    for column, value in (("lang", f.lang), ("outlet", f.outlet), ("story_id", f.story)):
        if value is not None:
            clauses.append(f"lower({column}) = lower(?)")
            params.append(value)
    if f.date_from:
        clauses.append("published >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("substr(published, 1, length(?)) <= ?")
        params.extend([f.date_to, f.date_to])
    if f.entity:
        clauses.append("instr(lower(entities), lower(?)) > 0")
        params.append(f.entity)
    sql = "SELECT pid FROM search_passages WHERE " + " AND ".join(clauses)
    return {int(r[0]) for r in db.execute(sql, params)}


def passage_rows(db: sqlite3.Connection, pids: list[int]) -> dict[int, tuple]:
    """pid -> (article_id, start, end, outlet, published)."""
    if not pids:
        return {}
    marks = ",".join("?" * len(pids))
    cur = db.execute(
        f'SELECT pid, article_id, start, "end", outlet, published FROM search_passages '
        f"WHERE pid IN ({marks})",
        pids,
    )
    return {int(r[0]): tuple(r[1:]) for r in cur}


def all_pids(db: sqlite3.Connection) -> list[int]:
    return [int(r[0]) for r in db.execute("SELECT pid FROM search_passages ORDER BY pid")]
