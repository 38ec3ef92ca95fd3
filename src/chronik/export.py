"""The `chronik export` contract: one row per record of kind X, as jsonl, csv or json.

Rows are plain dicts; fields are only ever added, never renamed (see DESIGN.md).
Each stage's owner adds its kind to `EXPORTS`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from chronik.codec import to_dict
from chronik.errors import ChronikError
from chronik.store.base import Store

Row = dict[str, Any]
FORMATS = ("jsonl", "csv", "json")


def _articles(store: Store) -> Iterator[Row]:
    for art in store.articles():
        yield {
            "id": art.id,
            "source": art.source,
            "url": art.url,
            "outlet": art.outlet,
            "title": art.title,
            "published": art.published,
            "published_source": art.published_source,
            "language": art.language,
            "text": art.text,
            "removed": [{"line": r.line, "reason": r.reason} for r in art.removed],
            "contributors": list(art.contributors),
            "sentences": len(art.sentences),
            "tokens": len(art.tokens),
            "paragraph_languages": [p[2] for p in art.paragraphs],
            "warnings": art.meta.get("warnings", []),
        }


def span_rows(store: Store, kind: str) -> Iterator[Row]:
    """Generic rows for a span kind: article_id plus every span field."""
    for article_id, span in store.spans(kind):
        yield {"article_id": article_id, **to_dict(span)}


EXPORTS: dict[str, Callable[[Store], Iterable[Row]]] = {
    "articles": _articles,
    "timexes": lambda store: span_rows(store, "timex"),
    "dct": lambda store: ({"article_id": a.id, **a.meta.get("dct", {})} for a in store.articles()),
    "mentions": lambda store: span_rows(store, "mention"),
    "entities": lambda store: (
        {k: v for k, v in to_dict(e).items() if k != "meta"} for e in store.records("entity")
    ),
    "quotes": lambda store: ({**r, "kind": r.get("type")} for r in span_rows(store, "quote")),
    "quantities": lambda store: span_rows(store, "quantity"),
    "claims": lambda store: (
        {"id": c.id, "measure": c.measure, "values": list(c.values_by_source), "verdict": c.verdict}
        for c in store.records("claim")
    ),
    "stories": lambda store: (
        {**{k: v for k, v in to_dict(s).items() if k != "meta"}, **s.meta}
        for s in store.records("story")
    ),
}


def rows(store: Store, what: str) -> Iterable[Row]:
    try:
        return EXPORTS[what](store)
    except KeyError:
        known = ", ".join(sorted(EXPORTS))
        raise ChronikError(f"cannot export {what!r} (known: {known})") from None


def write(rows_: Iterable[Row], fmt: str, out: TextIO) -> int:
    """Write rows in `fmt` to `out`; returns the row count."""
    if fmt == "jsonl":
        n = 0
        for n, row in enumerate(rows_, start=1):  # noqa: B007
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return n
    if fmt == "json":
        data = list(rows_)
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return len(data)
    if fmt == "csv":
        return _write_csv(rows_, out)
    raise ChronikError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")


def _write_csv(rows_: Iterable[Row], out: TextIO) -> int:
    writer: csv.DictWriter[str] | None = None
    n = 0
    for n, row in enumerate(rows_, start=1):  # noqa: B007
        flat = {k: _cell(v) for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
    return n


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_string(rows_: Iterable[Row], fmt: str) -> str:
    buf = io.StringIO()
    write(rows_, fmt, buf)
    return buf.getvalue()
