"""The rule engine: regex rules propose spans, the longest wins, handlers normalise in order.

Two passes because normalisation depends on what came before: "am Vorabend" and
"19 Uhr" lean on the last date the text mentioned (the narrative anchor), which only a
left-to-right pass knows. Matching itself is context-free and cheap (one `finditer`
per rule), which keeps the tagger well above 100 documents/s.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from chronik.stages.time.calendar import Anchor


@dataclass
class Hit:
    """A normalised expression; start/end override the rule's span (used for split ranges)."""

    type: str
    value: str
    vague: bool = False
    end_value: str | None = None
    start: int | None = None
    end: int | None = None
    mod: str | None = None
    anchors: bool = True  # False: an aside ("ab 1941 ausgearbeitet") the narrative does not move to


class Unanchored(Exception):  # noqa: N818 - control flow, not an error
    """Raised by a handler that needs a reference date the article does not have."""

    def __init__(self, placeholder: str) -> None:
        super().__init__(placeholder)
        self.placeholder = placeholder


Handler = Callable[[re.Match[str], "Ctx"], "Hit | list[Hit] | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler
    priority: int = 0  # higher wins among equally long matches
    gate: tuple[str, ...] = ()  # lower-case strings one of which every match contains


def rule(
    name: str, pattern: str, handler: Handler, priority: int = 0, flags: int = re.IGNORECASE
) -> Rule:
    """A compiled rule whose matches start only where a word starts.

    No timex begins mid-word, and the guard lets the regex engine skip most positions
    before trying the long alternations (months, units): about a third of the time.
    """
    if not pattern.startswith(("(?<=", "(?<!")):
        pattern = rf"(?<!\w)(?:{pattern})"
    return Rule(name, re.compile(pattern, flags), handler, priority)


_FUTURE_DE = re.compile(
    r"\b(wird|werden|wirst|werde|würde|würden|soll|sollen|sollte|will|wollen|plant|planen|"
    r"geplant|erwartet|voraussichtlich|bevorstehend\w*|kommende[nmrs]?|nächste[nmrs]?|"
    r"künftig|demnächst|morgen)\b",
    re.IGNORECASE,
)
_PAST_DE = re.compile(
    r"\b(war|waren|hatte|hatten|wurde|wurden|sagte|sagten|teilte|teilten|erklärte|"
    r"berichtete|meldete|gab|kam|kamen|traf|trafen|fand|ging|stand|hieß|vergangene[nmrs]?|"
    r"(?-i:letzte[nmrs]?)|gestern|zuvor|sei|seien|habe|hätten)\b",
    re.IGNORECASE,
)
# Preterite forms common in news (strong verbs, modals, frequent weak verbs): lower case
# only, so that nouns ("Rechte") and sentence-initial adjectives do not count.
_PRETERITE_DE = re.compile(
    r"\b(?:statt|teil|an|auf|ab|ein|mit|vor|zu|zurück|fest)?(?:sprach|fand|traf|kam|nahm|gab|"
    r"ging|hielt|lag|sah|zog|trat|rief|schlug|fiel|begann|gewann|"
    r"blieb|bot|brachte|dachte|wusste|schrieb|stieg|starb|lief|fuhr|flog|trug|ließ|saß|"
    r"schien|wies|bat|erhielt|verließ|entschied|beschloss|betrug|warf|half|sank|tat|"
    r"wuchs|gelang|verschwand|erschien|schloss|konnte|musste|durfte|wollte|mochte|"
    r"stellte|zeigte|machte|legte|setzte|suchte|brauchte|führte|hörte|spielte|holte|"
    r"lebte|wählte|zahlte|folgte|kaufte|baute|dauerte|forderte|äußerte|betonte|lobte|"
    r"warnte|startete|eröffnete|feierte|besuchte|erreichte|verkaufte|kündigte|erlebte|"
    r"landete|beendete|endete|öffnete|arbeitete|fragte|antwortete|meinte|glaubte|"
    r"kostete|\w+ierte)(?:e?n)?\b"
)
_PERFECT_DE = re.compile(r"\b(hat|haben|hatte|hatten|habe|ist|sind|sei|seien|war|waren)\b", re.I)
_PARTICIPLE_DE = re.compile(
    r"\b(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|weg|zu|zurück|statt|teil|los|her|hin|"
    r"zusammen|vorbei|heraus)?ge\w{2,}(?:t|en)\b",
    re.IGNORECASE,
)
_FUTURE_EN = re.compile(
    r"\b(will|shall|going to|planned|plans?|expected|scheduled|upcoming|next|tomorrow|'ll)\b",
    re.IGNORECASE,
)
_PAST_EN = re.compile(
    r"\b(was|were|had|did|said|told|met|went|came|last|ago|yesterday|\w+ed)\b", re.IGNORECASE
)


def tense_of(sentence: str, lang: str) -> int:
    """-1 past, +1 future, 0 unclear: counts tense markers in a sentence."""
    fut, past = (_FUTURE_EN, _PAST_EN) if lang == "en" else (_FUTURE_DE, _PAST_DE)
    f = len(fut.findall(sentence))
    p = len(past.findall(sentence))
    if lang != "en":
        p += len(_PRETERITE_DE.findall(sentence))
    if lang != "en" and _PERFECT_DE.search(sentence) and _PARTICIPLE_DE.search(sentence):
        p += 1  # perfect tense: "hat ... besucht" (a passive future has no such auxiliary)
    if f > p:
        return 1
    if p > f:
        return -1
    return 0


RECENT_CHARS = 250  # how far back a stated year still dates a year-less expression
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–]\s")
_CLAUSE_WINDOW = 300


@dataclass
class Ctx:
    """What a handler may know: the text, the anchors, the sentence and its tense."""

    text: str
    lang: str
    dct: Anchor | None
    sentences: Sequence[tuple[int, int]]
    ranges: bool = True
    narrative: Anchor | None = None  # last date the text itself mentioned
    narrative_pos: int = -1  # where it was mentioned
    story_mode: bool = False  # narrative text (history): resolve against the last stated date
    last_stated: Anchor | None = None  # last explicit date of any granularity
    style: str = "news"  # "timeml": KRAUTS/It-TimeML conventions (see `tag`)
    stated: Anchor | None = None  # last date whose text names its year ("1991", "5. März 1992")
    stated_pos: int = -1
    used_stated: bool = False  # the current handler resolved against `stated`
    section: Anchor | None = None  # narrative: the year of the current section's heading
    pos: int = 0
    _starts: list[int] = field(default_factory=list)
    _tense: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.sentences]

    def _sentence_index(self) -> int:
        return max(0, bisect.bisect_right(self._starts, self.pos) - 1)

    @property
    def tense(self) -> int:
        """Tense of the sentence holding the current match."""
        if not self.sentences:
            return 0
        i = self._sentence_index()
        if i not in self._tense:
            s, e = self.sentences[i]
            self._tense[i] = tense_of(self.text[s:e], self.lang)
        return self._tense[i]

    def clause_tense(self) -> int:
        """Tense of the clause holding the match, else of its sentence: "sollen gebildet
        werden: ... des Treffens, das am Montag stattfand" is future, its clause past."""
        if not self.sentences:
            return 0
        s, e = self.sentences[self._sentence_index()]
        # a bounded window: a clause is short, and a run-on "sentence" must not make this O(n^2)
        s, e = max(s, self.pos - _CLAUSE_WINDOW), min(e, self.pos + _CLAUSE_WINDOW)
        left = _CLAUSE_BREAK.split(self.text[s : self.pos])[-1]
        right = _CLAUSE_BREAK.split(self.text[self.pos : e], maxsplit=1)[0]
        return tense_of(f"{left}{right}", self.lang) or self.tense

    def sentence_start(self) -> int:
        return self.sentences[self._sentence_index()][0] if self.sentences else 0

    def sentence_day(self) -> Anchor | None:
        """The day-precise date stated earlier in the current sentence, if any."""
        if self.narrative is not None and self.narrative_pos >= self.sentence_start():
            return self.narrative
        return None

    def sentence_text(self) -> str:
        if not self.sentences:
            return self.text
        s, e = self.sentences[self._sentence_index()]
        return self.text[s:e]

    def ref(self, placeholder: str = "XXXX-XX-XX") -> Anchor:
        """The document creation time; without one, the expression stays unanchored."""
        if self.story_mode and self.last_stated is not None:
            return self.last_stated
        if self.dct is None:
            raise Unanchored(placeholder)
        return self.dct

    def recent_year(self) -> Anchor | None:
        """A year the text has just stated (news mode): "Erst 1991 erhielt er ... Ab Ende des
        Jahres" is the end of 1991, not of the DCT's year. None when no stated year is close
        by, when it is the DCT's own year (the DCT, which knows the day, is better) or when
        the sentence's tense points the other way from the DCT."""
        if self.story_mode or self.stated is None or self.pos - self.stated_pos > RECENT_CHARS:
            return None
        if self.dct is not None:
            step = self.stated.year - self.dct.year
            if step == 0 or step * self.tense < 0:
                return None  # "für 2014 und 2015 ... Im Dezember hatten": the tense says which
        self.used_stated = True
        return self.stated

    def local_ref(self, placeholder: str = "XXXX-XX-XX") -> Anchor:
        """The last date the text mentioned (for "am Vorabend", times), else the DCT."""
        if self.narrative is not None and self.narrative.day is not None:
            return self.narrative
        return self.ref(placeholder)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def _candidates(text: str, rules: Sequence[Rule]) -> list[Candidate]:
    """All matches of all rules; a rule whose gate words are absent is not run at all."""
    out: list[Candidate] = []
    lower = text.lower()
    for rule in rules:
        if rule.gate and not any(k in lower for k in rule.gate):
            continue
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                out.append(Candidate(m.start(), m.end(), rule, m))
    return out


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest match first, then rule priority."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken = bytearray(max((c.end for c in cands), default=0))  # linear, not quadratic
    chosen: list[Candidate] = []
    for c in cands:
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    hit: Hit
    anchor: str | None


def span_of(m: re.Match[str]) -> tuple[int, int]:
    """The timex extent: group "t" when the rule marks one (prepositions stay outside)."""
    if "t" in m.re.groupindex and m.group("t") is not None:
        return m.start("t"), m.end("t")
    return m.start(), m.end()


def run(rules: Sequence[Rule], ctx: Ctx) -> list[Found]:
    """Match all rules, keep the best non-overlapping ones, normalise them left to right."""
    found: list[Found] = []
    sections = _Sections(ctx.text) if ctx.story_mode else None
    for c in select(_candidates(ctx.text, rules)):
        ctx.pos = c.start
        if sections is not None:
            sections.advance(ctx)
        ctx.used_stated = False
        used = ctx.last_stated if ctx.story_mode and ctx.last_stated else ctx.dct
        anchor = used.iso() if used else None
        try:
            res = c.rule.handler(c.match, ctx)
        except Unanchored as exc:
            res = Hit("DATE", exc.placeholder, vague=True)
            anchor = None
        if res is None:
            continue
        for hit in res if isinstance(res, list) else [res]:
            s, e = span_of(c.match)
            s = hit.start if hit.start is not None else s
            e = hit.end if hit.end is not None else e
            found.append(Found(s, e, hit, anchor))
            _update_narrative(ctx, hit, _YEAR_DIGITS.search(ctx.text, s, e) is not None)
    return found


_HEADING = re.compile(r"(?m)^[^\S\n]*([^\n]{1,60}?)[^\S\n]*$")
_SENTENCE_END = (".", "!", "?", ":", ";", ",")
_YEAR_ONLY = re.compile(r"^(?:\w*jahr\s+)?\d{4}$", re.I)
_HEADING_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d\d)(?!\d)")


class _Sections:
    """Headings of a narrative ("1862", "Westlicher Kriegsschauplatz"): a history told
    by theatre goes back to its section's year at each sub-heading, instead of carrying
    on from the last date of the previous theatre (WikiWarsDE)."""

    def __init__(self, text: str) -> None:
        lines = [m for m in _HEADING.finditer(text) if not m.group(1).endswith(_SENTENCE_END)]
        self.heads = [(m.start(), _HEADING_YEAR.search(m.group(1))) for m in lines]
        self.i = 0
        self.year: Anchor | None = None

    def advance(self, ctx: Ctx) -> None:
        """Apply the headings passed since the last match."""
        while self.i < len(self.heads) and self.heads[self.i][0] <= ctx.pos:
            year = self.heads[self.i][1]
            self.i += 1
            if year is not None:
                self.year = Anchor(int(year.group(1)))
                # a chronicle's year ("1862", "Kriegsjahr 1915") holds against asides
                ctx.section = self.year if _YEAR_ONLY.match(year.string) else None
            if self.year is not None:
                ctx.last_stated = self.year


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


_STATED = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


_YEAR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _update_narrative(ctx: Ctx, hit: Hit, literal_year: bool = False) -> None:
    """Remember dates the text states (not vague ones) for later anchoring.

    `stated` follows dates that name their year, and the year-less ones resolved against
    it (so "1991 ... im April" can roll over into 1992), never the DCT's guesses.
    """
    if not hit.anchors:
        return
    aside = (
        literal_year
        and ctx.section is not None
        and not hit.value.startswith(f"{ctx.section.year:04d}")
    )  # "Kriegsjahr 1915 ... (bis zum 9. Januar 1916)": the section keeps its year
    if hit.type == "DATE" and not hit.vague and _STATED.match(hit.value) and not aside:
        ctx.last_stated = Anchor.parse(hit.value)
    if hit.type == "DATE" and not hit.vague and (literal_year or ctx.used_stated):
        ctx.stated, ctx.stated_pos = Anchor.parse(hit.value), ctx.pos
    if hit.type in ("DATE", "TIME") and not hit.vague and _DAY.match(hit.value):
        ctx.narrative = Anchor.parse(hit.value)
        ctx.narrative_pos = ctx.pos
