"""Entities: transliteration keys, gazetteer, within-article resolution and linking rules.

Resolution and linking are tested on hand-made spans (no model), so a rule failing here is
the rule's fault; the model-backed end-to-end checks on the seeds are in test_entities_seeds.py.
"""

from __future__ import annotations

import time

import pytest
from entity_helpers import article, ids_of, spans

from chronik.model import Article, Corpus, Entity
from chronik.stages import create
from chronik.stages.entities.gazetteer import PLACES, role_gloss
from chronik.stages.entities.link import LinkStage, entity_id
from chronik.stages.entities.resolve import resolve
from chronik.stages.entities.stage import EntityStage
from chronik.stages.entities.translit import loose_key, name_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Schoigu", "Shoigu"),
        ("Peskow", "Peskov"),
        ("Pjöngjang", "Pyongyang"),
        ("Sergej", "Sergey"),
        ("Juri Uschakow", "Yuri Ushakov"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Wladimir Putin", "Владимир Путин"),
        ("Selenskyj", "Zelensky"),
    ],
)
def test_spellings_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Kim Jong Un", "Kim Jong Il"), ("Putin", "Peskow")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_loose_key_folds_german_inflection() -> None:
    assert loose_key("Koreanischen Zentralen Nachrichtenagentur") == loose_key(
        "Koreanische Zentrale Nachrichtenagentur"
    )


def test_exonyms_and_roles() -> None:
    places = PLACES.get()
    assert places.canonical("Kiew") == places.canonical("Kyiv") == "Kyiv"
    assert places.canonical("Pjöngjang") == "Pyongyang"
    assert places.canonical("Nordkorea") == "North Korea"
    assert places.canonical("Peskow") is None  # a small town's alias must not eat a surname
    assert role_gloss("Kremlsprecher") == "Kremlin spokesman"
    assert role_gloss("Verteidigungsminister") == "defence minister"
    assert role_gloss("Bahnhof") is None


KIM_TEXT = (
    "Nordkoreas Machthaber Kim Jong Un reiste nach Russland. Seine Schwester Kim Yo Jong "
    "begleitete ihn, ebenso Kabinettsminister Kim Tok Hun. Kim winkte aus dem Zug. "
    "Kims Vater Kim Jong Il war 2011 gestorben."
)


def test_bare_kim_is_the_most_mentioned_kim_and_other_kims_stay_apart() -> None:
    raw = spans(
        KIM_TEXT,
        [
            ("Kim Jong Un", "PER"),
            ("Kim Yo Jong", "PER"),
            ("Kim Tok Hun", "PER"),
            ("Kim Jong Il", "PER"),
            ("Kim", "PER"),
        ],
    )
    got = {m.text: m.canonical for m in resolve(KIM_TEXT, raw)}
    assert got["Kim"] == "Kim Jong Un"
    assert got["Kims"] == "Kim Jong Un"  # genitive found again by the recurrence pass
    assert got["Kim Yo Jong"] == "Kim Yo Jong"
    assert got["Kim Tok Hun"] == "Kim Tok Hun"
    assert got["Kim Jong Il"] == "Kim Jong Il"


def test_genitive_and_surname_resolve_to_full_name() -> None:
    text = "Präsident Wladimir Putin empfing Gäste. Auf Einladung Putins kam Kim. Putin sprach."
    ments = resolve(text, spans(text, [("Wladimir Putin", "PER"), ("Putins", "PER")]))
    assert [m.canonical for m in ments if "Putin" in m.text] == ["Wladimir Putin"] * 3


def test_roles_before_and_after_the_name() -> None:
    text = (
        "Kremlsprecher Dmitri Peskow sagte, man sei bereit. Das sagte Adrienne Watson, "
        "Sprecherin des Nationalen Sicherheitsrats, am Montag."
    )
    ments = resolve(
        text, spans(text, [("Kremlsprecher Dmitri Peskow", "PER"), ("Adrienne Watson", "PER")])
    )
    roles = {m.text: m.role for m in ments}
    assert roles["Dmitri Peskow"] == "Kremlsprecher"  # the role word is cut off the name
    assert roles["Adrienne Watson"] == "Sprecherin des Nationalen Sicherheitsrats"


def test_common_noun_tails_and_adjacent_names_are_split() -> None:
    text = (
        "Sergej Schoigu traf Kim Jong Un. Dann überreichte Schoigu Kim einen Brief. "
        "Putins Bedarf an Munition ist groß, sagte Wladimir Putin."
    )
    ments = resolve(
        text,
        spans(
            text,
            [
                ("Sergej Schoigu", "PER"),
                ("Kim Jong Un", "PER"),
                ("Schoigu Kim", "PER"),
                ("Putins Bedarf", "PER"),
                ("Wladimir Putin", "PER"),
            ],
        ),
    )
    texts = [m.text for m in ments]
    assert "Schoigu Kim" not in texts and "Schoigu" in texts
    assert "Bedarf" not in " ".join(texts)
    assert {m.canonical for m in ments if m.text == "Kim"} == {"Kim Jong Un"}


def test_acronym_defined_in_parentheses() -> None:
    text = "Die Koreanische Zentrale Nachrichtenagentur (KCNA) meldete das. KCNA schwieg sonst."
    ments = resolve(text, spans(text, [("Koreanische Zentrale Nachrichtenagentur", "ORG")]))
    assert {m.canonical for m in ments} == {"Koreanische Zentrale Nachrichtenagentur"}
    assert sum(m.text == "KCNA" for m in ments) == 2


def linked(*arts: Article, entities: list[Entity] | None = None) -> Corpus:
    return LinkStage()(Corpus(articles=list(arts), entities=entities or []))


def test_cross_article_spellings_and_exonyms_link() -> None:
    a = article(
        "a",
        "Kim reiste aus Pjöngjang nach Kiew. Schoigu wartete.",
        [("Pjöngjang", "LOC"), ("Kiew", "LOC"), ("Schoigu", "PER")],
    )
    b = article(
        "b",
        "Sergei Shoigu left Pyongyang for Kyiv.",
        [("Sergei Shoigu", "PER"), ("Pyongyang", "LOC"), ("Kyiv", "LOC")],
    )
    c = linked(a, b)
    assert ids_of(c, "Pjöngjang") == ids_of(c, "Pyongyang")
    assert ids_of(c, "Kiew") == ids_of(c, "Kyiv")
    assert ids_of(c, "Schoigu") == ids_of(c, "Sergei Shoigu")
    shoigu = next(e for e in c.entities if e.name == "Sergei Shoigu")
    assert any("surname" in r for r in shoigu.merge_reasons)
    kyiv = next(e for e in c.entities if e.name == "Kyiv")
    assert any("exonym" in r for r in kyiv.merge_reasons)


def test_people_sharing_a_family_name_never_merge() -> None:
    a = article(
        "a", "Kim Jong Un und Kim Yo Jong kamen.", [("Kim Jong Un", "PER"), ("Kim Yo Jong", "PER")]
    )
    b = article("b", "Kim kam allein.", [("Kim", "PER")])
    c = linked(a, b)
    assert ids_of(c, "Kim Jong Un") != ids_of(c, "Kim Yo Jong")
    assert ids_of(c, "Kim").isdisjoint(ids_of(c, "Kim Jong Un") | ids_of(c, "Kim Yo Jong"))


def test_acronym_links_across_articles() -> None:
    a = article(
        "a",
        "Das meldete die Koreanische Zentrale Nachrichtenagentur.",
        [("Koreanische Zentrale Nachrichtenagentur", "ORG")],
    )
    b = article("b", "Laut KCNA kam er an.", [("KCNA", "ORG")])
    c = linked(a, b)
    assert ids_of(c, "KCNA") == ids_of(c, "Koreanische Zentrale Nachrichtenagentur")


def test_linking_is_incremental_and_ids_are_stable() -> None:
    a = article(
        "a", "Wladimir Putin traf Kim Jong Un.", [("Wladimir Putin", "PER"), ("Kim Jong Un", "PER")]
    )
    first = linked(a)
    putin = next(e for e in first.entities if e.name == "Wladimir Putin")
    assert putin.id == entity_id("PER", name_key("Wladimir Putin"))
    b = article("b", "Vladimir Putin spoke.", [("Vladimir Putin", "PER")])
    second = linked(b, entities=first.entities)
    assert ids_of(second, "Vladimir Putin") == {putin.id}
    merged = next(e for e in second.entities if e.id == putin.id)
    assert set(merged.article_ids) == {"a", "b"} and merged.mention_count == 2
    again = linked(a, b, entities=second.entities)  # a full re-run must not double-count
    assert next(e for e in again.entities if e.id == putin.id).mention_count == 2


def test_registry_builds_both_stages() -> None:
    assert create("entities").provides == ("mentions",)
    link = create("link")
    assert link.corpus_level and link.provides == ("entities",)


@pytest.mark.parametrize(
    "text",
    [
        "Putin traf Kim " * 3000,  # one very long sentence
        "KREMLSPRECHER DMITRI PESKOW SAGTE, PUTIN UND KIM TREFFEN SICH IN WLADIWOSTOK.",
        "1234 5678 ... ---- !!!! 42 %",
        "Путин встретил Ким Чен Ына в Москве. Kim Jong Un 김정은 traf Putin in Moskau.",
        "",
    ],
)
def test_bad_input_no_crash_bounded_time(text: str) -> None:
    art = Article(id="x", source="t", raw_text=text, text=text, language="de")
    t0 = time.perf_counter()
    out = EntityStage(max_chars=20_000)([art])[0]
    assert time.perf_counter() - t0 < 20
    assert "entities" in out.done
    assert all(text[m.start : m.end] == m.text for m in out.mentions)
    if len(text) > 20_000:
        assert any("not analysed" in w for w in out.meta["warnings"])
    if text.startswith("KREML"):
        assert any("all-caps" in w for w in out.meta["warnings"])


@pytest.mark.parametrize("fallback", ["heuristic", "caps", "e5"])
def test_other_languages_get_a_fallback(fallback: str) -> None:
    text = "Le président Emmanuel Macron a rencontré Olaf Scholz à Moscou hier."
    art = Article(id="f", source="t", raw_text=text, text=text, language="fr")
    out = EntityStage(fallback=fallback)([art])[0]
    assert {m.text for m in out.mentions} >= {"Emmanuel Macron", "Olaf Scholz", "Moscou"}
    if fallback == "heuristic":  # the old Latin-only finder says it is one
        assert any("heuristic" in w for w in out.meta["warnings"])


def test_two_spellings_of_a_known_entity_join_it_once() -> None:
    a = article("a", "Wladimir Putin sprach. Putin ging.", [("Wladimir Putin", "PER")])
    first = linked(a)
    (putin,) = [e for e in first.entities if e.name == "Wladimir Putin"]
    assert "Putin" in putin.aliases
    b = article("b", "Putin spoke, then Wladimir Putin left.", [("Putin", "PER")])
    c = article("c", "Putin again.", [("Putin", "PER")])
    second = linked(b, c, entities=first.entities)
    assert ids_of(second, "Putin") == ids_of(second, "Wladimir Putin") == {putin.id}
    merged = next(e for e in second.entities if e.id == putin.id)
    assert merged.mention_count == 2 + 2 + 1 and set(merged.article_ids) == {"a", "b", "c"}
    assert len([e for e in second.entities if e.id == putin.id]) == 1


def test_english_and_german_reports_link_with_roles() -> None:
    en = (
        "Kremlin spokesman Dmitry Peskov said Vladimir Putin will meet Kim Jong Un. "
        "The Korean Central News Agency (KCNA) confirmed it."
    )
    de = "Kremlsprecher Dmitri Peskow sagte, Wladimir Putin werde Kim treffen. Das meldete KCNA."
    arts = EntityStage()(
        [
            Article(id="en", source="t", raw_text=en, text=en, language="en"),
            Article(id="de", source="t", raw_text=de, text=de, language="de"),
        ]
    )
    c = LinkStage()(Corpus(articles=arts))
    assert ids_of(c, "Dmitry Peskov") == ids_of(c, "Dmitri Peskow")
    assert ids_of(c, "Wladimir Putin") == ids_of(c, "Vladimir Putin")
    assert ids_of(c, "Kim") == ids_of(c, "Kim Jong Un")
    assert len(ids_of(c, "KCNA")) == 1
    peskov = next(e for e in c.entities if e.id in ids_of(c, "Dmitri Peskow"))
    assert {"Kremlin spokesman", "Kremlsprecher"} <= set(peskov.roles)


def test_acronym_is_not_the_short_form_of_a_name() -> None:
    text = "North Korean leader Kim Jong Un arrived. Arms deals would break UN resolutions."
    ments = resolve(text, spans(text, [("Kim Jong Un", "PER"), ("UN", "PER")]))
    got = {m.text: m.canonical for m in ments}
    assert got["Kim Jong Un"] == "Kim Jong Un"
    assert got.get("UN") != "Kim Jong Un"


def test_demonym_adjectives_are_not_mentions() -> None:
    text = (
        "The Russian president met North Korean leader Kim Jong Un. "
        "Russian President Vladimir Putin spoke. Brian said nothing. Iran denied it."
    )
    raw = spans(
        text,
        [
            ("Russian", "LOC"),
            ("North Korean", "PER"),
            ("Kim Jong Un", "PER"),
            ("Vladimir Putin", "PER"),
            ("Brian", "PER"),
            ("Iran", "LOC"),
        ],
    )
    names = [m.text for m in resolve(text, raw)]
    assert "Russian" not in names and "North Korean" not in names
    assert {"Kim Jong Un", "Vladimir Putin", "Brian", "Iran"} <= set(names)


def test_places_match_exactly_not_phonetically() -> None:
    places = PLACES.get()
    assert places.canonical("Pjöngjang") == places.canonical("Pyongyang") == "Pyongyang"
    assert places.canonical("Wladiwostok") == "Vladivostok"
    assert places.canonical("White House") is None  # a translation, not an exonym


def test_sentence_initial_function_words_are_not_part_of_names() -> None:
    text = (
        "Wann Kim abreist, ist offen. And Moscow said nothing. "
        "According to Kim Jong Un, all is well."
    )
    raw = spans(text, [("Wann Kim", "PER"), ("And Moscow", "LOC"), ("According", "MISC")])
    raw += spans(text, [("Kim Jong Un", "PER")])
    names = {m.text for m in resolve(text, raw)}
    assert "Wann Kim" not in names and "And Moscow" not in names and "According" not in names
    assert {"Kim", "Moscow", "Kim Jong Un"} <= names
