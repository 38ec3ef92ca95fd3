"""Calendar arithmetic on anchors of mixed granularity (year, month or day).

An article's reference date may be only a month ("2023-09"); every shift here keeps
what it knows and marks what it does not with TIMEX3 "X" placeholders, so that a
relative expression is never given a day the text does not support.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Anchor:
    """A reference point: year always, month and day when known."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        """Anchor from an ISO-like value ("2023-09-12", "2023-09", "2023-09-12T10:00")."""
        if not value:
            return None
        m = _ISO.match(value)
        if not m:
            return None
        y, mo, d = (int(g) if g else None for g in m.groups())
        if y is None or (mo is not None and not 1 <= mo <= 12):
            return None
        if d is not None and mo is not None and not valid_date(y, mo, d):
            d = None
        return cls(y, mo, d)

    @property
    def date(self) -> dt.date | None:
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def of(cls, day: dt.date) -> Anchor:
        return cls(day.year, day.month, day.day)


def valid_date(year: int, month: int, day: int) -> bool:
    """False for impossible dates such as 31 February."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def day_value(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def shift_days(a: Anchor, n: int) -> tuple[str, bool]:
    """Value `n` days from `a`; (value, vague). Month-only anchors give "YYYY-MM-XX"."""
    if a.date is not None:
        return (a.date + dt.timedelta(days=n)).isoformat(), False
    if a.month is not None:
        return f"{a.year:04d}-{a.month:02d}-XX", True
    return f"{a.year:04d}-XX-XX", True


def shift_weeks(a: Anchor, n: int) -> tuple[str, bool]:
    """ISO week `n` weeks from `a` ("2023-W36")."""
    if a.date is None:
        return f"{a.year:04d}-WXX", True
    y, w, _ = (a.date + dt.timedelta(weeks=n)).isocalendar()
    return f"{y:04d}-W{w:02d}", False


def shift_months(a: Anchor, n: int) -> tuple[str, bool]:
    if a.month is None:
        return f"{a.year:04d}-XX", True
    idx = a.year * 12 + (a.month - 1) + n
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}", False


def shift_years(a: Anchor, n: int) -> str:
    return f"{a.year + n:04d}"


def shift_unit(a: Anchor, unit: str, n: int) -> tuple[str, bool]:
    """Shift by `n` of a TIMEX3 unit letter (D, W, M, Y, DE, CE), at that granularity."""
    if unit == "D":
        return shift_days(a, n)
    if unit == "W":
        return shift_weeks(a, n)
    if unit == "M":
        return shift_months(a, n)
    if unit == "Y":
        return shift_years(a, n), False
    if unit == "DE":
        return f"{(a.year // 10 + n):03d}", False
    if unit == "CE":
        return f"{(a.year // 100 + n):02d}", False
    return "PAST_REF" if n < 0 else "FUTURE_REF", True


def weekday_value(a: Anchor, weekday: int, direction: int) -> tuple[str, bool]:
    """The weekday (1=Mon) nearest `a` in `direction` (-1 past incl. today, +1 future, 0 same week).

    A month-only anchor cannot fix the day: "YYYY-MM-XX", vague.
    """
    if a.date is None:
        return shift_days(a, 0)
    cur = a.date.isoweekday()
    if direction < 0:
        delta = -((cur - weekday) % 7)
    elif direction > 0:
        delta = (weekday - cur) % 7
    else:
        delta = weekday - cur
    return (a.date + dt.timedelta(days=delta)).isoformat(), False


def year_for_month(a: Anchor, month: int, direction: int) -> int:
    """Year of a month named without one: the anchor's, moved by tense when it must be.

    Past tense and a month after the anchor's month -> previous year; future tense and
    a month before it -> next year.
    """
    if a.month is None:
        return a.year
    if direction < 0 and month > a.month:
        return a.year - 1
    if direction > 0 and month < a.month:
        return a.year + 1
    return a.year


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
