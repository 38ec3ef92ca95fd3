"""The ingest layer: folders, files, globs or stdin -> `Article`s (or one `ItemError` each).

Public entry point: `read_inputs`. Every failure is tied to the item it concerns (a file,
`file:line N`, or `file#N` for the Nth record of a container) and reading carries on, so
one bad file never costs the rest of a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from chronik.errors import InputError, ItemError
from chronik.ingest.feed import read_feed
from chronik.ingest.html import read_html
from chronik.ingest.jsonl import read_jsonl
from chronik.ingest.sniff import detect
from chronik.ingest.sources import STDIN, Blob, expand, load, load_stdin
from chronik.ingest.text import read_text
from chronik.ingest.warc import read_warc
from chronik.model import Article

__all__ = ["FORMATS", "read_blob", "read_inputs"]

Reader = Callable[[Blob], Iterator[Article | ItemError]]
FORMATS: dict[str, Reader] = {
    "txt": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "rss": read_feed,
}
# formats holding many records keep those read before a gzip cut; a cut single
# document would be a silently shortened article, so it is only reported
RECORD_FORMATS = frozenset({"jsonl", "warc"})
TRUNCATED = "truncated gzip"


def read_inputs(
    specs: Sequence[str], *, max_bytes: int = 50_000_000
) -> Iterator[Article | ItemError]:
    """Yield one `Article` per news item found in `specs`, or an `ItemError` per failure.

    `specs` are folders (walked recursively and sorted, hidden files skipped), files,
    globs, or "-" for stdin; files over `max_bytes` are refused before being read.
    """
    if isinstance(specs, str):  # one spec passed bare would be read letter by letter
        specs = [specs]
    for target in expand(specs):
        if isinstance(target, ItemError):
            yield target
            continue
        try:
            blob = load_stdin(max_bytes) if target == STDIN else load(target, max_bytes)
        except InputError as exc:
            yield ItemError(exc.item, exc.reason)
            continue
        yield from read_blob(blob)


def read_blob(blob: Blob) -> Iterator[Article | ItemError]:
    """Read one loaded input with the reader its format needs; never raises."""
    fmt = ""
    try:
        fmt = detect(blob)
        if blob.truncated and fmt not in RECORD_FORMATS:
            yield ItemError(blob.source, TRUNCATED)
            return
        yield from FORMATS[fmt](blob)
    except InputError as exc:
        yield ItemError(exc.item, exc.reason)
    except Exception as exc:  # a library choking on odd input must not stop the batch
        yield ItemError(blob.source, f"unreadable: {type(exc).__name__}: {exc}")
    if blob.truncated and fmt in RECORD_FORMATS:
        yield ItemError(blob.source, TRUNCATED)
