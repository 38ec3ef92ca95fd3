"""Train the optional "e5" NER backend: an MLP head on frozen multilingual-e5-small word states.

Same licensed data and the same dev selection as `scripts/train_ner.py` (GermEval 2014 dev +
Wikipedia half of test, SmartData v3 dev; Europeana only with --europeana; checkpoints picked
by span F1 on the fixed GermEval dev NEWS sample, never the held-out test news). Encoder states
are computed once (numpy, slow: about 300 words/s per core) and cached under --cache.

Usage: nice .venv/bin/python scripts/train_ner_e5.py [--data ../shared/data] [--hidden 256]
Writes src/chronik/resources/ner/e5_head.npz (or --out).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))

from ner_data import Sent, load_training  # noqa: E402

from chronik.stages.entities.encoder_ner import (  # noqa: E402
    HEAD_FILE,
    MlpHead,
    encoder,
    tag_transitions,
    with_context,
)

Arrays = dict[str, Any]


def featurize(sents: list[Sent], cache: Path, layers: tuple[int, ...]) -> np.ndarray:
    """Encoder features of every word of `sents` (rows in sentence order), cached on disk."""
    if cache.is_file():
        feats = np.load(cache)
        if len(feats) == sum(len(w) for w, _ in sents):
            return feats
    enc, out, t0, done = encoder(layers), list[np.ndarray](), time.time(), 0
    for b in range(0, len(sents), 64):
        words = [w for w, _ in sents[b : b + 64]]
        out.extend(f.astype(np.float16) for f in enc.features(words))
        done += sum(len(w) for w in words)
        print(f"  features {b + len(words)}/{len(sents)}: {done / (time.time() - t0):.0f} w/s")
    feats = np.concatenate(out)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.save(cache, feats)
    return feats


def contextual(feats: np.ndarray, sents: list[Sent]) -> np.ndarray:
    """Per-sentence `with_context` over the stacked word features (kept in float16)."""
    out, row = [], 0
    for words, _ in sents:
        out.append(with_context(feats[row : row + len(words)]).astype(np.float16))
        row += len(words)
    return np.concatenate(out)


def init_head(dim: int, hidden: int, labels: list[str], x: np.ndarray) -> Arrays:
    rng = np.random.default_rng(0)
    return {
        "w1": rng.normal(0, (2 / dim) ** 0.5, (dim, hidden)).astype(np.float32),
        "b1": np.zeros(hidden, np.float32),
        "w2": rng.normal(0, (1 / hidden) ** 0.5, (hidden, len(labels))).astype(np.float32),
        "b2": np.zeros(len(labels), np.float32),
        "mu": x.mean(0, dtype=np.float32),
        "sd": x.std(0, dtype=np.float32) + np.float32(1e-3),
        "labels": np.array(labels),
    }


def step(head: Arrays, adam: Arrays, x: np.ndarray, y: np.ndarray, args: Any, t: int) -> float:
    """One Adam step of softmax cross-entropy with input dropout (x already standardised)."""
    rng = np.random.default_rng(t)
    x = x * (rng.random(x.shape) > args.dropout) / (1 - args.dropout)
    h = np.maximum(x @ head["w1"] + head["b1"], 0)
    logits = h @ head["w2"] + head["b2"]
    p = np.exp(logits - logits.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    loss = float(-np.log(p[np.arange(len(y)), y] + 1e-9).mean())
    p[np.arange(len(y)), y] -= 1
    d = p / len(y)
    dh = (d @ head["w2"].T) * (h > 0)
    grads = {"w2": h.T @ d, "b2": d.sum(0), "w1": x.T @ dh, "b1": dh.sum(0)}
    for k, g in grads.items():
        g = g + args.l2 * head[k] if k.startswith("w") else g
        adam["m" + k] = 0.9 * adam.get("m" + k, 0) + 0.1 * g
        adam["v" + k] = 0.999 * adam.get("v" + k, 0) + 0.001 * g * g
        mhat, vhat = adam["m" + k] / (1 - 0.9**t), adam["v" + k] / (1 - 0.999**t)
        head[k] = (head[k] - args.lr * mhat / (np.sqrt(vhat) + 1e-8)).astype(np.float32)
    return loss


def dev_f1(head: Arrays, feats: np.ndarray, dev: list[Sent]) -> float:
    from ner_germeval import bio_spans, prf

    tagger, gold, pred, row = MlpHead(head), set(), set(), 0
    for i, (words, tags) in enumerate(dev):
        x = feats[row : row + len(words)].astype(np.float32)
        row += len(words)
        gold |= bio_spans(i, tags)
        pred |= bio_spans(i, tagger.tags(x))
    return prf(gold, pred)[2]


def train(args: argparse.Namespace, train_s: list[Sent], dev: list[Sent]) -> Arrays:
    tag = "" if args.layers == (6, 12) else "_L" + "-".join(map(str, args.layers))
    cache = args.cache / f"e5{'_eu' if args.europeana else ''}{tag}.train.npy"
    xtr = featurize(train_s, cache, args.layers)
    xdev = featurize(dev, args.cache / f"e5{tag}.dev.npy", args.layers)
    if args.final:  # the dev sample is trained on too; the last epoch is kept
        train_s, xtr = train_s + dev, np.concatenate([xtr, xdev])
    tags = [t for _, ts in train_s for t in ts]
    labels = [*sorted({t for t in tags if t} - {"O"}), "O"]
    keep = np.array([t != "" for t in tags])  # SmartData's unknown tokens: no loss
    y = np.array([labels.index(t) if t else 0 for t in tags])[keep]
    if args.context:
        xtr = contextual(xtr, train_s)
    head = init_head(xtr.shape[1], args.hidden, labels, xtr[keep])
    head["context"] = np.array(int(args.context))
    head["layers"] = np.array(args.layers)
    if args.bigrams:  # hybrid HMM decoding (see MlpHead.tags; not in the shipped head)
        head["trans"], head["prior"] = tag_transitions([ts for _, ts in train_s], labels)
    x = xtr[keep]
    adam: Arrays = {}
    best, best_head, t = -1.0, dict(head), 0
    for epoch in range(args.epochs):
        order = np.random.default_rng(epoch).permutation(len(y))
        losses = []
        for b in range(0, len(order), args.batch):
            t += 1
            idx = order[b : b + args.batch]
            xb = (x[idx].astype(np.float32) - head["mu"]) / head["sd"]
            losses.append(step(head, adam, xb, y[idx], args, t))
        f1 = dev_f1(head, xdev, dev)
        print(f"epoch {epoch + 1}: loss {np.mean(losses):.4f} dev F1 {f1:.4f}")
        if f1 > best or args.final:
            best, best_head = f1, {k: np.copy(v) for k, v in head.items()}
    print(f"best dev F1 {best:.4f}")
    return best_head


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=HEAD_FILE)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "chronik_ner_e5")
    ap.add_argument("--europeana", action="store_true", help="also the historic OCR data")
    ap.add_argument("--final", action="store_true", help="also train on the dev sample")
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--context", action="store_true", help="add neighbour words' features")
    ap.add_argument("--layers", default="6,12", help="encoder layers whose states are used")
    ap.add_argument("--bigrams", action="store_true", help="decode with learned tag bigrams")
    args = ap.parse_args()
    args.layers = tuple(int(i) for i in args.layers.split(","))
    if not (args.data / "germeval2014").is_dir():
        raise SystemExit(f"training data not found under {args.data}")
    train_s, dev = load_training(args.data, europeana=args.europeana)
    print(f"training on {len(train_s)} sentences, dev {len(dev)} (GermEval dev news)")
    head = train(args, train_s, dev)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    small = {k: v.astype(np.float16) if v.dtype == np.float32 else v for k, v in head.items()}
    np.savez_compressed(args.out, **small)
    print(f"head written to {args.out}")


if __name__ == "__main__":
    main()
