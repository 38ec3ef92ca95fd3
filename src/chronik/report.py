"""Terminal summaries of a store (Rich tables) for `chronik stats` and `make demo`.

Kept out of cli.py so the CLI stays a thin parser; these only read the store.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from chronik.store.base import Store

TOP_ENTITIES = 12


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, no_wrap=col not in ("title", "label", "aliases"), overflow="ellipsis")
    return table


def counts_table(store: Store, title: str) -> Table:
    table = _table(title, "what", "count")
    for key, value in store.counts().items():
        table.add_row(key, str(value))
    return table


def articles_table(store: Store, limit: int = 50) -> Table:
    total, rows = store.article_index(limit=limit)
    table = _table(
        f"articles ({total})", "title", "outlet", "published", "lang", "sent.", "removed"
    )
    for row in rows:
        table.add_row(
            (row["title"] or row["source"])[:70],
            row["outlet"] or "",
            row["published"] or "-",
            row["language"] or "?",
            str(row["sentences"]),
            str(row["removed"]),
        )
    return table


def stories_table(store: Store) -> Table | None:
    stories = store.records("story")
    if not stories:
        return None
    table = _table(f"stories ({len(stories)})", "label", "articles", "languages", "first", "last")
    for story in sorted(stories, key=lambda s: (-len(s.article_ids), s.first or "")):
        table.add_row(
            story.label[:70],
            str(len(story.article_ids)),
            ", ".join(story.languages),
            story.first or "-",
            story.last or "-",
        )
    return table


def entities_table(store: Store, top: int = TOP_ENTITIES) -> Table | None:
    entities = store.records("entity")
    if not entities:
        return None
    ranked = sorted(entities, key=lambda e: -e.mention_count)[:top]
    table = _table(f"top entities (of {len(entities)})", "name", "type", "mentions", "aliases")
    for ent in ranked:
        table.add_row(ent.name, ent.type, str(ent.mention_count), ", ".join(ent.aliases[:5]))
    return table


def languages_line(store: Store) -> str:
    _, rows = store.article_index(limit=1_000_000)
    langs = Counter(row["language"] or "?" for row in rows)
    return "languages: " + ", ".join(f"{k} {v}" for k, v in langs.most_common())


def print_summary(store: Store, title: str, console: Console | None = None) -> None:
    """Everything a user wants to see after a run, one table after the other."""
    out = console or Console(width=max(Console().width, 110))
    out.print(counts_table(store, title))
    out.print(languages_line(store))
    for table in (stories_table(store), entities_table(store), articles_table(store)):
        if table is not None:
            out.print(table)
