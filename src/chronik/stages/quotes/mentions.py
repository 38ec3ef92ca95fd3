"""Speaker resolution over the entities stage's mentions (when it ran before quotes).

NER tells names from the common nouns German also capitalises, and its within-article
resolution already maps "Peskow" to "Dmitri Peskow" and attaches roles ("Kremlsprecher").
A pronoun ("er", "sie") refers to the most recent agreeing person that stood as a
*subject* -- the last person mentioned at all is often an object ("Peskow sagte, Putin
werde Kim empfangen. Er fügte hinzu ..." : "Er" is Peskow, not Kim).
"""

from __future__ import annotations

import re

from chronik.model import Mention
from chronik.stages.quotes.cues import DETERMINERS, ROLE_SUFFIX, SOURCE_WORDS, VERBS, words
from chronik.stages.quotes.gender import agrees, np_gender
from chronik.stages.quotes.mood import finite_verb

WINDOW = 1500  # how far back (chars) a pronoun or role looks for its person
_SENT_START = re.compile(r"[.!?:\n]\s*$|^\s*$")
_WORD = re.compile(r"\w[\w-]*|[^\w\s]")


def candidates(text: str, pron: str, mentions: tuple[Mention, ...], at: int) -> list[Mention]:
    """Mentions before `at` that `pron` can refer to: persons of agreeing gender; for
    "sie"/"es" also organisations of agreeing gender or number ("die Polizei" -> "sie")."""
    low = pron.lower()
    out = []
    for m in mentions:
        if m.end > at or at - m.start > WINDOW:
            continue
        if m.type == "PER" and agrees(low, person_gender(text, m)):
            out.append(m)
        elif m.type == "ORG" and low in {"sie", "es", "they"}:
            gender = org_gender(text, m)
            if gender is not None and gender != "m" and agrees(low, gender):
                out.append(m)
    return out


_KIN = {"Frau": "f", "Herr": "m", "Herrn": "m", "Ehefrau": "f", "Ehemann": "m", "Witwe": "f"}
_KIN |= {"Tochter": "f", "Mutter": "f", "Schwester": "f", "Sohn": "m", "Vater": "m"}
_KIN |= {"Bruder": "m", "Witwer": "m"}


def person_gender(text: str, m: Mention) -> str | None:
    """Gender of a person mention: from the first name, else from the role the entities
    stage attached or the role noun right before it ("Eurogruppen-Chef Jeroen Dijsselbloem",
    "Ehefrau Ensaf Haidar"): most foreign first names are on no list, their roles are."""
    gender = np_gender(name_of(m))
    if gender in {"m", "f"}:
        return gender
    before = _WORD.findall(text[max(0, m.start - 40) : m.start])
    word = before[-1] if before else ""
    if word in _KIN:
        return _KIN[word]
    for role in (m.role, word if ROLE_SUFFIX.search(word.split("-")[-1]) else None):
        found = np_gender(role) if role else None
        if found in {"m", "f"}:
            return found
    return gender


def org_gender(text: str, m: Mention) -> str | None:
    """Gender or number of an organisation as written with its article ("die Stadtwerke",
    "das Ministerium"): the article sits outside the mention."""
    before = _WORD.findall(text[max(0, m.start - 12) : m.start])
    det = before[-1] if before and before[-1].lower() in DETERMINERS else ""
    return np_gender(f"{det} {m.text}".strip())


def is_subject(text: str, m: Mention) -> bool:
    """A mention in subject position: opening its sentence or clause behind at most a role,
    title or determiner ("Kremlsprecher Dmitri Peskow sagte"), or right after a cue verb
    ("sagte Peskow")."""
    lo = max(0, m.start - 80)
    head = text[lo : m.start]
    cut = max(head.rfind(c) for c in ".!?:;\n")
    words = _WORD.findall(head[cut + 1 :])
    k = len(words)
    while k and len(words) - k < 3 and (words[k - 1][:1].isupper() or _det(words[k - 1])):
        k -= 1  # a title, role or article before the name ("sagte Mexikos Trainer")
    if k == 0 or words[k - 1].lower() in VERBS or _apposition(text, m, words[:k]):
        return True
    clause = words[:k]
    clause = clause[len(clause) - clause[::-1].index(",") :] if "," in clause else clause
    opener = clause[0].lower() if clause else ""
    return (len(clause) == 1 or opener in _INVERTING) and _finite(words[k - 1])


# words opening a clause that push the subject behind the verb ("Am Montag rechnet X …")
_INVERTING = words(
    "am im an auf aus bei beim nach vor seit mit in zu zum zur für gegenüber laut dann "
    "danach daher deshalb dabei dazu zudem außerdem auch nun jetzt heute gestern später "
    "zuvor bisher inzwischen trotzdem dennoch allerdings wieso warum so hier dort"
)


_AFTER_APPOSITION = re.compile(r"\s*,\s*([a-zäöüß]+)\b")


def _apposition(text: str, m: Mention, before: list[str]) -> bool:
    """ "Der Vorsitzende der Partei, John Boehner, gab sich …": a name between commas
    right before the finite verb stands for the sentence's subject."""
    if not before or before[-1] != "," or "," in before[:-1]:
        return False
    after = _AFTER_APPOSITION.match(text, m.end)
    return after is not None and _finite(after.group(1))


def _finite(word: str) -> bool:
    """A lowercase finite verb right before the mention: subject after an inverted verb."""
    return word.islower() and word not in DETERMINERS and finite_verb(word)


def _det(word: str) -> bool:
    return word.lower() in DETERMINERS


def latest_subject(
    text: str, pron: str, mentions: tuple[Mention, ...], at: int
) -> tuple[int, Mention] | None:
    """(position, mention) of the last agreeing subject-position mention before `at`."""
    best = None
    for m in candidates(text, pron, mentions, at):
        if is_subject(text, m):
            best = (m.start, m)
    return best


def latest_any(text: str, pron: str, mentions: tuple[Mention, ...], at: int) -> Mention | None:
    """The last agreeing person or organisation before `at`, whatever its position. One of
    unknown gender agrees with every pronoun, so it counts only when close by."""
    for m in reversed(candidates(text, pron, mentions, at)):
        if person_gender(text, m) is not None or at - m.end <= NEAR:
            return m
    return None


NEAR = 400  # chars: an unknown-gender name this close is the likely antecedent


def by_role(role: str, mentions: tuple[Mention, ...], at: int) -> Mention | None:
    """ "der Kremlsprecher" -> the last person the entities stage gave that role, matched
    on the role's head ("Sprecher" also finds a "Kremlsprecher")."""
    head = _role_head(role)
    if not head:
        return None
    best = None
    for m in mentions:
        if m.type == "PER" and m.role and m.end <= at and _role_head(m.role) == head:
            best = m
    return best


def _role_head(role: str) -> str | None:
    found = ROLE_SUFFIX.search(role.split("-")[-1].lower())
    return found.group(0).removesuffix("in") if found else None


def name_of(m: Mention) -> str:
    """The canonical name, unless the mention as written is the fuller form of it."""
    canon = m.canonical or m.text
    return m.text if len(m.text) > len(canon) and m.text.endswith(canon) else canon


def whole_word(text: str, name: str, m: Mention) -> str:
    """`name` completed when its mention stops inside a word ("Mark O" of "Mark O’Keefe")."""
    tail = re.match(r"[’'-]?\w[\w’'-]*", text[m.end : m.end + 40])
    if tail is None or not text[m.end - 1 : m.end].isalnum() or not name.endswith(m.text):
        return name
    return name + tail.group()


_GENITIVE = frozenset(["des", "der", "eines", "einer", "von", "vom", "of"])


def head_mention(text: str, start: int, end: int, mentions: tuple[Mention, ...]) -> Mention | None:
    """The PER/ORG mention heading the noun phrase text[start:end]: the first person, else
    the first organisation, outside a genitive attribute ("Der Arzt Lahms" is not Lahm). A
    genitive one heads only a source or role noun ("Angaben des ZDF", "Sprecher der CDU")."""
    inside = [m for m in mentions if m.start < end and start < m.end and m.type in {"PER", "ORG"}]
    if not inside:
        return None
    plain = [m for m in inside if not _genitive(text, start, m, end)]
    persons = [m for m in plain if m.type == "PER"]
    if len(persons) > 1 and persons[0].text.endswith("s"):
        plain.remove(persons[0])  # "Putins Berater Juri Uschakow": the possessor of a person
    if not plain and _source_head(text, start, end):
        plain = inside
    plain.sort(key=lambda m: (m.type != "PER", m.start))
    return plain[0] if plain else None


def _genitive(text: str, start: int, m: Mention, end: int) -> bool:
    """After a genitive article, or a name in -s with words before or after it in the phrase
    ("Der Arzt Lahms"; "Putins Berater Juri Uschakow" is Uschakow)."""
    before = _WORD.findall(text[start : m.start])
    if any(w.lower() in _GENITIVE for w in before):
        return True
    canon = (m.canonical or "").split()
    attached = bool(before) or bool(_WORD.search(text[m.end : end]))
    return attached and m.text.endswith("s") and bool(canon) and canon[-1] == m.text[:-1]


def _source_head(text: str, start: int, end: int) -> bool:
    caps = [w for w in _WORD.findall(text[start:end]) if w[:1].isupper()]
    head = caps[0] if caps else ""
    return head in _SOURCES or bool(ROLE_SUFFIX.search(head.lower()))


_SOURCES = SOURCE_WORDS | {"Zitat", "Zitaten", "Worte", "Pressemitteilung", "Pressemeldung"}
