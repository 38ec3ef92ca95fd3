"""`tag()`: temporal expressions of one text, normalised against a reference date.

The public entry point of the tagger, independent of `Article` so that benchmarks and
other stages can call it on any text. Language picks the rule table (German is the
default: English rules run for "en" only).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronik.model import Timex
from chronik.stages.time import rules_de, rules_en
from chronik.stages.time.calendar import Anchor
from chronik.stages.time.engine import Ctx, run

STYLES = ("news", "timeml")
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def simple_sentences(text: str) -> list[tuple[int, int]]:
    """A fallback split at . ! ? and newlines, used only when no sentences are given."""
    return [(m.start(), m.end()) for m in _SENT.finditer(text) if m.group().strip()]


def tag(
    text: str,
    lang: str | None = "de",
    dct: str | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
    ranges: bool = True,
    max_chars: int = 200_000,
    narrative: bool = False,
    style: str = "news",
) -> list[Timex]:
    """Timexes in `text` (offsets into `text`), resolved against `dct` (ISO, any granularity).

    Without `dct`, relative expressions keep placeholder values ("XXXX-XX-XX") with
    `vague=True` and `anchor=None`. `ranges=False` splits "10. bis 13. September" into
    two timexes (as TimeML corpora annotate them). Text beyond `max_chars` is ignored,
    which bounds the runtime on pathological input. `narrative=True` (history, not news)
    resolves relative expressions against the last date the text stated.
    `style="timeml"` follows the KRAUTS/It-TimeML annotation conventions where they
    differ from what a timeline needs: German "vor zwei Jahren" becomes the duration
    "zwei Jahren" (P2Y, "vor" a signal) instead of the date two years back.
    """
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, not {style!r}")
    body = text[:max_chars]
    sents = list(sentences) if sentences else simple_sentences(body)
    rules = rules_en.RULES if lang == "en" else rules_de.RULES
    ctx = Ctx(body, lang or "de", Anchor.parse(dct), sents, ranges=ranges, story_mode=narrative,
              style=style)  # fmt: skip
    out: list[Timex] = []
    for f in run(rules, ctx):
        h = f.hit
        out.append(
            Timex(
                start=f.start,
                end=f.end,
                text=body[f.start : f.end],
                type=h.type,
                value=h.value,
                anchor=f.anchor if _is_relative(h.value, h.type) else None,
                vague=h.vague,
                end_value=h.end_value,
            )
        )
    return out


def _is_relative(value: str, type_: str) -> bool:
    """Only values that depended on the anchor carry it (durations and sets do not)."""
    return type_ in ("DATE", "TIME")
