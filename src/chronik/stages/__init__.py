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
    "dct": "chronik.stages.time:DctStage",
    "time": "chronik.stages.time:TimeStage",
    "entities": "chronik.stages.entities.stage:EntityStage",
    "link": "chronik.stages.entities.link:LinkStage",
    "quotes": "chronik.stages.quotes:QuoteStage",
    "quantities": "chronik.stages.quantities:QuantityStage",
    "claims": "chronik.stages.claims:ClaimStage",
    "embed": "chronik.stages.embed:EmbedStage",
    "stories": "chronik.stages.stories:StoriesStage",
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
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ChronikError(f"stage {name!r} cannot be loaded from {target}: {exc}") from exc
    return factory(**settings)


def is_corpus_stage(stage: Any) -> bool:
    return bool(getattr(stage, "corpus_level", False))
