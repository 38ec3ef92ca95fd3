"""Word tokenizer: one compiled regex, alternatives ordered from most to least specific.

Why one regex: `re.finditer` runs in C, so tokenizing stays far below a millisecond per
article. Kept whole: URLs, e-mail addresses, domains ("derStandard.at"), numbers with
inner separators ("1.200", "3,5", "12:30"), hyphenated compounds ("Kim-Il-Sung-Platz",
"Covid-19"), dotted abbreviations ("z.B.", "U.S.") and known abbreviations with their
period ("Dr.", "bzw."), unit fractions ("km/h"), German gender forms ("Lehrer*innen").
Punctuation is one token per mark, except "..." and runs of dashes.
"""

from __future__ import annotations

import re

from chronik.stages.sentences.abbreviations import ALL

Span2 = tuple[int, int]

_ABBREVS = sorted((a for a in ALL if "." not in a and len(a) > 1), key=len, reverse=True)
_TLDS = "at|de|ch|com|org|net|eu|uk|fr|it|es|ru|ua|pl|nl|pt|info|io|gov|edu|int|tv"
_L = r"[^\W\d_]"  # a letter (Unicode)

_TOKEN = re.compile(
    rf"""
    (?:https?://|ftp://|www\.)[^\s<>"„“”«»]*[^\s<>"„“”«».,;:!?)\]'’]   # URL
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)*\.{_L}{{2,}}                           # e-mail
  | \w[\w-]*(?:\.[\w-]+)*\.(?:{_TLDS})\b(?!\.\w)                       # bare domain
  | \d+(?:[.,:']\d+)+                                                  # 1.200 / 3,5 / 12:30
  | (?:{_L}{{1,3}}\.){{2,}}(?!\w)                                      # z.B. / U.S. / u.a.
  | {_L}{{1,3}}/{_L}{{1,3}}\b                                          # km/h
  | \b(?=\w{{1,8}}\.)(?:{"|".join(map(re.escape, _ABBREVS))})\.(?=\s|$|[,;:)])  # Dr.
  | \b[A-ZÄÖÜ]\.(?=[ \u00a0]?[A-ZÄÖÜ][\w-])                            # initial H. Lee
  | \w+(?:[-‐‑]\w+)*(?:[*:_/]innen\b)?(?:['’]\w+)?                     # words, compounds
  | \.{{2,}}|…                                                         # ellipsis
  | [-–—]{{2,}}                                                        # dash runs
  | [^\w\s]                                                            # any other mark
    """,
    re.VERBOSE,
)


def tokenize(text: str, start: int = 0) -> list[Span2]:
    """Token spans of `text`, each shifted by `start`.

    Pass a sentence's text and its `start` to get article offsets directly.
    """
    if start:
        return [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text)]
    return [m.span() for m in _TOKEN.finditer(text)]
