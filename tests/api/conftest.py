"""Stores for the API tests: one built by hand (exact spans, hostile text) and one
analysed from examples/ by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronik.api import create_app
from chronik.model import Article, Entity, Mention, Quote, Removed, Sentence, Story, Timex
from chronik.store import open_store

HOSTILE = 'Die Seite zeigte <script>alert("x")</script> & mehr.'
TEXT = (
    "Am Mittwoch traf Wladimir Putin in Wostotschny ein. "
    '„Wir werden helfen", sagte Putin am 13. September. ' + HOSTILE
)


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def made_article() -> Article:
    t = TEXT
    men = [Mention(*span(t, w), w, type="PER") for w in ("Wladimir Putin",)]
    men.append(Mention(*span(t, "Putin", 1), "Putin", type="PER", canonical="Wladimir Putin"))
    men.append(Mention(*span(t, "Wostotschny"), "Wostotschny", type="LOC"))
    men.append(Mention(*span(t, "<script>"), "<script>", type="MISC"))
    q_start, q_end = span(t, '„Wir werden helfen"')
    quote = Quote(q_start, q_end, t[q_start:q_end], speaker_text="Putin")
    timexes = (
        Timex(*span(t, "Mittwoch"), "Mittwoch", value="2023-09-13"),
        Timex(*span(t, "13. September"), "13. September", value="2023-09-13"),
        # crosses the end of the quote: cannot nest, must be dropped, not crash
        Timex(q_end - 3, q_end + 6, t[q_end - 3 : q_end + 6], value="XXXX"),
        Timex(len(t) - 2, len(t) + 40, "broken", value="XXXX"),  # out of range
    )
    return Article(
        id="made1",
        source="test",
        raw_text=t,
        text=t,
        title="Putin <b>empfängt</b> Kim",
        outlet="Testblatt",
        language="de",
        published="2023-09-13",
        url="javascript:alert(1)",
        removed=(Removed("Cookies akzeptieren <img src=x>", "boilerplate:cookie"),),
        sentences=(Sentence(0, 52, t[:52]),),
        mentions=tuple(men),
        timexes=timexes,
        quotes=(quote,),
    )


def second_article() -> Article:
    t = "The summit ended on Wednesday."
    return Article(id="made2", source="test2", raw_text=t, text=t, language="en", outlet="Ledger")


@pytest.fixture()
def made_db(tmp_path: Path) -> str:
    db = str(tmp_path / "made.db")
    store = open_store(db)
    store.put_articles([made_article(), second_article()])
    store.put_records("story", [Story(id="s1", label="Gipfel <i>", article_ids=("made1",))])
    store.put_records("entity", [Entity(id="e1", type="PER", name="Wladimir Putin")])
    store.close()
    return db


@pytest.fixture()
def client(made_db: str) -> TestClient:
    return TestClient(create_app(made_db))


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> str:
    """examples/ through the whole default pipeline (~15 s, once per session)."""
    from chronik.engines.local import analyze

    db = str(tmp_path_factory.mktemp("examples") / "examples.db")
    report = analyze([str(examples_dir)], db=db)
    assert report.processed > 0, report.errors
    return db
