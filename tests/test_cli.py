"""The command line end to end, on the project's own examples and on bad input."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronik.cli import app
from chronik.store import open_store

runner = CliRunner()
BASE_STAGES = ["--stage", "clean", "--stage", "lang", "--stage", "sentences"]


def _analyze(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["analyze", *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("cli") / "ex.db"
    code, out = _analyze(str(examples_dir), "--db", str(db), *BASE_STAGES)
    assert code == 0, out
    return db


def test_analyze_examples_stores_every_article(examples_db: Path) -> None:
    with open_store(examples_db) as store:
        arts = list(store.articles())
    assert len(arts) == 13  # 7 txt + 3 html + 3 jsonl records
    languages = {a.language for a in arts}
    assert {"de", "en", "fr", "ru"} <= languages
    for art in arts:
        assert art.text and art.sentences, art.source
        assert set(art.done) >= {"clean", "lang", "sentences"}


def test_second_run_changes_nothing(examples_db: Path, examples_dir: Path) -> None:
    with open_store(examples_db) as store:
        before = store.counts()
    code, out = _analyze(str(examples_dir), "--db", str(examples_db), *BASE_STAGES)
    assert code == 0, out
    with open_store(examples_db) as store:
        assert store.counts() == before


def test_same_files_by_another_path_change_nothing(
    examples_db: Path, examples_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative path, or a copy in another checkout, names the same articles."""
    with open_store(examples_db) as store:
        before = store.counts()
        ids = {a.id for a in store.articles()}
    copy = tmp_path / "elsewhere" / "examples"
    copy.mkdir(parents=True)
    for path in examples_dir.iterdir():
        copy.joinpath(path.name).write_bytes(path.read_bytes())
    monkeypatch.chdir(copy.parent)
    code, out = _analyze("examples", "--db", str(examples_db), *BASE_STAGES)
    assert code == 0, out
    with open_store(examples_db) as store:
        assert store.counts() == before
        assert {a.id for a in store.articles()} == ids


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_export_articles_in_each_format(examples_db: Path, fmt: str) -> None:
    result = runner.invoke(
        app, ["export", "--db", str(examples_db), "--what", "articles", "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    elif fmt == "json":
        rows = json.loads(out)
    else:
        rows = list(csv.DictReader(io.StringIO(out)))
        for row in rows:
            row["removed"] = json.loads(row["removed"])
    assert len(rows) == 13
    for key in ("id", "source", "outlet", "title", "published", "language", "text", "removed"):
        assert key in rows[0]
    cp1252 = next(r for r in rows if "cp1252" in r["source"])
    assert "ä" in cp1252["text"] or "ö" in cp1252["text"] or "ü" in cp1252["text"]
    assert any(r["removed"] for r in rows)


def test_export_unknown_kind_and_missing_db_fail_clearly(tmp_path: Path, examples_db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(examples_db), "--what", "nonsense"])
    assert result.exit_code == 2 and "nonsense" in result.output
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "no.db"), "--what", "articles"])
    assert result.exit_code == 2 and "no such database" in result.output


def test_bad_items_fail_alone_and_keep_what_was_stored(tmp_path: Path) -> None:
    good = tmp_path / "in" / "gut.txt"
    good.parent.mkdir()
    good.write_text(
        "Kim reist nach Russland\n\nDer Zug verließ Pjöngjang am Sonntag. "
        "Das Treffen mit Putin soll in Wladiwostok stattfinden.\n",
        encoding="utf-8",
    )
    (tmp_path / "in" / "leer.txt").write_bytes(b"")
    (tmp_path / "in" / "binaer.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "in" / "kaputt.jsonl").write_text('{"text": "ok, ein Satz."}\n{nope\n')
    db = tmp_path / "s.db"
    code, out = _analyze(str(tmp_path / "in"), "--db", str(db), *BASE_STAGES)
    assert code == 1
    assert "leer.txt" in out and "binaer.txt" in out and "kaputt.jsonl" in out
    with open_store(db) as store:
        texts = [a.text for a in store.articles()]
    assert any("Wladiwostok" in t for t in texts)
    # a later bad run loses nothing stored before
    (tmp_path / "in2").mkdir()
    (tmp_path / "in2" / "leer2.txt").write_bytes(b"")
    code, _ = _analyze(str(tmp_path / "in2"), "--db", str(db), *BASE_STAGES)
    assert code == 1
    with open_store(db) as store:
        assert len(list(store.articles())) == len(texts)


def test_unreadable_input_is_named(tmp_path: Path) -> None:
    code, out = _analyze(str(tmp_path / "missing.txt"), "--db", str(tmp_path / "s.db"))
    assert code == 1 and "missing.txt" in out


def test_stats_and_stages_commands(examples_db: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", str(examples_db)])
    assert result.exit_code == 0 and "articles" in result.output
    result = runner.invoke(app, ["stages"])
    assert result.exit_code == 0 and "sentences" in result.output


def test_every_command_has_help() -> None:
    for cmd in ("analyze", "ingest", "export", "stats", "stages"):
        result = runner.invoke(app, [cmd, "--help"], env={**os.environ, "COLUMNS": "120"})
        assert result.exit_code == 0 and "Usage" in result.output


def test_seeds_end_to_end(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    code, out = _analyze(str(seeds_dir), "--db", str(db), *BASE_STAGES)
    assert code == 0, out
    with open_store(db) as store:
        arts = list(store.articles())
    assert len(arts) == 5
    assert all(a.language == "de" and a.sentences for a in arts)
