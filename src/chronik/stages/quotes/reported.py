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
from chronik.stages.quotes.frames import quote_kind
from chronik.stages.quotes.lead import _institution, lead_subject
from chronik.stages.quotes.sources import source_before
from chronik.stages.quotes.speakers import SpeakerNP, np_after
from chronik.stages.quotes.subjects import _before_skipping_adverbs, _fronted, subject_around

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
# stated views and expectations with their object ("sieht darin einen Beweis", "hält den
# Plan für falsch", "rechnet mit Staus", "vermutet Brandstiftung")
_add("sieht sah sehen sahen", "als darin")
_add("hält hielt halten hielten", "für")
_add("rechnet rechnete rechnen rechneten", "mit")
_add("vermutet vermutete vermuten vermuteten erwartet erwartete")
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
# participles after "hat/hatte" ("hat den Abzug angekündigt"): the particle is joined
_PARTICIPLES = words(
    "angekündigt bekanntgegeben abgelehnt vorgeworfen aufgerufen zurückgewiesen "
    "vorgeschlagen angedroht gefordert gelobt gewürdigt gewarnt dementiert angeordnet "
    "klargestellt gebeten gedroht hingewiesen gegeben"
)
_add(" ".join(sorted(_PARTICIPLES - words("gebeten gedroht hingewiesen gegeben"))))
_add("gebeten", "um")
_add("gedroht", "mit")
_add("hingewiesen", "auf")
_add("gegeben", "<bekannt")
_add("nannte nannten nennt nennen")
_add("ordnete ordneten ordnet", "+an")
_ACTS.update({w: "+auf +aus" for w in ("rief", "riefen", "ruft", "rufen")})
# "bestätigt sich", "gibt es", "geht es": no speech act; "beklagte sich über" is one
_NOT_AFTER = {
    "sich": words(
        "bestätigte bestätigten bestätigt bestätigen sprach sprachen spricht sprechen "
        "nannte nannten nennt nennen"
    ),
    "es": words("gab gaben gibt geben ging gingen geht gehen"),
    "man": words("nannte nannten nennt nennen"),
}
# verbs with a frequent non-speech sense need a person-like or institutional subject
_AMBIGUOUS = words(
    "ging gingen geht gehen erwarten erwarteten erwartet erwartete sieht sah sehen sahen "
    "hält hielt halten hielten rechnet rechnete rechnen rechneten vermutet vermutete "
    "bestätigte bestätigten bestätigt bestätigen"  # "Ein DNA-Test bestätigte …": no one
)
_TOKEN = re.compile(r"\w+(?:-\w+)*")
MIN_WORDS = 4


def reported(text: str, s: int, e: int) -> Found | None:
    """The sentence as reported speech when its main verb is a speech act with a speaker."""
    for m in _TOKEN.finditer(text, s, e):
        verdict = _act_verdict(text, s, e, m)
        if verdict == "skip":
            continue
        if verdict == "none":
            return None
        sp = _speaker(text, s, m.start(), m.end(), e, m.group() in _AMBIGUOUS)
        if sp is None:
            return None  # the first speech verb decides: a later one is rarely the main verb
        q0, q1 = strip_span(text, s, e)
        if len(text[q0:q1].split()) < MIN_WORDS or _empty_act(text, q0, q1, sp, m.span()):
            return None
        clause = _content_clause(text, m.group(), m.end(), e)
        if clause is not None:  # "warf X vor, Y bevorzugt zu haben": the clause says what
            last = text[: clause[0]].rstrip(" ,").rsplit(None, 1)[-1]
            cue = f"{m.group()} {last}" if last in _PARTICLES else m.group()  # "warf vor"
            return Found(*clause, quote_kind(text, *clause), cue=cue, speaker=sp)
        found = Found(q0, q1, "reported", speaker=sp)
        found.extra["act"] = m.group()
        return found
    return talk_of(text, s, e)


_TALK_OF = re.compile(r"\b(?:ist|war|sei|wäre)\b[^.;:]{0,80}?\bvon\b[^.;:]{3,160}\bdie\s+Rede\b")


def talk_of(text: str, s: int, e: int) -> Found | None:
    """ "In ersten Agenturmeldungen war von US-Bürgern die Rede": the idiom reports what a
    source said; the source is the phrase fronted before the verb."""
    m = _TALK_OF.search(text, s, e)
    if m is None:
        return None
    sp = source_before(text, s, m.start())
    if sp is None or not text[s : m.start()].strip():
        return None
    q0, q1 = strip_span(text, s, e)
    found = Found(q0, q1, "reported", cue=m.group().split()[0], speaker=sp)
    found.extra["act"] = "Rede"
    return found


def _act_verdict(text: str, s: int, e: int, m: re.Match[str]) -> str:
    """Whether token `m` is the sentence's speech act: "act", "skip" (look further) or
    "none" (no act in this sentence: "gibt es", "bestätigt sich")."""
    need = _ACTS.get(m.group())
    tail = text[m.end() : e]
    if need is None or text[max(s, m.start() - 4) : m.start()] in {"wie ", "Wie "}:
        return "skip"  # "wie erwartet", "wie vermutet": a comment, not an act
    if _AUX_AFTER.match(tail):
        return "skip"  # "…, der verurteilt worden war": a participle in a subordinate clause
    nxt = tail.split(None, 1)[0] if tail.strip() else ""
    if m.group() in _NOT_AFTER.get(nxt, ()):
        return "none"
    if m.group() in _PARTICIPLES and not _HAVE.search(text, s, m.start()):
        return "skip"  # "waren zur Wahl aufgerufen": a state, not an act
    if need and not any(_has_particle(text, s, m.start(), m.end(), e, n) for n in need.split()):
        return "skip"
    return "act"


# acts whose content may follow as a zu-infinitive or "dass" clause after a comma
_CLAUSE_ACTS = words(
    "warf warfen wirft werfen forderte forderten fordert fordern lehnte lehnten lehnt lehnen "
    "rief riefen ruft rufen appellierte appellierten appelliert appellieren warnte warnten "
    "warnt warnen bat baten bittet bitten drohte drohten droht drohen versprach versprachen "
    "verspricht versprechen verlangte verlangten verlangt verlangen schlug schlugen schlägt "
    "schlagen beschuldigte beschuldigten beschuldigt beschuldigen"
)
_PARTICLES = words("vor auf ab an zu ein")
_ZU_INF = re.compile(r"(?:\bzu\s+[a-zäöü]\w*|\b[a-zäöü]+zu[a-zäöü]+en)(?=\s*(?:,|$))")


def _content_clause(text: str, verb: str, v1: int, e: int) -> tuple[int, int] | None:
    """The zu-infinitive or "dass" clause after the act's object: "Die IAEA wirft dem Iran
    vor, Atomwaffen zu bauen" reports the content as an indirect quote."""
    if verb not in _CLAUSE_ACTS:
        return None
    comma = text.find(",", v1, e)
    if comma < 0 or len(text[v1:comma].split()) > 12:
        return None
    q0, q1 = strip_span(text, comma + 1, e)
    body = text[q0:q1]
    if len(body.split()) < 3 or not (body.startswith("dass ") or _ZU_INF.search(body)):
        return None
    return q0, q1


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
    if need.startswith("<"):  # "bekannt gegeben": the particle written apart, before
        return text[s:v0].rstrip().endswith(need[1:])
    if need.startswith("+"):
        return bool(re.search(rf"\b{need[1:]}\s*(?:[,.;:!?)–]|$)", tail))
    if re.search(rf"\b(?:da|dar)?{need}\b", tail):
        return True  # "protestierte dagegen": the pronominal adverb stands for the object
    head = text[s:v0]
    if re.match(rf"\s*(?:\w+\s+){{0,2}}(?:da|dar)?{need}\b", head, re.IGNORECASE):
        return True  # "Von der Lage berichtete X", "Dagegen protestierte X": fronted
    return bool(re.match(r"\s*(?:[,.;:!?)–]|$)", tail)) and bool(re.search(rf"\b{need}\b", head))


_HAVE = re.compile(r"\b(?:hat|hatte|haben|hatten|wurde|wurden|worden)\b")
_AUX = re.compile(r"\b(?:(hat|hatte|haben|hatten)|(wurde|wurden|wird|werden|worden))\b")
_AUX_AFTER = re.compile(r"\s+(?:worden|wurde|wurden|war|waren|ist|sind|hat|hatte|habe|werden)\b")
_CLAUSE_MARK = re.compile(r"[;:]|,(?!\d)")  # not the decimal comma of "61,4 Prozent"
_AGENT = re.compile(r"\b(?:von|vom)\s+")
_FRONT_AGENT = re.compile(r"\s*(?:[Vv]on|[Vv]om)\s+")


def _speaker(text: str, s: int, v0: int, v1: int, e: int, strict: bool) -> SpeakerNP | None:
    """The subject of the act; for a participle after an auxiliary, the subject of the
    auxiliary ("Küng hatte … kritisiert") or the passive agent ("wurde von X begrüßt")."""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, s, v0)]
    clause_start = marks[-1] if marks else s
    aux = list(_AUX.finditer(text, clause_start, v0))
    if not aux:
        return _subject(text, s, v0, v1, e, strict)
    a = aux[-1]
    if a.group(1) or (a.group() in {"wird", "werden"} and _infinitive(text[v0:v1])):
        return _subject(text, s, a.start(), a.end(), e, strict)  # perfect or future
    agent = _AGENT.search(text, a.end(), v0)
    if agent is not None:
        return np_after(text, agent.end(), v0)
    fronted = _FRONT_AGENT.match(text, clause_start)
    return np_after(text, fronted.end(), a.start()) if fronted else None  # "Von X wurde …"


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
        and (_institution(before.text) or not _head_speaks(sp))
    ):
        sp = before  # "Die Behörden werfen Luna Betrug vor": the fronted collective speaks
    if sp is None and re.search(r"\bund\s+$", text[s:v0]):
        sp = lead_subject(text, s, v0)  # "X möchte …, nimmt … und warnt vor …": X
    if sp is None or (sp.text.split()[0].lower() in _OBJECT_CASE and not sp.pronoun):
        return None  # "Den Piloten erwartet …": an object, not the speaker
    if sp.start > v0 and sp.text.split()[0].lower() in _POSSESSIVE and not _head_speaks(sp):
        return None  # "hat nun seine Rückkehr angekündigt": the object after the verb
    if strict and not (sp.pronoun or sp.name or sp.role or _institution(sp.text)):
        return None
    return sp


_OBJECT_CASE = words("den dem einem einen")
_POSSESSIVE = words("sein seine seinen seinem ihr ihre ihren ihrem unser unsere deren dessen")


def _head_speaks(sp: SpeakerNP) -> bool:
    """The noun phrase's head can speak: a name, a role or a collective ("die Regierung"),
    not a thing with a collective in its genitive ("die Auswechslung der Regierung")."""
    head = next((w for w in sp.text.split() if w[:1].isupper()), "")
    return bool(sp.name or sp.role) or _institution(head)


_HEARSAY = re.compile(
    r"\b(?:soll|sollen)\b[^,;:„“\"]*\b(?:haben|sein|worden|gewesen)\s*(?:[.,;!?]|$)"
)


def hearsay(text: str, s: int, e: int, since: int) -> Found | None:
    """ "Der Fahrer soll betrunken gewesen sein": "sollen" with a perfect infinitive tells
    what someone claims; right after a quote it continues that source's account."""
    if since > 2 or not _HEARSAY.search(text, s, e):
        return None
    q0, q1 = strip_span(text, s, e)
    if len(text[q0:q1].split()) < MIN_WORDS:
        return None
    return Found(q0, q1, "reported", inherit=True)
