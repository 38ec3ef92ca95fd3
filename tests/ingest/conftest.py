"""Fixtures for the ingest tests."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Callable[[bytes], None]:
    """Replace stdin by the given bytes."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr("sys.stdin", FakeStdin(data))

    return feed
