"""Turn quote candidates into `Quote` records: nesting, inheritance, speaker names.

Speaker names come from entity mentions when the entities stage ran (the PER/ORG mention
heading the noun phrase: canonical name and entity id; pronouns and roles via `mentions`),
else from the noun phrase itself. Pronouns ("er", "sie", "he") and bare roles
("der nordkoreanische Führer") take the most recent fitting named speaker; a one-word name
("Peskow") is expanded to the fullest earlier form ("Dmitri Peskow").
"""

from __future__ import annotations

import re
from dataclasses import replace

from chronik.model import Mention, Quote
from chronik.stages.quotes.common import Found
from chronik.stages.quotes.cue_form import with_auxiliary
from chronik.stages.quotes.cues import FUNCTION_CAPS, ROLE_SUFFIX
from chronik.stages.quotes.gender import np_gender
from chronik.stages.quotes.mentions import (
    by_role,
    head_mention,
    name_of,
    person_gender,
    whole_word,
)
from chronik.stages.quotes.pronouns import Seen, _pronoun_gender, _recent_person
from chronik.stages.quotes.speakers import SpeakerNP

INHERIT_CHARS = 700
_ACRONYM = re.compile(
    r"^[\W\d]*[A-ZÄÖÜ0-9][A-ZÄÖÜ0-9 .&/-]*[\W]*$"
)  # how far back an unattributed quote looks for its speaker
_ADDRESSEE = re.compile(
    r"\b(?:gegenüber|told)\s+((?:der|dem|den|the)\s+)?([A-ZÄÖÜ][\w-]*(?:\s[A-ZÄÖÜ][\w-]*)*)"
    r"|\b(?:sagte|sagten|said)\s+((?:russischen|staatlichen)?\s*(?:Medien|Reportern|Journalisten))"
)


def settle(found: list[Found], text: str = "") -> list[Found]:
    """Drop nested and unattributable stretches; fill speakers from containers/neighbours."""
    found = sorted(found, key=lambda f: (f.start, -f.end))
    kept: list[Found] = []
    for f in found:
        outer = next(
            (o for o in kept if o.start <= f.start and f.end <= o.end and o is not f), None
        )
        if outer is not None and f.type == "direct" and outer.type == "direct":
            continue  # a quote inside a quote is part of the outer one
        if outer is not None and outer.type == "reported" and f.extra.get("short"):
            continue  # „Der Spiegel“ inside a reported clause: a name or scare quote
        if outer is not None and (f.speaker is None or f.extra.get("embedded")):
            f.speaker, f.cue = outer.speaker, outer.cue
        if outer is not None and f.type != "direct":
            continue  # an indirect clause inside a longer quote
        if f.type == "direct" and f.extra.get("title"):
            continue  # „Bild“, Operation „Wüstensturm“: a quoted name, no speech
        if f.type == "direct" and _ACRONYM.match(f.extra.get("content", "")):
            continue  # „NYT“, „G7“: a name in marks, not a quote
        kept.append(f)
    kept = [f for f in kept if f.type == "direct" or not _crosses_direct(f, kept)]
    kept = [f for f in kept if f.type == "direct" or not _speaker_quoted(f, kept)]
    _fill_forward(kept, text)
    _fill_backward(kept)
    for f in kept:  # "Kim strebe an, dass „…“": the marked part speaks with its clause
        outer = next(
            (o for o in kept if o.start <= f.start and f.end <= o.end and o is not f), None
        )
        if f.speaker is None and outer is not None and outer.speaker is not None:
            f.speaker, f.cue = outer.speaker, outer.cue
    return [
        f
        for f in kept
        if f.speaker is not None or (f.inherit and f.type == "direct") or f.extra.get("keep")
    ]


def _np_gender(text: str, sp: SpeakerNP, mentions: tuple[Mention, ...]) -> str | None:
    """Gender of a named speaker: as written, else from its person mention's role."""
    gender = np_gender(sp.text)
    ment = head_mention(text, sp.start, sp.end, mentions) if gender is None and mentions else None
    return person_gender(text, ment) if ment is not None and ment.type == "PER" else gender


def _crosses_direct(f: Found, found: list[Found]) -> bool:
    return any(
        d.type == "direct"
        and d.start < f.end
        and f.start < d.end
        and not (f.start <= d.start and d.end <= f.end)
        for d in found
    )


def _speaker_quoted(f: Found, found: list[Found]) -> bool:
    """ "„Sie rief ‚Halt!‘ und lief weg“, berichtete X": a cue and subject inside someone's
    quoted words frame nothing outside them."""
    sp = f.speaker
    return sp is not None and any(
        d.type == "direct" and d.start < sp.start < d.end and not d.start <= f.start < d.end
        for d in found
    )


def _fill_forward(found: list[Found], text: str) -> None:
    """„A.“ „B“, sagte X: A shares B's speaker when only space separates them (within one
    paragraph: free indirect speech ending a paragraph is not the next one's words)."""
    for a, b in zip(reversed(found[:-1]), reversed(found[1:]), strict=True):
        gap = text[a.end : b.start] if text else ""
        if (
            a.speaker is None
            and a.inherit
            and b.speaker is not None
            and 0 <= b.start - a.end <= 3
            and "\n" not in gap
        ):
            a.speaker, a.cue = b.speaker, b.cue


def _split(last: Found | None, f: Found) -> bool:
    """„A“, so X, „B.“: the second part of a quote split by its attribution."""
    sp = last.speaker if last is not None else None
    return (
        last is not None
        and sp is not None
        and last.type == f.type == "direct"
        and last.end <= sp.start
        and sp.end <= f.start
        and f.start - last.end <= 80
    )


def _fill_backward(found: list[Found]) -> None:
    last: Found | None = None
    for f in found:
        free = f.speaker is None and f.inherit and (f.extra.get("lead") != "1" or _split(last, f))
        if free and last is not None and f.start - last.end <= INHERIT_CHARS:
            f.speaker, f.cue = last.speaker, None
            f.extra["inherited"] = "1"
        elif free and f.fallback is not None:
            f.speaker = f.fallback  # nobody to continue: the previous sentence's subject
        if f.speaker is not None:
            last = f


def to_quotes(text: str, found: list[Found], mentions: tuple[Mention, ...]) -> list[Quote]:
    out: list[Quote] = []
    history: list[Seen] = []
    for f in found:
        sp = f.speaker
        ref = sp
        if sp is not None and sp.pronoun and "medium_at" in f.extra:
            ref = replace(sp, start=min(sp.start, int(f.extra["medium_at"])))  # not the medium
        name, eid = (None, None) if ref is None else _name(text, ref, f.start, history, mentions)
        if sp is not None and name:
            gender = (
                _pronoun_gender(sp, history, name) if sp.pronoun else _np_gender(text, sp, mentions)
            )
            # the speaker stays the topic to the end of their words (and their own mention)
            seen = max(f.end, sp.end)
            history.append((seen, name, None if sp.pronoun else sp.role, gender))
        out.append(
            Quote(
                start=f.start,
                end=f.end,
                text=text[f.start : f.end],
                type=f.type,
                cue=with_auxiliary(text, f),
                speaker_text=None if sp is None else sp.text,
                speaker_start=None if sp is None else sp.start,
                speaker_end=None if sp is None else sp.end,
                speaker_entity_id=eid,
                addressee=_addressee(text, f),
                speaker_name=name,
                medium=f.extra.get("medium"),
            )
        )
    return out


def _name(
    text: str,
    sp: SpeakerNP,
    pos: int,
    history: list[Seen],
    mentions: tuple[Mention, ...],
) -> tuple[str | None, str | None]:
    ment = head_mention(text, sp.start, sp.end, mentions) if mentions else None
    if ment is not None and not sp.pronoun:
        return whole_word(text, name_of(ment), ment), ment.entity_id
    if sp.pronoun:
        return _recent_person(text, pos, history, mentions, sp)
    if sp.name:
        return _expand(text, sp.name, sp.start), None
    if sp.role and ROLE_SUFFIX.search(sp.role):
        if sp.text.split()[0].lower() in _INDEFINITE:
            return None, None  # "ein Sprecher des Kreml": someone new, not the last spokesman
        ment = by_role(sp.role, mentions, sp.start) if mentions else None
        if ment is not None:
            return name_of(ment), ment.entity_id
        head = sp.role.lower()[-6:]
        for _, name, role, _g in reversed(history):
            if role and role.lower().endswith(head):
                return name, None
        found = _role_in_text(text, sp.role, sp.start)
        definite = sp.text.split()[0].lower() in _DEFINITE
        if found is None and definite:
            found = _person_in_sentence(text, sp.start, mentions)
        if found is None and definite:
            found = _last_person(text, sp, pos, history, mentions)
        return found, None
    return None, None


def _last_person(
    text: str, sp: SpeakerNP, pos: int, history: list[Seen], mentions: tuple[Mention, ...]
) -> str | None:
    """ "sagte der nordkoreanische Führer" after Kim's words: a definite role refers to the
    last speaker when that is a person of the role's gender ("die Ministerin" skips Hans
    Meier); a speaker of unknown gender counts when named by first and last name."""
    if not history or pos - history[-1][0] > INHERIT_CHARS * 2:
        return None
    want = np_gender(sp.text)
    _, name, _, gender = history[-1]
    if _not_a_person(name, mentions):
        return None  # "die Nachrichtenagentur TASS" is no "Staatschef"
    if gender in {"m", "f"}:
        return name if want not in {"m", "f"} or want == gender else None
    if gender is None and want in {"m", "f"} and _full_name(name, mentions):
        return name
    return None


def _full_name(name: str, mentions: tuple[Mention, ...]) -> bool:
    """A personal name of two or more capitalised words, or a PER mention's name."""
    if any(name_of(m) == name and m.type == "PER" for m in mentions):
        return True
    parts = name.split()
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts)


def _person_in_sentence(text: str, at: int, mentions: tuple[Mention, ...]) -> str | None:
    """ "Als Kim … begrüßt wurde, sagte der nordkoreanische Staatschef": a definite role
    refers to the person named earlier in its own sentence."""
    start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
    people = [m for m in mentions if m.type == "PER" and start <= m.start and m.end <= at]
    return name_of(people[-1]) if people else None


def _not_a_person(name: str, mentions: tuple[Mention, ...]) -> bool:
    return any(name_of(m) == name and m.type in {"ORG", "LOC"} for m in mentions)


_DEFINITE = frozenset(["der", "die", "des", "dem", "den", "the"])  # "ein Sprecher": someone new
_INDEFINITE = frozenset(["ein", "eine", "einer", "eines", "einem", "einen", "a", "an"])


_NAMES_BEFORE = re.compile(r"(?:[A-ZÄÖÜ][\w'’-]+\s){1,3}$")


def _expand(text: str, name: str, before: int) -> str:
    """The fullest earlier spelling ending in `name` ("Peskow" -> "Dmitri Peskow")."""
    if " " in name:
        return name
    best = name
    limit = before + len(name)
    i = text.find(name, 0, limit)
    while i != -1:
        end = i + len(name)
        m = _NAMES_BEFORE.search(text, max(0, i - 120), i)
        if m and not (end < len(text) and (text[end].isalnum() or text[end] == "_")):
            words = m.group().split()
            while words and (words[0] in FUNCTION_CAPS or ROLE_SUFFIX.search(words[0])):
                words = words[1:]
            cand = " ".join([*words, name])
            if len(cand) > len(best) and all(w[:1].isupper() for w in words):
                best = cand
        i = text.find(name, i + 1, limit)
    return best


def _role_in_text(text: str, role: str, before: int) -> str | None:
    """ "der Kremlsprecher" -> the name following an earlier "Kremlsprecher Dmitri Peskow"."""
    pat = re.escape(role) + r"\s+([A-ZÄÖÜ][\w'’-]+(?:\s[A-ZÄÖÜ][\w'’-]+){1,2})"
    m = re.search(pat, text[:before])
    return m.group(1).strip() if m else None


def _addressee(text: str, f: Found) -> str | None:
    if f.speaker is None:
        return None
    lo = max(0, min(f.speaker.start, f.end) - 60)
    hi = min(len(text), max(f.speaker.end, f.start) + 60)
    region = text[lo:hi] if f.speaker.end <= f.start or f.speaker.start >= f.end else ""
    m = _ADDRESSEE.search(region)
    if m is None:
        return None
    return (m.group(2) or m.group(3) or "").strip() or None
