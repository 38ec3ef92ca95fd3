"""The boilerplate classifier: per-line rules on cheap features, then layout rules
(teaser lists under a marker, image blocks, the page furniture after the article's end).

Each rule names its reason; a line keeps the first reason it gets. Rules look at shape
(length, punctuation, separators, position), keyword cues and similarity to the rest of the
article, never at strings of particular articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronik.stages.clean import cues
from chronik.stages.clean.lines import Line, foreign

SLUG_RE = re.compile(r"^[a-z0-9äöüß]+(?:[-_][a-z0-9äöüß]+)+$")
IMAGE_FILE_RE = re.compile(r"\S+\.(?:jpe?g|png|gif|webp|svg|tiff?|bmp)(?:\?\S*)?$", re.I)
URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
CRUMB_SEP_RE = re.compile(r"\s(?:[|>›»/·•]|::)\s")
AGENCY_CREDIT_RE = re.compile(r"^[A-Z][\w.&-]*(?:\s?/\s?[A-Z][\w.& -]*){1,3}$")
TRAILING_CREDIT_RE = re.compile(
    r"(?:\(|\b)(?:foto|fotos|photo|bild|image|credit|crédit|фото)\s*:\s*[^.]{2,60}\)?$", re.I
)
DURATION_RE = re.compile(r"\(?\b\d{1,2}:\d{2}\)?$")
REPORTER_RE = re.compile(
    r"(?:\b(?:von|of|de|di)\s+[A-Z][\w-]+\s+(?:berichtet|reports?|informa|rapporte)"
    r"|\b[A-Z][\w-]+'s\s+[A-Z][\w-]+\s+[A-Z][\w-]+\s+reports"
    r"|\b(?:diskutiert|spricht|talks|speaks)\s+(?:mit|with)\s+.{3,60}\b(?:von|of)\s+[A-Z][\w-]+)"
    r"\.?$"
)
STRONG_END = frozenset({"contributors", cues.COMMENTS, cues.COPYRIGHT})
LIST_ITEM_RE = re.compile(r"^(?:\d{1,2}[.)]|[-•*·▪►])\s+")


def local_reason(line: Line, lang: str | None) -> str | None:
    """Reasons that follow from the line alone (its shape and keyword cues)."""
    text = line.text
    if not line.has_letters and not any(c.isdigit() for c in text):
        return "empty"
    if line.tokens == 1 and SLUG_RE.match(text):
        return cues.TAGS
    if line.tokens <= 3 and IMAGE_FILE_RE.search(text):
        return cues.PHOTO
    if line.tokens <= 2 and URL_RE.match(text):
        return cues.NAVIGATION
    reason = cues.cue_reason(line.lower, line.tokens, line.terminal)
    if reason:
        return reason
    return _shape_reason(line, lang)


def _shape_reason(line: Line, lang: str | None) -> str | None:
    text = line.text
    if line.tokens <= 12 and not line.terminal and len(CRUMB_SEP_RE.findall(text)) >= 1:
        parts = CRUMB_SEP_RE.split(text)
        if all(len(p.split()) <= 3 for p in parts):
            return cues.NAVIGATION
    if line.tokens <= 3 and "/" in text and AGENCY_CREDIT_RE.match(text):
        return cues.PHOTO
    if line.tokens <= 30 and TRAILING_CREDIT_RE.search(text):
        return cues.PHOTO
    if not line.terminal and line.tokens <= 25 and DURATION_RE.search(text):
        return cues.VIDEO
    if line.tokens >= 12 and text.count(". ") >= 2 and _reporter_credit(text):
        return cues.VIDEO
    if 2 <= line.tokens <= 6 and not line.terminal and foreign(line, lang):
        return cues.NAVIGATION
    return None


def _reporter_credit(text: str) -> bool:
    """A video blurb ends with its own short credit sentence: "Max Foster von CNN berichtet."
    (a clause like "..., wie ein Reporter von CNN berichtet." inside a sentence is content)."""
    last = text.rstrip().rsplit(". ", 1)[-1]
    return len(last.split()) <= 12 and last[:1].isupper() and bool(REPORTER_RE.search(last))


def mark_lists(lines: Sequence[Line]) -> None:
    """Teaser headlines listed under a related/popular marker (or a short "...:" line)."""
    for i, line in enumerate(lines):
        marker = line.reason in cues.LIST_REASONS and line.tokens <= 5
        opener = marker or (line.kept and line.tokens <= 5 and line.text.endswith(":"))
        if not opener:
            continue
        items = _list_items(lines, i)
        if marker or (len(items) >= 2 and sum(map(_teaser, items)) * 2 >= len(items)):
            line.reason = line.reason or cues.RELATED
            for item in items:
                item.reason = item.reason or line.reason


def _teaser(line: Line) -> bool:
    """Teaser headline shape: "Kicker: headline" or a question."""
    return ": " in line.text[:50] or line.text.endswith("?")


def _headline(line: Line) -> bool:
    if LIST_ITEM_RE.match(line.text):
        return line.tokens <= 20
    return line.tokens <= 20 and (not line.terminal or line.text.endswith("?") or line.tokens <= 6)


def _body(line: Line) -> bool:
    return line.tokens >= 20 and line.terminal


def _list_items(lines: Sequence[Line], start: int) -> list[Line]:
    """The headline-like lines below `start`; a line alone in its block that is followed by
    body text is a section heading, not a list item, and ends the list."""
    items: list[Line] = []
    prev = lines[start]
    for j in range(start + 1, len(lines)):
        line = lines[j]
        if not _headline(line):
            break
        new_block = line.block != prev.block
        nxt = lines[j + 1] if j + 1 < len(lines) else None
        if new_block and nxt is not None and nxt.block != line.block and _body(nxt):
            break
        items.append(line)
        prev = line
    return items


def mark_captions(lines: Sequence[Line]) -> None:
    """An image's alt text/caption sits right above its credit line (or right below an
    image file name): it goes with the credit."""
    for i, line in enumerate(lines):
        if line.reason != cues.PHOTO:
            continue
        prev = lines[i - 1] if i else None
        if (
            prev is not None
            and prev.kept
            and prev.tokens <= 25
            and (prev.block == line.block or not prev.terminal)
        ):
            prev.reason = cues.CAPTION
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        image = IMAGE_FILE_RE.search(line.text)
        if image and nxt is not None and nxt.kept and nxt.tokens <= 25 and nxt.block == line.block:
            nxt.reason = cues.CAPTION


def mark_tail(lines: Sequence[Line], min_position: float = 0.4) -> None:
    """Everything after an end-of-article marker is page furniture, unless real text resumes.

    Markers are contributor lines, comment forms and bare related/popular headers that come
    after `min_position` of the article's characters. After a weak marker (related, popular)
    a long, punctuated paragraph sharing the vocabulary of the text before it ends the tail
    (the marker was mid-article); after a strong one (contributors, comment form) nothing does.
    """
    start = _first_marker(lines, min_position)
    if start is None:
        return
    vocab: set[str] = set()
    for line in lines[:start]:
        if line.kept:
            vocab |= line.content
    strong = False
    in_tail = True
    for line in lines[start:]:
        if not in_tail:
            if _tail_marker(line):
                in_tail, strong = True, _strong(line)
            elif line.kept:
                vocab |= line.content
            continue
        strong = strong or _strong(line)
        if line.kept and not strong and _resumes(line, vocab):
            in_tail = False
            vocab |= line.content
            continue
        line.reason = line.reason or _tail_reason(line)


def _first_marker(lines: Sequence[Line], min_position: float) -> int | None:
    total = sum(len(x.text) for x in lines) or 1
    done = 0
    for i, line in enumerate(lines):
        done += len(line.text)
        if _tail_marker(line) and done / total >= min_position:
            return i
    return None


def _strong(line: Line) -> bool:
    """End markers nothing can follow: contributors, copyright, a comment form (not a bare
    "Kommentar", which is also an opinion-piece label)."""
    return line.reason in STRONG_END and (line.reason != cues.COMMENTS or line.tokens >= 2)


def _tail_marker(line: Line) -> bool:
    if line.reason not in cues.TAIL_REASONS:
        return False
    return line.tokens <= 5 or line.reason in ("contributors", cues.COMMENTS)


def _resumes(line: Line, vocab: set[str], min_share: float = 0.15) -> bool:
    """Body text again: long, punctuated, and on the article's topic or very long."""
    if line.tokens < 20 or not line.terminal or line.ellipsis:
        return False
    own = line.content
    return line.tokens >= 40 or (bool(own) and len(own & vocab) / len(own) >= min_share)


def _tail_reason(line: Line) -> str:
    if line.ellipsis:
        return "teaser-truncated"
    return cues.RELATED if line.tokens > 3 else cues.NAVIGATION
