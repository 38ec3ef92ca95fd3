"""The signals story clustering adds beyond embeddings: travel destinations, background
word rarity, months and years, transliterated names; on the project's own sentences."""

from __future__ import annotations

from collections import Counter

from chronik.model import Article, Corpus, Mention, Story
from chronik.stages.embed import EmbedStage
from chronik.stages.stories import StoriesStage
from chronik.stages.stories.background import idf
from chronik.stages.stories.signals import names, years
from chronik.stages.stories.visits import conflict, destinations

KIM_TRIP = (
    "Kim Jong Un ist mit seinem Panzerzug nach Russland gereist. Seine Reise nach Russland "
    "führt ihn zum Kosmodrom Wostotschny, wo er Wladimir Putin trifft. Im Westen wächst die "
    "Sorge vor einem Waffenhandel zwischen Pjöngjang und Moskau."
)
KIM_TRIP_2 = (
    "Der Sonderzug von Kim Jong Un ist in Russland eingetroffen. Kim will bei seinem Besuch in "
    "Russland mit Wladimir Putin über Waffen sprechen. Der Kreml bestätigte die Reise."
)
PUTIN_TRIP = (
    "Wladimir Putin ist zu einem Staatsbesuch nach Nordkorea gereist. Putins Besuch in Nordkorea "
    "ist der erste seit 24 Jahren. Kim Jong Un empfing ihn in Pjöngjang mit einer Parade; die "
    "beiden sprachen über Waffen und eine strategische Partnerschaft."
)
LOCS = {"Russland": "russia", "Nordkorea": "nk", "Pjöngjang": "pyongyang", "Moskau": "moscow",
        "Wostotschny": "vost"}  # fmt: skip
PERS = {"Kim Jong Un": "kim", "Wladimir Putin": "putin", "Putin": "putin", "Kim": "kim"}


def _mentions(text: str) -> tuple[Mention, ...]:
    out, taken = [], set()
    for table, kind in ((LOCS, "LOC"), (PERS, "PER")):
        for surface, eid in table.items():
            start = text.find(surface)
            while start >= 0:
                span = range(start, start + len(surface))
                if not taken & set(span):
                    taken |= set(span)
                    out.append(Mention(start, span.stop, surface, type=kind, entity_id=eid))
                start = text.find(surface, start + 1)
    return tuple(sorted(out, key=lambda m: m.start))


def _art(aid: str, text: str, lang: str = "de") -> Article:
    """Undated, as most of the seeds are: content has to tell the events apart."""
    return Article(id=aid, source=aid, raw_text=text, text=text, language=lang,
                   mentions=_mentions(text))  # fmt: skip


def test_destinations_follow_the_travel_words_both_ways() -> None:
    assert destinations(_art("k", KIM_TRIP)) == Counter({"russia": 2})
    assert destinations(_art("p", PUTIN_TRIP)) == Counter({"nk": 2})
    # a single background mention of a trip is not a main destination
    one = _art("o", "Schoigu war im Juli zu Besuch in Nordkorea. Kim Jong Un lobte die Armee.")
    assert conflict(destinations(one), Counter({"russia": 3})) == 0.0
    assert conflict(Counter({"nk": 2}), Counter({"russia": 3})) == 1.0
    assert conflict(Counter({"russia": 2}), Counter({"russia": 3, "nk": 1})) == 0.0


def test_background_rarity_ranks_names_above_function_words() -> None:
    assert idf("und", "de") < 1.0 < idf("Putin", "de") < idf("Wostotschny", "de")
    assert idf("the", "en") < idf("earthquake", "en")


def test_years_and_months_are_read_in_several_languages() -> None:
    found = years("Am 12. Juni 2024 kam er; im September war Kim in Russland. le 5 juin. "
                  "13 сентября. He may return in May.")  # fmt: skip
    assert found == Counter({"m:06": 2, "m:09": 2, "2024": 1, "m:05": 1})


def test_cyrillic_names_meet_latin_ones_on_transliterated_keys() -> None:
    ru = Article(id="r", source="r", raw_text="", text="Встреча: Путина и Шойгу ждут в "
                 "Владивостоке.", language="ru")  # fmt: skip
    de = Article(id="d", source="d", raw_text="", text="Putin", language="de",
                 mentions=(Mention(0, 5, "Putin", type="PER", entity_id="p"),))  # fmt: skip
    assert "k:putin" in names(ru) and "k:shoig" in names(ru)
    assert "k:putin" in names(de) and "id:p" in names(de)


def test_two_undated_visits_with_the_same_leaders_are_two_stories() -> None:
    arts = [_art("kim-1", KIM_TRIP), _art("kim-2", KIM_TRIP_2), _art("putin", PUTIN_TRIP)]
    stories: list[Story] = StoriesStage()(Corpus(articles=EmbedStage()(arts))).stories
    groups = {frozenset(s.article_ids) for s in stories}
    assert groups == {frozenset({"kim-1", "kim-2"}), frozenset({"putin"})}
    kim = next(s for s in stories if "kim-1" in s.article_ids)
    putin = next(s for s in stories if "putin" in s.article_ids)
    assert putin.parent_id == kim.id or kim.parent_id == putin.id  # one thread
