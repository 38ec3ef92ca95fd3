"""Ingest throughput on 10kGNAD test (1,028 derStandard articles), against spaCy.

Runs ingest + clean + lang + sentences on both cores (2 worker processes, batches),
then spaCy `blank("de")` + sentencizer on the same texts in the same 2-process setup and
single-process, and prints articles/s (median of 3 warm runs; the cold first run, with
process start and model loading, is printed too), peak RSS of the whole process tree,
and sentence-boundary agreement (F1 of sentence-end offsets) of ours vs spaCy vs SoMaJo
on a sample. Stages not yet importable are skipped and named in the output.

    nice .venv/bin/python bench/ingest.py [--runs 3] [--batch 32] [--sample 200]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT.parent / "shared" / "data" / "10kgnad" / "test.csv"

_WORKER: dict[str, Any] = {}


def load_texts(path: Path) -> list[str]:
    """The article texts of 10kGNAD's `label;'text'` CSV (quote char is the apostrophe)."""
    with path.open(encoding="utf-8", newline="") as f:
        return [row[1] for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) == 2]


def available_stages() -> tuple[list[str], list[str]]:
    """(usable stage names, missing ones) among clean, lang, sentences."""
    from chronik.stages import create

    ok, missing = [], []
    for name in ("clean", "lang", "sentences"):
        try:
            create(name)
            ok.append(name)
        except Exception:  # a stage still being written is reported, not fatal
            missing.append(name)
    return ok, missing


def has_ingest() -> bool:
    try:
        from chronik.ingest import read_inputs  # noqa: F401
    except Exception:
        return False
    return True


# --- worker side ------------------------------------------------------------------------


def _init_worker(kind: str, stages: list[str]) -> None:
    """Build the system once per worker process (models load here, lazily on first use)."""
    _WORKER.clear()
    _WORKER["kind"] = kind
    if kind == "spacy":
        import spacy

        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        _WORKER["nlp"] = nlp
    else:
        from chronik.stages import create

        _WORKER["stages"] = [create(name) for name in stages]


def _run_batch(items: list[str]) -> tuple[int, int]:
    """One batch in a worker: (articles done, sentences found)."""
    if _WORKER["kind"] == "spacy":
        docs = list(_WORKER["nlp"].pipe(items))
        return len(docs), sum(len(list(d.sents)) for d in docs)
    articles = _to_articles(items)
    for stage in _WORKER["stages"]:
        articles = stage(articles)
    return len(articles), sum(len(a.sentences) for a in articles)


def _to_articles(items: list[str]) -> list[Any]:
    """Paths through the real ingest when it exists, else texts as plain articles."""
    from chronik.model import Article, content_id

    if _WORKER["kind"] == "ingest":
        from chronik.ingest import read_inputs

        return [a for a in read_inputs(items) if isinstance(a, Article)]
    if _WORKER["kind"] == "split":
        return [Article(id="", source="", raw_text=t, text=t, language="de") for t in items]
    return [
        Article(id=content_id(t, f"10kgnad#{i}"), source=f"10kgnad#{i}", raw_text=t, text=t)
        for i, t in enumerate(items)
    ]


# --- driver side ------------------------------------------------------------------------


class PeakMemory:
    """Samples this process plus all children every 50 ms; keeps the peak of the sums.

    RSS sums count pages shared between forked workers once per process (an upper
    bound); PSS sums share them out (the real footprint). Both are reported.
    """

    def __init__(self) -> None:
        import psutil

        self._proc = psutil.Process()
        self.rss = 0
        self.pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            rss = pss = 0
            for p in [self._proc, *self._proc.children(recursive=True)]:
                with contextlib.suppress(Exception):  # a child may exit meanwhile
                    info = p.memory_full_info()
                    rss += info.rss
                    pss += getattr(info, "pss", info.rss)
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self._stop.wait(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def batches(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def measure(
    kind: str, stages: list[str], items: list[str], workers: int, runs: int, size: int
) -> dict[str, float]:
    """Cold run (pool start + model load) then `runs` warm runs; articles/s and memory.

    Single-process runs use a 1-worker pool too, so this driver stays small and every
    configuration pays the same inter-process costs.
    """
    n = len(items)
    with PeakMemory() as mem:
        start = time.perf_counter()
        with ProcessPoolExecutor(
            workers, initializer=_init_worker, initargs=(kind, stages)
        ) as pool:
            done = list(pool.map(_run_batch, batches(items, size)))
            cold = time.perf_counter() - start
            warm = []
            for _ in range(runs):
                t0 = time.perf_counter()
                list(pool.map(_run_batch, batches(items, size)))
                warm.append(time.perf_counter() - t0)
    return {
        "cold": n / cold,
        "warm": n / statistics.median(warm),
        "rss_mb": mem.rss / 2**20,
        "pss_mb": mem.pss / 2**20,
        "articles": sum(a for a, _ in done),
        "sentences": sum(s for _, s in done),
    }


def measure_engine(
    texts: list[str], stages: list[str], workers: int, size: int
) -> dict[str, float]:
    """`chronik analyze` end to end (read JSONL, stages, SQLite writes) from a cold start."""
    import json

    from chronik.engines import local

    with tempfile.TemporaryDirectory() as tmp, PeakMemory() as mem:
        feed = Path(tmp) / "gnad.jsonl"
        with feed.open("w", encoding="utf-8") as out:
            for i, text in enumerate(texts):
                out.write(json.dumps({"text": text, "title": f"gnad {i}"}, ensure_ascii=False))
                out.write("\n")
        start = time.perf_counter()
        rep = local.analyze(
            [str(feed)], str(Path(tmp) / "b.db"), stages=stages, workers=workers, batch_size=size
        )
        seconds = time.perf_counter() - start
    speed = rep.processed / seconds
    sentences = rep.counts.get("sentences", 0)
    return {"cold": speed, "warm": speed, "rss_mb": mem.rss / 2**20, "pss_mb": mem.pss / 2**20,
            "articles": rep.processed, "sentences": sentences}  # fmt: skip


def boundary_f1(gold: set[tuple[int, int]], pred: set[tuple[int, int]]) -> float:
    """F1 of (article, offset) boundary pairs; 1.0 when both find none."""
    if not gold and not pred:
        return 1.0
    return 2 * len(gold & pred) / (len(gold) + len(pred))


def sentence_ends(texts: list[str]) -> dict[str, list[set[int]]]:
    """Sentence-end offsets (excluding the text end) by ours, spaCy and SoMaJo."""
    import spacy
    from somajo import SoMaJo

    from chronik.stages.sentences import split_sentences

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    somajo = SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)
    ends: dict[str, list[set[int]]] = {"chronik": [], "spacy": [], "somajo": []}
    for text in texts:
        last = len(text.rstrip())
        ends["chronik"].append({e for _, e in split_sentences(text, "de")} - {last})
        doc = nlp(text)
        ends["spacy"].append({len(text[: s.end_char].rstrip()) for s in doc.sents} - {last})
        sents = somajo.tokenize_text([text])
        ends["somajo"].append({s[-1].character_offset[1] for s in sents} - {last})
    return ends


def agreement_table(texts: list[str]) -> list[tuple[str, float]]:
    """Micro-averaged boundary F1 for each pair of splitters."""
    ends = sentence_ends(texts)
    rows = []
    for a, b in (("chronik", "spacy"), ("chronik", "somajo"), ("spacy", "somajo")):
        gold = {(i, e) for i, s in enumerate(ends[b]) for e in s}
        pred = {(i, e) for i, s in enumerate(ends[a]) for e in s}
        rows.append((f"{a} vs {b}", boundary_f1(gold, pred)))
    return rows


def somajo_speed(texts: list[str]) -> float:
    """SoMaJo single-process articles/s on the sample (reference only)."""
    from somajo import SoMaJo

    somajo = SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)
    start = time.perf_counter()
    for text in texts:
        list(somajo.tokenize_text([text]))
    return len(texts) / (time.perf_counter() - start)


def write_files(texts: list[str], folder: Path) -> list[str]:
    """One .txt per article so that the real ingest reads files, as `chronik analyze` does."""
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"{i:05d}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    print(f"\n{title}")
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=False))
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--sample", type=int, default=200, help="articles for agreement")
    args = parser.parse_args()
    if not CSV.is_file():
        print(f"{CSV} is absent (fresh machine): ingest benchmark skipped.")
        return 0
    texts = load_texts(CSV)
    stages, missing = available_stages()
    ingest = has_ingest()
    print(f"10kGNAD test: {len(texts)} articles, {sum(map(len, texts)) / 1e6:.1f} M chars")
    print(f"stages run: {' + '.join(['ingest' if ingest else 'ingest-equivalent', *stages])}")
    if missing or not ingest:
        gone = [*(() if ingest else ("ingest (chronik.ingest)",)), *missing]
        print(f"NOT included (not importable yet): {', '.join(gone)}")
    with tempfile.TemporaryDirectory() as tmp:
        items = write_files(texts, Path(tmp)) if ingest else texts
        results = run_all(items, texts, stages, "ingest" if ingest else "chronik", args)
    report(results, texts, args)
    return 0


def run_all(
    items: list[str], texts: list[str], stages: list[str], kind: str, args: argparse.Namespace
) -> dict[str, dict[str, float]]:
    """Every configuration, one after the other, in this process."""
    runs, size = args.runs, args.batch
    return {
        # first, so that no model is loaded in this process yet: a true cold start
        "chronik analyze (engine), 2 workers": measure_engine(texts, stages, 2, size),
        "chronik pipeline, 2 proc": measure(kind, stages, items, 2, runs, size),
        "chronik pipeline, 1 proc": measure(kind, stages, items, 1, runs, size),
        "chronik split+tokens, 2 proc": measure("split", ["sentences"], texts, 2, runs, size),
        "chronik split+tokens, 1 proc": measure("split", ["sentences"], texts, 1, runs, size),
        "spaCy blank(de)+sentencizer, 2 proc": measure("spacy", [], texts, 2, runs, size),
        "spaCy blank(de)+sentencizer, 1 proc": measure("spacy", [], texts, 1, runs, size),
    }


def report(
    results: dict[str, dict[str, float]], texts: list[str], args: argparse.Namespace
) -> None:
    base = results["spaCy blank(de)+sentencizer, 2 proc"]["warm"]
    rows = [
        [
            name,
            f"{r['warm']:.0f}",
            f"{r['cold']:.0f}",
            f"{r['warm'] / base:.2f}",
            f"{r['rss_mb']:.0f}",
            f"{r['pss_mb']:.0f}",
            f"{r['sentences']:.0f}",
        ]
        for name, r in results.items()
    ]
    header = [
        "system",
        "art/s warm",
        "art/s cold",
        "x spaCy 2p",
        "peak RSS MB",
        "peak PSS MB",
        "sentences",
    ]
    print_table(f"Throughput (median of {args.runs} warm runs, batch {args.batch})", header, rows)
    ours = results["chronik analyze (engine), 2 workers"]
    speed_ok = "met" if ours["cold"] >= 100 else "NOT met"
    mem_ok = "met" if ours["rss_mb"] < 1024 else "NOT met"
    print(
        f"\nGoal >= 100 articles/s on 2 cores, end to end from a cold start: {speed_ok} "
        f"({ours['cold']:.0f}); peak RSS < 1 GB: {mem_ok} ({ours['rss_mb']:.0f} MB)"
    )
    sample = texts[: args.sample]
    agreement = [[pair, f"{f1:.3f}"] for pair, f1 in agreement_table(sample)]
    print_table(f"Sentence-boundary agreement (F1 of end offsets, {len(sample)} articles)",
                ["pair", "F1"], agreement)  # fmt: skip
    print(f"\nSoMaJo (reference, 1 proc): {somajo_speed(sample[:100]):.0f} articles/s")


if __name__ == "__main__":
    sys.exit(main())
