"""What the JSON routes and the web views share: opening the store, calling search.

The store is opened per request, inside the thread that uses it (SQLite connections
belong to one thread), and a missing or unreadable file becomes a 503 with a message.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request

from chronik.errors import ChronikError
from chronik.store import open_store
from chronik.store.sqlite import SQLiteStore

MEMORY = ":memory:"
# chronik.search keeps one open searcher (and its SQLite connection) per process, and a
# connection works only in the thread that made it: every search runs in this one thread
SEARCH_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chronik-search")


def db_path(request: Request) -> str:
    """The store path the app was created with (a FastAPI dependency)."""
    return str(request.app.state.db)


def check_db(db: str) -> None:
    """A read-only view of a missing file would silently create an empty store: refuse."""
    if db != MEMORY and not Path(db).is_file():
        raise HTTPException(503, f"store {db!r} does not exist (run `chronik analyze` first)")


@contextmanager
def open_db(db: str, *, create: bool = False) -> Iterator[SQLiteStore]:
    """The store for one request; 503 when it cannot be opened."""
    if not create:
        check_db(db)
    try:
        store = open_store(db)
    except ChronikError as exc:
        raise HTTPException(503, f"store unavailable: {exc}") from None
    try:
        yield store
    finally:
        store.close()


def search_hits(db: str, q: str, mode: str, lang: str | None, limit: int) -> list[dict[str, Any]]:
    """Hits of `chronik.search.search` as dicts; 501 while that module does not exist.

    Looked up at request time, so the API picks it up once it lands, without a restart
    of the code that imports this module.
    """
    try:
        module = importlib.import_module("chronik.search")
    except ImportError:
        module = None
    search = getattr(module, "search", None)
    if not callable(search):
        raise HTTPException(501, "search is not available yet (chronik.search is missing)")
    check_db(db)
    try:
        hits = SEARCH_THREAD.submit(search, db, q, mode=mode, lang=lang, limit=limit).result()
    except ChronikError as exc:
        raise HTTPException(422, f"bad query: {exc}") from None
    return [_plain(hit) for hit in hits]


def _plain(hit: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(hit) and not isinstance(hit, type):
        return dataclasses.asdict(hit)
    if hasattr(hit, "_asdict"):
        return dict(hit._asdict())
    return dict(hit) if isinstance(hit, dict) else dict(vars(hit))
