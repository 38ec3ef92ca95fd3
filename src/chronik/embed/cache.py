"""Where article vectors live between the embed stage, the stories stage and search.

Vectors are too big for `Article.meta`; the embed stage writes them here under a content
hash and records only `meta["embedding_key"]`. Backed by the store's cache table when a
database path is given (shared across processes and runs), else by a per-process dict.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

_MEMORY: dict[tuple[str, str], bytes] = {}
_STORES: dict[tuple[int, str], Any] = {}


@dataclass(frozen=True)
class ArticleVectors:
    """One article's vectors: the document vector and one row per search passage."""

    doc: np.ndarray  # (dim,) float32, L2-normalised
    passages: np.ndarray  # (n, dim) float32
    spans: tuple[tuple[int, int], ...]  # passage offsets into Article.text
    # the sentences actually embedded (lead + salient ones): summary candidates
    units: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    unit_spans: tuple[tuple[int, int], ...] = ()

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        np.savez(
            buf,
            doc=self.doc.astype(np.float32),
            passages=self.passages.astype(np.float16),  # half the bytes, cosine error ~1e-3
            spans=np.asarray(self.spans, dtype=np.int64).reshape(-1, 2),
            units=self.units.astype(np.float16),
            unit_spans=np.asarray(self.unit_spans, dtype=np.int64).reshape(-1, 2),
        )
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> ArticleVectors:
        with np.load(io.BytesIO(data)) as npz:
            spans = tuple((int(s), int(e)) for s, e in npz["spans"])
            unit_spans = tuple((int(s), int(e)) for s, e in npz["unit_spans"])
            units = npz["units"].astype(np.float32)
            return cls(npz["doc"], npz["passages"].astype(np.float32), spans, units, unit_spans)


def _store_for(db: str) -> Any:
    # one connection per process and path: Dask/process-pool workers each open their own
    key = (os.getpid(), str(Path(db).resolve()))
    if key not in _STORES:
        from chronik.store import open_store

        _STORES[key] = open_store(db)
    return _STORES[key]


class VectorCache:
    """Get/put `ArticleVectors` by key, in the store at `db` or in process memory."""

    def __init__(self, db: str | None = None, backend: str = "use") -> None:
        self.db = None if db in (None, ":memory:") else str(db)
        self.ns = f"embed:{backend}"

    def get(self, key: str) -> ArticleVectors | None:
        data = self._get_bytes(key)
        if data is None:
            return None
        try:
            return ArticleVectors.from_bytes(data)
        except (ValueError, KeyError, OSError, EOFError):
            return None  # a damaged entry is recomputed, not fatal

    def put(self, key: str, vectors: ArticleVectors) -> None:
        data = vectors.to_bytes()
        _MEMORY[(self.ns, key)] = data
        if self.db is not None:
            _store_for(self.db).put_cache(self.ns, key, data)

    def _get_bytes(self, key: str) -> bytes | None:
        hit = _MEMORY.get((self.ns, key))
        if hit is not None or self.db is None:
            return hit
        return _store_for(self.db).get_cache(self.ns, key)  # type: ignore[no-any-return]
