"""The read-only JSON routes on a hand-made store and on the analysed examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronik.api import create_app, routes


def test_health_reports_counts(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["articles"] == 2


def test_articles_page_and_filters(client: TestClient) -> None:
    first = client.get("/articles", params={"limit": 1}).json()
    assert first["total"] == 2 and [a["id"] for a in first["items"]] == ["made1"]
    second = client.get("/articles", params={"limit": 1, "offset": 1}).json()
    assert [a["id"] for a in second["items"]] == ["made2"]
    assert [a["id"] for a in client.get("/articles?language=en").json()["items"]] == ["made2"]
    assert client.get("/articles?outlet=testblatt").json()["total"] == 1
    assert client.get("/articles?outlet=nowhere").json() == {
        "total": 0,
        "limit": 50,
        "offset": 0,
        "items": [],
    }


def test_article_detail_has_spans_and_removed_lines(client: TestClient) -> None:
    art = client.get("/articles/made1").json()
    assert art["sentences"] == 1
    names = [m["text"] for m in art["mentions"]]
    assert names == ["Wladimir Putin", "Putin", "Wostotschny", "<script>"]
    for mention in art["mentions"]:
        assert art["text"][mention["start"] : mention["end"]] == mention["text"]
    assert art["quotes"][0]["speaker_text"] == "Putin"
    assert art["timexes"][0]["value"] == "2023-09-13"
    assert art["removed"] == [
        {"line": "Cookies akzeptieren <img src=x>", "reason": "boilerplate:cookie"}
    ]
    assert "raw_text" not in art


def test_unknown_article_is_404_with_message(client: TestClient) -> None:
    resp = client.get("/articles/does-not-exist")
    assert resp.status_code == 404
    assert "does-not-exist" in resp.json()["detail"]


def test_bad_params_are_422(client: TestClient) -> None:
    for url in (
        "/articles?limit=0",
        "/articles?limit=abc",
        "/articles?offset=-1",
        "/stories?limit=100000",
        "/articles/" + "x" * 200,
    ):
        resp = client.get(url)
        assert resp.status_code == 422, url
        assert "Traceback" not in resp.text


def test_stories_and_entities_come_from_records(client: TestClient) -> None:
    stories = client.get("/stories").json()
    assert stories["items"][0]["label"] == "Gipfel <i>"
    assert stories["items"][0]["article_ids"] == ["made1"]
    entities = client.get("/entities").json()
    assert [e["name"] for e in entities["items"]] == ["Wladimir Putin"]
    assert "meta" not in entities["items"][0]


def test_missing_or_broken_store_is_503(tmp_path: Path) -> None:
    missing = TestClient(create_app(str(tmp_path / "none.db")))
    resp = missing.get("/articles")
    assert resp.status_code == 503 and "does not exist" in resp.json()["detail"]
    assert missing.get("/export/articles").status_code == 503
    assert missing.get("/").status_code == 503
    assert not (tmp_path / "none.db").exists()  # a read never creates a store
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    resp = TestClient(create_app(str(junk))).get("/health")
    assert resp.status_code == 503
    assert "store unavailable" in resp.json()["detail"]
    assert "Traceback" not in resp.text


def test_examples_articles_and_spans(examples_db: str) -> None:
    client = TestClient(create_app(examples_db))
    listing = client.get("/articles", params={"limit": 100}).json()
    assert listing["total"] == 13
    assert {a["language"] for a in listing["items"]} >= {"de", "en", "fr", "ru"}
    german = client.get("/articles", params={"language": "de", "limit": 100}).json()
    assert 0 < german["total"] < 13
    best = max(listing["items"], key=lambda a: a["mentions"])
    art = client.get(f"/articles/{best['id']}").json()
    assert len(art["mentions"]) == best["mentions"] > 0
    for kind in ("mentions", "timexes", "quotes"):
        for s in art[kind]:
            assert art["text"][s["start"] : s["end"]] == s["text"]


def test_unexpected_error_is_a_message_not_a_trace(
    made_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(routes, "article_detail", boom)
    client = TestClient(create_app(made_db), raise_server_exceptions=False)
    resp = client.get("/articles/made1")
    assert resp.status_code == 500
    assert resp.json() == {"detail": "internal error (see the server log)"}
