"""The temporal tagger on our own sentences: the issue's examples, English, bad input."""

from __future__ import annotations

import pytest

from chronik.model import Timex
from chronik.stages.time import tag

DCT = "2023-09-12"  # a Tuesday


def one(text: str, surface: str, lang: str = "de", dct: str | None = DCT) -> Timex:
    """The timex whose text is `surface` (fails listing what was found otherwise)."""
    found = tag(text, lang, dct)
    hits = [t for t in found if t.text == surface]
    assert hits, f"{surface!r} not tagged; got {[(t.text, t.value) for t in found]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "surface", "type_", "value"),
    [
        (
            "Die Agentur teilte am Dienstag mit, dass er abgereist sei.",
            "Dienstag",
            "DATE",
            "2023-09-12",
        ),
        (
            "Kim sei am Sonntagnachmittag in seinen Zug gestiegen.",
            "Sonntagnachmittag",
            "TIME",
            "2023-09-10TAF",
        ),
        ("Schoigu hatte Pjöngjang im Juli besucht.", "Juli", "DATE", "2023-07"),
        (
            "Kirby erklärte bereits vergangene Woche, man sei besorgt.",
            "vergangene Woche",
            "DATE",
            "2023-W36",
        ),
        (
            "Zum ersten Mal war Kim im April 2019 nach Russland gereist.",
            "April 2019",
            "DATE",
            "2019-04",
        ),
        (
            "Die USA lieferten in den letzten 17 Monaten Waffen.",
            "den letzten 17 Monaten",
            "DURATION",
            "P17M",
        ),
        (
            "Der erste Besuch seit mehr als zwei Jahrzehnten.",
            "mehr als zwei Jahrzehnten",
            "DURATION",
            "P2DE",
        ),
        ("Er reist zu einem zweitägigen Besuch.", "zweitägigen", "DURATION", "P2D"),
        ("Das jährliche Forum beginnt.", "jährliche", "SET", "P1Y"),
        ("Nächste Woche kommt er wieder.", "Nächste Woche", "DATE", "2023-W38"),
        ("Anfang Juni wird gewählt.", "Anfang Juni", "DATE", "2024-06"),
        ("Gestern sagte er nichts.", "Gestern", "DATE", "2023-09-11"),
        ("Heute Abend spricht er.", "Heute Abend", "TIME", "2023-09-12TEV"),
        ("Im Vorjahr stieg der Wert.", "Vorjahr", "DATE", "2022"),
        ("Vor zwei Jahren war das anders.", "Vor zwei Jahren", "DATE", "2021"),
        ("Das Treffen fand am 5. Mai 2021 statt.", "5. Mai 2021", "DATE", "2021-05-05"),
        ("Die Frist endet am 30.09.2023.", "30.09.2023", "DATE", "2023-09-30"),
        ("Im Sommer 2022 war es heiß.", "Sommer 2022", "DATE", "2022-SU"),
        ("Im dritten Quartal sank der Umsatz.", "dritten Quartal", "DATE", "2023-Q3"),
        ("In den 1990er Jahren war alles anders.", "den 1990er Jahren", "DATE", "199"),
        ("Die Wahl ist im Jahr 2025.", "Jahr 2025", "DATE", "2025"),
        ("Wir treffen uns jeden Montag.", "jeden Montag", "SET", "XXXX-WXX-1"),
        (
            "Das Treffen soll in den kommenden Tagen stattfinden.",
            "den kommenden Tagen",
            "DATE",
            "FUTURE_REF",
        ),
    ],
)
def test_issue_examples_de(text: str, surface: str, type_: str, value: str) -> None:
    t = one(text, surface)
    assert (t.type, t.value) == (type_, value)
    if type_ in ("DATE", "TIME"):
        assert t.anchor == DCT


def test_range_keeps_both_ends_or_splits() -> None:
    text = "Das Forum findet von 10. bis 13. September statt."
    t = one(text, "10. bis 13. September")
    assert (t.value, t.end_value) == ("2023-09-10", "2023-09-13")
    split = tag(text, "de", DCT, ranges=False)
    assert [(x.text, x.value) for x in split] == [
        ("10.", "2023-09-10"),
        ("13. September", "2023-09-13"),
    ]


def test_time_with_zone() -> None:
    t = one("Bis 19 Uhr (1000 GMT) hatte der Zug die Brücke nicht überquert.", "19 Uhr (1000 GMT)")
    assert t.type == "TIME"
    assert t.value.endswith("T19:00+09:00")


def test_time_takes_the_day_stated_in_its_sentence() -> None:
    t = one("Am Montag um 17.30 Uhr beginnt die Feier.", "17.30 Uhr")
    assert t.value == "2023-09-11T17:30"


def test_vorabend_leans_on_the_last_stated_date() -> None:
    text = "Der Gipfel begann am 20. Juni 2024. Am Vorabend war es ruhig."
    assert one(text, "Vorabend").value == "2024-06-19TEV"


def test_fuzzy_expressions_are_kept_as_vague() -> None:
    t = one("Das Gipfeltreffen soll in den nächsten Tagen stattfinden.", "den nächsten Tagen")
    assert t.vague and t.value == "FUTURE_REF"
    assert one("Derzeit ist er in Wladiwostok.", "Derzeit").value == "PRESENT_REF"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Kim met Putin last Tuesday.", "last Tuesday", "2023-09-05"),
        ("The summit on Sept. 13 was planned.", "Sept. 13", "2023-09-13"),
        ("He said two years ago that he would come.", "two years ago", "2021"),
        ("She will travel next month.", "next month", "2023-10"),
        ("Yesterday the train arrived.", "Yesterday", "2023-09-11"),
        ("The forum meets every week.", "every week", "P1W"),
        ("He arrived in May 2019.", "May 2019", "2019-05"),
    ],
)
def test_english(text: str, surface: str, value: str) -> None:
    assert one(text, surface, "en").value == value


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May traf die Sängerin Mai Thi.",
        "Er kam am 31. Februar 2023 an.",
        "Version 2.3.2023 ist erschienen.",
        "Rufen Sie an: Tel. 030 2023 0912.",
        "Bayern gewann das Spiel 2:1.",
        "Die Nummer 12023-09-11 ist falsch.",
        "Die 2000 Menschen kamen mit dem Zug.",
        "Das Feuer erreichte 2000 bis 3000 Grad.",
        "Die Diebe kamen mit dem Auto, die Polizei auch.",
        "Der 30-Jährige gewann das Rennen.",
        "Er ist 16 Jahre alt.",
    ],
)
def test_no_false_timexes(text: str) -> None:
    assert tag(text, "de", DCT) == []


def test_theresa_may_in_english() -> None:
    found = tag("Theresa May may speak in May.", "en", DCT)
    assert [(t.text, t.value) for t in found] == [("May", "2023-05")]


def test_month_granular_dct_leaves_the_day_open() -> None:
    t = one("Am Dienstag traf er Putin.", "Dienstag", dct="2023-09")
    assert t.vague and t.value == "2023-09-XX"
    assert one("Im Juli war er dort.", "Juli", dct="2023-09").value == "2023-07"


def test_without_dct_relative_dates_are_unanchored() -> None:
    t = one("Gestern kam er an.", "Gestern", dct=None)
    assert t.vague and t.anchor is None and t.value.startswith("XXXX")
    assert one("Am 5. Mai 2021 kam er an.", "5. Mai 2021", dct=None).value == "2021-05-05"


def test_bad_input_does_not_crash_and_is_bounded() -> None:
    for text in ("", "1234567890" * 5000, "!!!???" * 1000, "DIENSTAG MONTAG " * 2000):
        tag(text, "de", DCT)
    long = "Am Dienstag kam er. " * 20000
    assert len(tag(long, "de", DCT, max_chars=1000)) == 50


def test_narrative_mode_resolves_against_the_last_stated_date() -> None:
    text = (
        "Der Krieg begann im September 1939. Am 3. Oktober fiel die Stadt. Zwei Tage später kam er."
    )
    found = {t.text: t.value for t in tag(text, "de", "2011-02-16", narrative=True)}
    assert found["3. Oktober"] == "1939-10-03"
    assert found["Zwei Tage später"] == "1939-10-05"
    news = {t.text: t.value for t in tag(text, "de", "2011-02-16")}
    assert news["3. Oktober"] == "1939-10-03"  # news mode too: a year just stated dates it
    assert news["Zwei Tage später"] == "1939-10-05"
    far = text.replace(". Am", ". " + "Die Lage blieb unklar. " * 12 + "Am")
    news_far = {t.text: t.value for t in tag(far, "de", "2011-02-16")}
    assert news_far["3. Oktober"] == "2010-10-03"  # a year stated long before: the DCT's


def test_relative_plural_periods_mean_the_same_in_german_and_english() -> None:
    """One handler serves both languages: a count is a duration, 'in the past X' a when."""
    de = {
        t.text: t.value
        for t in tag("In den vergangenen Wochen und in den letzten 17 Monaten.", "de", DCT)
    }
    en = {t.text: t.value for t in tag("In the past weeks and over the past 17 months.", "en", DCT)}
    assert de == {"den vergangenen Wochen": "PAST_REF", "den letzten 17 Monaten": "P17M"}
    assert en == {"the past weeks": "PAST_REF", "the past 17 months": "P17M"}
