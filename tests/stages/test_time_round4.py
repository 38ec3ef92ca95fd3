"""Round 4 of the time tagger: years taken from the text around an expression.

A year-less date near a stated year, narrative sections under year headings, month
pairs that name their year once, "des neuen Jahres", and ages that are not periods.
"""

from __future__ import annotations

from chronik.model import Timex
from chronik.stages.time import tag


def found(text: str, dct: str, **kw: object) -> dict[str, Timex]:
    return {t.text: t for t in tag(text, "de", dct, ranges=False, **kw)}  # type: ignore[arg-type]


def test_news_year_less_expressions_follow_a_year_just_stated() -> None:
    text = "Erst 1991 erhielt er den Status. Ab Ende des Jahres stand die Statue im Park."
    assert found(text, "2013-03-27")["Ende des Jahres"].value == "1991"
    text = "Der Lehrgang soll im Frühjahr 2015 starten. Eine Sitzung steht im April an."
    assert found(text, "2014-10-20")["April"].value == "2015-04"


def test_news_stated_year_yields_to_a_contrary_tense() -> None:
    """A future year does not date a past-tense sentence: the DCT does."""
    text = (
        "Der Verband hatte seine Prognosen für 2014 und 2015 gesenkt. "
        "Im Dezember hatten die Experten noch ein Plus vorausgesagt."
    )
    assert found(text, "2014-07-19")["Dezember"].value == "2013-12"


def test_news_stated_year_is_forgotten_further_on() -> None:
    text = (
        "Erst 1991 erhielt er den Status. " + "Die Lage blieb unklar. " * 12 + "Im April kommt er."
    )
    assert found(text, "2013-03-27")["April"].value == "2013-04"


def test_narrative_subsection_returns_to_its_year_heading() -> None:
    text = (
        "1862\n\nWestlicher Kriegsschauplatz\n\nIm Februar fiel das Fort. Lincoln verkündete "
        "ein Edikt, das am 1. Januar in Kraft treten sollte. Im Dezember siegte der Süden.\n\n"
        "Östlicher Kriegsschauplatz\n\nIm März landete die Armee."
    )
    hits = found(text, "2011-01-01", narrative=True)
    assert hits["Februar"].value == "1862-02"
    assert hits["März"].value == "1862-03"


def test_narrative_chronicle_year_holds_against_asides() -> None:
    text = (
        "Kriegsjahr 1915\n\nIm April begann die Offensive, die bis zum 9. Januar 1916 "
        "dauerte. Am 7. Mai sank das Schiff."
    )
    assert found(text, "2011-01-01", narrative=True)["7. Mai"].value == "1915-05-07"


def test_narrative_seasons_stay_in_the_narrative_year() -> None:
    text = "Ende des Jahres 1861 stand die Front. Im Herbst war die Armee geschlagen worden."
    assert found(text, "2011-01-01", narrative=True)["Herbst"].value == "1861-FA"


def test_month_pair_names_its_year_once() -> None:
    hits = found("Zwischen August und Oktober 1914 fielen viele. Mai/Juni 1940 kam.", "2011-01-01")
    assert (hits["August"].value, hits["Oktober 1914"].value) == ("1914-08", "1914-10")
    assert (hits["Mai"].value, hits["Juni 1940"].value) == ("1940-05", "1940-06")
    winter = tag("Von Dezember bis März 2015 schneite es.", "de", "2015-05-05")
    assert [(t.value, t.end_value) for t in winter] == [("2014-12", "2015-03")]


def test_new_year() -> None:
    text = "Im Dezember 1941 stockte der Angriff. In den Schlachten des neuen Jahres siegte er."
    assert found(text, "2011-01-01", narrative=True)["des neuen Jahres"].value == "1942"
    news = "Das Gesetz soll im Laufe des neuen Jahres kommen."
    assert found(news, "2014-12-20")["des neuen Jahres"].value == "2015"
    assert found(news, "2014-03-01")["des neuen Jahres"].value == "2014"


def test_ages_are_not_periods() -> None:
    text = (
        "Jungbürger ab 16 Jahren dürfen wählen. Er starb im Alter von 80 Jahren. "
        "Kinder zwischen sechs und elf Jahren wanderten. Er lebt seit 16 Jahren hier."
    )
    assert [(t.text, t.value) for t in tag(text, "de", "2014-05-05")] == [("16 Jahren", "P16Y")]


def test_vague_year_periods() -> None:
    text = "Das wird sich über die Jahre rächen. Wir haben all diese Jahre gearbeitet."
    hits = found(text, "2014-05-05")
    assert (hits["die Jahre"].type, hits["die Jahre"].value) == ("DURATION", "PXY")
    assert hits["all diese Jahre"].value == "PXY"
    years = found("Die Prognosen für die Jahre 2014 und 2015 sinken.", "2014-05-05")
    assert [t.value for t in years.values()] == ["2014", "2015"]


def test_short_years_and_season_months() -> None:
    hits = found("Der Abt starb im Jahr 578. Während der Sommermonate ist es voll.", "2015-04-29")
    assert hits["Jahr 578"].value == "0578"
    assert hits["der Sommermonate"].value == "2015-SU"
    assert found("Im Jahr 300 Tage Regen.", "2015-04-29").keys() == {"300 Tage"}
