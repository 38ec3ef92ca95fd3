"""One article's cleaning, as a pure function of its raw text and a few hints.

`clean_text` runs the passes in order: encoding repair, lines and features, metadata lines,
keyword/shape rules, layout rules (lists, captions, tail), the title, duplicates, the
dateline. The stage (`CleanStage`) only adds batch-level repetition and record plumbing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import ftfy

from chronik.model import Removed
from chronik.stages.clean import boilerplate, dedup, meta
from chronik.stages.clean.lines import (
    Line,
    article_language,
    normalise,
    split_lines,
)

# Cheap pre-check so ftfy (slow) runs only on text that shows mojibake signatures.
_MOJIBAKE_RE = re.compile(
    "[ÂÃÅÆÐÑâ][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u02c6\u02dc\u2122\u0192]|\ufffd|[\u0080-\u009f]"
)
TITLE = "title"  # internal mark: the line became `title`, it is not "removed"
REPEATED = "boilerplate:repeated"


@dataclass
class Cleaned:
    text: str
    removed: tuple[Removed, ...] = ()
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    contributors: tuple[str, ...] = ()
    dateline: str | None = None
    byline: str | None = None
    encoding_fixed: bool = False
    warnings: list[str] = field(default_factory=list)


def repair(raw: str, max_chars: int) -> tuple[str, bool, list[str]]:
    """Fix broken encodings (ftfy), normalise spaces, bound the size; report what happened."""
    warnings: list[str] = []
    if len(raw) > max_chars:
        raw = raw[:max_chars]
        warnings.append(f"text cut to {max_chars} characters before cleaning")
    fixed = False
    if _MOJIBAKE_RE.search(raw):
        repaired = ftfy.fix_text(raw)
        fixed = repaired != raw
        raw = repaired
    return normalise(raw), fixed, warnings


def prepare(raw: str, max_chars: int) -> tuple[list[Line], bool, list[str]]:
    text, fixed, warnings = repair(raw, max_chars)
    return split_lines(text), fixed, warnings


def clean_lines(
    lines: list[Line],
    *,
    title: str | None = None,
    language: str | None = None,
    repeats: frozenset[str] = frozenset(),
    find_title: bool = True,
) -> Cleaned:
    """Decide every line of one article and assemble the clean article."""
    out = Cleaned(text="", title=title)
    lang = article_language(lines, language)
    header = _header_end(lines)
    _metadata(lines, header, out)
    for line in lines:
        if line.kept:
            line.reason = boilerplate.local_reason(line, lang)
        if line.kept and repeats and line.key in repeats:
            line.reason = REPEATED
    _header_labels(lines, header, first=0 if title else 1)
    boilerplate.mark_lists(lines)
    boilerplate.mark_captions(lines)
    boilerplate.mark_tail(lines)
    if find_title and out.title is None:
        out.title = _take_title(lines, header)
    _duplicates(lines, out.title)
    return _assemble(lines, out)


def _header_end(lines: Sequence[Line]) -> int:
    """Index of the first body paragraph: lines before it are the page header."""
    for line in lines:
        if line.tokens >= 15 and line.terminal:
            return line.index
    return min(len(lines), 3)


def _metadata(lines: Sequence[Line], header: int, out: Cleaned) -> None:
    """Date/outlet lines in the header, outlet lines, contributor lines anywhere."""
    for line in lines:
        near_end = line.index * 3 >= len(lines) * 2
        names = meta.parse_contributors(line, near_end) if line.index >= header else None
        if names:
            line.reason = "contributors"
            out.contributors += tuple(n for n in names if n not in out.contributors)
            continue
        if line.index > header + 2:
            continue
        if out.byline is None and (who := meta.parse_byline(line)):
            line.reason = "metadata"
            out.byline = who
            continue
        if line.index > header:
            continue
        date = meta.parse_date_line(line)
        if date:
            line.reason = "metadata"
            out.published = out.published or date.published
            out.outlet = out.outlet or date.outlet
        elif line.index > 0 and (name := meta.outlet_line(line)):
            line.reason = "metadata"
            out.outlet = out.outlet or name


def _header_labels(lines: Sequence[Line], header: int, first: int) -> None:
    """One- or two-word labels in the page header (kickers like "„NYT“", "Analyse").

    Line 0 is spared (`first` = 1) while it may still become the title, unless it is a
    single token that does not even start with a letter or digit.
    """
    for line in lines[:header]:
        if not line.kept or line.terminal or line.tokens > 2:
            continue
        odd = line.tokens == 1 and not line.text[:1].isalnum()
        if line.index >= first or odd:
            line.reason = "metadata"


def _take_title(lines: Sequence[Line], header: int) -> str | None:
    """The first kept header line when it looks like a headline; it leaves the body."""
    first = next((x for x in lines if x.kept), None)
    if first is None or first.index > header:
        return None
    repeated = any(x.key == first.key for x in lines if x is not first and x.kept)
    if not meta.title_like(first, repeated=repeated):
        return None
    if not any(x.kept and x.index > first.index for x in lines):
        return None  # a lone line is the article, not its title
    first.reason = TITLE
    return first.text


def _duplicates(lines: Sequence[Line], title: str | None) -> None:
    kept = [x for x in lines if x.kept]
    if title:
        tkey = dedup.key(title)
        for line in kept:
            if line.key == tkey:
                line.reason = "title-repeat"
    dedup.mark_exact(kept)
    dedup.mark_near(kept)
    dedup.mark_truncated(lines, extra=[title] if title else ())


def _assemble(lines: Sequence[Line], out: Cleaned) -> Cleaned:
    body = [x for x in lines if x.kept]
    out.text = "\n\n".join(x.text for x in body)
    out.removed = tuple(Removed(x.text, x.reason) for x in lines if x.reason not in (None, TITLE))
    if body:
        out.dateline = meta.dateline(body[0].text)
    else:
        out.warnings.append("no text left after cleaning")
    return out
