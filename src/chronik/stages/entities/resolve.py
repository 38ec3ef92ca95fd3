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
- "Long Form (ACR)", "( ACR)" after a verb particle and "X, kurz ACR" define an acronym for the
  article (acronym_defs.py); German adjective names take their base form (inflection.py);
- a first name right before a person's name the model cut joins it ('Erin Burnett');
- a MISC name of two to four name-shaped words that opens with a first name (own list plus
  Faker's, in any transliteration) or an East Asian family name is a person ('Lena Sørensen').
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from chronik.model import Mention
from chronik.stages.entities.acronym_defs import checked_long_forms, definitions, with_long_forms
from chronik.stages.entities.appositions import nominalised_verb, retype
from chronik.stages.entities.compounds import (
    PLACE_SUFFIX,
    area_places,
    english_names,
    split_name_compounds,
)
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
    title_fragments,
)
from chronik.stages.entities.finders import (
    acronym_long_forms,
    cued_names,
    drop_headings,
    extend_east_asian,
    find_names,
    gazetteer_places,
    split_adjacent,
    split_compound,
)
from chronik.stages.entities.gazetteer import PLACES, Places
from chronik.stages.entities.inflection import base_form
from chronik.stages.entities.lexicon import EAST_ASIAN_SURNAMES, STOP
from chronik.stages.entities.model_trust import bare_subject, model_type_stays
from chronik.stages.entities.nouns import is_common_noun, is_lexicon_noun, is_other_word
from chronik.stages.entities.person_names import (
    demonym_adjective,
    person_shaped,
    with_first_names,
)
from chronik.stages.entities.roles import find_role
from chronik.stages.entities.spans import Raw, clean_spans, strip_genitive
from chronik.stages.entities.tails import split_place_tail, trim_to_model
from chronik.stages.entities.translit import dictionary_form, name_key


def _majority_types(text: str, spans: list[Raw]) -> dict[str, str]:
    """One type per name in the article. The model's type for a name wavers with context
    ('Porträts von Putin' reads like a place), so genitives vote with their base form and a
    person mention right after a role word ('Präsident Putin') outweighs a context guess."""
    names = {strip_genitive(text[r.start : r.end]) for r in spans}
    votes: dict[str, Counter[str]] = {}
    for r in spans:
        name = strip_genitive(text[r.start : r.end])
        key = name[:-1] if name.endswith("s") and name[:-1] in names else name
        weight = 3 if r.type == "PER" and find_role(text, r.start, r.end) else 1
        votes.setdefault(key, Counter())[r.type] += weight
    best = {name: c.most_common(1)[0][0] for name, c in votes.items()}
    for name in names - best.keys():
        best[name] = best[name[:-1]]
    return best


def add_known(text: str, spans: list[Raw], acronyms: dict[str, str]) -> list[Raw]:
    """Find again every name the model found once (plus known acronyms), genitive included."""
    names = {n: t for n, t in _majority_types(text, spans).items() if len(n) >= 3}
    for name, typ in list(names.items()):
        words = name.split()
        if words[0] == "The" and len(words) > 1:
            names.setdefault(name[4:], typ)  # 'The Slits', later 'von den Slits'
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
    found = find_names(text, names) + _same_key_words(text, names)
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


def genitive_stem(surface: str, known: set[str], lang: str | None = None) -> str:
    """'Putins' -> 'Putin' when 'Putin' is known (in the article or the gazetteer); never
    for languages without a bare -s genitive, nor for a place's own name ('Damascus')."""
    surface = strip_genitive(surface)
    if lang in LOWERCASE_NOUNS or PLACES.get().canonical(surface) == surface:
        return surface
    if surface.endswith("s") and len(surface) > 3:
        stem = surface[:-1]
        if stem in known or PLACES.get().canonical(stem):
            return stem
    return surface


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


def _unconfirmed_noun(name: str, confirmed: set[str], places: Places, lang: str | None) -> bool:
    """A one-word mention no rule backs up and HanTa reads as a common noun ('Staatsmedien');
    its German lexicon serves German and English articles, not French 'Kremlin'."""
    if lang not in {None, "de", "en"} or " " in name or name in confirmed:
        return False
    return not places.canonical(name) and is_common_noun(name)


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
            low = name.lower()
            if not name.isupper() and (
                low in self.lowercase or low.removesuffix("s") in self.lowercase
            ):
                return True  # 'the Cosmodrome' where the article also writes 'the cosmodrome'
            return name not in self.vouched and is_junk(
                self.text, r, name, self.lowercase, self.lang
            )
        if self.lang == "de" and name not in self.confirmed:
            # 'Offiziell hieß es': an adverb opening the sentence
            return sentence_start(self.text, r.start) and is_other_word(name)
        return False


def straddles_person(text: str, span: Raw, runs: list[Raw]) -> bool:
    """English: a model span running from a person over lowercase words into the next name
    ('Thomas Reinholt of the Eastern') gives way to the capitalised runs inside it."""
    if not any(w[:1].islower() for w in text[span.start : span.end].split()[1:]):
        return False
    return any(
        r.type == "PER" and span.start <= r.start and r.end < span.end
        for r in runs
        if r.start < span.end
    )


def _candidates(
    text: str, spans: list[Raw], lang: str | None, long_forms: list[Raw]
) -> tuple[list[Raw], set[str]]:
    """Model spans plus the rule finders' spans; also the names the rules vouch for."""
    found = cued_names(text) + checked_long_forms(text, acronym_long_forms(text))
    found += long_forms + area_places(text)
    if lang not in CAPITALISING:
        found += retype_runs(text, english_names(text), spans)  # English: capital runs
    else:
        spans = cut_titles(text, spans)
        runs = retype_runs(text, capital_runs(text), spans)
        headed = {(r.start, r.end) for r in runs if r.type in {"ORG", "LOC"}}
        spans = [
            r
            for r in spans
            if (r.start, r.end) not in headed  # 'Pacific Fleet' is ORG
            and not straddles_person(text, r, runs)
        ]
        found += role_cued(text) + runs
    if lang in CAPITALISING:  # 'British Prime' (Minister), '15 May Efforts'
        found, spans = title_fragments(text, found), title_fragments(text, spans)
    vouched = {text[r.start : r.end] for r in found}
    return found + spans + gazetteer_places(text), vouched


def _prepare(
    text: str, spans: list[Raw], lang: str | None, acronyms: tuple[dict[str, str], list[Raw]]
) -> tuple[list[Raw], set[str]]:
    """Model and rule spans, cleaned, completed and split; also the names rules vouch for."""
    candidates, vouched = _candidates(text, spans, lang, acronyms[1])
    spans = clean_spans(text, trim_to_model(text, candidates, spans))
    spans = split_compound(text, split_name_compounds(text, with_first_names(text, spans)))
    spans = split_adjacent(text, add_known(text, extend_east_asian(text, spans), acronyms[0]))
    spans = with_long_forms(spans, acronyms[1])  # cleaning drops 'Gemeinsame Stabschefs'
    return drop_headings(text, retype(text, split_place_tail(text, spans))), vouched


_PLACE_AFTER = re.compile(
    r"[ \t]+(?:region|province|district|oblast|krai|territory|station|airfield|air base|"
    r"airbase|river|island|peninsula|border post|port|spaceport)\b"
)
_DESIGNATION = re.compile(r"(?:^|\s)[A-Z][A-Za-z]{0,4}-\d+[A-Z0-9]*$")


@dataclass
class _Article:
    """What the per-mention rules need to know about the whole article."""

    text: str
    acronyms: dict[str, str]
    full_names: Counter[str]
    order: dict[str, int]
    keep: _Filter
    places: Places
    noun_filter: bool
    persons: list[tuple[int, int, str]] = field(default_factory=list)  # the PER spans

    def dropped(self, r: Raw, name: str) -> bool:
        """Common nouns, ordinary words and demonym adjectives are no mentions."""
        keep = self.keep
        if self.noun_filter and _unconfirmed_noun(name, keep.confirmed, self.places, keep.lang):
            return True
        if keep.lang == "de" and (
            nominalised_verb(self.text, r, name)
            or (
                r.type == "PER"
                and is_lexicon_noun(name)
                and not bare_subject(self.text, r.start, r.end)  # 'Bauer erhielt'
            )
        ):
            return True
        return self.keep.junk(r, name) or demonym_adjective(self.text, r, name, self.places)

    def settle(self, r: Raw, name: str) -> tuple[str, str]:
        """Full name and type of one mention: short forms take their full name, places,
        squares and acronyms their type."""
        typ = r.type
        full = self.full_names
        target = (
            _short_form_target(name, full, self.order) if typ != "LOC" or " " not in name else None
        )
        if target and (typ == "PER" or not self.places.canonical(name)):
            name, typ = target, "PER"
        elif (
            (typ in {"PER", "MISC"} or name.isupper())
            and self.places.canonical(name)
            and not model_type_stays(self.text, (r.start, r.end, typ), self.persons)
        ):
            typ = "LOC" if name not in full else typ
        elif typ == "MISC" and person_shaped(name, self.places):
            typ = "PER"
        elif typ in {"MISC", "PER"} and " " not in name and _PLACE_AFTER.match(self.text, r.end):
            typ = "LOC"  # 'the Primorye region', 'Artyom station'
        if PLACE_SUFFIX.search(name):
            typ = "LOC"  # 'Kim-Il-Sung-Platz' is a square, not the person
        if _DESIGNATION.search(name):
            typ = "MISC"  # 'Tu-22M3', 'Soukhoï Su-35', 'Luna-25': aircraft, missiles, probes
        if name in self.acronyms and self.acronyms[name] != name:
            name, typ = self.acronyms[name], "ORG"
        return name, typ


def _article(
    text: str,
    spans: list[Raw],
    canon: list[str],
    lang: str | None,
    found: tuple[dict[str, str], set[str], set[str]],
) -> _Article:
    acronyms, vouched, surfaces = found
    full_names, order = _full_names(spans, canon)
    places = PLACES.get()
    in_multi = {w for name in surfaces if " " in name for w in name.split()}
    keep = _Filter(text, lang, in_multi | set(acronyms) | vouched, vouched, places)
    # English: only a person's name vouches for its words ('Trump'), not 'Vancouver Police'
    keep.person_words = {w for f in full_names for w in f.split()} | set(acronyms)
    persons = [(r.start, r.end, "PER") for r in spans if r.type == "PER"]
    return _Article(text, acronyms, full_names, order, keep, places, True, persons)


def resolve(
    text: str, spans: list[Raw], noun_filter: bool = True, lang: str | None = None
) -> list[Mention]:
    """Raw typed spans -> Mentions with `canonical` (full name) and `role`; `lang` switches on
    the rules for languages that capitalise only names (English)."""
    acronyms, long_forms = definitions(text, lang)
    spans, vouched = _prepare(text, spans, lang, (acronyms, long_forms))
    surfaces = {strip_genitive(text[r.start : r.end]) for r in spans}
    surfaces |= {w for name in surfaces for w in name.split()}
    canon = [
        dictionary_form(
            genitive_stem(text[r.start : r.end], surfaces, lang), surfaces, lang, r.type
        )
        for r in spans
    ]
    if lang == "de":  # 'des Internationalen Strafgerichtshofs' -> 'Internationaler ...'
        canon = [
            c if r.type == "PER" else base_form(c, text[max(0, r.start - 20) : r.start])
            for r, c in zip(spans, canon, strict=True)
        ]
    art = _article(text, spans, canon, lang, (acronyms, vouched, surfaces))
    art.noun_filter = noun_filter
    out: list[Mention] = []
    for r, c in zip(spans, canon, strict=True):
        if art.dropped(r, c):
            continue
        name, typ = art.settle(r, c)
        role = find_role(text, r.start, r.end) if typ == "PER" else None
        surface = text[r.start : r.end]
        out.append(Mention(r.start, r.end, surface, type=typ, role=role, canonical=name))
    return out
