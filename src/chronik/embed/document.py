"""Which parts of an article get embedded, and how they combine into one vector.

Search needs a vector per passage (a few sentences); stories need one vector per article.
The document vector is a weighted mean of the title, the lead and the passages most
central to the article, so a long article is represented by more than its first 512 tokens.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from chronik.embed.backends import Embedder
from chronik.embed.cache import ArticleVectors
from chronik.model import Article

PASSAGE_CHARS = 320  # sentences are merged up to about this length
MAX_PASSAGES = 60  # bound on work per article (very long inputs)
LEAD = 2  # leading passages weighted up: news puts the story first
CENTRAL = 5  # plus the passages closest to the article's mean
VERSION = "1"  # bump when passage selection changes, so cached vectors are redone

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»«“”]?\s+|\n\s*\n")


def vector_key(article: Article, backend: str) -> str:
    """Content hash of what gets embedded (title + clean text) and how."""
    payload = f"{VERSION}\x00{backend}\x00{article.title or ''}\x00{article.text}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


def _sentence_spans(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(article.text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(article.text)))
    return [(s, e) for s, e in spans if article.text[s:e].strip()]


def article_passages(article: Article, max_passages: int = MAX_PASSAGES) -> list[tuple[int, int]]:
    """Runs of whole sentences of about `PASSAGE_CHARS` characters (search units)."""
    out: list[tuple[int, int]] = []
    text = article.text
    for start, end in _sentence_spans(article):
        if not re.search(r"\w", text[start:end]):
            continue
        if (
            out and end - out[-1][0] <= PASSAGE_CHARS and "\n\n" not in text[out[-1][1] : start]
        ) or (out and out[-1][1] - out[-1][0] < 60):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        if len(out) > max_passages:
            return out[:max_passages]
    return out


def _doc_vector(title: np.ndarray | None, passages: np.ndarray) -> np.ndarray:
    if not len(passages):
        return title if title is not None else np.zeros(0, dtype=np.float32)
    weights = np.zeros(len(passages), dtype=np.float32)
    centrality = passages @ passages.mean(axis=0)
    weights[np.argsort(-centrality)[:CENTRAL]] = 1.0
    weights[:LEAD] = 1.5
    doc = weights @ passages
    if title is not None:
        doc = doc + 2.0 * title
    norm = float(np.linalg.norm(doc))
    return (doc / norm if norm else doc).astype(np.float32)


def embed_article(
    article: Article, embedder: Embedder, max_passages: int = MAX_PASSAGES
) -> ArticleVectors:
    """Passage vectors and the document vector for one article (one encode call)."""
    spans = article_passages(article, max_passages)
    texts = [article.text[s:e] for s, e in spans]
    title = (article.title or "").strip()
    matrix = embedder.encode(([title] if title else []) + texts, kind="passage")
    title_vec = matrix[0] if title else None
    passages = matrix[1:] if title else matrix
    if not len(passages) and title_vec is None:
        empty = np.zeros((0, matrix.shape[1] if matrix.ndim == 2 else 0), dtype=np.float32)
        return ArticleVectors(np.zeros(empty.shape[1], dtype=np.float32), empty, ())
    return ArticleVectors(_doc_vector(title_vec, passages), passages, tuple(spans))
