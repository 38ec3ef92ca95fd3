"""What the story clustering compares: meaning, words, names and dates of an article.

Each signal alone fails somewhere (embeddings blur two summits of the same leaders; words
fail across languages; dates are often missing), so the clusterer combines all four with
weights fitted on ECB+ (see `calibration.json` and `bench/stories_ecbplus.py`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from chronik.model import Article

_WORD = re.compile(r"[^\W\d_]{4,}")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÄÖÜÀ-ÝА-Я][\w\-]{2,}")
MAX_CHARS = 20_000  # bound per-article work on very long input


def stem(word: str) -> str:
    """Crude cross-inflection key: lowercase prefix (Nordkoreas/Nordkorea -> nordko)."""
    return word.lower()[:6]


def words(text: str) -> Counter[str]:
    return Counter(stem(w) for w in _WORD.findall(text[:MAX_CHARS]))


NORM_EPOCH = 32  # documents between refreshes of a story's cached tf-idf norm
GRACE_DAYS = 3  # a story's reports trickle in over a few days before dates count against it


def years(text: str) -> Counter[str]:
    """Years the text mentions: distinct events of one kind are often years apart."""
    return Counter(_YEAR.findall(text[:MAX_CHARS]))


def names(article: Article) -> Counter[str]:
    """Entity names, keyed by kind so that only comparable keys meet: linked entity ids
    ("id:"), resolved mention names ("m:"), else capitalised words per language ("w:de:")."""
    if article.mentions:
        return Counter(
            f"id:{m.entity_id}" if m.entity_id else f"m:{(m.canonical or m.text).lower()}"
            for m in article.mentions
        )
    text = article.text[:MAX_CHARS]
    lang = article.language or "und"
    return Counter(
        f"w:{lang}:{stem(m.group())}" for m in _NAME.finditer(text) if not m.group().isupper()
    )


def _space(key: str) -> str:
    return key.rsplit(":", 1)[0]


def article_day(article: Article) -> int | None:
    """Day ordinal of the article's publication (month/year precision -> mid-period).

    Only stated dates count (metadata or a date line): dates inferred from the latest
    date mentioned in the text are often a background event and would split stories.
    """
    if article.published and article.published_source in ("metadata", "text"):
        return parse_day(article.published)
    return None


def parse_day(value: str) -> int | None:
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        return date(int(year), int(month or 7), int(day or (15 if month else 1))).toordinal()
    except ValueError:
        return None


@dataclass
class Profile:
    """Running sums for one article or one story (a story is the sum of its articles)."""

    vector: np.ndarray
    words: dict[str, Counter[str]] = field(default_factory=dict)  # per language
    names: Counter[str] = field(default_factory=Counter)
    days: list[int] = field(default_factory=list)
    size: int = 1
    years: Counter[str] = field(default_factory=Counter)
    _norms: dict[str, tuple[int, float]] = field(default_factory=dict, repr=False)

    def word_norm(self, lang: str, df: Counter[str], n_docs: int) -> float:
        """tf-idf norm of this profile's words in `lang`, refreshed as idf drifts."""
        epoch = n_docs // NORM_EPOCH
        cached = self._norms.get(lang)
        if cached is None or cached[0] != epoch:
            counts = self.words.get(lang, Counter())
            norm = math.sqrt(sum(tfidf(c, df.get(w, 0), n_docs) ** 2 for w, c in counts.items()))
            self._norms[lang] = cached = (epoch, norm)
        return cached[1]

    def add(self, other: Profile) -> None:
        self._norms.clear()
        self.vector = self.vector + other.vector
        for lang, counts in other.words.items():
            self.words.setdefault(lang, Counter()).update(counts)
        self.names.update(other.names)
        self.days.extend(other.days)
        self.size += other.size
        self.years.update(other.years)

    def copy(self) -> Profile:
        return Profile(
            self.vector.copy(), {k: Counter(v) for k, v in self.words.items()},
            Counter(self.names), list(self.days), self.size, Counter(self.years),
        )  # fmt: skip

    def remove(self, other: Profile) -> None:
        """Take one member back out (refinement moves articles between stories)."""
        self._norms.clear()
        self.vector = self.vector - other.vector
        for lang, counts in other.words.items():
            self.words[lang].subtract(counts)
        self.names.subtract(other.names)
        self.years.subtract(other.years)
        for container in (*self.words.values(), self.names, self.years):
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


def shared_names(a: Counter[str], b: Counter[str]) -> float | None:
    """`name_overlap` over comparable keys only; None when the two have no key kind in
    common (e.g. linked ids vs raw Cyrillic words of a language the tagger lacks)."""
    common = {_space(k) for k in a} & {_space(k) for k in b}
    if not common:
        return None
    return name_overlap(Counter({k: c for k, c in a.items() if _space(k) in common}), b)


def day_gap(a: list[int], b: list[int]) -> float | None:
    """Days between the article and the story's date range (0 inside it)."""
    if not a or not b:
        return None
    lo, hi, day = min(b), max(b), float(np.median(a))
    return max(0.0, lo - day - GRACE_DAYS, day - hi - GRACE_DAYS)


def lexical(art: Profile, story: Profile, df: Counter[str], n_docs: int) -> float | None:
    """tf-idf cosine against the story's articles in the same language (None: none share it)."""
    scores = []
    for lang, counts in art.words.items():
        other = story.words.get(lang)
        if not other or not counts:
            continue
        weights = {w: tfidf(c, df.get(w, 0), n_docs) for w, c in counts.items()}
        dot = sum(
            v * tfidf(other[w], df.get(w, 0), n_docs) for w, v in weights.items() if w in other
        )
        norm = math.sqrt(sum(v * v for v in weights.values())) * story.word_norm(lang, df, n_docs)
        scores.append(dot / norm if norm else 0.0)
    return max(scores) if scores else None


def pair_features(
    art: Profile,
    story: Profile,
    df: Counter[str],
    n_docs: int,
    impute: tuple[float, float],
    impute_names: tuple[float, float] = (0.0, 0.0),
) -> list[float]:
    """[embedding cosine, tf-idf cosine, name overlap, shared years, disjoint years,
    log day gap, date known]; the first five are fitted, the last two a fixed prior.

    Across languages word overlap means nothing, so the tf-idf feature is imputed from the
    embedding cosine (linear fit `impute` on same-language training pairs); names likewise
    when the two sides have no comparable name keys.
    """
    gap = day_gap(art.days, story.days)
    shared = name_overlap(art.years, story.years)
    emb = cosine(art.vector, story.vector)
    lex = lexical(art, story, df, n_docs)
    names_ = shared_names(art.names, story.names)
    return [
        emb,
        lex if lex is not None else max(0.0, impute[0] + impute[1] * emb),
        names_ if names_ is not None else max(0.0, impute_names[0] + impute_names[1] * emb),
        shared,
        1.0 if art.years and story.years and not shared else 0.0,
        math.log1p(gap) if gap is not None else 0.0,
        0.0 if gap is None else 1.0,
    ]
