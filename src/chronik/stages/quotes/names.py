"""Surnames with a nobiliary particle ("von der Leyen", "Richard von Weizsäcker") read as
one token, so the speaker readers see a name where they would otherwise see a preposition.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.gender import FEMALE_NAMES, MALE_NAMES
from chronik.stages.quotes.mood import word_class

PARTICLE_HINT = re.compile(r"\b(?:[Vv][oa]n|zu|de)\s")
_PARTICLE_PAIRS = frozenset(["von der", "Von der", "van der", "Van der"])
_PARTICLES = frozenset(["von", "van", "zu", "de"])


def noble(text: str, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Surnames with a nobiliary particle as one token: "von der Leyen" (before a word
    the lexicon knows as a name, not a noun: "von der Regierung" stays a PP) and "von
    Weizsäcker" after a known first name ("Richard von Weizsäcker")."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        w = toks[i][2]
        two = f"{w} {toks[i + 1][2]}" if i + 1 < len(toks) else ""
        if two in _PARTICLE_PAIRS and i + 2 < len(toks) and _surname(toks[i + 2][2]):
            out.append((toks[i][0], toks[i + 2][1], text[toks[i][0] : toks[i + 2][1]]))
            i += 3
            continue
        first = out[-1][2] if out else ""
        known = first in MALE_NAMES or first in FEMALE_NAMES
        if w in _PARTICLES and known and i + 1 < len(toks) and _surname(toks[i + 1][2]):
            out.append((toks[i][0], toks[i + 1][1], text[toks[i][0] : toks[i + 1][1]]))
            i += 2
            continue
        out.append(toks[i])
        i += 1
    return out


def _surname(word: str) -> bool:
    return word[:1].isupper() and word.isalpha() and word_class(word) == "name"
