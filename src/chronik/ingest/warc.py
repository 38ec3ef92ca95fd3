"""WARC / WARC.gz crawls: each HTML response record -> the HTML path.

The record's target URI is the article's url and source; the WARC-Date (the crawl time)
is only a fallback publication date, noted as such in meta["date_method"].
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from chronik.errors import InputError, ItemError
from chronik.ingest.fields import make_article
from chronik.ingest.html import decode_html, extract_html
from chronik.ingest.sniff import sniff
from chronik.ingest.sources import Blob
from chronik.ingest.text import blob_meta
from chronik.model import Article


def read_warc(blob: Blob) -> Iterator[Article | ItemError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(io.BytesIO(blob.data)), 1):
            if record.rec_type == "response":
                yield from _response(record, blob, f"{blob.source}#{number}")
    except (ArchiveLoadFailed, ValueError, EOFError) as exc:
        if not blob.truncated:  # a cut archive is reported once, as "truncated gzip"
            yield ItemError(f"{blob.source}#{number + 1}", f"malformed WARC record: {exc}")


def _response(record: Any, blob: Blob, item: str) -> Iterator[Article | ItemError]:
    http = record.http_headers
    status = http.get_statuscode() if http is not None else "200"
    ctype = (http.get_header("Content-Type") or "") if http is not None else ""
    if not str(status).startswith("2") or (ctype and "html" not in ctype.lower()):
        return  # redirects, errors, images, scripts: not articles
    payload = record.content_stream().read()
    if record.raw_stream.limit:  # the archive ended inside this record
        return
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    try:
        if not ctype and sniff(payload, item) != "html":
            return
        html, encoding = decode_html(payload, item)
        doc = extract_html(html, item, url=uri)
    except InputError as exc:
        yield ItemError(exc.item, exc.reason)
        return
    published, method = doc.published, doc.date_method
    if not published:
        published = record.rec_headers.get_header("WARC-Date")
        method = "warc-date" if published else None
    meta = blob_meta(blob, encoding)
    meta["date_method"] = method
    yield make_article(
        uri or item,
        doc.text,
        "warc",
        url=uri or doc.url,
        outlet=doc.outlet,
        title=doc.title,
        published=published,
        meta=meta,
    )
