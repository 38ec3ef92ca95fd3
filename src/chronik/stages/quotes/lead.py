"""The subject of a clause without a cue verb, and what kind of noun phrase can speak.

A colon lead ("Hier sparte der Bundespräsident nicht mit Kritik: „…“") or the reporting
sentence before free indirect speech names its speaker as the clause's first person-like
noun phrase outside prepositional phrases. `subjects` (cue verbs) and `sources`
(impersonal cues) build on these word lists and tests.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.cues import DETERMINERS, PRONOUNS, words
from chronik.stages.quotes.mood import finite_verb
from chronik.stages.quotes.speakers import (
    _PREPS,
    _TIME,
    SpeakerNP,
    _adj_at,
    _is_cap,
    _tokens,
    np_after,
)

# adverbs that may sit between a finite verb and its subject ("sagte gestern ein Sprecher")
ADVERBS = words(
    "gestern heute jedoch auch nun zudem bereits dann weiter außerdem dagegen hingegen "
    "allerdings indes ebenfalls selbst offen später zuvor damals erneut noch schon nochmals "
    "ausdrücklich offenbar zunächst zuletzt abschließend wiederholt mehrfach stets immer "
    "jetzt inzwischen mittlerweile kürzlich vorher anschließend gleichzeitig zugleich "
    "ferner sogar lediglich nur daher deshalb also aber denn doch ja wohl dazu"
)


_OBLIQUE = words(
    "dem den einem einen ihm ihn ihnen uns euch mir mich dir dich gegenüber "
    "reportern journalisten medien"
)


_INSTITUTION = re.compile(  # head nouns, also as compound tails ("Bundespolizei")
    r"(?i:amt|Polizei|Regierung|Behörden?|Ministerium|Gericht|Richter|Staat|Parlament|Medien|"
    r"Partei|Verband|Rat|Kommission|Armee|Militär|Gewerkschaft|Unternehmen|Konzern|Bank|"
    r"Staaten|Verwaltung|Senat|Ausschuss|Opposition|Kritiker|Experten|Gutachter|Betreiber|"
    r"Verantwortlichen|Quellen|Organisationen|Zeitung|Agentur|Rundfunk|Sender|Fraktion|"
    r"Bürger|Anwohner|Ärzte|Forscher|Wissenschaftler|Ermittler|Staatsanwaltschaft|Anwalt|"
    r"Gemeinde|Stadt|Land|Länder|Union|Liga|Verein|Bundesregierung|Stiftung|Institut|"
    r"Beobachter|Analysten|Fachleute|Ökonomen|Meteorologen|Dienst)$"
)


def _institution(np_text: str) -> bool:
    """A described collective speaker ("die Polizei", "Die Verantwortlichen des Amtes")."""
    return any(w[:1].isupper() and _INSTITUTION.search(w) for w in np_text.split())


def is_person_like(sp: SpeakerNP | None) -> bool:
    return sp is not None and (sp.pronoun or bool(sp.name) or bool(sp.role))


_CLAUSE_OPENERS = words(
    "und aber doch denn so wie als auch zudem außerdem dann nun jedoch dabei dazu "
    "später weiter zuvor ebenso ebenfalls anschließend daraufhin"
)


def lead_subject(text: str, lo: int, hi: int) -> SpeakerNP | None:
    """The first person-like noun phrase of a clause outside prepositional phrases.

    For a lead without a cue verb ("Hier sparte der Bundespräsident nicht mit Kritik: „…“")
    and for the reporting sentence before free indirect speech.
    """
    toks = _tokens(text, lo, min(hi, lo + 400))
    fallback: SpeakerNP | None = None
    i = 0
    while i < len(toks):
        low = toks[i][2].lower()
        if low in _PREPS or low in _OBLIQUE:
            i = _skip_np(toks, i + 1)
            continue
        if low == "(":  # "Angela Merkel (CDU)": an affiliation, never the subject
            i = next((k + 1 for k in range(i, min(i + 8, len(toks))) if toks[k][2] == ")"), i + 1)
            continue
        if low in PRONOUNS or _is_cap(toks[i][2]) or low in DETERMINERS:
            sp = np_after(text, toks[i][0], hi)
            if sp is not None and _TIME.search(sp.text.split()[-1]) and not sp.pronoun:
                i = _skip_to(toks, i, sp.end)  # "am 15. April": a time, never a speaker
                continue
            if sp is not None and _fronted_object(text, sp, hi):
                i = _skip_to(toks, i, sp.end)  # "Lange wollte ich …": not the subject
                continue
            if sp is not None:
                if is_person_like(sp) or _subject_first(text, lo, sp, toks, i):
                    return sp
                if fallback is None and low not in _POSSESSIVE_OBJ:
                    fallback = sp
                i = _skip_to(toks, i, sp.end)
                continue
        i += 1
    return fallback


_POSSESSIVE_OBJ = frozenset(["des", "eines", "einer"])


_AFTER_VERB = re.compile(r"\s+([a-zäöüß]+)\s+(?:ich|du|er|wir|man)\b")


def _fronted_object(text: str, sp: SpeakerNP, hi: int) -> bool:
    """A fronted word followed by verb and a nominative pronoun is no subject (V2:
    "Linkisch klemmt er sich …", "Lange wollte ich …")."""
    m = None if sp.pronoun else _AFTER_VERB.match(text, sp.end, hi)
    return m is not None and m.group(1) not in _CLAUSE_OPENERS and finite_verb(m.group(1))


def _subject_first(
    text: str, lo: int, sp: SpeakerNP, toks: list[tuple[int, int, str]], i: int
) -> bool:
    """A collective opening its clause right before the finite verb is the subject
    ("Das Robert-Koch-Institut sieht …"), even though it is no name."""
    if i != 0 or not _institution(sp.text):
        return False
    k = _skip_to(toks, i, sp.end)
    nxt = toks[k][2] if k < len(toks) else ""
    return nxt.islower() and nxt not in DETERMINERS and nxt not in _PREPS


def _skip_np(toks: list[tuple[int, int, str]], i: int) -> int:
    """Past a noun phrase and its coordinated partners ("mit A und B"): all in the PP."""
    while True:
        while i < len(toks) and (
            toks[i][2].lower() in DETERMINERS or _pre_noun_adj(toks, i) or _is_cap(toks[i][2])
        ):
            i += 1
        if i + 1 < len(toks) and toks[i][2] in _COORD and _is_cap(toks[i + 1][2]):
            i += 1
            continue
        return i


def _pre_noun_adj(toks: list[tuple[int, int, str]], i: int) -> bool:
    """An attributive adjective, not a past tense verb with the same ending right after a
    noun ("Bei seinen Gesprächen verteidigte Kerry …"; but "von X fahrlässige Tötung")."""
    if not _adj_at(toks, i):
        return False
    return not (i and _is_cap(toks[i - 1][2]) and finite_verb(toks[i][2]))


_COORD = frozenset(["und", "sowie", "oder", ","])


def _skip_to(toks: list[tuple[int, int, str]], i: int, end: int) -> int:
    while i < len(toks) and toks[i][0] < end:
        i += 1
    return i
