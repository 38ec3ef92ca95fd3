"""Cleaning quality and speed on the seeds (../shared/seeds) and on examples/.

Prints, per article, lines removed/kept and the gold misses, then precision/recall of
removal against the snippet gold (bench/data/seeds_clean_gold.txt, examples/EXPECTED.md),
then the cleaning speed: articles/s (median of 5 runs) on the seeds, and on 10kGNAD test
articles when ../shared/data is present, with the ratio to a plain `str.splitlines` pass
run in the same process as the baseline.

    .venv/bin/python bench/clean_seeds.py
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from chronik.model import Article
from chronik.stages.clean import CleanStage
from chronik.stages.clean.gold import Score, load_articles, parse_gold, score, total

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_GOLD = ROOT / "bench" / "data" / "seeds_clean_gold.txt"
EXAMPLE_GOLD = ROOT / "examples" / "EXPECTED.md"


def evaluate(label: str, folder: Path, gold_file: Path) -> Score | None:
    if not folder.is_dir() or not gold_file.is_file():
        print(f"\n{label}: {folder} or {gold_file} is absent, skipped")
        return None
    gold = parse_gold(gold_file.read_text(encoding="utf-8"))
    articles = load_articles(folder)
    names = [n for n in gold if n in articles]
    cleaned = CleanStage()([articles[n] for n in names])
    print(f"\n== {label}: {len(names)} articles with gold")
    print(f"{'article':48} {'removed':>7} {'kept':>5} {'P':>6} {'R':>6}")
    scores = []
    for name, article in zip(names, cleaned, strict=True):
        s = score(name, article, gold[name])
        scores.append(s)
        print(f"{name[:48]:48} {s.removed:7d} {s.kept:5d} {s.precision:6.3f} {s.recall:6.3f}")
        for miss in s.fn:
            print(f"    boilerplate left: {miss}")
        for miss in s.fp:
            print(f"    content lost:     {miss}")
        if article.meta.get("format") == "html" and s.unexplained:
            print(
                f"    {len(s.unexplained)} gold lines already dropped by HTML extraction (ingest)"
            )
        else:
            for miss in s.unexplained:
                print(f"    gone without a Removed entry: {miss}")
    t = total(scores)
    print(
        f"{label} total: removal precision {t.precision:.3f} recall {t.recall:.3f} "
        f"(gold remove lines {t.tp + len(t.fn)}, {len(t.unexplained)} of them already dropped "
        f"upstream by HTML extraction; keep snippets lost {len(t.fp)})"
    )
    return t


def _median_rate(fn: Callable[[], object], n_articles: int, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return n_articles / statistics.median(times)


def speed(label: str, articles: list[Article], batch: int = 64) -> None:
    """Articles/s of the stage vs a trivial line pass (same texts, same process, 1 core)."""
    stage = CleanStage()

    def run_stage() -> None:
        for i in range(0, len(articles), batch):
            stage(articles[i : i + batch])

    def run_baseline() -> None:
        for a in articles:
            [ln.strip() for ln in a.raw_text.splitlines()]

    ours = _median_rate(run_stage, len(articles))
    base = _median_rate(run_baseline, len(articles))
    chars = sum(len(a.raw_text) for a in articles) / len(articles)
    print(
        f"speed {label}: {len(articles)} articles (mean {chars:.0f} chars): "
        f"{ours:,.0f} articles/s on one core (median of 5); "
        f"baseline splitlines {base:,.0f}/s; ratio {base / ours:.0f}x slower than baseline"
    )


def gnad_articles(limit: int = 1028) -> list[Article]:
    path = SHARED / "data" / "10kgnad" / "test.csv"
    if not path.is_file():
        return []
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.reader(fh, delimiter=";", quotechar="'")):
            if len(row) >= 2 and n < limit:
                out.append(Article(id=str(n), source=f"10kgnad#{n}", raw_text=row[1]))
    return out


def main() -> int:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        print("../shared/seeds is absent: seed figures skipped (examples still measured)")
    evaluate("seeds", seeds, SEED_GOLD)
    evaluate("examples", ROOT / "examples", EXAMPLE_GOLD)
    if seeds.is_dir():
        seed_articles = list(load_articles(seeds).values())
        speed("seeds x20", seed_articles * 20)
    gnad = gnad_articles()
    if gnad:
        speed("10kGNAD test", gnad)
    else:
        print("../shared/data/10kgnad is absent: 10kGNAD speed skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
