"""Where input bytes come from: specs (folders, files, globs, "-") -> loaded blobs.

Sizes are checked before reading so that a 200 MB upload is refused without touching it;
gzip is undone here (by magic bytes, not by name) so that every format reader sees plain
bytes and a truncated archive still yields what was readable before the cut.
"""

from __future__ import annotations

import errno
import glob
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from chronik.errors import InputError, ItemError

STDIN = "-"
STDIN_SOURCE = "<stdin>"
GZIP_MAGIC = b"\x1f\x8b"
# a gzip bomb guard: decompressed data may be this many times the byte limit
INFLATE_FACTOR = 20
# extensions a folder walk picks up (plus files with no extension, sniffed by content)
SUPPORTED = frozenset(
    {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc", ".rss"}
    | {".atom", ".xml"}
)


@dataclass(frozen=True)
class Blob:
    """The bytes of one input file (gunzipped), with the name used to guess its format."""

    source: str
    data: bytes
    name: str
    compressed: bool = False
    truncated: bool = False


def human_mb(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB" if size >= 1_000_000 else f"{size / 1_000_000:.2f} MB"


def expand(specs: Sequence[str]) -> Iterator[str | ItemError]:
    """File paths (or "-") in spec order, folders walked sorted; each path once."""
    seen: set[str] = set()
    for spec in specs:
        found = 0
        for path in _expand_one(spec):
            if isinstance(path, ItemError):
                yield path
                found += 1
                continue
            key = path if path == STDIN else os.path.realpath(path)
            found += 1
            if key not in seen:
                seen.add(key)
                yield path
        if not found:
            what = "no supported files found" if os.path.isdir(spec) else "no files match"
            yield ItemError(spec, what)


def _expand_one(spec: str) -> Iterator[str | ItemError]:
    if spec == STDIN:
        yield STDIN
    elif os.path.isdir(spec):
        yield from _walk(spec)
    elif os.path.lexists(spec) or not glob.has_magic(spec):
        yield spec  # a file; a missing one is reported when it is read
    else:
        for match in sorted(glob.glob(spec, recursive=True)):
            if os.path.isdir(match):
                yield from _walk(match)
            elif not _hidden(Path(match).name) and not _documentation(Path(match).name):
                yield match


def _walk(folder: str) -> Iterator[str]:
    """Supported files under `folder`, recursively, sorted, hidden files and folders skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file() and _supported(entry.name) and not _documentation(entry.name):
            yield entry.path


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~") or name.endswith("~")


def _documentation(name: str) -> bool:
    """README.md, LICENSE, EXPECTED.md...: by convention ALL-CAPS names document a folder
    rather than hold a news item, so folder walks skip them (naming one reads it)."""
    stem, ext = os.path.splitext(name)
    return ext.lower() in {"", ".md", ".txt", ".text"} and stem.isupper()


def _supported(name: str) -> bool:
    inner = name[:-3] if name.lower().endswith(".gz") else name
    ext = os.path.splitext(inner)[1].lower()
    return ext in SUPPORTED or (ext == "" and inner == name)


def load(path: str, max_bytes: int) -> Blob:
    """Read one file (size checked first) and undo gzip; `InputError` when impossible."""
    try:
        size = os.stat(path).st_size
        if os.path.isdir(path):
            raise InputError(path, "cannot read: is a directory")
        if size > max_bytes:
            raise InputError(
                path, f"file too large ({human_mb(size)} > {human_mb(max_bytes)} limit)"
            )
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(path, f"cannot read: {_os_reason(exc)}") from exc
    if len(data) > max_bytes:  # grew while we looked (a pipe or a log being written)
        raise InputError(path, f"file too large (> {human_mb(max_bytes)} limit)")
    return _blob(path, data, Path(path).name, max_bytes)


def load_stdin(max_bytes: int) -> Blob:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(STDIN_SOURCE, f"input too large (> {human_mb(max_bytes)} limit)")
    return _blob(STDIN_SOURCE, data, "", max_bytes)


def _blob(source: str, data: bytes, name: str, max_bytes: int) -> Blob:
    if not data.strip():
        raise InputError(source, "empty file")
    if not data.startswith(GZIP_MAGIC):
        return Blob(source, data, name)
    inner, truncated = gunzip(data, max_bytes * INFLATE_FACTOR, source)
    inner_name = name[:-3] if name.lower().endswith(".gz") else os.path.splitext(name)[0]
    if not inner.strip() and not truncated:
        raise InputError(source, "empty file")
    return Blob(source, inner, inner_name, compressed=True, truncated=truncated)


def gunzip(data: bytes, limit: int, source: str) -> tuple[bytes, bool]:
    """Inflate every gzip member; returns (bytes, truncated) keeping what precedes a cut."""
    out: list[bytes] = []
    total = 0
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        try:
            chunk = inflater.decompress(rest, limit - total + 1)
        except zlib.error:
            return b"".join(out), True  # corrupt data counts as a cut at that point
        out.append(chunk)
        total += len(chunk)
        if total > limit or inflater.unconsumed_tail:
            raise InputError(source, f"decompressed size exceeds {human_mb(limit)} limit")
        if not inflater.eof:
            return b"".join(out), True
        rest = inflater.unused_data.lstrip(b"\x00")  # some writers pad members with NULs
    return b"".join(out), False


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)
