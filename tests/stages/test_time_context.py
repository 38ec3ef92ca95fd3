"""Round-2 rules of the temporal tagger on our own sentences: context-dependent values
("heute" as the present era, weekdays by tense, undated clock times), the "timeml" style,
and coverage added from KRAUTS dev-split errors."""

from __future__ import annotations

import pytest

from chronik.stages.time import tag
from chronik.stages.time.engine import tense_of

DCT = "2023-09-12"  # a Tuesday


def found(text: str, dct: str | None = DCT, **kw: object) -> dict[str, tuple[str, str]]:
    """surface -> (type, value) of every timex in `text`."""
    return {t.text: (t.type, t.value) for t in tag(text, "de", dct, **kw)}  # type: ignore[arg-type]


def test_timeml_style_makes_ago_a_duration_without_the_signal() -> None:
    text = "Vor zwei Jahren war das anders."
    assert found(text) == {"Vor zwei Jahren": ("DATE", "2021")}
    assert found(text, style="timeml") == {"zwei Jahren": ("DURATION", "P2Y")}
    tml = found("Er kam vor gut zwei Jahren nach Bozen.", style="timeml")
    assert tml == {"gut zwei Jahren": ("DURATION", "P2Y")}
    assert found("Vor wenigen Tagen kam er.", style="timeml") == {
        "wenigen Tagen": ("DURATION", "PXD")
    }


def test_vague_ago_plural_in_both_styles() -> None:
    text = "Schon vor Jahrzehnten war das bekannt."
    assert found(text) == {"vor Jahrzehnten": ("DATE", "PAST_REF")}
    assert found(text, style="timeml") == {"Jahrzehnten": ("DURATION", "PXDE")}


def test_unknown_style_is_rejected() -> None:
    with pytest.raises(ValueError):
        tag("heute", "de", DCT, style="tempeval")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Die Firma ist heute vor allem im Handel tätig.", "PRESENT_REF"),
        ("Wie wir heute wissen, kam es anders.", "PRESENT_REF"),
        ("Die Zellen waren der Draht zum Volk. Heute schließen sich Parteien an.", "PRESENT_REF"),
        ("Er hat die Waffen heute und demnächst geliefert.", "PRESENT_REF"),
        ("Heute läuft die Frist für die Anträge ab.", "2023-09-12"),
        ("Er hat heute den Vertrag unterschrieben.", "2023-09-12"),
        ("Heute ist um 20 Uhr Sitzung.", "2023-09-12"),
    ],
)
def test_heute_is_the_day_or_the_present_era(text: str, value: str) -> None:
    surface = "Heute" if "Heute" in text else "heute"
    assert found(text)[surface] == ("DATE", value)


def test_weekday_in_present_tense_points_ahead_past_tense_back() -> None:
    assert found("Am Samstag fliege ich nach Berlin.")["Samstag"] == ("DATE", "2023-09-16")
    assert found("Die Synode sprach sich am Samstag dafür aus.")["Samstag"] == (
        "DATE",
        "2023-09-09",
    )
    assert found("Am Sonntag spielt die Mannschaft noch.")["Sonntag"] == ("DATE", "2023-09-10")


def test_preterite_and_separable_participles_count_as_past() -> None:
    assert tense_of("Die Synode sprach sich dafür aus.", "de") == -1
    assert tense_of("Der Minister kritisierte den Plan.", "de") == -1
    assert tense_of("Die Wahl ist abgesagt worden.", "de") == -1
    assert tense_of("Die Rechte der Kinder sind wichtig.", "de") == 0


def test_weekday_inside_a_name_is_not_a_date() -> None:
    assert "Sonntag" not in found("Der Herz-Jesu-Sonntag wird gefeiert.")


def test_clock_time_over_several_days_has_no_date() -> None:
    text = "Das Fest ist am 25. und 26. August, jeweils von 10 bis 18 Uhr."
    out = found(text, ranges=False)
    assert out["18 Uhr"] == ("TIME", "T18:00")
    assert found("Wir sind wochentags bis 18 Uhr erreichbar.")["18 Uhr"] == ("TIME", "T18:00")
    assert found("Um 9 Uhr startet die Qualifikation.")["9 Uhr"] == ("TIME", "2023-09-12T09:00")


@pytest.mark.parametrize(
    ("text", "surface", "type_", "value"),
    [
        ("Wir treffen uns um neun Uhr im Büro.", "neun Uhr", "TIME", "2023-09-12T09:00"),
        ("Sie fährt Jahr um Jahr dorthin.", "Jahr um Jahr", "SET", "P1Y"),
        ("Er verdient 3,80 Euro pro Stunde.", "pro Stunde", "SET", "PT1H"),
        ("Klett-Cotta Verlag, Stuttgart 2000 - 299 S., 39,80 DM", "2000", "DATE", "2000"),
        ("Las Casas schrieb 1550 in seiner Streitschrift.", "1550", "DATE", "1550"),
        ("Er hatte 17 lange Jahre im Lager verbracht.", "17 lange Jahre", "DURATION", "P17Y"),
        ("Ich habe lange Jahre dort gearbeitet.", "lange Jahre", "DURATION", "PXY"),
        ("Im Sommer des Jahres 2005 kam er.", "Sommer des Jahres 2005", "DATE", "2005-SU"),
        ("Bis zum dritten Trimester 2009 sanken die Exporte.", "dritten Trimester 2009", "DATE",
         "2009-Q3"),
        ("Der Starke von heute ist der Schwache von morgen.", "morgen", "DATE", "FUTURE_REF"),
        ("Ab morgen gilt die Regel.", "morgen", "DATE", "2023-09-13"),
        ("Das hat er in den vergangenen Wochen entschieden.", "den vergangenen Wochen", "DATE",
         "PAST_REF"),
        ("Früher dominierten die Ingenieure.", "Früher", "DATE", "PAST_REF"),
    ],
)  # fmt: skip
def test_round2_coverage(text: str, surface: str, type_: str, value: str) -> None:
    assert found(text).get(surface) == (type_, value)


def test_false_friends_stay_untagged() -> None:
    assert found('Sie singt "April, April!" im Chor.') == {}
    assert "früher" not in found("Er kam früher als erwartet.")


def test_winter_is_named_by_its_january() -> None:
    out = found("Nach diesem strengen Winter war es mühsam.", dct="2014-03-13")
    assert out["diesem strengen Winter"] == ("DATE", "2014-WI")
