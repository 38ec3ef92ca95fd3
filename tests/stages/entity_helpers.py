"""Shared builders for the entity tests: raw spans for given surfaces, a resolved article,
and the entity ids a surface got after linking."""

from __future__ import annotations

import re

from chronik.model import Article, Corpus
from chronik.stages.entities.resolve import Raw, resolve


def spans(text: str, names: list[tuple[str, str]]) -> list[Raw]:
    """Raw spans for every occurrence of each (surface, type) in `text`."""
    out = []
    for surface, typ in names:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            out.append(Raw(m.start(), m.end(), typ))
    return out


def article(aid: str, text: str, names: list[tuple[str, str]], lang: str = "de") -> Article:
    """An article whose mentions are the resolved spans of `names` (the entities stage done)."""
    ments = tuple(resolve(text, spans(text, names), lang=lang))
    return Article(
        id=aid, source="t", raw_text=text, text=text, language=lang, mentions=ments
    ).mark("entities")


def ids_of(corpus: Corpus, surface: str) -> set[str | None]:
    return {m.entity_id for a in corpus.articles for m in a.mentions if m.text == surface}
