"""Round-5 linking rules on our own sentences: German adjective names in their base form,
acronyms defined in any language ('( JCS)', ', kurz IStGH'), a first name the model cut off,
English names ending in -s; and the same rules on the seed articles."""

from __future__ import annotations

import pytest
from entity_helpers import article, ids_of, spans

from chronik.model import Article, Corpus
from chronik.stages.entities import EntityStage, LinkStage
from chronik.stages.entities.acronym_defs import definitions
from chronik.stages.entities.inflection import base_form, gender
from chronik.stages.entities.resolve import resolve
from chronik.stages.sentences import SentenceStage


@pytest.mark.parametrize(
    ("before", "name", "base"),
    [
        ("Amt des ", "Internationalen Strafgerichtshofs", "Internationaler Strafgerichtshof"),
        ("der Generalsekretär der ", "Vereinten Nationen", "Vereinte Nationen"),
        ("die Sprecherin des ", "Nationalen Sicherheitsrats", "Nationaler Sicherheitsrat"),
        ("ein Sprecher vom ", "Nationalen Sicherheitsrat", "Nationaler Sicherheitsrat"),
        ("ein Sprecher des ", "Weißen Hauses", "Weißes Haus"),
        ("nach Angaben der ", "Koreanischen Zentralen Nachrichtenagentur",
         "Koreanische Zentrale Nachrichtenagentur"),
        ("Helfer des ", "Roten Kreuzes", "Rotes Kreuz"),
        ("Schiffe im ", "Schwarzen Meer", "Schwarzes Meer"),
        ("Klage vor den ", "Internationalen Strafgerichtshof", "Internationaler Strafgerichtshof"),
        ("Das sagte der ", "Nationale Geheimdienst", "Nationaler Geheimdienst"),
        ("nach Angaben der ", "Gemeinsamen Stabschefs", "Gemeinsame Stabschefs"),
        ("Soldaten in der ", "Demilitarisierten Zone", "Demilitarisierte Zone"),
        ("Führer der ", "Demokratischen Volksrepublik Korea", "Demokratische Volksrepublik Korea"),
    ],
)  # fmt: skip
def test_german_adjective_names_take_their_base_form(before: str, name: str, base: str) -> None:
    assert base_form(name, before) == base


@pytest.mark.parametrize(
    ("before", "name"),
    [
        ("laut der ", "Neuen Zürcher Zeitung"),  # 'Zürcher' is no declined adjective
        ("bei der ", "Zürcher Kantonalbank"),
        ("ein Besuch des ", "Wladimir Putin"),  # no adjective
        ("die ", "Europäische Zentralbank"),  # already the base form
        ("teilten ", "Internationaler Strafgerichtshof"),
    ],
)
def test_other_names_keep_their_form(before: str, name: str) -> None:
    assert base_form(name, before) == name


def test_gender_from_head_noun_and_suffix() -> None:
    assert gender("Strafgerichtshof", "hof") == "m"
    assert gender("Verteidigungsministerium", "ministerium") == "n"
    assert gender("Nachrichtenagentur", "agentur") == "f"
    assert gender("Regierung", "regierung") == "f"


def test_inflected_organisation_links_with_its_nominative_in_another_article() -> None:
    a = article(
        "a",
        "Duterte kandidiert trotz der Untersuchung des Internationalen Strafgerichtshofs.",
        [("Duterte", "PER"), ("Internationalen Strafgerichtshofs", "ORG")],
    )
    b = article(
        "b",
        "Der Internationale Strafgerichtshof in Den Haag äußerte sich nicht.",
        [("Internationale Strafgerichtshof", "ORG"), ("Den Haag", "LOC")],
    )
    c = LinkStage()(Corpus(articles=[a, b]))
    ids = ids_of(c, "Internationalen Strafgerichtshofs") | ids_of(
        c, "Internationale Strafgerichtshof"
    )
    assert len(ids) == 1
    court = next(e for e in c.entities if e.id in ids)
    assert court.name == "Internationaler Strafgerichtshof"


def test_english_text_is_not_declined() -> None:
    text = "The ruling of the International Criminal Court came on Monday."
    ments = resolve(text, spans(text, [("International Criminal Court", "ORG")]), lang="en")
    assert [m.canonical for m in ments] == ["International Criminal Court"]


def test_acronym_in_spaced_parentheses_after_a_particle_defines_it() -> None:
    text = "Zwei Raketen flogen, teilten Südkoreas Gemeinsame Stabschefs mit ( JCS) am Abend."
    acronyms, long_forms = definitions(text, "de")
    assert acronyms["JCS"] == "Gemeinsame Stabschefs"
    assert [text[r.start : r.end] for r in long_forms] == ["Gemeinsame Stabschefs"]


def test_kurz_introduces_an_acronym_in_base_form() -> None:
    text = "Die Ermittlungen des Internationalen Strafgerichtshofs, kurz IStGH, dauern an."
    acronyms, _ = definitions(text, "de")
    assert acronyms["IStGH"] == "Internationaler Strafgerichtshof"
    assert "Tag" not in definitions("Er kam am Montag, kurz Tag genannt.", "de")[0]


def test_an_acronym_alone_joins_the_name_an_article_defined_it_for() -> None:
    a = article(
        "a",
        "Zwei Raketen flogen, teilten Südkoreas Gemeinsame Stabschefs mit ( JCS) am Abend. "
        "Nach Angaben der JCS flogen sie weit.",
        [("Südkoreas", "LOC"), ("JCS", "ORG")],
    )
    b = article("b", "Die JCS meldeten am Montag einen neuen Start.", [("JCS", "ORG")])
    c = LinkStage()(Corpus(articles=[a, b]))
    ids = ids_of(c, "JCS") | ids_of(c, "Gemeinsame Stabschefs")
    assert len(ids) == 1
    staff = next(e for e in c.entities if e.id in ids)
    assert staff.name == "Gemeinsame Stabschefs"
    assert any("acronym defined in an article" in r for r in staff.merge_reasons)


def test_an_acronym_defined_for_two_names_joins_neither() -> None:
    a = article(
        "a", "Das sagte die Nationale Sicherheitsbehörde (NSB) am Montag.", [("NSB", "ORG")]
    )
    b = article(
        "b", "Das meldete die Niederländische Staatsbahn (NSB) am Dienstag.", [("NSB", "ORG")]
    )
    d = article("d", "Die NSB schwieg.", [("NSB", "ORG")])
    c = LinkStage()(Corpus(articles=[a, b, d]))
    names = {e.name for e in c.entities}
    assert {"Nationale Sicherheitsbehörde", "Niederländische Staatsbahn", "NSB"} <= names
    assert len(ids_of(c, "NSB")) == 3


def test_first_name_before_a_cut_person_name_joins_it() -> None:
    text = "Der Abgeordnete diskutiert mit Erin Burnett von CNN über den Krieg."
    ments = resolve(text, spans(text, [("Burnett", "PER"), ("CNN", "ORG")]), lang="de")
    assert [m.text for m in ments] == ["Erin Burnett", "CNN"]
    text = "Das sagte im Mai Burnett, nicht der Präsident Burnett."
    ments = resolve(text, spans(text, [("Burnett", "PER")]), lang="de")
    assert {m.text for m in ments} == {"Burnett"}


def test_english_names_ending_in_s_keep_it() -> None:
    text = "Fighting went on near Damascus, and officials in Texas said so."
    ments = resolve(text, spans(text, [("Damascus", "LOC"), ("Texas", "LOC")]), lang="en")
    assert [m.canonical for m in ments] == ["Damascus", "Texas"]


@pytest.mark.shared
def test_seed_entities_in_base_form_and_acronyms_linked(seed_texts: dict[str, str]) -> None:
    arts = [
        Article(id=k, source="seeds", raw_text=t, text=t, language="de")
        for k, t in seed_texts.items()
    ]
    corpus = LinkStage()(Corpus(articles=EntityStage()(SentenceStage()(arts))))
    by_name = {e.name: e for e in corpus.entities}
    for name in ("Internationaler Strafgerichtshof", "Nationaler Sicherheitsrat", "Erin Burnett"):
        assert name in by_name, sorted(by_name)
    assert "Burnett" not in by_name
    staff = next(e for e in corpus.entities if "JCS" in (e.name, *e.aliases))
    assert {"JCS", "Joint Chiefs of Staff"} <= {staff.name, *staff.aliases}
    assert staff.name == "Gemeinsame Stabschefs"


def _english(text: str, names: list[tuple[str, str]]) -> list[str]:
    return [m.text for m in resolve(text, spans(text, names), lang="en")]


def test_english_title_pieces_are_no_names() -> None:
    text = "British Prime Minister David Cameron called for a formal resolution."
    assert _english(text, [("British Prime", "ORG"), ("David Cameron", "PER")]) == ["David Cameron"]
    text = "US Secretary of State Antony Blinken met his counterpart on Monday."
    assert "Antony Blinken" in _english(text, [("State Antony Blinken", "ORG")])


def test_english_month_after_a_day_number_opens_no_name() -> None:
    text = "Oil locations from 22 April to 15 May Efforts to stem the flow failed."
    assert not any("May" in n for n in _english(text, [("May Efforts", "PER")]))
    text = "Theresa May said on Monday that she would resign."
    assert _english(text, [("Theresa May", "PER")]) == ["Theresa May"]


def test_english_plural_demonyms_are_no_places_but_names_in_is_stay() -> None:
    text = "Syrians fled to Turkey, and Israelis watched while Henry Kravis said little in Paris."
    names = [("Syrians", "LOC"), ("Turkey", "LOC"), ("Israelis", "LOC")]
    names += [("Henry Kravis", "PER"), ("Paris", "LOC")]
    assert _english(text, names) == ["Turkey", "Henry Kravis", "Paris"]


def test_a_person_or_country_in_parentheses_defines_no_acronym() -> None:
    text = "Im Slalom gewann Bode Miller (USA). Die USA jubelten. Altkanzler Helmut Kohl (CDU) kam."
    acronyms, _ = definitions(text, "de")
    assert acronyms.get("USA", "USA") == "USA" and "CDU" not in acronyms
    ments = resolve(text, spans(text, [("Bode Miller", "PER"), ("USA", "LOC")]), lang="de")
    assert {(m.text, m.canonical) for m in ments} >= {
        ("Bode Miller", "Bode Miller"),
        ("USA", "USA"),
    }


def test_english_weekdays_months_and_lone_titles_are_no_mentions() -> None:
    text = (
        "The President said on Tuesday that the Minister would travel in May. Monday was "
        "calm, and in June the Senator met President Biden."
    )
    names = [("President", "PER"), ("Tuesday", "LOC"), ("Minister", "ORG"), ("May", "ORG")]
    names += [("Monday", "LOC"), ("June", "LOC"), ("Senator", "PER"), ("President Biden", "PER")]
    assert _english(text, names) == ["Biden"]
