"""Metadata recovery from plain-text lines: date/outlet lines, outlet lines, datelines,
contributor lines and the title.

Scraped plain text keeps what a page showed around the article (`date 2023-09 Von
Euronews`, a lone "CNN", "SEOUL:", "Additional reporting by ..."); these are facts about
the article, so they become fields instead of being thrown away with the boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronik.stages.clean.lines import Line

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "januar january janvier enero gennaio jan",
            "februar february février febrero febbraio feb",
            "märz march mars marzo mar",
            "april avril abril aprile apr",
            "mai may mayo maggio",
            "juni june juin junio giugno jun",
            "juli july juillet julio luglio jul",
            "august août agosto aug",
            "september septembre septiembre settembre sep sept",
            "oktober october octobre octubre ottobre okt oct",
            "november novembre noviembre nov",
            "dezember december décembre diciembre dicembre dez dec",
        )
    )
    for m in names.split()
}
_ISO = r"(?P<iso>\d{4}-\d{2}(?:-\d{2})?)"
_DMY = r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})"
_DMONY = r"(?P<d2>\d{1,2})\.?\s(?P<mon>[^\W\d_]{3,10})\.?\s(?P<y2>\d{4})"
_MONDY = r"(?P<mon3>[^\W\d_]{3,10})\.?\s(?P<d3>\d{1,2}),?\s(?P<y3>\d{4})"
_DATE = rf"(?:{_ISO}|{_DMY}|{_DMONY}|{_MONDY})"
_BY = r"(?:von|by|par|por|di|от)"
DATE_LINE_RE = re.compile(
    rf"^(?:(?P<kw>date|datum|published|veröffentlicht(?: am)?|publié le|publicado|pubblicato|"
    rf"stand|updated|aktualisiert(?: am)?)\s*:?\s*)?{_DATE}"
    rf"(?:,?\s*(?:um\s)?\d{{1,2}}[:.]\d{{2}}(?:\s?uhr)?)?\s*(?:[|,–—-]\s*)?"
    rf"(?:(?P<by>{_BY}\s+)?(?P<outlet>\S.{{1,60}}))?$",
    re.IGNORECASE,
)
CONTRIB_RE = re.compile(
    r"^(?P<cue>zusätzliche berichterstattung(?: von)?|mitarbeit(?: von)?|mit material von|"
    r"additional reporting(?: by)?|reporting by|contributed reporting(?: by)?|"
    r"with reporting by|avec|con la colaboración de|hanno collaborato)\s*:?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_WEAK_CUES = frozenset({"avec", "mitarbeit", "mitarbeit von"})
_NAME_SPLIT_RE = re.compile(r",\s*|\s+(?:und|and|et|y|e|и)\s+")
_NAME_PLACE_RE = re.compile(r"\s+(?:in|à|en|a|in der|aus|from|в)\s+[A-ZÀ-ÖØ-ÞА-Я][\w\s-]*$")
_NAME_RE = re.compile(r"^[A-ZÀ-ÖØ-ÞА-Я][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-ÞА-Яa-z][\w'’.-]*){0,4}$")
DATELINE_RE = re.compile(
    r"^(?P<place>[A-ZÄÖÜÀ-ÞА-Я][A-ZÄÖÜÀ-ÞА-Я .'’-]{1,30}?)"
    r"(?:\s*\((?P<agency>[\w/ .-]{1,20})\))?(?:,\s*\d{1,2}\.?\s+[^\W\d_]+)?\s*[:–—-]\s+\S"
)


def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


# Outlet names a bare header line may carry (wire services and broadcasters, our own list).
KNOWN_OUTLETS = _words(
    "cnn bbc reuters ap afp dpa apa ansa efe euronews orf ard zdf tass ria novosti kyodo "
    "yonhap bloomberg nyt sda kna epd al jazeera"
)


BYLINE_RE = re.compile(
    r"^(?:von|by|par|por|di|от|автор:?)\s+(?P<who>[^|·•,–—:]{3,60}?)\s*(?:[|·•,–—].*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMeta:
    published: str
    outlet: str | None


def _iso(m: re.Match[str]) -> str | None:
    """The ISO (or TIMEX3 month) value of a `_DATE` match, None when it is not a real date."""
    if m.group("iso"):
        return m.group("iso")
    if m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        y = int(m.group("y2") or m.group("y3"))
        mo = _MONTHS.get((m.group("mon") or m.group("mon3") or "").casefold(), 0)
        d = int(m.group("d2") or m.group("d3"))
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def parse_date_line(line: Line) -> DateMeta | None:
    """`date 2023-09 Von Euronews` -> DateMeta("2023-09", "Euronews")."""
    if line.tokens > 14:
        return None
    m = DATE_LINE_RE.match(line.text)
    if not m:
        return None
    value = _iso(m)
    if value is None or (m.group("outlet") and not (m.group("by") or m.group("kw"))):
        return None  # "12. September 2023 begann ..." is a sentence, not a date line
    outlet = (m.group("outlet") or "").strip(" .") or None
    return DateMeta(value, outlet)


def parse_contributors(line: Line, near_end: bool = True) -> tuple[str, ...] | None:
    """Names from "Zusätzliche Berichterstattung von X und Y" (None when not such a line).

    Cues that also open ordinary text ("Avec Kim et Poutine") count only `near_end`.
    """
    if line.tokens > 30:
        return None
    m = CONTRIB_RE.match(line.text)
    if not m or (m.group("cue").casefold() in _WEAK_CUES and not near_end):
        return None
    names = []
    for part in _NAME_SPLIT_RE.split(m.group("names").strip(" .")):
        name = _NAME_PLACE_RE.sub("", part.strip())
        if not _NAME_RE.match(name):
            return None
        names.append(name)
    return tuple(names) or None


def parse_byline(line: Line) -> str | None:
    """The author of a byline near the top: "Von Katrin Beispiel |" -> "Katrin Beispiel"."""
    if line.tokens > 16 or line.terminal:
        return None
    m = BYLINE_RE.match(line.text)
    return m.group("who").strip() if m else None


def outlet_line(line: Line) -> str | None:
    """A bare header line that names the outlet: "CNN", "Reuters" (not quoted labels)."""
    if line.tokens > 3 or not line.has_letters or line.terminal:
        return None
    text = line.text
    if text.casefold() in KNOWN_OUTLETS:
        return text
    if line.tokens == 1 and text.isupper() and text.isalpha() and 2 <= len(text) <= 6:
        return text
    return None


def dateline(text: str) -> str | None:
    """The place of a dateline opening the body: "SEOUL: ..." -> "Seoul"."""
    m = DATELINE_RE.match(text[:80])
    if not m:
        return None
    place = m.group("place").strip()
    if not place.isupper() and not m.group("agency"):
        return None  # "Berlin - ..." without agency is too often ordinary text
    if len(place) < 3 or any(len(w) < 2 for w in place.split()):
        return None
    return " ".join(w.capitalize() for w in place.split())


def title_like(line: Line, repeated: bool = False) -> bool:
    """A headline: a few words, no closing full stop (unless repeated as a standfirst)."""
    if not 2 <= line.tokens <= 30 or len(line.text) > 250 or not line.has_letters:
        return False
    if line.text.isupper() and line.tokens > 3:
        return False
    end = line.text.rstrip("\"'“”»«’")[-1:]
    if end in ".;,:":
        return repeated and end == "." and line.text.count(". ") == 0
    return not line.ellipsis
