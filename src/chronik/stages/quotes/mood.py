"""German verb mood: is a sentence in Konjunktiv I (or its Konjunktiv II stand-in)?

Reported speech in German news is marked by the subjunctive ("er sei", "sie habe", "es gebe",
"Fahrzeuge seien"), so a Konjunktiv sentence with no cue of its own continues someone's speech.
The closed list in `cues.KONJ1` covers the frequent forms; any other finite verb ending in
"-e" is checked with HanTa's morphology (3rd person "-e" without "ich" = Konjunktiv I;
umlauted past stems "brächten", "stünden" = Konjunktiv II). HanTa loads lazily, once per
process, and only for sentences that are candidates; each word is analysed once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from chronik.stages.base import lazy
from chronik.stages.quotes.cues import KONJ1, KONJ2, words

_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r"„[^“”\"]*[“”\"]|»[^«]*«|“[^”]*”|\"[^\"]*\"")
_NOT_VERBS = words(
    "ende sowie ohne gerne bitte heute alle diese jede keine eine seine ihre deine meine "
    "unsere große kleine neue erste letzte andere beide viele einige mehrere weitere "
    "ebene gesamte lange hohe gute böse weise leise feste rede frage lage"
)


def _load_tagger() -> Any:
    from HanTa import HanoverTagger  # type: ignore[import-untyped]

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


_TAGGER: lazy[Any] = lazy(_load_tagger)


@lru_cache(maxsize=50_000)
def word_mood(word: str) -> str | None:
    """'K1', 'K2' or None for one lowercase word."""
    if word in KONJ1:
        return "K1"
    if word in KONJ2:
        return "K2"
    if not word.endswith(("e", "en")) or word in _NOT_VERBS or len(word) < 4:
        return None
    try:
        _lemma, morphs, pos = _TAGGER.get().analyze(word, taglevel=3)
    except Exception:  # morphology is an optional refinement; lists still apply
        return None
    if not str(pos).endswith("(FIN)") or len(morphs) < 2:
        return None
    stem_pos = morphs[-2][1]
    if tuple(morphs[-1]) == ("e", "SUF_FIN") and not stem_pos.endswith("_VAR"):
        return "K1"
    if stem_pos.endswith("_VAR") and re.search("[äöü]", word):
        return "K2"
    return None


def unquoted(seg: str) -> str:
    """The segment with quoted stretches blanked (their mood is the speaker's, not ours)."""
    return _QUOTED.sub(" ", seg)


def sentence_mood(seg: str, deep: bool = True) -> str | None:
    """'K1' when a Konjunktiv I form appears outside quotes, else 'K2' or None.

    `deep=False` uses the word lists only (cheap screening of every sentence).
    """
    words = _WORD.findall(unquoted(seg))
    if any(w.lower() in {"ich", "wir"} for w in words):
        return None  # "ich habe", "wir sehen": first person, indicative
    found: set[str] = set()
    for i, w in enumerate(words):
        if not (w.islower() or i == 0):
            continue
        low = w.lower()
        m = word_mood(low) if deep else ("K1" if low in KONJ1 else "K2" if low in KONJ2 else None)
        if m == "K1":
            return "K1"
        if m:
            found.add(m)
    return "K2" if found else None


@lru_cache(maxsize=50_000)
def word_class(word: str) -> str:
    """What the tagger knows capitalised `word` as: "noun" ("Zuversicht", "Demonstranten"),
    "other" (a sentence-initial adverb or adjective: "Kaum", "Skeptisch"), or "name" --
    also for unknown words (most foreign surnames score far lower) and for words it also
    knows as names ("Richter", "Bauer"). German capitalises every noun, so capitalisation
    alone cannot tell names from nouns."""
    try:
        tags = _TAGGER.get().tag_word(word)
    except Exception:  # morphology is an optional refinement
        return "name"
    if not tags:
        return "name"
    top, score = str(tags[0][0]), float(tags[0][1])
    if score <= KNOWN_SCORE or top in _NAME_TAGS:
        return "name"
    if any(str(t) == "NE" and float(s) >= score - NAME_MARGIN for t, s in tags):
        return "name"
    return "noun" if top in {"NN", "NNA"} else "other"


KNOWN_SCORE = -22.0  # log-probability; lexicon words score above, guesses far below
NAME_MARGIN = 2.5  # a name reading this close to the best one keeps the word a possible name
_NAME_TAGS = frozenset(["NE", "FM", "XY"])


@lru_cache(maxsize=50_000)
def finite_verb(word: str) -> bool:
    """Whether the tagger reads lowercase `word` first as a finite verb ("verteidigte"),
    not as the adjective its ending also fits ("fahrlässige")."""
    try:
        tags = _TAGGER.get().tag_word(word)
    except Exception:  # morphology is an optional refinement
        return False
    return bool(tags) and str(tags[0][0]).endswith("(FIN)")
