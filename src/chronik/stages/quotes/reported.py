"""Reported speech: a speech or stance act told without its words.

"Müntefering sprach von einem Riesenerfolg", "Die Behörden werfen Luna Menschenhandel vor",
"Merkel bezeichnete den Plan als Fehler", "Das Parlament forderte die Rückgabe". The main
verb names the act and its object carries the content, so the whole clause is the quote
(the convention of the German Wikinews annotation: no separate cue, the speaker is the verb's
subject). Only sentences without a direct or indirect quote of their own are considered, and
the subject must be a named or described speaker (a person, an institution, a pronoun), so
"Die größte Gefahr geht von den Dämmen aus" stays prose.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.common import Found, strip_span
from chronik.stages.quotes.cues import words
from chronik.stages.quotes.speakers import SpeakerNP, np_after
from chronik.stages.quotes.subjects import (
    _before_skipping_adverbs,
    _fronted,
    _institution,
    lead_subject,
    subject_around,
)

# finite verb forms (3rd person, present and past) -> particles ("+ab": separable, closing
# the clause) or a preposition the clause needs ("" = none). Stems are kept few and
# frequent: precision matters more than reach.
_ACTS: dict[str, str] = {}


def _add(forms: str, need: str = "") -> None:
    for w in forms.split():
        _ACTS[w] = need


_add("sprach sprachen spricht sprechen", "von +aus")
_add("berichtete berichteten berichtet berichten", "von")
_add("warf warfen wirft werfen", "+vor")
_add("lehnte lehnten lehnt lehnen", "+ab")
_add("gab gaben gibt geben", "+bekannt +an +zu")
_add("verwies verwiesen verweist verweisen", "auf")
_add("wies wiesen weist weisen", "+hin +zurück")
_add("ging gingen geht gehen", "+aus")
_add("bezeichnete bezeichneten bezeichnet bezeichnen", "als")
_add("betrachtete betrachteten betrachtet betrachten", "als")
_add("verglich verglichen vergleicht vergleichen", "mit")
_add("appellierte appellierten appelliert appellieren", "an")
_add("rief riefen ruft rufen", "+auf")
_add("kündigte kündigten kündigt kündigen", "+an")
_add("bat baten bittet bitten", "um")
_add("stritt stritten streitet streiten", "+ab")
_add(
    "forderte forderten fordert fordern kritisierte kritisierten kritisiert kritisieren "
    "würdigte würdigten würdigt würdigen lobte lobten lobt loben begrüßte begrüßten begrüßt "
    "begrüßen warnte warnten warnt warnen "
    "dementierte dementierten dementiert dementieren bemängelte bemängelten bemängelt "
    "beklagte beklagten beklagt beklagen bestritt bestritten bestreitet bestreiten "
    "attackierte attackierten attackiert verlangte verlangten verlangt verlangen "
    "beschuldigte beschuldigten beschuldigt beschuldigen bestätigte bestätigten bestätigt "
    "bestätigen erwarten erwarteten befürchtet befürchten befürchtete "
    "befürchteten bekräftigte bekräftigten bekräftigt bekräftigen"
)
# general speech-act verbs (not read off the benchmark): threats, protests, pleas, promises,
# proposals, assurances and announcements name an act of speech whose words are not given
_add("drohte drohten droht drohen", "mit")
_add("protestierte protestierten protestiert protestieren", "gegen")
_add("plädierte plädierten plädiert plädieren", "für")
_add("schlug schlugen schlägt schlagen", "+vor")
_add("räumte räumten räumt räumen", "+ein")
_add("stellte stellten stellt stellen", "+klar")
_add("beschwerte beschwerten beschwert beschweren", "über")
_add("begründete begründeten begründet begründen", "mit")
_add("erklärte erklärten erklärt erklären", "für")
_add("teilte teilten teilt teilen", "+mit")
_add("sagte sagten sagt sagen", "+zu")
_add(
    "versprach versprachen verspricht versprechen betonte betonten betont betonen "
    "unterstrich unterstrichen unterstreicht unterstreichen beteuerte beteuerten beteuert "
    "beteuern versicherte versicherten versichert versichern verkündete verkündeten "
    "verkündet verkünden behauptete behaupteten behauptet behaupten mahnte mahnten mahnt "
    "mahnen leugnete leugneten leugnet leugnen"
)
_NOT_AFTER = words("sich es")  # "bestätigt sich", "gibt es": no speech act
# verbs with a frequent non-speech sense need a person-like or institutional subject
_AMBIGUOUS = words("ging gingen geht gehen erwarten erwarteten")
_TOKEN = re.compile(r"\w+(?:-\w+)*")
MIN_WORDS = 4


def reported(text: str, s: int, e: int) -> Found | None:
    """The sentence as reported speech when its main verb is a speech act with a speaker."""
    for m in _TOKEN.finditer(text, s, e):
        need = _ACTS.get(m.group())
        if need is None:
            continue
        tail = text[m.end() : e]
        if _AUX_AFTER.match(tail):
            continue  # "…, der verurteilt worden war": a participle in a subordinate clause
        if tail.lstrip().split(None, 1)[:1] and tail.split(None, 1)[0] in _NOT_AFTER:
            return None
        if need and not any(_has_particle(text, s, m.start(), m.end(), e, n) for n in need.split()):
            continue
        sp = _speaker(text, s, m.start(), m.end(), e, m.group() in _AMBIGUOUS)
        if sp is None:
            return None  # the first speech verb decides: a later one is rarely the main verb
        q0, q1 = strip_span(text, s, e)
        if len(text[q0:q1].split()) < MIN_WORDS or _empty_act(text, q0, q1, sp, m.span()):
            return None
        found = Found(q0, q1, "reported", speaker=sp)
        found.extra["act"] = m.group()
        return found
    return None


_NEGATION = re.compile(r"\b(?:nicht|nie|niemals)\b")


def _empty_act(text: str, q0: int, q1: int, sp: SpeakerNP, verb: tuple[int, int]) -> bool:
    """No speech act told: nothing beside speaker and verb ("Max Foster von CNN berichtet")
    or a negated one ("… bestätigten diese Details nicht sofort")."""
    a, b = sorted([(sp.start, sp.end), verb])
    rest = " ".join([text[q0 : a[0]], text[a[1] : b[0]], text[b[1] : q1]])
    if len(_TOKEN.findall(rest)) < 2:
        return True
    return bool(_NEGATION.search(text, verb[1], q1)) and "," not in text[verb[1] : q1]


def _has_particle(text: str, s: int, v0: int, v1: int, e: int, need: str) -> bool:
    """A separable particle closes its clause ("gab … bekannt,"); a preposition follows the
    verb ("sprach dennoch von …") or, for a clause-final verb, precedes it ("… als
    unrealistisch bezeichnet")."""
    tail = text[v1:e]
    if need.startswith("+"):
        return bool(re.search(rf"\b{need[1:]}\s*(?:[,.;:!?)–]|$)", tail))
    if re.search(rf"\b{need}\b", tail):
        return True
    return bool(re.match(r"\s*(?:[,.;:!?)–]|$)", tail)) and bool(
        re.search(rf"\b{need}\b", text[s:v0])
    )


_AUX = re.compile(r"\b(?:(hat|hatte|haben|hatten)|(wurde|wurden|wird|werden|worden))\b")
_AUX_AFTER = re.compile(r"\s+(?:worden|wurde|wurden|war|waren|ist|sind|hat|hatte|habe|werden)\b")
_AGENT = re.compile(r"\b(?:von|vom)\s+")


def _speaker(text: str, s: int, v0: int, v1: int, e: int, strict: bool) -> SpeakerNP | None:
    """The subject of the act; for a participle after an auxiliary, the subject of the
    auxiliary ("Küng hatte … kritisiert") or the passive agent ("wurde von X begrüßt")."""
    clause_start = max(s, *(text.rfind(c, s, v0) + 1 for c in ",;:"))
    aux = list(_AUX.finditer(text, clause_start, v0))
    if not aux:
        return _subject(text, s, v0, v1, e, strict)
    a = aux[-1]
    if a.group(1) or (a.group() in {"wird", "werden"} and _infinitive(text[v0:v1])):
        return _subject(text, s, a.start(), a.end(), e, strict)  # perfect or future
    agent = _AGENT.search(text, a.end(), v0)
    return np_after(text, agent.end(), v0) if agent else None


_TEN_INFINITIVES = words("berichten betrachten bitten streiten bestreiten erwarten")


def _infinitive(verb: str) -> bool:
    """ "wird … sprechen": a future with the act's infinitive, whose subject is the
    auxiliary's, not a passive ("wird … begrüßt") with an agent."""
    if verb in _TEN_INFINITIVES:
        return True
    return verb.endswith(("en", "rn")) and not verb.endswith("ten") and not verb.startswith("ge")


def _subject(text: str, s: int, v0: int, v1: int, e: int, strict: bool) -> SpeakerNP | None:
    sp = subject_around(text, s, v0, v1, e)
    before = _before_skipping_adverbs(text, s, v0)
    if (
        sp is not None
        and before is not None
        and sp.start > v0
        and not sp.pronoun
        and _fronted(text, s, before.start)
        and _institution(before.text)
    ):
        sp = before  # "Die Behörden werfen Luna Betrug vor": the fronted collective speaks
    if sp is None and re.search(r"\bund\s+$", text[s:v0]):
        sp = lead_subject(text, s, v0)  # "X möchte …, nimmt … und warnt vor …": X
    if sp is None or (sp.text.split()[0].lower() in _OBJECT_CASE and not sp.pronoun):
        return None  # "Den Piloten erwartet …": an object, not the speaker
    if strict and not (sp.pronoun or sp.name or sp.role or _institution(sp.text)):
        return None
    return sp


_OBJECT_CASE = words("den dem einem einen")
