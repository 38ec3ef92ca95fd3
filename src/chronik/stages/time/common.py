"""Handlers and regex pieces shared by the German and English rule sets.

Each handler turns one regex match into a normalised `Hit` (or None to reject it).
They read named groups by convention: d/mon/m/y (dates), wd/dp (weekdays, parts of
day), n/u/mod (durations), h/mi/zh/zm/zone (clock times).
"""

from __future__ import annotations

import datetime as dt
import re

from chronik.stages.time import lexicon as lx
from chronik.stages.time.calendar import (
    Anchor,
    day_value,
    easter,
    shift_days,
    shift_unit,
    valid_date,
    weekday_value,
    year_for_month,
)
from chronik.stages.time.engine import Ctx, Hit

I = re.IGNORECASE  # noqa: E741 - short flag name in rule tables
MON = lx.alt(lx.MONTHS)
MON_FULL = lx.alt(k for k in lx.MONTHS if k not in lx.ABBREVIATIONS)
MON_DE = lx.alt(lx.MONTHS_DE)
MON_FULL_DE = lx.alt(k for k in lx.MONTHS_DE if k not in lx.ABBREVIATIONS)
WD = lx.alt(lx.WEEKDAYS)

_PAST_WORDS = re.compile(r"^(vergangen|letzt|vorig|last|past|previous)", I)
_NEXT_WORDS = re.compile(r"^(nächst|kommend|folgend|next|coming|following|upcoming)", I)
_THIS_WORDS = re.compile(r"^(dies|laufend|this|current|selb|gleich)", I)
_VERSION_BEFORE = re.compile(r"(version|v|release|update|nr|no|ausgabe)\.?\s*$", I)


_NAME_BEFORE = re.compile(
    r"(?:(?<![.!?:\n]\s)(?<!^)|(?<=Dr\.\s)|(?<=Prof\.\s))\b(?-i:[A-ZÄÖÜ][a-zäöüß]+)\s$"
)
_NOT_NAMES = {"im", "am", "bis", "seit", "ab", "vom", "zum", "zur", "über", "nach", "vor", "für",
              "und", "oder", "auch", "doch", "noch", "schon", "erst", "jeden", "pro", "gegen",
              "diesen", "letzten", "nächsten", "kommenden", "einen", "kein", "keinen", "den",
              "der", "die", "das", "des", "dem", "ein", "eine"}  # fmt: skip


def after_name(text: str, start: int) -> bool:
    """True when a capitalised word that is no function word stands right before `start`
    mid-sentence: "Dr. Stefan Sommer", "Ex-Minister Winter" name people, not seasons."""
    m = _NAME_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group().strip().lower() not in _NOT_NAMES


def rel_direction(word: str | None) -> int | None:
    """-1 / 0 / +1 for "vergangene" / "diese" / "nächste" (and English), None otherwise."""
    if not word:
        return None
    if _PAST_WORDS.match(word):
        return -1
    if _NEXT_WORDS.match(word):
        return 1
    if _THIS_WORDS.match(word):
        return 0
    return None


def g(m: re.Match[str], name: str) -> str | None:
    """Named group or None when the rule has no such group or it did not take part."""
    return m.group(name) if name in m.re.groupindex else None


def year_of(text: str, ref: Anchor | None) -> int:
    """A 4-digit year, or a 2-digit one ("'19", "19") put in the century nearest the anchor."""
    digits = text.lstrip("'’")
    y = int(digits)
    if len(digits) == 2:
        base = ref.year if ref else 2000
        y += 100 * (base // 100)
        if y > base + 20:
            y -= 100
    return y


def nearest_year(ref: Anchor, month: int, day: int | None, tense: int) -> int:
    """Year for a day-month without a year: by tense when the sentence has one, else nearest."""
    if tense != 0 or ref.month is None:
        return year_for_month(ref, month, tense)
    best = ref.year
    for y in (ref.year - 1, ref.year + 1):
        if abs((y - ref.year) * 12 + month - ref.month) < abs(month - ref.month):
            best = y
    return best


# months: a narrative that goes back further has moved on to the next year
# (WikiWarsDE value accuracy: 86.2 with 6, 86.7 with 8, 86.8 with no rollover at all)
STORY_ROLLOVER = 8


def year_guess(ref: Anchor, month: int, ctx: Ctx) -> int:
    """Year of a month named without one: the narrative's year in story mode, else by tense.

    A narrative moves forward: "im November 1914 ... im Februar" is February 1915, while a
    small step back ("am 3. September ... bis zum 1. September") stays in the same year.
    """
    recent = ctx.recent_year()
    if ctx.story_mode or recent is not None:
        ref = recent or ref
        if ref.month is not None and ref.month - month > STORY_ROLLOVER:
            return ref.year + 1
        return ref.year
    return nearest_year(ref, month, None, ctx.tense)


def explicit_date(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Day, month (word or number) and maybe year; rejects impossible dates."""
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if _VERSION_BEFORE.search(before):
        return None
    mon_word, mon_num = g(m, "mon"), g(m, "m")
    month = lx.month_of(mon_word) if mon_word else int(mon_num or 0)
    day = int(g(m, "d") or 0)
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    y_txt = g(m, "y")
    if y_txt:
        year = year_of(y_txt, ctx.dct)
    else:
        ref = ctx.ref(f"XXXX-{month:02d}-{day:02d}")
        year = year_guess(ref, month, ctx)
    if not valid_date(year, month, day):
        return None
    return Hit("DATE", day_value(year, month, day))


def month_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    month = lx.month_of(m.group("mon"))
    if not month:
        return None
    year = year_of(m.group("y"), ctx.dct)
    return Hit("DATE", f"{year:04d}-{month:02d}", mod=position_mod(g(m, "pos")))


_POS = {
    "anfang": "START", "beginn": "START", "mitte": "MID", "ende": "END", "early": "START",
    "mid": "MID", "late": "END", "end": "END", "start": "START", "beginning": "START",
}  # fmt: skip


def position_mod(word: str | None) -> str | None:
    return _POS.get(word.lower().rstrip("-")) if word else None


WEEKDAY_PAST_GAP = 2  # present tense: a weekday up to two days back, else the next one


def weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Weekday resolved by its modifier, else by the sentence's tense, else the nearest one."""
    wd = lx.WEEKDAYS[m.group("wd").lower()]
    if ctx.text[max(0, m.start("wd") - 1) : m.start("wd")] == "-":
        return None  # a name: "Herz-Jesu-Sonntag", "MIP-Montag"
    dp = g(m, "dp") or g(m, "dp2")
    suffix = lx.DAYPARTS.get(dp.lower(), "") if dp else ""
    type_ = "TIME" if suffix else "DATE"
    if ctx.dct is None and not (ctx.story_mode and ctx.last_stated):
        return Hit(type_, f"XXXX-WXX-{wd}{suffix}", vague=True)  # unanchored
    ref = ctx.ref()
    rel = rel_direction(g(m, "rel"))
    if rel is not None and ref.date is not None and rel != 0:
        # "vergangenen Dienstag" on a Tuesday is a week ago, "nächsten Dienstag" a week ahead
        base = Anchor.of(ref.date + dt.timedelta(days=rel))
        value, vague = weekday_value(base, wd, rel)
    elif (tense := ctx.clause_tense()) != 0 or ref.date is None:
        value, vague = weekday_value(ref, wd, tense or -1)
    else:
        past, _ = weekday_value(ref, wd, -1)
        fut, _ = weekday_value(ref, wd, 1)
        gap = (ref.date - dt.date.fromisoformat(past)).days
        value, vague = (past, False) if gap <= WEEKDAY_PAST_GAP else (fut, False)
    return Hit(type_, value + suffix, vague=vague)


def clock(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """A clock time on the current narrative day, with its zone offset when one is given."""
    h, mi = int(m.group("h")), int(g(m, "mi") or 0)
    if h > 24 or mi > 59:
        return None
    dp = g(m, "dp")
    if dp and dp.lower().startswith(("nachmittag", "abend", "afternoon", "evening", "pm", "p.m")):
        h = h + 12 if h < 12 else h
    if dp and dp.lower().startswith(("am", "a.m")) and h == 12:
        h = 0
    time = f"T{h:02d}:{mi:02d}"
    zone = _zone(m, h, mi)
    return Hit("TIME", f"{clock_day(ctx)}{time}{zone}")


_EVERY_DAY = re.compile(
    r"\b(?:jeweils|wochentags|werktags|täglich|beispielsweise|jede[nmr]?|immer|"
    r"(?:mon|diens|mittwoch|donners|frei|sams|sonn)tags|each|every|daily)\b|"
    r"\b[0-3]?\d\.\s*(?:und|bis|-|–|,)\s*[0-3]?\d\.",  # several days: "25. und 26. August"
    re.IGNORECASE,
)


def clock_day(ctx: Ctx) -> str:
    """The day a clock time falls on: the narrative day, or none ("") when the sentence
    spreads the time over several days ("jeweils 20 Uhr", "am 25. und 26. August von 10 bis
    18 Uhr") or nothing anchors it."""
    if _EVERY_DAY.search(ctx.text[ctx.sentence_start() : ctx.pos]):
        return ""
    try:
        return ctx.local_ref().iso()
    except Exception:
        return ""


_ZONES = {"gmt": 0, "utc": 0, "mez": 60, "cet": 60, "mesz": 120, "cest": 120, "bst": 60,
          "et": -300, "est": -300, "edt": -240, "pt": -480, "pst": -480, "pdt": -420}  # fmt: skip


def _zone(m: re.Match[str], h: int, mi: int) -> str:
    """Maps "+09:00" from "19 Uhr (1000 GMT)" (local minus UTC), "Z" for a bare GMT time."""
    zone = g(m, "zone") or g(m, "zone2")
    if not zone:
        return ""
    zh = g(m, "zh")
    if zh is not None:  # a local time with its UTC equivalent in brackets
        utc = int(zh) * 60 + int(g(m, "zm") or 0)
        diff = (h * 60 + mi - utc) % 1440
        diff = diff - 1440 if diff > 720 else diff
        sign = "+" if diff >= 0 else "-"
        return f"{sign}{abs(diff) // 60:02d}:{abs(diff) % 60:02d}"
    offset = _ZONES.get(zone.lower(), 0)
    if offset == 0:
        return "Z"
    sign = "+" if offset > 0 else "-"
    return f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"


# an age, not a period: "Jungbürger ab 16 Jahren", "im Alter von 80 Jahren", "Kinder
# zwischen sechs und elf Jahren" (German: English ages say "old", handled by the rule)
_AGE_BEFORE = re.compile(r"\b(?:ab|im Alter von|zwischen\s+\w+\s+und)\s+$", I)


def _is_age(text: str, start: int) -> bool:
    return _AGE_BEFORE.search(text, max(0, start - 30), start) is not None


def duration(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Maps "17 Monate" -> P17M, "mehrere Jahre" -> PXY (vague), hours and minutes -> PT..."""
    unit_word = m.group("u")
    unit = lx.unit_of(unit_word)
    if unit is None or (unit == "Y" and _is_age(ctx.text, m.start())):
        return None
    n_txt = g(m, "n")
    n = lx.number(n_txt) if n_txt else 1
    vague = n_txt is not None and n_txt.lower() in lx.VAGUE_NUMBERS
    if n is None and not vague:
        return None
    qty = "X" if vague or n is None else _fmt(n)
    prefix = "PT" if lx.is_time_unit(unit_word) else "P"
    mod = lx.MODIFIERS.get((g(m, "mod") or "").lower())
    return Hit("DURATION", f"{prefix}{qty}{unit}", vague=vague, mod=mod)


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


def ago(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Maps "vor zwei Jahren" / "two years ago": a date at the unit's granularity.

    Style "timeml" (German only) follows KRAUTS/It-TimeML: "vor" is a signal outside
    the timex, which is the anchored duration "zwei Jahren" (P2Y).
    """
    unit = lx.unit_of(m.group("u"))
    n_txt = m.group("n")
    n = lx.number(n_txt)
    if unit is None:
        return None
    if ctx.style == "timeml" and ctx.lang != "en":
        return _ago_duration(m, unit, n)
    if lx.is_time_unit(m.group("u")):
        return None
    if n is None or n != int(n):
        return Hit("DATE", "PAST_REF", vague=True)
    value, vague = shift_unit(ctx.ref(), unit, -int(n))
    return Hit("DATE", value, vague=vague or bool(g(m, "mod")))


def _ago_duration(m: re.Match[str], unit: str, n: float | None) -> Hit:
    """The duration inside "vor (gut) zwei Jahren", spanning from the modifier on."""
    start = m.start("mod") if g(m, "mod") else m.start("n")
    qty = "X" if n is None else _fmt(n)
    prefix = "PT" if lx.is_time_unit(m.group("u")) else "P"
    mod = lx.MODIFIERS.get((g(m, "mod") or "").lower())
    return Hit("DURATION", f"{prefix}{qty}{unit}", vague=n is None, start=start, mod=mod)


def today_shift(n: int, daypart: str | None, ctx: Ctx) -> Hit:
    value, vague = shift_days(ctx.ref(), n)
    if daypart:
        return Hit("TIME", value + lx.DAYPARTS.get(daypart.lower(), ""), vague=vague)
    return Hit("DATE", value, vague=vague)


def season_value(season: str, year: int) -> str:
    return f"{year:04d}-{season}"


SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


def current_season(a: Anchor) -> str:
    month = a.month or 6
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[month - 1]


_FIXED_HOLIDAYS = {"weihnachten": (12, 25), "heiligabend": (12, 24), "heiligen abend": (12, 24),
                   "heiliger abend": (12, 24), "silvester": (12, 31), "neujahr": (1, 1),
                   "neujahrstag": (1, 1), "allerheiligen": (11, 1), "stephanstag": (12, 26),
                   "dreikönigstag": (1, 6), "mariä himmelfahrt": (8, 15),
                   "tag der deutschen einheit": (10, 3)}  # fmt: skip
_EASTER_OFFSETS = {"ostern": 0, "ostersonntag": 0, "ostermontag": 1, "karfreitag": -2,
                   "karsamstag": -1, "gründonnerstag": -3, "rosenmontag": -48,
                   "aschermittwoch": -46, "pfingsten": 49, "pfingstsonntag": 49,
                   "pfingstmontag": 50, "christi himmelfahrt": 39, "fronleichnam": 60}  # fmt: skip
_COMPOUND_STEMS = {"neujahrs": "neujahr", "silvester": "silvester", "oster": "ostern",
                   "pfingst": "pfingsten"}  # fmt: skip


def holiday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Fixed feasts by the calendar, movable ones (Easter, Pentecost) by computus;
    "Neujahrsmorgen", "Silvesternacht": the feast's day and that part of it (TIME)."""
    stem, dp = g(m, "stem"), g(m, "dp")
    if stem and dp:
        day = holiday_day(_COMPOUND_STEMS[stem.lower()], g(m, "y"), ctx)
        return Hit("TIME", day + lx.DAYPARTS.get(dp.lower(), ""))
    return Hit("DATE", holiday_day(" ".join(m.group("w").lower().split()), g(m, "y"), ctx))


def holiday_day(name: str, y_txt: str | None, ctx: Ctx) -> str:
    """ISO day of a feast, in the given year or the one the DCT and tense point to."""
    year = int(y_txt) if y_txt else ctx.ref("XXXX-XX-XX").year
    if name in _FIXED_HOLIDAYS:
        mo, d = _FIXED_HOLIDAYS[name]
        if not y_txt and ctx.dct and ctx.dct.month is not None:
            year = year_for_month(ctx.dct, mo, ctx.tense)
        return f"{year:04d}-{mo:02d}-{d:02d}"
    return (easter(year) + dt.timedelta(days=_EASTER_OFFSETS[name])).isoformat()


def rel_plural(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "den letzten 17 Monaten" / "the past 17 months" -> P17M; "den kommenden Tagen" ->
    FUTURE_REF (vague, kept); "in den vergangenen Wochen" / "in the past weeks" -> PAST_REF."""
    unit = lx.unit_of(m.group("u"))
    if unit is None:
        return None
    n_txt = g(m, "n")
    prefix = "PT" if lx.is_time_unit(m.group("u")) else "P"
    if n_txt:
        n = lx.number(n_txt)
        if n is None:
            return None
        return Hit("DURATION", f"{prefix}{_fmt(n)}{unit}")
    rel = rel_direction(m.group("rel"))
    if rel == 1:
        return Hit("DATE", "FUTURE_REF", vague=True)
    after_in = re.search(r"\bin\s+$", ctx.text[max(0, m.start() - 4) : m.start()], re.I)
    if rel == -1 and after_in and ctx.style != "timeml":
        return Hit("DATE", "PAST_REF", vague=True)  # "in den vergangenen Wochen": when
    return Hit("DURATION", f"{prefix}X{unit}", vague=True)
