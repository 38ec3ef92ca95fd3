"""One scorer for temporal taggers (TempEval-3 style), shared by the time benchmarks.

Spans are (start, end, type, value) on the same plain text. Gold and system spans are
paired one-to-one: exact (same offsets) for strict, any overlap for relaxed (largest
overlap first). Reported: strict and relaxed P/R/F1, type accuracy over relaxed pairs,
value F1 (a relaxed pair counts only when the values agree; P over system spans, R over
gold spans) and value accuracy over relaxed pairs (the WikiWars measure).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

TAG = re.compile(r"<(/?)(TIMEX[23])\b([^>]*?)(/?)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (text, gold, system)
    types: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, system) type
    type_errors: list[tuple[str, str, str]] = field(default_factory=list)  # (text, gold, sys)

    def add(self, other: Counts) -> None:
        for k in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors.extend(other.errors)
        self.types.update(other.types)
        self.type_errors.extend(other.type_errors)

    def figures(self) -> dict[str, float]:
        def f1(hit: int) -> float:
            p = hit / self.system if self.system else 0.0
            r = hit / self.gold if self.gold else 0.0
            return 2 * p * r / (p + r) if p + r else 0.0

        rel = self.relaxed or 1
        return {
            "strict_f1": 100 * f1(self.strict),
            "relaxed_p": 100 * self.relaxed / (self.system or 1),
            "relaxed_r": 100 * self.relaxed / (self.gold or 1),
            "relaxed_f1": 100 * f1(self.relaxed),
            "type_acc": 100 * self.type_ok / rel,
            "value_f1": 100 * f1(self.value_ok),
            "value_acc": 100 * self.value_ok / rel,
        }


def inline_spans(markup: str) -> tuple[str, list[Span]]:
    """Plain text and TIMEX spans of inline-annotated text (entities unescaped, offsets kept)."""
    out: list[str] = []
    pos = 0
    n = 0
    stack: list[tuple[int, dict[str, str]]] = []
    spans: list[Span] = []
    for m in TAG.finditer(markup):
        piece = html.unescape(markup[pos : m.start()])
        out.append(piece)
        n += len(piece)
        pos = m.end()
        closing, _, attrs, selfclosing = m.groups()
        if selfclosing:
            continue
        if not closing:
            stack.append((n, dict(ATTR.findall(attrs))))
        elif stack:
            start, a = stack.pop()
            value = a.get("value", a.get("val", "")).strip()
            spans.append(Span(start, n, a.get("type", ""), value))
    out.append(html.unescape(markup[pos:]))
    return "".join(out), spans


def _norm(value: str) -> str:
    return value.strip().upper()


def score(gold: list[Span], system: list[Span], text: str = "") -> Counts:
    c = Counts(gold=len(gold), system=len(system))
    c.strict = len({(g.start, g.end) for g in gold} & {(s.start, s.end) for s in system})
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > 0:
                pairs.append((ov, gi, si))
    used_g: set[int] = set()
    used_s: set[int] = set()
    for _, gi, si in sorted(pairs, reverse=True):
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        g, s = gold[gi], system[si]
        c.relaxed += 1
        c.type_ok += g.type == s.type
        c.types[(g.type, s.type)] += 1
        if g.type != s.type and text:
            c.type_errors.append((_ctx(text, g.start, g.end), g.type, f"{s.type} {s.value}"))
        if _norm(g.value) == _norm(s.value):
            c.value_ok += 1
        elif text:
            c.errors.append((_ctx(text, g.start, g.end), g.value, s.value))
    if text:
        c.errors += [(_ctx(text, g.start, g.end), g.value, "-") for i, g in enumerate(gold)
                     if i not in used_g]  # fmt: skip
        c.errors += [(_ctx(text, s.start, s.end), "-", s.value) for i, s in enumerate(system)
                     if i not in used_s]  # fmt: skip
    return c


CONTEXT = 0  # characters of left/right context kept in error listings


def _ctx(text: str, start: int, end: int) -> str:
    if not CONTEXT:
        return text[start:end]
    left = text[max(0, start - CONTEXT) : start].replace("\n", " ")
    right = text[end : end + CONTEXT].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def confusion(c: Counts) -> str:
    """The type confusion matrix over relaxed pairs (rows gold, columns system)."""
    labels = sorted({t for pair in c.types for t in pair})
    lines = ["gold \\ sys " + " ".join(f"{t:>9}" for t in labels)]
    for g in labels:
        lines.append(f"{g:11} " + " ".join(f"{c.types[(g, s)]:9d}" for s in labels))
    return "\n".join(lines)


def error_options(argv: list[str]) -> int:
    """`--errors N` (how many errors to list) and `--context C` (characters shown around
    each), shared by the time benchmarks; returns N and sets `CONTEXT`."""
    global CONTEXT
    if "--context" in argv:
        CONTEXT = int(argv[argv.index("--context") + 1])
    return int(argv[argv.index("--errors") + 1]) if "--errors" in argv else 0
