"""Within-article resolution: clean the model's spans, then give mentions full names and roles.

Rules (each small, each tested on seed sentences; span finders live in finders.py):
- spans are trimmed of punctuation; spans without letters or made of boilerplate words go;
- one-word mentions that HanTa reads as common nouns and no rule backs up go ('Staatsmedien');
- a name the model found once is found again wherever it recurs (with genitive -s), so recall
  does not depend on the model seeing every sentence right;
- genitive "Putins" -> "Putin", "Moskaus" -> "Moskau" when the stem is known in the article;
- a one-word person name takes the full name it abbreviates in the same article: the last word
  ("Putin" -> "Wladimir Putin"), or the first for East Asian family names ("Kim" -> the most
  mentioned Kim); two different full names are never merged;
- a role word before ("Kremlsprecher Dmitri Peskow") or an apposition after ("Adrienne Watson,
  Sprecherin des Nationalen Sicherheitsrats") becomes the mention's role;
- "Long Form (ACR)" defines an acronym for the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from chronik.model import Mention
from chronik.stages.entities.english import (
    CAPITALISING,
    LOWERCASE_NOUNS,
    capital_runs,
    cut_titles,
    is_junk,
    lowercase_words,
    retype_runs,
    role_cued,
    sentence_start,
)
from chronik.stages.entities.finders import (
    acronym_long_forms,
    acronyms_in,
    cued_names,
    drop_headings,
    extend_east_asian,
    gazetteer_places,
    split_adjacent,
    split_compound,
)
from chronik.stages.entities.gazetteer import PLACES, Places, role_gloss
from chronik.stages.entities.lexicon import (
    EAST_ASIAN_SURNAMES,
    ENGLISH_ROLES,
    STOP,
)
from chronik.stages.entities.nouns import is_common_noun, is_other_word
from chronik.stages.entities.spans import Raw, clean_spans, strip_genitive
from chronik.stages.entities.translit import name_key

_ADJ = r"[a-zäöü]+(?:isch|ig|al|ell|st)(?:e|en|er)"
_ROLE_AFTER = re.compile(
    rf"^,\s+(?:(?:der|die|des|the)\s+)?((?:{_ADJ}\s+)?[A-ZÄÖÜa-z][\w\-]*)"
    r"((?:\s+(?:des|der|von|für|im|of|for|at)\s+(?:[a-zäöü]\w*\s+)?[A-ZÄÖÜ][\w\-]*"
    r"(?:\s+[A-ZÄÖÜ][\w\-]*){0,3})?)"
)
_ROLE_BEFORE = re.compile(rf"(?:^|(?<=\s))((?:{_ADJ}\s+)?([A-ZÄÖÜ][\w\-]+))\s+$")
PLACE_SUFFIX = re.compile(
    r"(?:platz|straße|strasse|allee|brücke|bahnhof|flughafen|hafen|kosmodrom|palast|stadion|"
    r"gebirge|kanal|square|street|airport)$",
    re.IGNORECASE,
)
_ROLE_BEFORE_EN = re.compile(
    r"(?:^|(?<=\s))((?:[A-Z][\w\-]+\s+)?([a-z]+))\s+$"
)  # Kremlin spokesman


def _majority_types(text: str, spans: list[Raw]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = {}
    for r in spans:
        votes.setdefault(strip_genitive(text[r.start : r.end]), Counter())[r.type] += 1
    return {name: c.most_common(1)[0][0] for name, c in votes.items()}


def add_known(text: str, spans: list[Raw], acronyms: dict[str, str]) -> list[Raw]:
    """Find again every name the model found once (plus known acronyms), genitive included."""
    names = {n: t for n, t in _majority_types(text, spans).items() if len(n) >= 3}
    for name, typ in list(names.items()):
        words = name.split()
        if typ == "PER" and len(words) > 1:
            short = words[0] if words[0] in EAST_ASIAN_SURNAMES else words[-1]
            if len(short) >= 3 and short[:1].isupper():
                names.setdefault(short, "PER")
        elif (
            len(words) == 1
            and name.endswith("s")
            and (name[:-1] in names or PLACES.get().canonical(name[:-1]))
        ):
            del names[name]  # 'Putins' is found as 'Putin' + genitive
            names.setdefault(name[:-1], typ)
    for acr in acronyms:
        names.setdefault(acr, "ORG")
    if not names:
        return spans
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    found = [
        Raw(m.start(), m.end(), names[m.group(1)])
        for m in re.finditer(rf"(?<![\w\-])({alts})(?:s|'s|’s|')?(?![\w\-])", text)
    ]
    found += _same_key_words(text, names)
    kept = clean_spans(text, spans + found)
    types = _majority_types(text, kept)
    return [Raw(r.start, r.end, types[strip_genitive(text[r.start : r.end])]) for r in kept]


_CAP_WORD = re.compile(r"(?<![\w\-])[A-ZÄÖÜ][\w]{2,}(?![\w\-])")


def _same_key_words(text: str, names: dict[str, str]) -> list[Raw]:
    """'Shoigu' in an article that named 'Schoigu': other spellings of one-word PER/LOC names."""
    keys = {name_key(n): t for n, t in names.items() if " " not in n and t in {"PER", "LOC"}}
    out = []
    for m in _CAP_WORD.finditer(text):
        word = m.group(0)
        if word not in names and word not in STOP and len(word) > 3:
            typ = keys.get(name_key(word))
            if typ:
                out.append(Raw(m.start(), m.end(), typ))
    return out


def genitive_stem(surface: str, known: set[str]) -> str:
    """'Putins' -> 'Putin' when 'Putin' is known (in the article or the gazetteer)."""
    surface = strip_genitive(surface)
    if surface.endswith("s") and len(surface) > 3:
        stem = surface[:-1]
        if stem in known or PLACES.get().canonical(stem):
            return stem
    return surface


def find_role(text: str, start: int, end: int) -> str | None:
    """Role word right before the name, or an apposition right after it."""
    ws = text.rfind(" ", 0, max(0, start - 60)) + 1
    before = _ROLE_BEFORE.search(text[ws:start])
    if before and role_gloss(before.group(2).split("-")[-1]):
        return before.group(1)
    before = _ROLE_BEFORE_EN.search(text[ws:start])
    if before and before.group(2) in ENGLISH_ROLES:
        return before.group(1)
    after = _ROLE_AFTER.match(text[end : end + 120])
    if after:
        words = after.group(1).split()
        if role_gloss(words[-1].split("-")[-1]):
            return (after.group(1) + after.group(2)).strip()
    return None


def _short_form_target(name: str, full_names: Counter[str], order: dict[str, int]) -> str | None:
    """Full name that a shorter person name abbreviates ('Putin', 'Kim', 'Kim Jong')."""
    words = name.split()
    if len(words) > 1:
        cands = [f for f in full_names if f != name and f.split()[: len(words)] == words]
    else:
        key = name_key(name)
        # an acronym ("UN") is not the short form of a name ending in a word ("Kim Jong Un")
        last = [
            f
            for f in full_names
            if name_key(f.split()[-1]) == key and (not name.isupper() or f.split()[-1].isupper())
        ]
        first = [f for f in full_names if f.split()[0] == name and name in EAST_ASIAN_SURNAMES]
        cands = last or first
    if not cands or (len(words) > 1 and len(cands) > 1):
        return None
    return max(cands, key=lambda f: (full_names[f], -order[f]))


def _full_names(spans: list[Raw], canon: list[str]) -> tuple[Counter[str], dict[str, int]]:
    full: Counter[str] = Counter()
    order: dict[str, int] = {}
    for r, c in zip(spans, canon, strict=True):
        if r.type == "PER" and len(c.split()) > 1:
            full[c] += 1
            order.setdefault(c, r.start)
    return full, order


_DEMONYM = re.compile(r"^(?:[A-Z]\w+ )?[A-Z]\w*(?:ian|ean|ese|ish|can)$")
_NEXT_WORD = re.compile(r"[ \t]+(\w+)")


def _demonym_adjective(text: str, r: Raw, name: str, places: Places) -> bool:
    """'Russian president', 'North Korean leader': an adjective, not a mention (GermEval's
    -deriv forms, which the German model never tags in lower case, are dropped too)."""
    if r.type == "PER" and " " not in name and not places.canonical(name):
        return False  # 'Brian said'
    if not _DEMONYM.match(name):
        return False
    nxt = _NEXT_WORD.match(text, r.end)
    if nxt is None:
        return False
    return nxt.group(1).islower() or nxt.group(1).lower() in ENGLISH_ROLES


def _unconfirmed_noun(name: str, confirmed: set[str], places: Places) -> bool:
    """A one-word mention no rule backs up and HanTa reads as a common noun ('Staatsmedien')."""
    if " " in name or name in confirmed or places.canonical(name):
        return False
    return is_common_noun(name)


@dataclass
class _Filter:
    """One-word mentions that are ordinary words in their article's language."""

    text: str
    lang: str | None
    confirmed: set[str]  # in multi-word names, acronyms, or found by a rule
    vouched: set[str]  # found by a rule
    places: Places
    person_words: set[str] = field(default_factory=set)
    lowercase: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.lang in LOWERCASE_NOUNS:
            self.lowercase = lowercase_words(self.text)

    def junk(self, r: Raw, name: str) -> bool:
        if " " in name or self.places.canonical(name):
            return False
        if self.lang in LOWERCASE_NOUNS and name not in self.person_words:
            if name.lower() in self.lowercase and not name.isupper():
                return True  # 'the Cosmodrome' where the article also writes 'the cosmodrome'
            return name not in self.vouched and is_junk(
                self.text, r, name, self.lowercase, self.lang
            )
        if self.lang == "de" and name not in self.confirmed:
            # 'Offiziell hieß es': an adverb opening the sentence
            return sentence_start(self.text, r.start) and is_other_word(name)
        return False


def _candidates(text: str, spans: list[Raw], lang: str | None) -> tuple[list[Raw], set[str]]:
    """Model spans plus the rule finders' spans; also the names the rules vouch for."""
    found = cued_names(text) + acronym_long_forms(text)
    if lang in CAPITALISING:
        spans = cut_titles(text, spans)
        runs = retype_runs(text, capital_runs(text), spans)
        headed = {(r.start, r.end) for r in runs if r.type in {"ORG", "LOC"}}
        spans = [r for r in spans if (r.start, r.end) not in headed]  # 'Pacific Fleet' is ORG
        found += role_cued(text) + runs
    vouched = {text[r.start : r.end] for r in found}
    return found + spans + gazetteer_places(text), vouched


def resolve(
    text: str, spans: list[Raw], noun_filter: bool = True, lang: str | None = None
) -> list[Mention]:
    """Raw typed spans -> Mentions with `canonical` (full name) and `role`; `lang` switches on
    the rules for languages that capitalise only names (English)."""
    acronyms = acronyms_in(text)
    candidates, vouched = _candidates(text, spans, lang)
    spans = clean_spans(text, candidates)
    spans = extend_east_asian(text, split_compound(text, spans))
    spans = split_adjacent(text, add_known(text, spans, acronyms))
    spans = drop_headings(text, spans)
    surfaces = {strip_genitive(text[r.start : r.end]) for r in spans}
    surfaces |= {w for name in surfaces for w in name.split()}
    canon = [genitive_stem(text[r.start : r.end], surfaces) for r in spans]
    full_names, order = _full_names(spans, canon)
    places = PLACES.get()
    out: list[Mention] = []
    in_multi = {w for name in surfaces if " " in name for w in name.split()}
    keep = _Filter(text, lang, in_multi | set(acronyms) | vouched, vouched, places)
    # English: only a person's name vouches for its words ('Trump'), not 'Vancouver Police'
    keep.person_words = {w for f in full_names for w in f.split()} | set(acronyms)
    for r, c in zip(spans, canon, strict=True):
        typ = r.type
        if noun_filter and _unconfirmed_noun(c, keep.confirmed, places):
            continue
        if keep.junk(r, c):
            continue
        if _demonym_adjective(text, r, c, places):
            continue
        target = _short_form_target(c, full_names, order) if typ != "LOC" or " " not in c else None
        if target and (typ == "PER" or not places.canonical(c)):
            c, typ = target, "PER"
        elif (
            (typ in {"PER", "MISC"} or c.isupper()) and places.canonical(c) and c not in full_names
        ):
            typ = "LOC"
        if PLACE_SUFFIX.search(c):
            typ = "LOC"  # 'Kim-Il-Sung-Platz' is a square, not the person
        if c in acronyms and acronyms[c] != c:
            c, typ = acronyms[c], "ORG"
        role = find_role(text, r.start, r.end) if typ == "PER" else None
        out.append(
            Mention(
                start=r.start,
                end=r.end,
                text=text[r.start : r.end],
                type=typ,
                role=role,
                canonical=c,
            )
        )
    return out
