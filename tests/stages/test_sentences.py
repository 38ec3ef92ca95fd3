"""Sentence splitter and stage: own examples per rule, the real seeds, and odd input."""

from __future__ import annotations

import itertools

import pytest

from chronik.model import Article
from chronik.stages import create
from chronik.stages.sentences import (
    SentenceStage,
    paragraph_spans,
    split_sentences,
    split_with_paragraphs,
)


def sents(text: str, lang: str | None = "de") -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, lang)]


@pytest.mark.parametrize(
    "text",
    [
        "Der Korea-Experte Jean H. Lee sieht das anders.",
        "Das Treffen war am 28. Juli 2023 in Pjöngjang.",
        "Sie nehmen von 10. bis 13. September am Forum teil.",
        "Er kommt am 13. September nach Wladiwostok.",
        "Der Minister (li.) besuchte Kim bereits im Juli.",
        "Es gibt z. B. Granaten, Raketen u.a. aus Nordkorea.",
        "Dr. Kim sprach mit Prof. Lee über Nr. 5 bzw. Nr. 6.",
        "Die Strecke ist 1.200 Kilometer lang und dauert 3.5 Tage.",
        "Das Forum endet am 13. Sept. in der Stadt.",
        "Im Jan. 2024 reiste er mit St. Petersburger Beamten.",
        "Er wartete... und wartete.",
        "An der Feier nahm Queen Elizabeth II. (89) teil.",
        "Der Weltranglisten-19. Dominic Thiem gewann.",
        "Kostüme zum 1./2. Weltkrieg sind geschmacklos.",
    ],
)
def test_german_abbreviations_dates_and_numbers_stay_in_one_sentence(text: str) -> None:
    assert sents(text) == [text]


def test_german_sentence_ends_are_found() -> None:
    text = (
        "Kim reiste 2019 nach Russland. Das Treffen fand im April statt! "
        "Wer kommt als Nächstes? Im Jahr 2022. Die Lage blieb unklar... Dann kam die Nachricht."
    )
    assert sents(text) == [
        "Kim reiste 2019 nach Russland.",
        "Das Treffen fand im April statt!",
        "Wer kommt als Nächstes?",
        "Im Jahr 2022.",
        "Die Lage blieb unklar...",
        "Dann kam die Nachricht.",
    ]


def test_quote_closing_after_the_period_ends_with_the_quote() -> None:
    text = (
        "Putin sagte: „Wir sind bereit.“ Danach reiste er ab. "
        "Er nannte das »sehr gut.« Das war alles."
    )
    assert sents(text) == [
        "Putin sagte: „Wir sind bereit.“",
        "Danach reiste er ab.",
        "Er nannte das »sehr gut.«",
        "Das war alles.",
    ]


def test_quote_continued_in_lowercase_is_one_sentence() -> None:
    text = (
        "„Genau deshalb sind wir hierher gekommen.“ sagte Putin. "
        "„Wir haben Zeit“, sagte er. „Kommt ihr?“ fragte Kim."
    )
    assert sents(text) == [
        "„Genau deshalb sind wir hierher gekommen.“ sagte Putin.",
        "„Wir haben Zeit“, sagte er.",
        "„Kommt ihr?“ fragte Kim.",
    ]


def test_new_quote_after_a_period_starts_a_sentence() -> None:
    text = 'Er zeigt Interesse. „Wir werden zeigen“, sagte Putin. "Gut." Ende.'
    assert sents(text) == [
        "Er zeigt Interesse.",
        "„Wir werden zeigen“, sagte Putin.",
        '"Gut."',
        "Ende.",
    ]


def test_headlines_bullets_and_paragraphs() -> None:
    text = (
        "Gepanzerter Sonderzug mit 60 km/h\n\nDer Zug fährt langsam. Er ist schwer\n"
        "- erster Punkt\n- zweiter Punkt\nHistorische Bande\n\nEnde"
    )
    spans = split_with_paragraphs(text, "de")
    assert [(text[s:e], p) for s, e, p in spans] == [
        ("Gepanzerter Sonderzug mit 60 km/h", 0),
        ("Der Zug fährt langsam.", 1),
        ("Er ist schwer", 1),
        ("- erster Punkt", 1),
        ("- zweiter Punkt", 1),
        ("Historische Bande", 1),
        ("Ende", 2),
    ]


def test_line_break_inside_a_running_sentence_does_not_split() -> None:
    text = "Der Zug fuhr über die Grenze,\nbevor er in\nder Stadt ankam."
    assert sents(text) == [text]


def test_english_abbreviations_initials_and_quotes() -> None:
    text = (
        'Mr. Smith met officials of the U.S. Navy in St. Louis on Sept. 5. "We are ready." '
        "Then he left for the U.S. The talks ended at 5 p.m. on Friday. Jean H. Lee agreed."
    )
    assert sents(text, "en") == [
        "Mr. Smith met officials of the U.S. Navy in St. Louis on Sept. 5.",
        '"We are ready."',
        "Then he left for the U.S.",
        "The talks ended at 5 p.m. on Friday.",
        "Jean H. Lee agreed.",
    ]


def test_french_guillemets_and_abbreviations() -> None:
    text = (
        "M. Macron a déclaré : « Nous sommes prêts. » Puis il est parti, etc. Le lendemain, rien."
    )
    assert sents(text, "fr") == [
        "M. Macron a déclaré : « Nous sommes prêts. »",
        "Puis il est parti, etc.",
        "Le lendemain, rien.",
    ]


def test_unknown_language_uses_the_general_rules() -> None:
    text = "Вчера в Москве прошла встреча. Президент сказал: «Мы готовы». Это было в 2023 г. в мае."
    assert sents(text, None) == [
        "Вчера в Москве прошла встреча.",
        "Президент сказал: «Мы готовы».",
        "Это было в 2023 г. в мае.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", []), ("   ", []), ("\n\n\n", []), ("...", ["..."]), (" ohne Punkt ", ["ohne Punkt"])],
)
def test_degenerate_input(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_one_megabyte_single_line_is_cut_into_bounded_pieces() -> None:
    text = ("wort " * 200_000).strip() + ". Dr. z. B. 1. " * 1000
    spans = split_sentences(text, "de", max_chars=2000)
    assert len(text) > 1_000_000
    assert all(e - s <= 2000 for s, e in spans)
    assert spans[0][0] == 0
    assert sum(len(text[s:e].split()) for s, e in spans) == len(text.split())


def test_paragraph_spans_are_trimmed_and_skip_blank_runs() -> None:
    text = "  Erster Absatz.\n\n \n\nZweiter\nAbsatz.  \n\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["Erster Absatz.", "Zweiter\nAbsatz."]


def _article(text: str, lang: str | None = "de") -> Article:
    return Article(id="x", source="t", raw_text=text, text=text, language=lang)


def test_stage_sets_sentences_and_tokens_with_offsets() -> None:
    text = "Kim reiste nach Russland.\n\nPutin sagte: „Genau deshalb sind wir hier.“"
    out = create("sentences")([_article(text)])[0]
    assert out.done == ("sentences",)
    assert [(s.text, s.paragraph) for s in out.sentences] == [
        ("Kim reiste nach Russland.", 0),
        ("Putin sagte: „Genau deshalb sind wir hier.“", 1),
    ]
    assert all(text[t.start : t.end] == t.text for t in out.tokens)
    assert [t.text for t in out.tokens][:5] == ["Kim", "reiste", "nach", "Russland", "."]


def test_stage_warns_when_it_has_to_cut_a_huge_sentence() -> None:
    out = SentenceStage(max_sentence_chars=100)([_article("wort " * 100)])[0]
    assert len(out.sentences) >= 5
    assert any("sentences:" in w for w in out.meta["warnings"])


def test_stage_on_empty_text() -> None:
    out = SentenceStage()([_article("", None)])[0]
    assert out.sentences == () and out.tokens == ()


# --- the real seeds (read in place from ../shared) -------------------------------------

SEED_SENTENCES = [
    # (snippet that starts a sentence, snippet that must end the same sentence)
    ("Der Korea-Experte Jean H. Lee", "dient“."),
    ("Russlands Verteidigungsminister Sergej Schoigu und", "28. Juli 2023 in Pjöngjang"),
    ("Der russische Verteidigungsminister Schoigu (li.)", "bereits im Juli"),
    ("Beide Staatsoberhäupter werden", "von 10. bis 13. September teilnehmen."),
    ("Auf die Frage eines Reporters", "„Genau deshalb sind wir hierher gekommen.“"),
    ("„Wir werden unsere neuen Objekte zeigen“", "im Fernen Osten Russlands."),
    ("Laut der südkoreanischen Zeitung Chosun Ilbo", "von etwa 60 km/h fährt."),
    ("Gepanzerter Sonderzug mit 60 km/h", "Gepanzerter Sonderzug mit 60 km/h"),
    ("Ein früheres Bild, das am 5. Juni", "Marschformationen üben."),
]


def test_seed_sentences(seed_texts: dict[str, str]) -> None:
    found = {}
    for text in seed_texts.values():
        for s, e in split_sentences(text, "de"):
            found[text[s:e][:50]] = text[s:e]
    for head, tail in SEED_SENTENCES:
        matches = [v for k, v in found.items() if v.startswith(head)]
        assert matches, head
        assert matches[0].endswith(tail), (head, matches[0][-80:])


def test_seed_spans_are_consistent(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        out = SentenceStage()([_article(text)])[0]
        assert len(out.sentences) > 20
        ends = [(s.start, s.end) for s in out.sentences]
        assert ends == sorted(ends)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))
        assert all(s.text == text[s.start : s.end] == s.text.strip() for s in out.sentences)
        # every token lies inside exactly one sentence
        inside = {i for s in out.sentences for i in range(s.start, s.end)}
        assert all(t.start in inside and t.end - 1 in inside for t in out.tokens)
