"""German temporal expressions: the handlers behind the rule table in `rules_de`.

Spans follow the TimeML convention (KRAUTS): prepositions ("am", "im", "seit") stay
outside the timex (group "t"), determiners and modifiers ("den letzten", "mehr als")
inside. Ideas on coverage from HeidelTime's German resources; the code is our own.
"""

from __future__ import annotations

import re

from chronik.stages.time import common as c
from chronik.stages.time import lexicon as lx
from chronik.stages.time.calendar import (
    shift_days,
    shift_unit,
)
from chronik.stages.time.common import MON_FULL_DE as MON_FULL
from chronik.stages.time.common import I, g
from chronik.stages.time.engine import Ctx, Hit

TEMPORAL_PREV = re.compile(
    r"(?:\b(?:im|in|seit|bis|ab|von|vom|vor|nach|zwischen|und|oder|um|Jahr|Jahre|Ende|Anfang|"
    r"Mitte|Beginn|Sommer|Winter|Herbst|Frühjahr|Frühling|zum|des|Jahrgang)|[–(/-])\s*$",
    I,
)


def _bare_month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Maps "im Juli", "Anfang Juni": a month of the anchor's year, moved by tense."""
    word = m.group("mon").lower()
    month = lx.MONTHS[word]
    around = ctx.text[max(0, m.start() - 12) : m.end() + 12].lower()
    if around.count(word) > 1 and re.search(rf"{word},\s*{word}\b", around):
        return None  # "April, April!"
    if not g(m, "pre") and not g(m, "pos"):
        before = ctx.text[max(0, m.start() - 20) : m.start()]
        listed = re.search(rf"\b(?:{MON_FULL})\s*(?:und|bis|oder|/|–|-|,)\s*$", before, I)
        if word in lx.AMBIGUOUS_MONTHS and not listed:
            return None  # "Theresa Mai", "August Bebel"
    ref = ctx.ref(f"XXXX-{month:02d}")
    year = c.year_guess(ref, month, ctx)
    return Hit("DATE", f"{year:04d}-{month:02d}", mod=c.position_mod(g(m, "pos")))


def _year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """A bare year only where a year is likely: temporal neighbour or a lower-case word next."""
    y = int(m.group("y"))
    start = m.start("t")
    before = ctx.text[max(0, start - 14) : start]
    after = ctx.text[m.end() : m.end() + 24]
    anchored = bool(g(m, "pre") or g(m, "pos") or g(m, "jahr") or TEMPORAL_PREV.search(before))
    if _BIBLIO.match(after) and 1450 <= y <= 2099:
        return Hit("DATE", f"{y:04d}")  # "Verlag, Stuttgart 2000 - 299 S."
    if re.match(r"\s*\d", after) or re.search(r"\d\s$", before):
        return None  # phone numbers, long digit groups
    if re.match(r"\s*(?:%|Prozent|Euro|Dollar|Franken|Mio|Mrd|km|m\b|kg|t\b|Tonnen|€|\$)", after):
        return None
    if re.match(r"\s*(?:bis|-|–)\s*(?!(?:1\d|20)\d\d\b)\d", after):
        return None  # "2000 bis 3000 Grad"
    if y > 2099 or re.match(r"\s*(?:Meter\w*|Grad|Kilo\w*|Einwohner\w*|Stück|Mal)\b", after):
        return None
    noun_next = re.match(r"[ \t]+[A-ZÄÖÜ]", after) is not None  # same line: "2000 Menschen"
    if noun_next and re.search(r"\b\d{1,3}\b", ctx.text[max(0, start - 30) : start]):
        return None  # counting: "34 Schiffe und 1370 Landungsboote"
    if anchored:
        if y < 1000:
            return None
        aside = _ASIDE.search(before) is not None and not g(m, "pos")
        return Hit("DATE", f"{y:04d}", mod=c.position_mod(g(m, "pos")), anchors=not aside)
    if y >= 1000 and _alone_on_line(ctx.text, start, m.end()):
        return Hit("DATE", f"{y:04d}")  # a year alone on a line: a section heading
    if noun_next or not (1900 <= y <= 2099 or (y >= 1400 and _LOWER_NEXT.match(after))):
        return None  # before 1900 only with a lower-case word next: "Las Casas 1550 in seiner"
    return Hit("DATE", f"{y:04d}")


# A year after these words marks a boundary or a comparison ("ab 1941 ausgearbeitet",
# "wie 1914", "Jahrgang 1900"): the narrative stays in its own year.
_ASIDE = re.compile(r"\b(?:ab|seit|bis|von|vor|nach|wie|Jahrgangs?)\s*$", I)


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """True for a span that is the whole of its line (a heading such as "1861")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


_BIBLIO = re.compile(r"\s*[-–]?\s*\d{1,4}\s*S\.")
_LOWER_NEXT = re.compile(r"\s+(?:in|an|auf|aus|bei|mit|nach|von|vor|zu|und|als|wurde|war|hatte)\b")


def _year_range(m: re.Match[str], ctx: Ctx) -> Hit | list[Hit] | None:
    """ "1999 bis 2008", "2009-2011", "2005/2010": two years (or one range)."""
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not (1000 <= y1 < y2 <= 2099):
        return None
    if ctx.ranges and m.group("conj") != "/":
        return Hit("DATE", f"{y1:04d}", end_value=f"{y2:04d}")
    return [
        Hit("DATE", f"{y1:04d}", start=m.start("y1"), end=m.end("y1")),
        Hit("DATE", f"{y2:04d}", start=m.start("y2"), end=m.end("y2")),
    ]


_SEASON_MID = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}  # winter is named by its January


def _season(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """A season in the year the tense points to: past -> latest begun, future -> next."""
    season = lx.SEASONS[m.group("s").lower()]
    if m.group("t") == m.group("s") and c.after_name(ctx.text, m.start("t")):
        return None  # "Dr. Stefan Sommer"
    mod = c.position_mod(g(m, "pos"))
    y_txt = g(m, "y")
    if y_txt:
        return Hit("DATE", c.season_value(season, int(y_txt)), mod=mod)
    ref = ctx.ref(f"XXXX-{season}")
    rel = c.rel_direction(g(m, "rel"))
    if ctx.story_mode and rel is None:  # a narrative's season: its current year, moving on
        return Hit(
            "DATE", c.season_value(season, c.year_guess(ref, _SEASON_MID[season], ctx)), mod=mod
        )
    direction = rel if rel is not None else ctx.tense
    now = ref.year * 12 + (ref.month or 6)
    cands = [(y * 12 + _SEASON_MID[season], y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if direction < 0:
        year = max((c_ for c_ in cands if c_[0] - 2 <= now), default=cands[0])[1]
        year -= (
            1 if rel == -1 and year == ref.year and cands[1][0] - 2 <= now <= cands[1][0] + 1 else 0
        )
    elif direction > 0:
        year = min((c_ for c_ in cands if c_[0] + 1 >= now), default=cands[-1])[1]
    else:
        year = min(cands, key=lambda c_: abs(c_[0] - now))[1]
    return Hit("DATE", c.season_value(season, year), mod=mod)


def _part_of_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    nums = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "letzten": 4}
    raw = m.group("n").lower().rstrip(".")
    n = nums.get(raw) or (int(raw) if raw.isdigit() else 0)
    half = m.group("u").lower().startswith(("jahresh", "halbj"))
    if half and raw == "letzten":
        n = 2
    if not n or n > (2 if half else 4):
        return None
    y_txt = g(m, "y")
    year = int(y_txt) if y_txt else ctx.ref(f"XXXX-{'H' if half else 'Q'}{n}").year
    return Hit("DATE", f"{year:04d}-{'H' if half else 'Q'}{n}")


_REF_WORDS = {
    "jetzt": "PRESENT_REF", "nun": "PRESENT_REF", "derzeit": "PRESENT_REF",
    "zurzeit": "PRESENT_REF", "zur zeit": "PRESENT_REF", "gegenwärtig": "PRESENT_REF",
    "momentan": "PRESENT_REF", "moment": "PRESENT_REF", "heutigen": "PRESENT_REF",
    "heutige": "PRESENT_REF", "gegenwart": "PRESENT_REF", "dieser tage": "PRESENT_REF",
    "diesen tagen": "PRESENT_REF", "heutzutage": "PRESENT_REF", "im moment": "PRESENT_REF",
    "zur stunde": "PRESENT_REF", "letzter zeit": "PAST_REF", "vergangenen zeit": "PAST_REF",
    "vergangener zeit": "PAST_REF", "vergangenen zeiten": "PAST_REF",
    "vergangener zeiten": "PAST_REF", "vergangene zeit": "PAST_REF", "damals": "PAST_REF",
    "früher": "PAST_REF",
    "kürzlich": "PAST_REF", "vor kurzem": "PAST_REF", "vor kurzer zeit": "PAST_REF",
    "jüngst": "PAST_REF", "neulich": "PAST_REF", "unlängst": "PAST_REF",
    "vergangenheit": "PAST_REF", "einst": "PAST_REF", "bald": "FUTURE_REF",
    "demnächst": "FUTURE_REF", "künftig": "FUTURE_REF", "zukünftig": "FUTURE_REF",
    "zukunft": "FUTURE_REF", "in kürze": "FUTURE_REF",
}  # fmt: skip


_COMPARATIVE_BEFORE = re.compile(
    r"(?:\bMin\.|\b(?:Minuten|Stunden|Tage[n]?|Wochen|Monate[n]?|Jahre[n]?|viel|etwas|deutlich|"
    r"wesentlich|noch|umso))\s+$",
    I,
)


def _ref_word(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = " ".join(m.group("t").lower().split())
    if word == "früher" and (
        re.match(r"\s+als\b", ctx.text[m.end() : m.end() + 5])
        or _COMPARATIVE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    ):
        return None  # comparative "früher als erwartet", "fährt 5 Min. früher ab"
    if word == "diesen tagen" and ctx.style == "timeml":
        return Hit("DURATION", "PXD", vague=True)  # It-TimeML: "in [diesen Tagen]"
    value = _REF_WORDS.get(word)
    return Hit("DATE", value, vague=True) if value else None


def _daypart(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "am Abend" on the day the text is talking about (last stated date, else the DCT)."""
    dp = m.group("dp").lower().removesuffix("s")
    value, vague = shift_days(ctx.local_ref(), 0)
    return Hit("TIME", value + lx.DAYPARTS.get(dp, ""), vague=vague)


_UNIT_OF_REL = {"woche": "W", "monat": "M", "jahr": "Y", "wochenende": "WE"}


def _relative_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Maps "vergangene Woche" -> 2023-W36; "dieses Jahres" -> 2023; "am Wochenende" -> week-WE."""
    word = m.group("u").lower()
    unit = next(v for k, v in sorted(_UNIT_OF_REL.items(), key=lambda kv: -len(kv[0]))
                if word.startswith(k))  # fmt: skip
    rel = c.rel_direction(g(m, "rel"))
    n = rel if rel is not None else 0
    mod = c.position_mod(g(m, "pos"))
    if unit == "WE":
        value, vague = shift_unit(ctx.ref("XXXX-WXX-WE"), "W", n)
        return Hit("DATE", f"{value}-WE", vague=vague, mod=mod)
    placeholder = {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}[unit]
    if _SAME.match(g(m, "rel") or "-") or (unit == "Y" and rel is None):
        recent = ctx.recent_year()  # "1991 ... Ende des Jahres", "im selben Monat"
        if recent is not None and (unit == "Y" or recent.month is not None):
            return Hit("DATE", shift_unit(recent, unit, 0)[0], mod=mod)
    value, vague = shift_unit(ctx.ref(placeholder), unit, n)
    return Hit("DATE", value, vague=vague, mod=mod)


_SAME = re.compile(r"selb|gleich|-", re.I)


_PREV = {"vorjahr": ("Y", -1), "vormonat": ("M", -1), "vorwoche": ("W", -1),
         "vortag": ("D", -1), "vorabend": ("D", -1), "folgetag": ("D", 1),
         "folgejahr": ("Y", 1), "tag zuvor": ("D", -1), "tag davor": ("D", -1),
         "tag darauf": ("D", 1), "tag danach": ("D", 1), "nächsten tag": ("D", 1),
         "folgenden tag": ("D", 1)}  # fmt: skip


def _prev_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Maps "Vorjahr" against the DCT; "Vortag", "Vorabend" against the last date the text named."""
    key = " ".join(m.group("w").lower().split()).removesuffix("es").removesuffix("s")
    key = key if key in _PREV else key + "s"
    if key not in _PREV:
        return None
    unit, n = _PREV[key]
    if unit == "D":
        value, vague = shift_days(ctx.local_ref(), n)
        if key == "vorabend":
            return Hit("TIME", value + "TEV", vague=vague)
        return Hit("DATE", value, vague=vague)
    value, vague = shift_unit(ctx.ref(), unit, n)
    return Hit("DATE", value, vague=vague)


def _since_plural(m: re.Match[str], ctx: Ctx) -> Hit | None:
    unit = lx.unit_of(m.group("u"))
    prefix = "PT" if lx.is_time_unit(m.group("u")) else "P"
    return Hit("DURATION", f"{prefix}X{unit}", vague=True) if unit else None


def _ago_plural(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "vor Jahren": some time back (PAST_REF); a vague duration (PXY) in style "timeml"."""
    unit = lx.unit_of(m.group("u"))
    if unit is None:
        return None
    if ctx.style == "timeml":
        return Hit("DURATION", f"PX{unit}", vague=True)
    return Hit("DATE", "PAST_REF", vague=True, start=m.start())


def _adj_duration(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Maps "zweitägig" -> P2D, "mehrjährig"/"langjährig" -> PXY; "jahrelang" -> PXY."""
    units = {"tägig": "D", "wöchig": "W", "monatig": "M", "jährig": "Y", "stündig": "H",
             "minütig": "M", "tage": "D", "wochen": "W", "monate": "M", "jahre": "Y",
             "stunden": "H", "jahrzehnte": "DE", "minuten": "M"}  # fmt: skip
    u = m.group("u").lower()
    unit = units[u]
    prefix = "PT" if u.startswith(("stünd", "stund", "minut")) else "P"
    n_txt = g(m, "n") or ""
    if unit == "Y" and n_txt.lower() not in ("mehr", "lang", "viel", ""):
        return None  # "30-Jährige", "vierjährigen Sohn": ages, not durations
    n = lx.number(n_txt.rstrip("-")) if n_txt else None
    if n_txt.lower() in ("mehr", "lang", "viel", "") or n is None:
        if n_txt and n_txt.lower() not in ("mehr", "lang", "viel"):
            return None
        return Hit("DURATION", f"{prefix}X{unit}", vague=True)
    return Hit("DURATION", f"{prefix}{c._fmt(n)}{unit}")


def _ranges_day(m: re.Match[str], ctx: Ctx) -> Hit | list[Hit] | None:
    """Maps "von 10. bis 13. September" to one range (value .. end_value) or two dates."""
    last = c.explicit_date(m, ctx)
    if last is None:
        return None
    d1 = int(m.group("d1"))
    y, mo, _ = last.value.split("-")
    first = f"{y}-{mo}-{d1:02d}"
    if not c.valid_date(int(y), int(mo), d1):
        return None
    conj = m.group("conj").lower()
    if ctx.ranges and conj != "und" and first < last.value:
        return Hit("DATE", first, end_value=last.value)
    return [
        Hit("DATE", first, start=m.start("d1"), end=m.end("d1dot")),
        Hit("DATE", last.value, start=m.start("d"), end=m.end("t")),
    ]


def _later(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "zwei Tage später" -> the day two days after the date the text is talking about."""
    unit, n = lx.unit_of(m.group("u")), lx.number(m.group("n"))
    if unit is None or n is None or n != int(n) or lx.is_time_unit(m.group("u")):
        return None
    sign = -1 if m.group("dir").lower() in ("zuvor", "davor", "früher") else 1
    if unit == "D":
        value, vague = shift_days(ctx.local_ref(), sign * int(n))
    else:
        value, vague = shift_unit(ctx.ref(), unit, sign * int(n))
    return Hit("DATE", value, vague=vague)


def _daypart_of_date(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "am Morgen des 22. Juni 1941" -> 1941-06-22TMO."""
    day = c.explicit_date(m, ctx)
    if day is None:
        return None
    return Hit("TIME", day.value + lx.DAYPARTS.get(m.group("dp").lower(), ""))


def _same_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "am selben Tag": the day the text was just talking about."""
    value, vague = shift_days(ctx.local_ref(), 0)
    return Hit("DATE", value, vague=vague)


def _year_part(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "Jahresende", "im Laufe des Jahres": the current (or narrative) year."""
    word = m.group("t").lower()
    mod = "END" if "ende" in word else "START" if ("beginn" in word or "anfang" in word) else None
    return Hit("DATE", f"{ctx.ref('XXXX').year:04d}", mod=mod)


def _bc_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DATE", f"BC{int(m.group('y')):04d}")


_LIST_DAY = re.compile(r"([0-3]?\d)\.")


def _day_list(m: re.Match[str], ctx: Ctx) -> list[Hit] | None:
    """ "am 3., 4. und 7. Oktober": one date per listed day, month and year from the last."""
    last = c.explicit_date(m, ctx)
    if last is None:
        return None
    y, mo, _ = (int(x) for x in last.value.split("-"))
    hits = []
    base = m.start("list")
    for d in _LIST_DAY.finditer(m.group("list")):
        day = int(d.group(1))
        if not c.valid_date(y, mo, day):
            return None
        hits.append(Hit("DATE", f"{y:04d}-{mo:02d}-{day:02d}", start=base + d.start(),
                        end=base + d.end()))  # fmt: skip
    hits.append(Hit("DATE", last.value, start=m.start("d"), end=m.end("t")))
    return hits


def _time_range(m: re.Match[str], ctx: Ctx) -> Hit | list[Hit] | None:
    second = c.clock(m, ctx)
    h1, m1 = int(m.group("h1")), int(g(m, "m1") or 0)
    if second is None or h1 > 24 or m1 > 59 or (m.group("conj") == "/" and not g(m, "m1")):
        return None  # "24/7 Uhr" is no pair of times
    day = second.value.split("T")[0]
    first = f"{day}T{h1:02d}:{m1:02d}"
    if ctx.ranges and m.group("conj").lower() not in ("und", "/"):  # "9.30/12.30 Uhr": two
        return Hit("TIME", first, end_value=second.value)
    return [
        Hit("TIME", first, start=m.start("h1"), end=m.end("m1x")),
        Hit("TIME", second.value, start=m.start("h"), end=m.end("t")),
    ]


def _clock_hour_word(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Maps "um neun Uhr" -> T09:00 on the narrative day."""
    n = lx.number(m.group("n"))
    if n is None or not 0 <= n <= 24:
        return None
    return Hit("TIME", f"{c.clock_day(ctx)}T{int(n):02d}:00")


def _clock_words(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Maps "halb neun" -> 08:30 on the narrative day."""
    n = lx.number(m.group("n"))
    if n is None or not 1 <= n <= 12:
        return None
    h = int(n) - 1
    return Hit("TIME", f"{ctx.local_ref('XXXX-XX-XX').iso()}T{h:02d}:30")
