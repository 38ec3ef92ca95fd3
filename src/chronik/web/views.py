"""The web UI routes: stories (or articles) -> article view, and a search page."""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from chronik.api.deps import db_path, open_db, search_hits
from chronik.api.routes import article_summary
from chronik.web.highlight import article_marks, highlight

HERE = FilePath(__file__).parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=str(HERE / "templates"))
router = APIRouter(default_response_class=HTMLResponse)

Db = Annotated[str, Depends(db_path)]


@router.get("/")
def index(request: Request, db: Db) -> HTMLResponse:
    """Stories with their articles when the story stage has run, else all articles."""
    with open_db(db) as store:
        stories = store.records("story")
        articles = {a.id: article_summary(a) for a in store.articles()}
    groups = [
        {
            "label": s.label,
            "first": s.first,
            "last": s.last,
            "articles": [articles[i] for i in s.article_ids if i in articles],
        }
        for s in stories
    ]
    placed = {i for s in stories for i in s.article_ids}
    rest = [a for i, a in articles.items() if i not in placed]
    if rest or not groups:
        groups.append({"label": "Other articles" if groups else "All articles", "articles": rest})
    return templates.TemplateResponse(request, "index.html", {"groups": groups, "q": ""})


def parse_hit(hl: str | None) -> tuple[int, int] | None:
    """`hl=START-END` (a search hit to mark); anything else is ignored."""
    start, _, end = (hl or "").partition("-")
    if start.isdigit() and end.isdigit():
        return int(start), int(end)
    return None


@router.get("/ui/articles/{article_id}")
def article_view(
    request: Request,
    db: Db,
    article_id: Annotated[str, Path(max_length=100)],
    hl: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    with open_db(db) as store:
        art = next(iter(store.articles([article_id])), None)
    if art is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    body = highlight(art.text, article_marks(art, parse_hit(hl)))
    context: dict[str, Any] = {"art": art, "body": body, "q": "", "summary": article_summary(art)}
    return templates.TemplateResponse(request, "article.html", context)


@router.get("/ui/search")
def search_view(
    request: Request,
    db: Db,
    q: Annotated[str, Query(max_length=500)] = "",
    mode: Annotated[str, Query(pattern="^(hybrid|keyword|semantic)$")] = "hybrid",
) -> HTMLResponse:
    hits: list[dict[str, Any]] = []
    message = ""
    if q.strip():
        try:
            hits = search_hits(db, q, mode, None, 20)
        except HTTPException as exc:
            if exc.status_code not in (422, 501):
                raise
            message = str(exc.detail)
    context = {"q": q, "mode": mode, "hits": hits, "message": message}
    return templates.TemplateResponse(request, "search.html", context)
