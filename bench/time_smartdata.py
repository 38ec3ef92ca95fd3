"""Temporal extraction on SmartData v3 dev (228 German news/RSS/tweets): a second dev set.

Reads ../shared/data/smartdata_de/v3_20200302/dev.json.gz (concatenated JSON objects,
CC-BY 4.0) and scores our tagger's spans against the gold DATE/TIME/DURATION concept
mentions: strict and relaxed P/R/F1 and type accuracy (bench/timex_eval.py). SmartData
has no normalised values, so this measures extraction only. A plain-regex baseline
(numeric dates, day + month name, month names, weekdays, years, clock times, "N Minuten")
is scored in the same run, and "chr-expl", our spans without vague values (see below).
Exits 0 with a message when the data is absent.

    .venv/bin/python bench/time_smartdata.py [--errors N] [--context C] [--by-type]

Annotation conventions found in the gold (they differ from TimeML; read precision with them):
- Not exhaustive: "heute" 2 of 6 marked, "Woche" 2 of 16, "derzeit"/"aktuell"/"jetzt" never,
  so precision is a lower bound; recall is the telling figure.
- No SET type: plural weekdays ("Freitage") are DATE; our SETs are scored as they come
  (a SET span overlapping a gold span counts for extraction, not for type).
- Ages are DURATION ("13-jährigen", "22-Jährige", "78 Jahre"), as are bare minute counts
  of delay tables ("8", "61 – 67 Min.") and "zwischen 15 und 40 Minuten" as one span.
- Weekday + date is one span ("Dienstag, 29. März"); a trailing comma is often inside
  the span ("22. Januar 2016,"): the relaxed figures absorb that.
- Date + clock time is one DATE ("15.05.2016 00:06"); a clock time alone is TIME, with
  its modifier ("kurz vor 07.00 Uhr", "zirka 09.30 Uhr"); "ganztägig", "Betriebsschluss",
  "Vormittag" are TIME.
The DCT is the document's `date`; tweets whose `date` is a tweet id get the id's
timestamp (Twitter snowflake: milliseconds since 2010-11-04 in the bits above 22).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import timex_eval
from chronik.stages.time import tag
from timex_eval import Counts, Span, score

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "smartdata_de"
DEV = DATA / "v3_20200302" / "dev.json.gz"
TYPES = ("DATE", "TIME", "DURATION")
TWITTER_EPOCH_MS = 1288834974657

_MONTH = (
    r"(?:Jan(?:uar)?|Feb(?:ruar)?|M[äa]r(?:z)?|Apr(?:il)?|Mai|Jun[i]?|Jul[i]?|"
    r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Okt(?:ober)?|Nov(?:ember)?|Dez(?:ember)?)\.?"
)
_DAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)"
BASELINE = re.compile(
    rf"\b(?:\d{{1,2}}\.\d{{1,2}}\.(?:\d{{2,4}})?|\d{{4}}-\d\d-\d\d"
    rf"|(?:\d{{1,2}}\.\s*)?{_MONTH}(?:\s+\d{{4}})?|{_DAY}\w*|(?:19|20)\d\d"
    rf"|\d{{1,2}}[.:]\d\d(?:\s*Uhr)?|\d{{1,2}}\s*Uhr|\d+\s*(?:Minuten|Min\.|Stunden|Tage|Jahre)n?)"
    rf"(?!\w)"
)


def read_docs(path: Path = DEV) -> Iterator[dict]:  # type: ignore[type-arg]
    """The concatenated JSON objects of one SmartData file."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = fh.read()
    dec = json.JSONDecoder()
    pos = 0
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            return
        obj, pos = dec.raw_decode(raw, pos)
        yield obj


def dct_of(doc: dict) -> str:  # type: ignore[type-arg]
    """ISO date of the document: its `date`, or the timestamp inside a tweet id."""
    value = (doc.get("date") or {}).get("string", "")
    if value[:2] in ("19", "20") and "-" in value:
        return value[:10]
    if value.isdigit():
        ms = (int(value) >> 22) + TWITTER_EPOCH_MS
        return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d")
    return ""


def load() -> list[tuple[str, str, list[Span]]]:
    """(dct, text, gold spans) per document."""
    out = []
    for doc in read_docs():
        text = doc["text"]["string"]
        gold = [
            Span(c["span"]["start"], c["span"]["end"], c["type"], "")
            for c in (doc.get("conceptMentions") or {}).get("array", [])
            if c["type"] in TYPES
        ]
        out.append((dct_of(doc), text, sorted(gold, key=lambda s: s.start)))
    return out


def ours(text: str, dct: str) -> list[Span]:
    return [Span(t.start, t.end, t.type, "") for t in tag(text, "de", dct or None, ranges=False)]


def ours_explicit(text: str, dct: str) -> list[Span]:
    """Without vague values ("jetzt", "derzeit", "in den kommenden Tagen"): SmartData
    leaves those unmarked, so this row shows how much precision that convention costs."""
    found = tag(text, "de", dct or None, ranges=False)
    return [Span(t.start, t.end, t.type, "") for t in found if not t.vague]


def baseline(text: str, _dct: str) -> list[Span]:
    return [Span(m.start(), m.end(), "DATE", "") for m in BASELINE.finditer(text)]


def run(docs: list[tuple[str, str, list[Span]]], fn: Callable[[str, str], list[Span]]) -> Counts:
    total = Counts()
    for dct, text, gold in docs:
        total.add(score(gold, fn(text, dct), text))
    return total


def by_type(docs: list[tuple[str, str, list[Span]]]) -> None:
    """Recall per gold type (relaxed), to see which kind of expression is missed."""
    for typ in TYPES:
        c = Counts()
        for dct, text, gold in docs:
            c.add(score([g for g in gold if g.type == typ], ours(text, dct)))
        share = 100 * c.relaxed / (c.gold or 1)
        print(f"  recall {typ:9} {c.relaxed:4d}/{c.gold:<4d} = {share:5.1f}")


def print_row(name: str, c: Counts, secs: float, n: int) -> None:
    f = c.figures()
    strict_p = 100 * c.strict / (c.system or 1)
    strict_r = 100 * c.strict / (c.gold or 1)
    print(
        f"{name:9} {c.gold:5d} {c.system:5d} {strict_p:8.1f} {strict_r:8.1f} {f['strict_f1']:9.1f} "
        f"{f['relaxed_p']:6.1f} {f['relaxed_r']:6.1f} {f['relaxed_f1']:6.1f} "
        f"{f['type_acc']:8.1f}   ({n / secs:.0f} docs/s)"
    )


def main() -> int:
    if not DEV.is_file():
        print(f"SmartData not found at {DEV} (../shared/data absent): nothing to measure")
        return 0
    n_errors = timex_eval.error_options(sys.argv)
    docs = load()
    print(f"SmartData v3 dev: {len(docs)} documents, {sum(len(g) for *_, g in docs)} gold spans")
    print(f"{'system':9} {'gold':>5} {'sys':>5} {'strict_p':>8} {'strict_r':>8} {'strict_f1':>9} "
          f"{'rel_p':>6} {'rel_r':>6} {'rel_f1':>6} {'type_acc':>8}")  # fmt: skip
    results = {}
    for name, fn in (("chronik", ours), ("chr-expl", ours_explicit), ("regex", baseline)):
        t0 = time.perf_counter()
        results[name] = run(docs, fn)
        print_row(name, results[name], time.perf_counter() - t0, len(docs))
    if "--by-type" in sys.argv:
        by_type(docs)
    if n_errors:
        print(f"\nchronik: missed (gold | -) and spurious (- | ours), top {n_errors}:")
        errs = [(t, g, s) for t, g, s in results["chronik"].errors if "-" in (g, s)]
        for (text, _, s), k in Counter(errs).most_common(n_errors):
            print(f"{k:3d}  {'MISS' if s == '-' else 'SPUR'}  {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
