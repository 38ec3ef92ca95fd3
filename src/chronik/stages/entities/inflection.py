"""German names of adjectives and a noun in their base form: 'des Internationalen
Strafgerichtshofs' -> 'Internationaler Strafgerichtshof', 'der Vereinten Nationen' -> 'Vereinte
Nationen', 'des Weißen Hauses' -> 'Weißes Haus'.

German declines the adjectives of a name with its case, so one organisation appears under
several spellings across articles and the entity list shows whichever came first. The base
form is the strong nominative (the form without article, as in a dictionary title). It
follows from three clues, each general German morphology, no list of names:
- the article word before the name (des/dem/der/den/die/das, im/zum/zur ...): case and gender;
- the noun's own ending against its HanTa lemma: 'Strafgerichtshofs' = lemma + s is a genitive
  singular, 'Nationen' != 'Nation' a plural;
- the noun's gender, from its last compound part: suffixes (-ung, -heit, -ion: feminine;
  -um, -ment, -chen: neuter) and the grammatical gender of frequent head nouns of
  institutions and places ('-haus', '-amt', '-gericht' neuter; '-bank', '-partei' feminine);
  masculine otherwise ('-rat', '-hof', '-dienst').
Adjectives are words HanTa reads as adjectives whose lemma is a proper prefix ('Vereinten' =
'vereint' + 'en'); an invariable place adjective ('Zürcher' = lemma 'zürcher') stays as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from chronik.stages.entities.nouns import TAGGER, lower_tag

_DET = re.compile(
    r"(?:^|[\s(„\"'])(des|dem|der|den|die|das|im|am|vom|zum|beim|zur|ins|eines|einem|einer|"
    r"einen|ein|eine|dieses|diesem|dieser|diesen|diese)\s+$",
    re.IGNORECASE,
)
_MASC_NEUT_DAT = frozenset({"dem", "im", "am", "vom", "zum", "beim", "einem", "diesem"})
_GEN_SG = frozenset({"des", "eines", "dieses"})
_FEM_SUFFIXES = (
    "ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ie", "ei", "ur", "enz", "anz",
    "ade", "age", "ise", "ose", "itis", "ive", "ine", "bahn", "stelle",
)  # fmt: skip
_NEUT_SUFFIXES = ("um", "ment", "chen", "lein", "tum", "ett", "ut", "o", "ma", "nis")
_NEUT_HEADS = frozenset(
    """
    haus amt gericht werk land reich heim blatt team volk gremium bündnis kabinett parlament
    komitee institut zentrum ministerium museum kommando büro regime militär kloster hotel
    theater unternehmen programm projekt system netz portal magazin forum labor lager dorf
    viertel tal meer tor schloss stadion studio kreuz gebiet kap gesetz abkommen treffen
    konsulat sekretariat archiv spital kapitel organ tribunal kollegium konzil direktorat
    kommissariat ressort departement emirat kalifat königreich kaiserreich fürstentum
    gebirge becken delta ufer eiland atoll observatorium orchester ensemble gymnasium
    """.split()  # noqa: SIM905
)
_FEM_HEADS = frozenset(
    """
    bank stadt partei polizei armee marine luftwaffe behörde agentur union kommission regierung
    zeitung post universität akademie hochschule schule stiftung gesellschaft vereinigung
    allianz front liga gruppe garde kammer versammlung konferenz insel straße brücke mauer
    burg republik föderation zone region provinz nation kirche wacht welt see küste bucht
    halbinsel wüste grenze mission flotte brigade division miliz truppe
    """.split()  # noqa: SIM905
)
_STRONG = {"m": "er", "f": "e", "n": "es", "pl": "e"}


@lru_cache(maxsize=20_000)
def _noun(word: str) -> tuple[str, str] | None:
    """(lemma, head) of a capitalised noun, its last compound part as head; None when HanTa
    does not read it as a common noun."""
    prefix, _, last = word.rpartition("-")
    if not last[:1].isupper() or not last.isalpha():
        return None
    try:
        _, morphs, tag = TAGGER.get().analyze(last, taglevel=3)
    except Exception:  # a tagger failure must not cost the article its entity
        return None
    if str(tag) != "NN":
        return None
    lemma = str(TAGGER.get().analyze(last)[0])
    nouns = [str(m) for m, t in morphs if str(t).startswith("NN")]
    head = nouns[-1] if nouns else lemma.lower()
    return (f"{prefix}-{lemma}" if prefix else lemma), head


def gender(lemma: str, head: str) -> str:
    """'m', 'f' or 'n' for a noun lemma with its last compound part ('Strafgerichtshof',
    'hof'): head nouns first, then suffixes; masculine when nothing says otherwise."""
    low = lemma.lower()
    if head in _NEUT_HEADS:
        return "n"
    if head in _FEM_HEADS:
        return "f"
    if low.endswith(("ee", "ismus", "ling", "eur", "or", "ant")):
        return "f" if low.endswith(("armee", "idee", "allee")) else "m"
    if low.endswith(_FEM_SUFFIXES) or (low.endswith("e") and not low.endswith("ee")):
        return "f"
    if low.endswith(_NEUT_SUFFIXES):
        return "n"
    return "m"


@lru_cache(maxsize=20_000)
def _adjective(word: str) -> tuple[str, str] | None:
    """(stem, ending) of a capitalised declined adjective ('Vereinten' -> 'Vereint', 'en')."""
    if not word[:1].isupper() or not word.isalpha() or not lower_tag(word).startswith("ADJ"):
        return None
    try:
        lemma = str(TAGGER.get().analyze(word.lower())[0])
    except Exception:
        return None
    ending = word[len(lemma) :]
    if not word.lower().startswith(lemma) or ending not in {"e", "en", "er", "es", "em"}:
        return None
    return word[: len(lemma)], ending


def _number_gender(det: str, ending: str, surface: str, lemma: str, head: str) -> str | None:
    """'m', 'f', 'n' or 'pl' for the phrase, or None when the clues disagree."""
    det = det.lower()
    if surface != lemma and surface not in {lemma + "s", lemma + "es"}:
        return "pl"  # 'Nationen' (lemma 'Nation')
    genitive_looking = surface != lemma
    if genitive_looking and det not in _GEN_SG | {""}:
        return "pl"  # 'den Gemeinsamen Stabschefs'
    if ending == "e" and det not in {"der", "das", "dieser", "dieses"}:
        return "pl" if genitive_looking else None  # already a nominative
    if ending == "e":
        return "m" if det in {"der", "dieser"} else "n"
    if ending == "en" and det in {"der", "zur", "einer"} and not genitive_looking:
        return "f"
    if ending == "en" and det in {"den", "einen", "diesen"}:
        return "m"
    found = gender(lemma, head)
    if found == "f" and (genitive_looking or det in _MASC_NEUT_DAT | _GEN_SG):
        return None  # a feminine noun cannot follow 'des'/'dem'
    return found


def base_form(name: str, before: str) -> str:
    """The strong nominative of a German name that opens with declined adjectives and a noun
    ('Internationalen Strafgerichtshofs' after 'des ' -> 'Internationaler Strafgerichtshof');
    other names, and phrases whose clues disagree, come back unchanged. `before` is the
    text right before the name (for its article word)."""
    words = name.split(" ")
    adjs = []
    for word in words:
        adj = None if _noun(word) else _adjective(word)
        if adj is None:
            break
        adjs.append(adj)
    if not adjs or len(adjs) >= len(words):
        return name
    noun = _noun(words[len(adjs)])
    after = words[len(adjs) + 1 : len(adjs) + 2]
    if noun is None or (after and _noun(after[0])):
        return name  # 'Neuen Zürcher Zeitung': not adjectives + one noun
    lemma, head = noun
    det = _DET.search(before[-20:])
    ending = adjs[0][1]
    form = _number_gender(det.group(1) if det else "", ending, words[len(adjs)], lemma, head)
    if form is None:
        return name
    new = [stem + (_STRONG[form] if end == ending else end) for stem, end in adjs]
    noun_word = words[len(adjs)] if form == "pl" else lemma
    return " ".join([*new, noun_word, *words[len(adjs) + 1 :]])
