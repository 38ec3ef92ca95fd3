"""Per-stage cost on pathological input, per 1,000 characters, against ordinary news text.

A stage whose cost per character grows with the input (quadratic behaviour) shows up as a
large ratio here. Run: `python bench/robustness.py` (needs no ../shared data).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from chronik import stages as registry
from chronik.model import Article, content_id
from chronik.pipeline import Pipeline

NEWS = (
    "Kremlsprecher Dmitri Peskow sagte am Dienstag, das Treffen werde in den kommenden Tagen "
    "stattfinden. „Wir sind bereit“, fügte er hinzu. Der Zug legte etwa 1.200 Kilometer zurück.\n\n"
)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ORDINARY = "\n\n".join(p.read_text("utf-8") for p in sorted(EXAMPLES.glob("de_[!a]*.txt")))
CASES = {
    "ordinary news (examples)": ORDINARY,
    "weekdays, no punctuation": "DIENSTAG MONTAG " * 2000,
    "one 200k-char sentence": ("und dann sagte Peskow dass Kim am Montag kam " * 4500).strip(),
    "digits only": "1234567890 " * 5000,
    "all caps": NEWS.upper() * 40,
    "unbalanced quotes": "„Er sagte „nein“ und „ja. " * 2000,
    "mixed scripts": "Путин встретил Kim Jong Un 김정은 in Pjöngjang am 13. September. " * 600,
    "no letters": "!!!??? ... --- *** " * 3000,
}


def run_stage(stage: object, article: Article) -> float:
    start = time.perf_counter()
    stage([article])  # type: ignore[operator]
    return time.perf_counter() - start


def prepared(text: str, names: list[str]) -> Article:
    """The article as the stage before `names[-1]` would hand it over."""
    art = Article(id=content_id(text, "bench"), source="bench", raw_text=text, language="de")
    pipe = Pipeline([n for n in names[:-1]]) if len(names) > 1 else None
    if pipe is None:
        return art
    (out,) = pipe.process_batch([art]).articles
    return out


def main() -> int:
    names = [n for n in registry.DEFAULT_STAGES if not _is_corpus(n)]
    base: dict[str, float] = {}
    print(f"{'case':28} {'stage':12} {'ms/1k chars':>12} {'x news':>8}")
    for case, text in CASES.items():
        for i, name in enumerate(names):
            stage = registry.create(name)
            run_stage(stage, prepared("Warm up. " + text[:2000], names[: i + 1]))  # models load
            # a new text each run, so no stage can answer from a cache
            arts = [prepared(f"Lauf {r}. {text}", names[: i + 1]) for r in range(3)]
            secs = statistics.median(run_stage(stage, art) for art in arts)
            size = len(arts[0].text or arts[0].raw_text)  # what the stage really got
            per_k = 1000 * secs / max(1, size) * 1000
            base.setdefault(name, per_k)
            ratio = per_k / base[name] if base[name] else float("nan")
            flag = "  <-- check" if ratio > 10 else ""
            print(f"{case:28} {name:12} {per_k:12.3f} {ratio:8.1f}{flag}")
    return 0


def _is_corpus(name: str) -> bool:
    return registry.is_corpus_stage(registry.create(name))


if __name__ == "__main__":
    sys.exit(main())
