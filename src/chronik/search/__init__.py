"""Search over a chronik store: keyword (FTS5 BM25), semantic (vectors) or both blended.

from chronik.search import search
hits = search("chronik.db", "arms deal", lang="en", limit=5)
"""

from __future__ import annotations

import os
from pathlib import Path

from chronik.search.fts import Filters
from chronik.search.hybrid import Hit, QueryError, Searcher

__all__ = ["Filters", "Hit", "QueryError", "Searcher", "search"]

_SEARCHERS: dict[tuple[int, str, str], Searcher] = {}


def searcher_for(db_path: str | Path, backend: str = "use") -> Searcher:
    """One open searcher per process, database and backend (the vector index stays loaded)."""
    key = (os.getpid(), str(Path(db_path).resolve()), backend)
    if key not in _SEARCHERS:
        from chronik.store import open_store

        _SEARCHERS[key] = Searcher(open_store(db_path), backend)
    return _SEARCHERS[key]


def search(
    db_path: str | Path,
    query: str,
    *,
    mode: str = "hybrid",
    lang: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    entity: str | None = None,
    outlet: str | None = None,
    story: str | None = None,
    limit: int = 10,
    backend: str = "use",
) -> list[Hit]:
    """Best passages for `query`; raises `QueryError` with a clear message for bad queries."""
    searcher = searcher_for(db_path, backend)
    searcher.sync()
    filters = Filters(lang, date_from, date_to, entity, outlet, story)
    return searcher.search(query, mode=mode, limit=limit, filters=filters)
