"""Clean text as HTML with its spans marked, escaped piece by piece.

Spans come from different stages and may overlap: nested spans (a mention inside a
quote) become nested elements; a span crossing another one's edge is dropped, since
HTML cannot express it; spans with offsets outside the text are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from chronik.model import Article, Mention, Quote, Span, Timex

ORDER = {"quote": 0, "hit": 1, "timex": 2, "mention": 3}  # outer kinds first on ties


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    label: str = ""


def label(span: Span) -> str:
    """The tooltip: what the stage found out about the span."""
    if isinstance(span, Mention):
        name = f" = {span.canonical}" if span.canonical and span.canonical != span.text else ""
        return f"{span.type}{name}"
    if isinstance(span, Timex):
        return f"{span.type} {span.value}"
    if isinstance(span, Quote):
        who = span.speaker_name or span.speaker_text or "?"
        return f"{span.type} quote, speaker: {who}"
    return span.kind


def article_marks(art: Article, hit: tuple[int, int] | None = None) -> list[Mark]:
    marks = [
        Mark(s.start, s.end, s.kind, label(s)) for s in (*art.quotes, *art.timexes, *art.mentions)
    ]
    if hit:
        marks.append(Mark(hit[0], hit[1], "hit", "search hit"))
    return marks


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """`text` as escaped HTML with each mark as a `<mark>`; see the module doc for overlaps."""
    valid = (m for m in marks if 0 <= m.start < m.end <= len(text))
    out: list[str] = []
    pos = 0
    stack: list[Mark] = []
    for mark in sorted(valid, key=lambda m: (m.start, -m.end, ORDER.get(m.kind, 9))):
        while stack and stack[-1].end <= mark.start:
            pos = close(text, pos, stack.pop(), out)
        if stack and mark.end > stack[-1].end:
            continue  # crosses the open span's end
        out.append(escape(text[pos : mark.start]))
        out.append(f'<mark class="{escape(mark.kind)}" title="{escape(mark.label)}">')
        pos = mark.start
        stack.append(mark)
    while stack:
        pos = close(text, pos, stack.pop(), out)
    out.append(escape(text[pos:]))
    return Markup("".join(out))


def close(text: str, pos: int, mark: Mark, out: list[str]) -> int:
    out.append(escape(text[pos : mark.end]))
    out.append("</mark>")
    return mark.end
