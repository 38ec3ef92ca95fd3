"""The terminal summary shows stories, entities and articles from the store."""

from __future__ import annotations

from rich.console import Console

from chronik.model import Article, Entity, Story
from chronik.report import print_summary
from chronik.store import open_store


def test_summary_lists_stories_entities_and_articles() -> None:
    store = open_store(":memory:")
    text = "Kim Jong Un traf Wladimir Putin im Kosmodrom Wostotschny."
    store.put_articles(
        [Article(id="a1", source="a.txt", raw_text=text, text=text, title="Gipfel", language="de")]
    )
    store.put_records("story", [Story(id="s1", label="Gipfel in Wostotschny", article_ids=("a1",))])
    store.put_records(
        "entity",
        [
            Entity(id="e1", type="PER", name="Kim Jong Un", aliases=("Kim",), mention_count=3),
            Entity(id="e2", type="LOC", name="Vostochny", aliases=("Wostotschny",)),
        ],
    )
    console = Console(record=True, width=120)
    print_summary(store, "demo", console)
    out = console.export_text()
    assert "Gipfel in Wostotschny" in out
    assert out.index("Kim Jong Un") < out.index("Vostochny")  # ranked by mentions
    assert "languages: de 1" in out and "articles (1)" in out
