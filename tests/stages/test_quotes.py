"""Quotes stage: own sentences for each pattern, bad input, and the hand-checked seed list."""

from __future__ import annotations

import time

import pytest
from seed_gold import score_quotes

from chronik.model import Article
from chronik.stages import create
from chronik.stages.quotes import extract_quotes


def _one(text: str, lang: str = "de"):  # type: ignore[no-untyped-def]
    qs = extract_quotes(text, lang)
    assert qs, text
    return qs


def test_direct_with_cue_after_and_pronoun_resolution() -> None:
    text = (
        "Bürgermeisterin Anna Kramer sagte, die Brücke werde im Mai eröffnet. "
        "„Wir haben lange darauf gewartet“, fügte sie hinzu."
    )
    qs = _one(text)
    direct = next(q for q in qs if q.type == "direct")
    assert direct.text.startswith("„Wir haben")
    assert direct.cue == "fügte hinzu"
    assert direct.speaker_text == "sie" and direct.speaker_name == "Anna Kramer"
    indirect = next(q for q in qs if q.type == "indirect")
    assert indirect.text == "die Brücke werde im Mai eröffnet"
    assert indirect.speaker_name == "Anna Kramer"


def test_speaker_before_colon_and_multi_sentence_quote() -> None:
    text = (
        "Auf die Frage antwortete Minister Jan Ott: „Das ist richtig. Wir bleiben dabei.“ "
        "Dann ging er."
    )
    (q,) = [q for q in _one(text) if q.type == "direct"]
    assert q.text == "„Das ist richtig. Wir bleiben dabei.“"
    assert q.speaker_name == "Jan Ott"


def test_cue_last_so_and_according_to() -> None:
    text = (
        "Die Lage sei ernst, so Polizeisprecher Tom Berg. Laut der Feuerwehr Köln brannte das Haus."
    )
    qs = _one(text)
    assert qs[0].cue == "so" and qs[0].speaker_name == "Tom Berg"
    assert qs[0].text == "Die Lage sei ernst"
    assert any(q.cue == "laut" and "Feuerwehr" in (q.speaker_text or "") for q in qs)


def test_english_said() -> None:
    qs = _one('"We will not wait," said Maria Lopez, the mayor.', "en")
    assert qs[0].type == "direct" and qs[0].speaker_name == "Maria Lopez"


def test_scare_quotes_and_titles_have_no_speaker() -> None:
    text = "Das berichtet die „New York Times“ („NYT“). Der „Gipfel“ fand statt."
    assert all(q.speaker_text is None for q in extract_quotes(text))


@pytest.mark.parametrize(
    "text",
    [
        "Er sagte: „Das ist ein Satz ohne Ende",  # unbalanced
        "„Außen ‚innen‘ und „wieder“ außen“, sagte Ole Hansen.",  # nested
        "„" + "Dies ist ein sehr langer Satz ohne Sprecher. " * 200 + "“",  # whole article
        "19 Uhr (1000 GMT) Covid-19 G7 +49 30 1234567",
        "!!!! ???? 12345",
        "ALLES IN GROSSBUCHSTABEN SAGTE ER HEUTE.",
    ],
)
def test_bad_input_no_false_speaker_no_crash(text: str) -> None:
    t0 = time.perf_counter()
    qs = extract_quotes(text)
    assert time.perf_counter() - t0 < 1.0
    for q in qs:
        assert q.speaker_text is None or q.speaker_text in text
        assert text[q.start : q.end] == q.text


def test_runaway_input_is_bounded() -> None:
    text = ("sagte, „dass " * 20000) + "x"
    t0 = time.perf_counter()
    extract_quotes(text)
    assert time.perf_counter() - t0 < 5.0


def test_stage_via_registry_marks_article() -> None:
    stage = create("quotes")
    text = "„Wir kommen wieder“, sagte Trainerin Lea Wolf."
    art = Article(id="x", source="t", raw_text=text, text=text, language="de")
    (out,) = stage([art])
    assert "quotes" in out.done and out.quotes[0].speaker_name == "Lea Wolf"


def test_seed_quotes_hand_checked(seed_texts: dict[str, str]) -> None:
    found = {n: extract_quotes(t, "de") for n, t in seed_texts.items()}
    score = score_quotes(seed_texts, found)
    assert score["recall"] >= 0.85
    assert score["speaker_acc"] >= 0.8
