"""Whether a cue opens a reported clause: the checks `indirect._cue_first` runs before it
takes the words after a cue's comma as what was said.

"sprach von 800 Autos, die … angezündet wurden" reports an act (its object, then a relative
clause), "bezeichnete X als fatal, da …" names a judgement, „Yemen Observer“ before a cue
is a title, "Falls X nicht antwortet, wird …" is a condition: none opens a reported clause.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.cues import words
from chronik.stages.quotes.mood import sentence_mood

_WORD = re.compile(r"\w+")


_SUBORDINATORS = words("falls wenn weil obwohl nachdem bevor sobald solange sofern")


def _conditional(text: str, s: int, c0: int) -> bool:
    """The cue sits in a fronted adverbial clause ("Falls …", "Weil …", "Als …")."""
    clause = max(s, *(text.rfind(c, s, c0) + 1 for c in ",;:"))
    first = _WORD.search(text, clause, c0)
    return first is not None and first.group().lower() in _SUBORDINATORS


def _closes_before_cue(seg: str) -> bool:
    m = re.search(r"[“”\"«»][\s,]*(so|sagte|sagten|fügte|erklärte|said|betonte|meinte)\b", seg)
    return bool(m)


_NAME_IN_MARKS = re.compile(r"[„“\"»«]([A-ZÄÖÜ][^„“”\"»«.,!?:;]{0,40})[“”\"«»]\s*$")


def _quoted_name(head: str) -> bool:
    """The marks before a cue enclose a short title ("Die Zeitung „Yemen Observer“
    berichtet"), not the quote that the cue attributes."""
    m = _NAME_IN_MARKS.search(head)
    return m is not None and len(m.group(1).split()) <= 4


# the comma, colon or "dass" that opens a reported clause; not a decimal comma ("77,7")
_CLAUSE_OPEN = re.compile(
    r"(?<!\d),\s*|(?<=\d),(?!\d)\s*|:\s+(?=[^„“\"»])|\s(?=dass\b|that\b|ob\b)"
)
_RELATIVE_OPEN = re.compile(
    r"(?:(?:mit|in|an|auf|von|bei|zu|für|über|unter|nach|aus|durch|gegen|um)\s+)?"
    r"(?:der|die|das|dem|den|denen|deren|dessen|welche[rsmn]?)\s+(\S+)"
)
_OBJECT_PREP = {"sprach": "von", "sprachen": "von", "spricht": "von", "verwies": "auf"}


def _act_object(cue: str, gap: str, clause: str) -> bool:
    """The cue's own object fills the gap and what follows the comma is no reported clause:
    "sprach die Polizei von weniger Krawallen, dennoch …", "forderte alle Bewohner, welche
    … zurückkehrten, zum Rückzug auf": the act is reported speech, not a frame."""
    head = clause.split(",")[0].strip(" .;:")
    if sentence_mood(head) is not None or _KONJ_WORD.search(head):
        return False  # "…, er sei …", "…, dass …": a reported clause after all
    prep = _OBJECT_PREP.get(cue.split()[0])
    if prep is not None and re.search(rf"\b{prep}\b", gap):
        return True
    m = _RELATIVE_OPEN.match(clause)
    if m is None or not gap.strip():
        return False
    bare = m.group().split()[0].lower() not in _PREP_WORDS
    if bare and m.group(1)[:1].isupper():
        return False  # "sagte, die Lage sei …": an article before its noun
    last = head.split()[-1] if head.split() else ""
    return last[:1].islower()  # a relative clause ends in its verb


_PREP_WORDS = words("mit in an auf von bei zu für über unter nach aus durch gegen um")
_KONJ_WORD = re.compile(r"\b(?:dass|ob)\b")


def _names_as(cue: str, gap: str) -> bool:
    return cue.startswith(("bezeichn", "nannte", "nennt")) and bool(re.search(r"\bals\b", gap))
