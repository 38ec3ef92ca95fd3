"""Story clustering on the project's own sentences: languages, incremental ids, threads,
near-duplicates, summaries; and the acceptance corpora (seeds, examples) when present."""

from __future__ import annotations

from chronik.model import Article, Corpus, Mention, Story
from chronik.stages.embed import EmbedStage
from chronik.stages.stories import StoriesStage

SUMMIT = {
    "de": "Kim Jong Un ist mit seinem gepanzerten Zug nach Russland gereist. Am Mittwoch traf "
    "er Wladimir Putin am Weltraumbahnhof Wostotschny. Die beiden sprachen über Waffen, "
    "Satelliten und die Zusammenarbeit ihrer Armeen. Washington warnte vor einem Waffenhandel.",
    "en": "Kim Jong Un travelled to Russia on his armoured train. On Wednesday he met Vladimir "
    "Putin at the Vostochny cosmodrome. The two discussed weapons, satellites and military "
    "cooperation. Washington warned against an arms deal between the two countries.",
    "fr": "Kim Jong Un s'est rendu en Russie à bord de son train blindé. Mercredi, il a "
    "rencontré Vladimir Putin au cosmodrome de Vostochny. Les deux dirigeants ont parlé "
    "d'armes, de satellites et de coopération militaire.",
}
VISIT = (
    "Vladimir Putin flew to North Korea on Wednesday for talks with Kim Jong Un. In Pyongyang "
    "the two leaders signed a treaty on mutual military assistance. Washington warned that "
    "the pact deepens the cooperation of their armies on weapons and satellites."
)
FLOOD = (
    "Heavy rain flooded the old town of Passau on Sunday. The Danube rose to nine metres, "
    "the highest level since 2013. Firefighters evacuated two hundred residents and the "
    "city closed its bridges. Farmers in Lower Bavaria fear for their harvest."
)


# surface form -> linked entity id, as the entities + link stages would set them
ENTITIES = {"Kim Jong Un": "kim", "Putin": "putin", "Russ": "russia", "Vostochny": "vost",
            "Wostotschny": "vost", "Washington": "usa", "Passau": "passau", "Danube": "danube",
            "Bavaria": "bavaria"}  # fmt: skip


def _mentions(text: str) -> tuple[Mention, ...]:
    out = []
    for surface, eid in ENTITIES.items():
        start = text.find(surface)
        if start >= 0:
            end = start + len(surface)
            out.append(Mention(start, end, surface, type="PER", entity_id=eid))
    return tuple(sorted(out, key=lambda m: m.start))


def _art(aid: str, text: str, lang: str, day: str, outlet: str = "Test") -> Article:
    return Article(id=aid, source=aid, raw_text=text, text=text, language=lang,
                   published=day, published_source="metadata", outlet=outlet,
                   title=text.split(".")[0], mentions=_mentions(text))  # fmt: skip


def _run(articles: list[Article], stories: list[Story] | None = None) -> list[Story]:
    embedded = EmbedStage()(articles)
    return StoriesStage()(Corpus(articles=embedded, stories=stories or [])).stories


def _groups(stories: list[Story]) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def test_same_event_across_languages_is_one_story() -> None:
    arts = [_art(f"s-{lang}", text, lang, f"2023-09-1{i}") for i, (lang, text) in
            enumerate(SUMMIT.items())]  # fmt: skip
    arts.append(_art("flood", FLOOD, "en", "2023-09-12"))
    stories = _run(arts)
    assert _groups(stories) == {frozenset({"s-de", "s-en", "s-fr"}), frozenset({"flood"})}
    summit = next(s for s in stories if "s-de" in s.article_ids)
    assert summit.languages == ("de", "en", "fr")
    assert summit.first == "2023-09-10" and summit.last == "2023-09-12"


def test_incremental_run_keeps_ids_and_only_places_new_articles() -> None:
    first = _run([_art("s-de", SUMMIT["de"], "de", "2023-09-13"),
                  _art("flood", FLOOD, "en", "2023-09-12")])  # fmt: skip
    later = [_art("s-de", SUMMIT["de"], "de", "2023-09-13"), _art("flood", FLOOD, "en",
             "2023-09-12"), _art("s-en", SUMMIT["en"], "en", "2023-09-14")]  # fmt: skip
    second = _run(later, first)
    assert {s.id for s in first} == {s.id for s in second}
    summit = next(s for s in second if "s-de" in s.article_ids)
    assert set(summit.article_ids) == {"s-de", "s-en"}


def test_same_actors_months_apart_are_two_stories_of_one_thread() -> None:
    arts = [
        _art("sep-de", SUMMIT["de"], "de", "2023-09-13"),
        _art("sep-en", SUMMIT["en"], "en", "2023-09-14"),
        _art("jun-en", VISIT, "en", "2024-06-19"),
    ]
    stories = _run(arts)
    assert _groups(stories) == {frozenset({"sep-de", "sep-en"}), frozenset({"jun-en"})}
    june = next(s for s in stories if "jun-en" in s.article_ids)
    september = next(s for s in stories if "sep-de" in s.article_ids)
    assert june.parent_id == september.id and september.parent_id is None


def test_wire_copies_are_duplicates_and_counted_once() -> None:
    copy = SUMMIT["en"] + " (Reuters)"
    arts = [_art("orig", SUMMIT["en"], "en", "2023-09-13", "A"),
            _art("copy", copy, "en", "2023-09-13", "B")]  # fmt: skip
    (story,) = _run(arts)
    ((dup, kept, how),) = story.meta["duplicates"]
    assert {dup, kept} == {"copy", "orig"} and how == "minhash"
    assert story.meta["sources"] == 1
    assert story.outlets == ("A", "B")


def test_summary_points_into_articles_without_repeats() -> None:
    arts = [_art(f"s-{lang}", text, lang, "2023-09-13") for lang, text in SUMMIT.items()]
    (story,) = _run(arts)
    by_id = {a.id: a for a in arts}
    assert 1 <= len(story.summary) <= 3
    for row in story.summary:
        assert by_id[row["article_id"]].text[row["start"] : row["end"]] == row["text"]
    texts = [row["text"] for row in story.summary]
    assert len(set(texts)) == len(texts)
    assert story.label


def test_label_in_the_readers_language() -> None:
    arts = [_art(f"s-{lang}", text, lang, "2023-09-13") for lang, text in SUMMIT.items()]
    embedded = EmbedStage()(arts)
    (story,) = StoriesStage(label_language="fr")(Corpus(articles=embedded)).stories
    assert story.label == SUMMIT["fr"].split(".")[0]


def test_articles_without_text_are_skipped() -> None:
    arts = [_art("empty", "", "de", "2023-09-13"), _art("flood", FLOOD, "en", "2023-09-12")]
    assert _groups(_run(arts)) == {frozenset({"flood"})}
