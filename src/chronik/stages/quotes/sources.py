"""Sources of impersonal cues and the last-resort speaker near a cue.

"Auf der Website des Kremls hieß es, …", "hieß es aus dem Ministerium": nobody is the
grammatical subject, the source sits in a prepositional phrase before or after the cue.
When no subject noun phrase could be read at all, the nearest PER/ORG mention stands in.
"""

from __future__ import annotations

from chronik.stages.quotes.lead import ADVERBS
from chronik.stages.quotes.speakers import (
    _TIME,
    ENTITY_SPANS,
    SpeakerNP,
    _back_np,
    _make,
    _temporal,
    _tokens,
    np_after,
)

_SOURCE_PREPS = frozenset(["In", "Im", "Auf", "Aus", "Bei", "Beim", "Laut", "Unter"])


def source_before(text: str, s: int, pos: int) -> SpeakerNP | None:
    """The last noun phrase before `pos`, even inside a prepositional phrase: the source of
    an impersonal cue ("Auf der Website des Kremls hieß es, …")."""
    toks = [t for t in _tokens(text, s, pos) if t[2].lower() not in ADVERBS]
    if len(toks) > 1 and toks[0][2] in _SOURCE_PREPS:
        sp = np_after(text, toks[1][0], pos)  # "In dem Bericht, der …, heißt es"
        comma = sp is not None and text[sp.end : sp.end + 2].startswith(",")
        if sp is not None and comma and not _temporal(_tokens(text, sp.start, sp.end)):
            return sp
    head = _back_np(toks)
    if not head or _temporal(head):
        return None
    return _make(text, head)


_AFTER_PREPS = frozenset(["aus", "in", "im", "von", "vom", "bei", "beim", "seitens", "auf"])


def source_after(text: str, pos: int, limit: int) -> SpeakerNP | None:
    """The source named after an impersonal cue: "hieß es aus dem Ministerium", "hieß es in
    einer Mitteilung der Polizei", "hieß es am Montag aus Polizeikreisen"."""
    toks = _tokens(text, pos, min(limit, pos + 200))[:14]
    i = 1 if toks and toks[0][2] == "es" else 0
    while i < len(toks):
        low = toks[i][2].lower()
        if low in ADVERBS:
            i += 1
        elif low in {"am", "an"} and i + 1 < len(toks) and _TIME.search(toks[i + 1][2]):
            i += 2  # "am Montag"
        else:
            break
    if i + 1 >= len(toks) or toks[i][2].lower() not in _AFTER_PREPS:
        return None
    sp = np_after(text, toks[i + 1][0], limit)
    return None if sp is None or _temporal(_tokens(text, sp.start, sp.end)) else sp


def mention_near(text: str, s: int, cue: tuple[int, int], limit: int) -> SpeakerNP | None:
    """Last resort when no subject noun phrase was read: the nearest PER/ORG entity mention
    in the clause before the cue, else the first one between the cue and `limit` (the end
    of the cue's clause). "Dazu erklärte von der Leyen, …": the reader knows no lowercase
    name start, but NER does."""
    c0, c1 = cue
    clause = max(s, *(text.rfind(c, s, c0) + 1 for c in ",;:"))
    spans = [(a, b) for a, b, typ in ENTITY_SPANS.get() if typ in {"PER", "ORG"}]
    before = [(a, b) for a, b in spans if clause <= a and b <= c0]
    after = [(a, b) for a, b in spans if c1 <= a and b <= limit]
    best = before[-1] if before else after[0] if after else None
    if best is None:
        return None
    return SpeakerNP(best[0], best[1], text[best[0] : best[1]], text[best[0] : best[1]])
