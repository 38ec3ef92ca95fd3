"""Per-story near-duplicates, extractive summary, label and top entities.

Near-duplicates (wire copies, updates, translations) are found by MinHash over word
shingles (same language) or by near-identical document vectors (across languages); each
duplicate group counts as one source, so the summary prefers facts several independent
sources state and never picks the same fact twice (maximal marginal relevance).
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from datasketch import MinHash

from chronik.embed import ArticleVectors
from chronik.model import Article, JSONDict

SHINGLE = 4
MINHASH_JACCARD = 0.6  # estimated word-shingle overlap of a wire copy or light edit
SUMMARY_SENTENCES = 3
REDUNDANCY = 0.85  # passage cosine above which two passages state the same fact
MAX_PASSAGE_CHARS = 400  # units are clipped to 300 characters; kept as a guard


def _minhash(text: str) -> MinHash:
    tokens = re.findall(r"\w+", text.lower())[:5000]
    mh = MinHash(num_perm=64, seed=7)
    for i in range(max(1, len(tokens) - SHINGLE + 1)):
        mh.update(" ".join(tokens[i : i + SHINGLE]).encode("utf-8"))
    return mh


def near_duplicates(
    articles: list[Article], vectors: dict[str, ArticleVectors], doc_threshold: float
) -> list[list[str]]:
    """[duplicate id, kept id, reason] for articles that repeat an earlier one."""
    out: list[list[str]] = []
    kept: list[tuple[Article, MinHash]] = []
    for art in articles:
        mh = _minhash(art.text)
        match = None
        for other, other_mh in kept:
            if mh.jaccard(other_mh) >= MINHASH_JACCARD:
                match = [art.id, other.id, "minhash"]
            elif _doc_cos(vectors, art.id, other.id) >= doc_threshold:
                match = [art.id, other.id, "translation" if art.language != other.language
                         else "embedding"]  # fmt: skip
            if match:
                break
        if match:
            out.append(match)
        else:
            kept.append((art, mh))
    return out


def _doc_cos(vectors: dict[str, ArticleVectors], a: str, b: str) -> float:
    va, vb = vectors.get(a), vectors.get(b)
    if va is None or vb is None or not va.doc.size or not vb.doc.size:
        return 0.0
    return float(va.doc @ vb.doc)


def summarise(
    articles: list[Article], vectors: dict[str, ArticleVectors], duplicates: set[str]
) -> list[JSONDict]:
    """A few passages: central to the story, supported by many sources, not redundant."""
    rows, matrix = _passages(articles, vectors, duplicates)
    if not rows:
        return []
    centroid = matrix.mean(axis=0)
    sims = matrix @ matrix.T
    owners = np.array([r["article_id"] for r in rows])
    support = np.array([len(set(owners[sims[i] >= REDUNDANCY])) for i in range(len(rows))])
    relevance = matrix @ centroid + 0.05 * support
    chosen: list[int] = []
    for _ in range(min(SUMMARY_SENTENCES, len(rows))):
        penalty = sims[:, chosen].max(axis=1) if chosen else np.zeros(len(rows))
        score = np.where(penalty >= REDUNDANCY, -np.inf, 0.7 * relevance - 0.3 * penalty)
        score[chosen] = -np.inf
        best = int(np.argmax(score))
        if not np.isfinite(score[best]):
            break
        chosen.append(best)
    return [{**rows[i], "sources": int(support[i])} for i in chosen]


def _passages(
    articles: list[Article], vectors: dict[str, ArticleVectors], duplicates: set[str]
) -> tuple[list[JSONDict], np.ndarray]:
    rows: list[JSONDict] = []
    parts: list[np.ndarray] = []
    for art in articles:
        vec = vectors.get(art.id)
        if art.id in duplicates or vec is None or not len(vec.unit_spans):
            continue
        for (start, end), row in zip(vec.unit_spans, vec.units, strict=True):
            text = art.text[start:end]
            if len(text) <= MAX_PASSAGE_CHARS and len(text.split()) >= 5:
                rows.append({"text": text, "article_id": art.id, "start": start, "end": end})
                parts.append(row)
    return rows, (np.vstack(parts) if parts else np.zeros((0, 1), dtype=np.float32))


def top_entities(articles: list[Article], limit: int = 8) -> list[str]:
    """Names mentioned by the most articles (linked or canonical name when known)."""
    counts: Counter[str] = Counter()
    for art in articles:
        counts.update({m.canonical or m.text for m in art.mentions if m.type != "MISC"})
    return [name for name, _ in counts.most_common(limit)]


def label(
    articles: list[Article], vectors: dict[str, ArticleVectors], language: str | None = None
) -> str:
    """The title (else first sentence) of the article closest to the story's centre,
    preferring articles in the reader's `language` when the story has any."""
    docs = [(a, vectors[a.id].doc) for a in articles if a.id in vectors and vectors[a.id].doc.size]
    ranked = articles
    if docs:
        centroid = np.mean([d for _, d in docs], axis=0)
        ranked = [a for a, _ in sorted(docs, key=lambda p: -float(p[1] @ centroid))]
    if language:
        ranked = sorted(ranked, key=lambda a: a.language != language)  # stable: keeps rank
    for art in ranked:
        text = (art.title or art.text.strip().split("\n", 1)[0]).strip()
        if text:
            return text if len(text) <= 100 else text[:97].rsplit(" ", 1)[0] + " …"
    return "(untitled story)"
