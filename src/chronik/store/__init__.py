"""Storage behind one interface (`Store`); SQLite is the embedded default."""

from __future__ import annotations

from pathlib import Path

from chronik.store.base import Store
from chronik.store.sqlite import SQLiteStore

__all__ = ["SQLiteStore", "Store", "open_store"]


def open_store(path: str | Path = ":memory:") -> SQLiteStore:
    """Open (creating or migrating) the store at `path`."""
    return SQLiteStore(path)
