"""Plain text files: decoded and repaired, otherwise unchanged (the clean stage parses them)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from chronik.errors import InputError, ItemError
from chronik.ingest.decode import bytes_to_text
from chronik.ingest.fields import make_article
from chronik.ingest.sources import Blob
from chronik.model import Article


def blob_meta(blob: Blob, encoding: str | None = None, fixed: bool = False) -> dict[str, Any]:
    """The meta entries every reader records about where the bytes came from."""
    meta: dict[str, Any] = {}
    if encoding:
        meta["encoding"] = encoding
    if fixed:
        meta["encoding_fixed"] = True
    if blob.compressed:
        meta["compression"] = "gzip"
    return meta


def read_text(blob: Blob) -> Iterator[Article | ItemError]:
    text, encoding, fixed = bytes_to_text(blob.data, blob.source)
    if not text.strip():
        raise InputError(blob.source, "empty file")
    yield make_article(blob.source, text, "txt", meta=blob_meta(blob, encoding, fixed))
