"""The embed stage: passage and document vectors per article, kept in the vector cache.

Only the cache key goes into `Article.meta` (vectors are large); the stories stage and
search read the vectors back through `VectorCache` with the same `db` and backend.
"""

from __future__ import annotations

from typing import Any

from chronik.embed import VectorCache, embed_article, get_embedder
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
        out = []
        for article in batch:
            key = vector_key(article, self.backend)
            if cache.get(key) is None:
                vectors = embed_article(article, get_embedder(self.backend), self.max_passages)
                cache.put(key, vectors)
            meta: dict[str, Any] = {
                **article.meta,
                "embedding_key": key,
                "embedding_backend": self.backend,
            }
            if not article.text.strip():
                meta["warnings"] = [*article.meta.get("warnings", []), "embed: empty text"]
            out.append(article.mark(self.name, meta=meta))
        return out
