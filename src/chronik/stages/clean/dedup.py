"""Duplicates: exact and near-duplicate paragraphs, truncated teaser copies, and lines that
repeat across the articles of a batch (site furniture).

Near duplicates use word-shingle Jaccard with an inverted index, so an article with many
paragraphs costs about linear time; the first copy is kept.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from chronik.stages.clean.lines import ELLIPSIS_RE, Line

SHINGLE = 2
MAX_SHINGLE_WORDS = 600  # a paragraph's head is enough to recognise its copy
CONTAIN_MIN = 10  # bigrams a paragraph needs before containment counts
PROBES = 12  # shingles per paragraph used to look up near-duplicate candidates
_PUNCT_RE = re.compile(r"[^\w\s]")


def key(text: str) -> str:
    """Comparison form of a line: case-folded words only."""
    return " ".join(_PUNCT_RE.sub(" ", text.casefold()).split())


def shingle_list(line: Line) -> list[tuple[str, ...]]:
    """Word bigrams of the paragraph's head, in text order."""
    words = line.key.split(" ", MAX_SHINGLE_WORDS)[:MAX_SHINGLE_WORDS]
    return list(zip(*(words[i:] for i in range(SHINGLE)), strict=False))


def mark_exact(lines: Sequence[Line], min_tokens: int = 3) -> None:
    """Later exact copies of a paragraph of `min_tokens`+ tokens -> duplicate-paragraph."""
    seen: set[str] = set()
    for line in lines:
        if not line.kept or line.tokens < min_tokens:
            continue
        if line.key in seen:
            line.reason = "duplicate-paragraph"
        seen.add(line.key)


def mark_near(
    lines: Sequence[Line],
    threshold: float = 0.6,
    containment: float = 0.55,
    min_tokens: int = 8,
) -> None:
    """Later paragraphs whose word-bigram Jaccard with an earlier kept one is >= `threshold`,
    or that are mostly (>= `containment` of their bigrams) inside one: a shortened rewrite.

    Candidates come from an index of shingles probed with a sample of the paragraph's own
    shingles: a copy that shares most of them is found by a sample.
    """
    postings: dict[tuple[str, ...], int] = {}
    sets: list[set[tuple[str, ...]]] = []
    for line in lines:
        if not line.kept or line.tokens < min_tokens:
            continue
        ordered = shingle_list(line)
        if not ordered:
            continue
        own = set(ordered)
        probe = ordered[:: max(1, len(ordered) // PROBES)]
        cands = {postings[sh] for sh in probe if sh in postings}
        if any(_similar(own, sets[c], threshold, containment) for c in cands):
            line.reason = "near-duplicate"
            continue
        postings.update(dict.fromkeys(own, len(sets)))
        sets.append(own)


def _similar(
    own: set[tuple[str, ...]], other: set[tuple[str, ...]], jaccard: float, contained: float
) -> bool:
    inter = len(own & other)
    if inter / (len(own) + len(other) - inter) >= jaccard:
        return True
    return len(own) >= CONTAIN_MIN and inter / len(own) >= contained


def mark_truncated(lines: Sequence[Line], extra: Iterable[str] = (), max_offset: int = 40) -> None:
    """A line that is the head of another paragraph (or the title), cut short -> teaser."""
    targets = [key(x) for x in extra]
    targets += [x.key for x in lines if x.tokens >= 6]
    for line in lines:
        if not line.kept or not (4 <= line.tokens <= 60):
            continue
        if not line.ellipsis and line.terminal:
            continue
        head = key(ELLIPSIS_RE.sub("", line.text))
        if len(head) < 20:
            continue
        for target in targets:
            if len(target) > len(head) and 0 <= target.find(head) <= max_offset:
                line.reason = "teaser-truncated"
                break


def batch_repeats(
    articles: Sequence[Sequence[Line]], max_tokens: int = 12, min_articles: int = 2
) -> frozenset[str]:
    """Short lines found in `min_articles`+ unrelated articles of the batch: site furniture.

    Articles that share two or more long paragraphs (syndicated copies of one wire story)
    are grouped and count once, so that their common headings are not taken for furniture.
    """
    group = _syndication_groups(articles)
    seen: dict[str, set[int]] = defaultdict(set)
    for i, lines in enumerate(articles):
        for line in lines:
            if line.tokens <= max_tokens and not line.terminal and line.has_letters:
                seen[line.key].add(group[i])
    return frozenset(k for k, groups in seen.items() if len(groups) >= min_articles and k)


def _syndication_groups(articles: Sequence[Sequence[Line]]) -> list[int]:
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owners: dict[str, list[int]] = defaultdict(list)
    for i, lines in enumerate(articles):
        for k in {x.key for x in lines if x.tokens >= 20}:
            owners[k].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for ids in owners.values():
        for j in ids[1:]:
            shared[(ids[0], j)] += 1
    for (a, b), n in shared.items():
        if n >= 2:
            parent[find(b)] = find(a)
    return [find(i) for i in range(len(articles))]
