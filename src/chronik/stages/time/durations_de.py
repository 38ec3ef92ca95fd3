"""German durations beyond "N unit": ranges, halves and quarters, compound prefixes.

"sechs bis acht Monate": the first number borrows the unit of the second, and both are
durations of their own (P6M, P8M), as KRAUTS and SmartData annotate them. "eine halbe
Stunde", "Viertelstunde" (SmartData, WikiWarsDE) and "60-Tage-Plan" (SmartData "60-Tage",
WikiWarsDE "90-Tage-Frist") were missed. Kept apart from `handlers_de`, which is long enough.
"""

from __future__ import annotations

import re

from chronik.stages.time import common as c
from chronik.stages.time import lexicon as lx
from chronik.stages.time.calendar import shift_unit
from chronik.stages.time.common import g
from chronik.stages.time.engine import Ctx, Hit

_VALUE = re.compile(r"(PT?)[\d.]+([A-Z]+)")
_AGE_BEFORE = re.compile(r"\b(?:ab|mit|im Alter von|zwischen)\s+$", re.I)
_NUM = r"\d+(?:,\d+)?|" + lx.alt(lx.NUMBERS_DE)
_FIRST = re.compile(rf"(?<![\w:.,])(?P<n1>{_NUM})\s*(?P<conj>bis|oder|und|-|–)\s*$", re.I)


def duration(m: re.Match[str], ctx: Ctx) -> Hit | list[Hit] | None:
    """A duration ("acht Monate"), and the first number of a range before it: "sechs bis
    acht Monate" -> P6M and P8M; "zwischen 15 und 40 Minuten" (only with "zwischen").

    Looked for behind a found duration, not by a rule of its own: a rule would try the
    number words at every word of every text (measured: 4% more regex time).
    """
    tail = c.duration(m, ctx)
    if tail is None or tail.vague or g(m, "mod") or not (v := _VALUE.fullmatch(tail.value)):
        return tail
    start = m.start("t")
    before = ctx.text[max(0, start - 30) : start]
    first = _FIRST.search(before)
    if first is None:
        return tail
    head_start = start - len(before) + first.start("n1")
    lead = ctx.text[max(0, head_start - 20) : head_start]
    n1, n2 = lx.number(first.group("n1")), lx.number(m.group("n"))
    between = first.group("conj").lower() != "und" or re.search(r"\bzwischen\s+$", lead, re.I)
    prefix, unit = v.groups()
    if n1 is None or n2 is None or not n1 < n2 < 1000 or not between:
        return tail  # (a year before "bis" is no duration: "2015 bis 2020 Jahre")
    if unit == "Y" and _AGE_BEFORE.search(lead):
        return tail  # "mit 17 oder 18 Jahren": an age range; "18 Jahren" as before
    head = Hit("DURATION", f"{prefix}{c._fmt(n1)}{unit}", start=head_start,
               end=head_start + len(first.group("n1")))  # fmt: skip
    return [head, tail]


_HALF = {"stunde": "PT30M", "minute": "PT30S", "tag": "PT12H", "woche": "P0.5W",
         "monat": "P0.5M", "jahr": "P6M"}  # fmt: skip


def half(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "eine halbe Stunde" -> PT30M, "ein halbes Jahr" -> P6M; "ein halbes Jahr später"
    -> the month six months after the date the text is talking about (as "zwei Jahre später")."""
    word = m.group("u").lower()
    stem = next((k for k in _HALF if word.startswith(k)), None)
    if stem is None:
        return None
    direction = (m.group("dir") or "").lower()
    if direction and stem == "jahr":
        sign = -1 if direction in ("zuvor", "davor", "früher") else 1
        value, vague = shift_unit(ctx.ref(), "M", 6 * sign)
        return Hit("DATE", value, vague=vague)
    return Hit("DURATION", _HALF[stem], start=m.start("t"), end=m.end("u"))


def quarter_hour(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "eine Viertelstunde" -> PT15M, "Dreiviertelstunde" -> PT45M."""
    return Hit("DURATION", "PT45M" if m.group("q").lower().startswith("drei") else "PT15M")


def compound(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "60-Tage-Plan", "Sieben-Tage-Schlacht": the duration prefix of a compound noun."""
    return c.duration(m, ctx)


def two_units(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "zwei Jahre und neun Monate" -> P2Y9M."""
    n1, n2 = lx.number(m.group("n")), lx.number(m.group("n2"))
    u1, u2 = lx.unit_of(m.group("u")), lx.unit_of(m.group("u2"))
    if n1 is None or n2 is None or u1 is None or u2 is None or u1 == u2:
        return None
    if lx.is_time_unit(m.group("u")) != lx.is_time_unit(m.group("u2")):
        return None
    prefix = "PT" if lx.is_time_unit(m.group("u")) else "P"
    return Hit("DURATION", f"{prefix}{c._fmt(n1)}{u1}{c._fmt(n2)}{u2}")
