"""Who travels where: the destination of the visits a report describes.

Two summits of the same leaders differ first in where they happen: Kim travelling to
Russia (Vladivostok, Vostochny) in September 2023, Putin travelling to Pyongyang in June
2024. Reports say so with a travel word and a place ("nach Russland gereist", "Putins
Besuch in Nordkorea", "arrived in Pyongyang"). ECB+ has too few visits to fit a weight,
so a conflict of destinations enters the join model as a fixed prior, like the date gap.
"""

from __future__ import annotations

import re
from collections import Counter

from chronik.model import Article

MAX_CHARS = 20_000
MIN_VISITS = 2  # one travel phrase may be background ("Schoigu's visit in July"); two are not
_CUE = re.compile(
    r"\b(?:reis(?:e|en|t|te|ten)|gereist|eingereist|eingetroffen|angekommen|"
    r"(?:Staats|Auslands)?(?:besuch|reise)(?:s|e|en)?|besucht(?:e|en)?|"
    r"visit(?:s|ed|ing)?|trip|travel(?:s|led|ed|ling)?|arriv(?:e|es|ed|al)|"
    r"visite|voyage|arrivée?|se rend|прибыл\w*|визит\w*|посети\w*|поездк\w*)\b",
    re.IGNORECASE,
)
_TO = re.compile(r"\b(?:nach|in|ins|to|in|à|au|en|в|во)\s+(?:(?:der|die|das|den|the)\s+)?$")
WINDOW = 60  # characters after the travel word in which the destination is named
_BREAK = re.compile(r"[.;:!?]|,\s")  # the destination is in the travel word's clause


def destinations(article: Article) -> Counter[str]:
    """Linked entity ids of places named with a preposition right after a travel word
    ("Besuch in Nordkorea") or, verb-final, right before it ("nach Russland gereist")."""
    text = article.text[:MAX_CHARS]
    places = sorted(
        (m.start, m.end, m.entity_id) for m in article.mentions
        if m.type == "LOC" and m.entity_id and m.start < MAX_CHARS
    )  # fmt: skip
    out: Counter[str] = Counter()
    counted: set[int] = set()  # "Staatsbesuch nach Nordkorea gereist": one visit, two cues
    for cue in _CUE.finditer(text) if places else ():
        after = [p for p in places if 0 <= p[0] - cue.end() <= WINDOW
                 and not _BREAK.search(text[cue.end() : p[0]])]  # fmt: skip
        before = [p for p in places if 0 <= cue.start() - p[1] <= WINDOW // 2
                  and not _BREAK.search(text[p[1] : cue.start()])]  # fmt: skip
        for start, _, entity in after[:1] + before[-1:]:
            if start not in counted and _TO.search(text[max(0, start - 12) : start]):
                out[entity] += 1
                counted.add(start)
                break
    return out


def own(counts: Counter[str]) -> set[str]:
    """The main destination(s): named most often, and in at least `MIN_VISITS` phrases."""
    top = max(counts.values(), default=0)
    return {k for k, c in counts.items() if c == top} if top >= MIN_VISITS else set()


def conflict(a: Counter[str], b: Counter[str]) -> float:
    """1.0 when both are mainly about visits and their main destinations differ (Kim to
    Russia vs Putin to North Korea), else 0.0."""
    mine, theirs = own(a), own(b)
    return 1.0 if mine and theirs and not mine & theirs else 0.0
