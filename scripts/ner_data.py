"""Licensed NER training data for chronik's NER models, read into (words, BIO tags) sentences.

Shared by `scripts/train_ner.py` (spaCy model), `scripts/train_ner_e5.py` (e5 head) and
`bench/ner_germeval.py`. Only data whose license allows shipping a model is read:
  - GermEval 2014 dev (CC-BY 4.0), all sentences, outer level;
  - GermEval 2014 test, only its Wikipedia sentences (CC-BY 4.0); the news half stays
    held out for `bench/ner_germeval.py`;
  - Europeana newspapers NER, German (CC0): historic OCR text, PER/LOC/ORG;
  - SmartData v3 dev (CC-BY 4.0): German news/RSS/tweets, fine entity types mapped to
    PER/LOC/ORG (its untagged capitalised tokens and likely derivations can be marked missing).
The dev sample (`load_training`) is a fixed random sample of GermEval dev NEWS sentences.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Iterator
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
) -> tuple[list[Sent], list[Sent]]:
    """(train, dev): dev is a fixed sample of GermEval dev news sentences (same for every run);
    `news_repeat` > 1 repeats the in-domain GermEval news sentences to weigh them up."""
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
    random.Random(0).shuffle(train)
    return train, dev
