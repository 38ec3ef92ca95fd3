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


def _words(text: str) -> list[str]:
    return text.split()


def test_ecb_name_run_keeps_the_name_inside_a_long_markable() -> None:
    from ner_data import ecb_name_run

    assert ecb_name_run(_words("in the Gulf of Aden")) == (2, 5)
    assert ecb_name_run(_words("a bank in Athens")) == (3, 4)
    assert ecb_name_run(_words("President Barack Obama")) == (1, 3)  # the title is not the name
    assert ecb_name_run(_words("Paris jewelry store")) is None  # the name is not the head
    assert ecb_name_run(_words("the Kraft Foods plant in Northeast Philadelphia")) is None
    assert ecb_name_run(["She"]) is None


def test_ecbplus_reader_tags_participants_and_leaves_other_names_unknown(data_dir: Path) -> None:
    from ner_data import read_ecbplus_english

    sents = list(read_ecbplus_english(data_dir / "ecbplus", [1, 13]))
    assert 50 < len(sents) < 400
    spans = set()
    for words, tags in sents:
        assert len(words) == len(tags)
        for i, tag in enumerate(tags):
            if tag == "B-PER" and i + 1 < len(tags) and tags[i + 1] == "I-PER":
                spans.add(" ".join(words[i : i + 2]))
            if words[i] in {"She", "The", "He"}:
                assert tag == "O"  # capitalised function words are known not to be names
    assert "Tara Reid" in spans
    tags_all = [t for _, tags in sents for t in tags]
    assert "" in tags_all  # unannotated capitalised tokens: unknown, no loss
    police = [t for words, tags in sents for w, t in zip(words, tags, strict=True) if w == "Police"]
    assert police and "B-PER" not in police and "B-ORG" not in police  # a common noun, not a name


def test_ecbplus_held_out_topics_never_in_training(data_dir: Path) -> None:
    from ner_data import ECB_TRAIN, read_ecbplus_english

    held_out = {tuple(w) for w, _ in read_ecbplus_english(data_dir / "ecbplus", [23, 24, 25])}
    train, dev = load_training(
        data_dir, europeana=False, smartdata=False, ecb_train=ECB_TRAIN[:-1], ecb_dev=[22]
    )
    assert len(dev) > 250  # GermEval dev news + ECB+ topic 22
    seen = {tuple(w) for w, _ in train + dev}
    assert len(held_out) > 100
    assert len(held_out & seen) <= 0.02 * len(held_out)  # boilerplate lines may recur


def test_meta_of_an_ecb_trained_model_makes_benches_score_held_out_topics(tmp_path: Path) -> None:
    from train_ner import write_meta

    from chronik.stages.entities.ner import MODEL_DIR, trained_on_ecbplus

    for ecb in (False, True):
        (tmp_path / "meta.json").write_text('{"lang": "de"}')
        write_meta(tmp_path, vectors=True, ecb=ecb)
        assert trained_on_ecbplus(tmp_path) is ecb
    assert not trained_on_ecbplus(tmp_path / "missing")
    assert trained_on_ecbplus(MODEL_DIR)  # the shipped model: English benches score 23-25
