"""German sets (TIMEX3 type SET): how often, not when.

"täglich", "jeden (zweiten) Montag(abend)", "pro Jahr", "400 Euro im Monat", "alle vier
Jahre", "nachts": a frequency carries no anchor, so these handlers never read the DCT.
"""

from __future__ import annotations

import re

from chronik.stages.time import lexicon as lx
from chronik.stages.time.common import g
from chronik.stages.time.engine import Ctx, Hit

_SETS = {"täglich": "P1D", "alltäglich": "P1D", "wöchentlich": "P1W", "monatlich": "P1M",
         "jährlich": "P1Y", "alljährlich": "P1Y", "stündlich": "PT1H", "halbjährlich": "P6M",
         "vierteljährlich": "P3M", "werktags": "XXXX-WXX-WD", "wochentags": "XXXX-WXX-WD",
         "tag": "P1D", "woche": "P1W", "monat": "P1M", "jahr": "P1Y", "morgen": "XXXX-XX-XXTMO",
         "abend": "XXXX-XX-XXTEV",
         "nacht": "XXXX-XX-XXTNI", "wochenende": "XXXX-WXX-WE", "stunde": "PT1H"}  # fmt: skip


def set_(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "täglich" -> P1D, "jeden (zweiten) Montag(abend)" -> XXXX-WXX-1(TEV), "pro Jahr" -> P1Y."""
    word = (m.group("w") or g(m, "w2") or g(m, "w3") or "").lower()
    wd = lx.WEEKDAYS.get(word.removesuffix("s"))
    if wd:
        dp = g(m, "dp")
        return Hit("SET", f"XXXX-WXX-{wd}{lx.DAYPARTS.get(dp.lower(), '') if dp else ''}")
    for stem in sorted(_SETS, key=len, reverse=True):
        if word.startswith(stem):
            return Hit("SET", _SETS[stem])
    return None


def set_all(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "alle vier Jahre" -> the set P4Y (every fourth year)."""
    n, unit = lx.number(m.group("n")), lx.unit_of(m.group("u"))
    if n is None or unit is None or n != int(n):
        return None
    prefix = "PT" if lx.is_time_unit(m.group("u")) else "P"
    return Hit("SET", f"{prefix}{int(n)}{unit}")
