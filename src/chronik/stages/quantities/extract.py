"""Find quantities: number (digits or words, scale), unit, qualifier, measured noun phrase.

One regex proposes candidates; small filters reject what only looks like a quantity
(dates, clock times, "Covid-19", "G7", phone numbers, years). A measure given twice
("425 Meilen (680 Kilometer)") becomes one quantity; a calibre after a count ("3 Millionen
Stück 152 mm Artilleriegranaten") stays part of what is counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronik.stages.quantities.numbers import (
    DIGITS,
    SCALES,
    WEAK_WORDS,
    WORDS,
    parse_digits,
    parse_word,
)
from chronik.stages.quantities.units import SHORT_RE, UNIT_RE, lookup

_QUALS: dict[str, str] = {
    "mehr als": "more_than",
    "über": "more_than",
    "more than": "more_than",
    "over": "more_than",
    "weniger als": "less_than",
    "unter": "less_than",
    "less than": "less_than",
    "bis zu": "up_to",
    "up to": "up_to",
    "höchstens": "up_to",
    "mindestens": "at_least",
    "at least": "at_least",
    "etwa": "about",
    "rund": "about",
    "ungefähr": "about",
    "circa": "about",
    "ca.": "about",
    "knapp": "about",
    "fast": "about",
    "nahezu": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "nearly": "about",
    "almost": "about",
    "some": "about",
}
_QUAL_RE = "|".join(re.escape(q) for q in sorted(_QUALS, key=len, reverse=True))
_WORD_RE = "|".join(sorted(WORDS, key=len, reverse=True))
_SCALE_RE = (
    r"Millionen|Million|Milliarden|Milliarde|Billionen|Mio\.?|Mrd\.?|Tausend|Tsd\.?|"
    r"million|billion|thousand|millions|billions"
)
CANDIDATE = re.compile(
    rf"(?:(?P<qual>{_QUAL_RE})\s+)?"
    rf"(?:zwischen\s+|between\s+)?"
    rf"(?:(?P<num>{DIGITS})|(?P<word>\b(?:{_WORD_RE})\b))"
    rf"(?:\s*(?:-|–|bis|und|to|and)\s*(?P<num2>{DIGITS})(?!\s*Uhr))?"
    rf"(?:[\s-]+(?P<scale>{_SCALE_RE})(?![\w]))?"
    rf"(?:[\s-]*(?P<unit>{UNIT_RE}|(?<=\d\s)(?:{SHORT_RE})|(?<=\d)(?:{SHORT_RE}))(?![\w/]))?",
    re.IGNORECASE,
)
_MONTHS = r"Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
_NOT_AFTER = re.compile(
    rf"^(?:\.?\s*(?:{_MONTHS})|\s*(?:Uhr|GMT|UTC|Ortszeit|a\.m\.|p\.m\.)|:\d|/\d|\.\d)"
)
_NOUN_DE = re.compile(r"[A-ZÄÖÜ][\w]*(?:-[\w]+)*")
_ADJ = re.compile(r"[a-zäöüß][\w]*(?:e|en|er|es|em)$")


@dataclass
class Raw:
    start: int
    end: int
    value: float | None
    unit: str | None
    approx: str | None
    measured: str | None
    value_max: float | None = None
    dim: str = "count"


def find(text: str, lang: str | None) -> list[Raw]:
    out: list[Raw] = []
    skip_to = 0
    for m in CANDIDATE.finditer(text):
        if m.start() < skip_to or not _boundary_ok(text, m):
            continue
        raw = _build(text, m, lang)
        if raw is None:
            continue
        raw, consumed = _measured(text, raw, lang)
        skip_to = max(skip_to, consumed)
        if raw.unit is None and raw.measured is None:
            continue  # a bare number: a year, a rank, a list item
        if out and _same_measure_in_parens(text, out[-1], raw):
            out[-1] = _merge(text, out[-1], raw)
            continue
        out.append(raw)
    return out


def _boundary_ok(text: str, m: re.Match[str]) -> bool:
    s = m.start("num") if m.group("num") else m.start("word")
    before = text[max(0, s - 2) : s]
    if (
        before[-1:].isalnum()
        or before[-1:] in "+/"
        or (before[-1:] == "-" and before[:1].isalnum())
    ):
        return False  # Covid-19, G7, F-16, +49
    after = text[m.end() : m.end() + 12]
    if _NOT_AFTER.match(after):
        return False
    num = m.group("num") or ""
    digits = re.sub(r"\D", "", num)
    if m.group("num") and re.match(r"^\s?\d", after):
        return False  # phone numbers and codes: digit groups in a row
    return not (len(digits) >= 7 and not m.group("unit") and "." not in num and "," not in num)


def _build(text: str, m: re.Match[str], lang: str | None) -> Raw | None:
    if m.group("num"):
        value = parse_digits(m.group("num"), lang)
        if value is None:
            return None
        bare = not (m.group("unit") or m.group("scale"))
        if bare and 1800 <= value <= 2100 and re.fullmatch(r"\d{4}", m.group("num")):
            return None  # a year
    else:
        w = m.group("word").lower()
        if w in WEAK_WORDS and not m.group("unit"):
            return None
        value = parse_word(w)
    if value is None:
        return None
    scale = m.group("scale")
    if scale:
        value *= SCALES.get(scale.lower().rstrip("."), 1.0)
    vmax = parse_digits(m.group("num2"), lang) if m.group("num2") else None
    unit, dim = None, "count"
    if m.group("unit"):
        u = lookup(m.group("unit"))
        if u is not None:
            unit, factor, dim = u
            value *= factor
            vmax = vmax * factor if vmax is not None else None
    approx = _QUALS.get((m.group("qual") or "").lower()) or ("range" if vmax is not None else None)
    start = m.start() if m.group("qual") else m.start("num") if m.group("num") else m.start("word")
    return Raw(start, m.end(), value, unit, approx, None, vmax, dim)


_LINK = frozenset(
    [
        "lang",
        "lange",
        "langen",
        "langer",
        "langes",
        "long",
        "hohe",
        "hoher",
        "hohen",
        "breite",
        "breiten",
    ]
)
_WORD_AT = re.compile(r"[ \t]+([\w-]+)")


def _measured(text: str, raw: Raw, lang: str | None) -> tuple[Raw, int]:
    """The counted or measured noun phrase after (or, "Strecke von 650 km", before) it."""
    pos = raw.end
    m = re.match(r"-(\w+)(?:-(\w+))?", text[pos : pos + 80])
    if m:  # 50-Milliarden-Dollar-Kreditlinie
        raw.measured = m.group(m.lastindex or 1)
        return raw, pos + m.end()
    attr = re.match(r"[ \t]+Stück(?:[ \t]+(\d+[ \t]?mm))?", text[pos : pos + 40])
    cur = pos + (attr.end() if attr else 0)
    phrase: list[str] = [attr.group(1)] if attr and attr.group(1) else []
    linked = raw.unit is None
    end = pos
    for _ in range(6):
        w = _WORD_AT.match(text, cur)
        if w is None:
            break
        tok = w.group(1)
        if tok in _LINK:
            linked, cur = True, w.end()
            continue
        if lang != "en" and _ADJ.fullmatch(tok) and raw.unit is None:
            phrase.append(tok)
            cur = w.end()
            continue
        if linked and (_NOUN_DE.fullmatch(tok) or (lang == "en" and tok.isalpha())):
            phrase.append(tok)
            end = w.end()
        break
    if end > pos and phrase:
        raw.measured = " ".join(phrase)
        if raw.unit is None:
            raw.end = end  # a count spans what it counts: "6.700 Container"
        return raw, end
    if raw.unit is not None:
        window = text[max(0, raw.start - 60) : raw.start]
        before = re.search(r"([A-ZÄÖÜ][\w-]+)\s+(?:von|of)\s+(?:\S+\s+)?$", window)
        raw.measured = before.group(1) if before else None
    return raw, pos


def _same_measure_in_parens(text: str, prev: Raw, cur: Raw) -> bool:
    between = text[prev.end : cur.start]
    return (
        prev.unit is not None
        and prev.unit == cur.unit
        and re.fullmatch(r"\s*\(\s*", between) is not None
        and text[cur.end : cur.end + 3].lstrip().startswith(")")
    )


def _merge(text: str, prev: Raw, cur: Raw) -> Raw:
    close = text.index(")", cur.end) + 1
    metric = cur if re.search(r"[Kk]ilomet|km|Meter", text[cur.start : cur.end]) else prev
    return Raw(
        prev.start,
        close,
        metric.value,
        prev.unit,
        prev.approx or cur.approx,
        prev.measured or cur.measured,
        metric.value_max,
        prev.dim,
    )
