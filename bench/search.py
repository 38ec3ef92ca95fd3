"""Search benchmark on 10kGNAD: indexing time, p50/p95 latency per mode, ANN recall@10,
and `analyze` throughput with and without the embed stage (same process, same articles).

Real derStandard articles are embedded for real; the index is then filled to `--total`
passages with synthetic ones (real passage texts recombined, vectors mixed from real
passage vectors), so the speed figures are at 100k scale without embedding 100k texts on
a shared 2-core machine. Latencies are medians/95th percentiles over the query set.
ANN recall@10 against exact search is printed for the searched index and, on the same
vectors, for fresh builds with the old (degree 16, no re-rank) and current parameters.

    .venv/bin/python bench/search.py [--real 300] [--total 100000] [--throughput 60]
                                     [--no-baseline]
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from chronik.embed import ArticleVectors, VectorCache
from chronik.embed.document import vector_key
from chronik.model import Article
from chronik.search import Filters, Searcher
from chronik.search.vectors import (
    CONNECTIVITY,
    EXPANSION_ADD,
    RERANK,
    VectorIndex,
    ann_recall,
)
from chronik.store import open_store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "10kgnad" / "test.csv"
QUERIES_EN = ["refugees crossing the border", "football championship final", "stock market losses",
              "election results in Austria", "climate change and energy prices"]  # fmt: skip


def load_gnad(limit: int) -> list[Article]:
    with DATA.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
    out = []
    for i, (label, text) in enumerate(rows[:limit]):
        out.append(Article(id=f"gnad{i:05d}", source=f"gnad/{i}", raw_text=text, text=text,
                           language="de", outlet=label, published=f"2016-01-{1 + i % 28:02d}",
                           title=text.split(".")[0][:120]))  # fmt: skip
    return out


def synthetic(real: list[Article], cache: VectorCache, total: int, rng: random.Random) -> list:
    """Articles of 10 real passages each, with mixed real vectors, until `total` passages."""
    pool: list[tuple[str, np.ndarray]] = []
    for art in real:
        vecs = cache.get(vector_key(art, "use"))
        if vecs is not None:
            pool += [
                (art.text[s:e], v) for (s, e), v in zip(vecs.spans, vecs.passages, strict=True)
            ]
    have = len(pool)
    out = []
    for n in range((total - have) // 10):
        picks = [rng.choice(pool) for _ in range(10)]
        text, spans, rows = "", [], []
        for passage, vec in picks:
            spans.append((len(text), len(text) + len(passage)))
            text += passage + "\n\n"
            other = rng.choice(pool)[1]
            mixed = 0.75 * vec + 0.25 * other
            rows.append(mixed / np.linalg.norm(mixed))
        art = Article(id=f"syn{n:06d}", source=f"syn/{n}", raw_text=text, text=text,
                      language="de", outlet="synthetic", published="2016-02-01")  # fmt: skip
        matrix = np.vstack(rows).astype(np.float32)
        cache.put(vector_key(art, "use"), ArticleVectors(matrix.mean(0), matrix, tuple(spans)))
        out.append(art)
    return out


def latency(searcher: Searcher, queries: list[str], mode: str) -> tuple[float, float]:
    times = []
    for q in queries:
        start = time.perf_counter()
        searcher.search(q, mode=mode, limit=10, filters=Filters())
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def bench_search(args: argparse.Namespace, workdir: Path) -> None:
    real = load_gnad(args.real)
    db = str(workdir / "search.db")
    store = open_store(db)
    store.put_articles(real)
    searcher = Searcher(store)
    start = time.perf_counter()
    searcher.sync()
    t_real = time.perf_counter() - start
    n_real = len(searcher.vectors)
    real_keys = searcher.vectors.keys()
    print(f"real: {len(real)} articles, {n_real} passages embedded+indexed in {t_real:.1f} s "
          f"({n_real / t_real:.0f} passages/s)")  # fmt: skip
    syn = synthetic(real, searcher.cache, args.total, random.Random(1))
    store.put_articles(syn)
    start = time.perf_counter()
    searcher.sync()
    t_syn = time.perf_counter() - start
    total = len(searcher.vectors)
    print(f"synthetic: {len(syn)} articles indexed (FTS5 + HNSW, vectors cached) in {t_syn:.1f} s;"
          f" index now {total} passages")  # fmt: skip
    queries = [(a.title or "").split(" ", 6)[-1][:60] or "Wien" for a in real[:45]] + QUERIES_EN
    searcher.search("warm up", mode="hybrid", filters=Filters())
    for mode in ("keyword", "semantic", "hybrid"):
        p50, p95 = latency(searcher, queries, mode)
        print(f"  {mode:<9} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  ({len(queries)} queries)")
    qvecs = searcher.embedder.encode(queries, kind="query")
    rng = np.random.default_rng(2)
    mlt = searcher.vectors.vectors(rng.choice(real_keys, 100, replace=False))
    print(f"ANN vs exact ({len(qvecs)} text queries; 100 'more like this' queries = real "
          f"passage vectors, each with ~{total // n_real} synthetic near-copies):")  # fmt: skip
    report_ann("index searched above", searcher.vectors, qvecs, mlt)
    if args.baseline:
        keys = searcher.vectors.keys()
        matrix = searcher.vectors.vectors(keys)
        for label, conn, efa, rerank in (
            ("before: degree 16, build beam 128, no re-rank", 16, 128, 1),
            (f"after: degree {CONNECTIVITY}, build beam {EXPANSION_ADD}, re-rank x{RERANK}",
             CONNECTIVITY, EXPANSION_ADD, RERANK),
        ):  # fmt: skip
            index = VectorIndex(None, matrix.shape[1], connectivity=conn, rerank=rerank,
                                expansion_add=efa)  # fmt: skip
            start = time.perf_counter()
            index.add(keys.tolist(), matrix)
            built = time.perf_counter() - start
            report_ann(f"{label}, fresh build {built:.0f} s", index, qvecs, mlt)
    store.close()


def report_ann(label: str, index: VectorIndex, texts: np.ndarray, mlt: np.ndarray) -> None:
    """Recall@10 strict by id, with exact ties forgiven, and within 1e-3; lookup medians."""
    print(f"  {label}:")
    for name, queries in (("text", texts), ("more like this", mlt)):
        strict, ties, near = (ann_recall(index, queries, 10, tie) for tie in (0.0, 1e-6, 1e-3))
        ann = statistics.median(_timed(lambda q: index.search(q, 10), queries))
        exact = statistics.median(_timed(lambda q: index.search(q, 10, exact=True), queries))
        print(f"    {name:<14} recall@10 {strict:.3f} by id ({ties:.3f} equal vectors "
              f"as one, {near:.3f} within 1e-3);  median ANN {ann:.2f} ms, exact numpy "
              f"{exact:.2f} ms ({exact / max(ann, 1e-9):.1f}x)")  # fmt: skip


def _timed(run: Callable[[np.ndarray], object], queries: np.ndarray) -> list[float]:
    times = []
    for q in queries:
        start = time.perf_counter()
        run(q)
        times.append((time.perf_counter() - start) * 1000)
    return times


def bench_throughput(n: int, workdir: Path) -> None:
    """analyze articles/s with and without the embed stage, 1 and 2 worker processes.

    The embedding model is loaded before timing (once per process, reported apart): the
    figure is the steady rate of a long run, not dominated by a one-off load.
    """
    from chronik.embed import cache as cache_module
    from chronik.embed import get_embedder
    from chronik.engines import local

    start = time.perf_counter()
    get_embedder("use").encode(["warm up"])
    print(f"  USE model load {time.perf_counter() - start:.1f} s (once per process)")
    base = ["clean", "lang", "sentences"]
    texts = workdir / "gnad_txt"
    texts.mkdir()
    for art in load_gnad(600 + n)[600:]:  # articles the search part never embedded
        (texts / f"{art.id}.txt").write_text(art.text, encoding="utf-8")
    for workers in (1, 2):
        rates = {}
        for name, stages in (("without embed", base), ("with embed", [*base, "embed"])):
            cache_module._MEMORY.clear()  # measure real embedding, not cached vectors
            db = str(workdir / f"tp_{len(stages)}_{workers}.db")
            report = local.analyze([str(texts)], db=db, stages=stages, workers=workers,
                                   batch_size=16)  # fmt: skip
            rates[name] = n / report.seconds
            print(f"  analyze {name:<14} workers={workers} {rates[name]:6.1f} articles/s "
                  f"({n} articles, {len(report.errors)} errors)")  # fmt: skip
        print(f"  embedding costs {rates['without embed'] / rates['with embed']:.1f}x")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--real", type=int, default=300, help="real articles to embed")
    parser.add_argument("--total", type=int, default=100_000, help="passages in the index")
    parser.add_argument("--throughput", type=int, default=60, help="articles for analyze/s")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false",
                        help="skip rebuilding the index with old and new parameters")  # fmt: skip
    args = parser.parse_args()
    if not DATA.exists():
        print(f"10kGNAD not found at {DATA}: benchmark skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        bench_search(args, Path(tmp))
        if args.throughput:
            print("throughput on 10kGNAD:")
            bench_throughput(args.throughput, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
