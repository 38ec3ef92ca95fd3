# ruff: noqa: E501  (rule tables: one regex per line reads best)
"""German temporal expressions: the rule table (handlers live in `handlers_de`).

Spans follow the TimeML convention (KRAUTS): prepositions ("am", "im", "seit") stay
outside the timex (group "t"), determiners and modifiers ("den letzten", "mehr als")
inside. Coverage ideas from HeidelTime's German resources; the code is our own.
"""

from __future__ import annotations

import dataclasses
import re

from chronik.stages.time import common as c
from chronik.stages.time import durations_de as dd
from chronik.stages.time import handlers_de as h
from chronik.stages.time import lexicon as lx
from chronik.stages.time import sets_de as sd
from chronik.stages.time import today_de as t
from chronik.stages.time import years_de as y
from chronik.stages.time.common import MON_DE as MON
from chronik.stages.time.common import MON_FULL_DE as MON_FULL
from chronik.stages.time.common import WD
from chronik.stages.time.engine import Hit, Rule, rule

NUM = r"\b(?:" + lx.alt(lx.NUMBERS_DE) + r"|\w+und\w+zig|\d+(?:,\d+)?)"
VAGUE = lx.alt(lx.VAGUE_NUMBERS)
UNITS = lx.UNIT_FORMS_DE
MODS = r"mehr als|weniger als|über|gut|knapp|fast|beinahe|rund|etwa|ungefähr|circa|ca\.|mindestens|bis zu|genau"
DP = r"morgen|vormittag|mittag|nachmittag|abend|nacht"
PREP = r"(?:\b(?:am|an|im|in|vom|von|ab|bis|bis zum|seit|zum|zur|um|gegen|noch im)\s+)?"
DUR_ADJ = r"(?:lange|knappe|gute|ganze|volle|weitere|wertvolle|harte|schwere|kurze|lange)[nsr]?"
HOUR_WORDS = r"eins|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig"
ORD = r"ersten|zweiten|dritten|vierten|letzten"
REL = r"gleiche[nmrs]?|diese[nmrs]?|vergangene[nmrs]?|letzte[nmrs]?|vorige[nmrs]?|nächste[nmrs]?|kommende[nmrs]?|laufende[nmrs]?|selbe[nmrs]?"


_r = rule


# fmt: off
RULES: list[Rule] = [
    _r("date_text", rf"{PREP}(?P<t>(?:(?P<wd>{WD}),?\s+(?:de[nm]\s+)?)?(?P<d>[0-3]?\d)\.\s*(?P<mon>{MON})(?:\.|\b)(?:,?\s+(?P<y>\d{{4}}))?)(?!\d)", c.explicit_date, 3),
    _r("date_num", rf"(?<![\w.,/:-])(?P<t>(?:(?P<wd>{WD}),?\s+(?:de[nm]\s+)?)?(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:1[89]|20)\d\d|\d\d))(?![\d]|[.,/:]\d)", c.explicit_date, 3),
    _r("date_num_short", r"\b(?:am|vom|bis|ab|zum|seit|den)\s+(?P<t>(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.)(?![\d]|\s?\d)", c.explicit_date, 2),
    _r("date_iso", r"(?<![\w.\-/+:])(?P<t>(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d))(?![\w\-/]|[.:]\d)", c.explicit_date, 3),
    _r("month_iso", r"(?<![\w.\-/+:])(?P<t>(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d))(?![\w\-/]|[.:]\d)", lambda m, ctx: Hit("DATE", m.group("t")) if 1 <= int(m.group("m")) <= 12 else None, 1),
    _r("day_range", rf"(?:\b(?:vom|von|zwischen)\s+)?(?P<t>(?P<d1>[0-3]?\d)(?P<d1dot>\.?)\s*(?P<conj>bis(?:\s+zum)?|-|–|und)\s*(?P<d>[0-3]?\d)\.\s*(?P<mon>{MON})(?:\.|\b)(?:\s+(?P<y>\d{{4}}))?)", h._ranges_day, 4),
    _r("month_year", rf"{PREP}(?P<t>(?:(?P<pos>Anfang|Mitte|Ende|Beginn)\s+)?(?P<mon>{MON})(?:\.|\b),?\s+(?P<y>\d{{4}}))(?![\d.,]\d)", c.month_year, 2),
    _r("month_rel_year", rf"{PREP}(?P<t>(?P<mon>{MON})(?:\.|\b)\s+(?P<rel>vorigen|vergangenen|letzten|dieses|nächsten|kommenden)\s+Jahres)\b", y.month_rel_year, 2),
    _r("day_list", rf"(?P<t>(?P<list>(?:[0-3]?\d\.\s*(?:,\s*(?:und\s+)?|und\s+|sowie\s+(?:am\s+)?)){{2,}})(?P<d>[0-3]?\d)\.\s*(?P<mon>{MON})(?:\.|\b)(?:\s+(?P<y>\d{{4}}))?)", h._day_list, 5),
    _r("future_ref", r"\b(?:[Ii]n|[Ff]ür die)\s+(?P<t>(?:der\s+)?Zukunft)\b", lambda m, ctx: Hit("DATE", "FUTURE_REF", vague=True), 0, 0),
    _r("month", rf"(?:\b(?P<pre>im|in|seit|bis|ab|vom|von|zum|bis Ende|noch im|Monat|Monats)\s+)?(?P<t>(?:(?P<pos>Anfang|Mitte|Ende|Beginn)\s+)?(?P<mon>{MON_FULL}))\b(?!-)", h._bare_month),
    _r("year_short", r"\b(?:im|seit|ab|bis|nach|vor|um)\s+(?P<t>Jahre?\s+(?P<y>[1-9]\d{1,2}))(?![\w:/-]|[.,]\d|\s*(?:%|Prozent|Euro|Dollar|Mio|Mrd|Millionen|Milliarden|Menschen|Tage|Stunden|Prozent|v\.))", lambda m, ctx: Hit("DATE", f"{int(m.group('y')):04d}")),
    _r("year_range", r"(?<![\w.,/-])(?P<t>(?P<y1>(?:1\d|20)\d\d)\s*(?P<conj>bis|-|–|/)\s*(?P<y2>(?:1\d|20)\d\d))(?![\w/-]|[.,:]\d)", h._year_range, 2),
    _r("year", r"(?:\b(?P<pre>im|ab|seit|bis|bis zum|von|vor|nach|um|zwischen)\s+)?(?P<t>(?:(?P<pos>Anfang|Mitte|Ende|Beginn)\s+)?(?:(?P<jahr>(?:de[sm]\s+)?Jahr(?:e|es)?|Jahrgang)\s+)?(?P<y>\d{4}))(?![\w\-/]|[.,:]\d)", h._year),
    _r("decade", r"(?P<t>(?:(?:de[nmr]|die)\s+)?(?:(?P<pos>Anfang|Mitte|Ende)\s+der\s+)?(?:(?P<cent>1\d|20)?(?P<dd>\d)0er|(?P<dw>zwanziger|dreißiger|vierziger|fünfziger|sechziger|siebziger|achtziger|neunziger))(?:[\s-]*Jahre[n]?)(?!\w))", y.decade),
    _r("century", rf"(?P<t>(?:(?P<pos>Anfang|Mitte|Ende|Beginn)\s+(?:des|dieses)\s+)?(?:(?P<n>\d{{1,2}})\.|(?P<rel>{REL}))\s*Jahrhunderts?)\b", y.century),
    _r("season", rf"(?P<t>(?:(?:de[nmrs]|die|das)\s+)?(?:(?P<rel>{REL})\s+)?(?:[a-zäöüß]{{3,}}e[nmrs]?\s+)?(?:(?P<pos>Anfang|Mitte|Ende)\s+(?:des\s+)?)?(?P<s>Frühling|Frühjahr|Sommer|Herbst|Winter)(?:s|monaten?)?(?:\s+(?:des\s+Jahres\s+)?(?P<y>\d{{4}}))?)\b(?!-)", h._season),
    _r("pos_period", r"(?P<t>(?P<pos>Anfang|Mitte|Ende|Beginn)\s+(?:des|dieses)\s+(?P<u>Jahrzehnts|Jahrhunderts))\b", y.pos_period),
    _r("part_of_year", r"(?P<t>(?:de[nmrs]\s+)?(?P<n>ersten|zweiten|dritten|vierten|letzten|[1-4]\.)\s+(?P<u>Quartal|Trimester|Jahreshälfte|Halbjahr)e?s?(?:\s+(?P<y>\d{4}))?)\b", h._part_of_year),
    _r("ref_word", r"\b(?P<t>jetzt|derzeit|zurzeit|heutigen?|heutzutage|dieser Tage|diesen Tagen|damals|kürzlich|vor kurzem|vor kurzer Zeit|jüngst|neulich|im Moment|zur Stunde|letzter Zeit|vergangene[nr]? Zeit(?:en)?|in Kürze|früher)\b", h._ref_word),
    _r("day_word", rf"\b(?P<t>(?P<w>heute|gestern|vorgestern|übermorgen)(?:\s+(?P<dp>früh|{DP}))?)\b", t._day_word, 1),
    _r("tomorrow", r"(?:\b|(?:^|(?<=[.!?:]\s))(?=M))(?P<t>(?P<w>[mM]orgen)(?:\s+(?P<dp>früh|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht))?)\b(?!\s+(?:de[sr]|früh\b))", t._tomorrow, 1, re.M),
    _r("heuer", r"\b(?P<t>heuer)\b", y.heuer),
    _r("rel_unit", rf"(?P<t>(?:(?:de[nmrs]|die|das)\s+)?(?:(?P<pos>Anfang|Mitte|Ende|Beginn)\s+(?:de[rs]\s+)?)?(?P<rel>{REL})\s+(?P<u>Woche|Monats?|Jahr(?:es|s)?|Wochenende[ns]?))\b", h._relative_unit, 1),
    _r("new_year", r"(?P<t>(?:de[sm]|das)\s+neuen?\s+Jahr(?:es|s)?)\b", y.new_year, 1),
    _r("month_pair", rf"(?P<t>(?P<t1>(?P<mon1>{MON_FULL}))\s*(?P<conj>und|bis|oder|/|–|-)\s*(?P<t2>(?:(?P<pos>Anfang|Mitte|Ende)\s+)?(?P<mon>{MON})(?:\.|\b),?\s+(?P<y>\d{{4}})))(?![\d.,]\d)", y.month_pair, 3),
    _r("pos_unit", r"(?P<t>(?P<pos>Anfang|Mitte|Ende|Beginn)\s+(?:des|der)\s+(?P<u>Jahres|Monats|Woche))\b", h._relative_unit),
    _r("weekend", r"\b(?:am|übers|über das|dieses|zum)\s+(?P<t>(?P<u>Wochenende))\b", h._relative_unit),
    _r("prev_unit", r"\b(?P<t>(?P<w>Vorjahr(?:es|s)?|Vormonat(?:s)?|Vorwoche|Vortag(?:es|s)?|Vorabend|Folgetag(?:es|s)?|Folgejahr(?:es|s)?|(?:dem|am)\s+(?:nächsten|folgenden)\s+Tag|Tag\s+(?:zuvor|davor|darauf|danach)))\b", h._prev_unit),
    _r("weekday", rf"(?P<t>(?:(?P<rel>kommende[nmr]?|nächste[nmr]?|vergangene[nmr]?|letzte[nmr]?|vorige[nmr]?|diese[nmr]?)\s+)?(?P<wd>{WD})(?P<dp>{DP})?(?:\s+(?P<dp2>früh|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht))?)\b", c.weekday),
    _r("daypart", r"\b(?:[Aa]m|[Ii]n der|[Gg]egen|[Zz]um|[Ss]pät am|[Ff]rüh am)\s+(?P<t>(?:frühen\s+|späten\s+)?(?P<dp>[Mm]orgen|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht))\b(?!\s+(?:des|vor|nach|auf|zum)\b)", h._daypart, 0, 0),
    _r("daypart_adv", r"\b(?P<t>(?P<dp>morgens|vormittags|mittags|nachmittags|abends))\b", h._daypart),
    _r("clock", r"(?:\b(?:um|gegen|bis|ab|von|seit)\s+)?(?P<t>(?P<h>[0-2]?\d)(?:[.:](?P<mi>[0-5]\d))?\s*Uhr(?:\s+(?P<dp>morgens|früh|vormittags|mittags|nachmittags|abends|nachts))?(?:\s*\((?P<zh>[0-2]\d)[:.]?(?P<zm>[0-5]\d)\s*(?P<zone>GMT|UTC)\))?(?:\s+(?P<zone2>MEZ|MESZ))?)", c.clock, 2),
    _r("clock_um", r"\bum\s+(?P<t>(?P<h>[0-2]?\d)[.:](?P<mi>[0-5]\d))(?![\d.,]|\s*(?:Prozent|%|Euro|Meter|Punkte|Mio|Mrd))", c.clock),
    _r("clock_gmt", r"(?P<t>(?P<h>[0-2]\d)[:.]?(?P<mi>[0-5]\d)\s*(?P<zone>GMT|UTC|MEZ|MESZ))\b", c.clock, 1),
    _r("time_range", r"(?P<t>(?P<h1>[0-2]?\d)(?P<m1x>(?:[.:](?P<m1>[0-5]\d))?)\s*(?P<conj>bis|-|–|und|/)\s*(?P<h>[0-2]?\d)(?:[.:](?P<mi>[0-5]\d))?\s*Uhr)", h._time_range, 3),
    _r("clock_words", r"\bum\s+(?P<t>halb\s+(?P<n>eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf))\b", h._clock_words),
    _r("ago", rf"(?P<t>vor\s+(?:(?P<mod>{MODS})\s+)?(?P<n>{NUM}|{VAGUE})\s+(?P<u>{UNITS}))\b", c.ago, 1),
    _r("later", rf"(?P<t>(?P<n>{NUM})\s+(?P<u>Tagen|Tage|Tag|Wochen|Woche|Monaten|Monate|Monat|Jahren|Jahre|Jahr)\s+(?P<dir>später|danach|darauf|zuvor|davor|früher))\b", h._later, 3),
    _r("daypart_of_date", rf"(?P<t>(?:(?:frühen|späten)\s+)?(?P<dp>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)(?:stunden)?\s+(?:des|vom)\s+(?P<d>[0-3]?\d)\.\s*(?P<mon>{MON})(?:\.|\b)(?:\s+(?P<y>\d{{4}}))?)", h._daypart_of_date, 5),
    _r("same_day", r"(?P<t>(?:am|an)\s+(?:selben|gleichen|demselben|diesem)\s+Tag)\b", h._same_day, 1),
    _r("year_part", r"(?P<t>Jahres(?:ende|beginn|anfang|wechsel)|(?:im\s+)?Laufe\s+des\s+Jahres)\b", h._year_part),
    _r("bc_year", r"(?P<t>(?:Jahr(?:e|es)?\s+)?(?P<y>\d{1,4})\s*v\.\s*Chr\.?)", h._bc_year, 3),
    _r("duration2", rf"(?P<t>(?P<n>{NUM})\s+(?P<u>{UNITS})\s+und\s+(?P<n2>{NUM})\s+(?P<u2>{UNITS}))\b", dd.two_units, 1),
    _r("duration", rf"(?P<t>(?:(?P<mod>{MODS})\s+)?(?P<n>{NUM}|{VAGUE})(?:\s+{DUR_ADJ})?\s*(?:-\s*)?(?P<u>{UNITS})(?:\s+(?:lang|später|zuvor|danach|darauf|davor))?)\b(?!\s+(?:alt\w*|jünger\w*|älter\w*)\b)(?!-)", dd.duration),
    _r("duration_half", r"(?P<t>(?:ein(?:e[nmr]?)?\s+)?halbe[nsr]?\s+(?P<u>Stunde|Minute|Tag(?:es)?|Woche|Monat(?:s)?|Jahr(?:es)?)(?:\s+(?P<dir>später|danach|darauf|zuvor|davor|früher))?)\b(?!-)", dd.half, 1),
    _r("duration_quarter", r"(?P<t>(?:ein(?:e[nmr]?)?\s+)?(?P<q>Dreiviertel|Viertel)stunde)\b", dd.quarter_hour, 1),
    _r("duration_compound", rf"(?P<t>(?P<n>{NUM})-(?P<u>{UNITS}))(?=-[A-ZÄÖÜ])", dd.compound, 1),
    _r("rel_plural", rf"(?P<t>(?:de[nrm]|die)\s+(?P<rel>letzten|vergangenen|nächsten|kommenden|ersten|folgenden|ganzen|vorigen)\s+(?:(?P<n>{NUM})\s+)?(?P<u>Tagen|Tage|Wochen|Monaten|Monate|Jahren|Jahre|Jahrzehnten|Jahrzehnte|Stunden|Minuten))\b", c.rel_plural, 2),
    _r("ago_plural", r"\bvor\s+(?P<t>(?:vielen\s+|langen\s+)?(?P<u>Jahren|Jahrzehnten|Monaten|Wochen|Jahrhunderten))\b", h._ago_plural),
    _r("vague_years", r"(?P<t>(?:(?:all\s+)?(?:die|diese|jene)|über)\s+(?P<u>Jahre|Jahrzehnte|Monate))\b(?!\s*(?:\d|lang))", h._since_plural),
    _r("since_plural", r"\bseit\s+(?P<t>(?:vielen\s+|langen\s+|Jahr und\s+)?(?P<u>Jahren|Monaten|Wochen|Tagen|Jahrzehnten|Jahrhunderten|Jahrtausenden|Stunden))\b", h._since_plural),
    _r("adj_duration", r"\b(?P<t>(?P<n>mehr|lang|viel|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|fünfzig|hundert|\d+-?)?(?P<u>tägig|wöchig|monatig|jährig|stündig|minütig)(?:e[nmrs]?)?)\b", h._adj_duration),
    _r("lang_duration", r"\b(?P<t>(?P<u>tage|wochen|monate|jahre|stunden|jahrzehnte|minuten)lang(?:e[nmrs]?)?)\b", h._adj_duration),
    _r("set_adv", r"\b(?P<t>(?P<w>(?:all|halb|viertel)?(?:täglich|wöchentlich|monatlich|jährlich|stündlich)(?:e[nmrs]?)?|werktags|wochentags|montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags))\b", sd.set_),
    _r("set_every", rf"(?P<t>(?:jede[nmrs]?|einmal\s+(?:im|pro|die|in\s+der))\s+(?:(?P<nth>{ORD})\s+)?(?P<w>Tag|Woche|Monat|Jahr|Morgen|Abend|Nacht|Wochenende|{WD})(?P<dp>{DP})?(?:\s+im\s+Monat)?)\b", sd.set_),
    _r("set_all", rf"\b(?P<t>alle\s+(?P<n>{NUM})\s+(?P<u>Jahre|Monate|Wochen|Tage|Stunden|Minuten))\b", sd.set_all),
    _r("set_nachts", r"\b(?P<t>nachts)\b", lambda m, ctx: Hit("SET", "XXXX-XX-XXTNI")),
    _r("set_repeat", r"\b(?P<t>(?P<w>Tag|Woche|Monat|Jahr)\s+(?:um|für)\s+(?P=w))\b", sd.set_),
    _r("clock_hour_word", rf"(?:\b(?:um|gegen|bis|ab|von)\s+)?(?P<t>(?P<n>{HOUR_WORDS})\s+Uhr)\b", h._clock_hour_word, 2),
    _r("set_per", r"(?P<t>(?:pro|je)\s+(?P<w>Tag|Woche|Monat|Jahr|Stunde))\b(?!\s*\d)", sd.set_),
    _r("set_im", r"(?<=\d)(?:\s+\S+){0,3}?\s+(?P<t>(?:im\s+(?P<w>Monat|Jahr)|am\s+(?P<w2>Tag)|in\s+der\s+(?P<w3>Woche|Stunde)))\b(?!\s*\d|\s+(?:darauf|zuvor|danach|davor|de[rs]|nach|vor|als)\b)", sd.set_),
    _r("holiday", r"(?P<t>(?:(?P<w>Weihnachten|Heiligabend|Heilige[nr]? Abend|Silvester|Neujahr|Neujahrstag|Allerheiligen|Stephanstag|Dreikönigstag|Mariä Himmelfahrt|Tag der Deutschen Einheit|Ostern|Ostersonntag|Ostermontag|Karfreitag|Karsamstag|Gründonnerstag|Rosenmontag|Aschermittwoch|Pfingsten|Pfingstsonntag|Pfingstmontag|Christi Himmelfahrt|Fronleichnam)|(?P<stem>Neujahrs|Silvester|Oster|Pfingst)(?P<dp>morgen|vormittag|mittag|nachmittag|abend|nacht))(?:\s+(?P<y>\d{4}))?)\b", c.holiday),
]
# fmt: on

_MONTHS = ("jan", "jän", "feb", "mär", "mae", "mrz", "apr", "mai", "jun", "jul", "aug", "sep", "okt",
           "nov", "dez")  # fmt: skip
_UNITS = ("sekunde", "minute", "stunde", "tag", "woche", "monat", "jahr")
_COMPOUND_UNITS = tuple(f"-{u}" for u in _UNITS)  # "60-Tage-Plan"
_DAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
         "sonntag")  # fmt: skip
# Sound pre-checks (every match of the rule contains one of these): a document without
# any of them skips the rule, which roughly halves the tagging time of a news article.
GATES: dict[str, tuple[str, ...]] = {
    "date_text": _MONTHS, "month_year": _MONTHS, "month_rel_year": _MONTHS, "month": _MONTHS,
    "day_range": _MONTHS, "day_list": _MONTHS, "weekday": _DAYS, "rel_unit": _UNITS,
    "same_day": ("tag",), "year_part": ("jahres",), "bc_year": ("chr",),
    "duration": _UNITS, "duration2": _UNITS, "duration_half": ("halbe",), "duration_quarter": ("viertelstunde",), "duration_compound": _COMPOUND_UNITS, "later": _UNITS, "daypart_of_date": _MONTHS, "ago": _UNITS, "rel_plural": _UNITS,
    "season": ("frühling", "frühjahr", "sommer", "herbst", "winter"),
    "clock": ("uhr",), "time_range": ("uhr",), "clock_um": ("um",), "clock_words": ("halb",),
    "clock_gmt": ("gmt", "utc", "mez"), "day_word": ("heute", "gestern", "übermorgen"),
    "tomorrow": ("morgen",), "heuer": ("heuer",), "future_ref": ("zukunft",),
    "ref_word": ("jetzt", "derzeit", "zurzeit", "heutig", "heutzutage", "tage", "damals",
                 "kürzlich", "kurz", "jüngst", "neulich", "moment", "stunde", "zeit", "kürze",
                 "früher"),
    "decade": ("0er", "ziger"), "century": ("jahrhundert",), "pos_period": ("jahrzehnt", "jahrhundert"),
    "part_of_year": ("quartal", "trimester", "jahreshälfte", "halbjahr"),
    "new_year": ("neue",), "year_short": ("jahr",), "month_pair": _MONTHS, "pos_unit": ("anfang", "mitte", "ende", "beginn"), "weekend": ("wochenende",),
    "prev_unit": ("vorjahr", "vormonat", "vorwoche", "vortag", "vorabend", "folgetag",
                  "folgejahr", "tag"),
    "daypart": ("morgen", "mittag", "abend", "nacht"), "daypart_adv": ("morgens", "mittags",
                                                                       "abends"),
    "since_plural": ("seit",), "vague_years": ("jahre", "monate"), "ago_plural": ("vor",), "lang_duration": ("lang",),
    "adj_duration": ("tägig", "wöchig", "monatig", "jährig", "stündig", "minütig"),
    "set_adv": ("täglich", "wöchentlich", "monatlich", "jährlich", "stündlich", "tags"),
    "set_every": ("jede", "einmal"), "set_all": ("alle",), "set_nachts": ("nachts",), "set_repeat": (" um ", " für "), "clock_hour_word": ("uhr",), "set_per": ("pro", "je"), "set_im": ("monat", "jahr", "tag", "woche", "stunde"),
    "holiday": ("weihnacht", "heilig", "silvester", "neujahr", "allerheilig", "stephanstag",
                "oster", "karfreitag", "pfingst", "himmelfahrt", "fronleichnam", "dreikönig",
                "deutschen einheit", "karsamstag", "gründonnerstag", "rosenmontag", "aschermittwoch"),
}  # fmt: skip
RULES = [dataclasses.replace(r, gate=GATES.get(r.name, ())) for r in RULES]
