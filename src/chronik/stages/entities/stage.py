"""The per-article "entities" stage: NER over sentences, then within-article resolution.

Runtime is bounded per article: text beyond `max_chars` is skipped, sentences longer than
`max_sentence_chars` are cut into windows, and all-caps or letterless sentences go to the
heuristic backend; each of these leaves a warning in `article.meta["warnings"]`.
"""

from __future__ import annotations

import re
from pathlib import Path

from chronik.model import Article
from chronik.stages.entities.english import may_hold_name
from chronik.stages.entities.ner import HeuristicNer, NerBackend, backend_for
from chronik.stages.entities.resolve import resolve
from chronik.stages.entities.spans import Raw

_SENT = re.compile(r"[^\n.!?]+(?:[.!?]+[\"“”»]?|\n|$)")
_LETTERS = re.compile(r"[^\W\d_]")


def split_local(text: str) -> list[tuple[int, int]]:
    """Fallback sentence split when the sentences stage has not run."""
    return [(m.start(), m.end()) for m in _SENT.finditer(text) if m.group(0).strip()]


def windows(start: int, end: int, text: str, size: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at whitespace into pieces of at most `size` characters."""
    out = []
    while end - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        cut = cut if cut > start else start + size
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def is_shouting(sentence: str) -> bool:
    letters = _LETTERS.findall(sentence)
    return len(letters) >= 12 and sum(map(str.isupper, letters)) > 0.8 * len(letters)


class EntityStage:
    """NER + within-article resolution; provides `Article.mentions` (entity_id left unset)."""

    name = "entities"
    requires: tuple[str, ...] = ("text", "sentences")
    provides: tuple[str, ...] = ("mentions",)

    def __init__(
        self,
        model_path: str | None = None,
        max_chars: int = 200_000,
        max_sentence_chars: int = 1_000,
        chunk_chars: int = 1_500,
    ) -> None:
        self.model_path = model_path
        self.max_chars = max_chars
        self.max_sentence_chars = max_sentence_chars
        self.chunk_chars = chunk_chars

    def __call__(self, batch: list[Article]) -> list[Article]:
        return [self.process(a) for a in batch]

    def process(self, article: Article) -> Article:
        text = article.text or ""
        warnings: list[str] = []
        limit = min(len(text), self.max_chars)
        if len(text) > self.max_chars:
            warnings.append(f"entities: text after {self.max_chars} chars not analysed")
        spans = self._spans(article, text, limit, warnings)
        mentions = resolve(text, spans, lang=article.language)
        if warnings:
            meta = dict(article.meta)
            meta["warnings"] = [*meta.get("warnings", []), *warnings]
            article = article.evolve(meta=meta)
        return article.mark(self.name, mentions=tuple(mentions))

    def _sentence_spans(self, article: Article, text: str, limit: int) -> list[tuple[int, int]]:
        bounds = [(s.start, s.end) for s in article.sentences] or split_local(text)
        out: list[tuple[int, int]] = []
        for s, e in bounds:
            if s >= limit:
                break
            out.extend(windows(s, min(e, limit), text, self.max_sentence_chars))
        return out

    def _chunks(self, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Consecutive sentences joined up to `chunk_chars`: fewer, longer model calls."""
        out: list[tuple[int, int]] = []
        for s, e in bounds:
            if out and e - out[-1][0] <= self.chunk_chars and s - out[-1][1] <= 2:
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        return out

    def _spans(self, article: Article, text: str, limit: int, warnings: list[str]) -> list[Raw]:
        bounds = self._sentence_spans(article, text, limit)
        if any(e - s == self.max_sentence_chars for s, e in bounds):
            warnings.append("entities: over-long sentences were cut into windows")
        model: NerBackend = backend_for(
            article.language, Path(self.model_path) if self.model_path else None
        )
        fallback = HeuristicNer()
        if isinstance(model, HeuristicNer) and text.strip():
            warnings.append(f"entities: no NER model for language {article.language!r}: heuristic")
        lang = article.language
        normal = [
            (s, e)
            for s, e in bounds
            if _LETTERS.search(text[s:e]) and may_hold_name(text[s:e], lang)
        ]
        shouting = [(s, e) for s, e in normal if is_shouting(text[s:e])]
        if shouting:
            warnings.append(f"entities: {len(shouting)} all-caps sentences: heuristic NER only")
        loud = set(shouting)
        regular = self._chunks([b for b in normal if b not in loud])
        out: list[Raw] = []
        for backend, group in ((model, regular), (fallback, shouting)):
            preds = backend.predict([text[s:e] for s, e in group])
            for (s, _), spans in zip(group, preds, strict=True):
                out.extend(Raw(s + a, s + b, label) for a, b, label in spans)
        return out
