"""Line splitting, normalisation and the cheap per-line features the cleaner decides on.

A "line" is one paragraph candidate of the raw text. Features are plain numbers computed
once per line (token count, terminal punctuation, ellipsis, function-word language fit,
topic vocabulary for similarity to the rest of the article) so that every rule downstream
is a cheap comparison.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

WORD_RE = re.compile(r"[^\W\d_](?:[^\W_]|[-'’.])*", re.UNICODE)
TERMINAL_RE = re.compile(r"""[.!?:;…]["'“”»«‘’)\]]*\s*$""")
ELLIPSIS_RE = re.compile(r"(?:\.\.\.|…)\s*$")
# only runs that change: odd spaces, tabs, or two or more blanks (a lone " " never matches)
_BLANK = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_SPACES_RE = re.compile(rf"[{_BLANK}][ {_BLANK}]*| [ {_BLANK}]+")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
MAX_FEATURE_CHARS = 4000  # features of a huge line are computed on its head only


def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


# Small function-word lists (our own) used for a language-fit feature, not for detection.
STOPWORDS: dict[str, frozenset[str]] = {
    "de": _words(
        "der die das und ist nicht ein eine einen dem den des mit von zu auf für im sich "
        "auch als wie bei nach aus sie er es wird wurde hat haben sei dass oder aber noch"
    ),
    "en": _words(
        "the and is are was were of to in for on with by that this it from as at be has "
        "have had not or but an which who will would your you our"
    ),
    "fr": _words(
        "le la les et est des une un du dans pour sur avec par que qui il elle ne pas au "
        "aux ce cette son sa ses sont été"
    ),
    "es": _words(
        "el la los las y es de del en un una por con para que se su al lo como más pero "
        "fue son está"
    ),
    "it": _words(
        "il lo la gli le e è di del della in un una per con che si non sono al alla come anche più"
    ),
}


# word -> languages whose function-word list holds it (one dict lookup per word)
_STOP_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _list in STOPWORDS.items():
    for _w in _list:
        _STOP_LANGS[_w] = (*_STOP_LANGS.get(_w, ()), _lang)
_PUNCT_RE = re.compile(r"[^\w\s]")


@dataclass(slots=True)
class Line:
    """One paragraph candidate with its features and, once decided, a removal reason."""

    index: int
    text: str
    words: list[str]
    tokens: int
    terminal: bool
    ellipsis: bool
    has_letters: bool
    reason: str | None = None
    block: int = 0  # lines of one blank-line-separated block share a block number
    _hits: dict[str, int] | None = None
    _key: str | None = None
    _content: set[str] | None = None

    @property
    def kept(self) -> bool:
        return self.reason is None

    @property
    def lower(self) -> str:
        return self.text.casefold()

    @property
    def key(self) -> str:
        """Comparison form (case-folded words only), computed once."""
        if self._key is None:
            self._key = " ".join(_PUNCT_RE.sub(" ", self.text.casefold()).split())
        return self._key

    @property
    def lang_hits(self) -> dict[str, int]:
        """Function-word counts per language (sentence-initial words count case-folded)."""
        if self._hits is None:
            hits: dict[str, int] = {}
            for pos, w in enumerate(self.words[:200]):
                langs = _STOP_LANGS.get(w if pos else w.casefold())  # "Un" mid-line is a name
                for lang in langs or ():
                    hits[lang] = hits.get(lang, 0) + 1
            self._hits = hits
        return self._hits

    @property
    def content(self) -> set[str]:
        """Lower-cased words of 4+ letters that are not function words: the topic vocabulary."""
        if self._content is None:
            self._content = {
                lw for w in self.words if len(lw := w.casefold()) >= 4 and lw not in _STOP_LANGS
            }
        return self._content


def normalise(text: str) -> str:
    """Unify newlines and spaces so features and duplicate checks see one form."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _SPACES_RE.sub(" ", _INVISIBLE_RE.sub("", text))
    return "\n".join(ln.strip() for ln in text.split("\n"))


def make_line(index: int, text: str, block: int) -> Line:
    """Compute the features of one line (bounded: long lines are sampled at their head)."""
    head = text[:MAX_FEATURE_CHARS]
    words = WORD_RE.findall(head)
    tokens = head.count(" ") + 1 if head else 0  # spaces are normalised to single blanks
    return Line(
        index=index,
        text=text,
        words=words,
        tokens=tokens,
        terminal=bool(TERMINAL_RE.search(text[-12:])),
        ellipsis=bool(ELLIPSIS_RE.search(text[-6:])),
        has_letters=bool(words),
        block=block,
    )


def _looks_wrapped(block: list[str]) -> bool:
    """A hard-wrapped paragraph: several lines of similar, medium length, mostly unpunctuated."""
    if len(block) < 3:
        return False
    body = block[:-1]
    lengths = [len(x) for x in body]
    if min(lengths) < 40 or max(lengths) > 100 or max(lengths) - min(lengths) > 35:
        return False
    open_ends = sum(1 for x in body if not TERMINAL_RE.search(x))
    return open_ends * 2 >= len(body)


def split_lines(text: str) -> list[Line]:
    """Split normalised text into lines; hard-wrapped blocks are joined into one line."""
    lines: list[Line] = []
    for block_no, block in enumerate(text.split("\n\n")):
        parts = [p for p in block.split("\n") if p]
        if _looks_wrapped(parts):
            parts = [" ".join(parts)]
        for part in parts:
            lines.append(make_line(len(lines), part, block_no))
    return lines


def article_language(lines: list[Line], hint: str | None) -> str | None:
    """The article's language from the stage input or its function words (our 5 languages)."""
    if hint:
        return hint.split("-")[0].casefold()
    total: Counter[str] = Counter()
    seen = 0
    for line in lines:
        total.update(line.lang_hits)
        seen += len(line.words)
        if seen >= 300:
            break
    if not total:
        return None
    lang, count = total.most_common(1)[0]
    return lang if count >= 3 else None


def foreign(line: Line, lang: str | None) -> bool:
    """True when the line's function words belong to another language than the article's."""
    if lang is None or lang not in STOPWORDS or not line.lang_hits:
        return False
    own = line.lang_hits.get(lang, 0)
    other = max((n for lg, n in line.lang_hits.items() if lg != lang), default=0)
    return own == 0 and other >= 2
