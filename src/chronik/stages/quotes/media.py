"""Who speaks and who relays the words when a medium quotes someone.

"Die Agentur Reuters zitiert Minister Ott mit den Worten …" and "Ott wird von der Agentur
Reuters zitiert" report the same thing: Ott speaks, Reuters relays. Both forms give the
quoted person as the speaker and the agency, paper or broadcaster as `Quote.medium`, so a
story's sources count the minister, not the agency that carried his words.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.common import Found
from chronik.stages.quotes.lead import _institution, is_person_like, lead_subject
from chronik.stages.quotes.speakers import SpeakerNP, _make, _tokens, np_after

_CITE = re.compile(r"\b(?:zitiert|zitierte|zitierten|zitieren)\b")
_PASSIVE_AUX = re.compile(r"\b(?:wird|wurde|werden|wurden|worden)\b")
# the agent or the place of a passive quotation: "von der Agentur X", "in der Zeitung X"
_RELAY = re.compile(r"\b(?:von\s+(?:der|dem|den)|vom|von|in\s+(?:der|dem|einem|einer)|im)\s+")
# what closes the quoted person's noun phrase in the active form
_WITH = re.compile(r"\s+mit\s+(?:den|dem|der|seinen|ihren|folgenden)\b|[,:;.„“\"»«]")
_OBJECT_PRONOUNS = {"ihn": "ihn", "sie": "sie", "ihm": "ihm"}
WINDOW = 200  # how far from the speaker the "zitiert" of its frame may stand


def relay_media(text: str, found: list[Found]) -> None:
    """Set each quotation frame's speaker to the person quoted and its medium aside."""
    for f in found:
        if f.speaker is None or not (f.cue or "").startswith("zitier"):
            continue
        cite = _cite_near(text, f)
        if cite is None:
            continue
        clause = _clause_start(text, f, cite.start())
        passive = _PASSIVE_AUX.search(text, clause, cite.start()) or _PASSIVE_AUX.match(
            text[cite.end() : cite.end() + 10].lstrip()
        )
        if passive:
            _passive(text, f, clause, cite.start())
        else:
            _active(text, f, clause, cite)


def _cite_near(text: str, f: Found) -> re.Match[str] | None:
    """The "zitiert" nearest to the speaker, outside the quoted words."""
    sp = f.speaker
    assert sp is not None
    lo, hi = max(0, sp.start - WINDOW), min(len(text), sp.end + WINDOW)
    hits = [m for m in _CITE.finditer(text, lo, hi) if not f.start <= m.start() < f.end]
    return min(hits, key=lambda m: abs(m.start() - sp.start), default=None)


def _clause_start(text: str, f: Found, cite: int) -> int:
    """Where the frame's clause begins: after the quote it follows or a clause mark."""
    floor = f.end if f.end <= cite else 0
    return max(floor, *(text.rfind(c, 0, cite) + 1 for c in ".;:!?“”»«\n"))


def _passive(text: str, f: Found, clause: int, cite: int) -> None:
    """ "X wird von der Agentur Y (mit den Worten) zitiert": Y is the medium; a speaker
    phrase that swallowed the agent ("Ott von der Agentur Reuters") is cut before it."""
    sp = f.speaker
    assert sp is not None
    relays = [m for m in _RELAY.finditer(text, clause, cite) if not f.start <= m.start() < f.end]
    for m in reversed(relays):
        medium = np_after(text, m.end(), cite)
        if medium is None or not (medium.name or _institution(medium.text)):
            continue
        if sp.start < m.start() < sp.end:
            cut = _make(text, _tokens(text, sp.start, m.start()))
            if cut is None:
                return
            f.speaker = cut
        elif medium.start <= sp.start < medium.end:
            return  # the agent was read as the speaker: no quoted person known
        f.extra["medium"] = _label(text, medium)
        return


def _active(text: str, f: Found, clause: int, cite: re.Match[str]) -> None:
    """ "Reuters zitiert Ott mit den Worten …" / "„…“, zitiert die Zeitung Le Monde den
    Bürgermeister": the verb's subject is the medium, its object the speaker."""
    sp = f.speaker
    assert sp is not None
    if sp.start >= cite.end() and not text[cite.end() : sp.start].strip():
        subject = lead_subject(text, clause, cite.start())
        if subject is not None and _closed_by_with(text, sp.end):
            f.extra["medium"] = _label(text, subject)  # the object was already taken
            return
    after = sp.end if sp.start >= cite.end() else cite.end()
    stop = _WITH.search(text, after, min(len(text), after + 160))
    limit = stop.start() if stop else min(len(text), after + 160)
    quoted = _object(text, after, limit)
    if quoted is None or not (is_person_like(quoted) or _institution(quoted.text)):
        return
    f.extra["medium"] = _label(text, sp)
    f.extra["medium_at"] = str(sp.start)  # "zitiert ihn": "ihn" refers to someone before
    f.speaker = quoted


def _closed_by_with(text: str, end: int) -> bool:
    m = _WITH.match(text, end)
    return m is not None and m.group().strip().startswith("mit")


def _object(text: str, pos: int, limit: int) -> SpeakerNP | None:
    """The accusative noun phrase (or pronoun) after `pos`."""
    m = re.match(r"\s*(\w+)", text[pos:limit])
    if m is None:
        return None
    word = m.group(1)
    if word in _OBJECT_PRONOUNS:
        start = pos + m.start(1)
        return SpeakerNP(start, start + len(word), word, None, pronoun=True)
    return np_after(text, pos + m.start(1), limit)


_LOWER_MEDIA = frozenset(["dpa", "ddp", "epd", "kna", "apa", "sda", "afp", "n-tv", "taz"])


def _label(text: str, sp: SpeakerNP) -> str:
    """The medium as a name ("Reuters") or, without one, its phrase less the article; a
    lowercase agency name after its noun ("die Agentur dpa") belongs to it."""
    m = re.match(r"\s+([a-z][\w-]{1,4})\b", text[sp.end : sp.end + 8])
    if m is not None and m.group(1) in _LOWER_MEDIA:
        return m.group(1)
    words = (sp.name or sp.text).split()
    while len(words) > 1 and (words[0].lower() in _ARTICLES or _KIND.search(words[0])):
        words = words[1:]  # "die Nachrichtenagentur Kyodo" -> "Kyodo"
    return " ".join(words)


# what kind of medium a name is ("Nachrichtenagentur Kyodo", "Zeitung Le Monde")
_KIND = re.compile(r"(?i:agentur|zeitung|blatt|magazin|sender|portal|website|dienst)$")


_ARTICLES = frozenset(["der", "die", "das", "dem", "den", "des", "ein", "eine", "einer"])
