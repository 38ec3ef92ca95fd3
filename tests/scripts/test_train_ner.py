"""The NER training data loader: license-safe splits and the SmartData label mapping."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from ner_data import is_news, load_training, read_germeval, smart_tag  # noqa: E402


def test_smart_tag_maps_fine_types_to_base_types() -> None:
    assert smart_tag("Siemens", "B-ORGANIZATION_COMPANY", True) == "B-ORG"
    assert smart_tag("Allee", "I-LOCATION_STREET", True) == "I-LOC"
    assert smart_tag("Merkel", "B-PERSON", False) == "B-PER"
    assert smart_tag("morgen", "B-DATE", True) == "O"  # not an entity type of ours


def test_smart_tag_marks_unannotated_name_candidates_missing() -> None:
    # SmartData has no OTH/deriv/part: capitalised or derived words it left O are unknown
    assert smart_tag("Bundesliga", "O", True) == ""
    assert smart_tag("russischen", "O", True) == ""
    assert smart_tag("ostdeutsche", "O", True) == ""
    assert smart_tag("zwischen", "O", True) == "O"
    assert smart_tag("fährt", "O", True) == "O"
    assert smart_tag("Bundesliga", "O", False) == "O"


def test_held_out_news_never_in_training(data_dir: Path) -> None:
    test = read_germeval(data_dir / "germeval2014" / "NER-de-test.tsv")
    held_out = {tuple(words) for url, (words, _) in test if is_news(url)}
    train, dev = load_training(data_dir, europeana=False, smartdata=True)
    assert len(dev) == 250
    seen = {tuple(words) for words, _ in train + dev}
    assert len(held_out) > 2000
    assert len(held_out & seen) < 0.01 * len(held_out)  # a few short sentences recur verbatim
    train_keys = {tuple(words) for words, _ in train}
    assert len({tuple(words) for words, _ in dev} & train_keys) <= 2  # the dev sample is apart
    assert any("" in tags for _, tags in train)  # SmartData tokens left unknown


def test_vectors_option_renders_a_config_spacy_accepts() -> None:
    """--vectors switches on static vectors named by the e5 piece-vectors factory."""
    import argparse

    from thinc.api import Config
    from train_ner import render_config

    base = dict(width=128, depth=4, rows="8000,2000,4000,1000", hidden=64, dropout=0.15)
    base.update(max_steps=10, learn_rate=0.001, batch_stop=1000)
    for vectors in (False, True):
        cfg = Config().from_str(render_config(argparse.Namespace(vectors=vectors, **base)))
        embed = cfg["components"]["tok2vec"]["model"]["embed"]
        assert embed["include_static_vectors"] is vectors
        assert ("vectors" in cfg["nlp"]) is vectors
    assert cfg["nlp"]["vectors"]["@vectors"] == "chronik.PieceVectors.v1"
