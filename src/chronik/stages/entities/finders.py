"""Span finders: rules that add, cut or split candidate spans around the model's output.

The model misses names it could not learn from a few thousand sentences; these rules find
them from cues that do not need training data: role words and first names before a person
('Kremlsprecher Dmitri Peskow'), place cues and the country/big-city gazetteer, acronym
definitions ('Koreanische Zentrale Nachrichtenagentur (KCNA)'), and they split spans the model
ran together ('Schoigu Kim', 'Putins Bedarf', 'Nordkoreas Staatschef Kim Jong Un').
"""

from __future__ import annotations

import re

from chronik.stages.entities.gazetteer import (
    PLACES,
    Places,
    is_first_name,
    place_key,
    role_gloss,
)
from chronik.stages.entities.lexicon import (
    ACRONYMS,
    COUNTRIES,
    EAST_ASIAN_SURNAMES,
    FIRST_NAMES,
    PLACE_CUES,
    STOP,
)
from chronik.stages.entities.spans import Raw, strip_genitive

_ACRO_DEF = re.compile(r"((?:[A-ZÄÖÜ][\w\-]+\s+){1,6}?[A-ZÄÖÜ][\w\-]+)\s*\(([A-Z][A-Z0-9]{1,7})\)")

_HEADING = re.compile(r"^[^\n]{1,80}$", re.M)

_SYLLABLE = re.compile(r"[ \t]+([A-Z][a-z]{0,4}(?:-[a-z]{1,4})?)(?![\w\-])")


def extend_east_asian(text: str, spans: list[Raw]) -> list[Raw]:
    """'Kim Jong' + ' Un': complete Korean/Chinese names the model cut short (up to 3 syllables)."""
    out = []
    for r in spans:
        words = text[r.start : r.end].split()
        end = r.end
        if r.type == "PER" and words[0] in EAST_ASIAN_SURNAMES and len(words) < 3:
            for _ in range(3 - len(words)):
                m = _SYLLABLE.match(text, end)
                if not m or m.group(1) in STOP:
                    break
                end = m.end()
        out.append(Raw(r.start, end, r.type, r.whole))
    return out


_WORD = re.compile(r"[\w\-]+")


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and word not in STOP and not role_gloss(word.split("-")[-1])


def _is_place_word(word: str, places: Places) -> bool:
    """'Russlands', 'Nordkorea' (but not 'Wladimir', also a city) next to a cued name."""
    if word in FIRST_NAMES:
        return False
    return word in COUNTRIES or bool(word.endswith("s") and places.canonical(word[:-1]))


def cued_names(text: str) -> list[Raw]:
    """'Kremlsprecher Dmitri Peskow', 'Wladimir Putin': capitalised words after a role word or
    starting with a known first name are a person, whatever the model said."""
    places = PLACES.get()
    toks = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    out: list[Raw] = []
    for i, (_, _, cue) in enumerate(toks):
        label = "LOC" if cue in PLACE_CUES else "PER"
        if label == "LOC" or (cue[:1].isupper() and role_gloss(cue.split("-")[-1])):
            j = i + 1
            if label == "LOC" and j < len(toks) and toks[j][2] in {"de", "du"}:
                j += 1  # 'cosmodrome de Vostotchny'
        elif cue in FIRST_NAMES:
            j = i
        else:
            continue
        name: list[tuple[int, int, str]] = []
        while (
            j < len(toks) and len(name) < (4 if label == "PER" else 2) and _is_name_word(toks[j][2])
        ):
            if name and text[name[-1][1] : toks[j][0]] != " ":
                break
            name.append(toks[j])
            j += 1
        while name and _is_place_word(name[0][2], places):
            name.pop(0)
        while name and _is_place_word(name[-1][2], places):
            name.pop()
        if len(name) > 1 or (name and name[0][2] not in FIRST_NAMES and cue not in FIRST_NAMES):
            out.append(Raw(name[0][0], name[-1][1], label))
    return out


def split_adjacent(text: str, spans: list[Raw]) -> list[Raw]:
    """'überreichte Schoigu Kim einen Brief': a span made of two known names is two mentions."""
    singles = {strip_genitive(text[r.start : r.end]) for r in spans}
    lasts = {text[r.start : r.end].split()[-1] for r in spans if " " in text[r.start : r.end]}
    out: list[Raw] = []
    for r in spans:
        words = text[r.start : r.end].split(" ")
        if len(words) == 2 and words[0] in lasts and (words[1] in singles or words[1] in lasts):
            cut = r.start + len(words[0])
            out += [Raw(r.start, cut, r.type), Raw(cut + 1, r.end, r.type)]
        else:
            out.append(r)
    return out


_CAPS = re.compile(r"(?<![\w\-])[A-ZÄÖÜ][\w\-]+(?![\w\-])")
_INITIAL = re.compile(r"(?:^|[.!?:\n]\s*|[\"„“»]\s*)$")
_NONSPACE = re.compile(r"\S+")


_PAIR_GLUE = frozenset({" ", " du ", " de ", " of ", " del "})


def gazetteer_places(text: str) -> list[Raw]:
    """Countries and big cities the model missed ('in Wladiwostok in der Küstenregion')."""
    places = PLACES.get()
    words = [(m.start(), m.end()) for m in _CAPS.finditer(text)]
    out: list[Raw] = []
    skip = -1
    for i, (s, e) in enumerate(words):
        if i <= skip:
            continue
        if i + 1 < len(words) and text[e : words[i + 1][0]] in _PAIR_GLUE:
            pair = text[s : words[i + 1][1]]  # 'South Korea', 'Corée du Nord'
            if places.is_strong(pair):
                out.append(Raw(s, words[i + 1][1], "LOC"))
                skip = i + 1
                continue
        word = text[s:e]
        stem = word[:-1] if word.endswith("s") and not places.is_strong(word) else word
        initial = _INITIAL.search(text[max(0, s - 3) : s])
        if initial and place_key(stem) not in places.main:
            continue  # 'Dabei', 'Wenn' start sentences and are also some city's alternate name
        if word not in STOP and places.is_strong(stem):
            out.append(Raw(s, e, "LOC"))
    return out


def split_compound(text: str, spans: list[Raw]) -> list[Raw]:
    """'Nordkoreas Staatschef Kim Jong Un' -> 'Nordkoreas', 'Kim Jong Un'; 'Putins Bedarf' ->
    'Putins': a span breaks after a genitive of a known name and around role words."""
    known = {w for r in spans for w in text[r.start : r.end].split()}
    places = PLACES.get()
    out: list[Raw] = []
    for r in spans:
        toks = [(m.start(), m.end(), m.group(0)) for m in _NONSPACE.finditer(text, r.start, r.end)]
        if r.type == "PER" and _genitive_person(toks, places):
            out.append(r)
            continue
        piece: list[tuple[int, int, str]] = []
        for i, tok in enumerate(toks):
            word = tok[2]
            if role_gloss(word.split("-")[-1]) and len(toks) > 1:
                out.extend(_piece(piece, r.type))
                piece = []
                continue
            stem = word[:-1]
            genitive = word.endswith("s") and (stem in known or places.canonical(stem))
            if genitive and _first_name_only(piece) and stem not in known:
                genitive = place_key(stem) in places.main  # 'Jim Himes' is no 'Jim' of 'Hime'
            if genitive and piece and (i == len(toks) - 1 or places.canonical(stem)):
                out.extend(_piece(piece, r.type))  # 'Kim Nordkoreas' -> 'Kim', 'Nordkoreas'
                piece = []
            piece.append(tok)
            if genitive and i < len(toks) - 1 and word[:1].isupper():
                out.extend(_piece(piece, r.type))
                piece = []
                if not any(role_gloss(t[2].split("-")[-1]) for t in toks[i + 1 :]):
                    break  # 'Putins Bedarf': the rest is a common noun
        out.extend(_piece(piece, r.type, r.whole))
    return out


def _genitive_person(toks: list[tuple[int, int, str]], places: Places) -> bool:
    """'Michael Jacksons Album': a first name and a family name in the genitive are one
    person, even when the family name is also a town ('Jackson'); not an East Asian family
    name and a country or big city ('Kim Nordkoreas')."""
    if len(toks) != 2 or not toks[1][2].endswith("s"):
        return False
    first, stem = toks[0][2], toks[1][2][:-1]
    if first in EAST_ASIAN_SURNAMES or not is_first_name(first) or places.canonical(first):
        return False
    return not places.is_strong(stem) and stem not in COUNTRIES


def _first_name_only(piece: list[tuple[int, int, str]]) -> bool:
    return len(piece) == 1 and piece[0][2] in FIRST_NAMES


def _piece(toks: list[tuple[int, int, str]], typ: str, whole: bool = False) -> list[Raw]:
    return [Raw(toks[0][0], toks[-1][1], typ, whole)] if toks else []


def drop_headings(text: str, spans: list[Raw]) -> list[Raw]:
    """Names only seen in short heading lines ('Historische Bande') are dropped."""
    heads = [
        (m.start(), m.end())
        for m in _HEADING.finditer(text)
        if not re.search(r"[.!?:\"“”»]\s*$", m.group(0)) and len(m.group(0).split()) <= 8
    ]

    def in_head(r: Raw) -> bool:
        return any(s <= r.start and r.end <= e for s, e in heads)

    body = {strip_genitive(text[r.start : r.end]) for r in spans if not in_head(r)}
    return [r for r in spans if not in_head(r) or strip_genitive(text[r.start : r.end]) in body]


_KNOWN_ACRONYM = re.compile(
    r"(?<![\w\-])(?:"
    + "|".join(re.escape(a) for a in sorted(ACRONYMS, key=len, reverse=True) if a.isupper())
    + r")(?![\w\-])"
)


_PAREN_ACRONYM = re.compile(r"\(([^\W\d_]{2,8})\)")
_LONG_WORD = re.compile(r"[^\W\d_][\w\-]*")


def initials_definitions(text: str) -> list[tuple[int, int, str]]:
    """'Центральное телеграфное агентство Кореи (ЦТАК)': in any script, the words right
    before '(ACR)' whose initials spell it, lowercase words included (Russian and French
    write them); the long form is then kept whole, not cut at its first lowercase word."""
    out = []
    for m in _PAREN_ACRONYM.finditer(text):
        acr = m.group(1)
        if not acr.isupper():
            continue
        words = list(_LONG_WORD.finditer(text, max(0, m.start() - 40 * len(acr)), m.start()))
        words = words[-len(acr) :]
        if len(words) != len(acr) or not words[0].group(0)[:1].isupper():
            continue
        between = text[words[0].start() : m.start()]
        initials = "".join(w.group(0)[0] for w in words).upper()
        if initials == acr and not re.search(r"[.!?\n;:,]", between):
            out.append((words[0].start(), words[-1].end(), acr))
    return out


def acronyms_in(text: str) -> dict[str, str]:
    acronyms = {}
    for m in _ACRO_DEF.finditer(text):
        words = m.group(1).split()
        while len(words) > 1 and words[0] in STOP:
            words = words[1:]
        acronyms[m.group(2)] = " ".join(words)
    for s, e, acr in initials_definitions(text):
        acronyms.setdefault(acr, text[s:e])
    for m in _KNOWN_ACRONYM.finditer(text):
        acronyms.setdefault(m.group(0), m.group(0))
    return acronyms


def acronym_long_forms(text: str) -> list[Raw]:
    """The long form in 'Koreanischen Zentralen Nachrichtenagentur (KCNA)' is an ORG mention."""
    out = []
    for m in _ACRO_DEF.finditer(text):
        start = m.start(1)
        for word in m.group(1).split()[:-1]:
            if word not in STOP:
                break
            start = text.index(word, start) + len(word) + 1
        out.append(Raw(start, m.end(1), "ORG"))
    return out + [Raw(s, e, "ORG", whole=True) for s, e, _ in initials_definitions(text)]


_TOKEN = re.compile(r"(?<![\w\-])[\w\-]+")
_NAME_END = re.compile(r"(?:s|'s|’s|')?(?![\w\-])")


def find_names(text: str, names: dict[str, str]) -> list[Raw]:
    """Every occurrence of the names (with a genitive ending) as whole words: one pass over
    the tokens with a first-word index, not a regex alternation compiled per article."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        first = _TOKEN.match(name)
        if first:
            by_first.setdefault(first.group(0), []).append(name)
    out: list[Raw] = []
    pos = 0
    for tok in _TOKEN.finditer(text):
        if tok.start() < pos:
            continue
        word = tok.group(0)
        cands = (
            by_first.get(word, []) + by_first.get(word[:-1], [])
            if word[-1:] == "s"
            else by_first.get(word, [])
        )
        for name in sorted(cands, key=len, reverse=True) if len(cands) > 1 else cands:
            end = tok.start() + len(name)
            if text.startswith(name, tok.start()) and (m := _NAME_END.match(text, end)):
                out.append(Raw(tok.start(), m.end(), names[name]))
                pos = m.end()
                break
    return out
