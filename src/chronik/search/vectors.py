"""Semantic search: a file-backed usearch (HNSW) index of passage vectors.

Keys are the passage ids of `fts.py`, so one id links a vector to its text and filters.
Small stores (and small filtered subsets) are searched exactly with numpy, which is both
faster and exact below a few tens of thousands of rows. A missing or unreadable index
file is reported through `needs_rebuild` so the caller re-adds everything from the store.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
from usearch.index import Index

log = logging.getLogger(__name__)

EXACT_BELOW = 20_000  # rows; below this, brute force beats HNSW and is exact
EXPANSION_ADD = 128  # HNSW build/search beam widths: recall@10 vs exact >= 0.95 at 100k
EXPANSION_SEARCH = 256


class VectorIndex:
    def __init__(self, path: Path | None, dim: int, exact_below: int = EXACT_BELOW) -> None:
        self.path = path
        self.dim = dim
        self.exact_below = exact_below
        self.needs_rebuild = False
        self.index = self._open()
        self._matrix: tuple[np.ndarray, np.ndarray] | None = None

    def _fresh(self) -> Index:
        return Index(
            ndim=self.dim, metric="cos", dtype="f16", connectivity=16,
            expansion_add=EXPANSION_ADD, expansion_search=EXPANSION_SEARCH,
        )  # fmt: skip

    def _open(self) -> Index:
        if self.path is None:
            return self._fresh()
        if not self.path.exists():
            self.needs_rebuild = True
            return self._fresh()
        try:
            index = Index.restore(str(self.path))
            if index is None or index.ndim != self.dim:
                raise ValueError("dimension mismatch or empty file")
            index.expansion_search = EXPANSION_SEARCH  # type: ignore[misc]  # settable at run time
            return index
        except (ValueError, RuntimeError, OSError) as exc:
            log.warning("vector index %s unreadable (%s): rebuilding", self.path, exc)
            self.needs_rebuild = True
            return self._fresh()

    def __len__(self) -> int:
        return len(self.index)

    def add(self, keys: list[int], vectors: np.ndarray) -> None:
        if keys:
            self.index.add(np.asarray(keys, dtype=np.uint64), vectors.astype(np.float32))
            self._matrix = None

    def remove(self, keys: list[int]) -> None:
        if keys:
            self.index.remove(np.asarray(keys, dtype=np.uint64))
            self._matrix = None

    def save(self) -> None:
        if self.path is not None:
            tmp = self.path.with_suffix(".tmp")
            self.index.save(str(tmp))
            tmp.replace(self.path)  # atomic: a killed run never leaves half a file

    def keys(self) -> np.ndarray:
        return np.asarray(self.index.keys, dtype=np.uint64)

    def _all(self) -> tuple[np.ndarray, np.ndarray]:
        if self._matrix is None:
            keys = self.keys()
            self._matrix = (keys, self.vectors(keys))
        return self._matrix

    def vectors(self, keys: np.ndarray) -> np.ndarray:
        if not len(keys):
            return np.zeros((0, self.dim), dtype=np.float32)
        got: Any = self.index.get(keys)
        return np.vstack(got).astype(np.float32)

    def search(
        self, query: np.ndarray, limit: int, allowed: set[int] | None = None, exact: bool = False
    ) -> list[tuple[int, float]]:
        """(key, cosine similarity) best first, restricted to `allowed` keys when given."""
        if not len(self.index) or limit <= 0:
            return []
        if allowed is not None and len(allowed) <= self.exact_below:
            keys = np.asarray(sorted(allowed), dtype=np.uint64)
            keys = keys[np.isin(keys, self.keys())]
            return _exact(query, keys, self.vectors(keys), limit)
        if exact or len(self.index) <= self.exact_below:
            keys, matrix = self._all()
            hits = _exact(query, keys, matrix, limit if allowed is None else len(keys))
        else:
            fetch = limit if allowed is None else limit * 10
            matches = self.index.search(query.astype(np.float32), fetch)
            hits = [(int(k), 1.0 - float(d)) for k, d in zip(matches.keys, matches.distances,
                                                            strict=True)]  # fmt: skip
        if allowed is not None:
            hits = [h for h in hits if h[0] in allowed]
        return hits[:limit]


def _exact(
    query: np.ndarray, keys: np.ndarray, matrix: np.ndarray, limit: int
) -> list[tuple[int, float]]:
    if not len(keys):
        return []
    sims = matrix @ query.astype(np.float32)
    top = np.argsort(-sims)[:limit]
    return [(int(keys[i]), float(sims[i])) for i in top]
