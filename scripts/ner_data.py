"""Licensed NER training data for chronik's NER models, read into (words, BIO tags) sentences.

Shared by `scripts/train_ner.py` (spaCy model), `scripts/train_ner_e5.py` (e5 head) and
`bench/ner_germeval.py`. Only data whose license allows shipping a model is read:
  - GermEval 2014 dev (CC-BY 4.0), all sentences, outer level;
  - GermEval 2014 test, only its Wikipedia sentences (CC-BY 4.0); the news half stays
    held out for `bench/ner_germeval.py`;
  - Europeana newspapers NER, German (CC0): historic OCR text, PER/LOC/ORG;
  - SmartData v3 dev (CC-BY 4.0): German news/RSS/tweets, fine entity types mapped to
    PER/LOC/ORG (its untagged capitalised tokens and likely derivations can be marked missing).
  - ECB+ (CC BY 3.0): English news; named event participants mapped to PER/ORG/LOC, other
    capitalised tokens marked missing (topics 1-22; 23-25 held out for the benches).
The dev sample (`load_training`) is a fixed random sample of GermEval dev NEWS sentences
(plus, optionally, ECB+ topics given as `ecb_dev`).
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

Sent = tuple[list[str], list[str]]  # words, BIO tags (an empty tag: unknown, no loss)


def read_germeval(path: Path) -> Iterator[tuple[str, Sent]]:
    """GermEval 2014 TSV: yields (source url, (words, outer BIO tags))."""
    url, words, tags = "", list[str](), list[str]()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#\t"):
            url = line.split("\t")[1]
        elif not line.strip():
            if words:
                yield url, (words, tags)
            words, tags = [], []
        else:
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2])
    if words:
        yield url, (words, tags)


def read_europeana(path: Path, max_len: int = 60) -> Iterator[Sent]:
    """Europeana BIO (one `token tag` a line, no sentence breaks): split at . ! ? or max_len."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        token, _, tag = line.rpartition(" ")
        if not token:
            continue
        tag = tag if re.fullmatch(r"[BI]-(PER|LOC|ORG)", tag) else "O"
        if tag.startswith("I-") and (not tags or tags[-1] == "O"):
            tag = "B-" + tag[2:]
        words.append(token)
        tags.append(tag)
        at_end = (token in {".", "!", "?"} and len(words) > 4) or len(words) >= max_len
        if at_end and tag == "O":
            yield words, tags
            words, tags = [], []
    if words:
        yield words, tags


SMART = {
    "PERSON": "PER",
    "ORGANIZATION": "ORG",
    "ORGANIZATION_COMPANY": "ORG",
    "LOCATION": "LOC",
    "LOCATION_CITY": "LOC",
    "LOCATION_STREET": "LOC",
    "LOCATION_STOP": "LOC",
    "LOCATION_ROUTE": "LOC",
}


# SmartData marks no OTH (products, events, titles), no derivations ("russischen", "Berliner")
# and no parts ("Putin-Gipfel"). When training, its unmarked capitalised tokens and likely
# derivations become missing ("") instead of teaching the model "not a name": the GermEval
# data already teaches that capitalised common nouns are O.
_MAYBE_DERIV = re.compile(r"(?!(?:in)?zwischen)(?:[a-zäöü]\w*isch|\w*deutsch)(?:e|en|er|es|em)?")


def smart_tag(word: str, tag: str, missing: bool) -> str:
    """Map one SmartData BIO tag to PER/LOC/ORG (or O, or "" = unknown when `missing`)."""
    lab = SMART.get(tag[2:])
    if lab:
        return f"{tag[:2]}{lab}"
    if missing and (word[:1].isupper() or _MAYBE_DERIV.fullmatch(word)):
        return ""
    return "O"


def read_smartdata(path: Path, missing: bool = False) -> Iterator[Sent]:
    """SmartData v3 (concatenated JSON documents): sentences with fine types mapped by SMART;
    `missing` marks capitalised untagged tokens and likely derivations as unknown."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        text = f.read()
    dec, i = json.JSONDecoder(), 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        doc, i = dec.raw_decode(text, i)
        body = doc["text"]["string"]
        for s in doc["sentences"]["array"]:
            toks = s["tokens"]["array"]
            words = [body[t["span"]["start"] : t["span"]["end"]] for t in toks]
            tags = [
                smart_tag(w, t["ner"]["string"], missing) for w, t in zip(words, toks, strict=True)
            ]
            if words:
                yield words, tags


def is_news(url: str) -> bool:
    """GermEval sentences come from Wikipedia or from news sites (the held-out half)."""
    return "wikipedia.org" not in url


def load_training(
    data: Path,
    europeana: bool = True,
    smartdata: bool = True,
    n_dev: int = 250,
    smart_missing: bool = True,
    news_repeat: int = 1,
    ecb_train: Iterable[int] = (),
    ecb_dev: Iterable[int] = (),
    ecb_repeat: int = 1,
) -> tuple[list[Sent], list[Sent]]:
    """(train, dev): dev is a fixed sample of GermEval dev news sentences (same for every run)
    plus the ECB+ English topics `ecb_dev`; `news_repeat` > 1 repeats the in-domain GermEval
    news sentences to weigh them up; `ecb_train` adds ECB+ English topics (`ecb_repeat` times)."""
    germ = data / "germeval2014"
    rows = list(read_germeval(germ / "NER-de-dev.tsv"))
    news = [s for url, s in rows if is_news(url)]
    random.Random(0).shuffle(news)
    dev, train = news[:n_dev], news[n_dev:] * news_repeat
    train += [s for url, s in rows if not is_news(url)]
    train += [s for url, s in read_germeval(germ / "NER-de-test.tsv") if not is_news(url)]
    for bio in sorted((data / "europeana_ner_de").glob("*/*.bio")) if europeana else []:
        train += list(read_europeana(bio))
    smart = data / "smartdata_de" / "v3_20200302" / "dev.json.gz"
    if smartdata and smart.is_file():
        train += list(read_smartdata(smart, missing=smart_missing))
    ecb = data / "ecbplus"
    if ecb.is_dir():
        train += list(read_ecbplus_english(ecb, ecb_train)) * ecb_repeat
        dev += list(read_ecbplus_english(ecb, ecb_dev))
    random.Random(0).shuffle(train)
    return train, dev


# ECB+ (CC BY 3.0, English news) marks entity mentions only where they take part in its
# annotated events, and marks long phrases ("in the Gulf of Aden", "a bank in Athens"). The
# name inside such a markable is its one run of capitalised words when that run ends the
# markable; every other capitalised token is left unknown (""), as for SmartData.
ECB_TYPES = {
    "HUMAN_PART_PER": "PER",
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_GPE": "LOC",
    "LOC_GEO": "LOC",
    "LOC_FAC": "LOC",
    "LOC_OTHER": "LOC",
}
ECB_TRAIN = tuple(range(1, 23))  # topics 1-22 (no 15/17 in ECB+); 23-25 are held out
_EN_FUNCTION_WORDS = (
    "a an the in at on of to for by from with and or but as after before when while if "
    "he she it i we they you his her its our their this that these those there here "
    "what who why how where mr mrs ms dr"
)
_EN_FUNCTION = frozenset(_EN_FUNCTION_WORDS.split())
_TITLE_WORDS = (
    "president sen senator gov governor judge coach gen general captain capt prime minister "
    "chief officer sheriff rep prince king queen pope actress actor singer star director "
    "detective lt sgt secretary mayor"
)
_TITLES = frozenset(_TITLE_WORDS.split())
_CONNECT = frozenset({"of", "de", "du", "la", "le", "von", "van", "der", "&", "'s", "."})
_QUOTES = {"``": '"', "''": '"'}


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and re.split(r"[.'’]", word.lower())[0] not in _EN_FUNCTION


def _common_words(paths: list[Path]) -> set[str]:
    """Words these texts write lowercase more often than capitalised inside a sentence
    ("police", "woman"): a markable made only of them ("Police") is not a name."""
    low: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for path in paths:
        xml = path.read_text(encoding="utf-8")
        for number, word in re.findall(r'number="(\d+)">([^<]*)</token>', xml):
            if word[:1].islower():
                low[word] += 1
            elif word[:1].isupper() and number != "0" and not word.isupper():
                cap[word.lower()] += 1
    return {w for w, n in low.items() if n > cap[w]}


def ecb_name_run(words: list[str]) -> tuple[int, int] | None:
    """The markable's name as (start, end) word indices: its single run of capitalised words
    (connectors like "of" inside), titles ("President") cut off; None if there is no such
    single run at the end of the markable."""
    runs: list[list[int]] = []
    for i, w in enumerate(words):
        if _is_cap(w):
            if runs and all(x.lower() in _CONNECT for x in words[runs[-1][1] : i]):
                runs[-1][1] = i + 1
            else:
                runs.append([i, i + 1])
    if len(runs) != 1 or runs[0][1] != len(words):
        return None
    start, end = runs[0]
    while end - start > 1 and words[start].lower().rstrip(".") in _TITLES:
        start += 1
    return start, end


def _ecb_sentences(path: Path, common: set[str]) -> Iterator[Sent]:
    """One ECB+ document: its sentences holding at least one markable, tagged (see above)."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    pos: dict[str, tuple[int, int]] = {}
    sents: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        words = sents.setdefault(int(tok.get("sentence", 0)), [])
        pos[tok.get("t_id", "")] = (int(tok.get("sentence", 0)), len(words))
        words.append(_QUOTES.get(tok.text or "", tok.text or ""))
    tags = {s: ["" if _is_cap(w) else "O" for w in ws] for s, ws in sents.items()}
    marked: set[int] = set()
    marks = root.find("Markables")
    for mk in list(marks) if marks is not None else []:
        ids = [pos[a.get("t_id", "")] for a in mk.iter("token_anchor")]
        if not ids or len({s for s, _ in ids}) != 1:
            continue
        sent, first = ids[0]
        marked.add(sent)
        last = ids[-1][1]
        run = ecb_name_run(sents[sent][first : last + 1]) if mk.tag in ECB_TYPES else None
        name = sents[sent][first + run[0] : first + run[1]] if run else []
        if (
            run
            and last - first == len(ids) - 1
            and any(w.isupper() or w.lower() not in common for w in name)
        ):
            lab = ECB_TYPES[mk.tag]
            for k in range(first + run[0], first + run[1]):
                tags[sent][k] = ("B-" if k == first + run[0] else "I-") + lab
    for s in sorted(marked):
        yield sents[s], tags[s]


def read_ecbplus_english(root: Path, topics: Iterable[int] = ECB_TRAIN) -> Iterator[Sent]:
    """ECB+ English sentences with at least one markable (event or participant), named
    participants tagged PER/ORG/LOC and other capitalised tokens unknown (""): ECB+ leaves
    names outside its events unannotated, so the model must not learn them as O."""
    paths = [p for t in topics for p in sorted((root / "ECB+" / str(t)).glob("*.xml"))]
    common = _common_words(paths)
    for path in paths:
        yield from _ecb_sentences(path, common)
