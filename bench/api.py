"""Overhead of the REST API and web UI over calling the library directly.

For each view, the median of N in-process requests (FastAPI TestClient, no network)
against the same work done by a direct library call in the same process, and their
ratio: the API should add milliseconds, not multiply the cost. Uses examples/ analysed
by the default pipeline into a temp store (or `--db FILE`).

    nice .venv/bin/python bench/api.py [--runs 30] [--db FILE]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from chronik import export as exporter
from chronik.api import create_app
from chronik.api.routes import article_detail
from chronik.store import open_store
from chronik.web.highlight import article_marks, highlight

ROOT = Path(__file__).resolve().parents[1]


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm: templates compiled, pages cached
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def direct_article(db: str, aid: str) -> dict[str, Any]:
    with open_store(db) as store:
        return article_detail(next(iter(store.articles([aid]))))


def direct_page(db: str, aid: str) -> str:
    with open_store(db) as store:
        art = next(iter(store.articles([aid])))
    return str(highlight(art.text, article_marks(art)))


def direct_list(db: str) -> list[str]:
    with open_store(db) as store:
        return [a.id for a in store.articles()]


def direct_export(db: str, what: str) -> str:
    with open_store(db) as store:
        return exporter.to_string(exporter.rows(store, what), "jsonl")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", help="an analysed store (default: examples/ analysed now)")
    args = parser.parse_args()
    db = args.db or build_examples()
    try:
        run(db, args.runs)
    finally:
        if not args.db:
            shutil.rmtree(Path(db).parent, ignore_errors=True)


def run(db: str, runs: int) -> None:
    client = TestClient(create_app(db))
    with open_store(db) as store:
        arts = list(store.articles())
    big = max(arts, key=lambda a: len(a.mentions) + len(a.timexes) + len(a.quotes))
    aid = big.id
    print(
        f"store {db}: {len(arts)} articles; article {aid}: {len(big.text)} chars, "
        f"{len(big.mentions)} mentions, {len(big.timexes)} timexes, {len(big.quotes)} quotes"
    )
    cases: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
        (
            "GET /articles/{id}",
            lambda: client.get(f"/articles/{aid}").json(),
            lambda: direct_article(db, aid),
        ),
        (
            "GET /ui/articles/{id}",
            lambda: client.get(f"/ui/articles/{aid}").text,
            lambda: direct_page(db, aid),
        ),
        (
            "GET /export/mentions",
            lambda: client.get("/export/mentions").text,
            lambda: direct_export(db, "mentions"),
        ),
        (
            "GET /export/articles",
            lambda: client.get("/export/articles").text,
            lambda: direct_export(db, "articles"),
        ),
        (
            "GET /articles (list)",
            lambda: client.get("/articles?limit=100").json(),
            lambda: [a.id for a in open_store(db).articles()],
        ),
    ]
    print(f"{'view':<24}{'api ms':>10}{'direct ms':>12}{'ratio':>8}   (median of {runs})")
    for name, api, direct in cases:
        a, d = median_ms(api, runs), median_ms(direct, runs)
        print(f"{name:<24}{a:>10.2f}{d:>12.2f}{a / d:>8.2f}")


def build_examples() -> str:
    from chronik.engines.local import analyze

    db = str(Path(tempfile.mkdtemp(prefix="chronik-bench-api-")) / "examples.db")
    report = analyze([str(ROOT / "examples")], db=db)
    print(f"analysed examples/ in {report.seconds:.1f}s ({len(report.errors)} errors)")
    return db


if __name__ == "__main__":
    main()
