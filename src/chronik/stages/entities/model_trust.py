"""Where the NER model's own reading beats a rule's (GermEval dev: the rules lost these).

- a unit of an amount: a one-word MISC name right after a number ('100.000 Dollar',
  '30 Cent', '23 Mio. Franc') is a currency: kept although HanTa reads it as a common noun,
  and no place although the gazetteer lists it ('Franken', 'Franc' = France);
- a person right after a role word ('Präsident Cleveland'), named with a first name
  ('George wird eingezogen') or listed with a person ('Sydney und Miss Parker') stays a
  person although a town carries the name;
- evidence for a one-word name HanTa reads as a common noun: a place-kind word before it
  ('Kanton Baselland'), being listed with a kept name of its type ('Bedra und Braunsdorf'),
  or opening a clause without an article before a singular verb ('Pinkwart plädierte');
- a work's title keeps its opening English article ('The Mousetrap'; a German one is left
  out: on 10kGNAD it brought back 'Die Mindestsicherung', 'Die Geschichte');
- an organisation's name keeps an inflected lowercase adjective between two of its words
  ('Bundesverband deutscher Banken'), small English words ('Council on Security and
  Development'), 'und' after its domain preposition ('Bundesamt für Migration und
  Flüchtlinge') and after a truncated word ('Volks- und Raiffeisenbanken').
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronik.stages.entities.gazetteer import is_first_name, role_gloss
from chronik.stages.entities.nouns import known_tag

# a number, or an amount word ('Mio.', 'Milliarden') right before the name
_AMOUNT = re.compile(
    r"(?:\d|\b(?:Mio|Mrd|Mill|Millionen|Milliarden|Billionen|Tausend|Hundert|Dutzend)\s?\.?)"
    r"\s+$"
)
_ROLE_WORD = re.compile(r"(?:^|(?<=\s))([A-ZÄÖÜ][\w\-]+)\s+$")
_INFLECTED = re.compile(r"^[a-zäöüß]{3,}(?:e|er|en|es|em)$")


def after_amount(text: str, start: int) -> bool:
    """The name follows a number or an amount word: '1,5 Milliarden Dollar'."""
    return bool(_AMOUNT.search(text[max(0, start - 24) : start]))


def currency(text: str, start: int, end: int, typ: str) -> bool:
    """A one-word MISC name after an amount is its unit: a currency, not a noun or a place."""
    return typ == "MISC" and " " not in text[start:end] and after_amount(text, start)


def role_before(text: str, start: int) -> bool:
    """A role word right before the name ('Präsident Cleveland', 'Kremlsprecher Peskow')."""
    m = _ROLE_WORD.search(text[max(0, start - 40) : start])
    return bool(m and role_gloss(m.group(1).split("-")[-1]))


def model_type_stays(
    text: str,
    span: tuple[int, int, str],
    persons: Sequence[tuple[int, int, str]] = (),
) -> bool:
    """The model's PER or MISC is not turned into a place by a gazetteer match: a currency,
    a person after a role word, named with a first name, or listed with another person
    ('Sydney und Miss Parker')."""
    start, end, typ = span
    name = text[start:end]
    if typ == "MISC":
        return currency(text, start, end, typ)
    if typ != "PER":
        return False
    if role_before(text, start) or (" " not in name and is_first_name(name)):
        return True
    return coordinated(text, start, end, typ, [p for p in persons if p[:2] != (start, end)])


def keeps_article(word: str, typ: str) -> bool:
    """A title (MISC) opening with 'The' keeps it ('The Mousetrap', 'The Independent')."""
    return typ == "MISC" and word == "The"


def adjective_inside(word: str, next_word: str | None, typ: str) -> bool:
    """'deutscher' in 'Bundesverband deutscher Banken': an inflected adjective (by HanTa's
    lexicon, not a guess) right before a capitalised word of an organisation's name."""
    if typ != "ORG" or not next_word or not next_word[:1].isupper():
        return False
    return bool(_INFLECTED.match(word)) and known_tag(word).startswith("ADJ")


_PLACE_KIND = re.compile(
    r"(?:^|(?<=\s))(?:Kanton|Gemeinde|Ortsteil|Stadtteil|Ort|Dorf|Stadt|Landkreis|Bezirk|"
    r"Provinz|Bundesland|Region|Insel|Halbinsel)\s+$"
)
_COORD = re.compile(r"\s*(?:und|oder|sowie|bzw\s?\.?|&)\s*")
_LIST = re.compile(r"\s*(?:,|und|oder|sowie|bzw\s?\.?|&)\s*")


def cued_by_kind(text: str, start: int, typ: str) -> bool:
    """The word before says what the name is: a place-kind word before a place ('Kanton
    Baselland', 'die Gemeinde Holungen'), a role word before a person."""
    if typ == "LOC":
        return bool(_PLACE_KIND.search(text[max(0, start - 20) : start]))
    return typ == "PER" and role_before(text, start)


def coordinated(
    text: str, start: int, end: int, typ: str, kept: Sequence[tuple[int, int, str]]
) -> bool:
    """'Bedra und Braunsdorf', 'Blatter und Beckenbauer', 'Leipzig , Dresden , Spitzbergen':
    the name is listed with a kept name of the same type, right before or after it. A
    comma lists no persons: 'Owen Williams, Webentwickler' is an apposition."""
    joint = _COORD if typ == "PER" else _LIST
    for s, e, t in kept:
        if t != typ:
            continue
        if e <= start and start - e <= 12 and joint.fullmatch(text, e, start):
            return True
        if s >= end and s - end <= 12 and joint.fullmatch(text, end, s):
            return True
    return False


# words after which a bare singular noun can open a clause ('Auch Kraftwerk dürfte ...')
_CLAUSE_OPENERS = frozenset(
    "und aber doch denn auch nur sowie dass weil ob wie als wenn da zumal sondern".split()  # noqa: SIM905
)
_SHORT_FINITE = frozenset("ist hat war wird will soll muss kann darf mag".split())  # noqa: SIM905
_WORD_AFTER = re.compile(r"\s+([a-zäöüß]+)\b")
_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))(\S+)\s+$")


def bare_subject(text: str, start: int, end: int) -> bool:
    """'Pinkwart plädierte', 'Auch Kraftwerk dürfte', 'Lichtblick verkauft': a German common
    noun in the singular takes an article; a word that opens a clause without one, right
    before a singular finite verb, is a name."""
    after = _WORD_AFTER.match(text, end)
    if after is None or not _singular_verb(after.group(1)):
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    if before is None:
        return True
    word = before.group(1)
    return word[-1:] in ".!?:;,–-" or word.lower() in _CLAUSE_OPENERS


def _singular_verb(word: str) -> bool:
    """A finite verb in the third person singular ('plädierte', 'verkauft', 'dürfte')."""
    if word in _SHORT_FINITE:
        return True
    return word.endswith(("t", "te")) and known_tag(word).startswith(("VV", "VM", "VA"))


# small words inside English titles and organisation names ('International Council on
# Security and Development', 'Trying to Burn the Sun', 'Black or White')
_TITLE_SMALL = frozenset("of on and for the to or with in at a an from by".split())  # noqa: SIM905


_DOMAIN_PREPOSITIONS = frozenset({"für", "for", "on", "of"})


def inside_title(words: list[str], i: int, typ: str) -> bool:
    """The lowercase word at i belongs to the name: 'und' after a truncated word ('Volks- und
    Raiffeisenbanken', 'Mittel- und Osteuropa'), or small English words of an organisation's
    or a work's name before a capitalised word of the span, 'und' after the preposition of an
    organisation's domain ('Bundesamt für Migration und Flüchtlinge')."""
    if words[i] in {"und", "oder"} and i > 0 and words[i - 1].endswith("-"):
        return True
    if typ == "ORG" and words[i] in {"und", "and"} and _DOMAIN_PREPOSITIONS & set(words[:i]):
        return i + 1 < len(words) and words[i + 1][:1].isupper()  # 'für Migration und ...'
    if typ not in {"ORG", "MISC"} or words[i] not in _TITLE_SMALL:
        return False
    j = i
    while j < len(words) and words[j] in _TITLE_SMALL and j - i < 3:
        j += 1
    return j < len(words) and words[j][:1].isupper()
