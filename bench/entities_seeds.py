"""Entity benchmark on the seeds and on 10kgnad: linking quality and end-to-end speed.

1. Seeds (../shared/seeds): mention recall against our hand-checked list
   (tests/stages/entities_gold.py), wrongly merged entities, gold entities split in several;
   precision: exported entities named by neither GOLD nor ALSO_CORRECT (junk), and listed
   entities exported with another type;
2. speed of the "entities" + "link" stages on ../shared/data/10kgnad (tokens/s, 1 thread,
   median of 3) against a tokenizer-only baseline in the same process.
Usage: nice .venv/bin/python bench/entities_seeds.py [--docs 300]
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "tests" / "stages"))

from entities_gold import MUST_LINK, ROLES, not_in_gold, occurrences, score  # noqa: E402

from chronik.model import Article, Corpus  # noqa: E402
from chronik.stages.entities import EntityStage, LinkStage  # noqa: E402
from chronik.stages.sentences import SentenceStage  # noqa: E402


def analyse(texts: dict[str, str]) -> Corpus:
    """Sentences, entities, linking: what `chronik analyze` runs (the model's types depend on
    the sentence context it is given)."""
    arts = [
        Article(id=k, source="bench", raw_text=t, text=t, language="de") for k, t in texts.items()
    ]
    return LinkStage()(Corpus(articles=EntityStage()(SentenceStage()(arts))))


def seeds() -> None:
    texts = {
        p.name: p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))
    }
    corpus = analyse(texts)
    ments = [(a.id, m.start, m.end, m.entity_id) for a in corpus.articles for m in a.mentions]
    res = score(occurrences(texts), ments)
    print(
        f"Seeds: mention recall {res['recall']:.3f} ({res['found']}/{res['total']}), "
        f"wrong merges {len(res['wrong_merges'])}, gold entities split {len(res['split'])}"
    )
    for eid, golds in res["wrong_merges"].items():
        print(f"  WRONG MERGE {eid}: {golds}")
    for ent, n in res["split"].items():
        print(f"  split: {ent} over {n} entities" + ("  (must link!)" if ent in MUST_LINK else ""))
    for doc, s, e, ent in res["missed"]:
        print(f"  missed: {ent!r} {texts[doc][s:e]!r} in {doc}")
    by_name = {e.name: e for e in corpus.entities}
    for ent, role in ROLES.items():
        roles = [r for e in by_name.values() for r in e.roles if ent.split()[-1][:4] in e.name]
        print(f"  role {role!r} for {ent}: {'yes' if role in roles else 'NO'}")
    print(f"  entities: {len(corpus.entities)}; mentions: {len(ments)}")
    junk, mistyped = not_in_gold((e.name, e.type, e.aliases) for e in corpus.entities)
    share = 1 - len(junk) / max(1, len(corpus.entities))
    print(
        f"Seeds precision: {len(junk)} entities not in the gold lists (entity precision "
        f"{share:.3f}), {len(mistyped)} listed ones with another type"
    )
    for line in junk + mistyped:
        print(f"  not in gold: {line}" if line in junk else f"  wrong type: {line}")


def speed(n_docs: int) -> None:
    import spacy

    path = SHARED / "data" / "10kgnad" / "test.csv"
    with open(path, encoding="utf-8") as f:
        texts = {
            str(i): row[1]
            for i, row in enumerate(csv.reader(f, delimiter=";", quotechar="'"))
            if i < n_docs
        }
    tok = spacy.blank("de")
    n_tokens = sum(len(d) for d in tok.pipe(texts.values()))

    def run(fn) -> float:
        times = []
        for _ in range(3):
            t0 = time.process_time()  # CPU time of this process: per-core speed on a shared box
            fn()
            times.append(time.process_time() - t0)
        return statistics.median(times)

    base = run(lambda: list(tok.pipe(texts.values())))
    full = run(lambda: analyse(texts))
    print(
        f"Speed, entities + link on 10kgnad ({len(texts)} docs, {n_tokens} tokens, "
        "1 thread, CPU time, median of 3):"
    )
    print(f"  tokenizer only (baseline): {n_tokens / base:,.0f} tokens/s")
    print(f"  entities + link: {n_tokens / full:,.0f} tokens/s (x{full / base:.1f} baseline time)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    args = ap.parse_args()
    import psutil

    rss0 = psutil.Process().memory_info().rss
    analyse({"warm": "Wladimir Putin traf Kim Jong Un in Wladiwostok. Die Staatsmedien."})
    rss1 = psutil.Process().memory_info().rss
    print(f"Memory: +{(rss1 - rss0) / 2**20:.0f} MB RSS to load model, gazetteer and HanTa")
    if (SHARED / "seeds").is_dir():
        seeds()
    else:
        print("../shared/seeds not found: seed benchmark skipped")
    if (SHARED / "data" / "10kgnad").is_dir():
        speed(args.docs)
    else:
        print("../shared/data/10kgnad not found: speed benchmark skipped")


if __name__ == "__main__":
    main()
