"""Name rules for German text around foreign names: English 'X of/for Y' names, 'Name-Noun'
compounds and places after area nouns.

German news quotes English names verbatim ('Carnegie Endowment for International Peace',
'Joint Chiefs of Staff'); German never writes a lowercase 'of'/'for', so a run of capitalised
words around one is one name. A German compound glued to a foreign name ('Associated
Press-Journalisten', 'Rodong Sinmun-Blatt') holds the name before the hyphen when the tail
is a common noun. 'aus der Gegend von Sunan': what follows an area noun is a place.
"""

from __future__ import annotations

import re

from chronik.stages.entities.appositions import ORG_CUES
from chronik.stages.entities.english import zipf_en
from chronik.stages.entities.gazetteer import PLACES, role_gloss
from chronik.stages.entities.lexicon import (
    EAST_ASIAN_SURNAMES,
    EN_LOC_HEADS,
    EN_ORG_HEADS,
    FIRST_NAMES,
    STOP,
)
from chronik.stages.entities.nouns import is_common_noun, is_other_word, known_tag
from chronik.stages.entities.spans import Raw

# squares, streets and buildings named after people: the whole compound is the place
PLACE_SUFFIX = re.compile(
    r"(?:platz|straße|strasse|allee|brücke|bahnhof|flughafen|hafen|kosmodrom|palast|stadion|"
    r"gebirge|kanal|square|street|airport)$",
    re.IGNORECASE,
)
# heads that are part of an institution's name ('Kookmin-Universität', 'Ebert-Stiftung')
NAME_HEADS = frozenset(
    """
    Universität Hochschule Institut Stiftung Partei Akademie Klinik Klinikum Museum Bank
    Kirche Schule Gymnasium Werk Werke Kraftwerk Theater Orchester
    """.split()  # noqa: SIM905
)

_CAP = r"[A-Z][\w\-]*"
_EN_NAME = re.compile(
    rf"(?<![\w\-])((?:{_CAP}[ \t]+){{1,4}}?)(of|for)(?:[ \t]+the)?((?:[ \t]+{_CAP}){{1,4}})"
    r"(?![\w\-])"
)


def english_names(text: str) -> list[Raw]:
    """'Carnegie Endowment for International Peace', 'Joint Chiefs of Staff': capitalised
    words on both sides of 'of'/'for' in non-English text are one name, typed by its head
    words ('Gulf of Mexico' LOC) or left MISC for the model to settle; a head that is
    itself a place or a first name makes two names ('Pyongyang for Kyiv')."""
    places = PLACES.get()
    out: list[Raw] = []
    for m in _EN_NAME.finditer(text):
        left = m.group(1).split()
        keep = len(left)
        while keep and _english_word(left[keep - 1]):
            keep -= 1
        left = left[keep:]
        right = m.group(3).split()
        right = right[: next((i for i, w in enumerate(right) if _german_word(w)), len(right))]
        if not left or not right or places.canonical(left[-1]) or left[-1] in FIRST_NAMES:
            continue  # 'Pyongyang for Kyiv': two names, not one
        lefts = [w.start() for w in re.finditer(r"\S+", m.group(1))]
        start = m.start(1) + lefts[len(lefts) - len(left)]
        rights = [w.end() for w in re.finditer(r"\S+", m.group(3))]
        end = m.start(3) + rights[len(right) - 1]
        typ = "LOC" if left[-1] in EN_LOC_HEADS else _head_type([*left, *right])
        out.append(Raw(start, end, typ))
    return out


# institution heads beyond the English capital-run heads ('Carnegie Endowment for ...')
_ORG_WORDS = EN_ORG_HEADS | frozenset(
    "Endowment Museum Library Academy Gallery Fund Trust School Program Programme Chiefs".split()  # noqa: SIM905
)


def _head_type(words: list[str]) -> str:
    """ORG with an institution head anywhere, else MISC, which the model's type inside may
    settle ('House of Cards' stays MISC)."""
    return "ORG" if any(w in _ORG_WORDS for w in words) else "MISC"


def _german_word(word: str) -> bool:
    """'Forscher' after 'Massachusetts Institute of Technology': a word that ends the name."""
    if "-" in word or word in STOP:
        return True
    return zipf_en(word) < 3.0 and (is_common_noun(word) or is_other_word(word))


def _english_word(word: str) -> bool:
    """A word left of 'of'/'for' that belongs to the English name: a frequent English word or
    a name, not a German noun, genitive or compound ('Kampagne', 'Spielbergs', 'US-Band')."""
    if "-" in word or word in STOP or role_gloss(word):
        return False
    if zipf_en(word) >= 3.0:
        return True
    return not word.endswith("s") and not is_common_noun(word)


_AREA = re.compile(
    r"\b(?:Gegend|Raum|Großraum|Nähe|Umgebung|Umland)[ \t]+(?:von|um)[ \t]+"
    r"([A-ZÄÖÜ][\w\-]+)(?![\w\-])"
)


def area_places(text: str) -> list[Raw]:
    """'aus der Gegend von Sunan', 'im Raum um Charkiw': the name after an area noun is a
    place (not a first name or East Asian family name: 'in der Nähe von Kim ...')."""
    out = []
    for m in _AREA.finditer(text):
        word = m.group(1)
        if word in STOP or word in FIRST_NAMES or word in EAST_ASIAN_SURNAMES:
            continue
        if role_gloss(word.split("-")[-1]) or is_common_noun(word) or is_other_word(word):
            continue  # 'in der Nähe von Schloss Bellevue'
        out.append(Raw(m.start(1), m.end(1), "LOC"))
    return out


_WORD_BEFORE = re.compile(r"([A-ZÄÖÜ][\w]+)[ \t]$")


def _name_word(word: str) -> bool:
    return word not in STOP and not is_common_noun(word) and not is_other_word(word)


def _extend_left(text: str, start: int, limit: int = 2) -> int:
    """'Rodong' before 'Sinmun-Blatt': capitalised words right before that are no common
    noun, adjective, verb or boilerplate word belong to the name."""
    for _ in range(limit):
        m = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if not m or not _name_word(m.group(1)):
            break
        before = text[max(0, m.start(1) - 3) : m.start(1)].strip()
        if before[-1:] in {".", "!", "?", ":"} or m.start(1) == 0:
            break  # a sentence opener may be any word
        start = m.start(1)
    return start


_PARTY_TAG = re.compile(r"[A-Z]-[A-Z]{2}")


def split_name_compounds(text: str, spans: list[Raw]) -> list[Raw]:
    """'Associated Press-Journalisten' -> 'Associated Press'; 'Rodong Sinmun-Blatt' ->
    'Rodong Sinmun' (ORG: the tail is a class noun). Cut when the tail is a class noun, or a
    common noun after a name of several words; names of squares and institutions
    ('Kim-Il-Sung-Platz', 'Kookmin-Universität') and compounds of two nouns ('Deutsche
    Presse-Agentur': 'Presse' is a noun of HanTa's lexicon, 'Yonhap' is not) stay whole."""
    out: list[Raw] = []
    for r in spans:
        name = text[r.start : r.end]
        if _PARTY_TAG.fullmatch(name) and text[r.start - 1 : r.start] == "(":
            continue  # 'Jim Himes (R-CT)': party and state of a politician, no name
        head, dash, tail = name.rpartition("-")
        if not dash or not head or not tail[:1].isupper() or PLACE_SUFFIX.search(name):
            out.append(r)
            continue
        cue = tail in ORG_CUES
        noun_compound = known_tag(head.split()[-1]) == "NN"  # 'Deutsche Presse-Agentur'
        if (
            tail in NAME_HEADS
            or noun_compound
            or not (cue or (" " in head and is_common_noun(tail)))
        ):
            out.append(r)
            continue
        start = _extend_left(text, r.start) if cue else r.start
        out.append(Raw(start, r.start + len(head), "ORG" if cue else r.type))
    return out
