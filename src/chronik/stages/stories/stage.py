"""The stories corpus stage: incremental clustering, threads, duplicates, summaries."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from typing import ClassVar

from chronik.embed import ArticleVectors, VectorCache, embed_articles, get_embedder
from chronik.embed.document import vector_key
from chronik.model import Article, Corpus, Story
from chronik.stages.stories.cluster import Calibration, StoryClusterer
from chronik.stages.stories.features import Profile
from chronik.stages.stories.signals import (
    article_day,
    names,
    places,
    words,
    years,
)
from chronik.stages.stories.summary import label, near_duplicates, summarise, top_entities
from chronik.stages.stories.visits import destinations

RARE_IDF = 5.0  # background idf of a word rarer than about 1 article in 150 (story core)


class StoriesStage:
    name = "stories"
    requires: tuple[str, ...] = ("embeddings",)
    provides: tuple[str, ...] = ("stories",)
    corpus_level: ClassVar[bool] = True

    def __init__(
        self,
        backend: str = "use",
        db: str | None = None,
        threshold: float | None = None,
        label_language: str | None = None,
    ) -> None:
        self.backend = backend
        self.db = db
        self.threshold = threshold
        self.label_language = label_language

    def __call__(self, corpus: Corpus) -> Corpus:
        articles = {a.id: a for a in corpus.articles if a.text.strip()}
        vectors = self._vectors(list(articles.values()))
        profiles = {aid: profile(articles[aid], vectors[aid]) for aid in vectors}
        calibration = Calibration.load()
        clusterer = StoryClusterer(calibration, self.threshold or calibration.threshold)
        placed: set[str] = set()
        for story in corpus.stories:  # earlier runs: keep ids and members, no re-clustering
            for aid in story.article_ids:
                if aid in profiles and aid not in placed:
                    clusterer.seed(story.id, aid, profiles[aid])
                    placed.add(aid)
        new = sorted((a for a in profiles if a not in placed), key=lambda a: _arrival(articles[a]))
        clusterer.place([(aid, profiles[aid]) for aid in new])
        return corpus.replace(stories=self._records(clusterer, articles, vectors))

    def _vectors(self, articles: list[Article]) -> dict[str, ArticleVectors]:
        """Vectors from the cache the embed stage filled; computed here when missing."""
        cache = VectorCache(self.db, self.backend)
        found: dict[str, ArticleVectors | None] = {}
        for art in articles:
            key = art.meta.get("embedding_key") or vector_key(art, self.backend)
            found[art.id] = cache.get(key)
        missing = [a for a in articles if found[a.id] is None]
        for art, vec in zip(missing, embed_articles(missing, get_embedder(self.backend)),
                            strict=True):  # fmt: skip
            cache.put(art.meta.get("embedding_key") or vector_key(art, self.backend), vec)
            found[art.id] = vec
        return {aid: v for aid, v in found.items() if v is not None and v.doc.size}

    def _records(
        self,
        clusterer: StoryClusterer,
        articles: dict[str, Article],
        vectors: dict[str, ArticleVectors],
    ) -> list[Story]:
        order = sorted(clusterer.members, key=lambda s: _first_day(clusterer, s, articles))
        parents = clusterer.threads(order)
        stories = []
        for sid in order:
            members = [articles[a] for a in clusterer.members[sid]]
            members.sort(key=_arrival)
            story = build_story(sid, members, vectors, parents.get(sid), clusterer)
            if self.label_language:
                story = replace(story, label=label(members, vectors, self.label_language))
            stories.append(story)
        return stories


def profile(article: Article, vectors: ArticleVectors) -> Profile:
    day = article_day(article)
    text = f"{article.title or ''}\n{article.text}"
    lang = article.language or "und"
    bg: dict[str, float] = {}
    found = names(article, bg)
    stems = words(text, lang, bg)
    rare = Counter(f"{lang}|{w}" for w in stems if bg.get(w, 0.0) >= RARE_IDF)
    return Profile(
        vectors.doc, {lang: stems}, found, [day] if day else [], years=years(text),
        places=places(article, bg), bg=bg, name_docs=Counter(set(found)), word_docs=rare,
        visits=destinations(article),
    )  # fmt: skip


def build_story(
    sid: str,
    members: list[Article],
    vectors: dict[str, ArticleVectors],
    parent: str | None,
    clusterer: StoryClusterer,
) -> Story:
    dups = near_duplicates(members, vectors, clusterer.calibration.duplicate)
    dup_ids = {d[0] for d in dups}
    dates = sorted(a.published for a in members if a.published and a.published_source != "none")
    return Story(
        id=sid,
        label=label(members, vectors),
        article_ids=tuple(a.id for a in members),
        languages=tuple(sorted({a.language for a in members if a.language})),
        outlets=tuple(sorted({a.outlet for a in members if a.outlet})),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        summary=tuple(summarise(members, vectors, dup_ids)),
        parent_id=parent,
        top_entities=tuple(top_entities(members)),
        meta={"duplicates": dups, "sources": len(members) - len(dup_ids)},
    )


def _arrival(article: Article) -> tuple[int, str]:
    """Stories are built in publication order (undated last), ties by id: order-robust."""
    day = article_day(article)
    return (day if day is not None else date.max.toordinal(), article.id)


def _first_day(clusterer: StoryClusterer, sid: str, articles: dict[str, Article]) -> tuple:
    return min(_arrival(articles[a]) for a in clusterer.members[sid])
