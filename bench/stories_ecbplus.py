"""Story clustering on ECB+ topics 1-25: BCubed and pairwise F1, ours vs a TF-IDF baseline.

Each ECB+ sub-topic (the `ecb` and `ecbplus` halves of a topic) is one seminal event, i.e.
one gold story. Documents are fed in a seeded shuffled order (ECB+ has no dates).
`--calibrate` fits the join model on training topics (1-22 by default) and writes
`src/chronik/resources/stories/calibration.json`; evaluation is then reported on all
topics and on the held-out ones (23-25) separately.

    .venv/bin/python bench/stories_ecbplus.py [--calibrate] [--backend use|e5] [--shuffles 4]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from chronik.embed import VectorCache, embed_articles, get_embedder
from chronik.embed.document import vector_key
from chronik.model import Article
from chronik.stages.stories.cluster import CALIBRATION, Calibration, StoryClusterer, fit_logistic
from chronik.stages.stories.features import Profile, cosine, pair_features
from chronik.stages.stories.signals import words
from chronik.stages.stories.stage import profile

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus" / "ECB+"
TRAIN = range(1, 23)
FITTED = 11  # pair features learnt here; the date-gap prior is fixed (ECB+ has no dates)


def load(topics: range) -> tuple[list[Article], dict[str, str]]:
    """Articles and gold story per article id ("<topic>_ecb" / "<topic>_ecbplus")."""
    arts, gold = [], {}
    for topic in topics:
        for path in sorted((DATA / str(topic)).glob("*.xml")):
            xml = path.read_text(encoding="utf-8")
            toks = re.findall(r'<token t_id="\d+" sentence="(\d+)"[^>]*>([^<]*)</token>', xml)
            sents: dict[str, list[str]] = {}
            for sent, tok in toks:
                sents.setdefault(sent, []).append(tok.replace("&amp;", "&"))
            text = "\n".join(" ".join(t) for t in sents.values())
            aid = path.stem
            arts.append(Article(id=aid, source=path.name, raw_text=text, text=text, language="en"))
            gold[aid] = f"{topic}_{'ecbplus' if aid.endswith('ecbplus') else 'ecb'}"
    return arts, gold


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    items = list(gold)
    p_sum = r_sum = 0.0
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for i in items:
        by_pred.setdefault(pred[i], set()).add(i)
        by_gold.setdefault(gold[i], set()).add(i)
    for i in items:
        same = len(by_pred[pred[i]] & by_gold[gold[i]])
        p_sum += same / len(by_pred[pred[i]])
        r_sum += same / len(by_gold[gold[i]])
    p, r = p_sum / len(items), r_sum / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def pairwise_f1(pred: dict[str, str], gold: dict[str, str]) -> float:
    items = list(gold)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            sp, sg = pred[a] == pred[b], gold[a] == gold[b]
            tp += sp and sg
            fp += sp and not sg
            fn += sg and not sp
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cluster_ours(
    arts: list[Article], profiles: dict[str, Profile], threshold: float | None = None
) -> dict[str, str]:
    calibration = Calibration.load()
    clusterer = StoryClusterer(calibration, threshold or calibration.threshold)
    clusterer.place([(a.id, profiles[a.id]) for a in arts], prefix="s-")
    return {aid: sid for sid, ids in clusterer.members.items() for aid in ids}


def tfidf_agglomerative(arts: list[Article], threshold: float) -> dict[str, str]:
    """Baseline: average-link agglomerative clustering on TF-IDF cosine."""
    counts = [words(a.text) for a in arts]
    df = Counter(w for c in counts for w in c)
    vocab = {w: i for i, w in enumerate(df)}
    m = np.zeros((len(arts), len(vocab)), dtype=np.float32)
    for row, c in enumerate(counts):
        for w, n in c.items():
            m[row, vocab[w]] = (1 + np.log(n)) * np.log((len(arts) + 1) / (df[w] + 0.5))
    m /= np.linalg.norm(m, axis=1, keepdims=True) + 1e-9
    return _average_link(m @ m.T, [a.id for a in arts], threshold)


def _average_link(sim: np.ndarray, ids: list[str], threshold: float) -> dict[str, str]:
    clusters = [[i] for i in range(len(ids))]
    s = sim.copy()
    np.fill_diagonal(s, -np.inf)
    while len(clusters) > 1:
        i, j = np.unravel_index(int(np.argmax(s)), s.shape)
        if s[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        ni, nj = len(clusters[i]), len(clusters[j])
        s[i, :] = (s[i, :] * ni + s[j, :] * nj) / (ni + nj)
        s[:, i] = s[i, :]
        s[i, i] = -np.inf
        clusters[i].extend(clusters.pop(j))
        s = np.delete(np.delete(s, j, axis=0), j, axis=1)
    return {ids[k]: f"c{n}" for n, members in enumerate(clusters) for k in members}


def training_pairs(
    order: list[Article], gold: dict[str, str], profiles: dict[str, Profile]
) -> tuple[list[list[float]], list[float], dict[str, Profile]]:
    """Article-vs-gold-story features, built in arrival order the way clustering sees them."""
    df: Counter[str] = Counter()
    stories: dict[str, Profile] = {}
    xs, ys = [], []
    for n, art in enumerate(order, start=1):
        prof = profiles[art.id]
        df.update(prof.vocabulary())
        for sid, story in stories.items():
            xs.append(pair_features(prof, story, df, n, (0.0, 0.0))[:FITTED])
            ys.append(1.0 if sid == gold[art.id] else 0.0)
        home = gold[art.id]
        if home in stories:
            stories[home].add(prof)
        else:
            stories[home] = prof.copy()
    return xs, ys, stories


def calibrate(
    arts: list[Article], gold: dict[str, str], profiles: dict[str, Profile], backend: str
) -> None:
    """Fit the join model, then the join threshold that maximises train BCubed F1."""
    order = arts[:]
    random.Random(13).shuffle(order)
    xs, ys, stories = training_pairs(order, gold, profiles)
    x = np.array(xs)
    weights, bias = fit_logistic(x, np.array(ys))
    slope, intercept = np.polyfit(x[:, 0], x[:, 1], 1)  # words ~ meaning, for other languages
    n_slope, n_intercept = np.polyfit(x[:, 0], x[:, 2], 1)  # names ~ meaning, likewise
    thread = _thread_threshold(stories)
    data = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    data.update(weights=[float(w) for w in weights], bias=bias)
    data["impute"] = [round(float(intercept), 4), round(float(slope), 4)]
    data["impute_names"] = [round(float(n_intercept), 4), round(float(n_slope), 4)]
    CALIBRATION.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    train_gold = {a.id: gold[a.id] for a in arts}
    grid = [(bcubed(cluster_ours(order, profiles, t), train_gold)[2], t)
            for t in np.arange(0.1, 0.9, 0.05)]  # fmt: skip
    best_f1, threshold = max(grid)
    data["threshold"] = round(float(threshold), 2)
    data.update(
        source=f"ECB+ topics {TRAIN.start}-{TRAIN.stop - 1}, {len(xs)} article-story pairs, "
        f"backend {backend}",
        weights=[round(float(w), 4) for w in weights],
        bias=round(bias, 4),
        thread=round(thread, 4),
    )
    data["baseline_threshold"] = max(
        (bcubed(tfidf_agglomerative(order, t), train_gold)[2], round(float(t), 2))
        for t in np.arange(0.05, 0.6, 0.05)
    )[1]
    CALIBRATION.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"calibrated on {len(xs)} pairs: weights={data['weights']} bias={data['bias']}")
    print(f"thread={data['thread']} threshold={data['threshold']} (train F1 {best_f1:.3f})")


def _thread_threshold(stories: dict[str, Profile]) -> float:
    """Centroid cosine best separating same-topic story pairs (one thread) from others."""
    ids = list(stories)
    pairs = [
        (cosine(stories[a].vector, stories[b].vector), a.split("_")[0] == b.split("_")[0])
        for i, a in enumerate(ids) for b in ids[i + 1 :]
    ]  # fmt: skip
    best, best_f1 = 0.6, -1.0
    for cut in np.arange(0.3, 0.95, 0.01):
        tp = sum(s >= cut and same for s, same in pairs)
        fp = sum(s >= cut and not same for s, same in pairs)
        fn = sum(s < cut and same for s, same in pairs)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = float(cut), f1
    return best


def report(name: str, pred: dict[str, str], gold: dict[str, str]) -> tuple[float, ...]:
    p, r, f = bcubed(pred, gold)
    pw = pairwise_f1(pred, gold)
    print(f"  {name:<28} BCubed P {p:.3f} R {r:.3f} F1 {f:.3f}  pairwise F1 "
          f"{pw:.3f}  clusters {len(set(pred.values()))}")  # fmt: skip
    return p, r, f, pw


def evaluate(arts: list[Article], gold: dict[str, str], profiles: dict[str, Profile],
             seeds: list[int]) -> None:  # fmt: skip
    """Each shuffle's figures, then the mean over shuffles (order changes the result)."""
    cut = json.loads(CALIBRATION.read_text(encoding="utf-8")).get("baseline_threshold", 0.2)
    rows: dict[tuple[str, str], list[tuple[float, ...]]] = {}
    for seed in seeds:
        order = arts[:]
        random.Random(seed).shuffle(order)
        for title, subset in (("topics 1-25", order), ("held-out topics 23-25", None)):
            subset = subset or [a for a in order if int(a.id.split("_")[0]) not in TRAIN]
            g = {a.id: gold[a.id] for a in subset}
            print(f"{title}, shuffle {seed}")
            ours = report("chronik (incremental)", cluster_ours(subset, profiles), g)
            base = report(f"TF-IDF average-link ({cut})", tfidf_agglomerative(subset, cut), g)
            rows.setdefault((title, "chronik (incremental)"), []).append(ours)
            rows.setdefault((title, f"TF-IDF average-link ({cut})"), []).append(base)
    print(f"mean over {len(seeds)} shuffles")
    for (title, name), values in rows.items():
        p, r, f, pw = np.mean(values, axis=0)
        spread = np.ptp([v[2] for v in values])
        print(f"  {title:<22} {name:<28} BCubed P {p:.3f} R {r:.3f} F1 {f:.3f} "
              f"(range {spread:.3f})  pairwise F1 {pw:.3f}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--backend", default="use")
    parser.add_argument("--shuffles", type=int, default=4, help="orders averaged over")
    parser.add_argument("--cache", default="/tmp/chronik_bench_vectors.db", help="vector cache")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"ECB+ not found at {DATA}: benchmark skipped")
        return 0
    arts, gold = load(range(1, 26))
    embedder = get_embedder(args.backend)
    start = time.perf_counter()
    cache = VectorCache(args.cache, args.backend)
    keys = [vector_key(art, args.backend) for art in arts]
    found = {art.id: cache.get(key) for art, key in zip(arts, keys, strict=True)}
    missing = [(art, key) for art, key in zip(arts, keys, strict=True) if found[art.id] is None]
    fresh = embed_articles([art for art, _ in missing], embedder)
    for (art, key), vecs in zip(missing, fresh, strict=True):
        cache.put(key, vecs)
        found[art.id] = vecs
    profiles = {art.id: profile(art, found[art.id]) for art in arts}  # type: ignore[arg-type]
    print(f"{len(arts)} documents, {len(set(gold.values()))} gold stories; embedded "
          f"({args.backend}) in {time.perf_counter() - start:.1f} s")  # fmt: skip
    if args.calibrate:
        train = [a for a in arts if int(a.id.split("_")[0]) in TRAIN]
        calibrate(train, gold, profiles, args.backend)
    evaluate(arts, gold, profiles, list(range(args.shuffles)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
