"""Rules for English (and other languages that capitalise only names) around a German model.

The shipped model learned German, where every noun is capitalised; on English it both misses
names and tags capitalised common words. In English, capitalisation inside a sentence is itself
strong evidence, so these rules need no training data:
- title and role cues ('President X', 'spokesman X', 'Mr X') start a person's name;
- a run of capitalised words inside a sentence is one name, kept whole ('United Nations',
  'Pacific Fleet', 'Bank of America'), typed by its head word ('... Island', '... Council');
- leading titles are cut off a name ('US Secretary of State Antony Blinken' -> 'Antony Blinken');
- a one-word name is junk when the article also writes it lowercase ('the cosmodrome'), or when
  it is a frequent English word (wordfreq) that HanTa's English lexicon does not read as a
  proper noun ('United', 'Neither'), with a lower bar at the start of a sentence ('Police').
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from chronik.stages.base import lazy
from chronik.stages.entities.gazetteer import PLACES, is_first_name
from chronik.stages.entities.lexicon import (
    EAST_ASIAN_SURNAMES,
    EN_LOC_HEADS,
    EN_ORG_HEADS,
    EN_ROLE_CUES,
    EN_TITLES,
    FIRST_NAMES,
    STOP,
)
from chronik.stages.entities.spans import Raw

CAPITALISING = frozenset({"en"})  # English rules on (wordfreq + HanTa English lexicon)
LOWERCASE_NOUNS = frozenset({"en", "fr", "es", "it", "pt", "nl"})  # nouns written lowercase
Tok = tuple[int, int, str]

_TOKEN = re.compile(
    r"[A-Z]\.(?=\s)|(?:Adm|Capt|Col|Cpl|Dr|Ft|Gen|Gov|Jr|Lt|Mr|Mrs|Ms|Mt|Prof|Rep|Rev|Sen|Sgt|St)"
    r"\.(?=\s)"
    r"|[A-Z][a-z]{1,4}\.(?=\s+[a-z0-9,(])"  # 'Calif., police said', 'Nov. 12'
    r"|\w[\w\-]*(?:['’](?!s\b)\w+)*|[^\w\s]"
)
_CAP = re.compile(r"^(?:[A-Z]|[A-Z][a-z]{0,3}\.|[A-ZÀ-Þ][\w\-'’]*)$")
_INNER = frozenset({"of", "for", "de", "al", "bin", "von", "van", "the", "la", "du"})
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_ROMAN = re.compile(r"^[IVXLC]+$")
# a lowercase word after a lowercase word, before a space or punctuation: prose, not a URL
_PROSE_LOWER = re.compile(r"(?<=[a-zà-ÿ,] )([a-zà-ÿ]{3,})(?=[ ,;:!?]|\.(?:\s|$))")
_NEXT = re.compile(r"[ \t]+[a-z]")
_OPENERS = re.compile(r"(?:^|[.!?:;]\s*[\"'“”‘’«»]?\s*|[\"“‘«(]\s*|\n\s*|[-–—]\s+)$")


def _load_en() -> Any:
    import HanTa.HanoverTagger as hanover  # noqa: N813 (a module, named like its class)

    return hanover.HanoverTagger("morphmodel_en.pgz")


EN_TAGGER: lazy[Any] = lazy(_load_en)


@lru_cache(maxsize=50_000)
def zipf_en(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


@lru_cache(maxsize=50_000)
def _tag(word: str) -> str:
    """HanTa's English tag of the lowercased word ('NP0' proper noun, 'AJ0' adjective)."""
    try:
        return str(EN_TAGGER.get().analyze(word.lower(), taglevel=1)[1])
    except Exception:  # a tagger failure must not cost the article its entities
        return "NP0"


def proper_in_lexicon(word: str) -> bool:
    """HanTa reads the lowercased word as a proper noun ('washington', 'kirby') or not at all."""
    return _tag(word) in {"NP0", "UNC"}


def common_word(word: str, sentence_start: bool) -> bool:
    """A capitalised word that is an ordinary English word, not a name."""
    if word in FIRST_NAMES or word in EAST_ASIAN_SURNAMES or word.isupper():
        return False
    bar = 3.0 if sentence_start else 4.3
    return zipf_en(word.lower()) >= bar and not proper_in_lexicon(word)


_FIRST_WORD = re.compile(r"[^\w]*(\w+)")


def may_hold_name(sentence: str, lang: str | None) -> bool:
    """False for a sentence whose only capital letter opens it with a function or common word
    ('The police said it was ...'): no span of the model there would survive the cleaning
    (lowercase starts and such words are dropped), so the model need not read it."""
    m = _FIRST_WORD.match(sentence)
    if m is None:
        return False
    rest = sentence[m.end() :]
    if rest != rest.lower() or m.group(1)[1:] != m.group(1)[1:].lower():
        return True
    word = m.group(1)
    if word in STOP or word.islower():
        return False
    return not (lang in CAPITALISING and common_word(word, True))


def sentence_start(text: str, pos: int) -> bool:
    return bool(_OPENERS.search(text[max(0, pos - 6) : pos]))


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def _title_case_line(line: str) -> bool:
    """Headlines in title case ('Lohan Checks Into Rehab'): runs there are not evidence."""
    words = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def capital_runs(text: str) -> list[Raw]:
    """Runs of capitalised words ('United Nations', 'President Vladimir Putin') as candidates."""
    out: list[Raw] = []
    pos = 0
    for line in text.split("\n"):
        if not _title_case_line(line):
            out += [Raw(pos + r.start, pos + r.end, r.type) for r in _line_runs(line)]
        pos += len(line) + 1
    return out


def _line_runs(line: str) -> list[Raw]:
    toks = _tokens(line)
    out: list[Raw] = []
    i = 0
    while i < len(toks):
        if not _CAP.match(toks[i][2]):
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            if _CAP.match(toks[j][2]) and line[toks[j - 1][1] : toks[j][0]] == " ":
                j += 1
            elif toks[j][2] in _INNER and j + 1 < len(toks) and _CAP.match(toks[j + 1][2]):
                j += 2
            else:
                break
        out += _run(line, toks[i:j])
        i = j
    return out


def _run(line: str, run: list[tuple[int, int, str]]) -> list[Raw]:
    """Cut sentence-initial function words and titles off a run; type it by its words."""
    first = run[0][2]
    doubtful = first in STOP or (common_word(first, True) and not _needs_first(run[1:]))
    if doubtful and sentence_start(line, run[0][0]):
        run = run[1:]  # 'Police allege', 'The Pacific Fleet': only the first word is in doubt
    while run and run[0][2] in STOP:
        run = run[1:]
    run, titled = strip_titles(run)
    while run and (run[-1][2] in _INNER or run[-1][2] in STOP):
        run.pop()  # 'Morningside Recovery Center Thursday'
    if not run or (len(run) == 1 and not titled and not _single_name(line, run[0])):
        return []
    return [Raw(run[0][0], run[-1][1], "PER" if titled else _run_type([w for *_, w in run]))]


def _needs_first(rest: list[Tok]) -> bool:
    """'White House', 'Supreme Court': what follows the opening word is no name on its own."""
    if len(rest) != 1:
        return False
    word = rest[0][2]
    return word in EN_ORG_HEADS or word in EN_LOC_HEADS or common_word(word, False)


def _single_name(line: str, tok: Tok) -> bool:
    """One capitalised word inside a sentence that is not an ordinary word ('Orozco', 'TMZ')."""
    word = tok[2]
    if word in STOP or _ROMAN.match(word) or sentence_start(line, tok[0]):
        return False
    if word in EN_ORG_HEADS or word in EN_LOC_HEADS:
        return False  # 'the Cosmodrome', 'the Council': a head without its name
    if word.isupper():
        return bool(_ACRONYM.match(word)) and word not in EN_TITLES
    return word.isalpha() and len(word) > 2 and not common_word(word, False)


def strip_titles(run: list[Tok]) -> tuple[list[Tok], bool]:
    """'US Secretary of State Antony Blinken' -> 'Antony Blinken' (and True: a person)."""
    titles = [k for k, (_, _, w) in enumerate(run[:-1]) if w in EN_TITLES]
    titled = bool(titles)
    if titles:  # 'Alaska Governor Sarah Palin', 'Palmer Police Sergeant Shayne La Croix'
        k = titles[-1] + 1
        run = run[k + 2 :] if len(run) > k + 2 and run[k][2] == "of" else run[k:]
    while run and (run[0][2] in _INNER or run[-1][2] in EN_TITLES):
        run = run[1:] if run[0][2] in _INNER else run[:-1]  # 'St. Louis Mayor'
    if titled and run and (run[-1][2] in EN_ORG_HEADS or run[-1][2] in EN_LOC_HEADS):
        titled = False  # 'President Biden Administration' is no person
    return run, titled


def cut_titles(text: str, spans: list[Raw]) -> list[Raw]:
    """The model's spans lose their leading titles too ('President Putin' -> 'Putin', PER)."""
    out = []
    for r in spans:
        toks = [(r.start + s, r.start + e, w) for s, e, w in _tokens(text[r.start : r.end])]
        if not toks:
            continue
        rest, titled = strip_titles(toks)
        if rest:
            out.append(Raw(rest[0][0], rest[-1][1], "PER" if titled else r.type))
    return out


def _run_type(words: list[str]) -> str:
    if any(w in EN_ORG_HEADS for w in words) and words[0] not in FIRST_NAMES:
        return "ORG"  # 'Nordic Centre for Pacific Security Studies'
    if words[-1] in EN_LOC_HEADS or PLACES.get().canonical(" ".join(words)):
        return "LOC"
    if words[0] in EAST_ASIAN_SURNAMES or (len(words) > 1 and is_first_name(words[0])):
        return "PER"  # 'Lena Sørensen': Faker's first names too
    return "MISC"


def role_cued(text: str) -> list[Raw]:
    """'spokesman Dmitry Peskov', 'Mr Kirby': capitalised words after a role cue are a person."""
    toks = _tokens(text)
    out: list[Raw] = []
    for i, (_, _, cue) in enumerate(toks[:-1]):
        if cue not in EN_ROLE_CUES and cue not in EN_TITLES:
            continue
        j = i + 1
        while j < len(toks) and j - i <= 3 and _CAP.match(toks[j][2]) and toks[j][2] not in STOP:
            word = toks[j][2]
            if (
                word in EN_TITLES
                or common_word(word, False)
                or text[toks[j - 1][1] : toks[j][0]] != " "
            ):
                break  # 'Deputy Foreign Minister X': the name comes after the last title
            j += 1
        if j > i + 1 and not (j == i + 2 and PLACES.get().canonical(toks[i + 1][2])):
            out.append(Raw(toks[i + 1][0], toks[j - 1][1], "PER"))
    return out


def retype_runs(text: str, runs: list[Raw], spans: list[Raw]) -> list[Raw]:
    """A MISC run takes the type of the model span it covers ('Nations' LOC -> 'United Nations')."""
    out = []
    for r in runs:
        if r.type == "MISC":
            inside = [s.type for s in spans if r.start <= s.start and s.end <= r.end]
            if inside:
                r = Raw(r.start, r.end, max(set(inside), key=inside.count))
        out.append(r)
    return out


def is_junk(text: str, r: Raw, name: str, lowercase: set[str], lang: str | None = "en") -> bool:
    """A one-word mention that is an ordinary word here ('the cosmodrome') or in English
    ('United', 'PEOPLE'), or an adjective before a noun ('Somali pirates'). For other languages
    that capitalise only names (French) only the first, lexicon-free test runs."""
    if " " in name or not name.isalpha():
        return False
    if lang != "en":
        return not name.isupper() and name.lower() in lowercase
    if name.isupper():
        return zipf_en(name.lower()) >= 4.5 and not proper_in_lexicon(name)
    if name.lower() in lowercase:
        return True
    if common_word(name, sentence_start(text, r.start)):
        return True
    nxt = _NEXT.match(text, r.end)
    return bool(nxt) and _tag(name) == "AJ0" and zipf_en(name.lower()) >= 3.0


def lowercase_words(text: str) -> set[str]:
    """Every word the article's prose writes in lowercase (not in URLs or file names): such
    a word capitalised is no name."""
    return set(_PROSE_LOWER.findall(text))


_MONTH_WORDS = frozenset(
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)
# words that open a compound title ('Prime Minister', 'Foreign Secretary', 'Vice President')
_TITLE_MODIFIERS = frozenset(
    """
    Prime Foreign Deputy Vice Interior Defence Defense Finance Senior Acting Former Assistant
    Attorney Home Trade Health Justice Economy Energy Education Environment
    """.split()  # noqa: SIM905
)
_TITLE_AFTER = re.compile(r" ([A-Z][a-z]+\.?)(?![\w\-])")
_TITLE_OF_BEFORE = re.compile(r"(?:^|\s)([A-Z][a-z]+\.?) of $")
_DAY_BEFORE = re.compile(r"\d{1,2}(?:st|nd|rd|th)? $")
_DAY_AFTER = re.compile(r" \d{1,2}(?:st|nd|rd|th)?\b")


def title_fragments(text: str, spans: list[Raw]) -> list[Raw]:
    """Pieces of titles and dates the model reads as names in English: 'British Prime'
    before 'Minister' goes; 'State Antony Blinken' after 'Secretary of' keeps the person;
    '15 May Efforts' loses its month."""
    out = []
    for r in spans:
        words = text[r.start : r.end].split(" ")
        after = _TITLE_AFTER.match(text, r.end)
        if after and after.group(1) in EN_TITLES and words[-1] in _TITLE_MODIFIERS:
            continue  # 'British Prime' (Minister), 'Foreign' (Secretary)
        before = _TITLE_OF_BEFORE.search(text, max(0, r.start - 24), r.start)
        if before and before.group(1) in EN_TITLES and len(words) >= 3:
            cut = r.start + len(words[0]) + 1  # 'Secretary of State Antony Blinken'
            r = Raw(cut, r.end, "PER" if is_first_name(words[1]) else r.type)
        elif words[0] in _MONTH_WORDS and len(words) > 1 and _dated(text, r):
            if len(words) == 2 and common_word(words[1], False):
                continue  # '15 May Efforts to stem ...'
            r = Raw(r.start + len(words[0]) + 1, r.end, r.type)  # '15 May Yahoo'
        out.append(_leading_titles_cut(text, r, words))
    return out


def _leading_titles_cut(text: str, r: Raw, words: list[str]) -> Raw:
    """'Secretary Dave Prentis' (after 'General', cued as a role) -> 'Dave Prentis'."""
    lead = 0
    while lead < len(words) - 2 and words[lead] in EN_TITLES:
        lead += 1
    if not lead or not is_first_name(words[lead]) or text[r.start : r.end] != " ".join(words):
        return r
    return Raw(r.start + len(" ".join(words[:lead])) + 1, r.end, "PER")


def _dated(text: str, r: Raw) -> bool:
    """A month name with a day number before or after it opens the span."""
    month_end = text.index(" ", r.start)
    return bool(
        _DAY_BEFORE.search(text, max(0, r.start - 6), r.start) or _DAY_AFTER.match(text, month_end)
    )
