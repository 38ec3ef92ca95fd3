"""The Dask engine: the same stages, mapped over batches on a Dask cluster.

By default it starts a `LocalCluster` bound to loopback (worker processes, one thread
each); pass `address` to use an existing scheduler. Results land in the same store as
the local engine's, and optionally as Parquet (the export schema) for large corpora.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from chronik.engines import local
from chronik.model import Article
from chronik.pipeline import BatchResult, Pipeline


def dask_runner(client: Any) -> local.BatchRunner:
    """A `BatchRunner` that submits each batch to `client` and yields as they finish."""

    def run(pipeline: Pipeline, batches: list[list[Article]]) -> Iterator[BatchResult]:
        from distributed import as_completed

        if not batches:
            return
        remote = client.scatter(pipeline, broadcast=True)
        futures = [client.submit(_process, remote, batch, pure=False) for batch in batches]
        for future in as_completed(futures):
            yield future.result()

    return run


def _process(pipeline: Pipeline, batch: list[Article]) -> BatchResult:
    return pipeline.process_batch(batch)


def analyze(
    inputs: Sequence[str],
    db: str = "chronik.db",
    *,
    address: str | None = None,
    n_workers: int = 2,
    parquet_dir: str | Path | None = None,
    **kwargs: Any,
) -> local.RunReport:
    """`chronik.engines.local.analyze` with per-article stages run on Dask."""
    from distributed import Client, LocalCluster

    if address:
        client = Client(address)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        report = local.analyze(inputs, db, runner=dask_runner(client), **kwargs)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if parquet_dir is not None:
        write_parquet(db, Path(parquet_dir))
    return report


def write_parquet(db: str, folder: Path, kinds: Sequence[str] = ("articles",)) -> list[Path]:
    """Export `kinds` from the store as Parquet files with the export contract's fields."""
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    from chronik import export
    from chronik.store import open_store

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with open_store(db) as store:
        for kind in kinds:
            rows = [
                {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                 for k, v in row.items()}
                for row in export.rows(store, kind)
            ]  # fmt: skip
            path = folder / f"{kind}.parquet"
            pq.write_table(pa.Table.from_pylist(rows), path)
            written.append(path)
    return written
