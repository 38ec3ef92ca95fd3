"""Round 8 of the entities stage (our own sentences): where the model's reading beats a rule
(model_trust.py). Each rule is tested with the name it keeps and a case it still leaves alone."""

from __future__ import annotations

from entity_helpers import spans

from chronik.model import Mention
from chronik.stages.entities.model_trust import (
    adjective_inside,
    bare_subject,
    coordinated,
    currency,
    inside_title,
    keeps_article,
    model_type_stays,
)
from chronik.stages.entities.recall import restore
from chronik.stages.entities.resolve import resolve
from chronik.stages.entities.roles import find_role
from chronik.stages.entities.spans import clean_spans


def _staged(text: str, names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """resolve() then restore(), as the stage runs them on German text."""
    model = spans(text, names)
    got = restore(text, model, resolve(text, model, lang="de"))
    return [(m.text, m.type) for m in got]


def _cleaned(text: str, names: list[tuple[str, str]]) -> list[str]:
    return [text[r.start : r.end] for r in clean_spans(text, spans(text, names))]


def _at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_a_currency_after_an_amount_is_kept_as_misc() -> None:
    text = "Die Firma verlor 2,5 Milliarden Dollar, der Zuschuss betrug 40.000 Franken."
    got = _staged(text, [("Dollar", "MISC"), ("Franken", "MISC")])
    assert got == [("Dollar", "MISC"), ("Franken", "MISC")]  # not the region, not a noun
    assert currency(text, *_at(text, "Dollar"), "MISC")


def test_a_unit_word_without_an_amount_still_goes() -> None:
    text = "Der Dollar fiel gestern. Sie zahlte in Franken."
    assert not currency(text, *_at(text, "Dollar"), "MISC")
    assert ("Dollar", "MISC") not in _staged(text, [("Dollar", "MISC")])


def test_a_person_after_a_role_word_is_no_town() -> None:
    text = "Damals verlor Präsident Cleveland die Wahl. Später reiste er nach Cleveland."
    got = {(m.text, m.type, m.start) for m in resolve(text, spans(text, [("Cleveland", "PER")]))}
    first = text.index("Cleveland")
    assert (("Cleveland", "PER", first)) in got
    assert model_type_stays(text, (first, first + 9, "PER"))
    assert find_role(text, first, first + 9) == "Präsident"


def test_a_first_name_the_model_read_as_person_stays_one() -> None:
    text = "George wird nicht eingezogen und bleibt zu Hause."
    got = [(m.text, m.type) for m in resolve(text, spans(text, [("George", "PER")]), lang="de")]
    assert got == [("George", "PER")]
    # without a first name or a role, the gazetteer's town still wins over the model
    other = "Heute besuchte Tacoma die Schule."
    assert not model_type_stays(other, (*_at(other, "Tacoma"), "PER"))


def test_a_title_keeps_its_english_article() -> None:
    text = "Sie spielte in The Mousetrap und las in The Independent. Die Slits spielten."
    names = [("The Mousetrap", "MISC"), ("The Independent", "MISC")]
    assert _cleaned(text, names) == ["The Mousetrap", "The Independent"]
    assert keeps_article("The", "MISC") and not keeps_article("The", "ORG")


def test_a_german_article_or_an_organisation_article_still_goes() -> None:
    # 'Die Mindestsicherung' would escape the one-word noun filter
    text = "Sie las Der Sohn des Pfarrers. Die Grünen legten zu. Die Mindestsicherung sinkt."
    names = [("Der Sohn des Pfarrers", "MISC"), ("Die Grünen", "ORG")]
    assert _cleaned(text, names) == ["Sohn des Pfarrers", "Grünen"]
    assert not keeps_article("Die", "MISC")


def test_a_title_found_again_without_its_article() -> None:
    text = "Sie spielte bei The Slits. Später verließ sie die Slits."
    got = [m.text for m in resolve(text, spans(text, [("The Slits", "MISC")]), lang="de")]
    assert got == ["The Slits", "Slits"]


def test_an_inflected_adjective_inside_an_organisation_name_is_kept() -> None:
    text = "Der Bundesverband deutscher Banken hat gewarnt."
    assert _cleaned(text, [("Bundesverband deutscher Banken", "ORG")]) == [
        "Bundesverband deutscher Banken"
    ]
    assert adjective_inside("deutscher", "Banken", "ORG")
    # a person's span over lowercase words is still cut; a verb is no adjective
    assert not adjective_inside("deutscher", "Banken", "PER")
    assert not adjective_inside("sagte", "Merkel", "ORG")


def test_a_name_listed_with_a_kept_name_of_its_type_comes_back() -> None:
    # HanTa reads 'Braunsdorf' as braun + s + dorf, a common noun
    text = "1950 wurden die Gemeinden Bedra und Braunsdorf vereinigt."
    got = _staged(text, [("Bedra", "LOC"), ("Braunsdorf", "LOC")])
    assert got == [("Bedra", "LOC"), ("Braunsdorf", "LOC")]
    kept = [(*_at(text, "Bedra"), "LOC")]
    assert not coordinated(text, *_at(text, "Braunsdorf"), "PER", kept)  # another type


def test_a_comma_lists_places_but_no_persons() -> None:
    text = "Sie reiste nach Leipzig, Spitzbergen. Owen Williams, Webentwickler und Autor."
    kept = [(*_at(text, "Leipzig"), "LOC"), (*_at(text, "Owen Williams"), "PER")]
    assert coordinated(text, *_at(text, "Spitzbergen"), "LOC", kept)
    assert not coordinated(text, *_at(text, "Webentwickler"), "PER", kept)


def test_a_common_noun_listed_with_a_name_still_goes() -> None:
    # 'Sonne' is a frequent noun of HanTa's lexicon: listing it is no evidence
    text = "Wir sahen Berlin und Sonne am Himmel."
    got = _staged(text, [("Berlin", "LOC"), ("Sonne", "LOC")])
    assert got == [("Berlin", "LOC")]


def test_a_place_kind_word_vouches_for_the_place() -> None:
    text = "Für den Kanton Baselland steigen die Prämien."
    got = _staged(text, [("Baselland", "LOC")])
    assert ("Baselland", "LOC") in got
    untouched = [Mention(0, 3, "Für", type="LOC")]
    assert restore(text, [], untouched) == untouched


def test_a_bare_singular_subject_before_its_verb_is_a_name() -> None:
    # HanTa reads 'Lichtblick' (licht + blick) and 'Pinkwart' as common nouns
    text = "Pinkwart plädierte dafür. Erste Projekte starteten. Lichtblick verkauft Biogas."
    got = _staged(text, [("Pinkwart", "PER"), ("Lichtblick", "ORG")])
    assert got == [("Pinkwart", "PER"), ("Lichtblick", "ORG")]
    assert bare_subject(text, *_at(text, "Lichtblick"))


def test_a_noun_after_an_article_or_before_a_plural_verb_is_no_bare_subject() -> None:
    text = "Der Wachmann plädierte dafür. Trägerraketen starten heute."
    assert not bare_subject(text, *_at(text, "Wachmann"))
    assert not bare_subject(text, *_at(text, "Trägerraketen"))
    got = _staged(text, [("Wachmann", "PER"), ("Trägerraketen", "ORG")])
    assert got == []


def test_a_generic_head_after_a_place_name_is_cut_and_types_it() -> None:
    # English word order in German text, with a Cyrillic 'С' typed into 'Сosmodrom'
    text = "Ein Besuch im russischen Wostotschny Сosmodrom, September 2023."
    cleaned = clean_spans(text, spans(text, [("Wostotschny Сosmodrom", "PER")]))
    assert [(text[r.start : r.end], r.type) for r in cleaned] == [("Wostotschny", "LOC")]
    assert _cleaned("Er fuhr über den Rhein.", [("Rhein", "LOC")]) == ["Rhein"]


def test_a_person_listed_with_a_person_is_no_town() -> None:
    text = "Mit der Zeit wurden Sydney und Miss Parker seine Familie."
    names = [("Sydney", "PER"), ("Miss Parker", "PER")]
    got = [(m.text, m.type) for m in resolve(text, spans(text, names), lang="de")]
    assert ("Sydney", "PER") in got
    assert not model_type_stays(text, (*_at(text, "Sydney"), "PER"))  # alone it is the city


def test_truncated_words_and_english_small_words_stay_inside_names() -> None:
    text = "Die Fondsfirma der Volks- und Raiffeisenbanken las Black or White von Jackson."
    names = [("Volks- und Raiffeisenbanken", "ORG"), ("Black or White", "MISC")]
    assert _cleaned(text, names) == ["Volks- und Raiffeisenbanken", "Black or White"]
    assert inside_title(["Council", "on", "Security"], 1, "ORG")


def test_a_person_span_over_small_words_is_still_cut() -> None:
    text = "Er traf Thomas to IR gestern."
    assert _cleaned(text, [("Thomas to IR", "PER")]) == ["Thomas"]
    assert not inside_title(["Council", "on", "security"], 1, "ORG")


def test_an_acronym_names_the_institution_with_its_domain() -> None:
    text = "Das Bundesamt für Migration und Flüchtlinge ( BAMF ) prüft. Das BAMF schweigt."
    got = resolve(text, spans(text, [("Bundesamt für Migration und Flüchtlinge", "ORG")]))
    assert {(m.text, m.canonical) for m in got} == {
        ("Bundesamt für Migration und Flüchtlinge", "Bundesamt für Migration und Flüchtlinge"),
        ("BAMF", "Bundesamt für Migration und Flüchtlinge"),
    }
    # 'und' joins two persons, not a domain: the span is still cut
    assert _cleaned("Er sah Merkel und Macron.", [("Merkel und Macron", "ORG")]) == ["Merkel"]


def test_a_noun_compound_with_a_cue_noun_is_one_name() -> None:
    text = "Das sagte er der Deutschen Presse-Agentur. Die Associated Press-Journalisten gingen."
    names = [("Deutschen Presse-Agentur", "ORG"), ("Associated Press-Journalisten", "ORG")]
    got = [m.text for m in resolve(text, spans(text, names), lang="de")]
    assert got == ["Deutschen Presse-Agentur", "Associated Press"]


def test_a_misc_name_with_an_all_caps_word_is_no_person() -> None:
    text = "Die zweite Serie hieß Victor FB, gebaut ab 1961. Victor Hugo schrieb."
    names = [("Victor FB", "MISC"), ("Victor Hugo", "MISC")]
    got = {m.text: m.type for m in resolve(text, spans(text, names), lang="de")}
    assert got == {"Victor FB": "MISC", "Victor Hugo": "PER"}
