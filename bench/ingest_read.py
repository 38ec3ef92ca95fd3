"""Reading speed of the ingest layer alone, on 10kGNAD test (1,028 derStandard articles).

The CSV is converted here (not by chronik) into a temporary folder of UTF-8 .txt files,
the same as cp1252 .txt files, one .jsonl, one .jsonl.gz and small HTML pages; each is
read with `read_inputs` and the median of several runs is printed as articles/s, next to
a baseline run in the same process (open + read + UTF-8 decode + `content_id`, i.e. the
least any reader must do) and the ratio to it.

    nice .venv/bin/python bench/ingest_read.py [--runs 5] [--html 200]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT.parent / "shared" / "data" / "10kgnad" / "test.csv"


def load_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row[1] for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) == 2]


def html_page(text: str, i: int) -> str:
    """A plain news page around the text: nav, article paragraphs, footer, a date."""
    sentences = text.split(". ")
    paras = [". ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<html><head><title>Artikel {i}</title>"
        '<meta property="article:published_time" content="2016-03-01T10:00:00+01:00">'
        f"</head><body><nav><a href='/'>Start</a></nav><article><h1>Artikel {i}</h1>{body}"
        "</article><footer>Impressum</footer></body></html>"
    )


def write_inputs(texts: list[str], root: Path, n_html: int) -> dict[str, list[str]]:
    """The benchmark inputs on disk; returns spec lists per scenario."""
    (root / "txt").mkdir()
    (root / "cp1252").mkdir()
    (root / "html").mkdir()
    for i, text in enumerate(texts):
        (root / "txt" / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        data = text.encode("cp1252", errors="replace")
        (root / "cp1252" / f"{i:05d}.txt").write_bytes(data)
    for i, text in enumerate(texts[:n_html]):
        (root / "html" / f"{i:05d}.html").write_text(html_page(text, i), encoding="utf-8")
    lines = "".join(json.dumps({"text": t, "url": f"https://x.example/{i}"}) + "\n"
                    for i, t in enumerate(texts))  # fmt: skip
    (root / "all.jsonl").write_text(lines, encoding="utf-8")
    (root / "all.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    return {
        "txt folder (UTF-8)": [str(root / "txt")],
        "txt folder (cp1252)": [str(root / "cp1252")],
        "jsonl": [str(root / "all.jsonl")],
        "jsonl.gz": [str(root / "all.jsonl.gz")],
        f"html folder ({n_html} pages)": [str(root / "html")],
    }


def baseline(specs: list[str]) -> int:
    """The floor: read every file's bytes, decode UTF-8, hash; no checks, no formats."""
    from chronik.model import content_id

    n = 0
    for folder in specs:
        for path in sorted(Path(folder).iterdir()):
            content_id(path.read_bytes().decode("utf-8", errors="replace"), str(path))
            n += 1
    return n


def ours(specs: list[str]) -> int:
    from chronik.ingest import read_inputs
    from chronik.model import Article

    return sum(1 for item in read_inputs(specs) if isinstance(item, Article))


def timed(fn: Callable[[list[str]], int], specs: list[str], runs: int) -> tuple[float, int]:
    """Median seconds over `runs` after one warm-up run; and the item count."""
    count = fn(specs)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(specs)
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--html", type=int, default=200, help="HTML pages to build")
    args = parser.parse_args()
    if not CSV.is_file():
        print(f"{CSV} is absent (fresh machine): nothing to measure.")
        return 0
    texts = load_texts(CSV)
    print(f"10kGNAD test: {len(texts)} articles; median of {args.runs} runs (1 warm-up)\n")
    with tempfile.TemporaryDirectory(prefix="chronik-bench-") as tmp:
        scenarios = write_inputs(texts, Path(tmp), args.html)
        base_s, base_n = timed(baseline, scenarios["txt folder (UTF-8)"], args.runs)
        base_rate = base_n / base_s
        print(f"{'scenario':28} {'articles':>8} {'art/s':>9} {'vs baseline':>12}")
        print(f"{'baseline: read+decode+hash':28} {base_n:8d} {base_rate:9.0f} {1.0:11.2f}x")
        for name, specs in scenarios.items():
            seconds, count = timed(ours, specs, args.runs)
            rate = count / seconds
            print(f"{name:28} {count:8d} {rate:9.0f} {rate / base_rate:11.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
