"""Round 9 of the entities stage (our own sentences): the e5 backend's path. Its BIO tags are
decoded without joining distant names, and its precise reading outvotes HanTa's noun lexicon
on rare nouns ('Bundesrat') but not on frequent ones ('Sonne')."""

from __future__ import annotations

import pytest
from entity_helpers import spans

from chronik.stages.entities import EntityStage
from chronik.stages.entities.encoder_ner import E5Ner
from chronik.stages.entities.recall import restore
from chronik.stages.entities.resolve import resolve
from chronik.stages.entities.spans import Raw, clean_spans
from chronik.stages.entities.stage import quoted_titles


def _staged(text: str, names: list[tuple[str, str]], precise: bool) -> list[tuple[str, str]]:
    """resolve() then restore(), as the stage runs them on German text."""
    model = spans(text, names)
    got = restore(text, model, resolve(text, model, lang="de"), precise=precise)
    return [(m.text, m.type) for m in got]


def _decoded(
    monkeypatch: pytest.MonkeyPatch, sentence: str, tags: list[str]
) -> list[tuple[str, str]]:
    """E5Ner.predict's spans for given word tags (the model itself is not run)."""
    monkeypatch.setattr(E5Ner, "tag_words", lambda self, sents: [tags])
    return [(sentence[a:b], t) for a, b, t in E5Ner().predict([sentence])[0]]


def test_an_orphan_inside_tag_starts_a_name_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "Klaus Weber traf Anna in Kassel"
    tags = ["B-PER", "I-PER", "O", "B-PER", "O", "I-LOC"]
    got = _decoded(monkeypatch, sentence, tags)
    assert got == [("Klaus Weber", "PER"), ("Anna", "PER"), ("Kassel", "LOC")]


def test_a_changed_label_inside_a_run_starts_a_new_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentence = "Kassel Weber sagte"
    got = _decoded(monkeypatch, sentence, ["B-LOC", "I-PER", "O"])
    assert got == [("Kassel", "LOC"), ("Weber", "PER")]
    # a derivation ('russischen') is no name, and its inside tag joins nothing
    got = _decoded(
        monkeypatch, "Putin und russischen Kreisen", ["B-PER", "O", "B-LOCderiv", "I-LOCderiv"]
    )
    assert got == [("Putin", "PER")]


def test_the_precise_model_keeps_a_rare_noun_name() -> None:
    # HanTa reads 'Bundesrat' and 'Hofburg' as common nouns; neither is a frequent one
    text = "Am Freitag stimmte der Bundesrat zu, und in der Hofburg wurde gefeiert."
    names = [("Bundesrat", "ORG"), ("Hofburg", "LOC")]
    assert _staged(text, names, precise=True) == [("Bundesrat", "ORG"), ("Hofburg", "LOC")]
    assert _staged(text, names, precise=False) == []  # the default model is not trusted so


def test_the_precise_model_still_loses_frequent_nouns_and_peoples() -> None:
    text = "Sie arbeiteten in der prallen Sonne, während die Dänen zusahen."
    names = [("Sonne", "LOC"), ("Dänen", "ORG")]
    assert _staged(text, names, precise=True) == []


def test_only_the_e5_backend_counts_as_precise() -> None:
    assert EntityStage(model_path="e5")._precise("de")
    assert not EntityStage()._precise("de")
    assert EntityStage(fallback="e5")._precise("fr")
    assert not EntityStage(fallback="caps")._precise("fr")


def test_a_quoted_title_of_the_precise_model_stays_whole() -> None:
    text = "Sie las „Das Parfum“ und sah „Ecce homo“ im Kino."
    model = [Raw(*_span(text, "Das Parfum"), "MISC"), Raw(*_span(text, "Ecce homo"), "MISC")]
    kept = clean_spans(text, quoted_titles(text, model))
    assert [text[r.start : r.end] for r in kept] == ["Das Parfum", "Ecce homo"]
    # without quotation marks (or from the default model) the article and lowercase tail go
    assert [text[r.start : r.end] for r in clean_spans(text, model)] == ["Parfum", "Ecce"]
    plain = "Sie las Das Parfum gern."
    unquoted = quoted_titles(plain, [Raw(*_span(plain, "Das Parfum"), "MISC")])
    assert not unquoted[0].whole
    alone = "Das Parfum"  # the text's edges are no quotation marks
    assert not quoted_titles(alone, [Raw(0, len(alone), "MISC")])[0].whole


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)
