"""`chronik serve`: refuses a missing store before starting uvicorn, else hands it the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from chronik.cli import app


def test_serve_missing_db_fails_clearly(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no such database" in result.output


def test_serve_runs_uvicorn_on_the_app(made_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(
        uvicorn, "run", lambda application, **kw: seen.update(app=application, **kw)
    )
    result = CliRunner().invoke(app, ["serve", "--db", made_db, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert seen["app"].state.db == made_db
