"""Numbers in German and English: digits with either separator convention, and words."""

from __future__ import annotations

import re

WORDS: dict[str, float] = {}
for _i, _w in enumerate(
    [
        "null",
        "ein",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
        "elf",
        "zwölf",
    ]
):
    WORDS[_w] = float(_i)
for _i, _w in enumerate(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
    ]
):
    WORDS[_w] = float(_i)
WORDS.update(
    {
        "eine": 1,
        "einen": 1,
        "einem": 1,
        "einer": 1,
        "zwanzig": 20,
        "dreißig": 30,
        "vierzig": 40,
        "fünfzig": 50,
        "hundert": 100,
        "tausend": 1000,
        "dutzend": 12,
        "dutzende": 12,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "hundred": 100,
        "thousand": 1000,
        "dozen": 12,
        "dozens": 12,
        "beiden": 2,
        "both": 2,
        "dreizehn": 13,
        "fünfzehn": 15,
        "sechzig": 60,
        "hundreds": 100,
    }
)
SCALES: dict[str, float] = {
    "tausend": 1e3,
    "thousand": 1e3,
    "tsd": 1e3,
    "million": 1e6,
    "millionen": 1e6,
    "mio": 1e6,
    "millions": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mrd": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "billionen": 1e12,
    "trillion": 1e12,
}
# count words that are too vague or too often non-numeric to stand alone
WEAK_WORDS = frozenset(
    ["ein", "eine", "einen", "einem", "einer", "one", "beiden", "both", "null", "zero"]
)

DIGITS = r"\d{1,3}(?:[.,\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


def parse_digits(s: str, lang: str | None) -> float | None:
    """'1.200' (de) = 1200, '1,5' (de) = 1.5, '1,200' (en) = 1200, '3.5' (en) = 3.5."""
    s = s.replace("\u202f", "").replace(" ", "")
    de = lang != "en"
    thou, dec = (".", ",") if de else (",", ".")
    if re.fullmatch(r"\d{1,3}(?:" + re.escape(thou) + r"\d{3})+(?:" + re.escape(dec) + r"\d+)?", s):
        s = s.replace(thou, "")
    elif re.fullmatch(r"\d{1,3}(?:" + re.escape(dec) + r"\d{3})+", s) and not de:
        s = s.replace(dec, "")
    s = s.replace(dec, ".")
    if s.count(".") > 1:
        return None
    try:
        return float(s)
    except ValueError:
        return None


def parse_word(w: str) -> float | None:
    return WORDS.get(w.lower())
