"""`SentenceStage`: sentence and token spans for each article's clean text."""

from __future__ import annotations

from typing import ClassVar

from chronik.model import Article, Sentence, Token
from chronik.stages.sentences.splitter import split_with_paragraphs
from chronik.stages.sentences.tokens import tokenize


class SentenceStage:
    """Adds `sentences` (with their paragraph index) and `tokens` to every article.

    Offsets index `Article.text`. Sentences longer than `max_sentence_chars` are cut at
    whitespace (a warning is recorded), which bounds the cost of every later stage.
    """

    name: ClassVar[str] = "sentences"
    requires: ClassVar[tuple[str, ...]] = ("text", "language")
    provides: ClassVar[tuple[str, ...]] = ("sentences", "tokens")

    def __init__(self, max_sentence_chars: int = 2000) -> None:
        self.max_sentence_chars = max_sentence_chars

    def __call__(self, batch: list[Article]) -> list[Article]:
        return [self.process(article) for article in batch]

    def process(self, article: Article) -> Article:
        """One article; never raises on odd text (empty, no punctuation, huge)."""
        text = article.text
        forced: list[int] = []
        spans = split_with_paragraphs(
            text, article.language, max_chars=self.max_sentence_chars, forced=forced
        )
        sentences = tuple(Sentence(s, e, text[s:e], paragraph=p) for s, e, p in spans)
        tokens = tuple(Token(s, e, text[s:e]) for s, e in tokenize(text))
        meta = article.meta
        if forced:
            limit = self.max_sentence_chars
            warning = f"sentences: {len(forced)} cuts to bound sentences at {limit} chars"
            meta = {**meta, "warnings": [*meta.get("warnings", []), warning]}
        return article.mark(self.name, sentences=sentences, tokens=tokens, meta=meta)
