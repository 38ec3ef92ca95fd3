"""Shared pieces of the quote finders: candidate records, sentences, cue lookup."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chronik.stages.quotes.cues import (
    COPULAS,
    FINAL_PARTICLE,
    NEEDS_DAVON,
    OPINION_NOUNS,
    SEPARABLE,
    SHOW_VERBS,
    STANCE_ADJ,
    VERBS,
)
from chronik.stages.quotes.mood import word_class
from chronik.stages.quotes.speakers import TOKEN, SpeakerNP

_SENT_END = re.compile(r"(?<=[.!?…])[“”\"«»]?\s+(?=[„“\"»«(]?[A-ZÄÖÜ0-9])|\n+")


_WORDS = re.compile(r"\w+")
_CUE_WORDS = VERBS | OPINION_NOUNS | STANCE_ADJ


@dataclass
class Found:
    """A quote candidate before speaker resolution (mutable while the finders work)."""

    start: int
    end: int
    type: str
    cue: str | None = None
    speaker: SpeakerNP | None = None
    inherit: bool = False  # take the speaker of a neighbouring quote
    fallback: SpeakerNP | None = None  # speaker when there is none to inherit
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
    if _CUE_WORDS.isdisjoint(_WORDS.findall(text, start, end)):
        return []  # the common case, without building token tuples
    toks = [
        (m.start() + start, m.end() + start, m.group()) for m in TOKEN.finditer(text[start:end])
    ]
    out: list[Cue] = []
    for i, (s, e, w) in enumerate(toks):
        if w in OPINION_NOUNS or w in STANCE_ADJ:
            phrase = _phrase_cue(toks, i)
            out.extend([phrase] if phrase else [])
            continue
        if w not in VERBS:
            continue
        if w in {"hieß", "heißt"}:
            if (i + 1 < len(toks) and toks[i + 1][2] == "es") or (i and toks[i - 1][2] == "es"):
                out.append(Cue(s, e, f"{w} es"))
            continue
        particles = SEPARABLE.get(w)
        if particles is None:
            if not _attributive(toks, i) and _joined_sense(toks, i):
                out.append(Cue(s, e, w))
            continue
        prev = ""
        for _s2, _e2, w2 in toks[i + 1 : i + 25]:
            if w2 in {".", ";", "„", "“", '"'}:
                break
            final = w in FINAL_PARTICLE or w2 == "zu"
            if final and w2 in particles and _next_word(toks, _s2) not in {",", ".", ";", ":"}:
                prev = w2
                continue  # "zu" before a verb or noun: a preposition, not the particle
            if w2 in particles and (w not in NEEDS_DAVON or prev == "davon"):
                out.append(Cue(s, e, f"{w} {w2}"))
                break
            prev = w2
    return out


_ARTICLES = frozenset(["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem"])
# "Priorität eingeräumt", "Vorrang einräumte": granted, not admitted
_GRANTED = frozenset(["Priorität", "Vorrang", "Vorzug", "Frist", "Recht", "Rechte", "Platz"])


def _joined_sense(toks: list[tuple[int, int, str]], i: int) -> bool:
    """A joined verb in its speech sense: "ausgeht" only after "davon" ("die Gefahr, die von
        X ausgeht" is no assumption), "eingeräumt" not with a granted thing as object, "meldet
    sich" only "zu Wort" or "mit den Worten"."""
    w = toks[i][2]
    before = {t[2] for t in toks[max(0, i - 8) : i]}
    if w in {"ausgeht", "ausging"}:
        return "davon" in before
    if w in {"eingeräumt", "einräumte"}:
        return before.isdisjoint(_GRANTED)
    if w.startswith("meld") and i + 1 < len(toks) and toks[i + 1][2] == "sich":
        words = {t[2] for t in toks[i + 2 : i + 7]}  # "Zeugen melden sich": contact
        return not words.isdisjoint({"Wort", "Worten"})  # "zu Wort", "mit den Worten"
    return True


def _attributive(toks: list[tuple[int, int, str]], i: int) -> bool:
    """ "das mit Spannung erwartete Urteil": a participle between an article and its noun
    is an adjective, not a speech verb (but "das bestätigte X", "sagte der Sprecher")."""
    nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
    if not (toks[i][2].endswith("e") and nxt[:1].isupper()) or i < 2:
        return False
    arts = [j for j in range(max(0, i - 3), i - 1) if toks[j][2].lower() in _ARTICLES]
    opened = bool(arts) and toks[arts[-1] + 1][2][:1].islower()  # "das mit …", "die lang …"
    return opened and word_class(nxt) == "noun"


def _phrase_cue(toks: list[tuple[int, int, str]], i: int) -> Cue | None:
    """ "ist der Meinung", "zeigte sich (am Montag) überzeugt": a cue of several words."""
    e, w = toks[i][1], toks[i][2]
    if w in OPINION_NOUNS:
        if i >= 2 and toks[i - 1][2] == "der" and toks[i - 2][2] in COPULAS:
            return Cue(toks[i - 2][0], e, f"{toks[i - 2][2]} der {w}")
        return None
    show = _shown(toks, i)
    return Cue(show[0], e, f"{show[2]} sich {w}") if show is not None else None


def _shown(toks: list[tuple[int, int, str]], i: int) -> tuple[int, int, str] | None:
    """The "zeigte" of "zeigte sich (am Montag) überzeugt" within four words before `i`."""
    window = toks[max(0, i - 5) : i]
    words = [t[2] for t in window]
    if "sich" not in words:
        return None
    k = words.index("sich")
    return window[k - 1] if k > 0 and words[k - 1] in SHOW_VERBS else None


def _next_word(toks: list[tuple[int, int, str]], start: int) -> str:
    return next((t[2] for t in toks if t[0] > start), ".")


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and the sentence's final punctuation off a clause span."""
    while start < end and text[start] in " \n\t,:–—-":
        start += 1
    while end > start and text[end - 1] in " \n\t.,;:–—-":
        end -= 1
    return start, end
