"""The FastAPI application: JSON routes, the web UI, and errors as messages, never traces.

Browser pages (`/`, `/ui/...`) get their errors as an HTML page, every other path as
`{"detail": ...}` JSON.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from chronik.api import analyze, export, routes
from chronik.web import views

LOG = logging.getLogger(__name__)


def create_app(db: str, *, stages: Sequence[str] | None = None) -> FastAPI:
    """The app over the store at `db`; `stages` limits what `POST /analyze` runs."""
    app = FastAPI(title="chronik", summary="News articles as a source-attributed story.")
    app.state.db = db
    app.state.stages = list(stages) if stages else None
    for module in (routes, export, analyze, views):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=views.STATIC), name="static")
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_bad_request)
    app.add_exception_handler(sqlite3.Error, on_store_error)
    app.add_exception_handler(Exception, on_unexpected)
    return app


def is_page(request: Request) -> bool:
    path = request.url.path
    return path == "/" or path.startswith("/ui/")


def reply(request: Request, status: int, detail: Any, headers: Any = None) -> Response:
    if not is_page(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    message = (
        detail
        if isinstance(detail, str)
        else "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in detail
        )
    )
    context = {"status": status, "message": message, "q": ""}
    return views.templates.TemplateResponse(request, "error.html", context, status_code=status)


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return reply(request, exc.status_code, exc.detail, getattr(exc, "headers", None))


async def on_bad_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [{k: e[k] for k in ("loc", "msg", "type") if k in e} for e in exc.errors()]
    return reply(request, 422, errors)


async def on_store_error(request: Request, exc: Exception) -> Response:
    LOG.warning("store error on %s: %s", request.url.path, exc)
    return reply(request, 503, f"store unavailable: {exc}")


async def on_unexpected(request: Request, exc: Exception) -> Response:
    LOG.exception("unexpected error on %s", request.url.path)
    return reply(request, 500, "internal error (see the server log)")
