"""Units: surface form -> (canonical unit, factor to canonical, dimension).

Canonical units: km (length), km/h (speed), h (time), USD/EUR/... (money, no FX
conversion: rates change, the currency is kept), % (share), t (mass), count.
"""

from __future__ import annotations

import re

Unit = tuple[str, float, str]

_TABLE: dict[str, Unit] = {}


def _add(names: str, unit: str, factor: float, dim: str) -> None:
    for n in names.split("|"):
        _TABLE[n.lower()] = (unit, factor, dim)


_add("km/h|kmh|stundenkilometer|stundenkilometern|kilometer pro stunde", "km/h", 1.0, "speed")
_add("mph|meilen pro stunde|miles per hour", "km/h", 1.609344, "speed")
_add("km|kilometer|kilometern|kilometres|kilometers|kilometre|kilometer", "km", 1.0, "length")
_add("m|meter|metern|metres|meters|metre", "km", 0.001, "length")
_add("mm|millimeter|millimetern", "km", 1e-6, "length")
_add("cm|zentimeter|zentimetern", "km", 1e-5, "length")
_add("meilen|meile|miles|mile|mi", "km", 1.609344, "length")
_add("fuß|fuss|feet|foot|ft", "km", 0.0003048, "length")
_add("stunden|stunde|std|hours|hour|h", "h", 1.0, "time")
_add("minuten|minute|min|minutes", "h", 1 / 60, "time")
_add("sekunden|sekunde|seconds|second|sek", "h", 1 / 3600, "time")
_add("tage|tagen|tag|days|day", "h", 24.0, "time")
_add("wochen|woche|weeks|week", "h", 168.0, "time")
_add("monate|monaten|monat|months|month", "h", 730.5, "time")
_add("jahre|jahren|jahr|jahrzehnte|years|year", "h", 8766.0, "time")
_add("jahrzehnten|jahrzehnt|decades|decade", "h", 87660.0, "time")
_add("dollar|us-dollar|usd|$|dollars", "USD", 1.0, "money")
_add("euro|eur|€|euros", "EUR", 1.0, "money")
_add("rubel|rubles|roubles|rub", "RUB", 1.0, "money")
_add("won|krw", "KRW", 1.0, "money")
_add("pfund|pounds|£|gbp", "GBP", 1.0, "money")
_add("yuan|cny", "CNY", 1.0, "money")
_add("prozent|%|percent|per cent|prozentpunkte", "%", 1.0, "share")
_add("tonnen|tonne|tons|tonnes|t", "t", 1.0, "mass")
_add("kilogramm|kg|kilo", "t", 0.001, "mass")
_add("grad|°c", "°C", 1.0, "temperature")

# longest first so "km/h" wins over "km"
UNIT_RE = "|".join(
    re.escape(k) for k in sorted(_TABLE, key=len, reverse=True) if k not in {"t", "h", "m", "mi"}
)
SHORT_RE = r"t|h|m|mi"


def lookup(surface: str) -> Unit | None:
    return _TABLE.get(surface.lower().strip())
