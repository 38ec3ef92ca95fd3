"""The embed stage: passage and document vectors per article, kept in the vector cache.

Only the cache key goes into `Article.meta` (vectors are large); the stories stage and
search read the vectors back through `VectorCache` with the same `db` and backend. The
articles of a batch that miss the cache are embedded together in one encode call.
"""

from __future__ import annotations

from typing import Any

from chronik.embed import VectorCache, embed_articles, get_embedder
from chronik.embed.document import MAX_PASSAGES, vector_key
from chronik.model import Article


class EmbedStage:
    name = "embed"
    requires: tuple[str, ...] = ("text", "sentences")
    provides: tuple[str, ...] = ("embeddings",)

    def __init__(
        self, backend: str = "use", db: str | None = None, max_passages: int = MAX_PASSAGES
    ) -> None:
        self.backend = backend
        self.db = db
        self.max_passages = max_passages

    def __call__(self, batch: list[Article]) -> list[Article]:
        cache = VectorCache(self.db, self.backend)
        keys = [vector_key(article, self.backend) for article in batch]
        missing = [i for i, key in enumerate(keys) if cache.get(key) is None]
        if missing:
            todo = [batch[i] for i in missing]
            vectors = embed_articles(todo, get_embedder(self.backend), self.max_passages)
            for i, vecs in zip(missing, vectors, strict=True):
                cache.put(keys[i], vecs)
        out = []
        for article, key in zip(batch, keys, strict=True):
            meta: dict[str, Any] = {
                **article.meta,
                "embedding_key": key,
                "embedding_backend": self.backend,
            }
            if not article.text.strip():
                meta["warnings"] = [*article.meta.get("warnings", []), "embed: empty text"]
            out.append(article.mark(self.name, meta=meta))
        return out
