"""Semantic search: a file-backed usearch (HNSW) index of passage vectors.

Keys are the passage ids of `fts.py`, so one id links a vector to its text and filters.
Small stores (and small filtered subsets) are searched exactly with numpy, which is both
faster and exact below a few tens of thousands of rows. Above that, HNSW proposes
`RERANK` x limit candidates and they are re-scored exactly (float32 dot products on the
stored vectors), so ANN and exact search give identical scores and the same order,
ties broken by key. A missing or unreadable index file, or one built with weaker graph
parameters, is reported through `needs_rebuild` so the caller re-adds all from the store.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
from usearch.index import Index

log = logging.getLogger(__name__)

EXACT_BELOW = 20_000  # rows; below this, brute force beats HNSW and is exact
# HNSW graph degree and beam widths. News corpora hold many near-duplicate passages (wire
# copies, updates); with degree 16 the graph strands members of such clusters and
# recall@10 vs exact was 0.91-0.93 at 100k passages (bench/search.py). Degree 32 with
# build beam 128 gave 0.97-0.998 over four builds, build beam 192 gave 1.000 for ~1.25x
# build time; a wider search beam costs every query instead. usearch does not store the
# beams in the file: they are set again on every open.
CONNECTIVITY = 32
EXPANSION_ADD = 192
EXPANSION_SEARCH = 256
RERANK = 3  # ANN candidates per wanted hit, re-scored exactly


class VectorIndex:
    def __init__(
        self,
        path: Path | None,
        dim: int,
        exact_below: int = EXACT_BELOW,
        connectivity: int = CONNECTIVITY,
        rerank: int = RERANK,
        expansion_add: int = EXPANSION_ADD,
    ) -> None:
        self.path = path
        self.dim = dim
        self.exact_below = exact_below
        self.connectivity = connectivity
        self.rerank = rerank
        self.expansion_add = expansion_add
        self.needs_rebuild = False
        self.index = self._open()
        self._matrix: tuple[np.ndarray, np.ndarray] | None = None

    def _fresh(self) -> Index:
        return Index(
            ndim=self.dim, metric="cos", dtype="f16", connectivity=self.connectivity,
            expansion_add=self.expansion_add, expansion_search=EXPANSION_SEARCH,
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
            if index.connectivity < self.connectivity:
                raise ValueError(f"graph degree {index.connectivity} < {self.connectivity}")
            index.expansion_add = self.expansion_add  # type: ignore[misc]  # not saved in the file
            index.expansion_search = EXPANSION_SEARCH  # type: ignore[misc]
            return index
        except (ValueError, RuntimeError, OSError) as exc:
            log.warning("vector index %s unusable (%s): rebuilding from the store", self.path, exc)
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
        query = np.asarray(query, dtype=np.float32)
        if allowed is not None and len(allowed) <= self.exact_below:
            keys = np.asarray(sorted(allowed), dtype=np.uint64)
            keys = keys[np.isin(keys, self.keys())]
            return _exact(query, keys, self.vectors(keys), limit)
        if exact or len(self.index) <= self.exact_below:
            keys, matrix = self._all()
            hits = _exact(query, keys, matrix, limit if allowed is None else len(keys))
        else:
            hits = self._approximate(query, limit if allowed is None else limit * 10)
        if allowed is not None:
            hits = [h for h in hits if h[0] in allowed]
        return hits[:limit]

    def _approximate(self, query: np.ndarray, limit: int) -> list[tuple[int, float]]:
        """HNSW candidates re-scored exactly: the same scores and tie order as `_exact`.

        Up to the search beam, extra candidates are free (the beam holds them anyway);
        beyond it they would widen the beam, so large filtered fetches are not multiplied.
        """
        count = max(limit, min(limit * self.rerank, EXPANSION_SEARCH))
        matches = self.index.search(query, count)
        keys = np.asarray(matches.keys, dtype=np.uint64)
        return _exact(query, keys, self.vectors(keys), limit)


def _exact(
    query: np.ndarray, keys: np.ndarray, matrix: np.ndarray, limit: int
) -> list[tuple[int, float]]:
    """Top `limit` by cosine, ties broken by key (so two searches agree on equal vectors)."""
    if not len(keys) or limit <= 0:
        return []
    sims = matrix @ query.astype(np.float32)
    if limit < len(sims):  # partial selection: O(n), not a full sort of a large store
        floor = np.partition(sims, len(sims) - limit)[len(sims) - limit]
        chosen = np.flatnonzero(sims >= floor)
    else:
        chosen = np.arange(len(sims))
    order = chosen[np.lexsort((keys[chosen], -sims[chosen]))][:limit]
    return [(int(keys[i]), float(sims[i])) for i in order]


def ann_recall(index: VectorIndex, queries: np.ndarray, k: int = 10, tie: float = 0.0) -> float:
    """Mean recall@k of `index.search` against exact search, by passage id (benchmarks).

    An ANN hit missing from the exact top k still counts when its score is within `tie`
    of the k-th exact score: with `tie` ~1e-6 that forgives only equal vectors (a passage
    stored twice), where which copy is returned is arbitrary; 0 is strict by id.
    """
    total, counted = 0.0, 0
    for query in queries:
        exact = index.search(query, k, exact=True)
        if not exact:
            continue
        counted += 1
        ids = {key for key, _ in exact}
        floor = exact[-1][1] - tie
        approx = index.search(query, k)
        found = sum(key in ids or (tie > 0 and score >= floor) for key, score in approx)
        total += min(found, len(exact)) / len(exact)
    return total / max(1, counted)
