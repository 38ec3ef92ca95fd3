"""Spelling-independent keys for names: one key for German/English/French transliterations.

"Schoigu"/"Shoigu", "Peskow"/"Peskov", "Pjöngjang"/"Pyongyang", "Sergej"/"Sergei" share a key,
so the linker can merge them without a name list. The rules are deliberately few: they fold
the systematic differences between the German and English romanisations of Russian and Korean
names (sch/sh, tsch/ch, j/y, w/v, final -ij/-y/-i) and nothing else.
"""

from __future__ import annotations

import re
import unicodedata

# Cyrillic -> English-style romanisation (then folded like every other spelling)
_CYR = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "_",
            "y",
            "_",
            "e",
            "yu",
            "ya",
            "i",
            "yi",
            "ye",
            "g",
        ],
        strict=True,
    )
)
_FOLD = (
    ("ä", "a"),
    ("ö", "o"),
    ("ü", "u"),
    ("ß", "ss"),
    ("dsch", "j"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("ch", "ch"),
    ("kh", "h"),
    ("ck", "k"),
    ("ph", "f"),
    ("qu", "kv"),
    ("j", "y"),
    ("w", "v"),
    ("z", "s"),
    ("x", "ks"),
    ("c", "k"),
    ("ou", "u"),
    ("ei", "ey"),
    ("ey", "ey"),
)
_WORD_END = (
    (re.compile(r"(?<=[aeiou])y(?=[^aeiou])"), "i"),
    (re.compile(r"(iy|yy|ij|iy|ii|yi)$"), "i"),
    (re.compile(r"y$"), "i"),
)
_NON_ALNUM = re.compile(r"[^0-9a-z ]+")


def romanise(text: str) -> str:
    """Cyrillic to Latin; other scripts are returned unchanged."""
    out = []
    for ch in text:
        low = ch.lower()
        if low in _CYR:
            rep = _CYR[low].replace("_", "")
            out.append(rep.capitalize() if ch != low else rep)
        else:
            out.append(ch)
    return "".join(out)


def fold_word(word: str) -> str:
    """Phonetic key of one word (lowercase ASCII)."""
    w = romanise(word).lower()
    for src, dst in _FOLD[:4]:
        w = w.replace(src, dst)
    w = unicodedata.normalize("NFKD", w)
    w = "".join(c for c in w if not unicodedata.combining(c))
    for src, dst in _FOLD[4:]:
        w = w.replace(src, dst)
    w = re.sub(r"(.)\1+", r"\1", w)  # double letters
    for rx, dst in _WORD_END:
        w = rx.sub(dst, w)
    return _NON_ALNUM.sub("", w)


def name_key(name: str) -> str:
    """Key of a multi-word name: words folded, hyphens and apostrophes as word breaks."""
    words = re.split(r"[\s\-‐–'’]+", name.strip())
    return " ".join(k for k in (fold_word(w) for w in words) if k)


_ENDINGS = re.compile(r"(en|er|es|em|e|n|s)$")


def loose_key(name: str) -> str:
    """`name_key` with German inflection endings cut: 'Koreanischen Zentralen Nachrichtenagentur'
    and 'Koreanische Zentrale Nachrichtenagentur' share it (for organisations and places)."""
    return " ".join(_ENDINGS.sub("", w) if len(w) > 4 else w for w in name_key(name).split())
