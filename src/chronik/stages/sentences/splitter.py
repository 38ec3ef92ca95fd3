"""Rule-based sentence splitter: regex candidates, a few cheap decisions per candidate.

Why rules and not a model: it runs on every article first, must be fast (pure Python +
compiled regexes, no per-character loop) and predictable on machine-translated news.
A candidate is terminal punctuation (with any closing quotes or brackets right after it)
followed by whitespace; it becomes a boundary unless the next word is lowercase (a quote
continued by "sagte Putin") or the period belongs to an abbreviation, an initial
("Jean H. Lee") or a German ordinal ("28. Juli"). Blank lines always end a sentence;
single line breaks do too (headlines, bullets) unless the next line continues the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from chronik.stages.sentences.abbreviations import MONTHS, NEVER_FINAL, for_language, words

Span2 = tuple[int, int]

# terminal punctuation + closing quotes/brackets glued to it ("gekommen.“", "li.)"),
# French closing guillemet after a (narrow) no-break space ("Bonjour. »")
_CANDIDATE = re.compile(r"""(?:[.!?…]+|[。！？]+)(?:[ \u00a0\u202f]?»|["'”’“«›‹)\]])*""")
_CJK_TERMINAL = frozenset("。！？")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_WORD_BEFORE = re.compile(r"\S{1,60}$")
_NEXT_WORD = re.compile(r"""[\s"'„“”«»‚‘›‹(\[¿¡–—-]*([^\s.,;:!?"'„“”«»()\[\]]*)""")
_OPENERS = "([{„“\"'‚‘«»›‹"
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}$")
_TRAILING_NUMBER = re.compile(r"(?:^|[-/.])(\d+)$")
_ROMAN = re.compile(r"^(?=[IVXL]{2,})X{0,3}(?:IX|IV|V?I{0,3})$")
_BULLET = re.compile(r"[-–—•*·▪►✓]\s|\d{1,2}[.)]\s")
_NO_BREAK_LINE_END = frozenset(",;-(/&")

# words that open sentences (function words); after an ambiguous abbreviation such as
# "usw." or "Inc." a capitalised word from this list means a new sentence, any other
# capitalised word (a German noun, a name) means the sentence goes on
_STARTERS: dict[str, frozenset[str]] = {
    "de": words(
        "Der Die Das Den Dem Des Ein Eine Einer Eines Er Sie Es Ich Wir Ihr Man Im In Am An "
        "Auf Aus Bei Mit Nach Von Vor Zu Zum Zur Auch Doch Aber Und Oder So Dann Dies Diese "
        "Dieser Dieses Nun Noch Wie Was Wer Wo Als Seit Laut Bis Da Damit Denn Deshalb Daher "
        "Hier Dort Jetzt Heute Gestern Morgen Zudem Außerdem Allerdings Trotzdem Zwar Nicht "
        "Kein Keine Alle Viele Mehr Nur Schon Bereits Unter Über Für Gegen Ob Wenn Weil "
        "Während Nachdem Obwohl Sein Seine Ihre Unser Unsere"
    ),
    "en": words(
        "The A An He She It They We I You This That These Those There Here But And Or So Then "
        "In On At For From With By As If When While After Before Since Although Its Their "
        "His Her Our My Your Some Many Most All No Not What Who Where Why How Yet Still Also "
        "However Meanwhile Today Yesterday"
    ),
}
_ALL_STARTERS: frozenset[str] = frozenset().union(*_STARTERS.values())


def paragraph_spans(text: str) -> list[Span2]:
    """(start, end) of each blank-line separated paragraph, trimmed of whitespace."""
    spans: list[Span2] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_trim(text, pos, m.start()))
        pos = m.end()
    spans.extend(_trim(text, pos, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> Iterator[Span2]:
    """The span without surrounding whitespace; nothing when it is blank."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + chunk.index(stripped[0])
        yield (offset, offset + len(stripped))


def split_sentences(text: str, lang: str | None = None, *, max_chars: int = 2000) -> list[Span2]:
    """Sentence spans (start, end) of `text`; offsets are indices into `text`.

    `lang` (ISO 639-1) picks the abbreviation list; None means "any language".
    Sentences longer than `max_chars` (no punctuation at all, tables, garbage) are cut
    at whitespace so that later stages see bounded input.
    """
    return [(s, e) for s, e, _ in split_with_paragraphs(text, lang, max_chars=max_chars)]


def split_with_paragraphs(
    text: str, lang: str | None = None, *, max_chars: int = 2000, forced: list[int] | None = None
) -> list[tuple[int, int, int]]:
    """Sentence spans with the index of their paragraph: (start, end, paragraph).

    When `forced` is a list, the offsets of length-bound cuts are appended to it.
    """
    out: list[tuple[int, int, int]] = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        cuts = sorted(set(_cuts(text, p_start, p_end, lang)))
        prev = p_start
        for cut in [*cuts, p_end]:
            for s, e in _trim(text, prev, cut):
                pieces = list(_bound_length(text, s, e, max_chars))
                out.extend((a, b, index) for a, b in pieces)
                if forced is not None and len(pieces) > 1:
                    forced.extend(b for _, b in pieces[:-1])
            prev = cut
    return out


def _starters(lang: str | None) -> frozenset[str] | None:
    """Sentence-opening words for `lang`; None where nouns are not capitalised (any
    capitalised word then opens a sentence)."""
    if lang is None:
        return _ALL_STARTERS
    return _STARTERS.get(lang)


def _cuts(text: str, start: int, end: int, lang: str | None) -> Iterator[int]:
    """Offsets inside one paragraph where a sentence ends."""
    abbrevs = for_language(lang)
    starters = _starters(lang)
    for m in _CANDIDATE.finditer(text, start, end):
        after = m.end()
        if after < end and not text[after].isspace() and m.group()[-1] not in _CJK_TERMINAL:
            continue
        if _is_boundary(text, m.start(), m.group(), after, end, abbrevs, starters, lang):
            yield after
    line_start = text.find("\n", start, end)
    while line_start != -1:
        if _line_break_ends_sentence(text, line_start, end):
            yield line_start
        line_start = text.find("\n", line_start + 1, end)


def _is_boundary(
    text: str,
    p_start: int,
    punct: str,
    after: int,
    end: int,
    abbrevs: frozenset[str],
    starters: frozenset[str] | None,
    lang: str | None,
) -> bool:
    """Whether the punctuation `punct` at `p_start` ends a sentence."""
    m = _NEXT_WORD.match(text, after, end)
    next_word = m.group(1) if m else ""
    rest = text[after : min(end, after + 80)].lstrip()
    if not rest:
        return True
    if rest[0].islower() or (next_word[:1].islower() and rest[0] in "(["):
        return False  # continuation: „…gekommen.“ sagte Putin / (li.) besuchte
    if punct[0] != "." or punct.startswith(".."):
        return True
    before = _WORD_BEFORE.search(text, max(0, p_start - 60), p_start)
    word = before.group().lstrip(_OPENERS) if before else ""
    return _period_ends(word, next_word, abbrevs, starters, lang)


def _period_ends(
    word: str,
    next_word: str,
    abbrevs: frozenset[str],
    starters: frozenset[str] | None,
    lang: str | None,
) -> bool:
    """Decide a single period after `word`, given the capitalised `next_word`."""
    if not word:
        return True  # a detached " ." (machine translation) still ends the sentence
    number = _TRAILING_NUMBER.search(word)
    if number:  # "28." / "Weltranglisten-19." / "1./2."
        return _number_period_ends(number.group(1), next_word, starters, lang)
    if _ROMAN.match(word):  # "Elizabeth II. (89)", "Ludwig XIV. besuchte"
        return _opens_sentence(next_word, starters)
    if len(word) == 1 and word.isalpha():
        return False  # initial ("Jean H. Lee") or a list letter
    key = word if word in abbrevs else word[0].lower() + word[1:]
    if key in abbrevs:
        if key in NEVER_FINAL:
            return False
        return _opens_sentence(next_word, starters)
    if _DOTTED.match(word):
        return _opens_sentence(next_word, starters)  # unknown dotted form ("S.P.D.")
    return True


def _number_period_ends(
    number: str, next_word: str, starters: frozenset[str] | None, lang: str | None
) -> bool:
    """German ordinals and dates ("28. Juli", "am 13. September") do not end a sentence."""
    if next_word in MONTHS:
        return False
    if lang in (None, "de", "nl", "pl", "uk", "ru") and len(number) <= 2:
        return _opens_sentence(next_word, starters)
    return True


def _opens_sentence(word: str, starters: frozenset[str] | None) -> bool:
    return starters is None or word in starters


def _line_break_ends_sentence(text: str, nl: int, end: int) -> bool:
    """A single line break ends a sentence unless the text visibly runs on."""
    prev = text[max(0, nl - 80) : nl].rstrip()
    nxt = text[nl + 1 : min(end, nl + 81)].lstrip()
    if not prev or not nxt:
        return False
    if _BULLET.match(nxt):
        return True
    if nxt[0].islower():
        return False
    return prev[-1] not in _NO_BREAK_LINE_END


def _bound_length(text: str, start: int, end: int, max_chars: int) -> Iterator[Span2]:
    """Cut an over-long span at whitespace (or hard) every `max_chars` characters."""
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = cut if cut > start else start + max_chars
        yield from _trim(text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield (start, end)
