"""Hybrid search: BM25 and vector hits blended by reciprocal rank fusion, with filters.

`Searcher` keeps one store connection and one loaded vector index per database, brings
the search tables up to date with the store (`sync`) and answers queries.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from chronik.embed import ArticleVectors, VectorCache, embed_article, get_embedder
from chronik.embed.document import vector_key
from chronik.errors import ChronikError
from chronik.model import Article
from chronik.search import fts
from chronik.search.vectors import VectorIndex

MAX_QUERY_CHARS = 2000
RRF_K = 60
QUERY_CACHE = 1024  # query embeddings kept per searcher
MODES = ("hybrid", "keyword", "semantic")


class QueryError(ChronikError):
    """A search query that cannot be run (empty, no words, unknown mode)."""


@dataclass(frozen=True)
class Hit:
    article_id: str
    start: int
    end: int
    text: str
    score: float
    title: str | None
    outlet: str | None
    published: str | None


class Searcher:
    """Search over one chronik store (an open `SQLiteStore`)."""

    def __init__(self, store: Any, backend: str = "use") -> None:
        self.store = store
        self.backend = backend
        self.db = store.connection
        fts.ensure_schema(self.db)
        self.embedder = get_embedder(backend)
        path = Path(f"{store.path}.vectors.usearch") if store.path else None
        self.vectors = VectorIndex(path, self.embedder.dim)
        self.cache = VectorCache(str(store.path) if store.path else None, backend)
        self._watermark: tuple[int, int] | None = None
        self._query_vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    def _mark(self) -> tuple[int, int]:
        """Changes since the last sync: `data_version` moves when another connection
        commits, `total_changes` when this one writes (cheap; no table scans)."""
        version = int(self.db.execute("PRAGMA data_version").fetchone()[0])
        return version, int(self.db.total_changes)

    def query_vector(self, query: str) -> np.ndarray:
        """The query's embedding, from a small LRU (users repeat and refine queries)."""
        vec = self._query_vectors.get(query)
        if vec is None:
            vec = self.embedder.encode([query], kind="query")[0]
            vec.setflags(write=False)
            self._query_vectors[query] = vec
            if len(self._query_vectors) > QUERY_CACHE:
                self._query_vectors.popitem(last=False)
        else:
            self._query_vectors.move_to_end(query)
        return vec

    # -- indexing ------------------------------------------------------------------
    def sync(self) -> int:
        """Index new articles, drop deleted ones, refresh story ids; returns articles added.

        Does nothing (no table reads) when the database has not changed since the last sync.
        """
        if self._watermark is not None and self._mark() == self._watermark:
            return 0
        added = self._sync()
        self._watermark = self._mark()
        return added

    def _sync(self) -> int:
        status = self.store.article_status()
        indexed = fts.indexed_articles(self.db)
        stale = [a for a in indexed if a not in status]
        todo = [a for a in status if a not in indexed]
        if self.vectors.needs_rebuild and len(self.vectors) == 0 and indexed:
            stale, todo = list(indexed), list(status)  # lost vector file: redo from the store
        with _transaction(self.db):
            for aid in stale:
                self.vectors.remove(fts.remove_article(self.db, aid))
        for start in range(0, len(todo), 200):
            ready = [
                (a, *self._vectors_of(a)) for a in self.store.articles(todo[start : start + 200])
            ]
            with _transaction(self.db):  # vectors first: the cache writes on its own connection
                for art, key, vecs in ready:
                    self._add(art, key, vecs)
        with _transaction(self.db):
            self._sync_stories()
        if stale or todo or self.vectors.needs_rebuild:
            self.vectors.needs_rebuild = False
            self.vectors.save()
        return len(todo)

    def _vectors_of(self, art: Article) -> tuple[str, ArticleVectors]:
        key = art.meta.get("embedding_key") or vector_key(art, self.backend)
        vecs = self.cache.get(key)
        if vecs is None:
            vecs = embed_article(art, self.embedder)
            self.cache.put(key, vecs)
        return key, vecs

    def _add(self, art: Article, key: str, vecs: ArticleVectors) -> None:
        names = sorted({m.canonical or m.text for m in art.mentions})
        ents = "\x1f".join([*names, *sorted({m.entity_id for m in art.mentions if m.entity_id})])
        passages = [
            fts.Passage(art.id, s, e, art.text[s:e], art.language, art.outlet, art.published, ents)
            for s, e in vecs.spans
        ]
        pids = fts.add_passages(self.db, art.id, key, passages)
        self.vectors.add(pids, vecs.passages)

    def _sync_stories(self) -> None:
        stories = self.store.records("story")
        story_of = {aid: s.id for s in stories for aid in s.article_ids}
        digest = hashlib.sha1(json.dumps(sorted(story_of.items())).encode()).hexdigest()
        self.db.execute("CREATE TABLE IF NOT EXISTS search_state (k TEXT PRIMARY KEY, v TEXT)")
        row = self.db.execute("SELECT v FROM search_state WHERE k = 'stories'").fetchone()
        if row is None or row[0] != digest:
            self.db.execute("UPDATE search_passages SET story_id = NULL")
            fts.set_stories(self.db, story_of)
            self.db.execute("INSERT OR REPLACE INTO search_state VALUES ('stories', ?)", (digest,))

    # -- querying ------------------------------------------------------------------
    def search(
        self, query: str, *, mode: str = "hybrid", limit: int = 10, filters: fts.Filters
    ) -> list[Hit]:
        query = _check(query, mode)
        limit = max(1, min(int(limit), 1000))
        allowed = fts.filtered_pids(self.db, filters)
        if allowed is not None and not allowed:
            return []
        depth = max(limit * 5, 50)
        ranked: list[list[tuple[int, float]]] = []
        if mode in ("hybrid", "keyword"):
            ranked.append(fts.keyword(self.db, query, allowed, depth))
        if mode in ("hybrid", "semantic"):
            qvec = self.query_vector(query)
            ranked.append(self.vectors.search(qvec, depth, allowed))
        scored = ranked[0] if len(ranked) == 1 else _fuse(ranked)
        return self._hits(scored[:limit])

    def _hits(self, scored: list[tuple[int, float]]) -> list[Hit]:
        rows = fts.passage_rows(self.db, [pid for pid, _ in scored])
        arts = {a.id: a for a in self.store.articles({r[0] for r in rows.values()})}
        hits = []
        for pid, score in scored:
            if pid not in rows or rows[pid][0] not in arts:
                continue
            aid, start, end, outlet, published = rows[pid]
            art = arts[aid]
            hits.append(Hit(aid, start, end, art.text[start:end], round(score, 6), art.title,
                            outlet, published))  # fmt: skip
        return hits


@contextmanager
def _transaction(db: Any) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _check(query: str, mode: str) -> str:
    if mode not in MODES:
        raise QueryError(f"unknown search mode {mode!r} (known: {', '.join(MODES)})")
    if not isinstance(query, str) or not query.strip():
        raise QueryError("empty query: give some words to search for")
    query = query[:MAX_QUERY_CHARS]
    if fts.match_expression(query) is None:
        raise QueryError("the query has no words (only punctuation or symbols)")
    return query


def _fuse(rankings: list[list[tuple[int, float]]]) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: robust to BM25 and cosine living on different scales."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, (pid, _) in enumerate(ranking):
            scores[pid] = scores.get(pid, 0.0) + 1.0 / (RRF_K + rank + 1)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
