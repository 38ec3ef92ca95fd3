"""Precision rules for names in German text (our own sentences): English 'X of/for Y' names,
'Name-Noun' compounds, places after area nouns, media outlets, nouns the model took for names,
and acronyms linked to the name their initials spell."""

from __future__ import annotations

from entity_helpers import article, ids_of, spans

from chronik.model import Corpus
from chronik.stages.entities.compounds import area_places, english_names, split_name_compounds
from chronik.stages.entities.link import LinkStage, initials
from chronik.stages.entities.nouns import is_lexicon_noun
from chronik.stages.entities.resolve import Raw, resolve


def _found(text: str, raws: list[Raw]) -> dict[str, str]:
    return {text[r.start : r.end]: r.type for r in raws}


def _resolved(text: str, names: list[tuple[str, str]]) -> dict[str, str]:
    return {m.canonical or m.text: m.type for m in resolve(text, spans(text, names), lang="de")}


def test_english_name_with_lowercase_joiner_is_one_name_in_german_text() -> None:
    text = (
        "Laut Maria Gómez vom Council on Foreign Relations und einem Forscher der School of "
        "Oriental Studies sowie dem Brookings Institute for Policy Analysis sinkt der Golf of "
        "Aden im Ansehen."
    )
    got = _found(text, english_names(text))
    assert got == {
        "School of Oriental Studies": "ORG",
        "Brookings Institute for Policy Analysis": "ORG",
        "Golf of Aden": "MISC",
    }  # 'on' is no joiner; 'Golf' is no English head: MISC, for the model to settle
    text = "Die Fischer im Gulf of Aden klagen, sagte der Sprecher der Joint Chiefs of Staff."
    assert _found(text, english_names(text)) == {
        "Gulf of Aden": "LOC",
        "Joint Chiefs of Staff": "ORG",
    }


def test_german_words_before_the_english_name_stay_out() -> None:
    text = "Die Hilfsorganisation Doctors for Peace und Peter Jacksons Temple of Doom."
    assert _found(text, english_names(text)) == {
        "Doctors for Peace": "MISC",
        "Temple of Doom": "MISC",
    }


def test_english_run_beats_the_model_pieces_and_two_names_stay_apart() -> None:
    text = "Ein Analyst der Heritage Foundation for Strategic Studies warnte vor dem Test."
    got = _resolved(text, [("Heritage Foundation", "ORG"), ("Strategic Studies", "MISC")])
    assert got == {"Heritage Foundation for Strategic Studies": "ORG"}
    text = "Die Maschine flog von Minsk for Moskau, hieß es in dem Protokoll."
    assert english_names(text) == []  # a place before the joiner: two names


def test_name_noun_compound_keeps_the_name() -> None:
    text = (
        "Reuters Television-Reporter filmten den Konvoi, der Hankyoreh Sinmun-Blatt berichtete "
        "darüber, Studenten der Yonsei-Universität und Besucher am Lenin-Platz sahen zu."
    )
    names = [
        ("Reuters Television-Reporter", "ORG"),
        ("Sinmun-Blatt", "PER"),
        ("Yonsei-Universität", "ORG"),
        ("Lenin-Platz", "PER"),
    ]
    got = _found(text, split_name_compounds(text, spans(text, names)))
    assert got == {
        "Reuters Television": "ORG",
        "Hankyoreh Sinmun": "ORG",  # the class noun types it, the name word before joins
        "Yonsei-Universität": "ORG",
        "Lenin-Platz": "PER",  # squares are settled later as places, never cut
    }


def test_one_word_name_before_a_common_noun_is_not_cut() -> None:
    text = "Der Brasilien-Experte sprach lange."
    assert _found(
        text, split_name_compounds(text, spans(text, [("Brasilien-Experte", "LOC")]))
    ) == {"Brasilien-Experte": "LOC"}


def test_name_after_an_area_noun_is_a_place() -> None:
    text = (
        "Die Raketen kamen aus der Gegend von Kusong, später aus der Nähe von Wonsan; "
        "im Raum um Charkiw blieb es ruhig, in der Nähe von Kim Jong Un stand ein General."
    )
    assert _found(text, area_places(text)) == {"Kusong": "LOC", "Wonsan": "LOC", "Charkiw": "LOC"}
    got = _resolved(text, [("Kusong", "PER"), ("Kim Jong Un", "PER")])
    assert got["Kusong"] == "LOC" and got["Kim Jong Un"] == "PER"


def test_foreign_words_for_news_make_an_outlet() -> None:
    text = "Laut Itar Vesti und der Dong-a Ilbo habe Lee Jae-myung das gesagt."
    got = _resolved(text, [("Itar Vesti", "PER"), ("Dong-a Ilbo", "PER"), ("Lee Jae-myung", "PER")])
    assert got == {"Itar Vesti": "ORG", "Dong-a Ilbo": "ORG", "Lee Jae-myung": "PER"}


def test_capitalised_lexicon_noun_is_a_common_noun_even_when_lowercase_reads_as_name() -> None:
    assert is_lexicon_noun("Panzer")  # HanTa: 'panzer' NE, 'Panzer' NN (one lexicon stem)
    assert not is_lexicon_noun("Biden")  # 'Biden' NN only as the guess 'bid' + 'en'
    assert not is_lexicon_noun("Sunan") and not is_lexicon_noun("Putin")
    text = "Polen kaufte Panzer an der Grenze, sagte Biden."
    got = _resolved(text, [("Panzer", "PER"), ("Biden", "PER"), ("Polen", "LOC")])
    assert "Panzer" not in got and got["Biden"] == "PER"


def test_a_lexicon_noun_the_model_did_not_call_a_person_stays() -> None:
    text = "Der Preis stieg auf zwei Euro, sagte Biden."  # GermEval marks 'Euro' as a name (OTH)
    got = _resolved(text, [("Euro", "MISC"), ("Biden", "PER")])
    assert got.get("Euro") == "MISC"


def test_acronym_links_to_the_only_name_its_initials_spell() -> None:
    assert initials("New York Times") == "NYT" and initials("Joint Chiefs of Staff") == "JCS"
    a = article("a", "Die Washington Post berichtete am Montag.", [("Washington Post", "ORG")])
    b = article("b", "Das schrieb die WP am Dienstag.", [("WP", "ORG")])
    c = LinkStage()(Corpus(articles=[a, b]))
    assert ids_of(c, "WP") == ids_of(c, "Washington Post")
    post = next(e for e in c.entities if e.name == "Washington Post")
    assert any("acronym of the initials" in r for r in post.merge_reasons)


def test_acronym_with_two_candidate_names_links_to_neither() -> None:
    a = article("a", "Die Washington Post berichtete.", [("Washington Post", "ORG")])
    b = article("b", "Die Westfälische Presse schrieb.", [("Westfälische Presse", "ORG")])
    c = article("c", "Das meldete die WP.", [("WP", "ORG")])
    linked = LinkStage()(Corpus(articles=[a, b, c]))
    wp = ids_of(linked, "WP")
    assert wp.isdisjoint(ids_of(linked, "Washington Post") | ids_of(linked, "Westfälische Presse"))


def test_party_state_tag_is_no_name_and_first_name_keeps_its_surname() -> None:
    text = "Der Senator Tim Kaine (D-VA) sprach mit Jim Himes über den Krieg."
    names = [("D-VA", "ORG"), ("Jim Himes", "PER"), ("Tim Kaine", "PER")]
    got = _resolved(text, names)
    assert got == {"Tim Kaine": "PER", "Jim Himes": "PER"}  # not 'Jim' + 'Hime' (Himeji)


def test_official_state_name_is_a_place() -> None:
    text = "Die Islamische Republik Iran und die Demokratische Volksrepublik Korea protestierten."
    names = [("Islamische Republik Iran", "ORG"), ("Demokratische Volksrepublik Korea", "ORG")]
    got = _resolved(text, names)
    assert got == {"Islamische Republik Iran": "LOC", "Demokratische Volksrepublik Korea": "LOC"}


def test_word_with_a_cyrillic_look_alike_links_to_the_latin_spelling() -> None:
    a = article(
        "a",
        "Putin empfing Kim im Kosmodrom Wostotschny am Amur.",
        [("Wostotschny", "LOC")],
    )
    caption = "Putin und Kim im russischen Wostotschny \u0421osmodrom, September 2023."
    b = article("b", caption, [("Wostotschny \u0421osmodrom", "PER")])
    c = LinkStage()(Corpus(articles=[a, b]))
    # round 8: the trailing generic head is cut, the caption names 'Wostotschny' itself
    assert [m.text for m in b.mentions] == ["Wostotschny"]
    assert len(ids_of(c, "Wostotschny")) == 1
    assert {e.type for e in c.entities if e.name.startswith("Wostot")} == {"LOC"}


def test_german_noun_after_the_english_name_ends_it() -> None:
    text = (
        "Ein Team des Massachusetts Institute of Technology Forscher und Prince of Persia Spiele."
    )
    got = _found(text, english_names(text))
    assert got == {"Massachusetts Institute of Technology": "ORG", "Prince of Persia": "MISC"}
