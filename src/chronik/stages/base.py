"""The stage protocol: small objects that declare what they need and what they add.

Per-article stages map a batch of `Article`s to a batch; corpus stages map a `Corpus`
to a `Corpus`. Heavy models load lazily, once per process, inside the stage
(see `lazy`), so building a pipeline is cheap and a Dask worker pays only for what it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, Protocol, TypeVar, runtime_checkable

from chronik.model import Article, Corpus

M = TypeVar("M")


@runtime_checkable
class ArticleStage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, batch: list[Article]) -> list[Article]: ...


@runtime_checkable
class CorpusStage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    corpus_level: ClassVar[bool]

    def __call__(self, corpus: Corpus) -> Corpus: ...


class lazy(Generic[M]):  # noqa: N801 - used like a function
    """A value built on first use and then kept (one model load per process)."""

    def __init__(self, factory: Callable[[], M]) -> None:
        self._factory = factory
        self._value: M | None = None
        self._built = False

    def get(self) -> M:
        if not self._built:
            self._value = self._factory()
            self._built = True
        return self._value  # type: ignore[return-value]

    def __getstate__(self) -> dict[str, Any]:
        # ship the recipe, not the loaded model, to other processes (Dask workers)
        return {"_factory": self._factory, "_value": None, "_built": False}
