"""`POST /analyze`: posted items go through ingest and the pipeline into the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronik.api import create_app
from chronik.api.analyze import MAX_BODY

ITEMS = [
    {
        "text": "Kim Jong Un ist am Dienstag in Wladiwostok eingetroffen. Er reiste im Zug.",
        "title": "Kim in Wladiwostok",
        "url": "https://example.org/kim",
        "published": "2023-09-12",
        "outlet": "Testblatt",
    },
    {"text": "   "},  # no text: fails alone
    {"text": "The talks lasted four hours, officials said on Wednesday.", "outlet": "Ledger"},
]


@pytest.fixture()
def fresh(tmp_path: Path) -> TestClient:
    db = tmp_path / "posted.db"
    return TestClient(create_app(str(db), stages=["clean", "lang", "sentences"]))


def test_analyze_stores_items_and_reports_bad_ones(fresh: TestClient) -> None:
    report = fresh.post("/analyze", json=ITEMS).json()
    assert report["processed"] == 2
    assert [(e["item"], e["stage"]) for e in report["errors"]] == [(1, "ingest")]
    assert "no text" in report["errors"][0]["reason"]
    stored = fresh.get("/articles").json()["items"]
    assert {a["language"] for a in stored} == {"de", "en"}
    kim = next(a for a in stored if a["url"] == "https://example.org/kim")
    assert (kim["published"], kim["outlet"], kim["sentences"]) == ("2023-09-12", "Testblatt", 2)
    again = fresh.post("/analyze", json=ITEMS).json()  # same batch: same ids, nothing new
    assert (again["processed"], again["unchanged"]) == (0, 2)


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        json.dumps([{"title": "no text"}]).encode(),
        json.dumps([{"text": "x", "evil": 1}]).encode(),
        json.dumps({"text": "not a list"}).encode(),
        json.dumps([{"text": "x"}] * 101).encode(),
    ],
)
def test_bad_bodies_are_422(fresh: TestClient, body: bytes) -> None:
    resp = fresh.post("/analyze", content=body, headers={"content-type": "application/json"})
    assert resp.status_code == 422
    assert "Traceback" not in resp.text


def test_body_over_2_mb_is_refused(fresh: TestClient) -> None:
    big = json.dumps([{"text": "a" * (MAX_BODY + 10)}]).encode()
    resp = fresh.post("/analyze", content=big, headers={"content-type": "application/json"})
    assert resp.status_code == 413
    assert fresh.get("/health").status_code == 503  # nothing ran: no store was even created


def test_unopenable_store_is_503(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    client = TestClient(create_app(str(junk), stages=["clean"]))
    resp = client.post("/analyze", json=ITEMS[:1])
    assert resp.status_code == 503 and "store unavailable" in resp.json()["detail"]
