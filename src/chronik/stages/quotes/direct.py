"""Direct quotes: quoted stretches with the cue and speaker found beside the marks."""

from __future__ import annotations

import re
from bisect import bisect_right

from chronik.stages.quotes.common import Found, find_cues
from chronik.stages.quotes.lead import _institution, is_person_like, lead_subject
from chronik.stages.quotes.marks import find_marked
from chronik.stages.quotes.mood import sentence_mood
from chronik.stages.quotes.sources import mention_near, source_after, source_before
from chronik.stages.quotes.speakers import ENTITY_SPANS, SpeakerNP, np_after, np_before
from chronik.stages.quotes.subjects import aux_before, subject_after, subject_around
from chronik.stages.quotes.titles import is_title

_AFTER = re.compile(r"^[\s,.]*(?:(so|according to)\s+|)")
_SENTENCEY = re.compile(r"[.!?…]\s*[“”\"«»‘’'›‹]$")
MIN_FREE_WORDS = 6
MAX_MARKED = 500  # more quoted stretches than this in one article is not news prose


def find_direct(text: str, bounds: list[tuple[int, int]]) -> list[Found]:
    """Direct quotes; unattributed short stretches (titles, scare quotes) are dropped later."""
    out: list[Found] = []
    starts = [s for s, _ in bounds]
    for mk in find_marked(text)[:MAX_MARKED]:
        lo0, hi = _context(bounds, starts, mk.start, mk.end, len(text))
        lo = _last_sentence_start(text, lo0, mk.start)
        found = Found(mk.start, mk.end, "direct")
        found.extra["depth"] = str(mk.depth)
        found.extra["content"] = text[mk.start + 1 : mk.end - 1]
        found.extra["lead"] = "1" if text[lo : mk.start].strip() else ""
        if is_title(text, mk.start, mk.end):
            found.extra["title"] = found.extra["short"] = "1"  # a name: dropped in settle
        elif (
            not _attach_after(text, found, hi)
            and not _attach_before(text, found, lo)
            and not _attach_next(text, found, bounds, starts, hi)
            and not _attach_prev(text, found, bounds, starts, lo, lo0)
            and not _attach_colon_paragraph(text, found, bounds, starts, lo)
        ):
            words = len(text[mk.start : mk.end].split())
            found.inherit = words >= MIN_FREE_WORDS or bool(
                _SENTENCEY.search(text[mk.start : mk.end])
            )
            found.extra["short"] = "1" if not found.inherit else ""
            prev = _previous_subject(text, bounds, starts, lo0, lo) if found.inherit else None
            if found.inherit and found.extra["lead"]:
                _embedded(text, found, lo)
            elif found.extra.get("other") and prev is not None:
                found.speaker = prev  # "X hat damit nichts zu tun. Ihm ist es ein Rätsel: „…“"
            elif found.inherit and found.fallback is None:
                found.fallback = prev
        out.append(found)
    return out


_MISSED_END = re.compile(r"(\w*)[.!?…][“”\"«»]?\s+(?=[„“\"»«])")


def _last_sentence_start(text: str, lo: int, start: int) -> int:
    """Where the quote's sentence really starts: past a sentence end the splitter missed
    before a new quote ("… murmelt er. »Und nun?«" is one "sentence" to some splitters);
    not after an ordinal or a short capitalised abbreviation ("Dr.", "Nr.")."""
    cut = lo
    for m in _MISSED_END.finditer(text, lo, start + 1):
        word = m.group(1)
        if not (word.isdigit() or (word[:1].isupper() and len(word) <= 4)):
            cut = m.end()
    return cut


def _previous_subject(
    text: str, bounds: list[tuple[int, int]], starts: list[int], lo0: int, lo: int
) -> SpeakerNP | None:
    """The person or group the sentence before a bare quote is about ("Er zögert. „…“"):
    its speaker when no earlier speaker is near enough to continue."""
    k = bisect_right(starts, lo0) - 2
    if lo > lo0:
        a, b = lo0, lo  # the sentence end the splitter missed
    elif k >= 0 and bounds[k][1] <= lo:
        a, b = bounds[k]
    else:
        return None
    ends = list(_QUOTE_END.finditer(text, a, b))
    sp = lead_subject(text, ends[-1].end() if ends else a, b)
    if sp is None or not (is_person_like(sp) or _institution(sp.text)):
        return None
    before = text[max(a, sp.start - 12) : sp.start].split()
    return None if before and before[-1].lower() in _SUBORDINATE else sp


_QUOTE_END = re.compile(r"[.!?,…][“”\"«»][\s,]*")
_SUBORDINATE = frozenset(
    ["wie", "dass", "daß", "weil", "als", "ob", "wenn", "der", "die", "das", "den", "dem", "was"]
)


def _attach_colon_paragraph(
    text: str, q: Found, bounds: list[tuple[int, int]], starts: list[int], lo: int
) -> bool:
    """ "Er schrieb:" as a paragraph of its own, the quote in the next one: the colon
    sentence attributes the quote as if they were one sentence."""
    if text[lo : q.start].strip() or not _sentence_like(text, q):
        return False
    k = bisect_right(starts, lo) - 2
    if k < 0 or bounds[k][1] > lo or not text[bounds[k][0] : bounds[k][1]].rstrip().endswith(":"):
        return False
    if text[bounds[k][1] : q.start].strip():
        return False
    return _attach_before(text, q, bounds[k][0])


def _embedded(text: str, q: Found, lo: int) -> None:
    """ "Die Menge skandierte Parolen wie „…“": a quote inside a sentence without a cue
    belongs to that sentence's subject when it is a person or a group."""
    if _TITLED.search(text, max(lo, q.start - 60), q.start):
        return  # „Todeszone im Atlantik“ after "Film", "Titel", "Buch": a name, no speech
    sp = lead_subject(text, lo, q.start)
    if _possessed(sp):
        q.extra["lead"] = ""  # "Seine Zuversicht …: „…“": the possessor, the last speaker
        return
    if sp is None or sp.end > q.start:
        return
    if is_person_like(sp) or _institution(sp.text) or not text[lo : sp.start].strip():
        q.speaker = sp
        q.extra["embedded"] = "1"


_TITLED = re.compile(
    r"(?:Film|Titel|Buch|Roman|Lied|Song|Album|Dokumentation|Sendung|Serie|Stück|Oper|"
    r"Ausstellung|Kampagne|Programm|Projekt|Werk|Artikel|Beitrag|Slogan)[\w-]*"
    r"(?:\s+(?:[a-zäöüß][\w-]*|[A-ZÄÖÜ][\w-]*s)){0,3}\s*$"
)


def _context(
    bounds: list[tuple[int, int]], starts: list[int], start: int, end: int, n: int
) -> tuple[int, int]:
    """Start of the sentence holding `start` and end of the sentence holding `end`."""
    lo, hi = max(0, start - 300), min(n, end + 300)
    i = bisect_right(starts, start) - 1
    if i >= 0 and bounds[i][0] <= start < bounds[i][1]:
        lo = bounds[i][0]
    j = bisect_right(starts, max(end - 1, 0)) - 1
    if j >= 0 and bounds[j][0] < end <= bounds[j][1]:
        hi = bounds[j][1]
    return lo, hi


def _attach_after(text: str, q: Found, hi: int) -> bool:
    """„…“, sagte X / „…“, so X / „…“, fügte er hinzu / "…," X said."""
    tail = text[q.end : max(hi, q.end)]
    # a short quoted name after the cue ("im Blatt „Sport“ zitiert") does not end the window
    masked = _SHORT_NAME.sub(lambda m: "N" * len(m.group()), tail)
    stop = re.search(r"[„“\"»«]|(?<=[.!?])\s", masked)
    window = tail[: stop.start()] if stop else tail
    lead = re.match(r"[\s,.–—]*", window)
    rest = q.end + (lead.end() if lead else 0)
    closed = bool(_SENTENCEY.search(text[q.start : q.end]))
    if closed and "," not in window[: rest - q.end]:
        return False  # „… .“ followed by a new sentence: no attribution after
    end = q.end + len(window)
    if re.match(r"so\s", text[rest:end]):
        return _set(q, "so", np_after(text, rest + 3, end))
    cues = find_cues(text, rest, end)
    if not cues:
        return False
    cue = cues[0]
    n_before = len(text[rest : cue.start].split())
    if n_before == 0 and cue.text.endswith(" es"):
        return _set(q, cue.text, source_after(text, cue.end, end))  # „…“, hieß es aus X
    if n_before == 0:
        return _set(q, cue.text, np_after(text, cue.end, end))
    aux = _PERFECT_AFTER.match(text, rest, cue.start)
    if aux is not None:
        return _set(q, cue.text, subject_after(text, aux.end(), cue.start))
    if n_before <= 4:
        return _set(q, cue.text, np_before(text, cue.start, rest))
    return False


# "„…“, hatte X … erklärt" / "„…“ wird X im Blatt Y zitiert": the auxiliary's subject
_SHORT_NAME = re.compile(r"(?<=\s)[„»][A-ZÄÖÜ][^„“”»«.!?,]{0,40}[“«](?=[\s,.-])")
_PERFECT_AFTER = re.compile(r"(?:hatte|hatten|hat|haben|habe|hätte|hätten|wird|wurde)\s+")
_THIS = re.compile(r"\s*(?:Dies|Das|So|Diese Worte|Dieses)\s+")


def _attach_next(
    text: str, q: Found, bounds: list[tuple[int, int]], starts: list[int], hi: int
) -> bool:
    """„…“ Dies sagte X am Montag. / „…“ Das erklärte die Sprecherin: the next sentence
    names the speaker of a quote that ends its own sentence."""
    if text[q.end : hi].strip(" .,") or not _sentence_like(text, q):
        return False
    k = bisect_right(starts, max(hi, q.end))
    if k >= len(bounds) or bounds[k][0] - max(hi, q.end) > 3:
        return False
    s2, e2 = bounds[k]
    m = _THIS.match(text, s2, e2)
    cues = find_cues(text, m.end(), min(e2, m.end() + 40)) if m else []
    if m is None or not cues or cues[0].start != m.end():
        return False
    return _set(q, cues[0].text, subject_after(text, cues[0].end, e2))


def _attach_prev(
    text: str, q: Found, bounds: list[tuple[int, int]], starts: list[int], lo: int, lo0: int
) -> bool:
    """Der Bürgermeister war deutlich. „…“: a quote opening its sentence after a sentence
    without quotes whose subject is a named person speaks that person's words."""
    if text[lo : q.start].strip() or not _sentence_like(text, q):
        return False
    k = bisect_right(starts, lo) - 2
    if lo > lo0:
        s0, e0 = lo0, lo  # the sentence end the splitter missed
    elif k < 0 or "\n" in text[bounds[k][1] : q.start]:
        return False
    else:
        s0, e0 = bounds[k]
    if any(c in text[s0:e0] for c in '„“”"»«') or e0 > lo or sentence_mood(text[s0:e0]):
        return False  # a quote or reported speech itself: inheritance decides
    sp = lead_subject(text, s0, e0)
    if sp is None or not (sp.role or _known_person(text, sp)):
        return False
    full = len((sp.name or "").split()) >= 2
    if not _fronted_start(text, s0, sp.start, 5 if full else 2):
        return False
    q.speaker = sp
    return True


def _known_person(text: str, sp: SpeakerNP) -> bool:
    """A full personal name, or a surname alone that a PER mention covers or that the
    text gave in full before ("Karl Brandt … Brandt ist skeptisch.")."""
    name = sp.name or ""
    if len(name.split()) >= 2:
        return True
    if not name or not name[:1].isupper():
        return False
    if any(t == "PER" and a < sp.end and sp.start < b for a, b, t in ENTITY_SPANS.get()):
        return True
    return re.search(rf"[A-ZÄÖÜ][\w-]+\s+{re.escape(name)}\b", text[: sp.start]) is not None


def _fronted_start(text: str, s0: int, start: int, most: int = 2) -> bool:
    """The subject opens its sentence (only a determiner or title before it), or for a
    full name, follows a short fronted part and the verb ("Ganz anders sieht das Karl
    Brandt")."""
    return not re.search(r"[,;:]", text[s0:start]) and len(text[s0:start].split()) <= most


def _attach_before(text: str, q: Found, lo: int) -> bool:
    """X sagte: „…“ / antwortete Putin: „…“ / Merkel: „…“."""
    head = text[lo : q.start]
    if re.search(r",\s*$", head):
        return _attach_comma(text, q, lo)
    colon = _colon(head, lo)
    if colon is None:
        return False
    cues = find_cues(text, lo, colon)
    if cues:
        cue = cues[-1]
        if cue.text.endswith(" es"):  # "Auf der Homepage heißt es: „…“" / "heißt es im Brief:"
            sp = source_before(text, lo, cue.start) or source_after(text, cue.end, colon)
            return _set(q, cue.text, sp)
        v0, v1 = aux_before(text, lo, cue.start) or (cue.start, cue.end)
        sp = subject_around(text, lo, v0, v1, colon)  # "X hatte … betont: „…“": X
        sp = sp or lead_subject(text, lo, cue.start)
        sp = sp or mention_near(text, lo, (cue.start, cue.end), colon)
        return _set(q, cue.text, sp)
    if text[colon] != ":":  # "Er begrüßte sie mit den Worten „…“": the clause's subject
        sp = lead_subject(text, lo, colon)
        return _set(q, None, sp if is_person_like(sp) else None)
    if len(text[lo:colon].split()) <= 4:
        sp = np_before(text, colon, lo) or lead_subject(text, lo, colon)
        return _set(q, ":", sp)  # "Merkel: „…“" / "Der Text lautete: „…“"
    if _sentence_like(text, q):
        sp = lead_subject(text, lo, colon)
        if sp is not None and _about_someone_else(text, sp, lo, colon):
            q.fallback = sp  # "Streit … nervt ihn: „…“": he speaks, if anyone is known
            q.extra["lead"] = ""
            q.extra["other"] = "1"
            return False
        return _set(q, None, None if _possessed(sp) else sp)
    return False


# "zitierte Ott mit den Worten „…“": the phrase introduces the words as a colon would
_WITH_WORDS = re.compile(
    r"\bmit\s+(?:den|dem|der|diesen|folgenden|seinen|ihren|deutlichen|klaren)\s+"
    r"(?:[a-zäöüß]+en\s+)?(?:Worten|Satz|Aussage|Zitat)\s*:?\s*$"
)


def _colon(head: str, lo: int) -> int | None:
    """Where the introduction before a quote ends: its colon, or "mit den Worten"."""
    if re.search(r":\s*$", head):
        return lo + head.rstrip().rfind(":")
    m = _WITH_WORDS.search(head)
    return None if m is None else lo + m.start()


_OBJECT_PRONOUN = re.compile(r"\b(?:ihn|ihm|ihnen|[Ss]ein(?:e[mnrs]?)?|Ihm|Ihn|Ihnen)\b")


def _about_someone_else(text: str, sp: SpeakerNP, lo: int, colon: int) -> bool:
    """A colon clause whose subject is no known person or role but which names someone by
    an object or possessive pronoun ("Ihm ist es ein Rätsel: „…“", "… heißt sein
    Wahlspruch: „…“"): the person that pronoun refers to speaks."""
    if sp.pronoun or sp.role or not _OBJECT_PRONOUN.search(text, lo, colon):
        return False
    persons = [(a, b) for a, b, t in ENTITY_SPANS.get() if t in {"PER", "ORG"}]
    return not any(a < sp.end and sp.start < b for a, b in persons)


def _possessed(sp: SpeakerNP | None) -> bool:
    """ "Seine Zuversicht gründet sich auf …: „…“": a thing of the possessor, who is the
    last speaker (inheritance), not a speaker itself."""
    first = sp.text.split()[0].lower() if sp is not None else ""
    return sp is not None and first in _POSSESSIVES and not (sp.name or sp.role)


_POSSESSIVES = frozenset(["sein", "seine", "seinen", "seinem", "ihr", "ihre", "ihren", "ihrem"])


def _attach_comma(text: str, q: Found, lo: int) -> bool:
    """X bekräftigte, „…“: a cue whose clause ends in a comma right before the quote."""
    comma = lo + text[lo : q.start].rstrip().rfind(",")
    cues = find_cues(text, lo, comma)
    if not cues or not _sentence_like(text, q):
        return False
    cue = cues[-1]
    gap = text[cue.end : comma]
    if "," in gap or len(gap.split()) > 6 or re.search(r"[„“\"»«]", gap):
        return False
    sp = subject_around(text, lo, cue.start, cue.end, comma)
    return _set(q, cue.text, sp)


def _sentence_like(text: str, q: Found) -> bool:
    seg = text[q.start : q.end]
    return len(seg.split()) >= MIN_FREE_WORDS or bool(_SENTENCEY.search(seg))


def _set(q: Found, cue: str | None, sp: SpeakerNP | None) -> bool:
    if sp is None:
        return False
    q.cue, q.speaker = cue, sp
    return True
