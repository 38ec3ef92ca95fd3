"""Candidate spans: the typed character ranges every rule works on, and their cleaning.

Cleaning trims punctuation, line breaks, lowercase tails, leading role words and generic place
heads ('Kosmodrom', 'Insel'), drops spans without letters or made of boilerplate words, and
keeps the longest of overlapping spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronik.stages.entities.gazetteer import role_gloss
from chronik.stages.entities.lexicon import GENERIC_PLACE_HEADS, JOINERS, STOP
from chronik.stages.entities.model_trust import adjective_inside, inside_title, keeps_article

_TRIM = " \t\n\"'„“”‚‘’«»()[]{}.,;:!?-–—/*"

_LETTER = re.compile(r"[^\W\d_]")
_NONSPACE = re.compile(r"\S+")


@dataclass
class Raw:
    start: int
    end: int
    type: str
    whole: bool = False  # keep lowercase words inside ('Центральное телеграфное агентство')


_ELISION = re.compile(r"(?:[lLdD]|qu|Qu)['’](?=[^\W\d_])")


def _trim(text: str, s: int, e: int, whole: bool = False, typ: str = "") -> tuple[int, int]:
    """Cut punctuation, a line break, lowercase tails and leading role words off a span,
    and a French elided article ('l’Amour' -> 'Amour', 'd’Ukraine'); `typ` keeps a title's
    article and an organisation's adjectives (model_trust.py)."""
    while s < e and text[s] in _TRIM:
        s += 1
    if (elided := _ELISION.match(text, s, e)) and text[elided.end() : elided.end() + 1].isupper():
        s = elided.end()
    nl = text.find("\n", s, e)
    e = nl if nl != -1 else e
    toks = [(m.start(), m.end(), m.group(0)) for m in _NONSPACE.finditer(text, s, e)]
    for i, (_, _, word) in enumerate(toks):
        if i > 0 and word[:1].islower() and not whole and not _inside_name(toks, i):
            following = toks[i + 1][2] if i + 1 < len(toks) else None
            words = [t[2] for t in toks]
            if adjective_inside(word, following, typ) or inside_title(words, i, typ):
                continue
            toks = toks[:i]
            break
    while len(toks) > 1 and (
        (
            toks[0][2] in STOP
            and not keeps_article(toks[0][2], typ)
            and not (whole and typ == "MISC")
        )
        or toks[0][2] in GENERIC_PLACE_HEADS  # 'Kosmodrom Wostotschny': the name is the rest
        or role_gloss(toks[0][2].split("-")[-1])
    ):
        toks = toks[1:]
    while toks and toks[-1][2] in JOINERS:
        toks.pop()
    if len(toks) > 1 and fold_mixed(toks[-1][2]) in _GERMAN_TAIL_HEADS:
        toks.pop()  # 'Wostotschny Сosmodrom' (English word order): the name is 'Wostotschny'
    if not toks:
        return s, s
    s, e = toks[0][0], toks[-1][1]
    while e > s and text[e - 1] in _TRIM and not _INITIAL.search(text, s, e):
        e -= 1
    return s, e


# generic heads a German text puts after a name only when it copies English word order
_GERMAN_TAIL_HEADS = frozenset({"Kosmodrom", "Cosmodrom", "Insel", "Halbinsel", "Fluss"})
_INITIAL = re.compile(r"(?<=\s)[A-ZÄÖÜ]\.$")  # 'Nico G.', 'Claudia B.': the dot is the name's

# short lowercase words inside names: 'Frankfurt am Main', 'Bundesamt für Gesundheit',
# 'Theater der Zeit', 'Giacomo della Porta' ('und', 'in', 'mit', 'to', 'at' are not: they
# join two names or a name and its place, 'Thomas to IR')
CONNECTORS = frozenset(
    """
    am an im zu zum zur ob der des dem den die das für vom unter über auf
    della delle degli dei dello el los las les
    """.split()  # noqa: SIM905
)


def _inside_name(toks: list[tuple[int, int, str]], i: int) -> bool:
    """The lowercase word at i belongs to the name: a joiner ('von'), a particle glued to a
    name ('al-Nuaimi'), or one of at most two short connectors before a capitalised word of
    the span."""
    word = toks[i][2]
    if word in JOINERS or _PARTICLE_NAME.match(word):
        return True
    j = i
    while j < len(toks) and (toks[j][2] in CONNECTORS or toks[j][2] in JOINERS) and j - i < 2:
        j += 1
    return j > i and j < len(toks) and toks[j][2][:1].isupper()


# 'al-Nuaimi', 'el-Sisi', 'bin-Laden': a particle glued to a capitalised name
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|az|bin|ibn|abu|da|de|di|du)-[A-ZÄÖÜ]\w")
# 'von Trotha', 'van der Vaart', 'de Gaulle': a name may open with its particles
# ('der Bundestag' is no such name: an article opens no name on its own)
_PARTICLES = re.compile(
    r"(?:von|van|zu|de|da|di|del|della|du|ten|ter)(?:\s+(?:der|den|dem|de|la|le|zu))?\s+[A-ZÄÖÜ]"
)


def _lowercase_name(surface: str) -> bool:
    """'dpa', 'n-tv', 'iPhone', 'ots': one short or marked word starting lowercase is a name;
    lowercase running text is not; 'von Trotha', 'al-Nuaimi' are names with their particle."""
    if _PARTICLES.match(surface) or _PARTICLE_NAME.match(surface):
        return True
    return " " not in surface and (
        len(surface) <= 4 or any(c.isupper() or c.isdigit() or c == "-" for c in surface)
    )


def clean_spans(text: str, spans: list[Raw]) -> list[Raw]:
    """Trim spans, drop letterless/boilerplate/role-only spans, resolve overlaps (longest wins)."""
    out: list[Raw] = []
    for sp in spans:
        s, e = _trim(text, sp.start, sp.end, sp.whole, sp.type)
        surface = text[s:e]
        if len(surface) < 2 or not _LETTER.search(surface) or surface in STOP:
            continue
        last = surface.split()[-1]
        lowercase = surface[:1].islower() and not _lowercase_name(surface)
        if lowercase or len(surface) > 80 or role_gloss(last.split("-")[-1]):
            continue
        cut = text[e : sp.end].strip(_TRIM)
        typ = "LOC" if fold_mixed(cut) in _GERMAN_TAIL_HEADS else sp.type  # a place's head
        out.append(Raw(s, e, typ, sp.whole))
    out.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[Raw] = []
    for r in out:
        if kept and r.start < kept[-1].end:
            continue
        kept.append(r)
    return kept


# Cyrillic letters that look like Latin ones: a word mixing both scripts is a typo of one
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсухі", "ABEKMHOPCTXaeopcyxi")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def fold_mixed(name: str) -> str:
    """'Wostotschny Сosmodrom' (a Cyrillic 'С') -> all Latin: words that mix Latin and
    Cyrillic letters take the Latin look-alikes; pure Cyrillic words stay as they are."""
    if not _CYRILLIC.search(name):
        return name
    words = name.split(" ")
    for i, w in enumerate(words):
        if _CYRILLIC.search(w) and _LATIN.search(w):
            words[i] = w.translate(_HOMOGLYPHS)
    return " ".join(words)


def strip_genitive(surface: str) -> str:
    for suffix in ("'s", "’s", "'"):
        if surface.endswith(suffix):
            return surface[: -len(suffix)]
    return surface
