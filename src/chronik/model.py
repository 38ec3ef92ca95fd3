"""Record types: plain frozen dataclasses that flow through the stages.

One record per level: an `Article` carries its clean text and every span found in it
(offsets are Python string indices into `Article.text`); corpus records (`Entity`,
`Story`, `Event`, `Claim`, `TimelineEntry`) are built by corpus stages over many
articles. Records are immutable so that a stage's output never aliases its input:
stages return `article.evolve(...)` copies.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

T = TypeVar("T")

JSONDict = dict[str, Any]


def content_id(text: str, source: str) -> str:
    """Stable article id: hash of whitespace/Unicode-normalised text plus its source key."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    digest = hashlib.sha256(f"{source_key(source)}\x00{norm}".encode()).hexdigest()
    return digest[:16]


def source_key(source: str) -> str:
    """The part of a source that names the item: a URL whole, a file by its name (with
    any `#n` item number), so the same file read by a relative path, from another folder
    or from another checkout keeps its id (and re-ingesting it changes nothing)."""
    if "://" in source:
        return source
    return source.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Span:
    """A stretch of `Article.text`; every fact points back to one."""

    kind: ClassVar[str] = "span"
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Token(Span):
    kind: ClassVar[str] = "token"


@dataclass(frozen=True)
class Sentence(Span):
    kind: ClassVar[str] = "sentence"
    paragraph: int = 0


@dataclass(frozen=True)
class Mention(Span):
    """A named-entity mention; `entity_id` is set by the corpus linker."""

    kind: ClassVar[str] = "mention"
    type: str = "MISC"
    entity_id: str | None = None
    role: str | None = None
    canonical: str | None = None  # within-article resolved name ("Kim" -> "Kim Jong Un")


@dataclass(frozen=True)
class Timex(Span):
    """A TIMEX3 temporal expression with its normalised value."""

    kind: ClassVar[str] = "timex"
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    value: str = ""
    anchor: str | None = None  # the reference date used to resolve it
    vague: bool = False
    end_value: str | None = None  # ranges: "von 10. bis 13. September"


@dataclass(frozen=True)
class Quote(Span):
    kind: ClassVar[str] = "quote"
    type: str = "direct"  # direct | indirect | reported | mixed
    cue: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity_id: str | None = None
    addressee: str | None = None
    speaker_name: str | None = None  # resolved name ("er" -> "Dmitri Peskow"), quotes stage
    medium: str | None = None  # who relays the words ("Reuters zitiert X"), quotes stage


@dataclass(frozen=True)
class Quantity(Span):
    kind: ClassVar[str] = "quantity"
    value: float | None = None
    unit: str | None = None
    approx: str | None = None  # about | more_than | less_than | up_to | at_least | range
    measured: str | None = None
    source: str | None = None
    value_max: float | None = None


@dataclass(frozen=True)
class EventMention(Span):
    kind: ClassVar[str] = "event_mention"
    type: str = "OTHER"
    trigger: str = ""
    args: tuple[tuple[str, str], ...] = ()
    modality: str = "asserted"


SPAN_TYPES: dict[str, type[Span]] = {
    cls.kind: cls for cls in (Sentence, Token, Mention, Timex, Quote, Quantity, EventMention)
}

# Article attribute holding each span kind.
SPAN_FIELDS: dict[str, str] = {
    "sentence": "sentences",
    "token": "tokens",
    "mention": "mentions",
    "timex": "timexes",
    "quote": "quotes",
    "quantity": "quantities",
    "event_mention": "event_mentions",
}


@dataclass(frozen=True)
class Removed:
    """A line the cleaner dropped, kept so a user can see what went and why."""

    line: str
    reason: str


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    raw_text: str
    text: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date or TIMEX3 value ("2023-09")
    published_source: str = "none"  # metadata | text | inferred | none
    language: str | None = None
    removed: tuple[Removed, ...] = ()
    contributors: tuple[str, ...] = ()
    paragraphs: tuple[tuple[int, int, str | None], ...] = ()  # (start, end, language)
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()
    meta: JSONDict = field(default_factory=dict, compare=False, hash=False)
    done: tuple[str, ...] = ()  # names of the stages that have processed this article

    def evolve(self, **changes: Any) -> Article:
        """A copy with `changes` applied (records are immutable)."""
        return dataclasses.replace(self, **changes)

    def mark(self, stage: str, **changes: Any) -> Article:
        """A copy with `changes` applied and `stage` recorded as done."""
        done = self.done if stage in self.done else (*self.done, stage)
        return dataclasses.replace(self, done=done, **changes)

    def spans(self, kind: str) -> tuple[Span, ...]:
        return tuple(getattr(self, SPAN_FIELDS[kind]))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle tokens and sentences as offsets: an article crosses process boundaries
        (local pool, Dask) with hundreds of them, and rebuilding is cheaper than unpickling."""
        state = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        state["tokens"] = [x for t in self.tokens for x in (t.start, t.end)]
        state["sentences"] = [x for t in self.sentences for x in (t.start, t.end, t.paragraph)]
        return (_unpickle_article, (state,))


def _unpickle_article(state: dict[str, Any]) -> Article:
    text = state["text"]
    flat = state["tokens"]
    state["tokens"] = tuple(
        Token(flat[i], flat[i + 1], text[flat[i] : flat[i + 1]]) for i in range(0, len(flat), 2)
    )
    flat = state["sentences"]
    state["sentences"] = tuple(
        Sentence(flat[i], flat[i + 1], text[flat[i] : flat[i + 1]], flat[i + 2])
        for i in range(0, len(flat), 3)
    )
    return Article(**state)


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    merge_reasons: tuple[str, ...] = ()
    mention_count: int = 0
    article_ids: tuple[str, ...] = ()
    meta: JSONDict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Story:
    id: str
    label: str
    article_ids: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    first: str | None = None
    last: str | None = None
    summary: tuple[JSONDict, ...] = ()  # [{text, article_id, start, end}]
    parent_id: str | None = None
    top_entities: tuple[str, ...] = ()
    meta: JSONDict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    date: str | None = None
    date_precision: str | None = None
    place_id: str | None = None
    participants: tuple[str, ...] = ()
    modality: str = "asserted"
    mentions: tuple[JSONDict, ...] = ()  # [{article_id, start, end, text}]
    sources: tuple[str, ...] = ()
    story_id: str | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    measure: str
    values_by_source: tuple[JSONDict, ...] = ()  # [{source, value, unit, article_id, start, end}]
    verdict: str = "agree"  # agree | conflict | update


@dataclass(frozen=True)
class TimelineEntry:
    story_id: str
    date: str
    precision: str
    text: str
    event_id: str | None = None
    sources: tuple[JSONDict, ...] = ()
    background: bool = False
    marks: tuple[str, ...] = ()


CORPUS_TYPES: dict[str, type[Any]] = {
    "entity": Entity,
    "story": Story,
    "event": Event,
    "claim": Claim,
    "timeline": TimelineEntry,
}


@dataclass
class Corpus:
    """What corpus stages read and write: the articles plus corpus-level records.

    Mutable container (its lists are replaced, not edited, by stages), so that a stage
    can return a new `Corpus` without copying every article.
    """

    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)

    def replace(self, **changes: Any) -> Corpus:
        return dataclasses.replace(self, **changes)
