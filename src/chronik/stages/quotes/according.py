"""According-to frames: "laut X", "nach Angaben von X", "X zufolge", "gemäß X", and the
closing "…, wie X meinte." clause.

The German Wikinews annotation counts them as indirect quotes whose speaker is the source
named in the frame, so the frame is both the cue and the speaker.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.common import Found, find_cues, strip_span
from chronik.stages.quotes.cues import ACCORDING_BEFORE, ACCORDING_POST
from chronik.stages.quotes.lead import _institution
from chronik.stages.quotes.mood import sentence_mood
from chronik.stages.quotes.speakers import ENTITY_SPANS, SpeakerNP, np_after, np_before
from chronik.stages.quotes.titles import has_quoted_words

_POSS = frozenset(["seiner", "ihrer", "deren", "dessen"])


def _source_like(sp: SpeakerNP) -> bool:
    """A person or body that can be a source: a role, an institution, or a PER/ORG entity
    mention (capitalisation alone also names laws and rules)."""
    if sp.role or _institution(sp.text):
        return True
    return any(
        t in {"PER", "ORG"} and a < sp.end and sp.start < b for a, b, t in ENTITY_SPANS.get()
    )


def according(text: str, s: int, e: int) -> Found | None:
    """ "Laut X …", "Nach Angaben des Y …", "Seiner Meinung nach …", "X zufolge …": the
    frame names the source; the rest of the sentence is what it says."""
    seg = text[s:e]
    if re.search(r":\s*[„“\"»]", seg):
        return None  # "… sagte X laut Medien: „…“" is a direct quote
    m = ACCORDING_BEFORE.search(seg)
    if m is not None:
        sp = np_after(text, s + m.end(), e)
        if sp is None:
            return None
        cue = m.group().strip().split()[0].lower()
        if cue == "gemäß" and not _source_like(sp):
            return None  # "gemäß der Richtlinie", "gemäß Kriegsmaterialgesetz": a rule
        return _frame_quote(text, s, e, s + m.start(), sp.end, cue, sp)
    p = ACCORDING_POST.search(seg)
    if p is not None:
        w0 = p.group(1).split()[0]
        if w0.lower() in _POSS:  # "seiner Meinung nach": the possessive names the speaker
            sp = SpeakerNP(s + p.start(1), s + p.start(1) + len(w0), w0, None, pronoun=True)
        else:
            sp = SpeakerNP(s + p.start(1), s + p.end(1), p.group(1), None)
        return _frame_quote(text, s, e, s + p.start(), s + p.end(), "nach", sp)
    z = re.search(r"\s(zufolge)\b", seg)
    if z is not None:
        sp = np_before(text, s + z.start(), s)
        if sp is None or sp.text.lower() in {"berichten", "medienberichten", "angaben"}:
            return None
        return _frame_quote(text, s, e, sp.start, s + z.end(), "zufolge", sp)
    return None


def _frame_quote(
    text: str, s: int, e: int, f0: int, f1: int, cue: str, sp: SpeakerNP
) -> Found | None:
    """The sentence around an according-to frame: after it when the frame leads, else all."""
    head = text[s:f0].strip()
    q0, q1 = strip_span(text, f1, e) if len(head.split()) <= 1 else strip_span(text, s, e)
    return Found(q0, q1, "indirect", cue=cue, speaker=sp) if q1 - q0 > 10 else None


_WIE_FRAME = re.compile(r",\s+wie\s+(?=\S)")


def wie_last(text: str, s: int, e: int) -> Found | None:
    """ "Das Team habe gut gespielt, wie Fink meinte.": a closing "wie"-clause with its
    speaker and a verb-final cue frames the sentence before it."""
    for m in _WIE_FRAME.finditer(text, s, e):
        cues = find_cues(text, m.end(), e)
        sp = np_after(text, m.end(), cues[0].start) if cues else None
        rest = text[cues[0].end : e].strip(" .!?") if cues else "x"
        if sp is None or rest or len(text[sp.end : cues[0].start].split()) > 4:
            continue
        q0, q1 = strip_span(text, s, m.start())
        if sentence_mood(text[q0:q1]) is None or len(text[q0:q1].split()) < 3:
            continue  # reported words are in Konjunktiv; "…, wie X erklärte" after facts
        return Found(q0, q1, "indirect", cue=cues[0].text, speaker=sp)
    return None


_FOR_FRAME = re.compile(r"\s*Für\s+(?=\S)")
_COPULA = re.compile(r"\s*(?:ist|sind|war|waren|wäre|sei)\b")


def for_person(text: str, s: int, e: int) -> Found | None:
    """ "Für Andrej Lankow, einen Nordkorea-Experten, ist das Treffen Teil einer
    Erpressung": a judgement framed by a named person (an entity mention) described in an
    apposition is their view ("Für Müller ist heute ein guter Tag" is not)."""
    m = _FOR_FRAME.match(text, s, e)
    sp = np_after(text, m.end(), e) if m is not None else None
    people = [(a, b) for a, b, t in ENTITY_SPANS.get() if t == "PER"]
    if sp is None or not any(a < sp.end and sp.start < b for a, b in people):
        return None
    close = text.find(",", sp.end + 1, min(e, sp.end + 160))
    if not text.startswith(",", sp.end) or close < 0:
        return None  # the apposition ("…, einen Nordkorea-Experten, ist") marks an expert view
    end = close + 1
    if _COPULA.match(text, end, e) is None:
        return None
    q0, q1 = strip_span(text, end, e)
    kind = "mixed" if has_quoted_words(text, q0, q1) else "indirect"
    return Found(q0, q1, kind, cue="für", speaker=sp) if q1 - q0 > 10 else None
