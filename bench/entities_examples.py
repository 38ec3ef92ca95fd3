"""Entities in languages without a trained model: the Russian and French example articles.

Runs clean -> lang -> sentences -> entities -> link over examples/ once per fallback option of
the entities stage ("heuristic" = the old Latin-only fallback, "caps" = the script-agnostic
capitalised-run finder, "e5" = the multilingual e5 backend, "e5+caps"), then prints per
article mention recall and precision against our hand-checked lists
(tests/stages/examples_gold.py) and on two short texts of ours written after the finders
(Russian, Spanish: held out), whether the Russian names link to the German/English
entities, and the entities stage's speed on those articles (tokens/s, median of 3 runs).
Usage: nice .venv/bin/python bench/entities_examples.py [--options e5,caps] [--errors]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "stages"))

from examples_gold import EXAMPLES_GOLD, HELD_OUT, occurrences, score  # noqa: E402

from chronik.ingest import read_inputs  # noqa: E402
from chronik.model import Article, Corpus  # noqa: E402
from chronik.stages import create  # noqa: E402
from chronik.stages.entities import LinkStage  # noqa: E402
from chronik.stages.entities.stage import EntityStage  # noqa: E402

# Russian surface -> German/English surface it must share an entity with
LINKS = {
    "Путин": "Putin",
    "Ким Чен Ын": "Kim Jong Un",
    "Владивостоке": "Wladiwostok",
    "Пхеньян": "Pjöngjang",
    "Песков": "Peskow",
    "ЦТАК": "KCNA",
    "Шойгу": "Schoigu",
    "Кирби": "Kirby",
}


def prepared() -> list[Article]:
    arts = [a for a in read_inputs([str(ROOT / "examples")]) if isinstance(a, Article)]
    for name in ("clean", "lang", "sentences"):
        arts = create(name)(arts)
    return arts


def gold_of(article: Article) -> dict | None:
    name = Path(article.source).name
    return next((g for k, g in EXAMPLES_GOLD.items() if name.startswith(k)), None)


def linked(corpus: Corpus, ru: str, other: str) -> bool:
    ids = {
        m.entity_id
        for a in corpus.articles
        if a.language == "ru"
        for m in a.mentions
        if ru in m.text
    }
    return any(
        m.entity_id in ids
        for a in corpus.articles
        if a.language in {"de", "en"}
        for m in a.mentions
        if other in m.text
    )


def run(option: str, arts: list[Article], errors: bool) -> None:
    stage = EntityStage(fallback=option)
    todo = [a for a in arts if gold_of(a)]
    stage(todo)  # load models once
    times = []
    for _ in range(3):
        t = time.perf_counter()
        done = stage(todo)
        times.append(time.perf_counter() - t)
    tokens = sum(len(a.text.split()) for a in todo)
    corpus = LinkStage()(Corpus(articles=stage(arts)))
    print(f"== fallback={option}: {tokens / statistics.median(times):,.0f} tokens/s (median of 3)")
    for a in done:
        gold = gold_of(a)
        assert gold is not None
        res = score(occurrences(a.text, gold), [(m.start, m.end) for m in a.mentions])
        print(
            f"  {Path(a.source).name[:28]:28s} recall {res.recall:.3f} "
            f"({res.occurrences} gold)  precision {res.precision:.3f} "
            f"({res.mentions} mentions)"
        )
        if errors:
            print("    missed:", [a.text[s:e] for s, e, _ in res.missed])
            print("    wrong: ", [a.text[s:e] for s, e in res.wrong])
    for key, (lang, text, surfaces) in HELD_OUT.items():
        art = Article(id=key, source=key, raw_text=text, text=text, language=lang)
        (art,) = stage(create("sentences")([art.mark("text").mark("lang")]))
        gold = {s: ("?", (s,)) for s in surfaces}
        res = score(occurrences(text, gold), [(m.start, m.end) for m in art.mentions])
        print(
            f"  held out: {key:18s} recall {res.recall:.3f} ({res.occurrences} gold)  "
            f"precision {res.precision:.3f} ({res.mentions} mentions)"
        )
        if errors:
            print("    missed:", [text[s:e] for s, e, _ in res.missed])
            print("    wrong: ", [text[s:e] for s, e in res.wrong])
    ok = [f"{ru}={other}" for ru, other in LINKS.items() if linked(corpus, ru, other)]
    print(f"  ru linked to de/en: {len(ok)}/{len(LINKS)} {', '.join(ok)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--options", default="heuristic,caps,e5,e5+caps")
    ap.add_argument("--errors", action="store_true", help="print missed and wrong mentions")
    args = ap.parse_args()
    arts = prepared()
    for option in args.options.split(","):
        run(option, arts, args.errors)


if __name__ == "__main__":
    main()
