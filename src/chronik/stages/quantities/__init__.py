"""The quantities stage: numbers with units, qualifiers, what they measure and who says so.

Values are normalised to a canonical unit per dimension (km, km/h, h, %, t, currency code,
or a count of the measured noun), so that claims about the same measure compare directly.
"""

from __future__ import annotations

from chronik.model import Article, Quantity, Quote
from chronik.stages.quantities.extract import find

MAX_CHARS = 200_000


def extract_quantities(
    text: str, lang: str | None = "de", quotes: tuple[Quote, ...] | list[Quote] = ()
) -> list[Quantity]:
    """All quantities in `text`; `source` is the speaker of a quote that contains them."""
    out: list[Quantity] = []
    for r in find(text, lang):
        src = _source(r.start, r.end, quotes)
        out.append(
            Quantity(
                start=r.start,
                end=r.end,
                text=text[r.start : r.end],
                value=r.value,
                unit=r.unit or "count",
                approx=r.approx,
                measured=r.measured,
                source=src,
                value_max=r.value_max,
            )
        )
    return out


def _source(start: int, end: int, quotes: tuple[Quote, ...] | list[Quote]) -> str | None:
    for q in quotes:
        if q.start <= start and end <= q.end and (q.speaker_name or q.speaker_text):
            return q.speaker_name or q.speaker_text
    return None


class QuantityStage:
    """Per-article stage adding `Article.quantities`."""

    name = "quantities"
    requires: tuple[str, ...] = ("text", "sentences")
    provides: tuple[str, ...] = ("quantities",)

    def __init__(self, max_chars: int = MAX_CHARS, attribute: bool = True) -> None:
        self.max_chars = max_chars
        self.attribute = attribute

    def __call__(self, batch: list[Article]) -> list[Article]:
        return [self._one(a) for a in batch]

    def _one(self, article: Article) -> Article:
        text = (article.text or "")[: self.max_chars]
        quotes: tuple[Quote, ...] | list[Quote] = article.quotes
        if self.attribute and not quotes:
            from chronik.stages.quotes import extract_quotes

            sents = [(s.start, s.end) for s in article.sentences if s.end <= len(text)]
            quotes = extract_quotes(text, article.language, sents or None, article.mentions)
        qs = extract_quantities(text, article.language, quotes)
        return article.mark(self.name, quantities=tuple(qs))
