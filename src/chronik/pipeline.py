"""Which stages run, in what order, and how one batch goes through them.

The order comes from each stage's `requires`/`provides`, not from a hand-kept list, so
adding a stage is one registry line. Engines (local, Dask) call `process_batch` and
`run_corpus`; both isolate failures to the article or stage that caused them.
"""

from __future__ import annotations

import inspect
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from chronik import stages as registry
from chronik.errors import ChronikError, ItemError
from chronik.model import Article, Corpus

ROOT_CAPABILITIES = frozenset({"raw"})


@dataclass
class BatchResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)


class Pipeline:
    """An ordered set of stages built from the registry.

    `names`: stages to run (default: every registered stage); `settings`: per-stage
    keyword arguments; `db`: store path handed to stages whose factory takes `db`.
    """

    def __init__(
        self,
        names: Sequence[str] | None = None,
        *,
        settings: dict[str, dict[str, Any]] | None = None,
        db: str | None = None,
    ) -> None:
        self.names = tuple(names) if names else registry.DEFAULT_STAGES
        self.settings = settings or {}
        self.db = db
        built = [self._build(name) for name in self.names]
        ordered = order_stages(built)
        self.article_stages = [s for s in ordered if not registry.is_corpus_stage(s)]
        self.corpus_stages = [s for s in ordered if registry.is_corpus_stage(s)]

    @classmethod
    def from_stages(cls, stage_objects: Sequence[Any]) -> Pipeline:
        """A pipeline over ready-made stage objects (tests, custom stages)."""
        self = cls.__new__(cls)
        self.names = tuple(s.name for s in stage_objects)
        self.settings, self.db = {}, None
        ordered = order_stages(list(stage_objects))
        self.article_stages = [s for s in ordered if not registry.is_corpus_stage(s)]
        self.corpus_stages = [s for s in ordered if registry.is_corpus_stage(s)]
        return self

    def _build(self, name: str) -> Any:
        kwargs = dict(self.settings.get(name, {}))
        target = registry.REGISTRY.get(name, "")
        if self.db is not None and "db" not in kwargs and _accepts_db(target):
            kwargs["db"] = self.db
        return registry.create(name, **kwargs)

    @property
    def article_stage_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.article_stages)

    def needs_work(self, done: Sequence[str]) -> bool:
        """Whether an article that has run `done` still needs a per-article stage."""
        return not set(self.article_stage_names) <= set(done)

    def process_batch(self, batch: list[Article]) -> BatchResult:
        return process_batch(self.article_stages, batch)

    def run_corpus(self, corpus: Corpus) -> tuple[Corpus, list[ItemError]]:
        errors: list[ItemError] = []
        failed: set[str] = set()
        for stage in self.corpus_stages:
            if failed & set(stage.requires):
                errors.append(ItemError("corpus", "skipped: an earlier stage failed", stage.name))
                failed.update(stage.provides)
                continue
            try:
                corpus = stage(corpus)
            except Exception as exc:  # one failing corpus stage must not lose the others
                errors.append(ItemError("corpus", _describe(exc), stage.name))
                failed.update(stage.provides)
        return corpus, errors


def _accepts_db(target: str) -> bool:
    module_name, _, attr = target.partition(":")
    try:
        import importlib

        factory = getattr(importlib.import_module(module_name), attr)
        return "db" in inspect.signature(factory).parameters
    except (ImportError, AttributeError, TypeError, ValueError):
        return False


def order_stages(stages: list[Any]) -> list[Any]:
    """Stages sorted so each runs after what it requires (stable for the given order)."""
    available = set(ROOT_CAPABILITIES)
    pending = list(stages)
    ordered: list[Any] = []
    while pending:
        ready = next((s for s in pending if set(s.requires) <= available), None)
        if ready is None:
            missing = {n: sorted(set(s.requires) - available) for s in pending for n in [s.name]}
            raise ChronikError(f"stages cannot run, missing inputs: {missing}")
        pending.remove(ready)
        ordered.append(ready)
        available.update(ready.provides)
    return ordered


def process_batch(stages: Sequence[Any], batch: list[Article]) -> BatchResult:
    """Run per-article stages over `batch`; a failing article is set aside, not lost.

    A stage is first called on the whole batch (fast path); if that raises, it is called
    one article at a time so that only the culprit fails. Failed articles keep the work
    done before the failing stage, so a later run can resume them.
    """
    result = BatchResult()
    current = list(batch)
    for stage in stages:
        todo = [a for a in current if stage.name not in a.done]
        keep = [a for a in current if stage.name in a.done]
        if not todo:
            continue
        try:
            done = list(stage(todo))
        except Exception:
            done = []
            for art in todo:
                try:
                    done.extend(stage([art]))
                except Exception as exc:
                    result.errors.append(ItemError(art.source, _describe(exc), stage.name))
                    result.articles.append(art)  # stored as far as it got
        current = keep + [a.mark(stage.name) for a in done]
    order = {a.id: i for i, a in enumerate(batch)}
    result.articles.extend(current)
    result.articles.sort(key=lambda a: order.get(a.id, len(order)))
    return result


def _describe(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" (at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})" if frame else ""
    return f"{type(exc).__name__}: {exc}{where}"
