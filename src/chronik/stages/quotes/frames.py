"""Frames around reported words that name no speech verb of the usual kind: a Konjunktiv
clause after a colon, a stated reason ("mit der Begründung, …"), a rejected claim whose
content is reported ("wies Berichte zurück, er sei …") and "verlauten" out of a source.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.common import Cue, Found, strip_span
from chronik.stages.quotes.lead import _institution, lead_subject
from chronik.stages.quotes.mood import sentence_mood
from chronik.stages.quotes.speakers import SpeakerNP, np_after
from chronik.stages.quotes.titles import has_quoted_words

_OPENERS = '„“"»«'


_REASON = re.compile(
    r"\b(?:mit\s+der\s+Begründung|mit\s+dem\s+(?:Argument|Hinweis))\b[^,.;:]{0,30},\s*"
)


def reason_frame(text: str, s: int, e: int) -> Found | None:
    """ "X zog das Angebot mit der Begründung zurück, die Ausschreibung sei unfair": the
    reason given is X's reported words (Konjunktiv or "dass")."""
    m = _REASON.search(text, s, e)
    if m is None:
        return None
    q0, q1 = strip_span(text, m.end(), e)
    if len(text[q0:q1].split()) < 3 or not reported_clause(text, q0, q1):
        return None
    clause = max(s, text.rfind(";", s, m.start()) + 1)  # "…; seinerzeit hatte X …"
    sp = lead_subject(text, clause, m.start())
    if sp is None or not (sp.pronoun or sp.name or sp.role or _institution(sp.text)):
        return None
    return Found(q0, q1, quote_kind(text, q0, q1), cue="Begründung", speaker=sp)


_COLON = re.compile(r":\s+(?![„“\"»«])")


def colon_konjunktiv(text: str, s: int, e: int) -> Found | None:
    """ "Der Minister wurde deutlich: Die Reform sei ein Fehler.": a Konjunktiv I clause
    after a colon reports the words of the person or body that opens the lead."""
    m = _COLON.search(text, s, e)
    if m is None or len(text[s : m.start()].split()) > 12:
        return None
    q0, q1 = strip_span(text, m.end(), e)
    if len(text[q0:q1].split()) < 3 or sentence_mood(text[q0:q1], deep=False) != "K1":
        return None
    sp = lead_subject(text, s, m.start())
    if sp is None or not (sp.pronoun or sp.name or sp.role or _institution(sp.text)):
        return None
    return Found(q0, q1, quote_kind(text, q0, q1), speaker=sp)


_REJECT = re.compile(r"(?:zurückgewiesen|zurückwies|wies|wiesen|dementier|bestritt|widersprach)")
_CLAIM = re.compile(
    r"\b(?:(?:die|den|der|diese|diesen|solche|alle)\s+)?(?:[a-zäöü]\w*(?:e|en)\s+){0,2}"
    r"(?:Berichte|Berichten|Vorwürfe|Vorwurf|Gerüchte|Behauptung|Behauptungen|Meldung|"
    r"Meldungen|Spekulationen|Anschuldigungen|Darstellung)\b"
)


def disputed_claim(text: str, s: int, cue: Cue, comma: int) -> SpeakerNP | None:
    """ "X hat Berichte der Zeitung Y zurückgewiesen, er sei …": a Konjunktiv clause after
    a rejected claim is the claim's content, not X's words; the claim (and who made it) is
    its source. ("X wies Vorwürfe zurück, Waffen geliefert zu haben" stays X's denial.)"""
    if not _REJECT.match(cue.text):
        return None
    m = _CLAIM.search(text, s, comma)
    if m is None:
        return None
    sp = np_after(text, m.start(), comma)
    if sp is not None:
        return sp
    end = cue.start if m.end() <= cue.start else comma  # "Berichte" reads as a verb form
    end = len(text[:end].rstrip())
    return SpeakerNP(m.start(), end, text[m.start() : end], None)


def source_out_of(text: str, s: int, cue: Cue) -> SpeakerNP | None:
    """ "Wie aus Unternehmenskreisen verlautete, …": the source "verlauten" comes out of."""
    if not cue.text.startswith("verlaut"):
        return None
    clause = max(s, *(text.rfind(c, s, cue.start) + 1 for c in ",;:"))
    m = re.search(r"\b[Aa]us\s+(?=\S)", text[clause : cue.start])
    return np_after(text, clause + m.end(), cue.start) if m else None


def reported_clause(text: str, q0: int, q1: int) -> bool:
    return text.startswith(("dass", "ob"), q0) or sentence_mood(text[q0:q1]) is not None


def quote_kind(text: str, q0: int, q1: int) -> str:
    return "mixed" if has_quoted_words(text, q0, q1) else "indirect"
