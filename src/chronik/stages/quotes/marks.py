"""Quotation-mark pairing: find the stretches of text inside quote marks.

One linear scan with a small stack, so unbalanced marks, nesting and a whole article in
quotes all cost O(n). Marks are typed by style (German „…“, guillemets, English “…”,
straight "…", single ‚…‘ and ‹…›); straight and English marks are classified as opening
or closing by their neighbours. An opening mark that never closes is dropped, except that a
new opening mark of the same style implicitly closes it (a frequent machine-translation and
scraping defect: „A. „B“, sagte X) unless two closers follow it (true nesting, `_nests`).
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_QUOTE_CHARS = 4000  # longer stretches are not quotations (a whole article in quotes)


@dataclass(frozen=True)
class Marked:
    """A quoted stretch: `start`/`end` include the marks; `depth` 0 = outermost."""

    start: int
    end: int
    depth: int
    implicit: bool = False  # closed by a following opening mark, not its own closer


_CLOSERS: dict[str, str] = {"„": '“”"', "»": "«", "«": "»", "‚": "‘’'", "‹": "›", "›": "‹"}


def _role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the ambiguous marks “ ” " ' at position i."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    left_open = before.isspace() or before in "([{–—-/:"
    right_open = after.isspace() or after in ".,;:!?)]}–—-"
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    return "either"


def _opener_style(ch: str, text: str, i: int) -> str | None:
    if ch in "„»‚‹":
        return ch
    if ch == "«" and _role(text, i) == "open":
        return "«"
    if ch in '“"' and _role(text, i) == "open":
        return "“" if ch == "“" else '"'
    if ch == "'" and _role(text, i) == "open" and i + 1 < len(text) and text[i + 1].isupper():
        return "'"
    return None


def _closes(style: str, ch: str) -> bool:
    if style == "“":
        return ch in '”"'
    if style == '"':
        return ch in '"”“'
    if style == "'":
        return ch in "'’"
    return ch in _CLOSERS.get(style, "")


def find_marked(text: str) -> list[Marked]:
    """Every quoted stretch, outermost and nested, in text order."""
    out: list[Marked] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch not in "„“”\"»«‚‘’'‹›":
            if ch == "\n" and stack and text[i + 1 : i + 2] == "\n":
                stack = _drop_unclosed(stack, text, i)
            continue
        if (
            stack
            and _closes(stack[-1][0], ch)
            and (ch not in "\"'’“" or _role(text, i) != "open" or stack[-1][0] in "„‚")
        ):
            if ch in "'’" and _role(text, i) == "either":
                continue  # an apostrophe inside a word
            _style, start = stack.pop()
            if i + 1 - start <= MAX_QUOTE_CHARS:
                out.append(Marked(start, i + 1, len(stack)))
            continue
        style_o = _opener_style(ch, text, i)
        if style_o is None:
            continue
        if stack and stack[-1][0] == style_o and style_o in '„»“"' and not _nests(text, i):
            # same style reopened: close the previous stretch implicitly before this mark
            _, start = stack.pop()
            end = _rstrip(text, start, i)
            if end - start > 1:
                out.append(Marked(start, end, len(stack), implicit=True))
        stack.append((style_o, i))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


NEST_LOOKAHEAD = 600


def _nests(text: str, i: int) -> bool:
    """ "„Er nannte das „Unsinn“ und ging“": a German opening mark inside an open German
    quote nests when two closers follow before the next opener or paragraph break (the
    inner one's and the outer one's); otherwise the first quote simply lacked its closer."""
    ch = text[i]
    if ch not in "„»":
        return False
    closers = _CLOSERS[ch]
    seen = 0
    for j in range(i + 1, min(len(text), i + NEST_LOOKAHEAD)):
        c = text[j]
        if c == ch or (c == "\n" and text[j + 1 : j + 2] == "\n"):
            return False
        if c in closers and (ch != "„" or c != '"' or _role(text, j) != "open"):
            seen += 1
            if seen == 2:
                return True
    return False


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _drop_unclosed(stack: list[tuple[str, int]], text: str, i: int) -> list[tuple[str, int]]:
    """At a paragraph break keep only quotes whose next paragraph reopens (multi-paragraph)."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    nxt = text[j] if j < len(text) else ""
    return [s for s in stack if s[0] == nxt or (s[0] in '“"' and nxt in '“"')]
