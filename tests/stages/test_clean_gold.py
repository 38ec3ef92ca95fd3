"""The cleaner on the real seeds and on examples/, judged by keep/remove snippet gold:
every must-remove line gone and listed with a reason, every must-keep line still there."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.model import Article
from chronik.stages.clean import CleanStage
from chronik.stages.clean.gold import Gold, load_articles, parse_gold, score

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "bench" / "data" / "seeds_clean_gold.txt"


def cleaned(folder: Path, gold: dict[str, Gold]) -> dict[str, Article]:
    articles = load_articles(folder)
    names = [n for n in gold if n in articles]
    return dict(zip(names, CleanStage()([articles[n] for n in names]), strict=True))


@pytest.fixture(scope="module")
def seed_gold() -> dict[str, Gold]:
    return parse_gold(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds_cleaned(seeds_dir: Path, seed_gold: dict[str, Gold]) -> dict[str, Article]:
    return cleaned(seeds_dir, seed_gold)


@pytest.fixture(scope="module")
def example_gold(examples_dir: Path) -> dict[str, Gold]:
    path = examples_dir / "EXPECTED.md"
    if not path.is_file():
        pytest.skip("examples/EXPECTED.md is absent")
    return parse_gold(path.read_text(encoding="utf-8"))


def test_gold_snippets_are_short_and_real(seed_texts: dict[str, str], seed_gold) -> None:
    assert set(seed_gold) == set(seed_texts)
    for name, gold in seed_gold.items():
        raw = " ".join(seed_texts[name].split())
        for snippet in gold.keep + gold.remove:
            assert len(snippet) <= 60 and snippet in raw, (name, snippet)


def test_seeds_lose_all_boilerplate_and_no_content(seeds_cleaned, seed_gold) -> None:
    for name, article in seeds_cleaned.items():
        s = score(name, article, seed_gold[name])
        assert s.fn == [], f"{name}: boilerplate left {s.fn}"
        assert s.fp == [], f"{name}: content lost {s.fp}"
        assert s.unexplained == [], f"{name}: removed without a reason {s.unexplained}"


def test_seed_metadata(seeds_cleaned: dict[str, Article]) -> None:
    by_prefix = {name[:3]: a for name, a in seeds_cleaned.items()}
    assert by_prefix["000"].meta["dateline"] == "Seoul"
    assert by_prefix["001"].published == "2023-09" and by_prefix["001"].outlet == "Euronews"
    assert by_prefix["001"].published_source == "text"
    assert by_prefix["002"].title == "Kim Jong Un will Putin in Russland besuchen"
    assert by_prefix["003"].outlet == "CNN"
    assert by_prefix["004"].contributors == (
        "Mariya Knight",
        "Yoonjung Seo",
        "Betsy Klein",
        "Paul P. Murphy",
    )
    assert by_prefix["000"].title and by_prefix["000"].title not in by_prefix["000"].text


def test_seed_duplicate_standfirst_is_kept_once(seeds_cleaned: dict[str, Article]) -> None:
    article = next(a for n, a in seeds_cleaned.items() if n.startswith("004"))
    standfirst = "Putins seltener Besuch in Nordkorea trägt zur Verschärfung"
    copies = article.text.count(standfirst) + (article.title or "").count(standfirst)
    assert copies == 1
    assert any(r.reason in ("title-repeat", "duplicate-paragraph") for r in article.removed)


def test_examples_match_expected(examples_dir: Path, example_gold) -> None:
    for name, article in cleaned(examples_dir, example_gold).items():
        s = score(name, article, example_gold[name])
        assert s.fn == [], f"{name}: boilerplate left {s.fn}"
        assert s.fp == [], f"{name}: content lost {s.fp}"


def test_example_duplicates(examples_dir: Path, example_gold) -> None:
    arts = cleaned(examples_dir, example_gold)
    weser = arts["de_weserblick_2023-09-11_zug.txt"]
    assert weser.text.count("Es wäre das erste Treffen der beiden Politiker") == 1
    ledger = arts["en_meridian_ledger_2024-06-20_treaty.txt"]
    assert "The treaty commits each side" in ledger.text
    assert "The treaty obliges each side" not in ledger.text
    assert any(r.reason == "near-duplicate" for r in ledger.removed)
