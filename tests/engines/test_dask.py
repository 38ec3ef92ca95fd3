"""The Dask engine runs the same stages as the local one and stores the same results."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.engines import local
from chronik.store import open_store

pytest.importorskip("distributed", reason="the dask extra is not installed")

STAGES = ["clean", "lang", "sentences"]


def _snapshot(db: Path) -> dict[str, tuple[str, str | None, int]]:
    with open_store(db) as store:
        return {a.id: (a.text, a.language, len(a.sentences)) for a in store.articles()}


def test_dask_matches_local_and_writes_parquet(examples_dir: Path, tmp_path: Path) -> None:
    from chronik.engines import dask as dask_engine

    local_db, dask_db = tmp_path / "local.db", tmp_path / "dask.db"
    ok = local.analyze([str(examples_dir)], str(local_db), stages=STAGES)
    assert ok.ok, ok.errors
    report = dask_engine.analyze(
        [str(examples_dir)],
        str(dask_db),
        stages=STAGES,
        n_workers=2,
        batch_size=4,
        parquet_dir=tmp_path / "pq",
    )
    assert report.ok, report.errors
    assert report.processed == ok.processed == 13
    assert _snapshot(dask_db) == _snapshot(local_db)
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert table.num_rows == 13 and "text" in table.column_names
