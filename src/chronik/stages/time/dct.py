"""Document creation time: the date every relative expression of an article hangs on.

Order of trust: metadata or a date line the cleaner already read; a date in the file
name or URL; a dateline at the top ("BERLIN, 12. September 2023"); the latest explicit
day-precise date the text states in a non-future sentence. A month alone ("im April
2019") is too often a past event to date the article by, so it is not used.
Each answer carries its source, a confidence and the evidence, so a reader can judge
it; no answer is stated as "none" rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronik.model import Article
from chronik.stages.time.calendar import Anchor, valid_date
from chronik.stages.time.engine import tense_of
from chronik.stages.time.tagger import simple_sentences, tag

_DATE_LINE = re.compile(
    r"(?im)^\s*(?:date|datum|published|veröffentlicht)[:\s]+(\d{4}-\d{2}(?:-\d{2})?)"
)
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_/]?([01]\d)[-_/]?([0-3]\d)(?!\d)")
# what may precede a dateline's date on its line: a place, an agency ("BERLIN (dpa),")
_DATELINE_LEAD = re.compile(
    r"^\s*(?:[A-ZÄÖÜ][\w./-]*(?:\s+[A-ZÄÖÜ][\w./-]*){0,2}(?:\s*\([^)]{1,20}\))?\s*[,:–-]?\s*)?$"
)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Dct:
    value: str | None
    source: str  # metadata | text | inferred | none
    confidence: float
    evidence: str

    def as_meta(self) -> dict[str, object]:
        return {
            "value": self.value,
            "source": self.source,
            "confidence": self.confidence,
            "evidence": self.evidence,
        }


def find_dct(article: Article, head_chars: int = 400) -> Dct:
    """The article's reference date with how it was found (see the module docstring)."""
    if article.published and article.published_source in ("metadata", "text"):
        conf = 1.0 if article.published_source == "metadata" else 0.9
        return Dct(article.published, article.published_source, conf, "given by the cleaner")
    text = article.text or article.raw_text
    m = _DATE_LINE.search(text[:2000])
    if m and Anchor.parse(m.group(1)):
        return Dct(m.group(1), "text", 0.9, f"date line {m.group(0).strip()!r}")
    for name in (article.source, article.url or ""):
        n = _NAME_DATE.search(name or "")
        if n and valid_date(int(n.group(1)), int(n.group(2)), int(n.group(3))):
            value = "-".join(n.groups())
            return Dct(value, "metadata", 0.8, f"date in name {name!r}")
    return _from_text(text, article.language, head_chars)


def _from_text(text: str, lang: str | None, head_chars: int) -> Dct:
    """Dateline first, else the latest explicit date stated in a past or present sentence."""
    sents = simple_sentences(text)
    timexes = tag(text, lang, None, sents, ranges=False)
    explicit = [t for t in timexes if t.type == "DATE" and not t.vague and "X" not in t.value]
    for t in explicit:
        line_start = text.rfind("\n", 0, t.start) + 1
        lead = text[line_start : t.start]
        if t.start < head_chars and _DAY.match(t.value) and _DATELINE_LEAD.match(lead):
            return Dct(t.value, "inferred", 0.8, f"dateline {t.text!r} at {t.start}")
    days: list[tuple[str, str, int]] = []
    for t in explicit:
        sent = next((text[s:e] for s, e in sents if s <= t.start < e), "")
        if tense_of(sent, lang or "de") > 0:
            continue  # a scheduled date says little about when the text was written
        if _DAY.match(t.value):
            days.append((t.value, t.text, t.start))
    if days:
        value, surface, pos = max(days)
        return Dct(value, "inferred", 0.5, f"latest stated date {surface!r} at {pos}")
    return Dct(None, "none", 0.0, "no date in metadata, name or text")
