"""Tokenizer: what stays one token, what is split, and offsets."""

from __future__ import annotations

import pytest

from chronik.stages.sentences import tokenize


def toks(text: str) -> list[str]:
    return [text[s:e] for s, e in tokenize(text)]


@pytest.mark.parametrize(
    "token",
    [
        "1.200",
        "3,5",
        "12:30",
        "1.200.000",
        "Kim-Il-Sung-Platz",
        "Covid-19",
        "GPA-djp-Chef",
        "https://example.org/news/a?id=1&b=2",
        "www.allinrechner.at",
        "derStandard.at",
        "max.muster@example.org",
        "z.B.",
        "U.S.",
        "u.a.",
        "Lehrer*innen",
        "km/h",
    ],
)
def test_kept_whole(token: str) -> None:
    assert toks(f"Vor {token} danach") == ["Vor", token, "danach"]


def test_units_numbers_and_punctuation_are_split() -> None:
    assert toks("mit 60 km/h, etwa 425 Meilen (680 Kilometer).") == [
        "mit", "60", "km/h", ",", "etwa", "425", "Meilen", "(", "680", "Kilometer", ")", ".",
    ]  # fmt: skip


def test_quotes_abbreviations_and_initials() -> None:
    assert toks("„Wir kommen“, sagte Dr. Jean H. Lee (li.) bzw. der Chef...") == [
        "„", "Wir", "kommen", "“", ",", "sagte", "Dr.", "Jean", "H.", "Lee",
        "(", "li.", ")", "bzw.", "der", "Chef", "...",
    ]  # fmt: skip


def test_sentence_final_period_and_url_end() -> None:
    assert toks("Mehr unter https://orf.at/stories/1. Ende.") == [
        "Mehr", "unter", "https://orf.at/stories/1", ".", "Ende", ".",
    ]  # fmt: skip


def test_offsets_shift_by_start() -> None:
    text = "Kim reiste."
    assert tokenize(text, start=100) == [(100, 103), (104, 110), (110, 111)]


def test_empty_and_no_letters() -> None:
    assert tokenize("") == []
    assert toks("?!  --  ") == ["?", "!", "--"]
