"""Sentences and tokens: the splitter and tokenizer other stages call, and the stage.

Public API: `split_sentences(text, lang)`, `tokenize(text, start=0)`,
`paragraph_spans(text)` (the paragraphs the language stage also uses) and `SentenceStage`.
"""

from __future__ import annotations

from chronik.stages.sentences.splitter import (
    paragraph_spans,
    split_sentences,
    split_with_paragraphs,
)
from chronik.stages.sentences.stage import SentenceStage
from chronik.stages.sentences.tokens import tokenize

__all__ = [
    "SentenceStage",
    "paragraph_spans",
    "split_sentences",
    "split_with_paragraphs",
    "tokenize",
]
