"""Train the e5 NER backend by LoRA fine-tuning of multilingual-e5-small (torch, CPU).

The frozen encoder weights are the SAME dequantised 4-bit weights the numpy backend runs
(`piece_vectors.piece_table()` + `dequantize`); low-rank adapters (W + B A * alpha/r) on the
attention projections q/k/v/out (optionally the FFN) of the layers that are run, and a
token-classification head (one hidden layer on the first piece of each word, states of the
head's `layers` concatenated) are trained jointly with cross-entropy over the GermEval outer
BIO labels. Same licensed data and dev selection as `train_ner_e5.py` (GermEval 2014 dev minus
its news sample + Wikipedia half of test, SmartData v3 dev with missing-label masking; with
--ecb also ECB+ English topics 1-22, names outside its events masked as missing; epochs
picked by span F1 on the fixed GermEval dev NEWS sample, never the held-out test news).
The adapters and the head are written to a small .npz; `encoder_ner.py` merges the adapters
into the weights at load, so inference stays numpy and as fast as before.

Needs the `train` extra: .venv/bin/pip install torch==2.13.0
Usage: nice .venv/bin/python scripts/train_ner_lora.py [--limit 200] [--epochs 4] [--out F]
Shipped model (round 5, "CF"): nice .venv/bin/python scripts/train_ner_lora.py --ecb --final
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F  # noqa: N812

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))

from ner_data import ECB_TRAIN, Sent, load_training  # noqa: E402

from chronik.stages.entities.encoder_ner import LORA_FILE, MlpHead, windows  # noqa: E402
from chronik.stages.entities.piece_vectors import PieceTable, dequantize, piece_table  # noqa: E402

Example = tuple[list[int], list[int], list[int]]  # piece ids, first-piece positions, label ids
SHAPES = {"q": "hh", "k": "hh", "v": "hh", "ao": "hh", "fi": "hf", "fo": "fh"}  # (in, out)


class TorchE5(nn.Module):
    """The e5 encoder's first `n_layers` layers in torch (frozen) with LoRA adapters."""

    def __init__(self, t: PieceTable, n_layers: int, rank: int, alpha: float,
                 targets: tuple[str, ...], dropout: float = 0.1) -> None:  # fmt: skip
        super().__init__()
        self.t, self.heads, self.eps = t, t.heads, t.eps
        self.targets, self.scale, self.drop = targets, alpha / rank, nn.Dropout(dropout)
        h = t.dim
        self.emb = {  # frozen, like every weight of the encoder: plain tensors
            "pos": torch.from_numpy(t.f32("emb.pos").reshape(-1, h).copy()),
            "type0": torch.from_numpy(t.f32("emb.type")[:h].copy()),
            "ln.w": torch.from_numpy(t.f32("emb.ln.w").copy()),
            "ln.b": torch.from_numpy(t.f32("emb.ln.b").copy()),
        }
        self.frozen: list[dict[str, torch.Tensor]] = [self._frozen(i) for i in range(n_layers)]
        self.lora = nn.ParameterDict()
        for i in range(n_layers):
            for name in targets:
                n_in, n_out = (h if c == "h" else t.ff for c in SHAPES[name])
                a = torch.empty(rank, n_in)
                nn.init.kaiming_uniform_(a, a=math.sqrt(5))
                self.lora[f"{i}_{name}_a"] = nn.Parameter(a)
                self.lora[f"{i}_{name}_b"] = nn.Parameter(torch.zeros(n_out, rank))

    def _frozen(self, i: int) -> dict[str, torch.Tensor]:
        """Layer i's dequantised weights as (out, in) tensors (nn.Linear convention)."""
        t, out = self.t, {}
        for name, shape in SHAPES.items():
            n_in = t.dim if shape[0] == "h" else t.ff
            out[name + ".w"] = torch.from_numpy(dequantize(t.q4(f"l{i}.{name}.w", n_in)))
            out[name + ".b"] = torch.from_numpy(t.f32(f"l{i}.{name}.b").copy())
        for name in ("aln.w", "aln.b", "oln.w", "oln.b"):
            out[name] = torch.from_numpy(t.f32(f"l{i}.{name}").copy())
        return out

    def _lin(self, x: torch.Tensor, i: int, name: str) -> torch.Tensor:
        ly = self.frozen[i]
        y = F.linear(x, ly[name + ".w"], ly[name + ".b"])
        if name in self.targets:
            a, b = self.lora[f"{i}_{name}_a"], self.lora[f"{i}_{name}_b"]
            y = y + F.linear(F.linear(self.drop(x), a), b) * self.scale
        return y

    def _block(self, x: torch.Tensor, mask: torch.Tensor, i: int) -> torch.Tensor:
        n, length, h = x.shape
        ly, hd = self.frozen[i], h // self.heads
        q, k, v = (
            self._lin(x, i, nm).view(n, length, self.heads, hd).transpose(1, 2) for nm in "qkv"
        )
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        ctx = ctx.transpose(1, 2).reshape(n, length, h)
        x = F.layer_norm(x + self._lin(ctx, i, "ao"), (h,), ly["aln.w"], ly["aln.b"], self.eps)
        mid = F.gelu(self._lin(x, i, "fi"), approximate="tanh")
        return F.layer_norm(x + self._lin(mid, i, "fo"), (h,), ly["oln.w"], ly["oln.b"], self.eps)

    def forward(self, ids: np.ndarray, keep: tuple[int, ...]) -> torch.Tensor:
        """States of the layers in `keep` (1-based), concatenated: (n, length, 384 * len)."""
        n, length = ids.shape
        emb = torch.from_numpy(dequantize(self.t.rows[ids.ravel()]).reshape(n, length, -1))
        e = self.emb
        x = emb + e["pos"][:length] + e["type0"]
        x = F.layer_norm(x, (x.shape[-1],), e["ln.w"], e["ln.b"], self.eps)
        pad = torch.from_numpy(ids == 1)  # <pad> = 1
        mask = torch.zeros(n, 1, 1, length).masked_fill(pad[:, None, None, :], -1e9)
        kept = []
        for i in range(len(self.frozen)):
            x = self._block(x, mask, i)
            if i + 1 in keep:
                kept.append(x)
        return torch.cat(kept, -1)


class Tagger(nn.Module):
    """Encoder + MLP head (ReLU hidden layer, as `encoder_ner.MlpHead`) on first pieces."""

    def __init__(self, enc: TorchE5, keep: tuple[int, ...], hidden: int, n_labels: int) -> None:
        super().__init__()
        self.enc, self.keep = enc, keep
        self.l1 = nn.Linear(384 * len(keep), hidden)
        self.l2 = nn.Linear(hidden, n_labels)
        self.drop = nn.Dropout(0.1)

    def features(self, batch: list[Example]) -> torch.Tensor:
        """(words in the batch, dim) first-piece states, in batch order."""
        length = max(len(ids) for ids, _, _ in batch)
        ids = np.ones((len(batch), length), np.int64)
        for r, (seq, _, _) in enumerate(batch):
            ids[r, : len(seq)] = seq
        states = self.enc(ids, self.keep)
        rows = [r for r, (_, firsts, _) in enumerate(batch) for _ in firsts]
        cols = [c for _, firsts, _ in batch for c in firsts]
        return states[torch.tensor(rows), torch.tensor(cols)]

    def forward(self, batch: list[Example]) -> torch.Tensor:
        return self.l2(F.relu(self.l1(self.drop(self.features(batch)))))


def examples(t: PieceTable, sents: list[Sent], labels: list[str]) -> list[Example]:
    """One example per encoder window (long sentences are cut as at inference)."""
    index = {lab: i for i, lab in enumerate(labels)}
    out = []
    for words, tags in sents:
        w0 = 0
        for ids, firsts in windows(t, words):
            ys = [index.get(tag, -100) for tag in tags[w0 : w0 + len(firsts)]]
            out.append((ids, firsts, ys))
            w0 += len(firsts)
    return out


def batches(exs: list[Example], budget: int, seed: int) -> list[list[Example]]:
    """Length-bucketed batches of at most `budget` padded pieces, in random order."""
    rng = random.Random(seed)
    order = sorted(range(len(exs)), key=lambda i: len(exs[i][0]) + rng.random() * 4)
    out: list[list[Example]] = [[]]
    for i in order:
        length = max([len(exs[i][0])] + [len(e[0]) for e in out[-1]])
        if out[-1] and length * (len(out[-1]) + 1) > budget:
            out.append([])
        out[-1].append(exs[i])
    rng.shuffle(out)
    return out


def export(model: Tagger, labels: list[str], rank: int) -> dict[str, Any]:
    """The .npz arrays: MlpHead's (w1, b1, w2, b2, mu, sd, labels, layers) + the adapters."""
    arrays: dict[str, Any] = {
        "w1": model.l1.weight.detach().numpy().T,
        "b1": model.l1.bias.detach().numpy(),
        "w2": model.l2.weight.detach().numpy().T,
        "b2": model.l2.bias.detach().numpy(),
        "mu": np.zeros(model.l1.in_features, np.float32),
        "sd": np.ones(model.l1.in_features, np.float32),
        "labels": np.array(labels),
        "layers": np.array(model.keep),
        "context": np.array(0),
        "lora_scale": np.array(model.enc.scale, np.float32),
        "lora_rank": np.array(rank),
        "lora_layers": np.array(len(model.enc.frozen)),
    }
    for key, p in model.enc.lora.items():
        arrays["lora." + key.replace("_", ".")] = p.detach().numpy()
    return {k: v.astype(np.float16) if v.dtype == np.float32 else v for k, v in arrays.items()}


def load_npz(path: Path) -> Tagger:
    """A torch Tagger with the adapters and head of a written .npz (tests compare it to numpy)."""
    with np.load(path) as z:
        arr = dict(z)
    targets = tuple(dict.fromkeys(k.split(".")[2] for k in arr if k.startswith("lora.0.")))
    rank = int(arr["lora_rank"])
    enc = TorchE5(piece_table(), int(arr["lora_layers"]), rank,
                  float(arr["lora_scale"]) * rank, targets)  # fmt: skip
    keep = tuple(int(i) for i in arr["layers"])
    model = Tagger(enc, keep, arr["w1"].shape[1], len(arr["labels"]))
    with torch.no_grad():
        model.l1.weight.copy_(torch.from_numpy(arr["w1"].astype(np.float32).T))
        model.l1.bias.copy_(torch.from_numpy(arr["b1"].astype(np.float32)))
        model.l2.weight.copy_(torch.from_numpy(arr["w2"].astype(np.float32).T))
        model.l2.bias.copy_(torch.from_numpy(arr["b2"].astype(np.float32)))
        for key, p in enc.lora.items():
            p.copy_(torch.from_numpy(arr["lora." + key.replace("_", ".")].astype(np.float32)))
    return model.eval()


def sentence_features(model: Tagger, sents: list[list[str]], budget: int = 2048) -> list[Any]:
    """Head input features per sentence (eval mode, length-bucketed batches of windows)."""
    wins: list[tuple[int, Example]] = [
        (si, (ids, f, []))
        for si, words in enumerate(sents)
        for ids, f in windows(model.enc.t, words)
    ]
    order = sorted(range(len(wins)), key=lambda i: len(wins[i][1][0]))
    parts: dict[int, Any] = {}
    model.eval()
    with torch.no_grad():
        k = 0
        while k < len(order):
            n = max(1, budget // len(wins[order[min(len(order) - 1, k + 15)]][1][0]))
            chunk = order[k : k + min(n, 16)]
            x = model.features([wins[i][1] for i in chunk]).numpy()
            sizes = np.cumsum([len(wins[i][1][1]) for i in chunk])[:-1]
            parts.update(zip(chunk, np.split(x, sizes), strict=True))
            k += len(chunk)
    model.train()
    out: list[list[Any]] = [[] for _ in sents]
    for i, (si, _) in enumerate(wins):
        out[si].append(parts[i])
    return [np.concatenate(f) for f in out]


def dev_f1(model: Tagger, dev: list[Sent], labels: list[str], rank: int) -> float:
    """Span F1 on the dev sample, decoded by the numpy head (Viterbi under BIO constraints)."""
    from ner_germeval import bio_spans, prf

    head = MlpHead(export(model, labels, rank))
    feats = sentence_features(model, [w for w, _ in dev])
    gold, pred = set(), set()
    for i, ((_, tags), x) in enumerate(zip(dev, feats, strict=True)):
        gold |= bio_spans(i, tags)
        pred |= bio_spans(i, head.tags(x))
    return prf(gold, pred)[2]


def train(args: argparse.Namespace, train_s: list[Sent], dev: list[Sent]) -> dict[str, Any]:
    tags = {t for _, ts in train_s for t in ts if t}
    labels = [*sorted(tags - {"O"}), "O"]
    t = piece_table()
    exs = examples(t, train_s, labels)
    enc = TorchE5(t, max(args.layers), args.rank, args.alpha, args.targets)
    model = Tagger(enc, args.layers, args.hidden, len(labels))
    opt = torch.optim.AdamW(
        [{"params": enc.parameters(), "lr": args.lr},
         {"params": [*model.l1.parameters(), *model.l2.parameters()], "lr": args.head_lr}],
        weight_decay=0.01,
    )  # fmt: skip
    n_steps = args.epochs * len(batches(exs, args.budget, 0))
    warm = max(1, n_steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (n_steps - s) / (n_steps - warm)))
    )
    best, best_arrays, t0 = -1.0, export(model, labels, args.rank), time.time()
    print(f"{len(exs)} windows, {n_steps} steps, labels {labels}", flush=True)
    for epoch in range(args.epochs):
        losses = run_epoch(model, opt, sched, batches(exs, args.budget, epoch + 1), t0)
        print(f"  trained epoch {epoch + 1} in {time.time() - t0:.0f} s", flush=True)
        f1 = dev_f1(model, dev, labels, args.rank) if dev else 0.0
        print(f"epoch {epoch + 1}: loss {losses:.4f} dev F1 {f1:.4f} ({time.time() - t0:.0f} s)")
        if f1 > best or args.final:
            best, best_arrays = f1, export(model, labels, args.rank)
    print(f"best dev F1 {best:.4f}")
    return best_arrays


def run_epoch(model: Tagger, opt: Any, sched: Any, bs: list[list[Example]], t0: float) -> float:
    losses, words = [], 0
    for k, batch in enumerate(bs):
        y = torch.tensor([lab for _, _, ys in batch for lab in ys])
        loss = F.cross_entropy(model(batch), y, ignore_index=-100)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        losses.append(float(loss.detach()))
        words += len(y)
        if k % 50 == 0:
            print(f"  batch {k}/{len(bs)}: loss {np.mean(losses[-50:]):.4f} "
                  f"{words / (time.time() - t0):.0f} words/s", flush=True)  # fmt: skip
    return float(np.mean(losses))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=LORA_FILE)
    ap.add_argument("--final", action="store_true", help="also train on the dev sample")
    ap.add_argument("--europeana", action="store_true", help="also the historic OCR data")
    ap.add_argument("--ecb", action="store_true", help="also ECB+ English topics 1-22")
    ap.add_argument("--limit", type=int, default=0, help="first N training sentences (speed)")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--rank", type=int, default=16)
    ap.add_argument("--alpha", type=float, default=32.0)
    ap.add_argument("--lr", type=float, default=1e-3, help="adapters' learning rate")
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--budget", type=int, default=1024, help="padded pieces per batch")
    ap.add_argument("--layers", default="6,8", help="head input layers; the highest is run")
    ap.add_argument("--targets", default="q,k,v,ao,fi,fo", help="adapted matrices (fi,fo: FFN)")
    ap.add_argument("--threads", type=int, default=1, help="2 was 5x slower on a busy box")
    args = ap.parse_args()
    args.layers = tuple(int(i) for i in args.layers.split(","))
    args.targets = tuple(args.targets.split(","))
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    ecb = ECB_TRAIN if args.ecb else ()
    train_s, dev = load_training(args.data, europeana=args.europeana, ecb_train=ecb)
    train_s = train_s[: args.limit] if args.limit else train_s
    if args.final:
        train_s, dev = train_s + dev, dev
    print(f"training on {len(train_s)} sentences, dev {len(dev)} (GermEval dev news)")
    arrays = train(args, train_s, dev)
    arrays["sources"] = np.array(["GermEval 2014", "SmartData", *(["ECB+"] if args.ecb else [])])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **arrays)
    print(f"adapters + head written to {args.out} ({args.out.stat().st_size / 2**20:.2f} MB)")


if __name__ == "__main__":
    main()
