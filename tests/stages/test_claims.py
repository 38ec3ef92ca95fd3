"""Claims stage: same measure across articles -> agree / conflict / update."""

from __future__ import annotations

from chronik.model import Article, Corpus
from chronik.stages import create
from chronik.stages.quantities import QuantityStage


def _art(i: str, text: str, outlet: str, published: str) -> Article:
    return Article(
        id=i,
        source=outlet,
        raw_text=text,
        text=text,
        language="de",
        outlet=outlet,
        published=published,
    )


def _claims(*arts: Article):  # type: ignore[no-untyped-def]
    corpus = Corpus(articles=QuantityStage(attribute=False)(list(arts)))
    return create("claims")(corpus).claims


def test_conflict_agree_and_update() -> None:
    a = _art(
        "a", "Die Strecke zwischen Berlin und Hamburg ist 290 Kilometer lang.", "X", "2024-01-01"
    )
    b = _art(
        "b", "Von Berlin nach Hamburg sind es 300 Kilometer auf der Strecke.", "Y", "2024-01-01"
    )
    c = _art("c", "Zwischen Berlin und Hamburg liegen 450 Kilometer Strecke.", "Y", "2024-01-02")
    (agree,) = _claims(a, b)
    assert agree.verdict == "agree" and len(agree.values_by_source) == 2
    (conflict,) = _claims(a, c)
    assert conflict.verdict == "conflict"
    (update,) = _claims(b, c)
    assert update.verdict == "update"


def test_unrelated_measures_not_paired() -> None:
    a = _art("a", "In Berlin fielen 20 Millimeter Regen, sagte Anna Weber.", "X", "2024-01-01")
    b = _art("b", "Der Zug von Paris nach Lyon fuhr 400 Kilometer.", "Y", "2024-01-01")
    assert _claims(a, b) == []


def test_seed_distance_conflict(seed_texts: dict[str, str]) -> None:
    arts = [_art(n, t, n[:3], "2023-09-12") for n, t in seed_texts.items()]
    claims = _claims(*arts)
    dist = [c for c in claims if c.measure.endswith("[km]")]
    assert dist and dist[0].verdict == "conflict"
    assert {v["value"] for v in dist[0].values_by_source} == {680.0, 1200.0}


def test_an_article_without_outlet_is_named_by_its_file_not_its_path() -> None:
    text = "Die Strecke zwischen Berlin und Hamburg ist 290 Kilometer lang."
    a = Article(id="a", source="/data/in/tagesbrief.txt", raw_text=text, text=text, language="de")
    b = _art("b", "Von Berlin nach Hamburg sind es 450 Kilometer auf der Strecke.", "Y", "")
    (claim,) = _claims(a, b)
    assert {v["source"] for v in claim.values_by_source} == {"tagesbrief.txt", "Y"}
