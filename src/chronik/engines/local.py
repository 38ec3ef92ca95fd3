"""The embedded engine: one process (or a small local process pool), one SQLite store.

Re-running on the same input changes nothing: articles whose stages are all done are
skipped; articles a killed run left half-done are picked up again.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from chronik.errors import ItemError
from chronik.model import Article, Corpus
from chronik.pipeline import BatchResult, Pipeline
from chronik.store import open_store
from chronik.store.base import Store

Progress = Callable[[str, int, int | None], None]
# maps a pipeline over batches, yielding results in any order (local pool, Dask, ...)
BatchRunner = Callable[[Pipeline, list[list[Article]]], Iterator[BatchResult]]

# corpus field -> record kind in the store
CORPUS_KINDS = {
    "entities": "entity",
    "stories": "story",
    "events": "event",
    "claims": "claim",
    "timeline": "timeline",
}


@dataclass
class RunReport:
    """What a run did: counts per outcome and every per-item error."""

    read: int = 0
    processed: int = 0
    unchanged: int = 0
    errors: list[ItemError] = field(default_factory=list)
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def _noop(phase: str, advance: int, total: int | None) -> None:
    return None


def analyze(
    inputs: Sequence[str],
    db: str = "chronik.db",
    *,
    stages: Sequence[str] | None = None,
    settings: dict[str, dict[str, Any]] | None = None,
    workers: int = 1,
    batch_size: int = 32,
    progress: Progress = _noop,
    runner: BatchRunner | None = None,
    pipeline: Pipeline | None = None,
) -> RunReport:
    """Read `inputs`, run the pipeline, store everything in `db`; see `RunReport`."""
    from chronik.ingest import read_inputs  # the ingest layer is only needed here

    started = time.perf_counter()
    report = RunReport()
    pipeline = pipeline or Pipeline(stages, settings=settings, db=db)
    store = open_store(db)
    try:
        todo = (
            _select(read_inputs(inputs), store, pipeline, report)
            if inputs
            else [a for a in store.articles() if pipeline.needs_work(a.done)]
        )
        progress("articles", 0, len(todo))
        batches = list(_chunks(todo, max(1, batch_size)))
        run = runner or (lambda p, b: pool_runner(p, b, workers))
        for result in run(pipeline, batches):
            store.put_articles(result.articles)
            store.put_errors(result.errors)
            report.errors.extend(result.errors)
            report.processed += len(result.articles)
            progress("articles", len(result.articles), len(todo))
        if pipeline.corpus_stages and (todo or not _has_records(store, pipeline)):
            progress("corpus", 0, len(pipeline.corpus_stages))
            report.errors.extend(run_corpus(pipeline, store))
            progress("corpus", len(pipeline.corpus_stages), len(pipeline.corpus_stages))
        report.counts = store.counts()
    finally:
        store.close()
    report.seconds = time.perf_counter() - started
    return report


def ingest(inputs: Sequence[str], db: str = "chronik.db") -> RunReport:
    """Read `inputs` and store them unprocessed (`analyze` with no inputs finishes them)."""
    from chronik.ingest import read_inputs

    started = time.perf_counter()
    report = RunReport()
    store = open_store(db)
    try:
        known = store.article_status()
        fresh: dict[str, Article] = {}
        for item in read_inputs(inputs):
            if isinstance(item, ItemError):
                report.errors.append(item)
                continue
            report.read += 1
            if item.id in known or item.id in fresh:
                report.unchanged += 1
            else:
                fresh[item.id] = item
        store.put_articles(list(fresh.values()))
        store.put_errors(report.errors)
        report.processed = len(fresh)
        report.counts = store.counts()
    finally:
        store.close()
    report.seconds = time.perf_counter() - started
    return report


def _select(
    items: Iterable[Article | ItemError], store: Store, pipeline: Pipeline, report: RunReport
) -> list[Article]:
    """New or unfinished articles; read errors go straight to the report and the store."""
    status = store.article_status()
    seen: set[str] = set()
    todo: list[Article] = []
    for item in items:
        if isinstance(item, ItemError):
            report.errors.append(item)
            store.put_errors([item])
            continue
        report.read += 1
        if item.id in seen or not pipeline.needs_work(status.get(item.id, ())):
            report.unchanged += 1
            continue
        seen.add(item.id)
        todo.append(item)
    return todo


def _chunks(items: list[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# The pipeline a pool worker runs, set once per worker process by `_init_worker`.
_WORKER: dict[str, Pipeline] = {}


def _init_worker(pipeline: Pipeline) -> None:
    _WORKER["pipeline"] = pipeline


def _process_in_worker(batch: list[Article]) -> BatchResult:
    return _WORKER["pipeline"].process_batch(batch)


def pool_runner(
    pipeline: Pipeline, batches: list[list[Article]], workers: int = 1
) -> Iterator[BatchResult]:
    """In this process, or in a local process pool when `workers` > 1.

    With a pool, the first batch runs here first: that loads every lazy model once, and
    forked workers then inherit the loaded models (copy-on-write) instead of each
    loading its own.
    """
    if workers <= 1 or len(batches) <= 1:
        for batch in batches:
            yield pipeline.process_batch(batch)
        return
    yield pipeline.process_batch(batches[0])
    context = multiprocessing.get_context("fork" if _can_fork() else "spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(pipeline,)
    ) as pool:
        yield from pool.map(_process_in_worker, batches[1:])


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _has_records(store: Store, pipeline: Pipeline) -> bool:
    kinds = {
        CORPUS_KINDS[p] for s in pipeline.corpus_stages for p in s.provides if p in CORPUS_KINDS
    }
    return all(store.records(k) for k in kinds)


def load_corpus(store: Store) -> Corpus:
    """Every stored article plus the corpus records of earlier runs."""
    corpus = Corpus(articles=list(store.articles()))
    for attr, kind in CORPUS_KINDS.items():
        setattr(corpus, attr, store.records(kind))
    return corpus


def run_corpus(pipeline: Pipeline, store: Store) -> list[ItemError]:
    """Run the corpus stages over the whole store and write back what changed."""
    before = load_corpus(store)
    original = {a.id: a for a in before.articles}
    after, errors = pipeline.run_corpus(before)
    changed = [a for a in after.articles if original.get(a.id) != a]
    if changed:
        store.put_articles(changed)
    failed = {e.stage for e in errors}
    for stage in pipeline.corpus_stages:
        if stage.name in failed:
            continue
        for cap in stage.provides:
            if cap in CORPUS_KINDS:
                store.put_records(CORPUS_KINDS[cap], getattr(after, cap))
    store.put_errors(errors)
    return errors
