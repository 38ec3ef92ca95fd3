"""Which noun phrase is the subject of a cue verb (German V2 and verb-final clauses).

German puts the finite verb second: the subject is the first constituent ("Peskow sagte") or
follows the verb when something else was fronted ("Am Montag sagte Peskow", "Gegenüber
Spiegel Online berichtete Michael Gordon"). These helpers pick between the noun phrases that
`speakers` reads on either side of a cue. A clause without a cue verb is `lead`'s job, an
impersonal cue ("hieß es") `sources`'.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.cues import words
from chronik.stages.quotes.lead import (
    _CLAUSE_OPENERS,
    _OBLIQUE,
    ADVERBS,
    _institution,
    is_person_like,
    lead_subject,
)
from chronik.stages.quotes.mood import finite_verb
from chronik.stages.quotes.speakers import (
    _PREPS,
    _TIME,
    ENTITY_SPANS,
    SpeakerNP,
    _back_np,
    _make,
    _tokens,
    np_after,
    np_before,
)

_NOT_NOMINATIVE = words("dem den einem einen ihm ihn ihnen uns euch mir mich dir dich")


def subject_after(text: str, pos: int, limit: int) -> SpeakerNP | None:
    """The subject right after a finite verb, past adverbs ("bestätigte gestern der Sprecher").

    Dative/accusative noun phrases ("teilte dem Sender mit") and time phrases are no subjects.
    """
    toks = _tokens(text, pos, min(limit, pos + 200))[:12]
    i = 0
    reflexive = text[max(0, pos - 8) : pos].rstrip().endswith(("äußerte", "äußert", "äußerten"))
    while i < len(toks) and (toks[i][2].lower() in ADVERBS or (reflexive and toks[i][2] == "sich")):
        i += 1  # "äußerte sich gestern der Sprecher": reflexive and adverbs sit before it
    if i >= len(toks) or toks[i][2].lower() in _OBLIQUE or toks[i][2].lower() in _PREPS:
        return None
    sp = np_after(text, toks[i][0], limit)
    if sp is None or (not sp.pronoun and _TIME.search(sp.text.split()[-1])):
        return None
    return sp


_PERFECT_AUX = re.compile(r"\b(?:hat|hatte|haben|hatten)\b")


def aux_before(text: str, s: int, cue_start: int) -> tuple[int, int] | None:
    """The perfect auxiliary of a participle cue in the same clause ("Rice hat heute …
    erklärt"): its subject is the cue's subject."""
    clause = max(s, *(text.rfind(c, s, cue_start) + 1 for c in ",;:"))
    found = list(_PERFECT_AUX.finditer(text, clause, cue_start))
    return (found[-1].start(), found[-1].end()) if found else None


def subject_around(text: str, s: int, cue_start: int, cue_end: int, limit: int) -> SpeakerNP | None:
    """The subject of a finite cue verb in a German V2 / verb-final clause.

    Before the verb when the noun phrase there is person-like and touches it (only commas
    or adverbs between: "Lars Beringer, sagte", "Die Kanadier hingegen sagen"); otherwise the
    noun phrase after it ("Gegenüber Spiegel Online berichtete Michael Gordon").
    """
    rel = relative_subject(text, s, cue_start) or pronoun_subject(text, s, cue_start)
    rel = rel or coordinated_subject(text, s, cue_start)
    if rel is not None:
        return rel
    before = _before_skipping_adverbs(text, s, skip_relative(text, s, cue_start))
    if before is not None and before.text.split()[0].lower() in _NOT_NOMINATIVE:
        before = None  # "Apple ist von dem Problem informiert und betont": no nominative
    after = subject_after(text, cue_end, limit) or _inside_phrase(text, cue_start, cue_end)
    fronted = before is not None and _fronted(text, s, before.start)
    quoting = text[cue_start:cue_end].startswith("zitier")  # "Reuters zitiert X mit …"
    if quoting and _quoted_thing(after):
        after = None  # "zitierte ein Sprichwort": what is quoted, not who quotes
    if fronted and after is not None and _plural_verb_single_name(text, before, cue_start):
        return after  # "Lange vermuteten Forscher, …": a plural verb, no singular name
    if fronted and (is_person_like(before) or not is_person_like(after) or quoting):
        return before
    if fronted and after is not None and not after.pronoun and _entity_np(before):
        return before  # "Die USA werfen Nordkorea vor": V2, the fronted country speaks
    if after is not None and (is_person_like(after) or before is None):
        return after
    return before or after


_REL_CLAUSE = re.compile(
    r",\s*(?:der|die|das|welcher|welche|welches|dem|den|deren|dessen)\s"
    r"[^,;:„“\"»«]{3,120}\s[a-zäöüß]+,\s*$"
)


def skip_relative(text: str, s: int, cue_start: int) -> int:
    """ "Gutachter …, die die Maschine untersuchten, gehen von … aus": a verb-final relative
    clause between subject and cue belongs to the subject; read the subject before it."""
    m = _REL_CLAUSE.search(text, max(s, cue_start - 160), cue_start)
    return m.start() if m else cue_start


def _quoted_thing(sp: SpeakerNP | None) -> bool:
    """An indefinite noun phrase without a name or role ("ein koreanisches Sprichwort")."""
    return (
        sp is not None
        and not is_person_like(sp)
        and sp.text.split()[0].lower() in {"ein", "eine", "einen", "einem"}
    )


def _entity_np(sp: SpeakerNP | None) -> bool:
    """A noun phrase holding a named person, organisation or place (a country speaks)."""
    return sp is not None and any(
        t in {"PER", "ORG", "LOC"} and a < sp.end and sp.start < b for a, b, t in ENTITY_SPANS.get()
    )


def _plural_verb_single_name(text: str, sp: SpeakerNP | None, cue_start: int) -> bool:
    """A one-word name cannot be the subject of a plural verb."""
    if sp is None or sp.pronoun or sp.role or " " in sp.text.strip():
        return False
    verb = re.match(r"\w+", text[cue_start:])
    return verb is not None and verb.group().endswith(("ten", "ierten", "gaben", "wiesen"))


def _inside_phrase(text: str, cue_start: int, cue_end: int) -> SpeakerNP | None:
    """The subject inside a phrase cue: "zeigte sich Kerry optimistisch"."""
    k = text.find(" sich ", cue_start, cue_end)
    return None if k < 0 else subject_after(text, k + 6, cue_end)


_RELATIVE = re.compile(r",\s*(der|die|das|welcher|welche|welches)\s+((?:[a-zäöüß]+\s+){0,3})$")


def relative_subject(text: str, s: int, cue_start: int) -> SpeakerNP | None:
    """ "Ägypten, das vorschlug, …": the relative pronoun speaks; its name is the antecedent's."""
    m = _RELATIVE.search(text, max(s, cue_start - 80), cue_start)
    if m is None or not all(w in ADVERBS for w in m.group(2).split()):
        m = _relative_verb_final(text, s, cue_start)
    if m is None:
        return None
    head = _back_np(_tokens(text, max(s, m.start() - 200), m.start())) or []
    cut = [k for k, t in enumerate(head) if t[2] in {"von", "vom"}]
    head = head[cut[-1] + 1 :] if cut else head  # "Sitzung von Ägypten, das": Ägypten
    ante = _make(text, head) if head else None  # may sit in a PP: "von Ägypten, das …"
    if ante is None or ante.pronoun:
        return None
    name = ante.name or ante.text
    return SpeakerNP(m.start(1), m.end(1), m.group(1), name, role=ante.role)


_AND_VERB = re.compile(r"\b(?:und|sowie)\s+((?:[a-zäöüß]+\s+){0,2})$")


_QUOTE_CLOSE = re.compile(r"[“”\"«»]\s*,")


def coordinated_subject(text: str, s: int, cue_start: int) -> SpeakerNP | None:
    """ "X lehnte den Plan ab und bezeichnete ihn als …", "X sprach von … und forderte die
    Regierung auf, …": a finite cue right after "und" (adverbs aside) opens a second
    conjunct without a subject of its own; it shares the first conjunct's subject, and the
    noun phrase after the verb is its object."""
    m = _AND_VERB.search(text, max(s, cue_start - 40), cue_start)
    if m is None or not all(w in ADVERBS for w in m.group(1).split()):
        return None
    verb = re.match(r"\w+", text[cue_start : cue_start + 30])
    if verb is None or not finite_verb(verb.group()):
        return None  # "hat … gelobt und erklärt": a participle (`_shared_aux_subject`)
    closes = list(_QUOTE_CLOSE.finditer(text, s, m.start()))
    lo = closes[-1].end() if closes else s  # "„…“, sagte X und fügte hinzu": after the quote
    sp = lead_subject(text, lo, m.start())
    if sp is None or not (is_person_like(sp) or _institution(sp.text)):
        return None
    return sp if sp.text.split()[0].lower() not in _NOT_NOMINATIVE else None


_RELATIVE_LONG = re.compile(
    r",\s*(der|die|das|welcher|welche|welches)\s+(?=(?:[a-zäöüß]+)\b)([^,;:.!?„“”\"»«()]{3,120})$"
)


_CLAUSE_END = re.compile(r"\w+(?:\s+(?:an|aus|mit|zu|hinzu|fest|ab|vor))?\s*(?:[,:]|$)")


def _relative_verb_final(text: str, s: int, cue_start: int) -> re.Match[str] | None:
    """ "…, der in einer ersten Rede vor dem Rat betonte, …": a relative clause opened by a
    preposition or adverb (so the pronoun is no article) whose cue closes it; a personal
    pronoun inside it would be its subject instead ("…, die er betonte")."""
    m = _RELATIVE_LONG.search(text, max(s, cue_start - 160), cue_start)
    if m is None or not _CLAUSE_END.match(text, cue_start):
        return None
    first = m.group(2).split()[0]
    if first not in _PREPS and first not in ADVERBS:
        return None
    return None if set(m.group(2).split()) & _NOMINATIVE_PRONOUNS else m


_NOMINATIVE_PRONOUNS = words("er sie es wir ich man")


_SUBORDINATE_PRONOUN = re.compile(
    r"\b(?:indem|dass|weil|als|nachdem|wobei|während|da|ob|wenn|bevor|obwohl)\s+"
    r"(er|sie)\b[^,;:.!?„“\"»«]*$"
)


def pronoun_subject(text: str, s: int, cue_start: int) -> SpeakerNP | None:
    """ "…, indem er eigene Bedingungen vorschlug": in a verb-final clause the pronoun right
    after the conjunction is the subject, not the object noun phrase next to the verb."""
    m = _SUBORDINATE_PRONOUN.search(text, max(s, cue_start - 150), cue_start)
    if m is None:
        return None
    return SpeakerNP(m.start(1), m.end(1), m.group(1), None, pronoun=True)


def _fronted(text: str, s: int, start: int) -> bool:
    """Only a conjunction or sentence adverb precedes `start` in its clause (V2 first slot)."""
    head = text[s:start]
    cut = max(head.rfind(c) for c in ",;:–")
    words = re.findall(r"\w+", head[cut + 1 :])
    return all(w.lower() in _CLAUSE_OPENERS for w in words)


def _before_skipping_adverbs(text: str, s: int, cue_start: int) -> SpeakerNP | None:
    toks = _tokens(text, s, cue_start)
    k = len(toks)
    while k > 0 and (toks[k - 1][2].lower() in ADVERBS or toks[k - 1][2] == ","):
        k -= 1
    k = _before_parenthesis(toks, k)
    if k == 0:
        return None
    end = toks[k - 1][1]
    if k < len(toks) and toks[k][2] == ",":
        end = toks[k][1]  # keep the apposition comma for np_before
    sp = np_before(text, end, s)
    if sp is None:
        return None
    return sp if not _TIME.search(sp.text.split()[-1]) or sp.pronoun else None


def _before_parenthesis(toks: list[tuple[int, int, str]], k: int) -> int:
    """Skip a short trailing parenthesis: "Renate Schmidt (SPD) äußerte" -> "Renate Schmidt"."""
    if k < 3 or toks[k - 1][2] != ")":
        return k
    for j in range(k - 2, max(k - 7, -1), -1):
        if toks[j][2] == "(":
            return j
    return k


_UND_OBJECT = re.compile(r"\bund\s+[A-ZÄÖÜ][\w-]*(?:\s+[a-zäöüß]+)+\s*$")


def _shared_aux_subject(text: str, s: int, c0: int) -> SpeakerNP | None:
    """ "X hat … blockiert und Washington gleichzeitig beschuldigt, …": a clause-final
    participle after "und" shares the earlier auxiliary and subject; the name before it is
    its object (an adverb between name and verb rules out V2 "und Washington beschuldigt")."""
    clause = max(s, *(text.rfind(c, s, c0) + 1 for c in ",;:–"))
    m = _UND_OBJECT.search(text, clause, c0)
    verb = re.match(r"\w+", text[c0 : c0 + 40])
    if m is None or verb is None or not verb.group().endswith("t"):
        return None
    if not re.search(r"\b(?:hat|haben|hatte|hatten)\b", text[s : m.start()]):
        return None
    if not all(w in ADVERBS for w in text[m.start() : c0].split()[2:]):
        return None
    return lead_subject(text, s, m.start())
