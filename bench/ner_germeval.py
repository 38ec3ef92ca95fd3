"""NER benchmark: conlleval-style exact-span F1 of the shipped model.

Sections:
  1. GermEval 2014 test, outer level: news sentences (held out from training) and the whole
     split (its Wikipedia half WAS used for training, so that figure is optimistic), both with
     the official 12 labels (PER/LOC/ORG/OTH + deriv/part) and with the 4 base types only;
  2. SmartData v3 dev: PER/ORG/LOC, fine types mapped (optimistic when the model's meta.json
     lists SmartData among its training sources, as models from the round-2 script do);
  3. ECB+ (English): recall of proper-name entity mentions, on topics 1-25 for a model never
     trained on ECB+, on the held-out topics 23-25 only for one trained on topics 1-22
     (its meta.json lists ECB+), or on the topics given by --ecb-topics;
  4. speed (tokens/s, one thread) and memory of the model on ../shared/data/10kgnad, against a
     tokenizer-only baseline in the same process (medians of 3 runs; the slow e5 backend: one).
`--backend e5` measures the optional MLP head on multilingual-e5-small states (encoder_ner.py)
instead of the spaCy model; use a small --docs for its speed section.
  5. `--only diagnose` (not run by default): on GermEval 2014 DEV, every gold name the model
     alone got right that the whole `entities` stage lost, by kind (dropped, cut, longer,
     retyped) and type, with the sentence: where the rules cost recall.
Usage: nice .venv/bin/python bench/ner_germeval.py [--data ../shared/data] [--docs 300]
       [--model DIR|HEAD.npz] [--backend spacy|e5]
       [--only germeval,stage,smartdata,ecbplus,speed,diagnose]
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from ner_data import is_news, read_germeval, read_smartdata  # noqa: E402

from chronik.stages.entities.ner import LABELS, trained_on_ecbplus  # noqa: E402

ECB_HELD_OUT = (23, 24, 25)

Spans = set[tuple[int, int, int, str]]  # sentence, start token, end token, label


def bio_spans(i: int, tags: list[str]) -> Spans:
    out: Spans = set()
    start, label = -1, ""
    for j, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and label == tag[2:]:
            continue
        if label:
            out.add((i, start, j, label))
        start, label = (j, tag[2:]) if tag != "O" else (-1, "")
    return out


def prf(gold: Spans, pred: Spans) -> tuple[float, float, float]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def predict(nlp: Any, sents: list[list[str]]) -> list[list[str]]:
    from spacy.tokens import Doc

    if hasattr(nlp, "tag_words"):  # the e5 backend
        return list(nlp.tag_words(sents))

    docs = [Doc(nlp.vocab, words=w) for w in sents]
    out = []
    for doc in nlp.pipe(docs, batch_size=128):
        tags = ["O"] * len(doc)
        for ent in doc.ents:
            tags[ent.start] = "B-" + ent.label_
            for k in range(ent.start + 1, ent.end):
                tags[k] = "I-" + ent.label_
        out.append(tags)
    return out


def report(name: str, gold: Spans, pred: Spans, labels: list[str]) -> None:
    p, r, f = prf(gold, pred)
    print(f"  {name}: P {p:.3f} R {r:.3f} F1 {f:.3f}  (gold {len(gold)} spans)")
    for lab in labels:
        g = {s for s in gold if s[3] == lab}
        if g:
            print(f"    {lab:9s} F1 {prf(g, {s for s in pred if s[3] == lab})[2]:.3f}  n={len(g)}")


def germeval(nlp: Any, data: Path) -> None:
    rows = list(read_germeval(data / "germeval2014" / "NER-de-test.tsv"))
    for part, keep in (("news (held out)", is_news), ("whole split", lambda u: True)):
        sel = [s for u, s in rows if keep(u)]
        tags = predict(nlp, [w for w, _ in sel])
        gold = set().union(*(bio_spans(i, t) for i, (_, t) in enumerate(sel)))
        pred = set().union(*(bio_spans(i, t) for i, t in enumerate(tags)))
        print(f"GermEval 2014 test, outer, {part}: {len(sel)} sentences")
        report("12 labels (official)", gold, pred, sorted({s[3] for s in gold}))
        base = {"PER", "LOC", "ORG", "OTH"}
        report(
            "4 base types", {s for s in gold if s[3] in base}, {s for s in pred if s[3] in base}, []
        )


def germeval_stage(data: Path, model: Path | None = None) -> None:
    """The whole "entities" stage (model + rules) on the held-out news sentences, 4 base types:
    shows whether the rules tuned on the seeds help or hurt on unseen text."""
    from chronik.model import Article
    from chronik.stages.entities import EntityStage

    rows = [s for u, s in read_germeval(data / "germeval2014" / "NER-de-test.tsv") if is_news(u)]
    stage, gold, pred = EntityStage(model_path=str(model) if model else None), set(), set()
    back = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "OTH"}
    for i, (words, tags) in enumerate(rows):
        gold |= {g for g in bio_spans(i, tags) if g[3] in back.values()}
        starts, ends, pos = {}, {}, 0
        for k, w in enumerate(words):
            starts[pos], ends[pos + len(w)] = k, k + 1
            pos += len(w) + 1
        text = " ".join(words)
        art = stage([Article(id=str(i), source="b", raw_text=text, text=text, language="de")])[0]
        for m in art.mentions:
            if m.start in starts and m.end in ends:
                pred.add((i, starts[m.start], ends[m.end], back[m.type]))
            else:
                pred.add((i, -1, m.start, m.type))  # not token-aligned: a false positive
    print(f"GermEval 2014 test news, whole entities stage (model + rules), {len(rows)} sentences")
    report("4 base types", gold, pred, ["PER", "LOC", "ORG", "OTH"])


_EDGE = " \"'„“”‚‘’«»()[]{}.,;:!?-–—/*"


def _model_and_stage(model: Path | None, text: str) -> tuple[set[Any], set[Any]]:
    """Char spans (start, end, type) of the NER model alone, edges trimmed as the stage's
    cleaning does, and of the whole `entities` stage, on one sentence."""
    from chronik.model import Article
    from chronik.stages.entities import EntityStage
    from chronik.stages.entities.ner import backend_for

    alone = set()
    for a, b, label in backend_for("de", model).predict([text])[0]:
        while a < b and text[a] in _EDGE:
            a += 1
        while b > a and text[b - 1] in _EDGE:
            b -= 1
        alone.add((a, b, label))
    art = Article(id="d", source="b", raw_text=text, text=text, language="de")
    stage = EntityStage(model_path=str(model) if model else None)([art])[0]
    return alone, {(m.start, m.end, m.type) for m in stage.mentions}


def _loss(gold: tuple[int, int, str], stage: set[Any]) -> str:
    """How the stage lost a name the model had right: dropped, cut, longer or retyped."""
    over = [m for m in stage if m[0] < gold[1] and gold[0] < m[1]]
    if not over:
        return "dropped"
    if any(m[:2] == gold[:2] for m in over):
        return "retyped"
    return "cut" if all(gold[0] <= m[0] and m[1] <= gold[1] for m in over) else "longer"


def diagnose(data: Path, model: Path | None = None) -> None:
    """GermEval 2014 DEV (news and Wikipedia; the shipped model was trained on it, so the
    model is nearly right there): every gold name the model alone got right (span and type)
    that the whole stage lost or changed, by kind of loss, for finding rules that cost recall.
    /tmp/ner7/diag.py in round 5 also named the rule step responsible."""
    types = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
    kinds: dict[str, list[str]] = {}
    right = 0
    for i, (_, (words, tags)) in enumerate(read_germeval(data / "germeval2014" / "NER-de-dev.tsv")):
        text, offs, pos = " ".join(words), [], 0
        for w in words:
            offs.append((pos, pos + len(w)))
            pos += len(w) + 1
        gold = {
            (offs[a][0], offs[b - 1][1], types[t])
            for _, a, b, t in bio_spans(i, tags)
            if t in types
        }
        alone, stage = _model_and_stage(model, text)
        right += len(gold & alone)
        for g in sorted((gold & alone) - stage):
            kind = f"{_loss(g, stage)} {g[2]}"
            kinds.setdefault(kind, []).append(f"{text[g[0] : g[1]]!r} || {text[:100]}")
    lost = sum(map(len, kinds.values()))
    print(
        f"GermEval 2014 dev: {right} gold names the model alone got right, {lost} lost by the stage"
    )
    for kind, cases in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(cases):4d} {kind}")
        for case in cases:
            print(f"         {case}")


def smartdata(nlp: Any, data: Path) -> None:
    sents = list(read_smartdata(data / "smartdata_de" / "v3_20200302" / "dev.json.gz"))
    pred_tags = predict(nlp, [w for w, _ in sents])
    gold = set().union(*(bio_spans(i, t) for i, (_, t) in enumerate(sents)))
    pred = {
        s for i, t in enumerate(pred_tags) for s in bio_spans(i, t) if s[3] in {"PER", "ORG", "LOC"}
    }
    path = getattr(nlp, "path", None)
    meta = (Path(path) / "meta.json").read_text() if path else ""
    trained = "SmartData" in meta or hasattr(nlp, "tag_words")  # the e5 head: trained on it
    seen = "trained on: optimistic" if trained else "not trained on"
    print(f"SmartData v3 dev ({seen}): {len(sents)} sentences")
    report("PER/ORG/LOC", gold, pred, ["PER", "ORG", "LOC"])


ECB_TYPES = {
    "HUMAN_PART_PER": "PER",
    "HUMAN_PART_ORG": "ORG",
    "LOC_GEO": "LOC",
    "LOC_FAC": "LOC",
    "LOC_OTHER": "LOC",
}


def ecb_sentences(path: Path) -> tuple[list[list[str]], Spans]:
    """Sentences of one ECB+ file and its proper-name entity mentions (all words capitalised)."""
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    tok = {
        t.get("t_id"): (int(t.get("sentence", 0)), int(t.get("number", 0)), t.text or "")
        for t in root.iter("token")
    }
    sents: dict[int, list[str]] = {}
    for s_id, _num, word in tok.values():
        sents.setdefault(s_id, []).append(word)
    gold: Spans = set()
    markables = root.find("Markables")
    for mk in list(markables) if markables is not None else []:
        label = ECB_TYPES.get(mk.tag)
        ids = [a.get("t_id") for a in mk.iter("token_anchor")]
        if not label or not ids:
            continue
        words = [tok[i][2] for i in ids]
        if all(w[:1].isupper() for w in words if w.isalpha()) and any(w.isalpha() for w in words):
            nums = [tok[i][1] for i in ids]
            gold.add((tok[ids[0]][0], min(nums), max(nums) + 1, label))
    order = sorted(sents)
    remap = {s_id: i for i, s_id in enumerate(order)}
    return [sents[s] for s in order], {(remap[s], a, b, lab) for s, a, b, lab in gold}


def ecbplus(nlp: Any, data: Path, topics: list[int] | None, model: Path) -> None:
    """English: recall of ECB+ proper-name entity mentions (ECB+ marks only the mentions of its
    seminal events' participants, so precision cannot be measured on it)."""
    found = total = typed = 0
    trained = trained_on_ecbplus(model)
    if topics is None:
        topics = list(ECB_HELD_OUT) if trained else list(range(1, 26))
    seen = "trained on 1-22" if trained else "never trained on ECB+"
    paths = [p for t in topics for p in sorted((data / "ecbplus" / "ECB+" / str(t)).glob("*.xml"))]
    for path in paths:
        sents, gold = ecb_sentences(path)
        pred = set().union(*(bio_spans(i, t) for i, t in enumerate(predict(nlp, sents))))
        pred = {(i, a, b, LABELS.get(lab, "")) for i, a, b, lab in pred}
        untyped = {p[:3] for p in pred}
        total += len(gold)
        found += sum(g[:3] in untyped for g in gold)
        typed += len(gold & pred)
    span = (
        f"{topics[0]}-{topics[-1]}" if topics == list(range(topics[0], topics[-1] + 1)) else topics
    )
    print(f"ECB+ English proper-name entity mentions, topics {span} (model {seen}): {total}")
    print(f"  exact-span recall {found / max(1, total):.3f}, with type {typed / max(1, total):.3f}")


def speed(nlp: Any, data: Path, n_docs: int) -> None:
    import psutil
    import spacy

    with open(data / "10kgnad" / "test.csv", encoding="utf-8") as f:
        texts = [row[1] for row in csv.reader(f, delimiter=";", quotechar="'")][:n_docs]
    tok = spacy.blank("de")
    n_tokens = sum(len(d) for d in tok.pipe(texts))

    def run(fn: Callable[[], object]) -> float:
        times = []
        for _ in range(3):
            t0 = time.process_time()  # CPU time of this process: per-core speed on a shared box
            fn()
            times.append(time.process_time() - t0)
        return statistics.median(times)

    base = run(lambda: list(tok.pipe(texts)))
    if hasattr(nlp, "tag_words"):  # the e5 backend: same texts, one run (it is slow)
        t0 = time.process_time()
        nlp.predict(texts)
        model = time.process_time() - t0
    else:
        model = run(lambda: list(nlp.pipe(texts, batch_size=64)))
    print(
        f"Speed on 10kgnad ({len(texts)} docs, {n_tokens} tokens, 1 thread, CPU time, "
        + ("one run of the model):" if hasattr(nlp, "tag_words") else "median of 3):")
    )
    print(f"  tokenizer only (baseline): {n_tokens / base:,.0f} tokens/s")
    print(f"  NER model: {n_tokens / model:,.0f} tokens/s  (x{model / base:.1f} baseline time)")
    if hasattr(nlp, "tag_words"):
        e5_sentences(nlp, texts, n_tokens)
    print(f"  process RSS after the runs: {psutil.Process().memory_info().rss / 2**20:.0f} MB")


def e5_sentences(nlp: Any, texts: list[str], n_tokens: int) -> None:
    """The e5 backend on sentences, as the `entities` stage calls it (short windows)."""
    from chronik.stages.sentences.splitter import split_sentences

    sents = [t[a:b] for t in texts for a, b in split_sentences(t, "de")]
    t0 = time.process_time()
    nlp.predict(sents)
    took = time.process_time() - t0
    print(f"  NER model on {len(sents)} sentences (as the stage): {n_tokens / took:,.0f} tokens/s")


def load(backend: str, model: Path | None) -> tuple[Any, Path]:
    """The model to measure (warmed up) and its directory or file."""
    if backend == "e5":
        from chronik.stages.entities.encoder_ner import HEAD_FILE, E5Ner

        nlp: Any = E5Ner(model or HEAD_FILE)
        nlp.predict(["Warm-up: Wladimir Putin traf Kim Jong Un in Wladiwostok."])
        return nlp, model or HEAD_FILE
    import spacy

    from chronik.stages.entities.ner import MODEL_DIR
    from chronik.stages.entities.piece_vectors import register_spacy_vectors

    register_spacy_vectors()
    nlp = spacy.load(model or MODEL_DIR)
    nlp("Warm-up: Wladimir Putin traf Kim Jong Un in Wladiwostok.")
    return nlp, model or MODEL_DIR


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--model", type=Path, default=None, help="model dir (default: shipped)")
    ap.add_argument(
        "--backend", choices=["spacy", "e5"], default="spacy", help="e5: MLP head on e5 states"
    )
    ap.add_argument("--only", default="germeval,stage,smartdata,ecbplus,speed")
    ap.add_argument(
        "--ecb-topics", default="", help="ECB+ topics, e.g. 23,24,25 (default: see section 3)"
    )
    args = ap.parse_args()
    if not (args.data / "germeval2014").is_dir():
        print(f"{args.data} not found: benchmark skipped (needs ../shared/data)")
        return
    import psutil

    rss0 = psutil.Process().memory_info().rss
    nlp, model_dir = load(args.backend, args.model)
    load_mb = (psutil.Process().memory_info().rss - rss0) / 2**20
    print(f"model load: +{load_mb:.0f} MB RSS (process {rss0 / 2**20:.0f} MB before)")
    files = model_dir.rglob("*") if model_dir.is_dir() else [model_dir]
    size = sum(f.stat().st_size for f in files) / 2**20
    print(f"model: {model_dir} ({size:.1f} MB)")
    only = set(args.only.split(","))
    if "germeval" in only:
        germeval(nlp, args.data)
    if "stage" in only:
        germeval_stage(args.data, Path("e5") if args.backend == "e5" else args.model)
    if "smartdata" in only:
        smartdata(nlp, args.data)
    if "ecbplus" in only and (args.data / "ecbplus").is_dir():
        topics = [int(t) for t in args.ecb_topics.split(",") if t] or None
        ecbplus(nlp, args.data, topics, model_dir)
    if "speed" in only and (args.data / "10kgnad").is_dir():
        speed(nlp, args.data, args.docs)
    if "diagnose" in only:  # not in the default sections: slow, and it lists every case
        diagnose(args.data, Path("e5") if args.backend == "e5" else args.model)


if __name__ == "__main__":
    main()
