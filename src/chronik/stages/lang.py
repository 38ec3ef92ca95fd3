"""`LanguageStage`: the language of each article and of each of its paragraphs (lingua).

Why lingua: offline, no hub download, restrictable to the languages we expect (which
makes it both faster and more accurate), and it says "don't know" through its minimum
relative distance instead of guessing. Unknown stays None. Detection runs on a bounded
sample of the text so that a 1 MB article costs what a 2 kB one does.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, partial
from typing import Any, ClassVar

from chronik.model import Article
from chronik.stages.base import lazy
from chronik.stages.sentences import paragraph_spans

DEFAULT_LANGUAGES: tuple[str, ...] = ("de", "en", "fr", "es", "it", "ru", "nl", "pl", "uk", "pt")


@cache
def _detector(languages: tuple[str, ...], distance: float, accuracy: str) -> Any:
    """One lingua detector per configuration and process (models are shared inside lingua)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in languages
    ]
    builder = LanguageDetectorBuilder.from_languages(*langs)
    builder = builder.with_minimum_relative_distance(distance)
    if accuracy == "low":
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def sample(text: str, size: int) -> str:
    """At most about `size` characters: the start and the middle of `text`, cut at spaces.

    The start carries the lead paragraph; the middle guards against a foreign-language
    boilerplate head. Bounded so that detection time does not grow with the text.
    """
    if len(text) <= size:
        return text
    half = size // 2
    mid = len(text) // 2
    head = text[:half].rsplit(None, 1)[0]
    middle = text[mid : mid + half].split(None, 1)[-1]
    return f"{head}\n{middle}"


class LanguageStage:
    """Sets `Article.language` (ISO 639-1 or None) and `Article.paragraphs`.

    Settings: `languages` to choose from, `min_relative_distance` (lingua's margin
    between the best and second-best language; below it the answer is None),
    `min_chars` (shorter texts get None), `sample_chars` / `paragraph_chars` (sample
    sizes), `max_paragraphs` (later paragraphs stay None), `accuracy`: "high", "low" or
    "auto" (lingua's small trigram models for texts of `short_chars` or more, where they
    are as accurate; the ~10x larger high-accuracy models load only once a short text,
    such as a heading paragraph, needs them).
    """

    name: ClassVar[str] = "lang"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    provides: ClassVar[tuple[str, ...]] = ("language",)

    def __init__(
        self,
        languages: Sequence[str] = DEFAULT_LANGUAGES,
        min_relative_distance: float = 0.1,
        min_chars: int = 12,
        sample_chars: int = 800,
        paragraph_chars: int = 400,
        max_paragraphs: int = 300,
        accuracy: str = "auto",
        short_chars: int = 120,
    ) -> None:
        self.languages = languages
        self.min_relative_distance = min_relative_distance
        self.min_chars = min_chars
        self.sample_chars = sample_chars
        self.paragraph_chars = paragraph_chars
        self.max_paragraphs = max_paragraphs
        self.accuracy = accuracy
        self.short_chars = short_chars
        key = (tuple(languages), float(min_relative_distance))
        long_mode = "high" if accuracy == "high" else "low"
        short_mode = "low" if accuracy == "low" else "high"
        self._long = lazy(partial(_detector, *key, long_mode))
        self._short = lazy(partial(_detector, *key, short_mode))

    def __call__(self, batch: list[Article]) -> list[Article]:
        return [self.process(article) for article in batch]

    def detect(self, text: str, size: int | None = None) -> str | None:
        """ISO 639-1 code of `text` (sampled to `size` characters), or None when unsure."""
        snippet = sample(text, size or self.sample_chars)
        if sum(ch.isalpha() for ch in snippet) < self.min_chars:
            return None
        detector = self._long if len(snippet) >= self.short_chars else self._short
        found = detector.get().detect_language_of(snippet)
        return None if found is None else str(found.iso_code_639_1.name).lower()

    def process(self, article: Article) -> Article:
        """Language of the whole article, then of each paragraph (bounded count)."""
        text = article.text
        language = self.detect(text)
        paragraphs: list[tuple[int, int, str | None]] = []
        for index, (start, end) in enumerate(paragraph_spans(text)):
            if index >= self.max_paragraphs:
                paragraphs.append((start, end, None))
            elif end - start == len(text.strip()):
                paragraphs.append((start, end, language))  # one paragraph: same answer
            else:
                paragraphs.append((start, end, self.detect(text[start:end], self.paragraph_chars)))
        return article.mark(self.name, language=language, paragraphs=tuple(paragraphs))
