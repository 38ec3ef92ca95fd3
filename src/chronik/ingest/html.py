"""HTML pages -> article body and metadata (trafilatura for the text, htmldate for the date).

The page is parsed once: htmldate reads a copy of the tree (it copies what it is given),
then trafilatura extracts the main text as XML, which is turned back into paragraphs
separated by blank lines because the cleaner and the sentence splitter rely on them.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from chronik.errors import InputError, ItemError
from chronik.ingest.decode import bytes_to_text, fix_text
from chronik.ingest.fields import make_article
from chronik.ingest.sources import Blob
from chronik.ingest.text import blob_meta
from chronik.model import Article

NO_TEXT = "no article text found"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SPACES = re.compile(r"[ \t\r\f\v]+")
_quiet = False


@dataclass(frozen=True)
class HtmlDoc:
    text: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    date_method: str | None


def decode_html(data: bytes, item: str) -> tuple[str, str]:
    """Decode HTML bytes, honouring a declared <meta charset> when UTF-8 fails."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(name, errors="replace"), name
        except LookupError:
            pass
    text, encoding, _ = bytes_to_text(data, item)
    return text, encoding


def extract_html(html: str, item: str, url: str | None = None) -> HtmlDoc:
    """Main text and metadata of one page; `InputError` when the page has no body text."""
    import htmldate
    import trafilatura
    from trafilatura.utils import load_html

    _silence()
    tree = load_html(html)
    if tree is None:
        raise InputError(item, NO_TEXT)
    date = htmldate.find_date(tree, original_date=True, extensive_search=False, url=url)
    method = "htmldate" if date else None
    doc: Any = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, with_metadata=True
    )
    if doc is None or getattr(doc, "body", None) is None:
        raise InputError(item, NO_TEXT)
    title = _clean(getattr(doc, "title", None))
    text = "\n\n".join(_drop_title(_blocks(doc.body), title))
    text, _ = fix_text(text)
    if not text.strip():
        raise InputError(item, NO_TEXT)
    if not date and getattr(doc, "date", None):
        date, method = doc.date, "trafilatura"
    return HtmlDoc(
        text=text,
        title=title,
        outlet=_clean(getattr(doc, "sitename", None)),
        url=getattr(doc, "url", None) or url,
        published=date,
        date_method=method,
    )


def _silence() -> None:
    """trafilatura/htmldate log every odd page at WARNING; the ItemError says enough."""
    global _quiet
    if not _quiet:
        for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
            logging.getLogger(name).setLevel(logging.ERROR)
        _quiet = True


def _blocks(body: Any) -> list[str]:
    """One string per paragraph-level element of trafilatura's XML body."""
    out: list[str] = []
    for el in body:
        if el.tag == "list":
            out.extend(_inline(item) for item in el.findall("item"))
        elif el.tag == "table":
            out.append(_table(el))
        else:
            out.append(_inline(el))
    return [block for block in out if block]


def _inline(el: Any) -> str:
    for lb in el.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    lines = ("".join(el.itertext())).split("\n")
    return "\n".join(s for s in (_SPACES.sub(" ", line).strip() for line in lines) if s)


def _table(el: Any) -> str:
    """A row per line, cells joined by " | " (a one-column layout table is just its text)."""
    rows = []
    for row in el.iter("row"):
        cells = [_inline(cell) for cell in row.findall("cell")]
        cells = [cell.replace("\n", " ") for cell in cells if cell]
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _drop_title(blocks: list[str], title: str | None) -> list[str]:
    """The page's <h1> repeats the title, which the article carries separately."""
    if blocks and title and _norm(blocks[0]) == _norm(title):
        return blocks[1:]
    return blocks


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    text = " ".join(value.split())
    return text or None


_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_BREAK = re.compile(r"<br\s*/?>", re.I)
_BLOCK = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|blockquote|pre|table|tr|section|article|figure|header"
    r"|footer|dl|dt|dd)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]+>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLANKS = re.compile(r"\n{3,}")


def strip_tags(fragment: str) -> str:
    """Text of a small HTML fragment (a feed entry), paragraphs as blank-line blocks.

    Feed entries are fragments that trafilatura's page heuristics often reject as too
    short, and their markup is simple, so tags are stripped instead.
    """
    text = _COMMENT.sub("", _DROP.sub("", fragment))
    text = _BLOCK.sub("\n\n", _BREAK.sub("\n", text))
    text = html_lib.unescape(_TAG.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def read_html(blob: Blob) -> Iterator[Article | ItemError]:
    html, encoding = decode_html(blob.data, blob.source)
    doc = extract_html(html, blob.source)
    meta = blob_meta(blob, encoding)
    meta["date_method"] = doc.date_method
    yield make_article(
        blob.source,
        doc.text,
        "html",
        url=doc.url,
        outlet=doc.outlet,
        title=doc.title,
        published=doc.published,
        meta=meta,
    )
