"""German expressions about years whose value comes from their neighbourhood.

"zwischen August und Oktober 1914" names its year once, at the end, for both months;
"des neuen Jahres" is the year after the one the text is talking about; "im August
vorigen Jahres", "heuer", decades and centuries count from the DCT or the digits.
Kept apart from `handlers_de`, which is long enough.
"""

from __future__ import annotations

import re

from chronik.stages.time import common as c
from chronik.stages.time import lexicon as lx
from chronik.stages.time.common import g
from chronik.stages.time.engine import Ctx, Hit


def new_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "des neuen Jahres": the year after the narrative's; in news, the DCT's year, or the
    next one when the article is written in its last quarter ("im neuen Jahr" in December)."""
    ref = ctx.ref("XXXX")
    late = not ctx.story_mode and ref.month is not None and ref.month >= 10
    return Hit("DATE", f"{ref.year + (1 if ctx.story_mode or late else 0):04d}")


def month_pair(m: re.Match[str], ctx: Ctx) -> Hit | list[Hit] | None:
    """ "zwischen August und Oktober 1914", "Mai/Juni 1940": both months take the year;
    a first month after the second ("Dezember bis März 1915") is in the year before."""
    m1, m2 = lx.month_of(m.group("mon1")), lx.month_of(m.group("mon"))
    if m1 is None or m2 is None or m1 == m2:
        return None
    y2 = c.year_of(m.group("y"), ctx.dct)
    y1 = y2 - 1 if m1 > m2 else y2
    first, last = f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}"
    mod = c.position_mod(m.group("pos"))
    if ctx.ranges and m.group("conj").lower() not in ("und", "oder", "/"):
        return Hit("DATE", first, end_value=last)
    return [
        Hit("DATE", first, start=m.start("t1"), end=m.end("t1")),
        Hit("DATE", last, start=m.start("t2"), end=m.end("t"), mod=mod),
    ]


def decade(m: re.Match[str], ctx: Ctx) -> Hit | None:
    words = {"zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5, "sechziger": 6,
             "siebziger": 7, "achtziger": 8, "neunziger": 9}  # fmt: skip
    dec = g(m, "dd")
    digit = int(dec) if dec else words.get((g(m, "dw") or "").lower())
    if digit is None:
        return None
    cent = g(m, "cent") or "19"
    return Hit("DATE", f"{cent}{digit}", mod=c.position_mod(g(m, "pos")))


def century(m: re.Match[str], ctx: Ctx) -> Hit | None:
    n = g(m, "n")
    mod = c.position_mod(g(m, "pos"))
    if n:
        return Hit("DATE", f"{int(n) - 1:02d}", mod=mod)
    rel = c.rel_direction(g(m, "rel")) or 0
    return Hit("DATE", f"{ctx.ref('XX').year // 100 + rel:02d}", mod=mod)


def pos_period(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "bis zum Ende des Jahrzehnts" / "Anfang des Jahrhunderts": the reference date's
    decade or century, with the position as its modifier."""
    year = ctx.ref("XXX").year
    span = f"{year // 10:03d}" if m.group("u").lower().startswith("jahrz") else f"{year // 100:02d}"
    return Hit("DATE", span, mod=c.position_mod(m.group("pos")))


def heuer(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return Hit("DATE", f"{ctx.ref('XXXX').year:04d}")


def month_rel_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "im August vorigen Jahres" -> the month in the year before the DCT's."""
    month = lx.month_of(m.group("mon"))
    rel = c.rel_direction(m.group("rel"))
    if month is None or rel is None:
        return None
    return Hit("DATE", f"{ctx.ref(f'XXXX-{month:02d}').year + rel:04d}-{month:02d}")
