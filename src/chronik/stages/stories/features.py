"""What the story clustering compares: meaning, words, names, places and dates.

Each signal alone fails somewhere (embeddings blur two summits of the same leaders; words
fail across languages; dates are often missing), so the clusterer combines them with
weights fitted on ECB+ (see `calibration.json` and `bench/stories_ecbplus.py`). The
signals themselves are read from the article in `signals`.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from chronik.stages.stories import visits

NORM_EPOCH = 32  # documents between refreshes of a story's cached tf-idf norm
GRACE_DAYS = 3  # a story's reports trickle in over a few days before dates count against it


def _space(key: str) -> str:
    return key.rsplit(":", 1)[0]


@dataclass
class Profile:
    """Running sums for one article or one story (a story is the sum of its articles)."""

    vector: np.ndarray
    words: dict[str, Counter[str]] = field(default_factory=dict)  # per language
    names: Counter[str] = field(default_factory=Counter)
    days: list[int] = field(default_factory=list)
    size: int = 1
    years: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    bg: dict[str, float] = field(default_factory=dict)  # key -> background idf (static)
    name_docs: Counter[str] = field(default_factory=Counter)  # name -> member articles with it
    word_docs: Counter[str] = field(default_factory=Counter)  # rare word -> members with it
    visits: Counter[str] = field(default_factory=Counter)  # travel destinations (entity ids)
    _norms: dict[str, tuple[int, float]] = field(default_factory=dict, repr=False)
    _idf: tuple[tuple[int | None, int], dict[str, float]] = field(
        default=((None, -1), {}), repr=False
    )
    _weights: dict[str, tuple[dict[str, float], float]] = field(default_factory=dict, repr=False)
    _spaces: dict[str, set[str]] = field(default_factory=dict, repr=False)

    def spaces(self, attr: str) -> set[str]:
        """Key kinds ("id", "k", ...) present in `names` or `places` (cached)."""
        if attr not in self._spaces:
            self._spaces[attr] = {_space(k) for k in getattr(self, attr)}
        return self._spaces[attr]

    def word_norm(self, lang: str, df: Counter[str], n_docs: int) -> float:
        """tf-idf norm of this profile's words in `lang`, refreshed as idf drifts."""
        epoch = n_docs // NORM_EPOCH
        cached = self._norms.get(lang)
        if cached is None or cached[0] != epoch:
            counts = self.words.get(lang, Counter())
            bg = self.bg
            norm = math.sqrt(sum(
                ((1 + math.log(c)) * bg[w]) ** 2 if w in bg else tfidf(c, df.get(w, 0), n_docs) ** 2
                for w, c in counts.items() if c > 0
            ))  # fmt: skip
            self._norms[lang] = cached = (epoch, norm)
        return cached[1]

    def _changed(self) -> None:
        self._norms.clear()
        self._spaces.clear()
        self._weights.clear()
        self._idf = ((None, -1), {})

    def add(self, other: Profile) -> None:
        self._changed()
        self.vector = self.vector + other.vector
        for lang, counts in other.words.items():
            self.words.setdefault(lang, Counter()).update(counts)
        self.names.update(other.names)
        self.days.extend(other.days)
        self.size += other.size
        self.years.update(other.years)
        self.places.update(other.places)
        for key, value in other.bg.items():
            self.bg.setdefault(key, value)
        self.name_docs.update(other.name_docs)
        self.word_docs.update(other.word_docs)
        self.visits.update(other.visits)

    def copy(self) -> Profile:
        return Profile(
            self.vector.copy(), {k: Counter(v) for k, v in self.words.items()},
            Counter(self.names), list(self.days), self.size, Counter(self.years),
            Counter(self.places), dict(self.bg), Counter(self.name_docs),
            Counter(self.word_docs), Counter(self.visits),
        )  # fmt: skip

    def vocabulary(self) -> set[str]:
        """Everything document frequencies are counted over (words, names, places)."""
        out = {w for counts in self.words.values() for w in counts}
        out.update(f"n|{k}" for k in self.names)
        out.update(f"p|{k}" for k in self.places)
        return out

    def remove(self, other: Profile) -> None:
        """Take one member back out (refinement moves articles between stories)."""
        self._changed()
        self.vector = self.vector - other.vector
        for lang, counts in other.words.items():
            self.words[lang].subtract(counts)
        self.names.subtract(other.names)
        self.years.subtract(other.years)
        self.places.subtract(other.places)
        self.name_docs.subtract(other.name_docs)
        self.word_docs.subtract(other.word_docs)
        self.visits.subtract(other.visits)
        containers = (*self.words.values(), self.names, self.years, self.places, self.name_docs,
                      self.word_docs, self.visits)  # fmt: skip
        for container in containers:
            for key in [k for k, v in container.items() if v <= 0]:
                del container[key]
        for day in other.days:
            self.days.remove(day)
        self.size -= other.size


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na and nb else 0.0


def tfidf(count: int, df: int, n_docs: int) -> float:
    return (1 + math.log(count)) * math.log((n_docs + 1) / (df + 0.5)) if count > 0 else 0.0


def name_overlap(a: Counter[str], b: Counter[str]) -> float:
    """Share of the article's names the story also has (weighted by frequency)."""
    total = sum(a.values())
    return sum(c for n, c in a.items() if n in b) / total if total else 0.0


def rare_overlap(a: Counter[str], b: Counter[str], idf: dict[str, float], prefix: str) -> float:
    """Share of the article's keys the story also has, each weighted by how rare it is in
    the corpus: sharing "Wostotschny" says more than sharing "Putin"."""
    weights = {k: (1 + math.log(c)) * idf.get(prefix + k, 1.0) for k, c in a.items() if c > 0}
    total = sum(weights.values())
    return sum(w for k, w in weights.items() if b.get(k, 0) > 0) / total if total else 0.0


def shared_names(
    art: Profile, story: Profile, idf: dict[str, float], attr: str = "names"
) -> float | None:
    """`rare_overlap` over comparable keys only; None when the two have no key kind in
    common (e.g. linked ids vs transliterated words of a language the tagger lacks)."""
    a, b = getattr(art, attr), getattr(story, attr)
    prefix = "n|" if attr == "names" else "p|"
    common = art.spaces(attr) & story.spaces(attr)
    if len(common) > 1:
        common.discard("k")  # linked ids are better keys when both sides have them
    if not common:
        return None
    mine = Counter({k: c for k, c in a.items() if _space(k) in common})
    return rare_overlap(mine, b, idf, prefix)


def core_coverage(art: Profile, story: Profile, idf: dict[str, float]) -> float | None:
    """Share of the story's core names (in at least half its articles; weighted by rarity)
    that the article names too. Reports of one event share a core (the place, the
    officials quoted); a report of another event with the same leaders lacks it."""
    common = art.spaces("names") & story.spaces("names")
    if len(common) > 1:
        common.discard("k")
    core = [k for k, n in story.name_docs.items() if 2 * n >= story.size and _space(k) in common]
    weights = {k: idf.get(f"n|{k}", story.bg.get(f"n|{k}", 1.0)) for k in core}
    return _covered(weights, art.names)


def core_words(art: Profile, story: Profile) -> float | None:
    """`core_coverage` for the story's rare words ("Panzerzug", "Kosmodrom") in the
    article's language; None when the story has none in that language."""
    lang = next(iter(art.words), None)
    mine = art.words.get(lang or "", Counter())
    core = [
        w for w, n in story.word_docs.items() if 2 * n >= story.size and w.startswith(f"{lang}|")
    ]
    weights = {w: story.bg.get(w.split("|", 1)[1], 1.0) for w in core}
    return _covered({w.split("|", 1)[1]: v for w, v in weights.items()}, mine)


def _covered(weights: dict[str, float], counts: Counter[str]) -> float | None:
    total = sum(weights.values())
    if not total:
        return None
    return sum(w for k, w in weights.items() if counts.get(k, 0) > 0) / total


def day_gap(a: list[int], b: list[int]) -> float | None:
    """Days between the article and the story's date range (0 inside it)."""
    if not a or not b:
        return None
    lo, hi, day = min(b), max(b), float(np.median(a))
    return max(0.0, lo - day - GRACE_DAYS, day - hi - GRACE_DAYS)


class DocFreq(Counter[str]):
    """Document frequencies with an identity token, so per-article idf tables computed for
    one clusterer's corpus state are never reused for another's."""

    _tokens = itertools.count()

    def __init__(self) -> None:
        super().__init__()
        self.token = next(DocFreq._tokens)


def idf_table(art: Profile, df: Counter[str], n_docs: int) -> dict[str, float]:
    """idf of each of the article's keys at this corpus state (memoised: a story candidate
    loop scores one article against many stories at the same state)."""
    token = getattr(df, "token", None)
    key = (token, n_docs)
    if token is None or art._idf[0] != key:
        table = {k: math.log((n_docs + 1) / (df.get(k, 0) + 0.5)) for k in art.vocabulary()}
        table.update(art.bg)  # general rarity where known: means the same in any corpus
        if token is None:
            return table
        art._idf = (key, table)
    return art._idf[1]


def _word_weights(art: Profile, lang: str, idf: dict[str, float]) -> tuple[dict[str, float], float]:
    """The article's tf-idf weights in `lang` and their norm, memoised with `idf`."""
    memo = idf.get(f"\x00{lang}")  # a slot in the idf table itself: same lifetime
    if memo is None:
        weights = {w: (1 + math.log(c)) * idf[w] for w, c in art.words[lang].items() if c > 0}
        norm = math.sqrt(sum(v * v for v in weights.values()))
        art._weights[lang] = (weights, norm)
        idf[f"\x00{lang}"] = 1.0
    return art._weights[lang]


def lexical(art: Profile, story: Profile, df: Counter[str], n_docs: int) -> float | None:
    """tf-idf cosine against the story's articles in the same language (None: none share it)."""
    scores = []
    idf = idf_table(art, df, n_docs)
    for lang, counts in art.words.items():
        other = story.words.get(lang)
        if not other or not counts:
            continue
        weights, art_norm = _word_weights(art, lang, idf)
        dot = sum(v * (1 + math.log(other[w])) * story.bg.get(w, idf[w])
                  for w, v in weights.items() if other.get(w, 0) > 0)  # fmt: skip
        norm = art_norm * story.word_norm(lang, df, n_docs)
        scores.append(dot / norm if norm else 0.0)
    return max(scores) if scores else None


def _split_time(counts: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """(years, months) of a `years` counter."""
    months = Counter({k: c for k, c in counts.items() if k.startswith("m:")})
    return Counter({k: c for k, c in counts.items() if not k.startswith("m:")}), months


def _time_features(art: Profile, story: Profile) -> list[float]:
    """[shared years, disjoint years, shared months, disjoint months]."""
    (art_y, art_m), (story_y, story_m) = _split_time(art.years), _split_time(story.years)
    years, months = name_overlap(art_y, story_y), name_overlap(art_m, story_m)
    return [years, float(bool(art_y and story_y and not years)),
            months, float(bool(art_m and story_m and not months))]  # fmt: skip


def pair_features(
    art: Profile,
    story: Profile,
    df: Counter[str],
    n_docs: int,
    impute: tuple[float, float],
    impute_names: tuple[float, float] = (0.0, 0.0),
) -> list[float]:
    """[embedding cosine, tf-idf cosine, rare-name overlap, story core names covered, story
    core words covered, shared years, disjoint years, shared months, disjoint months, lead
    place overlap, lead places known | log day gap, date known, visit destinations differ].
    The features before "|" are fitted on ECB+; the last three are fixed priors (ECB+ has
    neither dates nor enough visits to fit them).

    Across languages word overlap means nothing, so word features are imputed from the
    embedding cosine (linear fit `impute` on same-language training pairs); names likewise
    when the two sides have no comparable name keys.
    """
    gap = day_gap(art.days, story.days)
    emb = cosine(art.vector, story.vector)
    from_emb = max(0.0, impute[0] + impute[1] * emb)
    lex = lexical(art, story, df, n_docs)
    idf = idf_table(art, df, n_docs)
    names_ = shared_names(art, story, idf)
    names_ = names_ if names_ is not None else max(0.0, impute_names[0] + impute_names[1] * emb)
    core, core_w = core_coverage(art, story, idf), core_words(art, story)
    place = shared_names(art, story, idf, "places")
    return [
        emb, from_emb if lex is None else lex, names_, names_ if core is None else core,
        from_emb if core_w is None else core_w, *_time_features(art, story),
        0.0 if place is None else place, float(place is not None),
        0.0 if gap is None else math.log1p(gap), float(gap is not None),
        visits.conflict(art.visits, story.visits),
    ]  # fmt: skip
