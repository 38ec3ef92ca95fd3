"""Recall rules of the entities stage (our own sentences): what the model found must survive
the precision rules when the evidence says it is a name. Each rule is tested with a name it
keeps and a common word it still drops."""

from __future__ import annotations

from entity_helpers import spans

from chronik.model import Mention
from chronik.stages.entities.finders import split_compound
from chronik.stages.entities.nouns import is_common_noun, is_other_word, known_tag
from chronik.stages.entities.recall import restore, trusted
from chronik.stages.entities.resolve import Raw, resolve
from chronik.stages.entities.spans import clean_spans


def _resolved(text: str, names: list[tuple[str, str]]) -> dict[str, str]:
    return {m.text: m.type for m in resolve(text, spans(text, names), lang="de")}


def _cleaned(text: str, names: list[tuple[str, str]]) -> list[str]:
    return [text[r.start : r.end] for r in clean_spans(text, spans(text, names))]


def test_hanta_guesses_are_no_evidence_against_a_name() -> None:
    # HanTa tags any word; only an analysis its lexicon backs counts
    assert is_other_word("Offiziell") and is_other_word("Spekuliert")
    assert not is_other_word("Röttgen") and not is_other_word("Güllner")  # guessed verb/adj.
    assert known_tag("Offiziell").startswith("ADJ") and known_tag("Röttgen") == ""
    assert is_common_noun("Staatsmedien") and is_common_noun("Trägerraketen")


def test_surname_opening_a_sentence_survives() -> None:
    text = "Röttgen bestätigte die Pläne. Offiziell hieß es, Güllner habe widersprochen."
    got = _resolved(text, [("Röttgen", "PER"), ("Offiziell", "PER"), ("Güllner", "PER")])
    assert got == {"Röttgen": "PER", "Güllner": "PER"}


def test_short_lowercase_connectors_inside_a_name_are_kept() -> None:
    text = (
        "Das Bundesamt für Statistik zog von Frankfurt am Main nach Freiburg im Breisgau, "
        "sagte Giacomo della Rovere."
    )
    names = [
        ("Bundesamt für Statistik", "ORG"),
        ("Frankfurt am Main", "LOC"),
        ("Freiburg im Breisgau", "LOC"),
        ("Giacomo della Rovere", "PER"),
    ]
    assert _cleaned(text, names) == [n for n, _ in names]


def test_lowercase_words_that_join_two_names_or_end_a_span_are_cut() -> None:
    text = "Putin und Kim trafen sich. Anna Berger sagte am Montag nichts."
    names = [("Putin und Kim", "PER"), ("Anna Berger sagte am", "PER")]
    assert _cleaned(text, names) == ["Putin", "Anna Berger"]


def test_name_particles_open_a_name() -> None:
    text = "Im Finale traf van der Berg, dann flankte Ali al-Hamadi zu von Tresckow."
    names = [("van der Berg", "PER"), ("Ali al-Hamadi", "PER"), ("von Tresckow", "PER")]
    assert _cleaned(text, names) == [n for n, _ in names]
    assert _cleaned("Er kam von hier.", [("von hier", "PER")]) == []
    assert _cleaned("Dann tagte der Bundestag.", [("der Bundestag", "ORG")]) == []


def test_known_towns_and_surnames_are_trusted() -> None:
    text = "In Offenburg sprach Auer, in der Hauptstadt der Wachmann."
    raw = {
        w: Raw(text.index(w), text.index(w) + len(w), t)
        for w, t in [
            ("Offenburg", "LOC"),
            ("Auer", "PER"),
            ("Hauptstadt", "LOC"),
            ("Wachmann", "PER"),
        ]
    }
    assert [w for w, r in raw.items() if trusted(text, r)] == ["Offenburg", "Auer"]
    assert not trusted(text, Raw(raw["Auer"].start, raw["Auer"].end, "ORG"))


def test_restore_brings_back_a_town_the_noun_filter_dropped() -> None:
    # HanTa reads 'Weinsberg' as 'wein' + 's' + 'berg', a common noun
    text = "Die Firma wurde in Weinsberg gegründet. Weinsbergs Bürgermeister und die Stadtwerke."
    names = [("Weinsberg", "LOC"), ("Stadtwerke", "LOC")]
    assert is_common_noun("Weinsberg")
    model = spans(text, names)
    dropped = resolve(text, model, lang="de")
    assert not any(m.text.startswith("Weinsberg") for m in dropped)
    got = restore(text, model, dropped)
    assert [(m.text, m.type, m.canonical) for m in got] == [
        ("Weinsberg", "LOC", "Weinsberg"),
        ("Weinsbergs", "LOC", "Weinsberg"),
    ]  # 'Stadtwerke' stays dropped


def test_restore_keeps_mentions_it_does_not_touch() -> None:
    text = "Kim traf Putin."
    ments = [Mention(0, 3, "Kim", type="PER", canonical="Kim")]
    assert restore(text, [Raw(0, 3, "PER")], ments) == ments


def test_institution_compounds_are_trusted_generic_ones_not() -> None:
    text = "Das Umweltbundesamt und das Bundesamt prüfen, die Staatsmedien schweigen."
    got = {
        w: trusted(text, Raw(text.index(w), text.index(w) + len(w), "ORG"))
        for w in ("Umweltbundesamt", "Bundesamt", "Staatsmedien")
    }
    assert got == {"Umweltbundesamt": True, "Bundesamt": False, "Staatsmedien": False}


def test_listed_surnames_that_are_frequent_nouns_are_not_trusted() -> None:
    text = "Pichler traf, dann kam der Sturm."
    pichler, sturm = Raw(0, 7, "PER"), Raw(text.index("Sturm"), len(text) - 1, "PER")
    assert trusted(text, pichler) and not trusted(text, sturm)


def test_first_name_and_genitive_family_name_stay_one_person() -> None:
    text = "Michael Jacksons Album erschien, Kim Nordkoreas Gast war Wladimir Putin."
    names = [("Michael Jacksons", "PER"), ("Kim Nordkoreas", "PER")]
    got = [(text[r.start : r.end], r.type) for r in split_compound(text, spans(text, names))]
    assert ("Michael Jacksons", "PER") in got
    assert ("Kim", "PER") in got and ("Nordkoreas", "PER") in got
