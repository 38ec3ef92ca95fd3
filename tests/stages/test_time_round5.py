"""Round 5 of the time tagger: rules whose errors showed up in two dev sets.

Duration ranges ("sechs bis acht Monate": two durations), more feasts and feast parts of
day ("Fronleichnam", "Neujahrsmorgen"), "Ende des Jahrzehnts" / "Beginn des 19.
Jahrhunderts" (KRAUTS and SmartData); halves, quarter hours and "60-Tage-Plan" (SmartData
and WikiWarsDE); surnames that are seasons and comparative "früher" (false positives).
The last test reads SmartData v3 dev (../shared/data) when present.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from chronik.model import Timex
from chronik.stages.time import tag


def found(text: str, dct: str | None = "2016-03-01", **kw: object) -> dict[str, Timex]:
    return {t.text: t for t in tag(text, "de", dct, ranges=False, **kw)}  # type: ignore[arg-type]


def test_duration_range_gives_the_first_number_the_second_unit() -> None:
    got = found("Die Umstellung dauert sechs bis acht Monate.")
    assert (got["sechs"].type, got["sechs"].value) == ("DURATION", "P6M")
    assert got["acht Monate"].value == "P8M"
    got = found("Die Fabriken sind für die nächsten sechs oder acht Jahre ausgelastet.")
    assert got["sechs"].value == "P6Y"
    got = found("Die Züge verspäten sich zwischen 15 und 40 Minuten.")
    assert (got["15"].value, got["40 Minuten"].value) == ("PT15M", "PT40M")


def test_duration_range_leaves_ages_lists_and_descending_numbers() -> None:
    assert found("Gesucht sind Leute zwischen 18 und 25 Jahren.") == {}
    assert found("Die beiden sind 31 und 22 Jahre alt.") == {}
    assert list(found("Er kam mit 2 und 3 Tagen Abstand.")) == ["3 Tagen"]
    assert list(found("Es gab 8 bis 6 Tage Urlaub.")) == ["6 Tage"]


def test_duration_range_yields_to_a_relative_date() -> None:
    got = found("Drei bis vier Tage später kam er zurück.")
    assert got["vier Tage später"].type == "DATE"
    assert "Drei" not in got


def test_feasts_and_their_parts_of_day() -> None:
    got = found("An Fronleichnam 2014 zog die Prozession durch den Ort.")
    assert got["Fronleichnam 2014"].value == "2014-06-19"
    got = found("Auf der A33 sind am Neujahrsmorgen zwei Menschen gestorben.", "2016-01-02")
    assert (got["Neujahrsmorgen"].type, got["Neujahrsmorgen"].value) == ("TIME", "2016-01-01TMO")
    got = found("In der Silvesternacht 2015 brannte es.")
    assert got["Silvesternacht 2015"].value == "2015-12-31TNI"
    assert found("Die Neujahrsfeier und die Osterferien fielen aus.") == {}


def test_position_in_a_decade_or_century() -> None:
    got = found("Bis zum Ende des Jahrzehnts soll die Produktion steigen.", "2015-11-03")
    assert (got["Ende des Jahrzehnts"].value, got["Ende des Jahrzehnts"].type) == ("201", "DATE")
    got = found("Zu Beginn des 19. Jahrhunderts war das anders.")
    assert got["Beginn des 19. Jahrhunderts"].value == "18"
    assert found("Das war die Entscheidung des Jahrzehnts.") == {}


def test_halves_quarters_and_compound_prefixes() -> None:
    got = found("Stau (Zeitverlust: etwa eine halbe Stunde)")
    assert got["eine halbe Stunde"].value == "PT30M"
    assert found("Seit einem halben Jahr wartet er.")["einem halben Jahr"].value == "P6M"
    assert found("Das dauert eine Viertelstunde.")["eine Viertelstunde"].value == "PT15M"
    got = found("Ein halbes Jahr später wurde er entlassen.", "1941-06-22")
    assert (got["Ein halbes Jahr später"].type, got["Ein halbes Jahr später"].value) == (
        "DATE",
        "1941-12",
    )
    assert found("Das ist Teil eines 60-Tage-Plans.")["60-Tage"].value == "P60D"
    assert found("Die halbe Stadt und eine halbe Million Menschen kamen.") == {}


def test_no_season_for_a_surname_and_no_formerly_for_a_comparative() -> None:
    assert found("Dr. Stefan Sommer, Vorstandsvorsitzender von ZF, sagte das.") == {}
    assert found("Stadtrat Klaus Winter (SPD) widersprach.") == {}
    assert "Sommer" in found("Im Sommer war es heiß.")
    assert "Sommer" in found("Hurrikane gibt es im Sommer und Herbst.")
    assert list(found("Der Zug fährt 5 Min. früher ab.")) == []
    assert list(found("Die Züge fahren 30 Minuten früher.")) == ["30 Minuten"]
    assert found("Früher war alles besser.")["Früher"].value == "PAST_REF"


def _smartdata(path: Path) -> list[dict]:  # type: ignore[type-arg]
    """Concatenated JSON objects, as ../shared/data/README.md says to read them."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = fh.read()
    dec, pos = json.JSONDecoder(), 0
    out: list[dict] = []  # type: ignore[type-arg]
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            return out
        obj, pos = dec.raw_decode(raw, pos)
        out.append(obj)


def test_smartdata_gold_dates_are_found(data_dir: Path) -> None:
    """Relaxed recall of SmartData's gold DATE spans (dev; 93.4% when written): a floor."""
    docs = _smartdata(data_dir / "smartdata_de" / "v3_20200302" / "dev.json.gz")
    hit = total = 0
    for doc in docs:
        text = doc["text"]["string"]
        spans = [(t.start, t.end) for t in tag(text, "de", "2016-01-01", ranges=False)]
        for c in (doc.get("conceptMentions") or {}).get("array", []):
            if c["type"] == "DATE":
                s, e = c["span"]["start"], c["span"]["end"]
                total += 1
                hit += any(a < e and s < b for a, b in spans)
    assert total > 150
    assert hit / total >= 0.9
