"""The SQLite store: round trips, idempotent writes, migrations, crash consistency."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chronik.errors import ItemError, StoreError
from chronik.model import (
    Article,
    Entity,
    Mention,
    Quote,
    Removed,
    Sentence,
    Story,
    Timex,
    Token,
    content_id,
)
from chronik.store import open_store

TEXT = "Kremlsprecher Dmitri Peskow sagte am Dienstag, das Treffen finde statt."


def _article(text: str = TEXT, source: str = "a.txt") -> Article:
    return Article(
        id=content_id(text, source),
        source=source,
        raw_text=text,
        text=text,
        language="de",
        published="2023-09-12",
        published_source="metadata",
        removed=(Removed("Lesen Sie auch: mehr", "boilerplate:related-links"),),
        paragraphs=((0, len(text), "de"),),
        sentences=(Sentence(0, len(text), text),),
        tokens=(Token(0, 13, text[0:13]), Token(14, 20, text[14:20])),
        mentions=(Mention(21, 27, "Peskow", type="PER", role="Kremlsprecher"),),
        timexes=(Timex(34, 45, "am Dienstag", value="2023-09-12", anchor="2023-09-12"),),
        quotes=(Quote(47, len(text) - 1, text[47:-1], type="indirect", cue="sagte"),),
        meta={"format": "txt"},
        done=("clean", "lang"),
    )


def test_article_round_trip_keeps_every_field(tmp_path: Path) -> None:
    art = _article()
    with open_store(tmp_path / "s.db") as store:
        store.put_articles([art])
    with open_store(tmp_path / "s.db") as store:
        (back,) = store.articles()
    assert back == art
    assert back.mentions[0].text == "Peskow"
    assert back.tokens[1].text == "Dmitri"


def test_rewriting_an_article_replaces_its_spans(tmp_path: Path) -> None:
    art = _article()
    with open_store(tmp_path / "s.db") as store:
        store.put_articles([art])
        store.put_articles([art.evolve(mentions=())])
        assert store.counts()["articles"] == 1
        assert list(store.spans("mention")) == []
        assert len(list(store.spans("timex"))) == 1


def test_same_input_twice_changes_nothing(tmp_path: Path) -> None:
    art = _article()
    with open_store(tmp_path / "s.db") as store:
        store.put_articles([art])
        first = store.counts()
        store.put_articles([art])
        assert store.counts() == first
        assert [a.id for a in store.articles()] == [art.id]


def test_records_round_trip_and_replace(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        ent = Entity(id="e1", type="PER", name="Dmitri Peskow", aliases=("Peskow", "Peskov"))
        store.put_records("entity", [ent])
        assert store.records("entity") == [ent]
        story = Story(id="s1", label="Kim in Russland", article_ids=("a", "b"))
        store.put_records("story", [story])
        store.put_records("entity", [])
        assert store.records("entity") == []
        assert store.records("story") == [story]
        with pytest.raises(StoreError):
            store.put_records("nonsense", [ent])


def test_errors_and_cache(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.put_errors([ItemError("bad.bin", "binary file, not text")])
        assert store.errors() == [ItemError("bad.bin", "binary file, not text", "ingest")]
        assert store.get_cache("emb", "k") is None
        store.put_cache("emb", "k", b"\x00\x01")
        assert store.get_cache("emb", "k") == b"\x00\x01"


def test_schema_is_versioned_and_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        assert store.schema_version >= 1
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        open_store(path)


def test_kill_9_during_writes_leaves_a_consistent_store(tmp_path: Path) -> None:
    """A writer killed mid-run loses at most its open batch; what was committed stays."""
    path = tmp_path / "s.db"
    script = textwrap.dedent(
        f"""
        import sys
        from chronik.model import Article, Mention
        from chronik.store import open_store
        store = open_store({str(path)!r})
        for batch in range(10_000):
            arts = [Article(id=f"{{batch}}-{{i}}", source="s", raw_text="x" * 500, text="x" * 500,
                            mentions=tuple(Mention(j, j + 1, "x") for j in range(50)))
                    for i in range(20)]
            store.put_articles(arts)
            if batch == 3:
                print("ready", flush=True)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with open_store(path) as store:
        arts = list(store.articles())
        assert len(arts) >= 80 and len(arts) % 20 == 0  # whole batches only
        assert all(len(a.mentions) == 50 for a in arts)
        check = store.connection.execute("PRAGMA integrity_check").fetchone()[0]
        assert check == "ok"


def test_article_pickles_compactly_and_round_trips() -> None:
    import pickle

    art = _article()
    assert pickle.loads(pickle.dumps(art)) == art
