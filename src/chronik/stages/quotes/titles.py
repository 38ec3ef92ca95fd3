"""Quoted names: titles of papers, books, films, operations are marked like quotes.

"Die Zeitung „Bild“ zitiert …", "laut „Spiegel“", "die Operation „Wüstensturm“", "das
„National Hurricane Centre“": the marks set off a name, nobody speaks these words. Such a
stretch is no direct quote of its own, and the words after it are no attribution
("„Wüstensturm“ begann im Januar, sagte der General": the general speaks the clause), and
a speaker's noun phrase reads through it ("der „Bild“-Chefredakteur Karl Reich").
"""

from __future__ import annotations

import re

MAX_TITLE_WORDS = 5
# the kind of thing a title names, also as a compound tail ("Nachrichtenmagazin „Spiegel“")
_KIND = re.compile(
    r"(?:Zeitung|[Bb]latt|[Mm]agazin|Sender|[Ff]ilm|Titel|Buch|Roman|Lied|Song|Album|"
    r"Operation|Aktion|Programm|Projekt|Kampagne|Initiative|Sendung|Serie|Show|Stück|Oper|"
    r"Motto|Slogan|Schiff|Agentur|Portal|Gruppe|Band|Verein|Bündnis|Organisation|Stiftung|"
    r"Plattform|Netzwerk|Mission|Studie|Kolumne|Ausstellung|Dokumentation|Festival|Hotel|"
    r"Restaurant|Marke|Modell|Reihe|Spiel|Werk|Zeitschrift|Wochenzeitung|Tageszeitung)\s*$"
)
_BEFORE = re.compile(r"\b(?i:der|die|das|des|dem|den|im|vom)\s*$")
_SENTENCE = re.compile(r"[.!?…,;:]")


def is_title(text: str, start: int, end: int) -> bool:
    """Whether the marked stretch `text[start:end]` (marks included) is a quoted name."""
    content = text[start + 1 : end - 1].strip()
    words = content.split()
    if not words or len(words) > MAX_TITLE_WORDS or _SENTENCE.search(content):
        return False
    if not (content[:1].isupper() or content[:1].isdigit()):
        return False
    before = text[max(0, start - 40) : start]
    if _KIND.search(before) or re.search(r"\b[Ll]aut\s*$", before):
        return True
    after = text[end : end + 12]
    if after.startswith("-") or re.match(r"\s*zufolge\b", after):
        return True  # "„Bild“-Chef", "„Bild“ zufolge"
    proper = len(words) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in words)
    return proper and _BEFORE.search(before) is not None  # "das „National Hurricane Centre“"


_MARKED = re.compile(r"[„»\"“«][^„“”\"»«\n]{1,80}[“”\"«»]")


def has_quoted_words(text: str, q0: int, q1: int) -> bool:
    """Whether `text[q0:q1]` holds quote marks around someone's words (a mixed quote), not
    only around names ("Die Operation „Wüstensturm“ habe begonnen" is plain indirect)."""
    rest = text[q0:q1]
    for m in _MARKED.finditer(text, q0, q1):
        if is_title(text, m.start(), m.end()):
            rest = rest.replace(m.group(), "", 1)
    return any(c in rest for c in '„“"»«')


def join_titles(text: str, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A quoted name ("die „Süddeutsche Zeitung“", "das „Nationale Wetterzentrum“ der USA")
    is one name token, so a noun phrase reads through it instead of stopping at its marks."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        s, _e, w = toks[i]
        close = next((j for j in range(i + 1, min(i + 8, len(toks))) if toks[j][2] in "“«"), 0)
        if w in "„»" and close and is_title(text, s, toks[close][1]):
            out.append((s, toks[close][1], text[s : toks[close][1]]))
            i = close + 1
            continue
        out.append(toks[i])
        i += 1
    return out
