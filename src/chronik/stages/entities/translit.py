"""Spelling-independent keys for names: one key for German/English/French transliterations.

"Schoigu"/"Shoigu"/"Choïgou", "Peskow"/"Peskov", "Pjöngjang"/"Pyongyang", "Poutine"/"Putin"
share a key, so the linker can merge them without a name list. The rules fold the systematic
differences between the German, English and French romanisations of Russian and Korean names
(sch/sh/ch, tsch/ch/tch, ch/kh for Russian x, j/y/i, w/v, ou/u, final -ij/-y/-i, double
letters, diacritics) and nothing else; Cyrillic goes through a transliteration table first.
French spellings only get their own rules (ch = sh, final mute e, io/ia = yo/ya) when the
caller says the text is French, since "ch" means three different sounds in the three languages.
Korean names in Russian transcription ('Ким Чен Ын') are read syllable by syllable into the
spelling the other languages use ('Kim Jong Un'); inflected Russian names go to their
dictionary form with simplemma's lemmas or the article's own uninflected form.
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
    ("dzh", "j"),  # Russian дж: 'Джон' = 'John'
    ("ohn", "on"),
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


# Korean syllables as Russian writes them (Kontsevich) -> the spelling German, English and
# French news use (McCune-Reischauer-like): 'Ким Чен Ын' = 'Kim Jong Un'. Only names that open
# with a Korean family name and consist of such syllables are read this way.
# fmt: off
_KOREAN_RU = {
    "ким": "Kim", "пак": "Pak", "ли": "Ri", "ри": "Ri", "цой": "Choe", "чхве": "Choe",
    "мун": "Moon", "юн": "Yoon", "чон": "Jong", "чен": "Jong", "чжон": "Jong", "ын": "Un",
    "ир": "Il", "сен": "Sung", "сон": "Son", "ё": "Yo", "хи": "Hui", "ен": "Yong", "ён": "Yong",
    "су": "Su", "нам": "Nam", "хён": "Hyon", "чжу": "Ju", "э": "Ae", "ок": "Ok", "чхоль": "Chol",
    "чоль": "Chol", "ман": "Man", "тхэ": "Thae", "тэ": "Thae", "сок": "Sok", "иль": "Il",
}
# fmt: on
_KOREAN_SURNAMES_RU = frozenset({"ким", "пак", "ли", "ри", "цой", "чхве", "мун", "юн", "чон"})
_RU_SHORT_CASE = re.compile(r"(?:ом|ем|ой|у|а|е|я|ю)$")


def korean_from_cyrillic(name: str) -> str | None:
    """'Ким Чен Ын' (or its dative 'Ким Чен Ыну') -> 'Kim Jong Un'; None for other names."""
    words = [w.lower() for w in _WORD_SPLIT.split(name.strip()) if w]
    if len(words) < 2 or words[0] not in _KOREAN_SURNAMES_RU:
        return None
    if words[-1] not in _KOREAN_RU:
        words[-1] = _RU_SHORT_CASE.sub("", words[-1])  # case ending on the last syllable
    if not all(w in _KOREAN_RU for w in words):
        return None
    return " ".join(_KOREAN_RU[w] for w in words)


@lru_cache(maxsize=200_000)
def name_key(name: str, lang: str | None = None) -> str:
    """Key of a multi-word name: words folded, hyphens and apostrophes as word breaks."""
    if name[:1] and _is_cyrillic(name):
        name = korean_from_cyrillic(name) or name
    words = _WORD_SPLIT.split(name.strip())
    return " ".join(k for k in (fold_word(w, lang) for w in words) if k)


# languages whose names inflect and whose lemmas simplemma knows ('Путина' -> 'Путин')
INFLECTING = frozenset({"ru", "uk", "bg", "pl", "cs"})


@lru_cache(maxsize=100_000)
def dictionary_word(word: str, lang: str | None) -> bool:
    """simplemma's dictionary for `lang` lists the lowercased word ('durante', 'политолог')."""
    if not lang:
        return False
    try:
        import simplemma

        return bool(simplemma.is_known(word.lower(), lang=lang))
    except (ImportError, ValueError):  # simplemma missing or the language unknown to it
        return False


_NOMINATIVE_ENDS = ("", "а", "я", "ь", "й")


def cyrillic_forms(name: str) -> list[str]:
    """Likely nominatives of an inflected Cyrillic name, for gazetteer look-ups: the lemma,
    then the stem without its case ending plus a nominative ending ('Москве' -> 'Москва')."""
    if not name[:1] or not _is_cyrillic(name) or " " in name:
        return []
    out = [name_lemma(name, "ru"), name_lemma(name, "uk")]
    stem = _RU_CASE.sub("", name) if len(name) > 4 else name
    if stem != name:
        out += [stem + end for end in _NOMINATIVE_ENDS]
    return [f for i, f in enumerate(out) if f != name and f not in out[:i]]


_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ський|цький)$")


@lru_cache(maxsize=100_000)
def name_lemma(word: str, lang: str | None, noun: bool = False) -> str:
    """'Путина' -> 'Путин', 'Владивостоке' -> 'Владивосток': the dictionary form of a
    capitalised word in an inflecting language, when simplemma lists it as a name (a capitalised
    lemma that keeps the word's stem: not 'Песков' -> 'песок'); else the word unchanged.
    `noun`: the word heads an organisation's name, so a common noun's lemma is taken too
    ('Совета' -> 'Совет')."""
    if lang not in INFLECTING or not word[:1].isupper() or word.isupper():
        return word
    try:
        import simplemma

        lemma = str(simplemma.lemmatize(word, lang=lang))
    except (ImportError, ValueError):  # simplemma missing or the language unknown to it
        return word
    if noun and not _ADJECTIVE.search(lemma):  # 'Центральное ...' keeps its adjective form
        lemma = lemma[:1].upper() + lemma[1:]
    if lemma == word or not lemma[:1].isupper():
        return word
    same = next(
        (i for i, (a, b) in enumerate(zip(lemma, word, strict=False)) if a != b),
        min(len(lemma), len(word)),
    )
    return lemma if same >= max(3, min(len(lemma), len(word)) - 2) else word


_ENDINGS = re.compile(r"(en|er|es|em|e|n|s)$")


@lru_cache(maxsize=100_000)
def loose_key(name: str, lang: str | None = None) -> str:
    """`name_key` with German inflection endings cut: 'Koreanischen Zentralen Nachrichtenagentur'
    and 'Koreanische Zentrale Nachrichtenagentur' share it (for organisations and places)."""
    words = name_key(name, lang).split()
    return " ".join(_ENDINGS.sub("", w) if len(w) > 4 else w for w in words)


_CASE_ENDING = re.compile(r"(?:ами|ями|ого|его|ому|ему|ом|ем|ой|ей|ым|им|ую|юю|а|я|у|ю|е|ы|и)$")


def dictionary_form(surface: str, known: set[str], lang: str | None, kind: str = "PER") -> str:
    """'Владимира Путина' -> 'Владимир Путин', 'Хасана' -> 'Хасан', 'Ким Чен Ыну' -> 'Ким Чен
    Ын': per word, the lemma when simplemma lists the word as a name, else the article's own
    form of it (`known`) when the word is that form plus a case ending. Only a person's words
    (`kind` PER) all inflect together; other names only their first, which in an organisation's
    name is a common noun ('Совета национальной безопасности' -> 'Совет ...')."""
    if lang not in INFLECTING:
        return surface
    out = []
    words = surface.split(" ")
    for i, word in enumerate(words):
        if i > 0 and kind != "PER":
            out += words[i:]
            break
        lemma = name_lemma(word, lang, kind == "ORG" and len(words) > 1)
        if lemma == word and (m := _CASE_ENDING.search(word)) and m.start() >= 2:
            lemma = word[: m.start()] if word[: m.start()] in known else word
        out.append(lemma)
    return " ".join(out)
