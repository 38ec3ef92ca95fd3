"""Stage ordering from requires/provides and failure isolation in a batch."""

from __future__ import annotations

from typing import ClassVar

import pytest

from chronik.errors import ChronikError
from chronik.model import Article, Corpus, Entity, Mention
from chronik.pipeline import Pipeline, order_stages


class Upper:
    name, requires, provides = "upper", ("raw",), ("text",)

    def __call__(self, batch: list[Article]) -> list[Article]:
        return [a.evolve(text=a.raw_text.upper()) for a in batch]


class FindKim:
    name, requires, provides = "kim", ("text",), ("mentions",)

    def __call__(self, batch: list[Article]) -> list[Article]:
        out = []
        for a in batch:
            if "BOOM" in a.text:
                raise ValueError("cannot parse")
            i = a.text.find("KIM")
            spans = (Mention(i, i + 3, "KIM", type="PER"),) if i >= 0 else ()
            out.append(a.evolve(mentions=spans))
        return out


class CountEntities:
    name, requires, provides = "link", ("mentions",), ("entities",)
    corpus_level: ClassVar[bool] = True

    def __call__(self, corpus: Corpus) -> Corpus:
        n = sum(len(a.mentions) for a in corpus.articles)
        return corpus.replace(entities=[Entity(id="kim", type="PER", name="Kim", mention_count=n)])


def _art(i: int, text: str) -> Article:
    return Article(id=str(i), source=f"doc{i}.txt", raw_text=text)


def test_order_follows_requires_not_listing_order() -> None:
    ordered = order_stages([FindKim(), CountEntities(), Upper()])
    assert [s.name for s in ordered] == ["upper", "kim", "link"]


def test_unsatisfiable_requirement_is_named() -> None:
    with pytest.raises(ChronikError, match="mentions"):
        order_stages([CountEntities()])


def test_one_bad_article_fails_alone_and_keeps_earlier_work() -> None:
    pipe = Pipeline.from_stages([Upper(), FindKim()])
    batch = [_art(1, "Kim fährt nach Russland."), _art(2, "boom"), _art(3, "Putin wartet.")]
    result = pipe.process_batch(batch)
    assert [a.id for a in result.articles] == ["1", "2", "3"]
    by_id = {a.id: a for a in result.articles}
    assert by_id["1"].mentions[0].text == "KIM" and by_id["1"].done == ("upper", "kim")
    assert by_id["2"].done == ("upper",) and by_id["2"].text == "BOOM"
    assert by_id["3"].mentions == ()
    (err,) = result.errors
    assert err.item == "doc2.txt" and err.stage == "kim" and "cannot parse" in err.reason


def test_stages_already_done_are_not_rerun() -> None:
    pipe = Pipeline.from_stages([Upper(), FindKim()])
    done = _art(1, "Kim").mark("upper", text="already clean Kim").mark("kim")
    (out,) = pipe.process_batch([done]).articles
    assert out.text == "already clean Kim"


def test_corpus_stage_failure_is_reported_not_raised() -> None:
    class Broken(CountEntities):
        def __call__(self, corpus: Corpus) -> Corpus:
            raise RuntimeError("linker exploded")

    pipe = Pipeline.from_stages([Upper(), FindKim(), Broken()])
    corpus, errors = pipe.run_corpus(Corpus(articles=[]))
    assert corpus.entities == [] and errors[0].stage == "link"
    ok = Pipeline.from_stages([Upper(), FindKim(), CountEntities()])
    arts = ok.process_batch([_art(1, "Kim Jong Un"), _art(2, "Kim")]).articles
    corpus, errors = ok.run_corpus(Corpus(articles=arts))
    assert not errors and corpus.entities[0].mention_count == 2
