"""What an article says about its event, beyond its embedding: words, years and months,
names, lead places and its stated date (the inputs of a story `Profile`).

Names become keys that meet across languages: linked entity ids where the entity stages
ran, transliterated name words ("Путина"/"Putin" -> "k:putin") everywhere; each key also
gets its background rarity (see `background`), so sharing a rare name counts for more.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from chronik.model import Article
from chronik.stages.entities.translit import fold_word
from chronik.stages.stories import background

_WORD = re.compile(r"[^\W\d_]{4,}")
# a place word after a locative/directional preposition: where the event happens
_PLACE = re.compile(
    r"\b(?:nach|in|im|ins|bei|to|at|into|à|au|aux|en|dans|в|во|на)\s+"
    r"(?:(?:der|dem|den|die|das|the|la|le|les|l')\s+)?([A-ZÄÖÜÀ-ÝА-ЯЁ][\w\-]{2,})"
)
LEAD_CHARS = 600  # title + this much of the text: where a report states its event
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÄÖÜÀ-ÝА-Я][\w\-]{2,}")
MAX_CHARS = 20_000  # bound per-article work on very long input


def stem(word: str) -> str:
    """Crude cross-inflection key: lowercase prefix (Nordkoreas/Nordkorea -> nordko)."""
    return word.lower()[:6]


def words(text: str, lang: str | None = None, bg: dict[str, float] | None = None) -> Counter[str]:
    """Word stems; with `bg`, also each stem's background idf (its commonest form's)."""
    found = _WORD.findall(text[:MAX_CHARS])
    if bg is not None and lang and background.supported(lang):
        for word in set(found):
            key, rarity = stem(word), background.idf(word, lang)
            bg[key] = min(bg.get(key, rarity), rarity)
    return Counter(stem(w) for w in found)


_MONTHS = (
    ("Januar", "January", "janvier", "январ"), ("Februar", "February", "février", "феврал"),
    ("März", "March", "mars", "марта"), ("April", "April", "avril", "апрел"),
    ("Mai", "May", "mai", "мая"), ("Juni", "June", "juin", "июн"),
    ("Juli", "July", "juillet", "июл"), ("August", "August", "août", "август"),
    ("September", "September", "septembre", "сентябр"),
    ("Oktober", "October", "octobre", "октябр"), ("November", "November", "novembre", "ноябр"),
    ("Dezember", "December", "décembre", "декабр"),
)  # fmt: skip
_MONTH_OF = {name.lower(): f"m:{i:02d}" for i, names in enumerate(_MONTHS, 1) for name in names}
# a month name next to a number or after "im/in/en/в" (so "may" the verb is not a month)
_MONTH = re.compile(
    r"(?:\d\.?\s*|\b(?:im|in|en|de|of|в|до)\s+)("
    + "|".join(sorted(_MONTH_OF, key=len)[::-1])
    + r")\w*|\b("
    + "|".join(sorted(_MONTH_OF, key=len)[::-1])
    + r")\w*\s+\d",
    re.IGNORECASE,
)


def years(text: str) -> Counter[str]:
    """Years ("2019") and months ("m:06") the text names: reports of distinct events of
    one kind with the same actors are months or years apart and say so."""
    head = text[:MAX_CHARS]
    out = Counter(_YEAR.findall(head))
    for match in _MONTH.finditer(head):
        name = (match.group(1) or match.group(2)).lower()
        key = _MONTH_OF.get(name) or next(v for k, v in _MONTH_OF.items() if name.startswith(k))
        out[key] += 1
    return out


def name_key(word: str) -> str:
    """Spelling- and script-independent key of one name word ("Путина"/"Putin" -> "putin"):
    lets a report in a language without entity linking meet the others on names."""
    return "k:" + fold_word(word)[:5]


def _note(bg: dict[str, float] | None, key: str, name: str, lang: str | None) -> str:
    """Record the background rarity of `name` under `key` (when wanted and known)."""
    if bg is not None and key not in bg and lang and background.supported(lang):
        bg[key] = background.idf(name, lang)
    return key


def names(article: Article, bg: dict[str, float] | None = None) -> Counter[str]:
    """Entity names, keyed by kind so that only comparable keys meet: linked entity ids
    ("id:") or resolved mention names ("m:"), and transliterated name words ("k:") for
    every article (from mentions, else from capitalised words). `bg` collects each key's
    background idf under "n|<key>"."""
    out: Counter[str] = Counter()
    lang = article.language
    for m in article.mentions:
        name = m.canonical or m.text
        key = f"id:{m.entity_id}" if m.entity_id else f"m:{name.lower()}"
        out[key] += 1
        _note(bg, f"n|{key}", name, lang)
        word_key = name_key(name.split()[-1]) if name.split() else "k:"
        out[word_key] += 1
        _note(bg, f"n|{word_key}", name.split()[-1] if name.split() else "", lang)
    if not article.mentions:
        for found in _NAME.finditer(article.text[:MAX_CHARS]):
            if not found.group().isupper():
                key = name_key(found.group())
                out[key] += 1
                _note(bg, f"n|{key}", found.group(), lang)
    out.pop("k:", None)
    return out


def places(article: Article, bg: dict[str, float] | None = None) -> Counter[str]:
    """Where the lead says the event is: place names after a preposition in the title and
    first sentences ("nach Russland gereist", "earthquake in Indonesia"), as linked entity
    ids when the place is a mention, else as transliterated keys."""
    head = f"{article.title or ''}\n{article.text[:LEAD_CHARS]}"
    offset = len(article.title or "") + 1
    by_start = {m.start: m for m in article.mentions if m.start < LEAD_CHARS}
    out: Counter[str] = Counter()
    for match in _PLACE.finditer(head):
        mention = by_start.get(match.start(1) - offset)
        if mention is not None and mention.type in ("PER", "ORG"):
            continue  # "nach Angaben von Peskow": a source, not a place
        if mention is not None and mention.entity_id:
            key = f"id:{mention.entity_id}"
        elif not match.group(1).isupper():
            key = name_key(match.group(1))
        else:
            continue
        out[key] += 1
        _note(bg, f"p|{key}", match.group(1), article.language)
    out.pop("k:", None)
    return out


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
