"""JSON Lines: one article per line (`text` or `html`, plus optional metadata).

A malformed line is one `ItemError` naming `file:line N`; the other lines go on. A few
common alternative key names of scraper exports are accepted next to the documented ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from chronik.errors import InputError, ItemError
from chronik.ingest.decode import decode_bytes, fix_text
from chronik.ingest.fields import make_article
from chronik.ingest.html import extract_html
from chronik.ingest.sources import Blob
from chronik.ingest.text import blob_meta
from chronik.model import Article

ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "date_publish", "published_at", "pubdate"),
    "outlet": ("outlet", "source_name", "sitename", "site", "publisher"),
}


def read_jsonl(blob: Blob) -> Iterator[Article | ItemError]:
    text, encoding = decode_bytes(blob.data, blob.source)
    lines = text.split("\n")
    if blob.truncated and not text.endswith("\n"):
        lines.pop()  # the line cut by the truncation is not a record
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        item = f"{blob.source}:line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ItemError(item, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        try:
            yield _article(record, blob, number, item, encoding)
        except InputError as exc:
            yield ItemError(exc.item, exc.reason)


def _pick(record: dict[str, Any], field: str) -> Any:
    for key in ALIASES[field]:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _article(record: Any, blob: Blob, number: int, item: str, encoding: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(item, f"not a JSON object but {type(record).__name__}")
    url = _pick(record, "url")
    url = url if isinstance(url, str) else None
    source = url or f"{blob.source}#{number}"
    meta = blob_meta(blob, encoding)
    meta["line"] = number
    body, html = _pick(record, "text"), _pick(record, "html")
    title, outlet, published = (_pick(record, k) for k in ("title", "outlet", "published"))
    if isinstance(body, str) and body.strip():
        body, fixed = fix_text(body)
        meta["encoding_fixed"] = fixed or None
    elif isinstance(html, str) and html.strip():
        doc = extract_html(html, item, url=url)
        body, meta["content"], meta["date_method"] = doc.text, "html", doc.date_method
        title, outlet = title or doc.title, outlet or doc.outlet
        url, published = url or doc.url, published or doc.published
    else:
        raise InputError(item, "no text: the object has no non-empty `text` or `html` field")
    meta = {key: value for key, value in meta.items() if value is not None}
    return make_article(
        source, body, "jsonl", url=url, outlet=outlet, title=title, published=published, meta=meta
    )
