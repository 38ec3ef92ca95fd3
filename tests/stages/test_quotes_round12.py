"""Round 12: quotes introduced by "mit den Worten", quoted names (titles), vague
collective subjects of views, nesting and bad input. Own sentences only."""

from __future__ import annotations

import time

import pytest

from chronik.model import Article
from chronik.stages.quotes import QuoteStage, extract_quotes
from chronik.stages.quotes.marks import find_marked
from chronik.stages.quotes.titles import has_quoted_words, is_title


def _by_type(text: str, kind: str) -> list:
    return [q for q in extract_quotes(text) if q.type == kind]


@pytest.mark.parametrize(
    ("text", "speaker", "medium"),
    [
        ("Reuters zitierte Ott mit den Worten „Wir bleiben hart“.", "Ott", "Reuters"),
        ("Reuters zitierte Ott mit den Worten: „Wir bleiben hart.“", "Ott", "Reuters"),
        ("Die Agentur AFP zitierte Lena Hoff mit den Worten „Wir warten ab“.", "Lena Hoff", "AFP"),
    ],
)
def test_with_the_words_introduces_a_direct_quote(text: str, speaker: str, medium: str) -> None:
    (q,) = _by_type(text, "direct")
    assert q.text.startswith("„Wir") and q.speaker_name == speaker and q.medium == medium


def test_with_the_words_without_a_cue_takes_the_clause_subject() -> None:
    text = "Bürgermeisterin Eva Lind begrüßte die Gäste mit den Worten „Herzlich willkommen“."
    (q,) = _by_type(text, "direct")
    assert q.speaker_name == "Eva Lind"


@pytest.mark.parametrize(
    "text",
    [
        "Die Zeitung „Bild“ zitiert einen Sprecher, der Plan sei gescheitert.",
        "Laut „Spiegel“ will die Regierung den Plan stoppen.",
        "Die Operation „Wüstensturm“ begann im Januar, sagte der General.",
        "Das „Nationale Wetterzentrum“ der USA geht davon aus, dass der Sturm abflaut.",
        "Der Film „Das Boot“ lief am Montag, erklärte Meier.",
    ],
)
def test_a_quoted_name_is_no_direct_quote(text: str) -> None:
    assert _by_type(text, "direct") == []
    for q in extract_quotes(text):  # nor makes the clause around it a mixed quote
        assert q.type != "mixed"
        assert q.speaker_text not in {"Januar", "Montag", "der USA"}


def test_is_title_needs_a_name_context() -> None:
    text = "Die Zeitung „Bild“ schrieb, er habe „völlig versagt“ und sei ein „Papiertiger“."
    marks = find_marked(text)
    assert [is_title(text, m.start, m.end) for m in marks] == [True, False, False]
    assert has_quoted_words(text, 0, len(text))
    assert not has_quoted_words(text, 0, text.index(" schrieb"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("„Das ist ein Fehler“, sagte der „Bild“-Chefredakteur Karl Reich.", "Karl Reich"),
        ("Der „Spiegel“-Reporter Jan Klee berichtete, der Minister habe gelogen.", "Jan Klee"),
        ("Die „New York Times“ berichtete, der Präsident sei krank.", "New York Times"),
        (
            "Der Chef der Operation „Wüstensturm“, General Paul Meier, sagte, man werde siegen.",
            "Paul Meier",
        ),
    ],
)
def test_a_quoted_title_does_not_end_the_speaker_search(text: str, name: str) -> None:
    qs = extract_quotes(text)
    assert qs and all(name in (q.speaker_name or "") for q in qs)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Beobachter halten den Rücktritt des Ministers für unausweichlich.", "Beobachter"),
        ("Der Wetterdienst rechnet mit starken Böen bis zum Abend.", "Der Wetterdienst"),
    ],
)
def test_views_of_vague_collectives_are_reported_speech(text: str, speaker: str) -> None:
    (q,) = extract_quotes(text)
    assert q.type == "reported" and q.speaker_text == speaker


def test_announced_intention_is_indirect_speech() -> None:
    (q,) = extract_quotes("Die Ministerin Ute Brand kündigte an, die Renten zu erhöhen.")
    assert q.type == "indirect" and q.text == "die Renten zu erhöhen"


def test_nested_quote_with_the_same_marks_stays_one_quote() -> None:
    text = "„Er nannte das „völligen Unsinn“ und ging“, sagte Anna Berg."
    (q,) = _by_type(text, "direct")
    assert q.start == 0 and q.speaker_name == "Anna Berg"


def test_unclosed_quote_before_a_new_one_still_closes_implicitly() -> None:
    text = "„Wir kommen. „Bald“, sagte Anna Berg."
    outer = next(m for m in find_marked(text) if m.depth == 0)
    assert text[outer.start : outer.end] == "„Wir kommen."


def test_a_cue_inside_quoted_words_frames_nothing_outside() -> None:
    text = "„Sie rief ‚Halt!‘ und lief weg“, berichtete der Zeuge Tom Kurz."
    (q,) = extract_quotes(text)
    assert q.type == "direct" and q.speaker_name == "Tom Kurz"


def test_reflexive_melden_is_no_cue() -> None:
    (q,) = extract_quotes("Zeugen melden sich unter 030 1234567, sagte ein Polizeisprecher.")
    assert q.speaker_text == "ein Polizeisprecher" and q.text.startswith("Zeugen melden")


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("Er sagte: „Das ist ein Satz ohne Ende", set()),
        ("„Wir bleiben hier, sagte Anna Berg. Morgen ist ein neuer Tag.", {"Anna Berg"}),
        ("Ein Satz mit Schluss“, sagte Anna Berg. „Und noch einer.", {"Anna Berg"}),
        ("Die Sitzung beginnt um 19 Uhr (1000 GMT), sagte der Sprecher.", {"der Sprecher"}),
        (
            "Die Zahl der Covid-19-Fälle stieg auf 152, teilte das Gesundheitsamt mit.",
            {"das Gesundheitsamt"},
        ),
        ("Die G7 würden helfen, sagte Anna Berg. Die G7-Staaten beraten.", {"Anna Berg"}),
        ("Russland lieferte 3 Millionen Stück 152 mm Granaten, sagte Watson.", {"Watson"}),
        ("Hinweise nimmt die Polizei unter der Telefonnummer 0800 123 45 67 entgegen.", set()),
        ("„Heute beginnt der Prozess. Die Richterin vertagt.\n\nMorgen geht es weiter.“", set()),
    ],
)
def test_bad_input_gives_no_false_speaker(text: str, allowed: set[str]) -> None:
    for q in extract_quotes(text):
        assert q.speaker_text is None or q.speaker_text in allowed, q


def test_two_megabyte_single_line_article_is_cut_and_bounded() -> None:
    line = "Der Minister sagte, die Lage sei ernst. „Wir handeln“, sagte Anna Berg. 030 1234567 "
    text = (line * (2_000_000 // len(line) + 1))[:2_000_000]
    art = Article(id="big", source="t", raw_text=text, text=text, language="de")
    t0 = time.perf_counter()
    (out,) = QuoteStage()([art])
    assert time.perf_counter() - t0 < 20.0  # a generous bound: runaway input, not speed
    assert any("cut" in w for w in out.meta["warnings"])
    assert out.quotes and all(q.end <= 200_000 for q in out.quotes)
    assert {q.speaker_name for q in out.quotes if q.type == "direct"} == {"Anna Berg"}


def test_relative_clause_between_subject_and_cue_is_skipped() -> None:
    text = "Die Ärzte, die den Patienten behandelten, gehen von einer Vergiftung aus."
    (q,) = extract_quotes(text)
    assert q.type == "reported" and q.speaker_text == "Die Ärzte"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Im Bericht der Polizei ist von drei Verletzten die Rede.", "Bericht der Polizei"),
        ("In ersten Meldungen war zunächst von zwei Toten die Rede.", "ersten Meldungen"),
    ],
)
def test_talk_of_idiom_is_reported_speech_of_its_source(text: str, speaker: str) -> None:
    (q,) = extract_quotes(text)
    assert q.type == "reported" and q.speaker_text == speaker


def test_no_source_no_talk_of() -> None:
    assert extract_quotes("Von einem Rücktritt ist keine Rede.") == []


def test_a_demonstrative_after_a_quoted_name_opens_the_object() -> None:
    text = "Am Montag hatte „Kicker Sportmagazin“ diese Entscheidung in Bonn bekannt gegeben."
    (q,) = extract_quotes(text)
    assert q.speaker_text == "„Kicker Sportmagazin“" and q.speaker_name == "Kicker Sportmagazin"


def test_truncated_compound_stays_inside_the_speaker_phrase() -> None:
    text = (
        "Experten des Instituts für Luft- und Raumfahrt, die das Wrack untersuchten, "
        "gehen von einem Totalschaden aus."
    )
    (q,) = extract_quotes(text)
    assert q.type == "reported" and q.speaker_text == "Experten des Instituts"
