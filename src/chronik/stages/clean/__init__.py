"""The cleaning stage: scraped raw text in, clean body plus recovered metadata out.

Every dropped line is kept in `Article.removed` with its reason, so a user can see what
went. Lines repeated across unrelated articles of the batch count as site furniture.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from chronik.model import Article
from chronik.stages.clean.core import Cleaned, clean_lines, prepare
from chronik.stages.clean.dedup import batch_repeats
from chronik.stages.clean.lines import Line

__all__ = ["CleanStage", "Cleaned", "clean_lines", "prepare"]


@dataclass
class CleanStage:
    """Per-article stage "clean": requires raw text, provides clean text and metadata.

    Settings: `max_chars` bounds the text cleaned per article; `batch_repeats` turns the
    cross-article repetition feature on; `min_repeat` is how many unrelated articles of a
    batch must share a short line for it to count as furniture.
    """

    max_chars: int = 2_000_000
    batch_repeats: bool = True
    min_repeat: int = 2

    name: ClassVar[str] = "clean"
    requires: ClassVar[tuple[str, ...]] = ("raw",)
    provides: ClassVar[tuple[str, ...]] = ("text",)

    def __call__(self, batch: list[Article]) -> list[Article]:
        prepared = [prepare(_source_text(a), self.max_chars) for a in batch]
        repeats: frozenset[str] = frozenset()
        if self.batch_repeats and len(batch) >= self.min_repeat:
            repeats = batch_repeats([p[0] for p in prepared], min_articles=self.min_repeat)
        return [
            self._one(article, lines, fixed, warnings, repeats)
            for article, (lines, fixed, warnings) in zip(batch, prepared, strict=True)
        ]

    def _one(
        self,
        article: Article,
        lines: list[Line],
        fixed: bool,
        warnings: list[str],
        repeats: frozenset[str],
    ) -> Article:
        html = article.meta.get("format") == "html"
        try:
            result = clean_lines(
                lines,
                title=article.title,
                language=article.language,
                repeats=repeats,
                find_title=not html,
            )
        except Exception as exc:  # degrade, never lose the article: keep the repaired text
            text = "\n\n".join(line.text for line in lines)
            result = Cleaned(
                text=text, warnings=[f"cleaning failed, text kept unfiltered: {exc!r}"]
            )
        return _apply(article, result, fixed, warnings)


def _source_text(article: Article) -> str:
    return article.raw_text or article.text or ""


def _apply(article: Article, res: Cleaned, fixed: bool, warnings: list[str]) -> Article:
    """Copy the result onto the article without overwriting what ingest already knew."""
    meta: dict[str, Any] = dict(article.meta)
    notes = list(meta.get("warnings", [])) + warnings + res.warnings
    if notes:
        meta["warnings"] = notes
    if fixed:
        meta["encoding_fixed"] = True
    if res.dateline and "dateline" not in meta:
        meta["dateline"] = res.dateline
    if res.byline and "byline" not in meta:
        meta["byline"] = res.byline
    changes: dict[str, Any] = {"text": res.text, "removed": res.removed, "meta": meta}
    if article.title is None and res.title:
        changes["title"] = res.title
    if article.outlet is None and res.outlet:
        changes["outlet"] = res.outlet
    if article.published is None and res.published:
        changes["published"] = res.published
        changes["published_source"] = "text"
    if res.contributors:
        changes["contributors"] = tuple(dict.fromkeys((*article.contributors, *res.contributors)))
    return article.mark("clean", **changes)
