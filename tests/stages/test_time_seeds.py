"""The issue's examples on the real seed articles (read from ../shared, never copied)."""

from __future__ import annotations

import pytest

from chronik.model import Article, Timex
from chronik.stages import create
from chronik.stages.sentences import split_sentences

DCT = "2023-09-12"

# (seed file prefix, snippet locating the line, timex text, type, value)
CASES = [
    ("000", "teilte am Dienstag mit", "Dienstag", "DATE", "2023-09-12"),
    ("000", "am Sonntagnachmittag", "Sonntagnachmittag", "TIME", "2023-09-10TAF"),
    ("000", "in den letzten 17 Monaten", "den letzten 17 Monaten", "DURATION", "P17M"),
    ("000", "Schoigu im Juli", "Juli", "DATE", "2023-07"),
    ("002", "im April 2019 nach Russland", "April 2019", "DATE", "2019-04"),
    ("002", "bereits vergangene Woche", "vergangene Woche", "DATE", "2023-W36"),
    ("004", "seit mehr als zwei Jahrzehnten", "mehr als zwei Jahrzehnten", "DURATION", "P2DE"),
    ("004", "zweitägigen Besuch", "zweitägigen", "DURATION", "P2D"),
]


def _timexes(text: str) -> tuple[Timex, ...]:
    art = Article(id="s", source="seed", raw_text=text, text=text, language="de",
                  published=DCT, published_source="metadata")  # fmt: skip
    sentences = split_sentences(text, "de")
    from chronik.model import Sentence

    art = art.evolve(sentences=tuple(Sentence(s, e, text[s:e]) for s, e in sentences))
    (out,) = create("time")([art])
    return out.timexes


@pytest.mark.parametrize(("prefix", "snippet", "surface", "type_", "value"), CASES)
def test_seed_expressions(
    seed_texts: dict[str, str], prefix: str, snippet: str, surface: str, type_: str, value: str
) -> None:
    name, text = next((n, t) for n, t in seed_texts.items() if n.startswith(prefix))
    at = text.index(snippet)
    hits = [t for t in _timexes(text) if t.text == surface and at <= t.start < at + len(snippet)]
    assert hits, f"{surface!r} not found near {snippet!r} in {name}"
    assert (hits[0].type, hits[0].value) == (type_, value)


def test_seed_time_with_zone(seed_texts: dict[str, str]) -> None:
    text = next(t for n, t in seed_texts.items() if n.startswith("000"))
    zoned = [t for t in _timexes(text) if "GMT" in t.text]
    assert zoned and zoned[0].type == "TIME" and zoned[0].value.endswith("T19:00+09:00")


def test_seeds_have_no_timex_on_plain_words(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        for t in _timexes(text):
            assert t.text.lower() not in {"die", "mit", "mai", "nun", "an"}, t
            assert t.end > t.start and text[t.start : t.end] == t.text
