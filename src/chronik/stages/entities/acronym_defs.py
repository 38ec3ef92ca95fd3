"""Acronym definitions the finders' 'Long Form (ACR)' pattern misses, and base forms of the
long forms, so an acronym links to its name in any language.

- 'Gemeinsame Stabschefs mit ( JCS)': spaces inside the parentheses, and a separable verb
  particle between the name and the parenthesis (German puts 'teilten ... mit' around the
  subject; machine translation then moves the parenthesis behind the particle). The particle
  list is closed-class German grammar, not names;
- 'die Internationale Atomenergiebehörde, kurz IAEA' and '(kurz: IStGH)': a name introduced
  with 'kurz'/'abgekürzt' and an acronym-shaped word (two or more capitals);
- a leading genitive place is not part of the long form ('Südkoreas Gemeinsame Stabschefs');
- German long forms take their base form ('Koreanischen Zentralen Nachrichtenagentur (KCNA)'
  -> 'Koreanische Zentrale Nachrichtenagentur'), so the acronym's mentions are named like the
  long form's own mentions.
The acronym need not spell the long form's initials: the definition in the text is the
evidence ('Gemeinsame Stabschefs' = JCS, the English initials).
"""

from __future__ import annotations

import re

from chronik.stages.entities.finders import acronyms_in
from chronik.stages.entities.gazetteer import PLACES, is_first_name, role_gloss
from chronik.stages.entities.inflection import base_form
from chronik.stages.entities.lexicon import STOP
from chronik.stages.entities.spans import Raw

# capitalised words, and a preposition inside institution names ('Bundesamt für Gesundheit')
_CAP = r"[A-ZÄÖÜ][\w\-]+[ \t]+"
_RUN = (  # ... für X und Y: 'Bundesamt für Migration und Flüchtlinge'
    rf"((?:{_CAP}){{0,5}}(?:(?:für|of|on|for)[ \t]+(?:{_CAP}(?:und|and)[ \t]+)?)?[A-ZÄÖÜ][\w\-]+)"
)
_PARTICLE = r"(?:[ \t]+(?:mit|an|aus|ab|fest|bekannt|zu|vor|bei|auf))?"
_PAREN = re.compile(_RUN + _PARTICLE + r"[ \t]*\([ \t]*([A-Z][A-Z0-9]{1,7})[ \t]*\)")
_SHORT = re.compile(_RUN + r",?[ \t]+\(?(?:kurz|abgekürzt):?[ \t]+([A-ZÄÖÜ][A-Za-zÄÖÜ0-9]{1,7})\b")
_ACRONYM_SHAPED = re.compile(r"^(?=(?:.*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][A-Za-zÄÖÜ0-9]+$")


def _long_form(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Bounds of the long form without leading closed-class words and genitive places."""
    words = list(re.finditer(r"\S+", text[start:end]))
    i = 0
    while i < len(words) - 1:
        word = words[i].group(0)
        place = word.endswith("s") and PLACES.get().canonical(word)
        if word not in STOP and not place:
            break
        i += 1
    if i == len(words) - 1 and len(words) > 1:
        return None  # only one word left after a genitive place: too little to be sure
    return start + words[i].start(), end


def extra_definitions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, acronym) of the long forms defined with spaces, a particle or 'kurz'."""
    out = []
    for m in _PAREN.finditer(text):
        if re.fullmatch(r"\s*\(", text[m.end(1) : m.start(2)]) and text[m.end(2)] == ")":
            continue  # plain 'Long Form (ACR)': the finders' own pattern
        bounds = _long_form(text, m.start(1), m.end(1))
        if bounds:
            out.append((*bounds, m.group(2)))
    for m in _SHORT.finditer(text):
        if _ACRONYM_SHAPED.match(m.group(2)) and " " in m.group(1).strip():
            bounds = _long_form(text, m.start(1), m.end(1))
            if bounds:
                out.append((*bounds, m.group(2)))
    return out


def plausible(acr: str, long: str) -> bool:
    """A definition to trust: the initials spell the acronym, or the long form is no person
    ('Bode Miller (USA)', 'Altkanzler Helmut Kohl (CDU)': a team, a party) and the acronym
    no country ('USA')."""
    every = long.replace("-", " ").split()
    words = [w for w in every if w[:1].isupper()]
    if acr.upper() in {"".join(w[0] for w in ws).upper() for ws in (every, words)}:
        return True  # 'Центральное телеграфное агентство Кореи (ЦТАК)', 'New York Times'
    words = words[:2]
    if PLACES.get().canonical(acr) or not words:
        return False
    return not any(is_first_name(w) for w in words) and not role_gloss(words[0])


_PAREN_AFTER = re.compile(r"\s*\(\s*([^\W\d_]{2,8})\s*\)")


def checked_long_forms(text: str, spans: list[Raw]) -> list[Raw]:
    """The finders' 'Long Form (ACR)' spans without the implausible ones ('Bode Miller')."""
    out = []
    for r in spans:
        m = _PAREN_AFTER.match(text, r.end)
        if m is None or plausible(m.group(1), text[r.start : r.end]):
            out.append(r)
    return out


def definitions(text: str, lang: str | None) -> tuple[dict[str, str], list[Raw]]:
    """Acronym -> long form for the article (finders' and the extra ones, German long forms in
    base form; implausible ones dropped), and the extra long forms as ORG spans."""
    acronyms = {a: long for a, long in acronyms_in(text).items() if a == long or plausible(a, long)}
    extra = [d for d in extra_definitions(text) if plausible(d[2], text[d[0] : d[1]])]
    for s, e, acr in extra:
        if acronyms.get(acr, acr) == acr:
            acronyms[acr] = text[s:e]
    if lang == "de":
        for acr, long in acronyms.items():
            pos = text.find(long)
            if long != acr and pos >= 0:
                acronyms[acr] = base_form(long, text[max(0, pos - 20) : pos])
    return acronyms, [Raw(s, e, "ORG") for s, e, _ in extra]


def with_long_forms(spans: list[Raw], long_forms: list[Raw]) -> list[Raw]:
    """The cleaned spans plus the defined long forms that cleaning dropped ('Gemeinsame
    Stabschefs' ends in a role word): a definition is evidence enough; spans inside a long
    form give way to it."""
    if not long_forms:
        return spans
    out = list(spans)
    for lf in long_forms:
        inside = [r for r in out if lf.start <= r.start and r.end <= lf.end]
        if any(r.start < lf.end and lf.start < r.end for r in out if r not in inside):
            continue  # crosses another span: leave the cleaned spans as they are
        out = [r for r in out if r not in inside] + [lf]
    return sorted(out, key=lambda r: r.start)
