"""SQLite store (stdlib, WAL): the embedded default.

Every write is one transaction, so a run killed at any point (kill -9) leaves either the
old or the new state of each batch, never half of one; the pipeline then redoes what is
missing. The schema is versioned with `PRAGMA user_version` and forward-only migrations.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from chronik.codec import from_dict, span_from_dict, to_dict
from chronik.errors import ItemError, StoreError
from chronik.model import (
    CORPUS_TYPES,
    SPAN_FIELDS,
    Article,
    Removed,
    Sentence,
    Span,
    Token,
)

# Spans kept compactly in the article row rather than one row each (there are many).
_COMPACT = ("sentence", "token")
_ROW_SPANS = tuple(k for k in SPAN_FIELDS if k not in _COMPACT)

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, spans, corpus records, caches, errors
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT UNIQUE NOT NULL,
        source TEXT NOT NULL,
        url TEXT, outlet TEXT, title TEXT,
        published TEXT, published_source TEXT NOT NULL DEFAULT 'none',
        language TEXT,
        raw_text TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        removed TEXT NOT NULL DEFAULT '[]',
        contributors TEXT NOT NULL DEFAULT '[]',
        paragraphs TEXT NOT NULL DEFAULT '[]',
        sentences TEXT NOT NULL DEFAULT '[]',
        tokens TEXT NOT NULL DEFAULT '[]',
        meta TEXT NOT NULL DEFAULT '{}',
        done TEXT NOT NULL DEFAULT '[]',
        updated REAL NOT NULL
    );
    CREATE TABLE spans (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, kind, idx)
    );
    CREATE INDEX spans_kind ON spans(kind);
    CREATE TABLE records (
        kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (kind, id)
    );
    CREATE TABLE cache (
        ns TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL,
        PRIMARY KEY (ns, key)
    );
    CREATE TABLE errors (
        item TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL, at REAL NOT NULL
    );
    """,
)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class SQLiteStore:
    """The default `Store`: one SQLite file, safe to reopen and to kill."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path: Path | None = None if str(path) == ":memory:" else Path(path)
        try:
            self.connection = sqlite3.connect(str(path), timeout=30, isolation_level=None)
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=NORMAL")
            self.connection.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open as a chronik database ({exc})") from exc

    # -- schema ------------------------------------------------------------------
    def _migrate(self) -> None:
        version = self.connection.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path}: schema v{version} is newer than this chronik")
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._tx():
                for statement in filter(str.strip, script.split(";")):
                    self.connection.execute(statement)
                self.connection.execute(f"PRAGMA user_version = {number}")

    def _tx(self) -> _Transaction:
        return _Transaction(self.connection)

    @property
    def schema_version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    # -- articles ----------------------------------------------------------------
    def put_articles(self, articles: Sequence[Article]) -> None:
        with self._tx():
            for art in articles:
                self._put_article(art)

    def _put_article(self, art: Article) -> None:
        db = self.connection
        db.execute(
            """INSERT INTO articles (id, source, url, outlet, title, published,
                   published_source, language, raw_text, text, removed, contributors,
                   paragraphs, sentences, tokens, meta, done, updated)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(id) DO UPDATE SET source=excluded.source, url=excluded.url,
                   outlet=excluded.outlet, title=excluded.title, published=excluded.published,
                   published_source=excluded.published_source, language=excluded.language,
                   raw_text=excluded.raw_text, text=excluded.text, removed=excluded.removed,
                   contributors=excluded.contributors, paragraphs=excluded.paragraphs,
                   sentences=excluded.sentences, tokens=excluded.tokens, meta=excluded.meta,
                   done=excluded.done, updated=excluded.updated""",
            (
                art.id, art.source, art.url, art.outlet, art.title, art.published,
                art.published_source, art.language, art.raw_text, art.text,
                _dumps([[r.line, r.reason] for r in art.removed]),
                _dumps(list(art.contributors)),
                _dumps([list(p) for p in art.paragraphs]),
                _dumps([[s.start, s.end, s.paragraph] for s in art.sentences]),
                _dumps([[t.start, t.end] for t in art.tokens]),
                _dumps(art.meta), _dumps(list(art.done)), time.time(),
            ),
        )  # fmt: skip
        db.execute("DELETE FROM spans WHERE article_id = ?", (art.id,))
        rows = []
        for kind in _ROW_SPANS:
            for idx, span in enumerate(art.spans(kind)):
                data = to_dict(span)
                rows.append((art.id, kind, idx, span.start, span.end, span.text, _dumps(data)))
        db.executemany("INSERT INTO spans VALUES (?,?,?,?,?,?,?)", rows)

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        query = "SELECT * FROM articles"
        params: list[str] = []
        if ids is not None:
            params = list(ids)
            if not params:
                return
            query += " WHERE id IN (SELECT value FROM json_each(?))"
            params = [_dumps(params)]
        cur = self.connection.execute(query + " ORDER BY seq", params)
        cols = [c[0] for c in cur.description]
        batch = cur.fetchmany(200)
        while batch:
            rows = [dict(zip(cols, row, strict=True)) for row in batch]
            spans = self._spans_for([r["id"] for r in rows])
            for row in rows:
                yield _article_from_row(row, spans.get(row["id"], {}))
            batch = cur.fetchmany(200)

    def _spans_for(self, ids: list[str]) -> dict[str, dict[str, list[Span]]]:
        out: dict[str, dict[str, list[Span]]] = {}
        cur = self.connection.execute(
            "SELECT article_id, kind, data FROM spans WHERE article_id IN "
            "(SELECT value FROM json_each(?)) ORDER BY article_id, kind, idx",
            (_dumps(ids),),
        )
        for article_id, kind, data in cur:
            per = out.setdefault(article_id, {})
            per.setdefault(kind, []).append(span_from_dict(kind, json.loads(data)))
        return out

    def article_index(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        language: str | None = None,
        outlet: str | None = None,
    ) -> tuple[int, list[dict[str, Any]]]:
        """(total, one page of article headers) without loading texts or spans: for listings."""
        where, params = "WHERE 1=1", []
        if language:
            where += " AND language = ?"
            params.append(language)
        if outlet:
            where += " AND lower(outlet) = lower(?)"
            params.append(outlet)
        db = self.connection
        total = db.execute(f"SELECT COUNT(*) FROM articles {where}", params).fetchone()[0]
        cur = db.execute(
            "SELECT id, source, url, outlet, title, published, published_source, language, "
            "json_array_length(sentences) AS sentences, json_array_length(removed) AS removed "
            f"FROM articles {where} ORDER BY seq LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        cols = [c[0] for c in cur.description]
        page = [dict(zip(cols, row, strict=True)) for row in cur]
        counts = db.execute(
            "SELECT article_id, kind, COUNT(*) FROM spans WHERE article_id IN "
            "(SELECT value FROM json_each(?)) GROUP BY article_id, kind",
            (_dumps([row["id"] for row in page]),),
        )
        per: dict[str, dict[str, int]] = {}
        for article_id, kind, n in counts:
            per.setdefault(article_id, {})[SPAN_FIELDS[kind]] = n
        for row in page:
            row.update(
                {SPAN_FIELDS[k]: per.get(row["id"], {}).get(SPAN_FIELDS[k], 0) for k in _ROW_SPANS}
            )
        return total, page

    def article_status(self) -> dict[str, tuple[str, ...]]:
        cur = self.connection.execute("SELECT id, done FROM articles")
        return {aid: tuple(json.loads(done)) for aid, done in cur}

    def spans(self, kind: str) -> Iterator[tuple[str, Span]]:
        if kind in _COMPACT:
            for art in self.articles():
                for span in art.spans(kind):
                    yield art.id, span
            return
        cur = self.connection.execute(
            "SELECT s.article_id, s.data FROM spans s JOIN articles a ON a.id = s.article_id "
            "WHERE s.kind = ? ORDER BY a.seq, s.idx",
            (kind,),
        )
        for article_id, data in cur:
            yield article_id, span_from_dict(kind, json.loads(data))

    # -- corpus records ----------------------------------------------------------
    def put_records(self, kind: str, records: Sequence[Any], *, replace: bool = True) -> None:
        if kind not in CORPUS_TYPES:
            raise StoreError(f"unknown record kind {kind!r}")
        rows = [(kind, _record_id(kind, r, i), _dumps(to_dict(r))) for i, r in enumerate(records)]
        with self._tx():
            if replace:
                self.connection.execute("DELETE FROM records WHERE kind = ?", (kind,))
            self.connection.executemany("INSERT OR REPLACE INTO records VALUES (?,?,?)", rows)

    def records(self, kind: str) -> list[Any]:
        cls = CORPUS_TYPES[kind]
        cur = self.connection.execute(
            "SELECT data FROM records WHERE kind = ? ORDER BY rowid", (kind,)
        )
        return [from_dict(cls, json.loads(data)) for (data,) in cur]

    # -- errors and caches -------------------------------------------------------
    def put_errors(self, errors: Sequence[ItemError]) -> None:
        now = time.time()
        with self._tx():
            self.connection.executemany(
                "INSERT INTO errors VALUES (?,?,?,?)",
                [(e.item, e.stage, e.reason, now) for e in errors],
            )

    def errors(self) -> list[ItemError]:
        cur = self.connection.execute("SELECT item, reason, stage FROM errors ORDER BY rowid")
        return [ItemError(item, reason, stage) for item, reason, stage in cur]

    def get_cache(self, ns: str, key: str) -> bytes | None:
        row = self.connection.execute(
            "SELECT value FROM cache WHERE ns = ? AND key = ?", (ns, key)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def put_cache(self, ns: str, key: str, value: bytes) -> None:
        with self._tx():
            self.connection.execute("INSERT OR REPLACE INTO cache VALUES (?,?,?)", (ns, key, value))

    def counts(self) -> dict[str, int]:
        db = self.connection
        out = {"articles": db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]}
        out["sentences"] = db.execute(
            "SELECT COALESCE(SUM(json_array_length(sentences)), 0) FROM articles"
        ).fetchone()[0]
        for kind, n in db.execute("SELECT kind, COUNT(*) FROM spans GROUP BY kind"):
            out[SPAN_FIELDS.get(kind, kind)] = n
        for kind, n in db.execute("SELECT kind, COUNT(*) FROM records GROUP BY kind"):
            out[f"{kind} records"] = n
        out["errors"] = db.execute("SELECT COUNT(*) FROM errors").fetchone()[0]
        return out

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> None:
        self.connection.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.connection.execute("ROLLBACK" if exc_type else "COMMIT")


def _record_id(kind: str, record: Any, index: int) -> str:
    rid = getattr(record, "id", None)
    if rid:
        return str(rid)
    # timeline entries have no id of their own
    return f"{getattr(record, 'story_id', kind)}:{index:06d}"


def _article_from_row(row: dict[str, Any], spans: dict[str, list[Span]]) -> Article:
    text = row["text"]
    sentences = tuple(
        Sentence(start=s, end=e, text=text[s:e], paragraph=p)
        for s, e, p in json.loads(row["sentences"])
    )
    tokens = tuple(Token(start=s, end=e, text=text[s:e]) for s, e in json.loads(row["tokens"]))
    fields: dict[str, Any] = {SPAN_FIELDS[k]: tuple(v) for k, v in spans.items()}
    return Article(
        id=row["id"], source=row["source"], raw_text=row["raw_text"], text=text,
        url=row["url"], outlet=row["outlet"], title=row["title"], published=row["published"],
        published_source=row["published_source"], language=row["language"],
        removed=tuple(Removed(line, reason) for line, reason in json.loads(row["removed"])),
        contributors=tuple(json.loads(row["contributors"])),
        paragraphs=tuple(tuple(p) for p in json.loads(row["paragraphs"])),  # type: ignore[misc]
        sentences=sentences, tokens=tokens, meta=json.loads(row["meta"]),
        done=tuple(json.loads(row["done"])), **fields,
    )  # fmt: skip
