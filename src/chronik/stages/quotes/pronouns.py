"""Which earlier person a pronoun speaker refers to ("sagte er", "seiner Meinung nach").

The latest named speaker or subject that agrees in gender and number; with entity mentions,
the latest agreeing subject mention; failing both, an institution for "sie" or the nearest
gendered personal name. Split from `resolve`, which turns candidates into records.
"""

from __future__ import annotations

import re

from chronik.model import Mention
from chronik.stages.quotes.cues import FUNCTION_CAPS, ROLE_SUFFIX, words
from chronik.stages.quotes.gender import agrees, np_gender
from chronik.stages.quotes.lead import _institution
from chronik.stages.quotes.mentions import latest_any, latest_subject, name_of
from chronik.stages.quotes.speakers import SpeakerNP, np_after

Seen = tuple[int, str, str | None, str | None]  # (end of their words, name, role, gender)


# "seiner Meinung nach": a possessive refers like its personal pronoun
_AS_PRONOUN = {
    "seiner": "er",
    "dessen": "er",
    "ihrer": "sie",
    "deren": "sie",
    "ihn": "er",
    "ihm": "er",
}


def _recent_person(
    text: str,
    pos: int,
    history: list[Seen],
    mentions: tuple[Mention, ...],
    sp: SpeakerNP,
) -> tuple[str | None, str | None]:
    """The latest speaker or named subject before the pronoun that agrees with it in gender
    and number ("sie" skips "Minister Jan Ott" for "Sprecherin Eva Horn")."""
    at, pron = sp.start, _AS_PRONOUN.get(sp.text.lower(), sp.text)
    best: tuple[int, str] | None = None
    for hpos, name, _, gender in history:
        if pos - hpos > 3000 or not agrees(pron, gender):
            continue
        seen = max(hpos, _last_subject_use(text, name.split()[-1], at))
        if best is None or seen >= best[0]:
            best = (seen, name)
    if mentions:
        found = _by_mentions(text, pron, at, best, mentions)
        return found if found[0] else (_last_collective(text, at, pron), None)
    subj = _last_named_subject(text, at)
    if (
        subj is not None
        and agrees(pron, np_gender(subj[1]))
        and (best is None or subj[0] > best[0])
    ):
        best = subj
    if best is None:
        best = _last_gendered_name(text, at, pron)
    return (best[1], None) if best else (_last_collective(text, at, pron), None)


_COLLECTIVE = re.compile(
    r"\b([Dd]ie|[Dd]er|[Dd]as)\s+(?:[a-zäöü]\w*(?:e|en)\s+){0,2}[A-ZÄÖÜ][\w-]+"
)
_PP_BEFORE = re.compile(r"\b(?:[a-zäöü]+)\s*$")


def _last_collective(text: str, at: int, pron: str) -> str | None:
    """Last resort for "sie": the nearest earlier institution in subject case that agrees
    ("… hat die Gewerkschaft der Polizei abgelehnt. Sie bezeichnet …"); one inside a
    prepositional or genitive phrase ("von der Polizei", "Sprecher der Polizei") is none."""
    if pron.lower() not in {"sie", "they"}:
        return None
    last: str | None = None
    for m in _COLLECTIVE.finditer(text, max(0, at - 600), at):
        if m.group(1).lower() != "die":
            continue
        prev = _PP_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if prev is not None and prev.group().strip() in _PP_WORDS:
            continue
        sp = np_after(text, m.start(), at)
        if sp is None or not _institution(sp.text) or not agrees(pron, np_gender(sp.text)):
            continue
        last = sp.name or " ".join(sp.text.split()[1:])
    return last


_PP_WORDS = words(
    "von vom mit bei für gegen über durch an auf in aus zu nach unter vor hinter neben um"
)


def _by_mentions(
    text: str, pron: str, at: int, best: tuple[int, str] | None, mentions: tuple[Mention, ...]
) -> tuple[str | None, str | None]:
    """The later of the last agreeing speaker (`best`) and the last agreeing subject
    mention; failing both, the last agreeing mention anywhere."""
    subj = latest_subject(text, pron, mentions, at)
    if subj is not None and (best is None or subj[0] > best[0]):
        return name_of(subj[1]), subj[1].entity_id
    if best is not None:
        ment = next((m for m in reversed(mentions) if m.end <= at and name_of(m) == best[1]), None)
        return best[1], ment.entity_id if ment else None
    last = latest_any(text, pron, mentions, at)
    return (name_of(last), last.entity_id) if last else (None, None)


_NAME_RUN = re.compile(r"[A-ZÄÖÜ][\w'’-]+(?:\s[A-ZÄÖÜ][\w'’-]+){1,3}")


def _last_gendered_name(text: str, at: int, pron: str) -> tuple[int, str] | None:
    """Last resort: the nearest earlier personal name whose known gender fits the pronoun
    ("Danach meldete sich Minister Jan Ott zu Wort. … sagte er")."""
    last: tuple[int, str] | None = None
    for m in _NAME_RUN.finditer(text, max(0, at - 1500), at):
        words = m.group().split()
        while words and (words[0] in FUNCTION_CAPS or ROLE_SUFFIX.search(words[0])):
            words = words[1:]
        gender = np_gender(m.group())
        if len(words) >= 2 and gender in {"m", "f"} and agrees(pron, gender):
            last = (m.start(), " ".join(words))
    return last


def _pronoun_gender(sp: SpeakerNP, history: list[Seen], name: str) -> str | None:
    """A resolved pronoun passes on the gender of its antecedent (or its own, if definite)."""
    for _, seen_name, _, gender in reversed(history):
        if seen_name == name and gender is not None:
            return gender
    return np_gender(name) or {"er": "m", "seiner": "m", "he": "m", "she": "f"}.get(sp.text.lower())


_NAMED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?“”\"]\s)|(?<=\n))((?:[A-ZÄÖÜ][\w'’-]+\s){1,3})(?=[a-zäöü]+\b)"
)


def _last_named_subject(text: str, at: int) -> tuple[int, str] | None:
    """The last sentence-initial personal name before `at` ("Wladimir Putin lobte …")."""
    last: tuple[int, str] | None = None
    for m in _NAMED_SUBJECT.finditer(text, max(0, at - 1500), at):
        names = m.group(1).split()
        while names and (names[0] in FUNCTION_CAPS or ROLE_SUFFIX.search(names[0])):
            names = names[1:]
        if len(names) >= 2 and not any(w in FUNCTION_CAPS for w in names):
            last = (m.start(1), " ".join(names))
    return last


_SUBJECT_PREFIX = re.compile(r"(?:[.!?:\n]\s*|\b(?:sagte|erklärte|betonte)\s)$")
_LOWER_NEXT = re.compile(r"\s+[a-zäöü]")


def _last_subject_use(text: str, surname: str, at: int) -> int:
    """Where `surname` last stood as a subject before `at` ("Putin lobte …"), or -1.

    Plain `str.find` plus fixed patterns: a pattern compiled per name missed re's cache
    and was the stage's hot spot."""
    last = -1
    i = text.find(surname, max(0, at - 1500), at)
    while i != -1:
        nxt = _LOWER_NEXT.match(text, i + len(surname), at)
        pre = _SUBJECT_PREFIX.search(text, max(0, i - 12), i) if i else None
        if nxt and (i == 0 or pre):
            last = pre.start() if pre else 0
        i = text.find(surname, i + 1, at)
    return last
