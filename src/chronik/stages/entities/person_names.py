"""Person-name shape rules used by within-article resolution (moved out of resolve.py).

- a MISC name of two to four name-shaped words that opens with a first name or an East Asian
  family name is a person ('Lena Sørensen');
- 'Russian president', 'North Korean leader': a demonym adjective, not a mention;
- a person's name the model cut after its first name ('Erin' + 'Burnett') gets the first name
  back when the word right before it is a first name in any of Faker's locales and no common
  noun, closed-class word or month ('im Mai Burnett', 'May Burnett' stay apart).
"""

from __future__ import annotations

import re

from chronik.stages.entities.gazetteer import Places, is_first_name
from chronik.stages.entities.lexicon import (
    EAST_ASIAN_SURNAMES,
    EN_LOC_HEADS,
    EN_ORG_HEADS,
    ENGLISH_ROLES,
    STOP,
)
from chronik.stages.entities.nouns import is_common_noun
from chronik.stages.entities.spans import Raw

_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][^\W\d_]+(?:-[A-Za-zà-ÿ][^\W\d_]*)?$")


def person_shaped(name: str, places: Places) -> bool:
    """'Lena Sørensen', 'Mikhaïl Degtiarev', 'Kim Jong-un': two to four name-shaped words
    opening with a first name or an East Asian family name, no place and no organisation head."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
        return False
    if any(w.isupper() for w in words):
        return False  # 'Victor FB', a car model: no person's name has an all-caps word
    if any(w in EN_ORG_HEADS or w in EN_LOC_HEADS for w in words) or places.canonical(name):
        return False
    return words[0] in EAST_ASIAN_SURNAMES or is_first_name(words[0])


_DEMONYM = re.compile(r"^(?:[A-Z]\w+ )?[A-Z]\w*(?:ian|ean|ese|ish|can)$")
_NEXT_WORD = re.compile(r"[ \t]+(\w+)")


def demonym_adjective(text: str, r: Raw, name: str, places: Places) -> bool:
    """'Russian president', 'North Korean leader', 'Syrians fled': a demonym, not a mention
    (GermEval's -deriv forms, which the German model never tags in lower case, go too)."""
    plural = " " not in name and name.endswith("s") and _plural_demonym(name, places)
    if r.type == "PER" and " " not in name and not places.canonical(name) and not plural:
        return False  # 'Brian said'
    if not _DEMONYM.match(name) and not plural:
        return False
    nxt = _NEXT_WORD.match(text, r.end)
    if nxt is None:
        return False
    return nxt.group(1).islower() or nxt.group(1).lower() in ENGLISH_ROLES


def _plural_demonym(name: str, places: Places) -> bool:
    """'Syrians', 'Europeans', 'Israelis' ('Israel' + 'is'); not 'Paris' or 'Kravis'."""
    if _DEMONYM.match(name[:-1]):
        return True
    return name.endswith("is") and bool(places.canonical(name[:-2]))


_WORD_BEFORE = re.compile(r"(?<![\w\-.])([A-ZÀ-Þ][a-zà-ÿ]{1,14}) $")
_MONTHS = frozenset(
    """
    January February March April May June July August September October November December
    Januar Februar März Mai Juni Juli Oktober Dezember
    """.split()  # noqa: SIM905
)


def with_first_names(text: str, spans: list[Raw]) -> list[Raw]:
    """'Erin' + 'Burnett' -> 'Erin Burnett': a person span whose first word is no first name
    takes the first name right before it (one space, same line, not inside another span)."""
    taken = {i for r in spans for i in range(r.start, r.end)}
    out = []
    for r in spans:
        first = text[r.start : r.end].split(" ")[0]
        m = _WORD_BEFORE.search(text, max(0, r.start - 16), r.start) if r.type == "PER" else None
        if m and m.start(1) not in taken and _first_name_before(m.group(1), first):
            r = Raw(m.start(1), r.end, r.type, r.whole)
        out.append(r)
    return out


def _first_name_before(word: str, first: str) -> bool:
    if is_first_name(first) or word in STOP or word in _MONTHS:
        return False
    return is_first_name(word) and not is_common_noun(word)
