"""Quantities stage: number formats, units, qualifiers, measured nouns, bad input, seeds."""

from __future__ import annotations

import pytest
from seed_gold import score_quantities

from chronik.model import Article
from chronik.stages import create
from chronik.stages.quantities import extract_quantities
from chronik.stages.quotes import extract_quotes


def _q(text: str, lang: str = "de"):  # type: ignore[no-untyped-def]
    return [(q.value, q.unit, q.approx, q.measured) for q in extract_quantities(text, lang)]


def test_german_number_formats_and_units() -> None:
    assert _q("Die 1.200 Kilometer lange Strecke") == [(1200.0, "km", None, "Strecke")]
    assert _q("Er fuhr mit 2,5 km/h.") == [(2.5, "km/h", None, None)]
    assert _q("Sie lieferten etwa 6.700 Container.") == [(6700.0, "count", "about", "Container")]


def test_english_format_and_words() -> None:
    out = _q("They sent more than 2,500 soldiers and three tanks.", "en")
    assert (2500.0, "count", "more_than", "soldiers") in out
    assert (3.0, "count", None, "tanks") in out


def test_two_units_one_distance_and_calibre_is_attribute() -> None:
    (d,) = _q("Die Stadt liegt etwa 425 Meilen (680 Kilometer) nördlich.")
    assert d == (680.0, "km", "about", None)
    (c,) = _q("Platz für mehr als 3 Millionen Stück 152 mm Artilleriegranaten.")
    assert c == (3e6, "count", "more_than", "152 mm Artilleriegranaten")


def test_compound_money() -> None:
    assert _q("eine 50-Milliarden-Dollar-Kreditlinie") == [(5e10, "USD", None, "Kreditlinie")]


@pytest.mark.parametrize(
    "text",
    [
        "Bis 19 Uhr (1000 GMT) wartete er.",
        "seit der Covid-19-Pandemie",
        "beim G7-Gipfel",
        "Tel. 030 1234567",
        "am 28. Juli 2023 um 11:43",
        "im Jahr 1945",
    ],
)
def test_not_quantities(text: str) -> None:
    assert extract_quantities(text) == []


def test_source_from_quote() -> None:
    text = "Nach Angaben des Militärs flogen die Raketen etwa 650 Kilometer weit."
    (q,) = extract_quantities(text, "de", extract_quotes(text))
    assert q.source == "Militärs" or "Militärs" in (q.source or "")


def test_stage_via_registry() -> None:
    text = "Laut der Polizei wurden zwei Autos beschädigt."
    art = Article(id="x", source="t", raw_text=text, text=text, language="de")
    (out,) = create("quantities")([art])
    assert out.quantities[0].value == 2.0 and out.quantities[0].measured == "Autos"


def test_seed_quantities_hand_checked(seed_texts: dict[str, str]) -> None:
    found = {n: extract_quantities(t, "de") for n, t in seed_texts.items()}
    score = score_quantities(seed_texts, found)
    assert score["recall"] >= 0.9
    assert score["precision"] >= 0.8
