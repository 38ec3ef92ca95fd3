"""Snippet gold for the cleaner: parse keep/remove files and score cleaned articles.

Format (as in `examples/EXPECTED.md` and `bench/data/seeds_clean_gold.txt`): a `## name`
header per article, then `keep: <snippet>` lines (content that must survive, in the text
or the title) and `remove: <snippet>` lines (boilerplate that must be gone from the text and
be listed in `Article.removed`). Used by `bench/clean_seeds.py` and the tests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chronik.model import Article

_WS = re.compile(r"\s+")


@dataclass
class Gold:
    keep: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)


@dataclass
class Score:
    """Removal judged on gold lines: a removed keep-line is a false positive."""

    name: str
    removed: int = 0
    kept: int = 0
    tp: int = 0
    fn: list[str] = field(default_factory=list)  # boilerplate left in the text
    fp: list[str] = field(default_factory=list)  # content lost
    unexplained: list[str] = field(default_factory=list)  # gone but not in `removed`

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + len(self.fp)) if self.tp + len(self.fp) else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + len(self.fn)) if self.tp + len(self.fn) else 1.0


def parse_gold(text: str) -> dict[str, Gold]:
    """`## name` sections with `keep:` / `remove:` lines; everything else is commentary."""
    gold: dict[str, Gold] = {}
    current: Gold | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("## "):
            current = gold.setdefault(line[3:].strip(), Gold())
        elif current is not None and line.startswith(("keep:", "remove:")):
            kind, _, snippet = line.partition(":")
            getattr(current, kind).append(snippet.strip())
    return gold


def squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


def score(name: str, article: Article, gold: Gold) -> Score:
    """Compare one cleaned article with its gold snippets."""
    paragraphs = [squash(p) for p in article.text.split("\n\n")]
    kept_text = "\n".join([*paragraphs, squash(article.title or "")])
    removed = [squash(r.line) for r in article.removed]
    out = Score(name, removed=len(article.removed), kept=len([p for p in paragraphs if p]))
    for snippet in map(squash, gold.remove):
        # a snippet inside a long kept paragraph is that paragraph's content, not the line
        left = any(snippet in p and len(p) <= 1.5 * len(snippet) for p in paragraphs)
        gone = any(snippet in r for r in removed)
        if left or not (gone or snippet not in "\n".join(paragraphs)):
            out.fn.append(snippet)
        else:
            out.tp += 1
            if not gone:
                out.unexplained.append(snippet)
    out.fp.extend(s for s in map(squash, gold.keep) if s not in kept_text)
    return out


def total(scores: Iterable[Score]) -> Score:
    out = Score("total")
    for s in scores:
        out.removed += s.removed
        out.kept += s.kept
        out.tp += s.tp
        out.fn += s.fn
        out.fp += s.fp
        out.unexplained += s.unexplained
    return out


def load_articles(folder: Path) -> dict[str, Article]:
    """The articles of a folder keyed by file name (`feed.jsonl#2` for records).

    Uses the project's ingest when it is importable, else a minimal reader (txt, jsonl, html
    through trafilatura) so the cleaner can be measured on its own.
    """
    try:
        from chronik.ingest import read_inputs  # type: ignore[attr-defined]
    except ImportError:
        return {name: a for name, a in _fallback_read(folder)}
    out: dict[str, Article] = {}
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".md"):
        for item in read_inputs([str(path)]):
            if isinstance(item, Article):
                line = item.meta.get("line")
                out[f"{path.name}#{line}" if line else path.name] = item
    return out


def _fallback_read(folder: Path) -> Iterator[tuple[str, Article]]:
    for path in sorted(folder.iterdir()):
        if path.suffix == ".txt":
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            yield path.name, Article(id=path.name, source=str(path), raw_text=text)
        elif path.suffix == ".jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                rec = json.loads(line)
                name = f"{path.name}#{n}"
                yield (
                    name,
                    Article(
                        id=name,
                        source=f"{path}#{n}",
                        raw_text=rec["text"],
                        title=rec.get("title"),
                        outlet=rec.get("outlet"),
                        published=rec.get("published"),
                        meta={"format": "jsonl"},
                    ),
                )
        elif path.suffix in (".html", ".htm"):
            yield path.name, _read_html(path)


def _read_html(path: Path) -> Article:
    import trafilatura

    html = path.read_text(encoding="utf-8", errors="replace")
    body = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    info = trafilatura.extract_metadata(html)
    return Article(
        id=path.name,
        source=str(path),
        raw_text=body,
        title=info.title if info else None,
        outlet=info.sitename if info else None,
        meta={"format": "html"},
    )
