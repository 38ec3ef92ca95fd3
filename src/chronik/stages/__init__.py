"""The one explicit stage registry: name -> "module:factory", imported on demand.

No import side effects fill it: a stage exists when it has a line here. Factories take
plain keyword arguments (settings) and return a stage object.
"""

from __future__ import annotations

import importlib
from typing import Any

from chronik.errors import ChronikError

REGISTRY: dict[str, str] = {
    # per-article stages, in their natural order
    "clean": "chronik.stages.clean:CleanStage",
    "lang": "chronik.stages.lang:LanguageStage",
    "sentences": "chronik.stages.sentences:SentenceStage",
}

# what `chronik analyze` runs when no stages are named
DEFAULT_STAGES: tuple[str, ...] = tuple(REGISTRY)


def create(name: str, **settings: Any) -> Any:
    """Build the stage registered as `name` with `settings`."""
    try:
        target = REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise ChronikError(f"unknown stage {name!r} (known: {known})") from None
    module_name, _, attr = target.partition(":")
    factory = getattr(importlib.import_module(module_name), attr)
    return factory(**settings)


def is_corpus_stage(stage: Any) -> bool:
    return bool(getattr(stage, "corpus_level", False))
