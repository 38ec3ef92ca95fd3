"""Language stage: article and paragraph languages on own texts and the seeds."""

from __future__ import annotations

import pickle

import pytest

from chronik.model import Article
from chronik.stages import create
from chronik.stages.lang import LanguageStage, sample

DE = "Der russische Präsident ist nach Nordkorea gereist, um dort Kim Jong Un zu treffen."
EN = "The Russian president travelled to North Korea on Wednesday to meet Kim Jong Un."
FR = "Le président russe s'est rendu en Corée du Nord mercredi pour rencontrer Kim Jong Un."
RU = "Президент России в среду отправился в Северную Корею, чтобы встретиться с Ким Чен Ыном."


@pytest.fixture(scope="module")
def stage() -> LanguageStage:
    return create("lang")  # type: ignore[no-any-return]


def _article(text: str) -> Article:
    return Article(id="x", source="t", raw_text=text, text=text)


def test_paragraph_languages_in_a_mixed_text(stage: LanguageStage) -> None:
    text = f"{DE} Das Treffen dauert zwei Tage.\n\n{EN}\n\n{FR}\n\n{RU}\n\nOk\n\n12345"
    out = stage([_article(text)])[0]
    assert out.language == "de"
    assert [lang for _, _, lang in out.paragraphs] == ["de", "en", "fr", "ru", None, None]
    assert [text[s:e] for s, e, _ in out.paragraphs][4:] == ["Ok", "12345"]
    assert out.done == ("lang",)


@pytest.mark.parametrize("text", ["", "   ", "OK", "12345 678 90", "!!! ???"])
def test_unknown_stays_none(stage: LanguageStage, text: str) -> None:
    out = stage([_article(text)])[0]
    assert out.language is None
    assert all(lang is None for _, _, lang in out.paragraphs)


def test_restricted_language_set_never_answers_outside_it() -> None:
    only = LanguageStage(languages=("de", "en"))
    assert only.detect(FR) in {"de", "en", None}
    assert LanguageStage().detect(FR) == "fr"


def test_all_caps_and_long_text_are_bounded(stage: LanguageStage) -> None:
    assert stage.detect(DE.upper()) == "de"
    long = (EN + "\n\n") * 20_000  # ~1.6 MB, 20k paragraphs
    out = stage([_article(long)])[0]
    assert out.language == "en"
    assert len(out.paragraphs) == 20_000
    assert out.paragraphs[0][2] == "en" and out.paragraphs[-1][2] is None  # beyond max_paragraphs


def test_sample_is_bounded_and_cut_at_spaces() -> None:
    text = " ".join(f"wort{i}" for i in range(10_000))
    snippet = sample(text, 400)
    assert len(snippet) <= 402
    assert all(w.startswith("wort") and w[4:].isdigit() for w in snippet.split())


def test_stage_pickles_without_its_model(stage: LanguageStage) -> None:
    stage.detect(DE)
    copy = pickle.loads(pickle.dumps(stage))
    assert copy.detect(EN) == "en"


def test_seeds_are_german(stage: LanguageStage, seed_texts: dict[str, str]) -> None:
    arts = [_article(t) for t in seed_texts.values()]
    out = stage(arts)
    assert [a.language for a in out] == ["de"] * len(arts)
    # English comment-form boilerplate paragraphs (seed 003) are recognised as English
    english = [a.text[s:e] for a in out for s, e, lang in a.paragraphs if lang == "en"]
    assert any("email address will not be published" in p for p in english)


def test_auto_accuracy_agrees_with_high_accuracy_on_mixed_paragraphs() -> None:
    text = f"{DE}\n\n{EN}\n\n{FR}\n\n{RU}\n\nKim besucht Putin\n\nPutin visits Kim today"
    auto = LanguageStage()([_article(text)])[0]
    high = LanguageStage(accuracy="high")([_article(text)])[0]
    assert auto.paragraphs == high.paragraphs
    assert [lang for _, _, lang in auto.paragraphs][:4] == ["de", "en", "fr", "ru"]
