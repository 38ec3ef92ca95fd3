"""The read-only JSON routes: thin wrappers that open the store, call it, shape JSON."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from chronik.api.deps import db_path, open_db, search_hits
from chronik.codec import to_dict
from chronik.model import Article

router = APIRouter()

Db = Annotated[str, Depends(db_path)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
SPAN_LISTS = ("mentions", "timexes", "quotes", "quantities", "event_mentions")


@router.get("/health")
def health(db: Db) -> dict[str, Any]:
    """Liveness plus the store's counts, so a monitor also sees an unreadable store."""
    with open_db(db) as store:
        return {"status": "ok", "db": db, "counts": store.counts()}


def article_summary(art: Article) -> dict[str, Any]:
    return {
        "id": art.id,
        "title": art.title,
        "outlet": art.outlet,
        "url": art.url,
        "published": art.published,
        "language": art.language,
        "sentences": len(art.sentences),
        **{name: len(getattr(art, name)) for name in SPAN_LISTS},
        "removed": len(art.removed),
    }


def article_detail(art: Article) -> dict[str, Any]:
    """The article with its spans; sentences and tokens only as counts (they are many)."""
    return {
        **article_summary(art),
        "source": art.source,
        "published_source": art.published_source,
        "contributors": list(art.contributors),
        "text": art.text,
        "tokens": len(art.tokens),
        "removed": [{"line": r.line, "reason": r.reason} for r in art.removed],
        **{name: [to_dict(s) for s in getattr(art, name)] for name in SPAN_LISTS},
        "warnings": art.meta.get("warnings", []),
        "done": list(art.done),
    }


def page(items: Iterable[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of `items` plus the total, so a client can page on."""
    kept: list[Any] = []
    total = 0
    for total, item in enumerate(items, start=1):
        if offset < total <= offset + limit:
            kept.append(item)
    return {"total": total, "limit": limit, "offset": offset, "items": kept}


@router.get("/articles")
def list_articles(
    db: Db,
    limit: Limit = 50,
    offset: Offset = 0,
    language: Annotated[str | None, Query(max_length=20)] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    with open_db(db) as store:
        total, items = store.article_index(
            limit=limit, offset=offset, language=language, outlet=outlet
        )
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/articles/{article_id}")
def get_article(db: Db, article_id: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
    with open_db(db) as store:
        found = next(iter(store.articles([article_id])), None)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return article_detail(found)


def records(db: str, kind: str) -> Iterator[dict[str, Any]]:
    with open_db(db) as store:
        found = store.records(kind)
    return ({k: v for k, v in to_dict(r).items() if k != "meta"} for r in found)


@router.get("/stories")
def list_stories(db: Db, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(records(db, "story"), limit, offset)


@router.get("/entities")
def list_entities(db: Db, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(records(db, "entity"), limit, offset)


@router.get("/search")
def search(
    db: Db,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    mode: Literal["hybrid", "keyword", "semantic"] = "hybrid",
    lang: Annotated[str | None, Query(max_length=20)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    return {"query": q, "mode": mode, "hits": search_hits(db, q, mode, lang, limit)}
