"""Indirect, reported and according-to quotes, sentence by sentence.

Patterns (German first, English alike):
- cue first:  "Peskow sagte, Putin werde …" / "Zudem kündigte er an, …" / "X said (that) …"
- cue last:   "Der Schwerpunkt werde …, sagte Peskow." / "…, so Kremlsprecher Peskow."
- according:  "Laut TASS …", "Nach Angaben des JCS …", "US-Beamten zufolge …"
- free indirect: a Konjunktiv I sentence right after a quote continues that quote.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.according import according, for_person, wie_last
from chronik.stages.quotes.common import Found, find_cues, strip_span
from chronik.stages.quotes.cue_gates import (
    _CLAUSE_OPEN,
    _act_object,
    _closes_before_cue,
    _conditional,
    _names_as,
    _quoted_name,
)
from chronik.stages.quotes.cues import (
    ACCORDING_BEFORE,
    DETERMINERS,
    KONJ1,
    KONJ2,
    words,
)
from chronik.stages.quotes.frames import (
    colon_konjunktiv,
    disputed_claim,
    reason_frame,
    source_out_of,
)
from chronik.stages.quotes.frames import (
    quote_kind as _kind,
)
from chronik.stages.quotes.frames import (
    reported_clause as _reported_clause,
)
from chronik.stages.quotes.lead import lead_subject
from chronik.stages.quotes.mood import finite_verb, sentence_mood, word_mood
from chronik.stages.quotes.passive import became_known, is_passive, passive_source
from chronik.stages.quotes.reported import hearsay, reported
from chronik.stages.quotes.sources import mention_near, source_after, source_before
from chronik.stages.quotes.speakers import (
    _ADJ,
    _PREPS,
    TOKEN,
    np_after,
    np_before,
)
from chronik.stages.quotes.subjects import (
    _shared_aux_subject,
    aux_before,
    subject_after,
    subject_around,
)

MAX_GAP_TOKENS = 14
MAX_FOUND = 500  # between a leading cue and the comma that opens the reported clause
_WORD = re.compile(r"\w+")
_OPENERS = '„“"»«'
_REPORT_VERB = re.compile(
    r"\b(?:würdigte|lobte|kritisierte|warnte|forderte|begründete|bezeichnete|nannte|sprach|"
    r"streitet|stritt|wies|verwies|betonte|bekräftigte|zeigte sich|äußerte|beklagte|"
    r"bemängelte|verteidigte|appellierte|kündigte|reagierte|widersprach|lehnte|sieht|sah|"
    r"widerspricht|widersprechen|widersprachen|hält|hielt|halten|hielten)\b"
    # a stance stated without a speech verb: "Die Opposition ist dagegen."
    r"|\b(?:ist|sind|war|waren)\s+(?:\w+\s+)?(?:dagegen|dafür|skeptisch|besorgt|empört|"
    r"enttäuscht|zufrieden|überzeugt|zuversichtlich|optimistisch|verärgert|erleichtert|"
    r"anderer\s+(?:Meinung|Ansicht|Auffassung))\b"
)


def find_indirect(text: str, bounds: list[tuple[int, int]], lang: str | None) -> list[Found]:
    out: list[Found] = []
    prev_quoted = prev_report = -10
    for k, (s, e) in enumerate(bounds):
        if len(out) >= MAX_FOUND:
            break
        if e - s > 2000:
            continue  # no speech pattern spans a runaway "sentence"
        found = _sentence(text, s, e, lang)
        if found is None and not _attributed(out, bounds, k - 1):
            found = _this_said(text, bounds, k)  # unless the claim names its own source
        if found is None and lang in {"de", None}:
            found = _free(text, s, e, k - prev_quoted) or hearsay(text, s, e, k - prev_quoted)
            act = (
                reported(text, s, e) if found is not None and not _long_quoted(text, s, e) else None
            )
            if act is not None and act.speaker is not None and act.speaker.name:
                found = act  # "X möchte …, warnt vor …": X's own act, no one else's words
            if found is not None and found.type == "indirect" and prev_report == k - 1:
                found.speaker = lead_subject(text, *bounds[k - 1])

        if found is not None:
            out.append(found)
            prev_quoted = k
        else:
            act = None if _long_quoted(text, s, e) else reported(text, s, e)
            if act is not None:
                out.append(act)
            if act is not None or _mentions_quote(text, s, e):
                prev_quoted = k
            elif _reports(text, s, e):
                prev_quoted = prev_report = k
    return _merge_free(text, out)


def _free(text: str, s: int, e: int, since: int) -> Found | None:
    """A Konjunktiv sentence without a cue of its own continues the last speaker's words."""
    seg = text[s:e]
    if since > 3 or not any(c.isalpha() for c in seg[:200]) or re.search(r":\s*[„“\"»«]", seg):
        return None  # "…, antwortete Putin: „…“": the direct quote owns the sentence
    mood = sentence_mood(seg)
    if mood is None or (mood == "K2" and since > 1) or _indicative_main(text, s, e):
        return None
    s2, e2 = strip_span(text, s, e)
    found = Found(s2, e2, "indirect", inherit=True)
    found.extra["free"] = "1"
    return found


def _indicative_main(text: str, s: int, e: int) -> bool:
    """ "Die Universität hatte ihm den Titel aberkannt, weil er … verbreitet habe": a named
    subject with an indicative verb is the narrator's statement; only its subordinate clause
    is in Konjunktiv, so it continues no one's words."""
    if re.match(r"\s*Es\s+([a-zäöüß]+)\b", text[s:e]):
        word = text[s:e].split()[1]  # "Es bestehen Bedenken, dass … würden": no one speaks
        return finite_verb(word) and word_mood(word) is None
    sp = lead_subject(text, s, e)
    opener = text[s : sp.start].strip() if sp is not None else "x"
    if sp is None or sp.pronoun or (opener and opener.lower() not in {"doch", "aber"}):
        return False
    if not (sp.name or sp.role or opener):
        return False
    verb = _WORD.search(text, sp.end, e)
    word = verb.group() if verb is not None else ""
    return word.islower() and finite_verb(word) and word_mood(word) is None


def _reports(text: str, s: int, e: int) -> bool:
    """A sentence whose verb reports speech ("Lammert würdigte ...", "Der Iran streitet ab")."""
    return bool(find_cues(text, s, e)) or bool(_REPORT_VERB.search(text[s:e]))


def _merge_free(text: str, found: list[Found]) -> list[Found]:
    """Consecutive free-indirect sentences of one paragraph form one quote."""
    out: list[Found] = []
    for f in found:
        last = out[-1] if out else None
        gap = text[last.end : f.start] if last is not None else "\n"
        if last is not None and f.extra.get("free") and last.extra.get("free") and "\n" not in gap:
            last.end = f.end
            continue
        out.append(f)
    return out


_LONG_QUOTED = re.compile(r"[„“\"»«](?:\S+\s+){5,}?\S*[“”\"«»]")


def _long_quoted(text: str, s: int, e: int) -> bool:
    """A quoted stretch of 6+ words: the direct quote, not a reported act, owns the sentence."""
    return bool(_LONG_QUOTED.search(text, s, e))


def _mentions_quote(text: str, s: int, e: int) -> bool:
    """A sentence with a quote and a cue, or with a long direct quote of its own ("„Ich bin
    … aufgewachsen.“ Heute lebe sie in Berlin": the Konjunktiv continues that speaker)."""
    if not any(c in text[s:e] for c in _OPENERS):
        return False
    return bool(find_cues(text, s, e)) or _long_quoted(text, s, e)


def _attributed(out: list[Found], bounds: list[tuple[int, int]], k: int) -> bool:
    """Sentence k already holds a quote with a speaker of its own ("Wie aus X verlautete,
    …. Das berichtete Y": the claim is X's, Y only reports it)."""
    if k < 0 or not out:
        return False
    last = out[-1]
    return last.speaker is not None and bounds[k][0] <= last.start < bounds[k][1]


def _this_said(text: str, bounds: list[tuple[int, int]], k: int) -> Found | None:
    """ "<claim>. Dies bestätigte X": the previous sentence (and "Dies") is the quote."""
    s, e = bounds[k]
    m = re.match(r"\s*(Dies|Das)\s+", text[s:e])
    if m is None or k == 0:
        return None
    cues = find_cues(text, s + m.end(), e)
    if not cues or cues[0].start != s + m.end():
        return None
    sp = subject_after(text, cues[0].end, e)
    if sp is None:
        return None
    q0 = strip_span(text, bounds[k - 1][0], bounds[k - 1][1])[0]
    prev = text[q0 : bounds[k - 1][1]].rstrip()
    if prev[:1] in _OPENERS and prev[-1:] in '“”"«»':
        return None  # „…“ Dies sagte X: the direct quote takes the speaker (`direct`)
    return Found(q0, s + m.start(1) + len(m.group(1)), "indirect", cue=cues[0].text, speaker=sp)


def _sentence(text: str, s: int, e: int, lang: str | None) -> Found | None:
    stripped = text[s:e].strip()
    if stripped[:1] in _OPENERS and _closes_before_cue(stripped):
        return _added_after_direct(text, s, e)  # „…“, sagte X: the marks own that part
    if ACCORDING_BEFORE.match(stripped):
        # "Nach Angaben der Polizei habe der Mann … verlangt, …": the frame owns the sentence,
        # unless its cue verb follows it ("Unter Berufung auf X berichtete Y, …")
        framed = according(text, s, e)
        first = find_cues(text, framed.start, framed.start + 40) if framed else []
        if framed is not None and not (first and first[0].start == framed.start):
            return framed
    found = _cue_first(text, s, e)
    if found is not None:
        return _outer_frame(text, s, e, found)
    found = according(text, s, e) or for_person(text, s, e) or _cue_last(text, s, e)
    found = found or became_known(text, s, e) or colon_konjunktiv(text, s, e)
    return found or reason_frame(text, s, e)


def _outer_frame(text: str, s: int, e: int, first: Found) -> Found:
    """ "Die Leute riefen, dass …, sagte X." / "…, wie gut sie informiert sind, erklärte X.":
    a cue that closes the sentence with its speaker frames everything before it, so an
    earlier cue inside that clause is part of the reported words, not the frame."""
    last = _cue_last(text, s, e)
    if last is None or last.end < first.start or last.end >= first.end:
        return first
    if last.speaker is None:
        return last if last.extra.get("keep") else first  # "…, hieß es."
    if text[last.speaker.end : e].strip(" .,;:!?)") and not _np_tail(text[last.speaker.end : e]):
        return first  # the speaker does not close the sentence: no outer frame
    return last


_AND_CUE = re.compile(r"\s(?:und|sowie)\s")


def _added_after_direct(text: str, s: int, e: int) -> Found | None:
    """ "„…“, sagte X und fügte hinzu, man werde …": the clause that a second, coordinated
    cue introduces after a direct quote and its attribution is X's indirect speech."""
    close = max(text.rfind(c, s, e) for c in '“”"«»')
    m = _AND_CUE.search(text, close, e) if close > s else None
    if m is None:
        return None
    found = _cue_first(text, s, e, m.end())
    return found if found is not None and found.start > m.end() else None


def _cue_first(text: str, s: int, e: int, from_: int | None = None) -> Found | None:
    for cue in find_cues(text, s if from_ is None else from_, e):
        if re.search(r"[“”\"«»]\s*,?\s*$", text[s : cue.start]) and not _quoted_name(
            text[s : cue.start]
        ):
            continue  # „…“, sagte X: the direct quote owns this cue
        if _clause_before(text[s : cue.start]) and not _THAT.match(text[cue.end : e]):
            continue  # "…, sagte X, der Sprecher": a cue after its clause (`_cue_last`)
        rest = text[cue.end : e]
        m = _CLAUSE_OPEN.search(rest)
        if m is not None and _names_as(cue.text, rest[: m.start()]):
            continue  # "bezeichnete X als fatal, da …": the act is reported, not the clause
        if m is not None and _act_object(cue.text, rest[: m.start()], rest[m.end() :]):
            continue  # "sprach von 800 Autos, die …": a reported act (`reported`)
        if m is None or len(TOKEN.findall(rest[: m.start()])) > MAX_GAP_TOKENS:
            if cue.text in {"said", "says", "told", "added", "warned", "stated"}:
                m = re.match(r"\s*", rest)
            if m is None:
                continue
        if cue.text.split()[0] in {"gab", "gaben"} and "," not in rest[: m.end()]:
            continue
        q0, q1 = strip_span(text, cue.end + m.end(), e)
        short = q1 - q0 < 12 or len(text[q0:q1].split()) < 3
        if short or (_conditional(text, s, cue.start) and not _reported_clause(text, q0, q1)):
            continue  # too short, or "Falls X nicht antworten, wird …": no speech
        if cue.text.startswith("signalis") and not text.startswith(("dass", "ob"), q0):
            continue  # "signalisierte seine Bereitschaft, …": no reported clause
        if cue.text.startswith("führ") and not _reported_clause(text, q0, q1):
            continue  # "führte die Angriffe aus, …": carried out, not said
        impersonal = cue.text.endswith(" es") or is_passive(text, s, cue.start, cue.end)
        if cue.text.endswith(" es"):  # "X, heißt es im Antrag, hätten …": the Antrag
            sp = source_after(text, cue.end, e) or source_before(text, s, cue.start)
        elif impersonal:
            sp = passive_source(text, s, cue.start)
            if sp is None and cue.text in _FORECASTS:
                continue  # "da es erwartet wird, dass …": a forecast nobody is said to make
        else:
            v0, v1 = aux_before(text, s, cue.start) or (cue.start, cue.end)
            sp = _shared_aux_subject(text, s, cue.start)
            sp = sp or subject_around(text, s, v0, v1, cue.end + m.start())
            sp = sp or lead_subject(text, s, cue.start)
            sp = sp or mention_near(text, s, (cue.start, cue.end), cue.end + m.start())
            sp = sp or source_out_of(text, s, cue)
        if not impersonal and sentence_mood(text[q0:q1]) == "K1":  # not "… zu haben"
            sp = disputed_claim(text, s, cue, cue.end + m.start()) or sp
        found = Found(q0, q1, _kind(text, q0, q1), cue=cue.text, speaker=sp)
        if impersonal:
            found.extra["keep"] = "1"  # "hieß es", "wurde berichtet": no named source needed
        return found
    return None


_FORECASTS = words("erwartet angenommen vermutet geschätzt befürchtet")


def _cue_last(text: str, s: int, e: int) -> Found | None:
    found = wie_last(text, s, e)
    if found is not None:
        found.type = _kind(text, found.start, found.end)
        return found
    seg = text[s:e]
    for m in re.finditer(r",\s+(so)\s+(?=[A-ZÄÖÜ]|der |die |das |eine? |einer )", seg):
        sp = np_after(text, s + m.end(), e)
        tail = text[sp.end : e] if sp is not None else ""
        if sp is not None and (len(tail.split()) <= 4 or _np_tail(tail)):
            q0, q1 = strip_span(text, s, s + m.start())
            return Found(q0, q1, _kind(text, q0, q1), cue="so", speaker=sp)
    for cue in find_cues(text, s, e):
        head = text[s : cue.start].rstrip()
        if not _clause_before(head):
            continue
        impersonal = cue.text.endswith(" es")
        sp = source_after(text, cue.end, e) if impersonal else np_after(text, cue.end, e)
        if sp is None and not impersonal:
            sp = subject_after(text, cue.end, e)  # "…, bemerkte dazu Wolff."
        if sp is None and not impersonal:
            continue
        if sp is not None and re.match(r"\s*:\s*[„“\"»«]", text[sp.end : e]):
            continue  # "Auf die Frage, ob …, antwortete Putin: „…“": the answer is direct
        q0, q1 = strip_span(text, s, s + len(head))
        found = Found(q0, q1, _kind(text, q0, q1), cue=cue.text, speaker=sp)
        found.extra["keep"] = "1" if impersonal else ""
        return found
    return None


_THAT = re.compile(r"[^,.;:]{0,120}(?:,\s*|\s)(?:dass|ob|that)\b")


def _np_tail(tail: str) -> bool:
    """What follows a "so"-source is still part of it: an apposition or a noun phrase tail
    ("so Ursula Berg, die Leiterin der Fachstelle", "so das Ergebnis einer neuen Studie")."""
    words = tail.split()
    if len(words) > 14 or re.search(r"\b(?:dass|weil|ob|sei|seien|habe|haben|ist|sind)\b", tail):
        return False
    return tail.lstrip().startswith(",") or all(
        w[0].isupper() or w.lower() in DETERMINERS or w.islower() for w in words
    )


def _clause_before(head: str) -> bool:
    """A comma-final clause of 3+ words before a cue, not a bare subject noun phrase with an
    apposition ("Die Partei, die Hamas, bezeichnete …")."""
    head = head.rstrip()
    if not head.endswith(",") or len(head.split()) < 3:
        return False
    rel = _RELATIVE_TAIL.search(head)
    if rel:
        head = head[: rel.start(1)]  # "Der NDR, der … ist, wies …": judge the part before it
    words = _WORD.findall(head)
    return any(w in KONJ1 or w in KONJ2 or _clause_word(w) for w in words) or any(
        w.islower() and word_mood(w) == "K1" for w in words
    )  # "Hoeneß fiebere dem Ende entgegen, berichtete X": -e verbs look like adjectives


def _clause_word(w: str) -> bool:
    """A lowercase word that is no article, preposition or adjective: likely a verb or adverb
    (so "Der Sprecher für nationale Sicherheit, John Kirby," stays a noun phrase)."""
    low = w.lower()
    return w[0].islower() and low not in DETERMINERS and low not in _PREPS and not _ADJ.match(w)


_RELATIVE_TAIL = re.compile(
    r"^[^,]{0,80},\s*((?:der|die|das|dem|den|deren|dessen|welche[rsmn]?|wo|which|who)\s[^,]*,)$"
)


def konj_marked(text: str, q0: int, q1: int) -> bool:
    words = _WORD.findall(text[q0:q1])
    return any(w in KONJ1 or w in KONJ2 for w in words)


__all__ = ["find_indirect", "konj_marked", "np_before"]
