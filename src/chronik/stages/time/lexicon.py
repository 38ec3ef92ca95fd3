"""Word lists for the temporal tagger (German and English), written for this project.

Kept apart from the rules so that a rule reads like the phrase it matches: the
`alt()` of a table is spliced into a regex, and the same table normalises the match.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    # German (incl. Austrian/South Tyrolean "Jänner") and English, full and abbreviated
    "januar": 1, "jänner": 1, "jaenner": 1, "january": 1, "jan": 1,
    "februar": 2, "feber": 2, "february": 2, "feb": 2, "febr": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mrz": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}  # fmt: skip
MONTHS_DE = {k: v for k, v in MONTHS.items() if k not in {
    "january", "february", "march", "may", "june", "july", "october", "december", "mar", "oct",
    "dec"}}  # fmt: skip
ABBREVIATIONS = {"jan", "feb", "febr", "mär", "mrz", "mar", "apr", "jun", "jul", "aug", "sept",
                 "sep", "okt", "oct", "nov", "dez", "dec"}  # fmt: skip
# months that are also names or common words: they need a date-like neighbour
AMBIGUOUS_MONTHS = {
    "mai",
    "may",
    "august",
    "aug",
    "mar",
    "jan",
    "jun",
    "jul",
    "dez",
    "sep",
    "march",
}

WEEKDAYS: dict[str, int] = {
    "montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5,
    "samstag": 6, "sonnabend": 6, "sonntag": 7,
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}  # fmt: skip

# part of day -> TIMEX3 suffix
DAYPARTS: dict[str, str] = {
    "morgen": "TMO", "früh": "TMO", "vormittag": "TMO", "mittag": "T12:00",
    "nachmittag": "TAF", "abend": "TEV", "nacht": "TNI",
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
    "noon": "T12:00", "midday": "T12:00",
}  # fmt: skip
DAYPARTS_ADV: dict[str, str] = {
    "morgens": "TMO", "vormittags": "TMO", "mittags": "T12:00", "nachmittags": "TAF",
    "abends": "TEV", "nachts": "TNI",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "frühling": "SP", "frühjahr": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI",
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA",
}  # fmt: skip

NUMBERS: dict[str, float] = {
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "eines": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
    "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000,
    "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5,
    "beiden": 2, "paar": 2,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
_EN_NUMBERS = {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
               "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
               "hundred"}  # fmt: skip
NUMBERS_DE = {k: v for k, v in NUMBERS.items() if k not in _EN_NUMBERS}
VAGUE_NUMBERS = {
    "mehrere", "mehreren", "einige", "einigen", "wenige", "wenigen", "viele", "vielen",
    "etliche", "etlichen", "zahlreiche", "zahlreichen", "lange", "langen", "several", "many",
    "few", "some",
}  # fmt: skip

# unit stem -> (TIMEX3 unit letter, is time-of-day unit)
UNITS: dict[str, tuple[str, bool]] = {
    "sekunde": ("S", True), "minute": ("M", True), "stunde": ("H", True),
    "tag": ("D", False), "woche": ("W", False), "monat": ("M", False), "jahr": ("Y", False),
    "jahrzehnt": ("DE", False), "jahrhundert": ("CE", False), "jahrtausend": ("L", False),
    "second": ("S", True), "minute_en": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "month": ("M", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False),
}  # fmt: skip

# regex alternations of inflected unit forms, longest first
UNIT_FORMS_DE = (
    r"Sekunden|Sekunde|Minuten|Minute|Stunden|Stunde|Tagen|Tage|Tag|Wochen|Woche|"
    r"Monaten|Monate|Monats|Monat|Jahrzehnten|Jahrzehnte|Jahrzehnts|Jahrzehnt|"
    r"Jahrhunderten|Jahrhunderte|Jahrhunderts|Jahrhundert|Jahrtausenden|Jahrtausende|"
    r"Jahrtausend|Jahren|Jahres|Jahre|Jahr"
)
UNIT_FORMS_EN = (
    r"seconds|second|minutes|minute|hours|hour|days|day|weeks|week|months|month|"
    r"years|year|decades|decade|centuries|century"
)

MODIFIERS: dict[str, str] = {
    "mehr als": "MORE_THAN", "über": "MORE_THAN", "gut": "MORE_THAN", "knapp": "LESS_THAN",
    "fast": "LESS_THAN", "beinahe": "LESS_THAN", "weniger als": "LESS_THAN",
    "rund": "APPROX", "etwa": "APPROX", "ungefähr": "APPROX", "circa": "APPROX",
    "ca.": "APPROX", "mindestens": "EQUAL_OR_MORE", "bis zu": "EQUAL_OR_LESS",
    "genau": "EQUAL", "more than": "MORE_THAN", "over": "MORE_THAN", "about": "APPROX",
    "around": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "up to": "EQUAL_OR_LESS",
}  # fmt: skip


def alt(words: object) -> str:
    """A regex alternation of `words`, longest first, with regex metacharacters escaped."""
    items = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w) for w in items)


def number(word: str) -> float | None:
    """The value of a number word or digit string ("zwei" -> 2, "17" -> 17), else None."""
    w = word.lower().replace(",", ".")
    if w in NUMBERS:
        return NUMBERS[w]
    try:
        return float(w)
    except ValueError:
        pass
    # German compounds: "fünfundzwanzig"
    if "und" in w:
        low, _, high = w.partition("und")
        lo, hi = NUMBERS.get(low), NUMBERS.get(high)
        if lo is not None and hi is not None:
            return lo + hi
    return None


def month_of(word: str) -> int | None:
    """Month number of a month word ("Sept." -> 9), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def unit_of(word: str) -> str | None:
    """TIMEX3 unit letter for an inflected unit word ("Monaten" -> "M"), else None."""
    w = word.lower()
    if w.startswith("minute"):
        return "M"  # minute: the caller knows it is a time unit via is_time_unit
    for stem, (letter, _) in sorted(UNITS.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem.removesuffix("_en")):
            return letter
    if w.startswith("centur"):
        return "CE"
    return None


def is_time_unit(word: str) -> bool:
    """Hours, minutes and seconds take the PT prefix in TIMEX3 durations."""
    w = word.lower()
    return w.startswith(("sekunde", "minute", "stunde", "second", "hour"))
