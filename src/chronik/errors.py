"""One exception hierarchy; per-item failures are collected as `ItemError`s, never swallowed."""

from __future__ import annotations

from dataclasses import dataclass


class ChronikError(Exception):
    """Base of every error chronik raises on purpose."""


class InputError(ChronikError):
    """An input item (file, line, record) cannot be read or makes no article."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class StageError(ChronikError):
    """A stage failed on one article."""


class StoreError(ChronikError):
    """The store cannot be opened or written."""


@dataclass(frozen=True)
class ItemError:
    """A failure tied to one input item, reported at the end of a run."""

    item: str
    reason: str
    stage: str = "ingest"

    def __str__(self) -> str:
        return f"{self.item}: [{self.stage}] {self.reason}"
