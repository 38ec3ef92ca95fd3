"""Which parts of an article get embedded, and how they combine into vectors.

Embedding costs time in proportion to the characters embedded, so an article embeds a
bounded amount however long it is: its title, its lead and a few salient sentences
("units": the document vector is their weighted mean), plus the opening of each search
window that holds no unit. Search windows are runs of whole sentences covering the whole
text, at most `MAX_PASSAGES` (keyword search sees every word); a window's vector is the
mean of what was embedded inside it. About 1,500 characters per article in all.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from chronik.embed.backends import Embedder
from chronik.embed.cache import ArticleVectors
from chronik.model import Article

PASSAGE_CHARS = 320  # a search window is at least this long ...
MAX_PASSAGES = 8  # ... and an article has at most this many windows
UNIT_CHARS = 250  # an embedded unit: the lead, or one salient sentence, clipped to this
MAX_UNITS = 3  # lead + the most salient sentences: the per-article embedding budget
HEAD_CHARS = 160  # the opening of a search window that no unit falls in
TITLE_CHARS = 200
SCAN_SENTENCES = 400  # bound on work per article (very long inputs)
LEAD = 1.5  # news puts the story first: the lead counts more than later units
TITLE = 2.0
VERSION = "4"  # bump when passage or unit selection changes, so cached vectors are redone

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»«“”]?\s+|\n\s*\n")
_CONTENT = re.compile(r"[^\W\d_]{4,}")
_NAME = re.compile(r"(?<=\s)[A-ZÄÖÜ][\w\-]{2,}")


def vector_key(article: Article, backend: str) -> str:
    """Content hash of what gets embedded (title + clean text) and how."""
    payload = f"{VERSION}\x00{backend}\x00{article.title or ''}\x00{article.text}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


def _sentence_spans(article: Article) -> list[tuple[int, int]]:
    text = article.text
    if article.sentences:
        spans = [(s.start, s.end) for s in article.sentences[:SCAN_SENTENCES]]
    else:
        spans, start = [], 0
        for match in _SENTENCE_END.finditer(text):
            spans.append((start, match.start()))
            start = match.end()
            if len(spans) >= SCAN_SENTENCES:
                break
        else:
            spans.append((start, len(text)))
    return [(s, e) for s, e in spans if re.search(r"\w", text[s:e])]


def article_passages(article: Article, max_passages: int = MAX_PASSAGES) -> list[tuple[int, int]]:
    """Windows of whole sentences covering the text: search units (at most `max_passages`)."""
    sentences = _sentence_spans(article)
    if not sentences:
        return []
    covered = sentences[-1][1] - sentences[0][0]
    size = max(PASSAGE_CHARS, covered // max(1, max_passages) + 1)
    out: list[tuple[int, int]] = []
    text = article.text
    for start, end in sentences:
        if out:
            first, last = out[-1]
            fits = end - first <= size and "\n\n" not in text[last:start]
            if fits or len(out) >= max_passages or last - first < 60:
                out[-1] = (first, end)
                continue
        out.append((start, end))
    return out


def _words(text: str) -> set[str]:
    return {w.lower()[:8] for w in _CONTENT.findall(text)}


def embed_units(article: Article, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lead (first sentences up to `UNIT_CHARS`) and the sentences that share most
    words with the title and lead or name most actors: what the article is about."""
    if not sentences:
        return []
    text = article.text
    lead_end = sentences[0][1]
    for start, end in sentences[1:]:
        if end - sentences[0][0] > UNIT_CHARS or "\n\n" in text[lead_end:start]:
            break  # the lead is the first paragraph, within the unit budget
        lead_end = end
    lead = (sentences[0][0], min(lead_end, sentences[0][0] + UNIT_CHARS))
    topic = _words(f"{article.title or ''} {text[lead[0] : lead_end]}")
    scored = []
    for start, end in sentences:
        if start < lead_end or end - start < 40:
            continue
        chunk = text[start : min(end, start + UNIT_CHARS)]
        overlap = len(_words(chunk) & topic) + 0.5 * len(_NAME.findall(chunk))
        scored.append((-overlap / np.sqrt(1 + len(chunk) / 80), start, end))
    chosen = sorted(scored)[: MAX_UNITS - 1]
    rest = sorted((s, min(e, s + UNIT_CHARS)) for _, s, e in chosen)
    return [lead, *rest]


def window_heads(
    text: str, windows: list[tuple[int, int]], units: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The opening of each search window no unit falls in (clipped at a word break), so
    that every window gets a vector of its own text at a fixed small cost."""
    heads = []
    for ws, we in windows:
        if any(ws <= s < we for s, _ in units):
            continue
        end = min(we, ws + HEAD_CHARS)
        if end < we:
            end = max(ws + 1, text.rfind(" ", ws, end))
        heads.append((ws, end))
    return heads


def _combine(
    title: np.ndarray | None, vectors: np.ndarray, spans: list[tuple[int, int]],
    n_units: int, windows: list[tuple[int, int]],
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Document vector (title + the first `n_units` rows: lead and salient sentences) and
    one vector per search window (the rows that fall in it)."""
    units = vectors[:n_units]
    weights = np.ones(len(units), dtype=np.float32)
    if len(units):
        weights[0] = LEAD
    doc = weights @ units if len(units) else np.zeros(vectors.shape[1], dtype=np.float32)
    if title is not None:
        doc = doc + TITLE * title
    norm = float(np.linalg.norm(doc))
    doc = (doc / norm if norm else doc).astype(np.float32)
    rows = []
    for ws, we in windows:
        inside = [i for i, (s, _) in enumerate(spans) if ws <= s < we]
        vec = vectors[inside].sum(axis=0) if inside else doc
        rows.append(vec / (float(np.linalg.norm(vec)) or 1.0))
    passages = np.vstack(rows).astype(np.float32) if rows else np.zeros((0, len(doc)), np.float32)
    return doc, passages


def embed_articles(
    articles: Sequence[Article], embedder: Embedder, max_passages: int = MAX_PASSAGES
) -> list[ArticleVectors]:
    """Vectors for many articles with one encode call (the backend batches across them)."""
    plans: list[tuple[int, bool, list[tuple[int, int]], int, list[tuple[int, int]]]] = []
    texts: list[str] = []
    for art in articles:
        units = embed_units(art, _sentence_spans(art))
        windows = article_passages(art, max_passages)
        spans = units + window_heads(art.text, windows, units)
        title = (art.title or "").strip()[:TITLE_CHARS]
        plans.append((len(texts), bool(title), spans, len(units), windows))
        texts.extend(([title] if title else []) + [art.text[s:e] for s, e in spans])
    matrix = embedder.encode(texts, kind="passage") if texts else None
    out = []
    for first, has_title, spans, n_units, windows in plans:
        dim = matrix.shape[1] if matrix is not None else 0
        if not spans and not has_title:
            empty = np.zeros((0, dim), dtype=np.float32)
            out.append(ArticleVectors(np.zeros(dim, dtype=np.float32), empty, ()))
            continue
        assert matrix is not None
        title_vec = matrix[first] if has_title else None
        rows = matrix[first + has_title : first + has_title + len(spans)]
        doc, passages = _combine(title_vec, rows, spans, n_units, windows)
        out.append(ArticleVectors(doc, passages, tuple(windows), rows, tuple(spans)))
    return out


def embed_article(
    article: Article, embedder: Embedder, max_passages: int = MAX_PASSAGES
) -> ArticleVectors:
    """Window vectors and the document vector for one article."""
    return embed_articles([article], embedder, max_passages)[0]
