"""`GET /export/{what}` streams exactly what `chronik export` writes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from chronik import export as exporter
from chronik.api import create_app
from chronik.api import export as api_export
from chronik.store import open_store


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_export_matches_the_library(client: TestClient, made_db: str, fmt: str) -> None:
    resp = client.get("/export/mentions", params={"format": fmt})
    assert resp.status_code == 200
    with open_store(made_db) as store:
        expected = exporter.to_string(exporter.rows(store, "mentions"), fmt)
    assert resp.text == expected
    assert resp.headers["content-type"].startswith(exporter_media(fmt))


def exporter_media(fmt: str) -> str:
    return {"jsonl": "application/x-ndjson", "csv": "text/csv", "json": "application/json"}[fmt]


def test_export_rows_parse(client: TestClient) -> None:
    lines = client.get("/export/articles").text.splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["id"] for r in rows] == ["made1", "made2"]
    table = list(csv.DictReader(io.StringIO(client.get("/export/mentions?format=csv").text)))
    assert [r["text"] for r in table][:2] == ["Wladimir Putin", "Putin"]


def test_export_errors(client: TestClient) -> None:
    resp = client.get("/export/nothing")
    assert resp.status_code == 404 and "known:" in resp.json()["detail"]
    assert client.get("/export/articles?format=xml").status_code == 422


def test_export_large_stream_arrives_whole(
    examples_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many chunks through the producer thread's bounded queue: nothing lost or reordered."""
    monkeypatch.setattr(api_export, "CHUNK", 512)
    client = TestClient(create_app(examples_db))
    resp = client.get("/export/articles", params={"format": "json"})
    with open_store(examples_db) as store:
        expected = exporter.to_string(exporter.rows(store, "articles"), "json")
    assert len(expected) > 20 * 512  # more chunks than the queue holds
    assert resp.text == expected
