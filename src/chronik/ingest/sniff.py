"""Which reader a blob needs: by file extension first, by its first bytes otherwise."""

from __future__ import annotations

import json
import os
import re

from chronik.errors import InputError
from chronik.ingest.sources import Blob

BY_EXTENSION = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "rss",
    ".atom": "rss",
}
_FEED = re.compile(rb"<(?:rss|feed|rdf:rdf)\b")
_HTML = re.compile(rb"<(?:!doctype html|html|head|body|article|div|p|title|meta)\b")
_LEADING = b" \t\r\n\xef\xbb\xbf"


def detect(blob: Blob) -> str:
    """The format of `blob`: "txt", "html", "jsonl", "warc" or "rss"."""
    fmt = BY_EXTENSION.get(os.path.splitext(blob.name)[1].lower())
    return fmt or sniff(blob.data, blob.source)


def sniff(data: bytes, item: str) -> str:
    head = data[:4096].lstrip(_LEADING)
    lower = head.lower()
    if head.startswith(b"WARC/"):
        return "warc"
    if lower.startswith(b"<"):
        if _FEED.search(lower):
            return "rss"
        if _HTML.search(lower):
            return "html"
        if lower.startswith(b"<?xml"):
            raise InputError(item, "XML that is neither an RSS/Atom feed nor HTML")
    if head.startswith(b"{") and _json_object_line(head):
        return "jsonl"
    return "txt"


def _json_object_line(head: bytes) -> bool:
    line = head.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
