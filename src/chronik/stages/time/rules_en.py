"""English temporal expressions: a compact rule table reusing the shared handlers."""

# ruff: noqa: E501  (rule tables: one regex per line reads best)
from __future__ import annotations

import re

from chronik.stages.time import common as c
from chronik.stages.time import lexicon as lx
from chronik.stages.time.calendar import shift_unit
from chronik.stages.time.common import MON, MON_FULL, WD, g
from chronik.stages.time.engine import Ctx, Hit, Rule, rule

NUM = r"\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred"
VAGUE = r"several|many|few|some"
UNITS = lx.UNIT_FORMS_EN
MODS = r"more than|less than|over|about|around|nearly|almost|at least|up to"
REL = r"this|last|next|past|previous|coming|current|following"


def _month_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Maps "Sept. 13", "September 13, 2023", "13 September 2023"."""
    return c.explicit_date(m, ctx)


def _bare_month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = m.group("mon").lower()
    month = lx.MONTHS[word]
    if m.group("mon")[0].islower():
        return None  # "they march", "it may"
    if word in lx.AMBIGUOUS_MONTHS and not g(m, "pre") and not g(m, "pos"):
        return None  # "Theresa May"
    ref = ctx.ref(f"XXXX-{month:02d}")
    year = c.year_guess(ref, month, ctx)
    return Hit("DATE", f"{year:04d}-{month:02d}", mod=c.position_mod(g(m, "pos")))


def _rel_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = m.group("u").lower()
    rel = c.rel_direction(m.group("rel")) or 0
    if word == "weekend":
        value, vague = shift_unit(ctx.ref("XXXX-WXX-WE"), "W", rel)
        return Hit("DATE", f"{value}-WE", vague=vague)
    unit = {"week": "W", "month": "M", "year": "Y"}[word]
    placeholder = {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}[unit]
    value, vague = shift_unit(ctx.ref(placeholder), unit, rel)
    return Hit("DATE", value, vague=vague, mod=c.position_mod(g(m, "pos")))


_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
         "recently": "PAST_REF", "formerly": "PAST_REF", "soon": "FUTURE_REF",
         "in the future": "FUTURE_REF", "in the past": "PAST_REF"}  # fmt: skip


def _day_word(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = m.group("w").lower()
    dp = "night" if word == "tonight" else g(m, "dp")
    return c.today_shift(_DAYS[word], dp, ctx)


_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
         "hourly": "PT1H", "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}  # fmt: skip


def _set(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = m.group("w").lower()
    wd = lx.WEEKDAYS.get(word)
    return Hit("SET", f"XXXX-WXX-{wd}" if wd else _SETS[word])


_r = rule


# fmt: off
RULES: list[Rule] = [
    _r("month_day", rf"(?:\b(?:on|since|until|by|from)\s+)?(?P<t>(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MON})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?)(?!\d|:)", _month_day, 3),
    _r("day_month", rf"(?:\b(?:on|since|until|by|from)\s+)?(?P<t>(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MON})\.?(?:,?\s+(?P<y>\d{{4}}))?)\b", _month_day, 3),
    _r("date_iso", r"(?<![\w.\-/+:])(?P<t>(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d))(?![\w\-/]|[.:]\d)", c.explicit_date, 3),
    _r("month_year", rf"(?:\b(?:in|since|until|by|from)\s+)?(?P<t>(?:(?P<pos>early|mid|late)[\s-]+)?(?P<mon>{MON})\.?,?\s+(?P<y>\d{{4}}))\b", c.month_year, 2),
    _r("month", rf"(?:\b(?P<pre>in|since|until|by|from|during)\s+)?(?P<t>(?:(?P<pos>early|mid|late)[\s-]+)?(?P<mon>{MON_FULL}))\b", _bare_month),
    _r("year", r"(?:\b(?:in|since|until|by|from)\s+)(?P<t>(?P<y>(?:1[0-9]|20)\d\d))(?![\w\-/]|[.,:]\d)", lambda m, ctx: Hit("DATE", m.group("y"))),
    _r("decade", r"(?P<t>(?:the\s+)?(?P<cent>1\d|20)?(?P<dd>\d)0s)\b", lambda m, ctx: Hit("DATE", f"{g(m, 'cent') or '19'}{m.group('dd')}")),
    _r("weekday", rf"(?:\b(?:on|since|until|by)\s+)?(?P<t>(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{WD})(?:\s+(?P<dp>morning|afternoon|evening|night))?)\b", c.weekday),
    _r("rel_unit", rf"(?P<t>(?:(?P<pos>early|late|earlier|later)\s+)?(?P<rel>{REL})\s+(?P<u>week|month|year|weekend))\b", _rel_unit, 1),
    _r("day_word", r"\b(?P<t>(?P<w>today|yesterday|tomorrow|tonight)(?:\s+(?P<dp>morning|afternoon|evening|night))?)\b", _day_word, 1),
    _r("ref_word", r"\b(?P<t>now|currently|nowadays|recently|formerly|soon|in the future|in the past)\b", lambda m, ctx: Hit("DATE", _REFS[m.group("t").lower()], vague=True)),
    _r("ago", rf"(?P<t>(?:(?P<mod>{MODS})\s+)?(?P<n>{NUM}|{VAGUE})\s+(?P<u>{UNITS})\s+ago)\b", c.ago, 1),
    _r("rel_plural", rf"(?P<t>the\s+(?P<rel>last|past|next|coming|previous|following)\s+(?:(?P<n>{NUM})\s+)?(?P<u>days|weeks|months|years|decades|hours|minutes))\b", c.rel_plural, 2),
    _r("duration", rf"(?P<t>(?:(?P<mod>{MODS})\s+)?(?P<n>{NUM}|{VAGUE})[\s-]+(?P<u>{UNITS})(?:\s+long)?)\b(?![\s-]+old\b)", c.duration),
    _r("clock", r"(?:\b(?:at|by|until|from)\s+)?(?P<t>(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<dp>a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?P<zone>GMT|UTC|ET|EST|EDT|PT|PST|PDT|BST))?)", c.clock, 2),
    _r("clock_gmt", r"(?P<t>(?P<h>[0-2]\d)[:.]?(?P<mi>[0-5]\d)\s*(?P<zone>GMT|UTC))\b", c.clock, 1),
    _r("set", rf"\b(?P<t>(?P<w>daily|weekly|monthly|annually|yearly|hourly)|(?:every|each)\s+(?P<w2>day|week|month|year|{WD}))\b", lambda m, ctx: _set_any(m, ctx)),
]
# fmt: on


def _set_any(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = (g(m, "w") or g(m, "w2") or "").lower()
    wd = lx.WEEKDAYS.get(word)
    return Hit("SET", f"XXXX-WXX-{wd}" if wd else _SETS[word])
