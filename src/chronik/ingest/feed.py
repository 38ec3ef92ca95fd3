"""RSS / Atom feeds: each entry with content or a summary becomes an article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from chronik.errors import InputError, ItemError
from chronik.ingest.decode import fix_text
from chronik.ingest.fields import make_article
from chronik.ingest.html import strip_tags
from chronik.ingest.sources import Blob
from chronik.ingest.text import blob_meta
from chronik.model import Article


def read_feed(blob: Blob) -> Iterator[Article | ItemError]:
    import feedparser

    parsed = feedparser.parse(blob.data)
    if not parsed.entries:
        reason = "feed has no entries"
        if parsed.get("bozo"):
            reason = f"malformed feed: {parsed.get('bozo_exception')}"
        raise InputError(blob.source, reason)
    outlet = _plain(parsed.feed.get("title_detail")) or parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        item = f"{blob.source}#{number}"
        body = _body(entry)
        if not body:
            yield ItemError(item, "feed entry has no content or summary")
            continue
        link = entry.get("link") or None
        meta = blob_meta(blob, parsed.get("encoding"))
        meta["entry"] = number
        yield make_article(
            link or item,
            body,
            "rss",
            url=link,
            outlet=outlet,
            title=_plain(entry.get("title_detail")) or entry.get("title"),
            published=_date(entry),
            meta=meta,
        )


def _body(entry: Any) -> str:
    """The longest of the entry's full content and its summary, as plain text."""
    candidates = [c for c in entry.get("content", []) if c.get("value")]
    if entry.get("summary_detail", {}).get("value"):
        candidates.append(entry["summary_detail"])
    texts = [_plain(c) for c in candidates]
    best = max(texts, key=len, default="")
    return fix_text(best)[0] if best else ""


def _plain(detail: Any) -> str:
    if not detail or not detail.get("value"):
        return ""
    value = str(detail["value"])
    kind = str(detail.get("type", "text/html"))
    return strip_tags(value) if "html" in kind else value.strip()


def _date(entry: Any) -> Any:
    """The original publication date (the entry's own string first: feedparser's parsed
    times are shifted to UTC, which can move the day); the update date as a last resort."""
    for key in ("published", "published_parsed", "created", "updated", "updated_parsed"):
        if entry.get(key):
            return entry[key]
    return None
