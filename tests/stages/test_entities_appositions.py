"""Type and span repairs from the article's own evidence (our own sentences)."""

from __future__ import annotations

from entity_helpers import spans

from chronik.stages.entities.appositions import retype
from chronik.stages.entities.resolve import Raw, resolve
from chronik.stages.entities.spans import clean_spans
from chronik.stages.entities.tails import split_place_tail, trim_to_model


def _types(text: str, raws: list[Raw]) -> dict[str, str]:
    return {text[r.start : r.end]: r.type for r in raws}


def test_class_noun_before_a_name_makes_it_an_organisation() -> None:
    text = (
        "Das berichtete die Zeitung Hankook Sinmun. Die Nachrichtenagentur Tanjug meldete "
        "dasselbe, die Söldnergruppe Azov bestritt es, ebenso das Parteiblatt Borba."
    )
    names = [("Hankook Sinmun", "PER"), ("Tanjug", "LOC"), ("Azov", "PER"), ("Borba", "PER")]
    got = _types(text, retype(text, spans(text, names)))
    assert got == {"Hankook Sinmun": "ORG", "Tanjug": "ORG", "Azov": "ORG", "Borba": "ORG"}


def test_a_gazetteer_place_after_a_class_noun_stays_a_place() -> None:
    text = "Er studierte an der Universität Hamburg und arbeitete für den Sender Berlin."
    got = _types(text, retype(text, spans(text, [("Hamburg", "LOC"), ("Berlin", "LOC")])))
    assert got == {"Hamburg": "LOC", "Berlin": "LOC"}


def test_heads_inside_the_name_decide() -> None:
    text = "Laut dem Minju Choson-Blatt flogen Drohnen über die Entmilitarisierte Zone."
    names = [("Minju Choson-Blatt", "PER"), ("Entmilitarisierte Zone", "ORG")]
    got = _types(text, retype(text, spans(text, names)))
    assert got == {"Minju Choson-Blatt": "ORG", "Entmilitarisierte Zone": "LOC"}


def test_person_then_place_is_split_when_the_person_is_named_alone() -> None:
    text = "Lukaschenko reiste ab. Zum Abschied dankte Lukaschenko Minsk für die Gastfreundschaft."
    raws = spans(text, [("Lukaschenko", "PER"), ("Lukaschenko Minsk", "PER")])
    raws = [r for r in raws if text[r.start : r.end] != "Lukaschenko" or r.start == 0]
    got = [(text[r.start : r.end], r.type) for r in split_place_tail(text, raws)]
    assert ("Minsk", "LOC") in got
    assert ("Lukaschenko Minsk", "PER") not in got


def test_a_surname_that_is_a_place_is_not_split_off() -> None:
    text = "Der Physiker Paul Dresden sprach in Leipzig."  # nobody called 'Paul' alone
    raws = [Raw(text.index("Paul"), text.index(" sprach"), "PER")]
    assert split_place_tail(text, raws) == raws


def test_rule_span_that_runs_into_a_noun_is_cut_back_to_the_model_end() -> None:
    text = "Er traf den chinesischen Führer Li Qiang Einigkeit demonstrierend."
    start = text.index("Li Qiang")
    rule = Raw(start, text.index(" demonstrierend"), "PER")
    model = Raw(start, start + len("Li Qiang"), "PER")
    assert trim_to_model(text, [rule, model], [model]) == [model, model]


def test_rule_span_keeps_a_real_name_the_model_cut_short() -> None:
    text = "Sie traf die Ministerin Anna Lena Berger."
    start = text.index("Anna")
    rule = Raw(start, text.index("."), "PER")
    model = Raw(start, start + len("Anna Lena"), "PER")
    assert trim_to_model(text, [rule], [model]) == [rule]


def test_role_backed_person_votes_beat_context_guesses() -> None:
    text = (
        "Der russische Präsident Sokolow kam an. Straßen waren mit Porträts von Sokolow "
        "geschmückt. Eine seltene Reise für Sokolow. Sokolows Besuch dauert zwei Tage."
    )
    raws = spans(text, [("Sokolow", "PER"), ("Sokolows", "PER")])
    raws = [
        Raw(r.start, r.end, "LOC")
        if r.start in {text.index("von Sokolow") + 4, text.index("für Sokolow") + 4}
        else r
        for r in raws
    ]
    mentions = resolve(text, raws, lang="de")
    assert {m.type for m in mentions if m.text.startswith("Sokolow")} == {"PER"}


def test_a_town_that_is_a_verb_after_an_article_is_no_place() -> None:
    text = "Während des Essens sprach der Minister. Danach fuhr er nach Essen und Siegen."
    raws = spans(text, [("Essens", "LOC"), ("Essen", "LOC"), ("Siegen", "LOC")])
    got = [(m.text, m.start) for m in resolve(text, raws, lang="de")]
    assert ("Essens", text.index("Essens")) not in got
    assert ("Essen", text.index("nach Essen") + 5) in got and (
        "Siegen",
        text.index("Siegen"),
    ) in got


def test_short_or_marked_lowercase_names_survive_cleaning() -> None:
    text = "Das meldete die dpa unter Berufung auf n-tv und ein iPhone-Video von Nico G. am Abend."
    names = [("dpa", "ORG"), ("n-tv", "ORG"), ("Nico G.", "PER"), ("am Abend", "MISC")]
    got = {text[r.start : r.end] for r in clean_spans(text, spans(text, names))}
    assert {"dpa", "n-tv", "Nico G."} <= got
    assert "am Abend" not in got  # lowercase running text is no name
