"""A participle cue with its auxiliary: "hat erklärt", "wird zitiert", "wurde vorgeworfen".

The finite auxiliary carries tense and voice (passive "wird zitiert" reports someone else's
words), so the cue keeps it, as a separable verb keeps its particle ("teilte mit"); the
German Wikinews annotation writes compound cues the same way.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.common import Found
from chronik.stages.quotes.cues import words

_AUX = re.compile(r"\b(?:hat|hatte|haben|hatten|wird|wurde|werden|wurden|war|waren|ist|sind)\b")
_STRONG = words(
    "geschrieben gesprochen bestritten unterstrichen hingewiesen zurückgewiesen angegeben "
    "vorgeworfen vorgeschlagen gerufen aufgerufen empfohlen bekanntgegeben gebeten"
)
_CLAUSE_MARKS = ",;:.!?„“”»«\n"
WINDOW = 250  # how far from its quote or speaker the cue word may stand


def with_auxiliary(text: str, f: Found) -> str | None:
    """`f.cue`, preceded by the auxiliary of its clause when it is a participle."""
    cue = f.cue
    if not cue or " " in cue:
        return cue
    at = _cue_at(text, f, cue)
    if at is None:
        return cue
    clause = max(text.rfind(c, 0, at) for c in _CLAUSE_MARKS) + 1
    if not _participle(cue):
        return cue
    aux = list(_AUX.finditer(text, clause, at))
    return f"{aux[-1].group()} {cue}" if aux else cue


def _participle(word: str) -> bool:
    """A past participle form ("erklärt", "gesagt", "mitgeteilt", "geschrieben"); present
    "erklärt" looks the same and is told apart by the auxiliary before it."""
    return word in _STRONG or (word.endswith("t") and word[:1].islower())


def _cue_at(text: str, f: Found, cue: str) -> int | None:
    """Where the cue word stands: the occurrence outside the quote nearest its speaker (or
    the quote itself)."""
    anchor = f.speaker.start if f.speaker is not None else f.start
    lo, hi = max(0, min(anchor, f.start) - WINDOW), min(len(text), max(anchor, f.end) + WINDOW)
    hits = [
        m.start()
        for m in re.finditer(rf"\b{re.escape(cue)}\b", text[lo:hi])
        if not f.start <= m.start() + lo < f.end
    ]
    return lo + min(hits, key=lambda i: abs(i + lo - anchor)) if hits else None
