"""Round-3 rules of the temporal tagger on our own sentences: sets, clause tense,
"9.30/12.30 Uhr", TimeML-style durations and narrative year tracking."""

from __future__ import annotations

import pytest

from chronik.model import Timex
from chronik.stages.time import tag

DCT = "2014-10-08"  # a Wednesday


def found(text: str, dct: str | None = DCT, **kw: object) -> dict[str, Timex]:
    return {t.text: t for t in tag(text, "de", dct, **kw)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Die Wahlen finden alle vier Jahre statt.", "alle vier Jahre", "P4Y"),
        ("Die Beratung ist an jedem dritten Mittwoch im Monat offen.",
         "jedem dritten Mittwoch im Monat", "XXXX-WXX-3"),
        ("Wir treffen uns jeden Montagabend im Saal.", "jeden Montagabend", "XXXX-WXX-1TEV"),
        ("Das Gerät läuft nur nachts.", "nachts", "XXXX-XX-XXTNI"),
        ("Die Klinik behandelt bis zu 200 Patienten am Tag.", "am Tag", "P1D"),
        ("Er bekommt 12 Euro in der Stunde.", "in der Stunde", "PT1H"),
        ("Das Büro ist wochentags besetzt.", "wochentags", "XXXX-WXX-WD"),
    ],
)  # fmt: skip
def test_sets(text: str, surface: str, value: str) -> None:
    t = found(text)[surface]
    assert (t.type, t.value) == ("SET", value)


def test_am_tag_der_is_no_set() -> None:
    """ "am Tag der offenen Tür" after a number names a day, not a frequency."""
    hits = found("Am 3. Mai 2014 am Tag der offenen Tür kamen 300 Gäste.")
    assert all(t.type != "SET" for t in hits.values())


def test_weekday_by_its_own_clause() -> None:
    """The relative clause is past although the sentence speaks of the future."""
    text = ("Einheiten sollen gebildet werden: Das ist ein Ergebnis des Treffens, "
            "das am Montag im Kommissariat stattfand.")  # fmt: skip
    assert found(text)["Montag"].value == "2014-10-06"


def test_noun_letzten_is_no_past_cue() -> None:
    text = "Morgen wird trainiert, denn am Sonntag steht das Duell beim Letzten an."
    assert found(text)["Sonntag"].value == "2014-10-12"


def test_slash_separated_times_are_two() -> None:
    hits = found("Am Donnerstag wird gefahren (9.30/12.30 Uhr).")
    assert hits["9.30"].value == "2014-10-09T09:30"
    assert hits["12.30 Uhr"].value == "2014-10-09T12:30"
    assert "24" not in found("Hilfe gibt es 24/7 Uhr.")


@pytest.mark.parametrize(
    ("text", "surface", "news", "timeml"),
    [
        ("Er war in den vergangenen Wochen oft hier.", "den vergangenen Wochen",
         ("DATE", "PAST_REF"), ("DURATION", "PXW")),
        ("In diesen Tagen beginnen die Gespräche.", "diesen Tagen",
         ("DATE", "PRESENT_REF"), ("DURATION", "PXD")),
    ],
)  # fmt: skip
def test_timeml_style_durations(
    text: str, surface: str, news: tuple[str, str], timeml: tuple[str, str]
) -> None:
    n, t = found(text)[surface], found(text, style="timeml")[surface]
    assert ((n.type, n.value), (t.type, t.value)) == (news, timeml)


def test_narrative_rolls_over_to_next_year() -> None:
    text = "Im November 1914 begann die Schlacht. Im Februar kam es zu neuen Kämpfen."
    assert found(text, "2011-01-01", narrative=True)["Februar"].value == "1915-02"


def test_narrative_small_step_back_stays_in_year() -> None:
    text = "Am 3. September 1944 fiel Brüssel. Bis zum 1. September waren sie vorgerückt."
    assert found(text, "2011-01-01", narrative=True)["1. September"].value == "1944-09-01"


def test_narrative_ignores_aside_years() -> None:
    """ "ab 1941 ausgearbeitet" is a side remark: the story stays in 1944."""
    text = ("Im Juni 1944 landeten die Alliierten. Der Plan fußte auf ab 1941 "
            "ausgearbeiteten Studien. Am 25. August wurde Paris befreit.")  # fmt: skip
    hits = found(text, "2011-01-01", narrative=True)
    assert hits["1941"].value == "1941"
    assert hits["25. August"].value == "1944-08-25"


def test_narrative_heading_year() -> None:
    text = "Verlauf\n\n1861\n\nDer Kongress stimmte am 4. Juli dem Plan zu."
    hits = found(text, "2011-02-16", narrative=True)
    assert hits["1861"].value == "1861"
    assert hits["4. Juli"].value == "1861-07-04"
