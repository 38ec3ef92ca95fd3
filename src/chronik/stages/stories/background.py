"""How rare a word or name is in general, not only in the corpus at hand.

Corpus idf is meaningless in a small, single-topic corpus: when five reports all name
Putin, Kim and North Korea, those words get idf ~0 and the reports look unrelated, while
on a large mixed corpus (ECB+, where the join model is fitted) the same words are rare
and decisive. Background rarity from general word frequencies (`wordfreq`, news + web
text in ~40 languages) makes the word and name features mean the same on both, so the
calibration transfers. Languages wordfreq lacks fall back to corpus idf.
"""

from __future__ import annotations

import math
from functools import lru_cache

DOC_WORDS = 500  # a typical news article: chance a word occurs ~ 1 - exp(-DOC_WORDS * p)
FLOOR_ZIPF = 1.0  # words wordfreq never saw (new names) count as this rare
MAX_IDF = -math.log(DOC_WORDS * 10 ** (FLOOR_ZIPF - 9))


@lru_cache(maxsize=1)
def _wordfreq() -> tuple[object, frozenset[str]] | None:
    try:
        import wordfreq
    except ImportError:  # optional: corpus idf only
        return None
    return wordfreq.zipf_frequency, frozenset(wordfreq.available_languages())


def supported(lang: str | None) -> bool:
    wf = _wordfreq()
    return bool(wf and lang and lang in wf[1])


@lru_cache(maxsize=200_000)
def idf(text: str, lang: str) -> float:
    """Background idf of a word or multi-word name in `lang` (0 for function words)."""
    wf = _wordfreq()
    if wf is None:
        return MAX_IDF
    zipf = max(FLOOR_ZIPF, wf[0](text.lower(), lang))  # type: ignore[operator]
    share = -math.expm1(-DOC_WORDS * 10 ** (zipf - 9))  # documents containing it
    return max(0.0, -math.log(share))
