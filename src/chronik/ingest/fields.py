"""Building `Article`s from what a reader found: one place for ids, dates and meta."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from chronik.model import Article, content_id

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\b")


def iso_date(value: Any) -> str | None:
    """A publication date as TIMEX3 (`2023-09-12`, `2023-09`, `2023`), or None.

    Accepts ISO dates and date-times, RFC 2822 (feeds, WARC), German `12.09.2023`,
    `datetime`s and `time.struct_time`s; the time of day is dropped on purpose: stages
    anchor relative dates on the day.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "tm_year"):  # time.struct_time from feedparser
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    text = str(value).strip()
    match = _ISO.match(text)
    if match:
        return _valid(*match.groups())
    match = _DMY.match(text)
    if match:
        day, month, year = match.groups()
        return _valid(year, month, day)
    try:
        return parsedate_to_datetime(text).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        return None


def _valid(year: str, month: str | None, day: str | None) -> str | None:
    try:
        if day:
            return date(int(year), int(month or 1), int(day)).isoformat()
        if month:
            return f"{int(year):04d}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    except ValueError:
        return None
    return f"{int(year):04d}"


def make_article(
    source: str,
    raw_text: str,
    fmt: str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: Any = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    """An ingested article: id from text + source, dates normalised, format recorded."""
    info: dict[str, Any] = {"format": fmt, **(meta or {})}
    day = iso_date(published)
    if isinstance(published, str) and published.strip() not in ("", day):
        info["published_raw"] = str(published)
    return Article(
        id=content_id(raw_text, source),
        source=source,
        raw_text=raw_text,
        url=_text(url),
        outlet=_text(outlet),
        title=_text(title),
        published=day,
        published_source="metadata" if day else "none",
        meta=info,
    )


def _text(value: Any) -> str | None:
    """Metadata fields as single-line strings (None for empty or non-scalar values)."""
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    return text or None
