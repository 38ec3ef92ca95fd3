"""Speaker noun phrases next to a cue, and their resolution to a name.

German is V2: the speaker of a cue verb sits right before it ("Peskow sagte") or right after
it ("sagte Peskow", "fügte er hinzu"). So instead of parsing, we read the noun phrase that
touches the cue: determiner, adjectives, capitalised words, genitive chains ("des Weißen
Hauses") and one comma apposition (", Adrienne Watson,"). Pronouns and bare roles are
resolved later against the speakers and names seen before (`resolve`).
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import pairwise

from chronik.stages.quotes.cues import (
    DETERMINERS,
    FUNCTION_CAPS,
    PRONOUNS,
    ROLE_SUFFIX,
    SOURCE_WORDS,
    VERBS,
    words,
)
from chronik.stages.quotes.mood import word_class
from chronik.stages.quotes.names import PARTICLE_HINT, noble
from chronik.stages.quotes.titles import join_titles

TITLES = frozenset(["Dr.", "Prof.", "Mag.", "Ing.", "Dipl.-Ing."])  # "Dr. Scot Refsland"
TOKEN = re.compile(
    r"[„»][A-ZÄÖÜ][^„“”»«.!?,\n]{0,40}[“«]-\w[\w-]*"  # "„Bild“-Chefredakteur": one word
    r"|[A-ZÄÖÜ]\w*-\s(?:und|oder)\s[A-ZÄÖÜ]\w*(?:-\w+)*"  # "Luft- und Raumfahrt": one word
    r"|(?:Dr|Prof|Mag|Ing|Dipl\.-Ing)\.(?=\s)|[A-ZÄÖÜ]\.(?=\s[A-ZÄÖÜ])|\w+(?:[-'’.]\w+)*|[^\w\s]"
)
_GENITIVE = frozenset(["des", "der", "von", "vom", "of"])
_ADJ = re.compile(r"^[a-zäöüß][\w-]*(e|en|er|es|em)$")
_STOP_AFTER = frozenset(
    [
        "am",
        "im",
        "in",
        "an",
        "auf",
        "bei",
        "laut",
        "gegenüber",
        "bereits",
        "berichten",
        "zufolge",
        "zudem",
        "außerdem",
        "dazu",
        "dann",
        "weiter",
        "nach",
        "mit",
        "vor",
        "und",
        "dass,",
        "on",
        "in",
        "at",
        "to",
        "that",
    ]
)
_NAME_PART = re.compile(
    r"^(?:[A-ZÄÖÜ]|(?:el|al|ad|as|bin|ibn|van|von|de|da|di|du|le|la)-[A-ZÄÖÜ])[\w'’-]*\.?$"
    r"|^(?:[Vv][oa]n(?: de[rn])?|zu|de) [A-ZÄÖÜ][\w'’-]*$"  # "von der Leyen" (`_noble`)
    r"|^[a-zäöü]\w*-[A-ZÄÖÜ][\w'’-]*$"  # "documenta-Homepage", "eBay-Chef"
    r"|^[A-ZÄÖÜ]\w*- (?:und|oder) [A-ZÄÖÜ][\w-]*$"  # "Luft- und Raumfahrt"
    r"|^[„»][A-ZÄÖÜ].*[“«](?:-[A-ZÄÖÜ][\w-]*)?$"  # "„Bild“-Chefredakteur", a quoted name
    r"|^\d+-[Jj]ährige[nr]?$"  # "der 81-jährige": a nominalised age is a person
)
# numerals inside a noun phrase ("der drei Organisationen", "die 27 Mitgliedstaaten")
NUMERALS = words(
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig hundert beiden "
    "beide mehrere einige viele zahlreiche"
)
MAX_NP_TOKENS = 16
# (start, end, type) of the article's entity mentions while `extract_quotes` runs; empty when
# the entities stage did not run (then names come from capitalisation alone)
ENTITY_SPANS: ContextVar[tuple[tuple[int, int, str], ...]] = ContextVar("entity_spans", default=())


@dataclass(frozen=True)
class SpeakerNP:
    start: int
    end: int
    text: str
    name: str | None  # the personal or organisational name inside, if any
    pronoun: bool = False
    role: str | None = None  # head role noun ("Kremlsprecher") when present


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    toks = [
        (m.start() + start, m.end() + start, m.group()) for m in TOKEN.finditer(text[start:end])
    ]
    if "„" in text[start:end] or "»" in text[start:end]:
        toks = join_titles(text, toks)
    return noble(text, toks) if PARTICLE_HINT.search(text, start, end) else toks


# demonstratives open a new noun phrase ("hatte „Kicker“ diese Entscheidung"); "dieser" may
# be a genitive inside one
_NOT_ADJ = words("über unter hinter wider oder aber sowie gegen wie diese dieses diesen jene jenes")


def _adj_at(toks: list[tuple[int, int, str]], i: int) -> bool:
    """An attributive adjective or numeral: followed by another one or by a noun, so a past
    tense verb with the same ending ("brachte die Sprecherin") is not read as one."""
    w = toks[i][2]
    low = w.lower()
    if not (_ADJ.match(w) or low in NUMERALS or w.isdigit()) or low in VERBS | _NOT_ADJ:
        return False
    nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
    adj_next = bool(_ADJ.match(nxt)) and nxt.lower() not in DETERMINERS | _NOT_ADJ
    return _is_cap(nxt) or adj_next or nxt.lower() in NUMERALS


def _is_cap(word: str) -> bool:
    return bool(_NAME_PART.match(word)) and word not in FUNCTION_CAPS and word.lower() not in VERBS


def _make(text: str, toks: list[tuple[int, int, str]]) -> SpeakerNP | None:
    while toks and (toks[-1][2] in {",", "."} or (len(toks) > 1 and _TIME.search(toks[-1][2]))):
        toks = toks[:-1]  # "so Foglar Freitagabend": the time is no part of the speaker
    if not toks or _dateline(text, toks[0][0], toks[-1][1]):
        return None
    words = [w for t in toks for w in _title_words(t[2])]
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return SpeakerNP(toks[0][0], toks[0][1], words[0], None, pronoun=True)
    if not any(_is_cap(w) for w in words):
        return None
    if len(words) == 1 and word_class(words[0].split("-")[-1]) == "other":
        return None  # "Kaum ein Politiker …", "Skeptisch äußerte sich …": no noun phrase
    start, end = toks[0][0], toks[-1][1]
    name = _checked_name(text, words, _name_in(words), start, end)
    return SpeakerNP(start, end, text[start:end], name, role=_role_in(words))


def _title_words(word: str) -> list[str]:
    """The words of a joined quoted name ("„New York Times“"), marks apart, as before."""
    return TOKEN.findall(word) if word[-1:] in "“«" and len(word) > 1 else [word]


def _dateline(text: str, start: int, end: int) -> bool:
    """ "Wien – ÖGB-Präsident Erich Foglar nennt …": the place opening a news item."""
    opens = start == 0 or text[start - 1] == "\n" or text[max(0, start - 2) : start] == ". "
    return opens and text[end : end + 3] in {" – ", " - ", " — "}


def _checked_name(
    text: str, words: list[str], name: str | None, start: int, end: int
) -> str | None:
    """Entity mentions confirm or supply the name of text[start:end]: a PER/ORG mention
    names a described speaker ("das ZDF"); a lone known common noun that no mention covers
    is no name ("Seine Zuversicht", "Demonstranten", "Kaum"): German capitalises nouns."""
    hit = [(s, e, t) for s, e, t in ENTITY_SPANS.get() if s < end and start < e]
    if name is None:
        named = [(s, e) for s, e, t in hit if t in {"PER", "ORG"}]
        return text[named[0][0] : named[0][1]] if named else None
    if " " in name or hit or _quoted(words, name):
        return name
    return None if word_class(name) != "name" else name


def _quoted(words: list[str], name: str) -> bool:
    return any(a in '„“"»«' and b == name for a, b in pairwise(words))


def _role_in(words: list[str]) -> str | None:
    for w in words:
        if _is_cap(w) and ROLE_SUFFIX.search(w.split("-")[-1]):
            return w
    return None


def _name_in(words: list[str]) -> str | None:
    """The longest run of name-like capitalised words that is not led by a determiner."""
    best: list[str] = []
    runs: list[list[str]] = []
    run: list[str] = []
    prev = ""
    for w in [*words, ","]:
        ok = _is_cap(w) and not ROLE_SUFFIX.search(w.split("-")[-1]) and w not in SOURCE_WORDS
        if w in TITLES:
            prev = w
            continue  # an academic title belongs to the noun phrase, not to the name
        if ok and not (not run and prev.lower() in DETERMINERS | _GENITIVE):
            run.append(w.rstrip("."))
        else:
            if run:
                runs.append(run)
            run = []
        prev = w
    if not best:
        best = next((r for r in runs if len(r) >= 2), max(runs, key=len) if runs else [])
    if not best:
        return None
    quoted = any(a in '„“"»«' and b == best[0] for a, b in pairwise(words))
    if len(best) == 1 and words and words[0].lower() in DETERMINERS and not quoted:
        return None  # "die Polizei": a description, not a name (but: das Blatt „Kurier“)
    return " ".join(best)


def np_after(text: str, pos: int, limit: int) -> SpeakerNP | None:
    """The noun phrase starting at `pos` (after a cue: "sagte der Sprecher des Amtes, X,")."""
    toks = _tokens(text, pos, min(limit, pos + 300))[:MAX_NP_TOKENS]
    if not toks:
        return None
    if toks[0][2].lower() in PRONOUNS:
        return _make(text, toks[:1])
    taken = _take_np(toks)
    if not taken:
        return None
    rest = toks[len(taken) :]
    if len(rest) >= 3 and rest[0][2] == ",":
        app = [t for t in _take_np(rest[1:]) if t[2] != ","]
        after = rest[1 + len(app) : 2 + len(app)]
        if app and _name_in([t[2] for t in app]) and (not after or after[0][2] in {",", "."}):
            taken = taken + rest[: 1 + len(app)]
    return _make(text, taken)


def _take_np(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    i = 0
    n = len(toks)
    while i < n:
        w = toks[i][2]
        low = w.lower()
        if low in DETERMINERS and out and (w in FUNCTION_CAPS or _new_np(low, out)):
            break  # "sagte Kim Die beiden Länder", "gab die Polizei die Nachricht": a new NP
        if out and _entity_ends(out[-1], toks[i]):
            break  # "dankte Putin Pyongyang", "wies Nordkorea Vorwürfe zurück": the object
        if w in '„“”"»«' and _quoted_name(toks, i, out):
            out.append(toks[i])
            i += 1
            continue
        if low in DETERMINERS or (_adj_at(toks, i) and (not out or not _is_cap(out[-1][2]))):
            if low in _STOP_AFTER:
                break
            out.append(toks[i])
        elif _is_cap(w) or (low in _GENITIVE and out and _is_cap(out[-1][2]) and i + 1 < n):
            out.append(toks[i])
        else:
            break
        i += 1
    while out and not _is_cap(out[-1][2]) and out[-1][2] not in '“”"«':
        out.pop()
    return out


def _new_np(low: str, out: list[tuple[int, int, str]]) -> bool:
    """A non-genitive determiner right after a noun opens the next noun phrase."""
    return low not in _GENITIVE and _is_cap(out[-1][2]) and low in _NEW_NP_DETS


_NEW_NP_DETS = words("die das den dem ein eine einen einem the a")
_NEW_NP_DETS |= words("seine seinen seinem ihre ihren ihrem")  # "erklärte X seine Absicht"


def _entity_ends(prev: tuple[int, int, str], tok: tuple[int, int, str]) -> bool:
    """An entity mention ends at `prev` and `tok` starts another noun phrase: a place right
    after a person, or a common noun outside every mention (German has no bare noun
    after a name inside one noun phrase)."""
    spans = ENTITY_SPANS.get()
    ending = [t for a, b, t in spans if b == prev[1]]
    if not ending or not _is_cap(tok[2]) or prev[2].endswith(("s", "'", "’")):
        return False  # "Putins Berater": a genitive before its noun
    inside = [t for a, b, t in spans if a <= tok[0] < b]
    if not inside:
        return word_class(tok[2]) == "noun"
    return ending[0] == "PER" and inside[0] == "LOC" and any(a == tok[0] for a, b, t in spans)


def _quoted_name(toks: list[tuple[int, int, str]], i: int, out: list[tuple[int, int, str]]) -> bool:
    """An opening mark before a capitalised word, or a closing mark after one („New York Times“)."""
    if i + 1 < len(toks) and _is_cap(toks[i + 1][2]) and toks[i][2] in '„“"»':
        return True
    return bool(out) and _is_cap(out[-1][2]) and toks[i][2] in '“”"«'


def np_before(text: str, pos: int, floor: int) -> SpeakerNP | None:
    """The noun phrase ending at `pos` (before a cue: "Kremlsprecher Dmitri Peskow sagte")."""
    toks = _tokens(text, max(floor, pos - 300), pos)[-40:]
    if not toks:
        return None
    if toks[-1][2].lower() in PRONOUNS:
        return _make(text, toks[-1:])
    if toks[-1][2] == ",":
        # "X, apposition, sagte": the subject is the NP before the apposition's comma
        c = next((k for k in range(len(toks) - 2, -1, -1) if toks[k][2] in _CLAUSE), -1)
        if c >= 0 and toks[c][2] == ",":
            first = _back_np(toks[: c + 1])
            if first and not _after_prep(toks, toks.index(first[0])):
                return _make(text, [*first, *toks[c:-1]])
        app = _back_np(toks)
        return _make(text, app) if app and _name_in([t[2] for t in app]) else None
    head = _back_np(toks)
    if head is not None and _after_prep(toks, toks.index(head[0])):
        head = _before_pp(toks, toks.index(head[0]))
    if head is None or _temporal(head):
        return None
    return _make(text, head)


_NP_OPENERS = frozenset(["und", "aber", "wie"])  # "Wie X gegenüber Y bestätigte, …"


def _before_pp(toks: list[tuple[int, int, str]], i: int) -> list[tuple[int, int, str]] | None:
    """ "Ein Sprecher des Weißen Hauses in Washington sagte": a fronted noun phrase with a
    trailing PP attribute is the subject; the PP's own noun is not."""
    j = i - 1
    while j >= 0 and toks[j][2].lower() not in _PREPS:
        j -= 1
    if j <= 0:
        return None
    head = _back_np(toks[:j])
    if head is None or len(head) < 2 or _temporal(head):
        return None
    k = toks.index(head[0])
    if k > 0 and toks[k - 1][2] not in _CLAUSE and toks[k - 1][2].lower() not in _NP_OPENERS:
        return None  # only a noun phrase that opens its clause
    return head


_CLAUSE = frozenset(',.;:!?„“”"»«()')
_PREPS = words(
    "in im am an auf mit nach von vom zu zum zur bei beim für über unter aus durch gegen während "
    "seit vor hinter neben um ohne trotz wegen dank gegenüber bezüglich als laut "
    "at on by for with from of"
)
_TIME = re.compile(
    r"(Monat|Woche|Jahr|Jahres|Tag|Tage|Tagen|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
    r"Samstag|Sonntag|Morgen|Abend|Nacht|Zeit|Januar|Februar|März|April|Mai|Juni|Juli|"
    r"August|September|Oktober|November|Dezember|Uhr|MEZ|MESZ|GMT|UTC|Ortszeit|"
    r"(?:tag|woch)(?:morgen|abend|nachmittag|vormittag|mittag|nacht))$"  # "Freitagabend"
)


def _coordinated(toks: list[tuple[int, int, str]], k: int, i: int) -> bool:
    """ "A, B und C sagten": a list of names is one subject. A comma joins only inside a
    list that ends in "und"/"sowie" before the head."""
    w = toks[k][2]
    nxt_ok = _is_cap(toks[k + 1][2]) or (w != "," and _adj_at(toks, k + 1))  # "und andere Länder"
    if k < 1 or not _is_cap(toks[k - 1][2]) or not nxt_ok:
        return False
    if w in {"und", "sowie"}:
        return True
    return w == "," and any(t[2] in {"und", "sowie"} for t in toks[k + 1 : i])


def _after_prep(toks: list[tuple[int, int, str]], i: int) -> bool:
    j = i - 1
    while j >= 0 and (
        toks[j][2].lower() in DETERMINERS
        or (_ADJ.match(toks[j][2]) and toks[j][2].lower() not in _PREPS | _RELATIVES)
    ):
        j -= 1
    return j >= 0 and toks[j][2].lower() in _PREPS


# "von denen der Westen befürchtet": the preposition governs the relative pronoun only
_RELATIVES = frozenset(["denen", "deren", "dessen", "welchen", "welchem", "welcher"])


def _temporal(toks: list[tuple[int, int, str]]) -> bool:
    return bool(_TIME.search(toks[-1][2]))


def _back_np(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    i = len(toks) - 1
    if i >= 0 and toks[i][2] == ",":
        i -= 1
    if i < 0 or not _is_cap(toks[i][2]):
        return None
    j = i
    while j - 1 >= 0:
        w = toks[j - 1][2]
        low = w.lower()
        if (
            _is_cap(w)
            or low in DETERMINERS
            or _adj_at(toks, j - 1)
            or (low in _GENITIVE and j - 2 >= 0 and _is_cap(toks[j - 2][2]))
            or _coordinated(toks, j - 1, i)
        ):
            j -= 1
        else:
            break
    if i - j + 1 > MAX_NP_TOKENS:
        j = i - MAX_NP_TOKENS + 1
    return toks[j : i + 1]
