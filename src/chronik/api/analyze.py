"""`POST /analyze`: run the local engine on a small batch of posted articles.

The items are written to a JSONL file named after the body's hash and given to
`chronik.engines.local.analyze`, exactly as `chronik analyze file.jsonl` would read
them; the hash keeps article ids stable, so posting the same batch twice stores it
once. Runs are serialised: one process, one SQLite writer.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from chronik.api.deps import db_path
from chronik.engines import local
from chronik.errors import ChronikError, ItemError, StoreError

router = APIRouter()

MAX_ITEMS = 100
MAX_BODY = 2 * 1024 * 1024
LINE = re.compile(r":line (\d+)$")
RUN_LOCK = threading.Lock()


class Item(BaseModel):
    """One posted article (the fields `chronik analyze` reads from JSONL)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=100)
    outlet: str | None = Field(default=None, max_length=200)


ITEMS: TypeAdapter[list[Item]] = TypeAdapter(
    Annotated[list[Item], Field(min_length=1, max_length=MAX_ITEMS)]
)


async def read_body(request: Request) -> bytes:
    """The body, refused (413) as soon as it passes `MAX_BODY`, whatever Content-Length says."""
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise HTTPException(413, f"body larger than {MAX_BODY // 1024 // 1024} MB")
        parts.append(chunk)
    return b"".join(parts)


def run(db: str, items: list[Item], stages: list[str] | None) -> dict[str, Any]:
    lines = [json.dumps(i.model_dump(exclude_none=True), ensure_ascii=False) for i in items]
    data = ("\n".join(lines) + "\n").encode()
    folder = Path(tempfile.gettempdir()) / f"chronik-api-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"post-{hashlib.sha256(data).hexdigest()[:16]}.jsonl"
    with RUN_LOCK:
        path.write_bytes(data)
        try:
            report = local.analyze([str(path)], db, stages=stages)
        finally:
            path.unlink(missing_ok=True)
    return {
        "read": report.read,
        "processed": report.processed,
        "unchanged": report.unchanged,
        "errors": [error_row(e, str(path)) for e in report.errors],
        "counts": report.counts,
        "seconds": round(report.seconds, 3),
    }


def error_row(error: ItemError, path: str) -> dict[str, Any]:
    """An error pointing at the posted item (0-based index) rather than at our temp file."""
    item: str | int = error.item
    match = LINE.search(error.item)
    if error.item.startswith(path) and match:
        item = int(match.group(1)) - 1
    return {"item": item, "stage": error.stage, "reason": error.reason.replace(path, "<request>")}


@router.post("/analyze")
async def analyze(request: Request, db: Annotated[str, Depends(db_path)]) -> dict[str, Any]:
    body = await read_body(request)
    try:
        items = ITEMS.validate_json(body)
    except ValidationError as exc:
        detail = exc.errors(include_url=False, include_context=False, include_input=False)
        raise HTTPException(422, detail) from None
    try:
        return await run_in_threadpool(run, db, items, request.app.state.stages)
    except StoreError as exc:
        raise HTTPException(503, f"store unavailable: {exc}") from None
    except ChronikError as exc:
        raise HTTPException(400, str(exc)) from None
