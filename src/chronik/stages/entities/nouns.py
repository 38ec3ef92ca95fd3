"""Common-noun check for one-word mentions, with HanTa's German lexicon (already a dependency).

The model, trained on a few thousand sentences, tags some capitalised German nouns as names
('Staatsmedien', 'Trägerraketen'). HanTa analyses the lowercased word: a name comes back as
NE/FM (or is unknown), a noun of its lexicon as NN. Only one-word mentions that no rule
confirmed are checked, so names that are also nouns ('Panda' in 'Ankit Panda') survive.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from chronik.stages.base import lazy


def _load() -> Any:
    import HanTa.HanoverTagger as hanover  # noqa: N813 (a module, named like its class)

    return hanover.HanoverTagger("morphmodel_ger.pgz")


TAGGER: lazy[Any] = lazy(_load)


@lru_cache(maxsize=50_000)
def lower_tag(word: str) -> str:
    """HanTa's tag for the lowercased word ('' for short, all-caps or non-alphabetic words, and
    when the tagger fails: a tagger failure must not cost the article its entities)."""
    if not word.isalpha() or word.isupper() or len(word) < 4:
        return ""
    try:
        return str(TAGGER.get().analyze(word.lower(), taglevel=1)[1])
    except Exception:
        return ""


@lru_cache(maxsize=50_000)
def known_tag(word: str) -> str:
    """HanTa's tag for the lowercased word when its lexicon backs every morpheme of the
    analysis, else '': HanTa guesses a tag for any word ('röttgen' a verb, 'güllner' an
    adjective), and a guess says nothing against a name."""
    if not lower_tag(word):
        return ""
    try:
        tagger = TAGGER.get()
        _, morphs, tag = tagger.analyze(word.lower(), taglevel=3)
        lexicon = tagger.LP_m_t
        for morph, mtag in morphs:
            if morph not in lexicon.get(tagger.tag2int.get(mtag, -1), ()):
                return ""
    except Exception:  # a tagger failure must not cost the article its entities
        return ""
    return str(tag)


def is_common_noun(word: str) -> bool:
    """True when HanTa reads the lowercased word as a common noun (NN). Guesses count here
    (unlike in `is_other_word`): other rules read 'not a common noun' as 'a name'."""
    return lower_tag(word) == "NN"


@lru_cache(maxsize=50_000)
def is_lexicon_noun(word: str) -> bool:
    """True when the lowercased word reads as a name but the capitalised one as a single noun
    of HanTa's lexicon ('panzer' NE, 'Panzer' NN); a guessed noun comes in pieces ('Biden' =
    'bid' + 'en') and stays a name. Only for the model's persons: 'Euro' (NN too) is a
    GermEval OTH name."""
    if not word[:1].isupper() or lower_tag(word) != "NE":
        return False
    try:
        _, morphs, cap_tag = TAGGER.get().analyze(word, taglevel=3)
    except Exception:  # a tagger failure must not cost the article its entities
        return False
    return str(cap_tag) == "NN" and len(morphs) == 1


def is_other_word(word: str) -> bool:
    """True when HanTa's lexicon reads the lowercased word as an adjective, adverb or verb:
    capitalised only because it opens a sentence ('Offiziell', 'Spekuliert'); a guessed
    reading is not enough ('Röttgen bestätigte', 'Güllner sagte')."""
    return known_tag(word).startswith(("ADJ", "ADV", "VV", "VA", "VM", "PTK", "KO"))


def is_verb(word: str) -> bool:
    """True when HanTa reads the lowercased word as a full verb: 'Essen', 'Siegen', 'Weiden'
    are towns, and also what a verb turns into after an article ('während des Essens')."""
    return lower_tag(word).startswith("VV")
