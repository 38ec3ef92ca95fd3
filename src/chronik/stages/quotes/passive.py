"""Passive and impersonal report frames: "wurde … berichtet" with its agent or the report it
names, and "Inzwischen wurde bekannt, dass …" (reported content with no named source)."""

from __future__ import annotations

import re

from chronik.stages.quotes.common import Found, strip_span
from chronik.stages.quotes.lead import _institution, is_person_like, lead_subject
from chronik.stages.quotes.sources import source_before
from chronik.stages.quotes.speakers import SpeakerNP, np_after

_AUX = re.compile(r"\b(?:wurde|wurden|wird|werden|war|waren|ist|sind|worden)\b")
_PP_SOURCE = re.compile(r"\b(?:Bericht|Berichten|Meldung|Mitteilung|Erklärung|Schreiben|Angaben)\b")


def is_passive(text: str, s: int, c0: int, c1: int) -> bool:
    """A participle cue with its passive auxiliary ("wurde … berichtet", "berichtet wurde")."""
    word = text[c0:c1]
    if not (word.startswith("ge") or word.endswith(("iert", "et", "t"))) or word.endswith("te"):
        return False
    clause = re.split(r"[,;:]", text[s:c0])[-1]
    return bool(_AUX.search(clause)) or bool(_AUX.match(text[c1 : c1 + 12].lstrip()))


def passive_source(text: str, s: int, c0: int) -> SpeakerNP | None:
    """The agent ("von der Agentur X … zitiert") or the report named in the clause ("In
    einem Bericht der Zeitung X wurde vermutet"); none for "Zudem wurde kritisiert, …"."""
    quoted = _quoted_subject(text, s, c0)
    if quoted is not None:
        return quoted
    agent = re.search(r"\b(?:von|vom)\s+(?=\S)", text[s:c0])
    if agent is not None:
        sp = np_after(text, s + agent.end(), c0)
        if sp is not None and (is_person_like(sp) or _institution(sp.text)):
            return sp
        subj = lead_subject(text, s, s + agent.start())
        if sp is not None and subj is not None and is_person_like(subj):
            return subj  # "Apple ist von dem Problem informiert und betont, …": no agent
        if sp is not None:
            return sp
    if not _PP_SOURCE.search(text[s:c0]):
        return None
    aux = list(_AUX.finditer(text, s, c0))
    return source_before(text, s, aux[-1].start() if aux else c0)


def _quoted_subject(text: str, s: int, c0: int) -> SpeakerNP | None:
    """ "X wird von der Agentur Y mit den Worten zitiert, …": the one quoted (the passive
    subject) speaks; the agent or medium only reports the words."""
    if not text.startswith("zitiert", c0):
        return None
    clause = max(s, *(text.rfind(c, s, c0) + 1 for c in ";:"))
    sp = lead_subject(text, clause, c0)
    return sp if sp is not None and (is_person_like(sp) or _institution(sp.text)) else None


_KNOWN = re.compile(
    r"\b(?:wurde|wird|war|ist)\s+(?:\w+\s+){0,3}?(bekannt)(?:\s+geworden)?\s*,\s*(?=dass\b|ob\b)"
)


def became_known(text: str, s: int, e: int) -> Found | None:
    """ "Inzwischen wurde bekannt, dass …": reported content without a named source."""
    m = _KNOWN.search(text, s, e)
    if m is None:
        return None
    q0, q1 = strip_span(text, m.end(), e)
    if len(text[q0:q1].split()) < 3:
        return None
    found = Found(q0, q1, "indirect", cue="bekannt")
    found.extra["keep"] = "1"
    return found
