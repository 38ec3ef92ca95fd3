"""Script-agnostic fallback finder: runs of capitalised words, for languages without a model.

Outside German, a capital letter inside a sentence marks a name in most scripts (Latin,
Cyrillic, Greek); what makes a naive capitalised-run finder useless is the first word of every
sentence ('Лидер', 'Бронепоезд', 'Selon') and capitalised common words. So:
- a sentence-initial word counts only when the article also writes it capitalised inside a
  sentence, or it is a gazetteer place, a first name, a Korean/Chinese family name or a known
  acronym; otherwise it is cut off its run ('Политолог Игорь Сомов' -> 'Игорь Сомов');
- a word the article also writes in lowercase is a common word, not a name;
- short all-caps words are acronyms (ORG, or LOC for countries: 'США', 'КНДР'), long all-caps
  words only count as gazetteer places ('ВЛАДИВОСТОК' in a dateline);
- places come from the gazetteer (geonames alternate names, Cyrillic case forms included).
Types are rough (PER for first-name or family-name starts, LOC for places, else MISC): the
resolution and linking rules settle them with the other articles' votes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronik.stages.entities.english import sentence_start
from chronik.stages.entities.gazetteer import PLACES, Places, common_first_name, is_first_name
from chronik.stages.entities.lexicon import ACRONYMS, COUNTRIES, EAST_ASIAN_SURNAMES, STOP
from chronik.stages.entities.spans import Raw
from chronik.stages.entities.translit import dictionary_word, name_lemma, romanise

_WORD = re.compile(r"[^\W\d_](?:[^\W_]|[\-‐'’](?=[^\W_]))*")
Tok = tuple[int, int, str]
MAX_RUN = 5


def _key(word: str, lang: str | None) -> str:
    return name_lemma(word, lang).casefold()


@dataclass
class _Evidence:
    """What the whole article says about its words."""

    mid_caps: set[str]  # keys of words written capitalised inside a sentence
    lower: set[str]  # words the article writes in lowercase
    places: Places
    lang: str | None

    def place(self, word: str) -> str | None:
        return self.places.canonical(word.title() if word.isupper() else word)

    def known_name(self, word: str) -> bool:
        """A sentence-initial word that is a name whatever its position."""
        if word in STOP:
            return False
        roman = romanise(word)
        return (
            _key(word, self.lang) in self.mid_caps
            or bool(self.place(word))
            or word in ACRONYMS
            or roman in EAST_ASIAN_SURNAMES
            or common_first_name(word)
            or (is_first_name(word) and not dictionary_word(word, self.lang))
        )

    def common(self, word: str) -> bool:
        return not word.isupper() and (word.lower() in self.lower or word in STOP)


def _evidence(text: str, toks: list[Tok], lang: str | None) -> _Evidence:
    mid: set[str] = set()
    lower: set[str] = set()
    for s, _, w in toks:
        if w[:1].islower():
            lower.add(w)
        elif not w.isupper() and not sentence_start(text, s):
            mid.add(_key(w, lang))
    return _Evidence(mid, lower, PLACES.get(), lang)


def capital_names(text: str, lang: str | None = None) -> list[Raw]:
    """Candidate names of an article in any language that capitalises only names."""
    toks = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    ev = _evidence(text, toks, lang)
    out: list[Raw] = []
    run: list[Tok] = []
    loud = _shouted(toks)
    for i, tok in enumerate([*toks, (len(text) + 1, len(text) + 1, "x")]):
        if i in loud:
            out += _judge(text, run, ev) + _caps_word(tok, ev, place_only=True)
            run = []
            continue
        glued = run and text[run[-1][1] : tok[0]] == " " and len(run) < MAX_RUN
        if tok[2][:1].isupper() and not tok[2].isupper() and glued:
            run.append(tok)
            continue
        out += _judge(text, run, ev)
        run = [tok] if tok[2][:1].isupper() else []
    return out


def _judge(text: str, run: list[Tok], ev: _Evidence) -> list[Raw]:
    """One run of capitalised words -> zero or one typed span."""
    if not run:
        return []
    first = run[0][2]
    if first.isupper():
        return _caps_word(run[0], ev) + _judge(text, run[1:], ev)
    whole = " ".join(w for *_, w in run)
    if sentence_start(text, run[0][0]) and not ev.known_name(first) and not ev.place(whole):
        run = run[1:]
    while run and ev.common(run[0][2]):
        run = run[1:]
    while run and ev.common(run[-1][2]):
        run = run[:-1]
    if not run:
        return []
    words = [w for *_, w in run]
    split = next((k for k in range(1, len(words)) if _name_starts(words, k, ev)), 0)
    if split:  # 'губернатор Приморья Олег Кожемяко': a place, then a person
        return _judge(text, run[:split], ev) + _judge(text, run[split:], ev)
    name = " ".join(words)
    if ev.place(name) or (len(words) == 1 and ev.place(words[0])):
        typ = "LOC"
    elif romanise(words[0]) in EAST_ASIAN_SURNAMES or is_first_name(words[0]):
        typ = "PER" if len(words) > 1 else "MISC"
    else:
        typ = "MISC"
    return [Raw(run[0][0], run[-1][1], typ)]


def _name_starts(words: list[str], k: int, ev: _Evidence) -> bool:
    """A new name opens at word k after a place ('России | Сергей Шойгу') or with a first name
    that does not follow another first name ('Приморья | Олег Кожемяко')."""
    pair = " ".join(words[k - 1 : k + 1])
    if ev.place(words[k - 1]) and not common_first_name(words[k - 1]) and not ev.place(pair):
        return True
    first = is_first_name(words[k]) and not ev.place(words[k])
    return first and not is_first_name(words[k - 1]) and k + 1 < len(words)


def _shouted(toks: list[Tok]) -> set[int]:
    """Indices of words in a run of all-caps words with at least two longer than a letter
    ('ВСЕ ГОВОРЯТ О ВИЗИТЕ'): shouting, not acronyms ('В США' is a preposition and one)."""
    loud: set[int] = set()
    run: list[int] = []
    for i, (*_, w) in enumerate([*toks, (0, 0, "x")]):
        if w.isupper():
            run.append(i)
            continue
        if sum(len(toks[k][2]) > 1 for k in run) >= 2:
            loud.update(run)
        run = []
    return loud


def _caps_word(tok: Tok, ev: _Evidence, place_only: bool = False) -> list[Raw]:
    """'США', 'ЦТАК', 'KCNA' are acronyms; 'ВЛАДИВОСТОК' counts only as a gazetteer place."""
    word = tok[2]
    if 2 <= len(word) <= 6 and not place_only:
        place = word in COUNTRIES or (word not in ACRONYMS and ev.place(word))
        return [Raw(tok[0], tok[1], "LOC" if place else "ORG")]
    return [Raw(tok[0], tok[1], "LOC")] if ev.place(word) else []
