"""Time: the article's reference date (`DctStage`) and its temporal expressions (`TimeStage`).

Public API: `tag(text, lang, dct, sentences, ranges)` (the tagger on any text),
`find_dct(article)`, and the two stages registered as "dct" and "time".
"""

from __future__ import annotations

from typing import ClassVar

from chronik.model import Article
from chronik.stages.time.dct import Dct, find_dct
from chronik.stages.time.tagger import tag

__all__ = ["Dct", "DctStage", "TimeStage", "find_dct", "tag"]


def _warn(article: Article, message: str) -> dict[str, object]:
    meta = dict(article.meta)
    meta["warnings"] = [*meta.get("warnings", []), message]
    return meta


class DctStage:
    """Sets `published`/`published_source` when inferred and always `meta["dct"]`.

    Settings: `head_chars` (how far from the top a date counts as a dateline).
    """

    name: ClassVar[str] = "dct"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ("dct",)

    def __init__(self, head_chars: int = 400) -> None:
        self.head_chars = head_chars

    def __call__(self, batch: list[Article]) -> list[Article]:
        return [self._one(a) for a in batch]

    def _one(self, article: Article) -> Article:
        try:
            dct = find_dct(article, self.head_chars)
        except Exception as exc:
            meta = _warn(article, f"dct: {type(exc).__name__}: {exc}")
            return article.mark(self.name, meta=meta)
        meta = {**article.meta, "dct": dct.as_meta()}
        return article.mark(self.name, published=dct.value, published_source=dct.source, meta=meta)


class TimeStage:
    """Adds `Timex` spans resolved against `published` (None -> unanchored values).

    Settings: `ranges` (one timex per "10. bis 13. September" with `end_value`, else
    two), `max_chars` (text beyond is not tagged: bounds runtime on huge input),
    `style` ("news": dates a timeline can use; "timeml": KRAUTS/It-TimeML conventions).
    """

    name: ClassVar[str] = "time"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences", "dct")
    provides: ClassVar[tuple[str, ...]] = ("timexes",)

    def __init__(self, ranges: bool = True, max_chars: int = 200_000, style: str = "news") -> None:
        self.ranges = ranges
        self.max_chars = max_chars
        self.style = style

    def __call__(self, batch: list[Article]) -> list[Article]:
        return [self._one(a) for a in batch]

    def _one(self, article: Article) -> Article:
        text = article.text
        dct = article.published if article.published_source != "none" else None
        sents = [(s.start, s.end) for s in article.sentences] or None
        try:
            timexes = tag(
                text, article.language, dct, sents, self.ranges, self.max_chars, style=self.style
            )
        except Exception as exc:
            meta = _warn(article, f"time: {type(exc).__name__}: {exc}")
            return article.mark(self.name, timexes=(), meta=meta)
        meta = article.meta
        if len(text) > self.max_chars:
            meta = _warn(article, f"time: only the first {self.max_chars} characters tagged")
        return article.mark(self.name, timexes=tuple(timexes), meta=meta)
