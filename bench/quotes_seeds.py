"""Seed acceptance figures for quotes (recall, precision, speaker accuracy on found quotes
and over all gold quotes = attributed_recall) and quantities against the hand-checked lists in
tests/stages/seed_gold.py (outputs matching no gold quote are listed), plus throughput of
both stages on 10kGNAD (articles/s, one core).

    .venv/bin/python bench/quotes_seeds.py
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "stages"))

from seed_gold import false_quotes, score_quantities, score_quotes  # noqa: E402

from chronik.model import Article, Quote  # noqa: E402
from chronik.pipeline import process_batch  # noqa: E402
from chronik.stages import create  # noqa: E402
from chronik.stages.quantities import extract_quantities  # noqa: E402
from chronik.stages.quotes import extract_quotes  # noqa: E402

SHARED = ROOT.parent / "shared"


def seeds() -> None:
    texts = {
        p.name: p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))
    }
    quotes = {n: extract_quotes(t, "de") for n, t in texts.items()}
    qty = {n: extract_quantities(t, "de", quotes[n]) for n, t in texts.items()}
    print("seed quotes:", {k: round(v, 3) for k, v in score_quotes(texts, quotes).items()})
    with_ents = {n: _with_entities(n, t) for n, t in texts.items()}
    scored = score_quotes(texts, with_ents)
    print("seed quotes, after sentences+entities:", {k: round(v, 3) for k, v in scored.items()})
    for line in false_quotes(texts, with_ents):
        print("  not a seed quote:", line)
    print("seed quantities:", {k: round(v, 3) for k, v in score_quantities(texts, qty).items()})


def _with_entities(name: str, text: str) -> list[Quote]:
    """The quotes stage as `chronik analyze` runs it: after sentences and entities."""
    art = Article(id=name, source=name, raw_text=text, text=text, language="de")
    stages = [create(s) for s in ("sentences", "entities", "quotes")]
    return list(process_batch(stages, [art]).articles[0].quotes)


def speed(limit: int = 1000, rounds: int = 3) -> None:
    path = SHARED / "data" / "10kgnad" / "test.csv"
    if not path.is_file():
        print(f"{path} absent: speed benchmark skipped")
        return
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8") as fh:
        docs = [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) > 1]
    docs = docs[:limit]
    for label, fn in (
        ("baseline str.split", lambda t: t.split()),
        ("quotes", lambda t: extract_quotes(t, "de")),
        ("quantities", lambda t: extract_quantities(t, "de")),
    ):
        t0 = time.perf_counter()
        for d in docs:
            fn(d)  # cold pass: lazy models load, per-word caches fill
        cold = time.perf_counter() - t0
        times = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            for d in docs:
                fn(d)
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        print(
            f"{label:20} {len(docs) / med:9.0f} articles/s (median of {rounds}, {len(docs)} docs;"
            f" cold first pass {len(docs) / cold:.0f}/s)"
        )


def main() -> int:
    if not (SHARED / "seeds").is_dir():
        print("../shared/seeds absent: seed figures skipped")
    else:
        seeds()
    speed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
