"""The storage interface: everything above it is SQL-free."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from chronik.errors import ItemError
from chronik.model import Article, Span


class Store(Protocol):
    """Where articles, their spans and corpus records live between runs."""

    path: Path | None

    def put_articles(self, articles: Sequence[Article]) -> None:
        """Insert or replace articles with all their spans, atomically."""

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stored articles (all, or those with `ids`), in insertion order."""

    def article_index(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        language: str | None = None,
        outlet: str | None = None,
    ) -> tuple[int, list[dict[str, Any]]]:
        """(total, a page of article headers: id, title, outlet, published, ...), no texts."""

    def article_status(self) -> dict[str, tuple[str, ...]]:
        """article id -> names of the stages already run on it."""

    def spans(self, kind: str) -> Iterator[tuple[str, Span]]:
        """(article_id, span) for every stored span of `kind`."""

    def put_records(self, kind: str, records: Sequence[Any], *, replace: bool = True) -> None:
        """Store corpus records of `kind`; `replace` drops the old ones first."""

    def records(self, kind: str) -> list[Any]:
        """Corpus records of `kind` ("entity", "story", "event", "claim", "timeline")."""

    def put_errors(self, errors: Sequence[ItemError]) -> None: ...

    def errors(self) -> list[ItemError]: ...

    def get_cache(self, ns: str, key: str) -> bytes | None: ...

    def put_cache(self, ns: str, key: str, value: bytes) -> None: ...

    def counts(self) -> dict[str, int]:
        """How many articles, spans per kind and records per kind are stored."""

    def close(self) -> None: ...
