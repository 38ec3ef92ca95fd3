"""German "heute", "gestern", "morgen": the day itself, or the present/future in general.

"heute" names the article's day when it dates an event ("Heute läuft die Frist ab") and
the present era when it describes a state or contrasts with the past ("Frankreich ist
heute weniger fremdenfeindlich", KRAUTS: PRESENT_REF). Cues are read from the clause
around the word, so the choice costs nothing on articles without "heute".
"""

from __future__ import annotations

import re

from chronik.stages.time import common as c
from chronik.stages.time.common import I, g
from chronik.stages.time.engine import Ctx, Hit, tense_of

_DAY_WORDS = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}


_GENERIC_BEFORE = re.compile(r"\b(?:bis|von|noch|schon|auch|wie|erst|[Dd]ie|[Dd]er)\s*$")
_GENERIC_AFTER = re.compile(r"^\s*(?:noch|mehr|wieder|nicht mehr|kaum|längst)\b")
_THEN = re.compile(r"\b(?:damals|früher|einst\w*|seinerzeit|Jahrzehnt\w*|Jahrhundert\w*|"
                   r"Generation\w*|vor \w+ Jahren)\b", I)  # fmt: skip


def _day_word(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """ "gestern" -> DCT - 1; "heute" contrasted with the past ("bis heute") -> PRESENT_REF."""
    word = m.group("w").lower()
    dp = g(m, "dp")
    if word == "heute" and not dp:
        before = ctx.text[max(0, m.start("t") - 12) : m.start("t")]
        after = ctx.text[m.end() : m.end() + 14]
        if _GENERIC_BEFORE.search(before) or _GENERIC_AFTER.match(after):
            return Hit("DATE", "PRESENT_REF", vague=True)
        if _THEN.search(ctx.sentence_text()) or _generic_today(m.start("t"), m.end("t"), ctx):
            return Hit("DATE", "PRESENT_REF", vague=True)
    return c.today_shift(_DAY_WORDS[word], dp, ctx)


_CLAUSE_END = re.compile(r"[,;:()\"»«„“]|\s[-–]\s")
_STATE = re.compile(r"\b(?:ist|sind|bin|bist|seid|gibt|lebt|leben|wissen|weiß|würden?|gilt|"
                    r"gelten|kennt|kennen|gehört|gehören|herrscht|hat|haben|stehen)\b")  # fmt: skip
_DAY_CUES = re.compile(rf"\b(?:Uhr|Tag|Sitzung\w*|{c.WD})\b", I)
_PAIRED = re.compile(r"\b(?:(?:früher|damals|einst|gestern)\s+(?:und|wie)\s+heute|"
                     r"heute\s+(?:und|wie|oder)\s+(?:früher|damals|einst|demnächst|künftig|"
                     r"morgen|in\s+Zukunft))\b", I)  # fmt: skip


def _generic_today(start: int, end: int, ctx: Ctx) -> bool:
    """ "heute" as the present era: a state in its clause ("Frankreich ist heute weniger
    fremdenfeindlich", "wie wir heute wissen") or paired with a time ("heute und demnächst").

    An event on the day itself ("Heute läuft die Frist ab", "hat heute geschrieben") keeps
    the date, as does a clause naming the day or a clock time.
    """
    text = ctx.text
    if _PAIRED.search(text[max(0, start - 12) : end + 20]):
        return True
    left = text[max(0, start - 40) : start].rsplit(".", 1)[-1]
    cut = [mm.end() for mm in _CLAUSE_END.finditer(left)]
    left = left[cut[-1] :] if cut else left
    right = re.split(r"[.?!]", text[end : end + 40], maxsplit=1)[0]
    stop = _CLAUSE_END.search(right)
    right = right[: stop.start()] if stop else right
    clause = f"{left} {right}"
    if _DAY_CUES.search(clause) or _PARTICIPLE.search(clause):
        return False
    return _STATE.search(clause) is not None or _contrast(start, ctx)


def _contrast(start: int, ctx: Ctx) -> bool:
    """Sentence-initial "Heute" right after a past-tense sentence: now as against then."""
    if ctx.text[start] != "H" or ctx.text[ctx.sentence_start() : start].strip():
        return False
    prev = ctx.text[max(0, ctx.sentence_start() - 300) : ctx.sentence_start()]
    prev = re.split(r"[.!?]\s", prev.rstrip())[-1]
    return tense_of(prev, "de") < 0 and not _DAY_CUES.search(prev) and "gestern" not in prev


_PARTICIPLE = re.compile(r"\b(?:(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zu|zurück|statt|"
                         r"teil|los|her|hin)?ge|be|ver|er|ent|zer|über|unter|miss)"
                         r"[a-zäöüß]{2,}(?:t|en)\b(?<!gegen)")  # fmt: skip


def _tomorrow(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Lower-case "morgen" is tomorrow; sentence-initial "Morgen" too, unless "Morgen des ...".

    "der Schwache von morgen" is the future in general (FUTURE_REF), not the next day.
    """
    before = ctx.text[max(0, m.start("t") - 5) : m.start("t")]
    after = ctx.text[m.end() : m.end() + 6]
    if (
        not g(m, "dp")
        and re.search(r"\bvon\s+$", before)
        and not re.match(r"\s+(?:an|bis)\b", after)
    ):
        return Hit("DATE", "FUTURE_REF", vague=True)
    return c.today_shift(1, g(m, "dp"), ctx)
