"""English entity benchmark on ECB+: recall and (bounded) precision of the whole `entities` stage.

ECB+ (CC BY 3.0, English news, never trained on) marks only the participants of each text's
seminal events, and only in the sentences listed in ECBplus_coreference_sentences.csv, so:
- recall: proper-name PER/ORG/LOC mentions of ECB+ (all words capitalised) found with the exact
  span, and found overlapping (a looser figure: 'the United Nations' vs 'United Nations');
- precision lower bound: of the mentions the stage emits in the annotated sentences, the share
  that exactly match or overlap an ECB+ mention (an emitted name ECB+ did not annotate counts as
  wrong, so the true precision is higher);
- junk rate: share of emitted one-word mentions whose word ECB+ itself writes lowercase more
  often than capitalised inside sentences ('United', 'Nations', 'Cosmodrome' style junk).
When the shipped NER model was trained on ECB+ topics 1-22 (its meta.json lists ECB+), only
the held-out topics 23-25 are scored (`--held-out` forces that for any model, for comparisons).
Usage: nice .venv/bin/python bench/entities_english.py [--data ../shared/data] [--topics 45]
       [--held-out] [--model DIR] [--speed]
       (speed: entities + link vs the bare model, CPU time, median of 3)
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from chronik.model import Article, Corpus, Sentence
from chronik.stages.entities import EntityStage, LinkStage
from chronik.stages.entities.ner import MODEL_DIR, backend_for, trained_on_ecbplus

ROOT = Path(__file__).resolve().parents[1]
TYPES = {"HUMAN_PART_PER", "HUMAN_PART_ORG", "LOC_GEO", "LOC_FAC", "LOC_OTHER"}
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|’s|n't|'|''|'re|'ve|'ll|'d|'m)$")

Span = tuple[int, int]
Doc = tuple[str, list[Span], set[Span], set[int]]  # text, sentences, gold, numbers


def read_doc(path: Path) -> Doc:
    """Detokenised text, sentence bounds, gold name spans (chars) and sentence numbers."""
    root = ET.parse(path).getroot()
    toks = [(t.get("t_id"), int(t.get("sentence", 0)), t.text or "") for t in root.iter("token")]
    text, bounds, offs, cur = "", [], {}, None
    for tid, sent, word in toks:
        if sent != cur:
            if cur is not None:
                text += "\n"
            bounds.append((len(text), len(text)))
            cur = sent
        elif text and not _NO_SPACE_BEFORE.match(word) and not text.endswith(("(", "``", "$")):
            text += " "
        offs[tid] = (len(text), len(text) + len(word), sent)
        text += word
        bounds[-1] = (bounds[-1][0], len(text))
    gold: set[Span] = set()
    marks = root.find("Markables")
    for mk in list(marks) if marks is not None else []:
        ids = [a.get("t_id") for a in mk.iter("token_anchor")]
        if mk.tag not in TYPES or not ids:
            continue
        words = [text[offs[i][0] : offs[i][1]] for i in ids]
        if any(w.isalpha() for w in words) and all(w[:1].isupper() for w in words if w.isalpha()):
            gold.add((offs[ids[0]][0], offs[ids[-1]][1]))
    sents = {s for _, s, _ in toks}
    return text, bounds, gold, sents


def case_votes(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each word is written lowercase / capitalised not at a sentence start."""
    low: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for text in texts:
        for line in text.split("\n"):
            for i, w in enumerate(re.findall(r"[A-Za-z][\w\-]*", line)):
                if w[:1].islower():
                    low[w] += 1
                elif i > 0 and not w.isupper():
                    cap[w.lower()] += 1
    return low, cap


def annotated_lines(bounds: list[Span], listed: set[int], sents: list[int]) -> list[Span]:
    """Bounds of the sentences ECB+ annotated (sentence numbers listed in its CSV)."""
    return [b for b, s in zip(bounds, sorted(sents), strict=False) if s in listed]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--topics", type=int, default=45, help="first N topic folders")
    ap.add_argument("--held-out", action="store_true", help="only topics 23-25 (see above)")
    ap.add_argument("--model", type=Path, default=None, help="NER model dir (default: shipped)")
    ap.add_argument("--speed", action="store_true", help="also time entities + link")
    args = ap.parse_args()
    base = args.data / "ecbplus"
    if not base.is_dir():
        print(f"{base} not found: English benchmark skipped")
        return
    listed: dict[str, set[int]] = {}
    with open(base / "ECBplus_coreference_sentences.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            listed.setdefault(f"{row['Topic']}_{row['File']}", set()).add(
                int(row["Sentence Number"])
            )
    topics = sorted((p for p in (base / "ECB+").iterdir() if p.is_dir()), key=lambda p: int(p.name))
    docs = {}
    topics = topics[: args.topics]
    trained = trained_on_ecbplus(args.model or MODEL_DIR)
    if args.held_out or trained:
        topics = [p for p in topics if p.name in {"23", "24", "25"}]
        why = "trained on 1-22" if trained else "not trained on ECB+"
        print(f"ECB+ held-out topics 23-25 only (NER model {why})")
    for topic in topics:
        for path in sorted(topic.glob("*.xml")):
            docs[path.stem] = read_doc(path)
    arts = [
        Article(
            id=k,
            source="ecb+",
            raw_text=t,
            text=t,
            language="en",
            sentences=tuple(Sentence(s, e, t[s:e]) for s, e in b),
        )
        for k, (t, b, _, _) in docs.items()
    ]
    model = str(args.model) if args.model else None
    stage = EntityStage(model_path=model)
    out = stage(arts)  # warm: model, gazetteer, lexicons, caches
    low, cap = case_votes([d[0] for d in docs.values()])
    score(out, docs, listed, low, cap)
    if args.speed:
        speed(arts, args.model)


def speed(arts: list[Article], path: Path | None = None) -> None:
    """CPU time per run (median of 3) of entities + link, against the bare model on the same
    sentences in the same process."""
    model = backend_for("en", path)
    sents = [a.text[s.start : s.end] for a in arts for s in a.sentences]
    n_tokens = sum(len(a.text.split()) for a in arts)

    def run(fn: Callable[[], object]) -> float:
        times = []
        for _ in range(3):
            t0 = time.process_time()
            fn()
            times.append(time.process_time() - t0)
        return statistics.median(times)

    base = run(lambda: model.predict(sents))
    stage = EntityStage(model_path=str(path) if path else None)
    full = run(lambda: LinkStage()(Corpus(articles=stage(arts))))
    print(f"  speed (1 thread, CPU time, median of 3, {n_tokens} tokens):")
    print(f"    model alone (baseline): {n_tokens / base:,.0f} tokens/s")
    print(f"    entities + link: {n_tokens / full:,.0f} tokens/s (x{full / base:.2f} model time)")


def score(
    out: list[Article],
    docs: dict[str, Doc],
    listed: dict[str, set[int]],
    low: Counter[str],
    cap: Counter[str],
) -> None:
    """Recall, precision lower bound and junk rate (see the module docstring)."""
    total = exact = overlap = emitted = p_exact = p_overlap = one_word = junk = 0
    junk_words: Counter[str] = Counter()
    n_tokens = 0
    for a in out:
        text, bounds, gold, sents = docs[a.id]
        n_tokens += len(text.split())
        pred = [(m.start, m.end) for m in a.mentions]
        total += len(gold)
        exact += len(gold & set(pred))
        overlap += sum(any(s < pe and ps < e for ps, pe in pred) for s, e in gold)
        lines = annotated_lines(bounds, listed.get(a.id, set()), sorted(sents))
        for ps, pe in pred:
            if not any(s <= ps and pe <= e for s, e in lines):
                continue
            emitted += 1
            p_exact += (ps, pe) in gold
            p_overlap += any(s < pe and ps < e for s, e in gold)
        for m in a.mentions:
            word = text[m.start : m.end]
            if " " in word or not word.isalpha() or word.isupper():
                continue
            one_word += 1
            if low[word.lower()] > cap[word.lower()]:
                junk += 1
                junk_words[word] += 1
    print(f"ECB+ English, whole entities stage ({len(out)} docs, {n_tokens} tokens):")
    print(
        f"  gold proper-name mentions {total}: exact recall {exact / max(1, total):.3f}, "
        f"overlap recall {overlap / max(1, total):.3f}"
    )
    print(
        f"  emitted in annotated sentences {emitted}: precision lower bound exact "
        f"{p_exact / max(1, emitted):.3f}, overlap {p_overlap / max(1, emitted):.3f}"
    )
    print(
        f"  one-word mentions {one_word}: junk (word mostly lowercase in ECB+) "
        f"{junk / max(1, one_word):.3f}; top: {junk_words.most_common(12)}"
    )


if __name__ == "__main__":
    main()
