"""Shared pieces of the quote finders: candidate records, sentences, cue lookup."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chronik.stages.quotes.cues import NEEDS_DAVON, SEPARABLE, VERBS
from chronik.stages.quotes.speakers import TOKEN, SpeakerNP

_SENT_END = re.compile(r"(?<=[.!?…])[“”\"«»]?\s+(?=[„“\"»«(]?[A-ZÄÖÜ0-9])|\n+")


_WORDS = re.compile(r"\w+")


@dataclass
class Found:
    """A quote candidate before speaker resolution (mutable while the finders work)."""

    start: int
    end: int
    type: str
    cue: str | None = None
    speaker: SpeakerNP | None = None
    inherit: bool = False  # take the speaker of a neighbouring quote
    extra: dict[str, str] = field(default_factory=dict)


def split_sentences(text: str, lang: str | None = "de") -> list[tuple[int, int]]:
    """The sentences stage's splitter (used when that stage has not run): it knows
    abbreviations and ordinals ("am 27. März"), which the quote patterns need intact."""
    try:
        from chronik.stages.sentences import split_sentences as split
    except ImportError:  # pragma: no cover - the sentences stage ships with the package
        return _regex_split(text)
    return split(text, lang)


def _regex_split(text: str) -> list[tuple[int, int]]:
    """Last-resort regex splitter."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if m.start() > pos and text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        out.append((pos, len(text.rstrip())))
    return out


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str  # "sagte", "teilte mit"


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Speech-verb cues in text[start:end]; separable verbs need their particle later on."""
    if VERBS.isdisjoint(_WORDS.findall(text, start, end)):
        return []  # the common case, without building token tuples
    toks = [
        (m.start() + start, m.end() + start, m.group()) for m in TOKEN.finditer(text[start:end])
    ]
    out: list[Cue] = []
    for i, (s, e, w) in enumerate(toks):
        if w not in VERBS:
            continue
        if w in {"hieß", "heißt"}:
            if (i + 1 < len(toks) and toks[i + 1][2] == "es") or (i and toks[i - 1][2] == "es"):
                out.append(Cue(s, e, f"{w} es"))
            continue
        particles = SEPARABLE.get(w)
        if particles is None:
            out.append(Cue(s, e, w))
            continue
        prev = ""
        for _s2, _e2, w2 in toks[i + 1 : i + 25]:
            if w2 in {".", ";", "„", "“", '"'}:
                break
            if w2 in particles and (w not in NEEDS_DAVON or prev == "davon"):
                out.append(Cue(s, e, f"{w} {w2}"))
                break
            prev = w2
    return out


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and the sentence's final punctuation off a clause span."""
    while start < end and text[start] in " \n\t,:–—-":
        start += 1
    while end > start and text[end - 1] in " \n\t.,;:–—-":
        end -= 1
    return start, end
