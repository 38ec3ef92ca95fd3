"""The claims stage: the same measure reported by different articles, compared.

Two quantities are about the same measure when they share a canonical unit and either the
measured noun ("Strecke", "Container") or at least two named places/things in their
sentence and the one before (the Pyongyang–Vladivostok distance written "425 Meilen (680
Kilometer) nördlich von Pjöngjang" and "1.200 Kilometer lange Strecke zwischen Pjöngjang
und Wladiwostok"). Groups spanning two or more articles become a `Claim` whose verdict is
agree (within tolerance), update (a later article from the same outlet differs) or conflict.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from chronik.model import Article, Claim, Corpus, Quantity

_CAP = re.compile(r"\b[A-ZÄÖÜ][\w-]{2,}")
_IGNORE = frozenset(
    [
        "Die",
        "Der",
        "Das",
        "Den",
        "Dem",
        "Des",
        "Ein",
        "Eine",
        "Es",
        "Er",
        "Sie",
        "Wir",
        "In",
        "Im",
        "Am",
        "Nach",
        "Laut",
        "Bei",
        "Auf",
        "Für",
        "Mit",
        "Und",
        "Kilometer",
        "Kilometern",
        "Meilen",
        "Stunden",
        "Prozent",
        "Dollar",
        "Euro",
        "Millionen",
        "Milliarden",
        "Stück",
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ]
)
MAX_KEY = 200  # candidates compared per index key: bounds the pair count on big corpora


@dataclass
class _Item:
    article: Article
    q: Quantity
    head: str | None
    context: frozenset[str]


def _head(measured: str | None) -> str | None:
    if not measured:
        return None
    w = measured.split()[-1].lower()
    return re.sub(r"(en|n|e|s)$", "", w) if len(w) > 4 else w


def _context(art: Article, q: Quantity) -> frozenset[str]:
    text = art.text
    lo = text.rfind(".", 0, max(0, text.rfind(".", 0, q.start)))
    hi = text.find(".", q.end)
    seg = text[max(0, lo) : hi if hi > 0 else len(text)]
    measured = set((q.measured or "").split())
    return frozenset(w for w in _CAP.findall(seg) if w not in _IGNORE and w not in measured)


class ClaimStage:
    """Corpus stage comparing quantities across articles."""

    name = "claims"
    corpus_level: ClassVar[bool] = True
    requires: tuple[str, ...] = ("quantities",)
    provides: tuple[str, ...] = ("claims",)

    def __init__(self, tolerance: float = 0.1, min_shared_context: int = 2) -> None:
        self.tolerance = tolerance
        self.min_shared_context = min_shared_context

    def __call__(self, corpus: Corpus) -> Corpus:
        items = [
            _Item(a, q, _head(q.measured), _context(a, q))
            for a in corpus.articles
            for q in a.quantities
            if q.value is not None
        ]
        groups = self._group(items)
        claims = [self._claim(g) for g in groups if len({i.article.id for i in g}) >= 2]
        return corpus.replace(claims=claims)

    def _pairs(self, items: list[_Item]) -> Iterator[tuple[int, int]]:
        index: dict[tuple[str, str], list[int]] = defaultdict(list)
        for n, it in enumerate(items):
            keys = [("c", w) for w in it.context]
            for k in keys:
                bucket = index[(it.q.unit or "", k[0] + ":" + k[1])]
                if len(bucket) < MAX_KEY:
                    bucket.append(n)
        seen: set[tuple[int, int]] = set()
        for bucket in index.values():
            for x, i in enumerate(bucket):
                for j in bucket[x + 1 :]:
                    if (i, j) not in seen and items[i].article.id != items[j].article.id:
                        seen.add((i, j))
                        if self._same(items[i], items[j]):
                            yield i, j

    def _same(self, a: _Item, b: _Item) -> bool:
        """Same unit, compatible measured nouns, and two shared names around them."""
        if a.q.unit != b.q.unit:
            return False
        if a.q.unit in {"count", "h"}:
            compatible = a.head is not None and a.head == b.head  # counts and durations are generic
        else:
            compatible = a.head is None or b.head is None or a.head == b.head
        return compatible and len(a.context & b.context) >= self.min_shared_context

    def _group(self, items: list[_Item]) -> list[list[_Item]]:
        parent = list(range(len(items)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, j in self._pairs(items):
            parent[root(i)] = root(j)
        groups: dict[int, list[_Item]] = defaultdict(list)
        for n, it in enumerate(items):
            groups[root(n)].append(it)
        return [g for g in groups.values() if len(g) > 1]

    def _claim(self, group: list[_Item]) -> Claim:
        group = sorted(group, key=lambda i: (i.article.published or "", i.article.id, i.q.start))
        values = [_row(i) for i in group]
        key = "|".join(f"{i.article.id}:{i.q.start}" for i in group)
        cid = "claim-" + hashlib.sha1(key.encode()).hexdigest()[:12]
        head = next((i.q.measured for i in group if i.q.measured), None)
        shared = frozenset.intersection(*(i.context for i in group)) if group else frozenset()
        what = head or " – ".join(sorted(shared)[:3]) or "value"
        return Claim(
            id=cid,
            measure=f"{what} [{group[0].q.unit}]",
            values_by_source=tuple(values),
            verdict=self._verdict(group),
        )

    def _verdict(self, group: list[_Item]) -> str:
        vals = [float(i.q.value or 0.0) for i in group]
        lo, hi = min(vals), max(vals)
        if hi == 0 or (hi - lo) / hi <= self.tolerance:
            return "agree"
        first, last = group[0], group[-1]
        same_outlet = (first.article.outlet or first.article.source) == (
            last.article.outlet or last.article.source
        )
        later = (last.article.published or "") > (first.article.published or "")
        return "update" if later and same_outlet else "conflict"


def _row(it: _Item) -> dict[str, Any]:
    return {
        "source": it.q.source or it.article.outlet or _where(it.article.source),
        "value": it.q.value,
        "unit": it.q.unit,
        "approx": it.q.approx,
        "text": it.q.text,
        "article_id": it.article.id,
        "start": it.q.start,
        "end": it.q.end,
        "published": it.article.published,
    }


def _where(source: str) -> str:
    """A readable stand-in for an article without a known outlet: the URL, or the file name
    (not the path it happened to be read from)."""
    return source if "://" in source else source.replace("\\", "/").rsplit("/", 1)[-1]
