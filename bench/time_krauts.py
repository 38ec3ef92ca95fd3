"""Temporal tagging on KRAUTS (DieZeit + Dolomiten-100): chronik vs HeidelTime, one scorer.

Reads ../shared/data/krauts/KRAUTS/{KRAUTS_DieZeit,KRAUTS_Dolomiten-100}{,_Heideltime}/*.tml
(gold TIMEX3 with the document creation time; `_Heideltime` is HeidelTime's own output
on the same texts) and prints, per split, strict and relaxed extraction F1, type accuracy
and value F1 for both systems side by side (see bench/timex_eval.py), then speed.
Exits 0 with a message when the data is absent.

    .venv/bin/python bench/time_krauts.py [--errors N] [--context C] [--tml-errors]
                                          [--no-speed] [--dev-only] [--confusion]

Splits: "dev" = Dolomiten-100 + the even-numbered DieZeit files (sorted by name), the
part rules were tuned on; "test" = the odd-numbered DieZeit files, held out. A second,
independent dev set is SmartData (bench/time_smartdata.py): change a rule only for an
error category seen in both.
Timexes are tagged with ranges split (`ranges=False`), as KRAUTS annotates them.
"chronik" is the default style ("news": "vor zwei Jahren" -> the date 2021), "chronik-tml"
the style="timeml" setting (KRAUTS/It-TimeML: the duration "zwei Jahren", P2Y).
`--confusion` prints the type confusion matrix on dev (and, with `--errors`, our
type errors). `--dev-only` prints no held-out rows (use it while tuning); `--errors`
lists dev errors only (of "chronik", or of "chronik-tml" with `--tml-errors`).
Speed: documents/s on KRAUTS and on 10kGNAD (1,028 articles), median of 3 runs, and
the ratio to a baseline pass (one sentence-split regex) timed in the same process.
"""

from __future__ import annotations

import csv
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import timex_eval
from chronik.stages.time import tag
from chronik.stages.time.tagger import simple_sentences
from timex_eval import Counts, Span, inline_spans, score

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
KRAUTS = DATA / "krauts" / "KRAUTS"
PARTS = ("KRAUTS_Dolomiten-100", "KRAUTS_DieZeit")
DCT = re.compile(r"<DCT>.*?value=\"([^\"]+)\"", re.S)
DEV_ONLY = "--dev-only" in sys.argv  # while tuning: never print held-out figures


def load(path: Path) -> tuple[str, str, list[Span]]:
    """(dct, text, spans) of one TimeML file; only TIMEX3 inside <TEXT> count."""
    raw = path.read_text(encoding="utf-8")
    m = DCT.search(raw)
    dct = m.group(1) if m else ""
    body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    text, spans = inline_spans(body)
    return dct, text, spans


def split_of(part: str, index: int) -> str:
    return "dev" if part == "KRAUTS_Dolomiten-100" or index % 2 == 0 else "test"


SYSTEMS = ("chronik", "chronik-tml", "heideltime")  # chronik in style "news" and "timeml"


def ours(text: str, dct: str, style: str = "news") -> list[Span]:
    found = tag(text, "de", dct, ranges=False, style=style)
    return [Span(t.start, t.end, t.type, t.value) for t in found]


def evaluate(n_errors: int) -> list[tuple[str, str]]:
    """Scores per split and system; returns the texts for the speed run."""
    totals: dict[tuple[str, str], Counts] = {}
    docs: list[tuple[str, str]] = []
    for part in PARTS:
        for i, path in enumerate(sorted((KRAUTS / part).glob("*.tml"))):
            dct, text, gold = load(path)
            _, h_text, heidel = load(KRAUTS / f"{part}_Heideltime" / path.name)
            if h_text != text:
                print(f"warning: HeidelTime text differs for {path.name}", file=sys.stderr)
            docs.append((text, dct))
            split = split_of(part, i)
            short = "dolomiten" if "Dolo" in part else "diezeit"
            runs = (("chronik", ours(text, dct)), ("chronik-tml", ours(text, dct, "timeml")),
                    ("heideltime", heidel))  # fmt: skip
            for sys_name, spans in runs:
                counts = score(gold, spans, text)
                for key in (split, f"{short}-{split}", "all"):
                    totals.setdefault((key, sys_name), Counts()).add(counts)
    _print_table(totals)
    name = "chronik-tml" if "--tml-errors" in sys.argv else "chronik"
    if "--confusion" in sys.argv:
        _print_confusion(totals, name, n_errors)
    if n_errors:
        _print_errors(totals[("dev", name)], n_errors)
    return docs


def _print_table(totals: dict[tuple[str, str], Counts]) -> None:
    cols = ("strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "type_acc", "value_f1")
    print(
        f"{'split':16} {'system':11} {'gold':>5} {'sys':>5} " + " ".join(f"{c:>10}" for c in cols)
    )
    order = ("dev", "test", "dolomiten-dev", "diezeit-dev", "diezeit-test", "all")
    if DEV_ONLY:
        order = ("dev", "dolomiten-dev", "diezeit-dev")
    for key in order:
        for name in SYSTEMS:
            c = totals.get((key, name))
            if c is None:
                continue
            f = c.figures()
            vals = " ".join(f"{f[k]:10.1f}" for k in cols)
            print(f"{key:16} {name:11} {c.gold:5d} {c.system:5d} {vals}")


def _print_errors(c: Counts, n: int) -> None:
    print(f"\nmost frequent chronik errors on dev (text | gold | ours), top {n}:")
    for (text, g, s), k in Counter(c.errors).most_common(n):
        print(f"{k:3d}  {text!r:40} {g:18} {s}")


def _print_confusion(totals: dict[tuple[str, str], Counts], name: str, n: int) -> None:
    """Type confusion on dev (ours and HeidelTime's), and our type errors when asked."""
    for sys_name in (name, "heideltime"):
        print(f"\ntype confusion on dev, {sys_name} (rows gold, columns system):")
        print(timex_eval.confusion(totals[("dev", sys_name)]))
    if n:
        print(f"\n{name} type errors on dev (text | gold | ours):")
        for (text, g, s), k in Counter(totals[("dev", name)].type_errors).most_common(n):
            print(f"{k:3d}  {text!r:60} {g:9} {s}")


def _median_rate(fn: Callable[[], None], n_docs: int, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return n_docs / statistics.median(times)


def speed(name: str, docs: list[tuple[str, str]]) -> None:
    def run_tagger() -> None:
        for text, dct in docs:
            tag(text, "de", dct)

    def run_baseline() -> None:
        for text, _ in docs:
            simple_sentences(text)

    ours_rate = _median_rate(run_tagger, len(docs))
    base_rate = _median_rate(run_baseline, len(docs))
    chars = sum(len(t) for t, _ in docs) / len(docs)
    print(
        f"speed {name:9} {len(docs):5d} docs (mean {chars:,.0f} chars): {ours_rate:8.0f} docs/s "
        f"(1 core, median of 3); baseline sentence split {base_rate:8.0f} docs/s; "
        f"tagger costs {base_rate / ours_rate:.1f}x the baseline"
    )


def gnad_docs() -> list[tuple[str, str]]:
    path = DATA / "10kgnad" / "test.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        rows = csv.reader(fh, delimiter=";", quotechar="'")
        return [(row[1], "2016-05-01") for row in rows if len(row) > 1]


def main() -> int:
    if not KRAUTS.is_dir():
        print(f"KRAUTS not found at {KRAUTS} (../shared/data absent): nothing to measure")
        return 0
    n_errors = timex_eval.error_options(sys.argv)
    docs = evaluate(n_errors)
    if "--no-speed" not in sys.argv:
        speed("KRAUTS", docs)
        gnad = gnad_docs()
        if gnad:
            speed("10kGNAD", gnad)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
