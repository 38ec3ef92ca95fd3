"""Roles of persons: a role word right before a name ('Kremlsprecher Dmitri Peskow',
'Kremlin spokesman Dmitry Peskov') or an apposition right after it ('Adrienne Watson,
Sprecherin des Nationalen Sicherheitsrats'). Moved out of resolve.py (round 8)."""

from __future__ import annotations

import re

from chronik.stages.entities.gazetteer import role_gloss
from chronik.stages.entities.lexicon import ENGLISH_ROLES

_ADJ = r"[a-zäöü]+(?:isch|ig|al|ell|st)(?:e|en|er)"
_ROLE_AFTER = re.compile(
    rf"^,\s+(?:(?:der|die|des|the)\s+)?((?:{_ADJ}\s+)?[A-ZÄÖÜa-z][\w\-]*)"
    r"((?:\s+(?:des|der|von|für|im|of|for|at)\s+(?:[a-zäöü]\w*\s+)?[A-ZÄÖÜ][\w\-]*"
    r"(?:\s+[A-ZÄÖÜ][\w\-]*){0,3})?)"
)
_ROLE_BEFORE = re.compile(rf"(?:^|(?<=\s))((?:{_ADJ}\s+)?([A-ZÄÖÜ][\w\-]+))\s+$")
_ROLE_BEFORE_EN = re.compile(
    r"(?:^|(?<=\s))((?:[A-Z][\w\-]+\s+)?([a-z]+))\s+$"
)  # Kremlin spokesman


def find_role(text: str, start: int, end: int) -> str | None:
    """Role word right before the name, or an apposition right after it."""
    ws = text.rfind(" ", 0, max(0, start - 60)) + 1
    before = _ROLE_BEFORE.search(text[ws:start])
    if before and role_gloss(before.group(2).split("-")[-1]):
        return before.group(1)
    before = _ROLE_BEFORE_EN.search(text[ws:start])
    if before and before.group(2) in ENGLISH_ROLES:
        return before.group(1)
    after = _ROLE_AFTER.match(text[end : end + 120])
    if after:
        words = after.group(1).split()
        if role_gloss(words[-1].split("-")[-1]):
            return (after.group(1) + after.group(2)).strip()
    return None
