"""The quotes stage: who said what, with cue, speaker and addressee (German and English).

Rules over quote marks, speech-verb cues and Konjunktiv I rather than a trained model: the
closed vocabulary of cues carries most of the signal and keeps each decision explainable.
See `marks` (direct), `indirect` (indirect, free indirect), `according` (according-to
frames), `reported` (speech acts), `speakers` (noun phrases at the cue), `media` (the
agency or paper that relays someone's words: `Quote.medium`) and `resolve` (pronouns,
roles, entity ids).
"""

from __future__ import annotations

from typing import Any

from chronik.model import Article, Quote
from chronik.stages.quotes.common import split_sentences
from chronik.stages.quotes.direct import find_direct
from chronik.stages.quotes.indirect import find_indirect
from chronik.stages.quotes.media import relay_media
from chronik.stages.quotes.resolve import settle, to_quotes
from chronik.stages.quotes.speakers import ENTITY_SPANS

MAX_CHARS = 200_000


def extract_quotes(
    text: str,
    lang: str | None = "de",
    sentences: list[tuple[int, int]] | None = None,
    mentions: tuple[Any, ...] = (),
) -> list[Quote]:
    """All quotes in `text` (offsets into `text`)."""
    if not any(c.isalpha() for c in text[:5000]):
        return []
    bounds = sentences or split_sentences(text, lang)
    token = ENTITY_SPANS.set(tuple((m.start, m.end, m.type) for m in mentions))
    try:
        found = find_direct(text, bounds) + find_indirect(text, bounds, lang)
        relay_media(text, found)
    finally:
        ENTITY_SPANS.reset(token)
    return to_quotes(text, settle(found, text), tuple(mentions))


class QuoteStage:
    """Per-article stage adding `Article.quotes`."""

    name = "quotes"
    requires: tuple[str, ...] = ("text", "sentences")
    provides: tuple[str, ...] = ("quotes",)

    def __init__(self, max_chars: int = MAX_CHARS) -> None:
        self.max_chars = max_chars

    def __call__(self, batch: list[Article]) -> list[Article]:
        return [self._one(a) for a in batch]

    def _one(self, article: Article) -> Article:
        text = article.text or ""
        warnings = list(article.meta.get("warnings", []))
        if len(text) > self.max_chars:
            warnings.append(f"quotes: text cut to {self.max_chars} chars")
            text = text[: self.max_chars]
        sents = [(s.start, s.end) for s in article.sentences if s.end <= len(text)]
        quotes = extract_quotes(text, article.language, sents or None, article.mentions)
        if warnings != article.meta.get("warnings", []):
            article.meta["warnings"] = warnings
        return article.mark(self.name, quotes=tuple(quotes))
