"""`GET /search`: 501 until `chronik.search` exists, then its hits, whatever the query."""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

import pytest
from fastapi.testclient import TestClient

from chronik.api import create_app
from chronik.search.hybrid import Hit

MALICIOUS = "\"'; DROP TABLE articles; -- NEAR(* <script>alert(1)</script>"


@pytest.fixture()
def fake_search(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """A stand-in `chronik.search` recording its calls (the real one is tested in tests/search)."""
    calls: list[tuple[Any, ...]] = []

    def search(db: str, query: str, **kw: Any) -> list[Hit]:
        calls.append((db, query, kw))
        return [Hit("made1", 17, 31, "Wladimir Putin", 1.5, "Putin <b>", "Testblatt", None)]

    module = types.ModuleType("chronik.search")
    module.search = search  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "chronik.search", module)
    return calls


def test_search_is_501_without_the_module(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "chronik.search", types.ModuleType("chronik.search"))
    resp = client.get("/search", params={"q": "Putin"})
    assert resp.status_code == 501
    assert "not available" in resp.json()["detail"]


def test_search_passes_query_and_options(client: TestClient, fake_search: list[Any]) -> None:
    body = client.get("/search", params={"q": "Putin", "mode": "keyword", "lang": "de"}).json()
    assert body["hits"][0]["article_id"] == "made1"
    db, query, kw = fake_search[0]
    assert (query, kw) == ("Putin", {"mode": "keyword", "lang": "de", "limit": 10})
    assert db.endswith("made.db")


def test_malicious_query_is_passed_verbatim_and_store_survives(
    client: TestClient, fake_search: list[Any]
) -> None:
    resp = client.get("/search", params={"q": MALICIOUS})
    assert resp.status_code == 200 and fake_search[0][1] == MALICIOUS
    page = client.get("/ui/search", params={"q": MALICIOUS})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "Putin &lt;b&gt;" in page.text
    assert client.get("/health").json()["counts"]["articles"] == 2


@pytest.mark.parametrize(
    "params", [{}, {"q": ""}, {"q": "x" * 501}, {"q": "a", "mode": "fuzzy"}, {"q": "a", "limit": 0}]
)
def test_bad_search_params_are_422(client: TestClient, params: dict[str, Any]) -> None:
    assert client.get("/search", params=params).status_code == 422


def test_real_search_on_examples_survives_hostile_queries(examples_db: str) -> None:
    """The real `chronik.search` (when it exists), called from the server's worker threads."""
    module = importlib.import_module("chronik.search")
    if not callable(getattr(module, "search", None)):
        pytest.skip("chronik.search.search does not exist yet")
    client = TestClient(create_app(examples_db))
    for q in ("Putin Kim", MALICIOUS, "NEAR(a b)", "*", "!!!", "a" * 500, "Zug Wladiwostok"):
        resp = client.get("/search", params={"q": q, "mode": "keyword"})
        assert resp.status_code in (200, 422), (q, resp.text)
        assert "Traceback" not in resp.text
    hits = client.get("/search", params={"q": "Putin Kim", "mode": "keyword"}).json()["hits"]
    assert hits and all({"article_id", "start", "end", "text"} <= h.keys() for h in hits)
    article = client.get(f"/articles/{hits[0]['article_id']}").json()
    assert article["text"][hits[0]["start"] : hits[0]["end"]] == hits[0]["text"]
    assert client.get("/health").json()["counts"]["articles"] == 13
