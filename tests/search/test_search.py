"""Search over a real store: keyword, semantic (cross-lingual), filters, bad queries,
a lost or damaged vector file, and deletions in the vector index."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from chronik.model import Article, Mention
from chronik.search import QueryError, Searcher, search
from chronik.search.fts import match_expression
from chronik.search.vectors import VectorIndex, ann_recall
from chronik.store import open_store

DOCS = [
    ("de1", "de", "Weserblick", "2023-09-12",
     "Nordkorea soll Russland Artilleriegranaten liefern. Im Gegenzug hofft Pjöngjang auf "
     "Satellitentechnik. Die Waffenlieferungen verstoßen gegen UN-Sanktionen."),
    ("en1", "en", "Harbour Times", "2023-09-13",
     "The two leaders discussed an arms deal at the Vostochny cosmodrome. Washington warned "
     "that any transfer of weapons would violate UN sanctions."),
    ("de2", "de", "Alpenbote", "2024-01-05",
     "Der Winter bringt viel Schnee in die Alpen. Skigebiete melden einen Rekordandrang "
     "und lange Schlangen an den Liften."),
]  # fmt: skip


def _store(path: Path) -> str:
    db = str(path / "s.db")
    store = open_store(db)
    arts = []
    for aid, lang, outlet, date, text in DOCS:
        mentions = (
            (Mention(0, 10, text[:10], type="LOC", canonical="Nordkorea"),) if aid == "de1" else ()
        )
        arts.append(
            Article(id=aid, source=aid, raw_text=text, text=text, language=lang, outlet=outlet,
                    published=date, title=f"title {aid}", mentions=mentions)
        )  # fmt: skip
    store.put_articles(arts)
    store.close()
    return db


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return _store(tmp_path)


def test_keyword_finds_the_passage_with_offsets(db: str) -> None:
    hits = search(db, "Waffenlieferungen", mode="keyword")
    assert hits and hits[0].article_id == "de1"
    assert "Waffenlieferungen" in hits[0].text
    art = next(open_store(db).articles(["de1"]))
    assert art.text[hits[0].start : hits[0].end] == hits[0].text


def test_semantic_search_crosses_languages(db: str) -> None:
    hits = search(db, "Waffenlieferungen Nordkorea", mode="semantic", lang="en")
    assert [h.article_id for h in hits] == ["en1"]
    top = search(db, "weapons deliveries from North Korea", mode="semantic", limit=3)
    assert top[0].article_id in {"de1", "en1"} and top[-1].article_id == "de2"


def test_hybrid_and_filters(db: str) -> None:
    assert search(db, "sanctions Sanktionen", limit=5)[0].article_id in {"de1", "en1"}
    assert {h.article_id for h in search(db, "Schnee", outlet="Alpenbote")} == {"de2"}
    assert not search(db, "Schnee", outlet="Weserblick", mode="keyword")
    assert {h.article_id for h in search(db, "sanctions", date_to="2023-09-12")} == {"de1"}
    assert {h.article_id for h in search(db, "Sanktionen", date_from="2023-09-13")} <= {
        "en1", "de2"}  # fmt: skip
    assert {h.article_id for h in search(db, "Sanktionen", entity="nordkorea")} == {"de1"}


@pytest.mark.parametrize(
    "query",
    ['"', 'NEAR("a" "b")', "* - ^", "Putin*", "-Kim", "a OR", "'; DROP TABLE articles; --",
     "x" * 100_000, "ü" * 70, "\x00 Kim \u200b"],
)  # fmt: skip
def test_hostile_queries_never_raise_or_inject(db: str, query: str) -> None:
    try:
        hits = search(db, query, limit=3)
    except QueryError as exc:
        assert str(exc)  # a clear message, not a crash
        hits = []
    assert isinstance(hits, list)
    assert open_store(db).counts()["articles"] == 3


@pytest.mark.parametrize("query", ["", "   ", "?!…---", "***"])
def test_queries_without_words_get_a_message(db: str, query: str) -> None:
    with pytest.raises(QueryError):
        search(db, query)


def test_match_expression_quotes_every_term() -> None:
    assert match_expression('NEAR(a b) "x" -y*') == '"NEAR" OR "a" OR "b" OR "x" OR "y"'
    assert match_expression("!!!") is None


def test_missing_or_corrupt_vector_file_is_rebuilt(tmp_path: Path) -> None:
    db = _store(tmp_path)
    first = Searcher(open_store(db))
    first.sync()
    vec_file = Path(db + ".vectors.usearch")
    assert vec_file.exists()
    for damage in (lambda: vec_file.write_bytes(b"garbage" * 10), vec_file.unlink):
        damage()
        again = Searcher(open_store(db))
        assert again.vectors.needs_rebuild
        again.sync()
        hits = again.search("arms deal", mode="semantic", limit=1, filters=_no_filters())
        assert hits and hits[0].article_id == "en1"


def _no_filters():  # type: ignore[no-untyped-def]
    from chronik.search import Filters

    return Filters()


def test_vector_index_deletions_and_ann_matches_exact() -> None:
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(500, 32)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    index = VectorIndex(None, 32, exact_below=10)
    index.add(list(range(1, 501)), vecs)
    assert index.search(vecs[0], 1)[0][0] == 1
    index.remove([1])
    assert 1 not in {k for k, _ in index.search(vecs[0], 5)}
    assert len(index) == 499
    exact = {k for k, _ in index.search(vecs[5], 10, exact=True)}
    approx = {k for k, _ in index.search(vecs[5], 10)}
    assert len(exact & approx) >= 8


def test_sync_skips_unchanged_store_and_sees_new_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _store(tmp_path)
    searcher = Searcher(open_store(db))
    assert searcher.sync() == 3
    calls: list[int] = []
    status = searcher.store.article_status

    def counted() -> dict[str, tuple[str, ...]]:
        calls.append(1)
        return status()  # type: ignore[no-any-return]

    monkeypatch.setattr(searcher.store, "article_status", counted)
    assert searcher.sync() == 0 and not calls  # watermark unchanged: no table reads
    other = open_store(db)  # another connection (another process in real use) adds one
    text = "Die Raumfahrtbehörde testet eine neue Trägerrakete am Kosmodrom."
    other.put_articles([Article(id="de3", source="de3", raw_text=text, text=text, language="de")])
    other.close()
    assert searcher.sync() == 1 and calls
    hits = searcher.search("Trägerrakete", mode="keyword", filters=_no_filters())
    assert hits[0].article_id == "de3"


def test_query_embeddings_are_cached(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    searcher = Searcher(open_store(db))
    searcher.sync()
    first = searcher.query_vector("arms deal")

    def no_encode(*args: object, **kwargs: object) -> None:
        raise AssertionError("the query was embedded twice")

    monkeypatch.setattr(searcher.embedder, "encode", no_encode)
    assert searcher.query_vector("arms deal") is first
    hits = searcher.search("arms deal", mode="semantic", limit=1, filters=_no_filters())
    assert hits[0].article_id == "en1" and not first.flags.writeable


def _clustered(n_centres: int, copies: int, dim: int, seed: int) -> np.ndarray:
    """Unit vectors in tight clusters: the near-copies (wire reprints) that strand HNSW."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(n_centres, dim))
    vecs = np.repeat(centres, copies, axis=0) + 0.3 * rng.normal(size=(n_centres * copies, dim))
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    return vecs.astype(np.float32)


def test_tuned_ann_returns_the_exact_top10_with_exact_scores() -> None:
    vecs = _clustered(100, 30, 48, seed=1)
    keys = list(range(1, len(vecs) + 1))
    rng = np.random.default_rng(2)
    queries = vecs[rng.choice(len(vecs), 40, replace=False)] + 0.2 * rng.normal(size=(40, 48))
    queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
    small = VectorIndex(None, 48)  # 3000 rows: below EXACT_BELOW, the numpy scan answers
    small.add(keys, vecs)
    index = VectorIndex(None, 48, exact_below=0)  # always HNSW + exact re-rank
    index.add(keys, vecs)
    for query in queries:
        exact = index.search(query, 10, exact=True)
        assert small.search(query, 10) == exact
        approx = index.search(query, 10)
        found = dict(exact)
        # re-ranked: every hit carries its exact score (BLAS rounding aside), best first
        assert all(abs(found.get(k, s) - s) < 1e-6 for k, s in approx), (approx, exact)
        assert [s for _, s in approx] == sorted((s for _, s in approx), reverse=True)
    # multi-threaded HNSW builds vary slightly from run to run: a bound, not equality
    recall = ann_recall(index, queries, 10)
    assert recall >= 0.98, recall


def test_equal_vectors_tie_by_key_and_recall_forgives_only_them() -> None:
    vecs = _clustered(20, 10, 16, seed=3)
    vecs[150] = vecs[7]  # the same passage stored twice
    index = VectorIndex(None, 16, exact_below=0)
    index.add(list(range(len(vecs))), vecs)
    hits = index.search(vecs[7], 10)
    assert [k for k, _ in hits[:2]] == [7, 150] and hits[0][1] == hits[1][1]
    assert ann_recall(index, vecs[:30], 10) == 1.0
    weak = VectorIndex(None, 16, exact_below=0, connectivity=2, rerank=1)
    weak.index.expansion_search = 10  # type: ignore[misc]  # a deliberately poor graph search
    weak.add(list(range(len(vecs))), vecs)
    strict, ties, loose = (ann_recall(weak, vecs[:30], 10, tie) for tie in (0.0, 1e-6, 0.5))
    assert strict <= ties <= loose and strict < 1.0


def test_index_built_with_a_weaker_graph_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "v.usearch"
    old = VectorIndex(path, 16, connectivity=16)
    old.add([1, 2], _clustered(1, 2, 16, seed=4))
    old.save()
    assert not VectorIndex(path, 16, connectivity=16).needs_rebuild
    assert VectorIndex(path, 16).needs_rebuild  # default degree 32: rebuild from the store
