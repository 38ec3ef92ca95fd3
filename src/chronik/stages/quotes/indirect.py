"""Indirect, reported and according-to quotes, sentence by sentence.

Patterns (German first, English alike):
- cue first:  "Peskow sagte, Putin werde …" / "Zudem kündigte er an, …" / "X said (that) …"
- cue last:   "Der Schwerpunkt werde …, sagte Peskow." / "…, so Kremlsprecher Peskow."
- according:  "Laut TASS …", "Nach Angaben des JCS …", "US-Beamten zufolge …"
- free indirect: a Konjunktiv I sentence right after a quote continues that quote.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.common import Found, find_cues, strip_span
from chronik.stages.quotes.cues import ACCORDING_BEFORE, KONJ1, KONJ2
from chronik.stages.quotes.speakers import TOKEN, SpeakerNP, np_after, np_before

MAX_GAP_TOKENS = 14
MAX_FOUND = 500  # between a leading cue and the comma that opens the reported clause
_WORD = re.compile(r"\w+")
_OPENERS = '„“"»«'


def find_indirect(text: str, bounds: list[tuple[int, int]], lang: str | None) -> list[Found]:
    out: list[Found] = []
    prev_quoted = -10
    for k, (s, e) in enumerate(bounds):
        if len(out) >= MAX_FOUND:
            break
        if e - s > 2000:
            continue  # no speech pattern spans a runaway "sentence"
        found = _sentence(text, s, e, lang)
        if found is None and k - prev_quoted <= 2 and _has_konj1(text, s, e):
            s2, e2 = strip_span(text, s, e)
            found = Found(s2, e2, "indirect", inherit=True)
            found.extra["free"] = "1"
        if found is not None:
            out.append(found)
            prev_quoted = k
        elif _mentions_quote(text, s, e):
            prev_quoted = k
    return out


def _mentions_quote(text: str, s: int, e: int) -> bool:
    return any(c in text[s:e] for c in _OPENERS) and bool(find_cues(text, s, e))


def _has_konj1(text: str, s: int, e: int) -> bool:
    words = _WORD.findall(_unquoted(text[s:e]))
    return any(w in KONJ1 for w in words)


def _unquoted(seg: str) -> str:
    return re.sub(r"„[^“”\"]*[“”\"]|»[^«]*«|“[^”]*”|\"[^\"]*\"", " ", seg)


def _sentence(text: str, s: int, e: int, lang: str | None) -> Found | None:
    stripped = text[s:e].strip()
    if stripped[:1] in _OPENERS and _closes_before_cue(stripped):
        return None  # „…“, sagte X: a direct quote, handled by the marks
    return _cue_first(text, s, e) or _according(text, s, e) or _cue_last(text, s, e)


def _closes_before_cue(seg: str) -> bool:
    m = re.search(r"[“”\"«»][\s,]*(so|sagte|sagten|fügte|erklärte|said|betonte|meinte)\b", seg)
    return bool(m)


def _cue_first(text: str, s: int, e: int) -> Found | None:
    for cue in find_cues(text, s, e):
        if re.search(r"[“”\"«»]\s*,?\s*$", text[s : cue.start]):
            continue  # „…“, sagte X: the direct quote owns this cue
        rest = text[cue.end : e]
        m = re.search(r",\s*|:\s+(?=[^„“\"»])|\s(?=dass\b|that\b|ob\b)", rest)
        if m is None or len(TOKEN.findall(rest[: m.start()])) > MAX_GAP_TOKENS:
            if cue.text in {"said", "says", "told", "added", "warned", "stated"}:
                m = re.match(r"\s*", rest)
            if m is None:
                continue
        if cue.text.split()[0] in {"gab", "gaben"} and "," not in rest[: m.end()]:
            continue
        q0, q1 = strip_span(text, cue.end + m.end(), e)
        if q1 - q0 < 12 or len(text[q0:q1].split()) < 3:
            continue
        before = np_before(text, cue.start, s)
        touching = before is not None and not text[before.end : cue.start].strip()
        sp = before if touching else np_after(text, cue.end, cue.end + m.start())
        if sp is None:
            sp = before or _subject(text, s, cue.start)
        kind = "mixed" if any(c in text[q0:q1] for c in _OPENERS) else "indirect"
        return Found(q0, q1, kind, cue=cue.text, speaker=sp)
    return None


def _subject(text: str, s: int, cue_start: int) -> SpeakerNP | None:
    """The sentence-initial pronoun or name ("Er lobte …, und sagte, …")."""
    sp = np_after(text, s, cue_start)
    return sp if sp is not None and (sp.pronoun or sp.name) and sp.start - s < 3 else None


def _cue_last(text: str, s: int, e: int) -> Found | None:
    seg = text[s:e]
    for m in re.finditer(r",\s+(so)\s+(?=[A-ZÄÖÜ]|der |die |das )", seg):
        sp = np_after(text, s + m.end(), e)
        if sp is not None and len(text[sp.end : e].split()) <= 4:
            q0, q1 = strip_span(text, s, s + m.start())
            return Found(q0, q1, _kind(text, q0, q1), cue="so", speaker=sp)
    for cue in find_cues(text, s, e):
        head = text[s : cue.start].rstrip()
        if not head.endswith(",") or len(head.split()) < 3:
            continue
        sp = np_after(text, cue.end, e)
        if sp is None:
            continue
        q0, q1 = strip_span(text, s, s + len(head))
        return Found(q0, q1, _kind(text, q0, q1), cue=cue.text, speaker=sp)
    return None


def _kind(text: str, q0: int, q1: int) -> str:
    return "mixed" if any(c in text[q0:q1] for c in _OPENERS) else "indirect"


def _according(text: str, s: int, e: int) -> Found | None:
    seg = text[s:e]
    if re.search(r":\s*[„“\"»]", seg):
        return None  # "… sagte X laut Medien: „…“" is a direct quote
    m = ACCORDING_BEFORE.search(seg)
    if m is not None:
        sp = np_after(text, s + m.end(), e)
        if sp is None:
            return None
        cue = m.group().strip().split()[0].lower()
        head = text[s : s + m.start()].strip()
        if len(head.split()) <= 1:
            q0, q1 = strip_span(text, sp.end, e)
        else:
            q0, q1 = strip_span(text, s, e)
        return Found(q0, q1, "indirect", cue=cue, speaker=sp) if q1 - q0 > 10 else None
    z = re.search(r"\s(zufolge)\b", seg)
    if z is not None:
        sp = np_before(text, s + z.start(), s)
        if sp is None or sp.text.lower() in {"berichten", "medienberichten", "angaben"}:
            return None
        q0, q1 = strip_span(text, s + z.end(), e) if sp.start - s < 3 else strip_span(text, s, e)
        return Found(q0, q1, "indirect", cue="zufolge", speaker=sp) if q1 - q0 > 10 else None
    return None


def konj_marked(text: str, q0: int, q1: int) -> bool:
    words = _WORD.findall(text[q0:q1])
    return any(w in KONJ1 or w in KONJ2 for w in words)


__all__ = ["find_indirect", "konj_marked", "np_before"]
