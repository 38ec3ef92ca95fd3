"""`GET /export/{what}`: the rows of `chronik export`, streamed.

The rows come from `chronik.export` (never rebuilt here). They are produced in one
dedicated thread, because a SQLite connection may only be used by the thread that
opened it, and handed to the response through a small bounded queue.
"""

from __future__ import annotations

import io
import logging
import queue
import threading
from collections.abc import AsyncIterator
from contextlib import suppress
from typing import Annotated, Literal, TextIO, cast

import anyio.to_thread
from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import StreamingResponse

from chronik import export as exporter
from chronik.api.deps import check_db, db_path, open_db

router = APIRouter()
LOG = logging.getLogger(__name__)

MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv", "json": "application/json"}
CHUNK = 64 * 1024
DONE = object()


class ClientGoneError(Exception):
    """The client went away: stop producing rows."""


class Pipe(io.TextIOBase):
    """A text sink handing ~64 KB chunks to a bounded queue until told to stop."""

    def __init__(self, out: queue.Queue[object], stop: threading.Event) -> None:
        self.out, self.stop = out, stop
        self.parts: list[str] = []
        self.size = 0

    def write(self, s: str) -> int:
        self.parts.append(s)
        self.size += len(s)
        if self.size >= CHUNK:
            self.flush()
        return len(s)

    def flush(self) -> None:
        if self.parts:
            self.send("".join(self.parts))
            self.parts, self.size = [], 0

    def send(self, item: object) -> None:
        while not self.stop.is_set():
            try:
                self.out.put(item, timeout=0.2)
                return
            except queue.Full:
                continue
        raise ClientGoneError


def produce(db: str, what: str, fmt: str, pipe: Pipe) -> None:
    """Write every row into `pipe`; a failure midway ends the stream early (status is sent)."""
    with suppress(ClientGoneError):
        try:
            with open_db(db) as store:
                exporter.write(exporter.rows(store, what), fmt, cast(TextIO, pipe))
            pipe.flush()
        except ClientGoneError:
            raise
        except Exception:  # the response has started: all we can do is log and end it
            LOG.exception("export of %s failed midway", what)
        pipe.send(DONE)


async def stream(db: str, what: str, fmt: str) -> AsyncIterator[str]:
    out: queue.Queue[object] = queue.Queue(maxsize=8)
    stop = threading.Event()
    worker = threading.Thread(target=produce, args=(db, what, fmt, Pipe(out, stop)), daemon=True)
    worker.start()
    try:
        while (item := await anyio.to_thread.run_sync(out.get)) is not DONE:
            yield str(item)
    finally:
        stop.set()


@router.get("/export/{what}")
def export(
    what: str,
    db: Annotated[str, Depends(db_path)],
    fmt: Annotated[Literal["jsonl", "csv", "json"], Query(alias="format")] = "jsonl",
) -> StreamingResponse:
    if what not in exporter.EXPORTS:
        known = ", ".join(sorted(exporter.EXPORTS))
        raise HTTPException(404, f"cannot export {what!r} (known: {known})")
    check_db(db)
    headers = {"Content-Disposition": f'inline; filename="{what}.{fmt}"'}
    return StreamingResponse(stream(db, what, fmt), media_type=MEDIA[fmt], headers=headers)
