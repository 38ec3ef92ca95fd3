"""Spelling-independent keys for names: one key for German/English/French transliterations.

"Schoigu"/"Shoigu"/"Choïgou", "Peskow"/"Peskov", "Pjöngjang"/"Pyongyang", "Poutine"/"Putin"
share a key, so the linker can merge them without a name list. The rules fold the systematic
differences between the German, English and French romanisations of Russian and Korean names
(sch/sh/ch, tsch/ch/tch, ch/kh for Russian x, j/y/i, w/v, ou/u, final -ij/-y/-i, double
letters, diacritics) and nothing else; Cyrillic goes through a transliteration table first.
French spellings only get their own rules (ch = sh, final mute e, io/ia = yo/ya) when the
caller says the text is French, since "ch" means three different sounds in the three languages.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

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
    ("ts", "z"),  # Russian ц: English 'Donetsk' = German 'Donezk'
    ("ch", "ch"),
    ("kh", "ch"),  # Russian x: German 'Chabarowsk' = English 'Khabarovsk'
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
# Russian ё and е, which the three languages write differently (run after the folding above)
_VOWELS = (
    (re.compile(r"(?<=sh|kh)ov$"), "ev"),  # ё after a hushing sound: Gorbatschow = Gorbachev
    (re.compile(r"(?<=[^aeiouy])yo"), "e"),  # ё as jo/yo/io or e: Degtjarjow = Degtyarev
    (re.compile(r"^ye"), "e"),  # initial е: Jelzin/Yeltsin = Eltsine, Yevgeny = Evgueni
    (re.compile(r"(?<=[aeiou])[yi](?=e)"), ""),  # Dostojewski = Dostoevsky = Dostoïevski
)
_WORD_END = (
    (re.compile(r"(?<=[aeiou])y(?=[^aeiou])"), "i"),
    (re.compile(r"(iy|yy|ij|iy|ii|yi)$"), "i"),
    (re.compile(r"y$"), "i"),
)
_NON_ALNUM = re.compile(r"[^0-9a-z ]+")
_DOUBLE = re.compile(r"(.)\1+")
_WORD_SPLIT = re.compile(r"[\s\-‐–'’]+")

# French romanisation -> the English-like form the common folding expects
_FRENCH: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"t?ch"), lambda m: "ch" if m.group(0) == "tch" else "sh"),  # Vostotchny, Choïgou
    (re.compile(r"(?<=[aeiouyl])j(?=[aeiou])"), "zh"),  # Russian ж: Prigojine, Soljenitsyne
    (re.compile(r"^i(?=[aeou])|(?<=[bcdfghklmnprstvz])i(?=[aou])"), "y"),  # Iouri, Degtiarev
    (re.compile(r"(?<=[aeou])i(?=[aeou])"), "y"),  # Tikhanovskaïa
    (re.compile(r"(?<=[bcdfgklmnprstvz])e$"), ""),  # Poutine, Medvedeve: mute final e
    (re.compile(r"gu(?=[ei])"), "g"),
)


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


# Russian case endings of nouns and names (Путина, Путину, Хасане, Владимиром): cut before
# romanising so every case of a name shares the nominative's key; stems keep >= 3 letters
_RU_CASE = re.compile(r"(?<=\w{3})(?:ами|ями|ого|его|ому|ему|ым|им|ом|ем|ой|ей|ую|юю|а|я|у|ю|е|ы)$")


def _is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[0] <= "\u04ff"


@lru_cache(maxsize=100_000)
def fold_word(word: str, lang: str | None = None) -> str:
    """Phonetic key of one word (lowercase ASCII); `lang` "fr" adds the French rules."""
    if lang == "ru":
        word = _RU_CASE.sub("", word) if len(word) > 4 and _is_cyrillic(word) else word
    w = romanise(word).lower()
    if lang == "fr":
        w = w.replace("ié", "ye")  # Primorié = Primorye (a French -ie name has no accent)
    for src, dst in _FOLD[:4]:
        w = w.replace(src, dst)
    w = unicodedata.normalize("NFKD", w)
    w = "".join(c for c in w if not unicodedata.combining(c))
    if lang == "fr":
        for rx, rep in _FRENCH:
            w = rx.sub(rep, w)
    for src, dst in _FOLD[4:]:
        w = w.replace(src, dst)
    w = _DOUBLE.sub(r"\1", w)  # double letters
    for rx, dst in (*_VOWELS, *_WORD_END):
        w = rx.sub(dst, w)
    return _NON_ALNUM.sub("", w)


@lru_cache(maxsize=200_000)
def name_key(name: str, lang: str | None = None) -> str:
    """Key of a multi-word name: words folded, hyphens and apostrophes as word breaks."""
    words = _WORD_SPLIT.split(name.strip())
    return " ".join(k for k in (fold_word(w, lang) for w in words) if k)


_ENDINGS = re.compile(r"(en|er|es|em|e|n|s)$")


@lru_cache(maxsize=100_000)
def loose_key(name: str, lang: str | None = None) -> str:
    """`name_key` with German inflection endings cut: 'Koreanischen Zentralen Nachrichtenagentur'
    and 'Koreanische Zentrale Nachrichtenagentur' share it (for organisations and places)."""
    words = name_key(name, lang).split()
    return " ".join(_ENDINGS.sub("", w) if len(w) > 4 else w for w in words)
