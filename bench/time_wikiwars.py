"""Temporal tagging on WikiWarsDE (22 German Wikipedia war articles, TIMEX2 gold).

Reads ../shared/data/wikiwarsde/WikiWarsDE_20110412/keyinline/*.xml and prints relaxed
extraction P/R/F1, strict F1 and value accuracy (over relaxed matches), the measures
HeidelTime published for this corpus (93.3 relaxed F1, 88.5 value accuracy; 87.7 strict
per ../shared/data/README.md), using the scorer in bench/timex_eval.py. The tagger runs
in narrative mode (relative dates resolve against the last date the text stated, as
history articles need) and, for comparison, in news mode (against the DCT).
Exits 0 with a message when the data is absent.

    .venv/bin/python bench/time_wikiwars.py [--errors N]
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

import timex_eval
from chronik.stages.time import tag
from timex_eval import Counts, Span, inline_spans, score

ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikiwarsde"
KEY = ROOT / "WikiWarsDE_20110412" / "keyinline"
DATETIME = re.compile(r"<DATETIME>.*?val=\"([^\"]+)\"", re.S)
PUBLISHED = {"relaxed_f1": 93.3, "value_acc": 88.5, "strict_f1": 87.7}


def load(path: Path) -> tuple[str, str, list[Span]]:
    raw = path.read_text(encoding="utf-8")
    m = DATETIME.search(raw)
    dct = m.group(1)[:10] if m else ""
    body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    text, spans = inline_spans(body)
    return dct, text, spans


def main() -> int:
    if not KEY.is_dir():
        print(f"WikiWarsDE not found at {KEY} (../shared/data absent): nothing to measure")
        return 0
    n_errors = timex_eval.error_options(sys.argv)
    timex_eval.CONTEXT = 30 if n_errors else 0
    docs = [load(p) for p in sorted(KEY.glob("*.xml"))]
    print(f"WikiWarsDE: {len(docs)} documents, {sum(len(g) for _, _, g in docs)} gold TIMEX2")
    print(f"{'system':22} {'strict_f1':>9} {'rel_p':>6} {'rel_r':>6} {'rel_f1':>6} {'val_acc':>7}")
    for mode in ("narrative", "news"):
        total = Counts()
        t0 = time.perf_counter()
        for dct, text, gold in docs:
            found = tag(text, "de", dct, ranges=False, narrative=mode == "narrative")
            total.add(score(gold, [Span(t.start, t.end, t.type, t.value) for t in found], text))
        secs = time.perf_counter() - t0
        f = total.figures()
        print(
            f"chronik ({mode:9})    {f['strict_f1']:9.1f} {f['relaxed_p']:6.1f} "
            f"{f['relaxed_r']:6.1f} {f['relaxed_f1']:6.1f} {f['value_acc']:7.1f}"
            f"   ({len(docs) / secs:.0f} docs/s, long articles)"
        )
        if mode == "narrative" and n_errors:
            for (text, g, s), k in Counter(total.errors).most_common(n_errors):
                print(f"   {k:3d}  {text!r:50} {g:14} {s}")
    p = PUBLISHED
    print(
        f"HeidelTime (published) {p['strict_f1']:9.1f} {'':>6} {'':>6} "
        f"{p['relaxed_f1']:6.1f} {p['value_acc']:7.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
