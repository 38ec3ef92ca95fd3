"""The corpus "link" stage: mentions of all articles -> canonical entities, with merge reasons.

First the mentions of all articles vote on one type per spelling key ('Chassan' LOC twice,
'Khasan' PER once -> LOC; a PER/LOC/ORG majority beats MISC; a gazetteer place beats a PER
without a role), and every mention takes the settled type. Then each mention gets a link key:
("N", spelling key of its resolved name), where landmarks go through the own exonym table
("Kreml" -> Kremlin), places through the exonym gazetteer ("Pjöngjang" -> Pyongyang) and
organisations through the acronym table (KCNA = Koreanische Zentrale Nachrichtenagentur).
Mentions sharing a key form one entity. A one-word person name that no article resolved
joins the single full name ending (or, for East Asian names, starting) with it; if several
people share it, it joins none. An acronym alone ('NYT', 'JCS') joins the only entity whose
initials spell it or that an article defined it for ('Gemeinsame Stabschefs (JCS)').
A Russian name whose key lost letters to the case-ending cut
('Шойгу' -> 'Шойг') joins the entity its uncut spelling names ('Shoigu'), when there is one.
Existing entities (earlier runs) are matched first by their aliases' keys, so ids never change;
new entities get id = hash(type + key).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from chronik.model import Article, Corpus, Entity, Mention
from chronik.stages.entities.gazetteer import (
    PLACES,
    acronym_long_keys,
    exonym,
    role_gloss,
    same_acronym,
)
from chronik.stages.entities.lexicon import ACRONYMS, EAST_ASIAN_SURNAMES, GENERIC_PLACE_HEADS
from chronik.stages.entities.spans import fold_mixed, strip_genitive
from chronik.stages.entities.translit import INFLECTING, loose_key, name_key
from chronik.stages.quotes.entity_ids import with_speaker_ids

Key = tuple[str, str]  # ("N", spelling key); a tuple so a kind can be added later
MAX_REASONS = 40


def entity_id(etype: str, key: str) -> str:
    return hashlib.sha1(f"{etype}|{key}".encode()).hexdigest()[:16]


def generic_head_dropped(name: str) -> str | None:
    """'Vostochny Cosmodrome', 'Kosmodrom Wostotschny', 'Tumen River' -> the proper part, which
    other languages use alone; None when there is no generic head or nothing is left."""
    words = name.split()
    if len(words) < 2:
        return None
    if words[-1] in GENERIC_PLACE_HEADS:
        words = words[:-1]
    elif words[0] in GENERIC_PLACE_HEADS:
        words = words[1:]
    else:
        return None
    bare = " ".join(words)
    return None if PLACES.get().canonical(bare) else bare  # 'Korea Bay' is no Korea


def link_key(m: Mention, lang: str | None = None) -> tuple[Key, str, list[str]]:
    """Link key, display name and the reasons that led from the surface to the key (`lang`:
    the article's language, for its own transliteration habits: French 'Choïgou' = 'Shoigu')."""
    name = fold_mixed(m.canonical or strip_genitive(m.text))
    reasons: list[str] = []
    surface = strip_genitive(m.text)
    if name != surface:
        reasons.append(f"in-article: {surface!r} -> {name!r}")
    known = exonym(name) if m.type != "PER" else None
    if known:
        if known != name:
            reasons.append(f"exonym: {name!r} -> {known!r} (own table)")
        return ("N", name_key(known)), known, reasons
    if m.type == "PER":
        return ("N", name_key(name, lang)), name, reasons
    if m.type == "LOC":
        place = PLACES.get().canonical(name)
        if place:
            if name_key(place) != name_key(name):
                reasons.append(f"exonym: {name!r} -> {place!r} (geonames)")
            return ("N", name_key(place)), place, reasons
        bare = generic_head_dropped(name)
        if bare:
            reasons.append(f"generic head: {name!r} = {bare!r}")
            return ("N", loose_key(bare, lang)), name, reasons
    acr = name if name in ACRONYMS else acronym_long_keys().get(loose_key(name))
    if acr:
        acr = same_acronym(acr)
        if acr != name:
            reasons.append(f"acronym: {name!r} = {acr!r}")
        return ("N", name_key(acr)), acr, reasons
    key = name_key(name, lang) if m.type == "MISC" else loose_key(name, lang)
    return ("N", key), name, reasons


@dataclass
class Group:
    key: Key
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    by_article: Counter[str] = field(default_factory=Counter)
    alts: set[Key] = field(default_factory=set)  # keys without case endings cut ('Шойгу')
    defined: set[str] = field(default_factory=set)  # acronyms an article defined for it

    def add(self, article_id: str, m: Mention, name: str, reasons: list[str]) -> None:
        if self.names and name not in self.names:
            first = next(iter(self.names))
            reasons = [*reasons, f"spelling key {self.key[1]!r}: {name!r} = {first!r}"]
        self.names[name] += 1
        self.types[m.type] += 1
        self.aliases.update({strip_genitive(m.text), name})
        if is_acronym(m.text) and " " in name:
            self.defined.add(m.text)  # 'JCS' resolved in its article to 'Gemeinsame Stabschefs'
        self.by_article[article_id] += 1
        if m.role:
            self.roles.append(m.role)
        self.reasons.extend(r for r in reasons if r not in self.reasons)

    def absorb(self, other: Group, reason: str) -> None:
        self.names.update(other.names)
        self.types.update(other.types)
        self.aliases |= other.aliases
        self.defined |= other.defined
        self.roles += other.roles
        self.reasons += [reason, *(r for r in other.reasons if r not in self.reasons)]
        self.by_article.update(other.by_article)


def vote_key(m: Mention, lang: str | None) -> str:
    """The spelling key under which a mention votes on its entity's type: exonyms and
    transliterations of one name ('Chassan', 'Khasan'; 'Kreml', 'Kremlin') vote together."""
    name = m.canonical or strip_genitive(m.text)
    return name_key(exonym(name) or name, lang)


def settle_type(votes: Counter[str], place: bool, roled: bool) -> str:
    """One type from the mentions' votes: a PER/LOC/ORG majority beats MISC (the model's type
    for names it did not know), and a gazetteer place beats MISC and a PER vote without a role."""
    strong = Counter({t: n for t, n in votes.items() if t != "MISC" and n})
    if not strong:
        return "LOC" if place else "MISC"
    if place and not roled and "PER" in strong:
        strong["LOC"] += strong.pop("PER")
    order = ("LOC", "PER", "ORG")
    return max(strong, key=lambda t: (strong[t], -order.index(t) if t in order else -9))


def settled_types(articles: list[Article]) -> dict[str, str]:
    """vote key -> the type all its mentions take."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    roled: set[str] = set()
    for a in articles:
        for m in a.mentions:
            key = vote_key(m, a.language)
            votes[key][m.type] += 1
            names.setdefault(key, m.canonical or strip_genitive(m.text))
            if m.role:
                roled.add(key)
    places = PLACES.get()
    return {
        k: settle_type(v, bool(places.canonical(names[k])), k in roled) for k, v in votes.items()
    }


def _group(articles: list[Article]) -> tuple[dict[Key, Group], list[list[Key]]]:
    groups: dict[Key, Group] = {}
    keys_per_article: list[list[Key]] = []
    types = settled_types(articles)
    for a in articles:
        keys = []
        for m in a.mentions:
            settled = types[vote_key(m, a.language)]
            vote = [f"type vote: {m.text!r} {m.type} -> {settled}"] if settled != m.type else []
            if vote:
                m = dataclasses.replace(m, type=settled)
            key, name, reasons = link_key(m, a.language)
            reasons += vote
            group = groups.setdefault(key, Group(key))
            group.add(a.id, m, name, reasons)
            if a.language in INFLECTING and ("N", name_key(name)) != key:
                group.alts.add(("N", name_key(name)))
            keys.append(key)
        keys_per_article.append(keys)
    return groups, keys_per_article


def _uncut_targets(groups: dict[Key, Group]) -> dict[Key, Key]:
    """A Russian name whose key lost a letter it needs ('Шойгу' is no case form of 'Шойг')
    joins the entity its uncut spelling names, when there is one."""
    return {key: alt for key, g in groups.items() for alt in sorted(g.alts) if alt in groups}


def _absorb_all(
    groups: dict[Key, Group], redirect: dict[Key, Key], targets: dict[Key, Key], why: str
) -> None:
    for src, dst in targets.items():
        dst = _follow(redirect, dst)
        if src == dst or src not in groups or dst not in groups:
            continue
        g = groups.pop(src)
        into = groups[dst].names.most_common(1)[0][0]
        groups[dst].absorb(g, f"{why}: {sorted(g.names)[0]!r} -> {into!r}")
        redirect[src] = dst


def _surname_targets(groups: dict[Key, Group]) -> dict[Key, Key]:
    """One-word name keys -> the only multi-word person key they can abbreviate."""
    full = [k for k, g in groups.items() if " " in k[1] and g.types.most_common(1)[0][0] == "PER"]
    places = PLACES.get()
    out: dict[Key, Key] = {}
    for key, g in groups.items():
        if " " in key[1] or not key[1] or "ORG" in g.types:
            continue
        if g.types.most_common(1)[0][0] != "PER" and any(places.canonical(n) for n in g.names):
            continue
        east = any(n in EAST_ASIAN_SURNAMES for n in g.names)
        cands = [f for f in full if f[1].split()[-1] == key[1]]
        if east and not cands:
            cands = [f for f in full if f[1].split()[0] == key[1]]
        if len(cands) == 1:
            out[key] = cands[0]
    return out


def initials(name: str) -> str:
    """'New York Times' -> 'NYT', 'Joint Chiefs of Staff' -> 'JCS': the capitalised words'
    first letters (lowercase joiners skipped); '' for one-word names."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def is_acronym(word: str) -> bool:
    """'NYT', 'JCS', 'IStGH': two to six letters, the first and at least two capitals."""
    caps = sum(c.isupper() for c in word)
    return 2 <= len(word) <= 6 and word.isalpha() and word[0].isupper() and caps >= 2


def _acronym_targets(groups: dict[Key, Group]) -> tuple[dict[Key, Key], dict[Key, Key]]:
    """An acronym ('NYT') -> the only multi-word non-person entity of the corpus whose
    initials spell it ('New York Times'), or that an article defined with it in any language
    ('Gemeinsame Stabschefs (JCS)', 'Internationaler Strafgerichtshof, kurz IStGH'); with
    two candidates it joins none. Returns (initials targets, defined targets)."""
    spelled: dict[str, set[Key]] = defaultdict(set)
    defined: set[tuple[str, Key]] = set()
    for key, g in groups.items():
        if g.types.most_common(1)[0][0] != "PER":
            for ini in ({initials(n) for n in g.names} | g.defined) - {""}:
                spelled[ini].add(key)
            defined |= {(acr, key) for acr in g.defined}
    out: dict[Key, Key] = {}
    by_definition: dict[Key, Key] = {}
    for key, g in groups.items():
        names = set(g.names)
        acr = next(iter(names)) if len(names) == 1 else ""
        if not is_acronym(acr) or "PER" in g.types:
            continue
        cands = [k for k in spelled.get(acr, set()) if k != key]
        if len(cands) == 1:
            (by_definition if (acr, cands[0]) in defined else out)[key] = cands[0]
    return out, by_definition


def _index(entities: list[Entity]) -> dict[Key, Entity]:
    idx: dict[Key, Entity] = {}
    for e in entities:
        stored = e.meta.get("key") if isinstance(e.meta, dict) else None
        if isinstance(stored, list) and len(stored) == 2:
            idx.setdefault((str(stored[0]), str(stored[1])), e)  # language-aware key of its run
        for alias in (e.name, *e.aliases):
            for key in {name_key(alias), loose_key(alias)}:
                idx.setdefault(("N", key), e)
    return idx


def _build(key: Key, g: Group, old: Entity | None) -> Entity:
    voted = "PER" if g.roles else g.types.most_common(1)[0][0]
    etype = old.type if old and old.type != "MISC" else voted  # an old MISC may be settled now
    multi = [n for n, _ in g.names.most_common() if " " in n]
    name = old.name if old else (multi or [g.names.most_common(1)[0][0]])[0]
    roles = list(old.roles if old else ())
    for r in g.roles:
        gloss = role_gloss(r.split()[-1]) or role_gloss(r.split(",")[0].split()[0])
        roles += [x for x in (r, gloss) if x and x not in roles]
    counts: dict[str, int] = dict((old.meta.get("mentions_by_article") or {}) if old else {})
    if old and not counts:
        counts = {aid: 0 for aid in old.article_ids}
        counts["_earlier"] = old.mention_count
    counts.update(g.by_article)
    reasons = list(old.merge_reasons if old else ())
    reasons += [r for r in g.reasons if r not in reasons]
    return Entity(
        id=old.id if old else entity_id(etype, key[1]),
        type=etype,
        name=name,
        aliases=tuple(sorted(set(old.aliases if old else ()) | g.aliases - {name})),
        roles=tuple(roles),
        merge_reasons=tuple(reasons[:MAX_REASONS]),
        mention_count=sum(counts.values()),
        article_ids=tuple(sorted(a for a in counts if a != "_earlier")),
        meta={"mentions_by_article": counts, "key": list(key)},
    )


class LinkStage:
    """Corpus stage: sets `Mention.entity_id` everywhere and returns the linked entities."""

    name = "link"
    corpus_level = True
    requires: tuple[str, ...] = ("mentions",)
    provides: tuple[str, ...] = ("entities",)

    def __init__(self, merge_surnames: bool = True) -> None:
        self.merge_surnames = merge_surnames

    def __call__(self, corpus: Corpus) -> Corpus:
        groups, keys_per_article = _group(corpus.articles)
        redirect: dict[Key, Key] = {}
        _absorb_all(groups, redirect, _uncut_targets(groups), "spelling without case ending")
        spelled, defined = _acronym_targets(groups)
        _absorb_all(groups, redirect, spelled, "acronym of the initials")
        _absorb_all(groups, redirect, defined, "acronym defined in an article")
        if self.merge_surnames:
            _absorb_all(groups, redirect, _surname_targets(groups), "surname (only candidate)")
        existing = _index(corpus.entities)
        olds: dict[Key, Entity | None] = {}
        by_old: dict[str, Key] = {}
        for key in list(groups):
            alias_keys = [(key[0], name_key(a)) for a in sorted(groups[key].aliases)]
            old = existing.get(key) or next(
                (existing[k] for k in alias_keys if k in existing), None
            )
            if old is not None and old.id in by_old:  # two spellings of one known entity
                groups[by_old[old.id]].absorb(groups.pop(key), f"alias of {old.name!r}")
                redirect[key] = by_old[old.id]
                continue
            olds[key] = old
            if old is not None:
                by_old[old.id] = key
        built = {key: _build(key, g, olds[key]) for key, g in groups.items()}
        ids = {k: built[_follow(redirect, k)] for keys in keys_per_article for k in keys}
        articles = [
            with_speaker_ids(a.mark(self.name, mentions=_with_ids(a.mentions, keys, ids)))
            for a, keys in zip(corpus.articles, keys_per_article, strict=True)
        ]
        return corpus.replace(articles=articles, entities=_merge_existing(corpus.entities, built))


def _with_ids(
    mentions: tuple[Mention, ...], keys: list[Key], ents: dict[Key, Entity]
) -> tuple[Mention, ...]:
    """Each mention gets its entity's id and (settled) type."""
    return tuple(
        m
        if (m.entity_id, m.type) == (ents[k].id, ents[k].type)
        else dataclasses.replace(m, entity_id=ents[k].id, type=ents[k].type)
        for m, k in zip(mentions, keys, strict=True)
    )


def _follow(redirect: dict[Key, Key], key: Key) -> Key:
    while key in redirect:
        key = redirect[key]
    return key


def _merge_existing(old: list[Entity], built: dict[Key, Entity]) -> list[Entity]:
    """Entities of earlier runs stay (updated where new mentions joined them), new ones added."""
    by_id: dict[str, Entity] = {e.id: e for e in old}
    by_id.update({e.id: e for e in built.values()})
    return sorted(by_id.values(), key=lambda e: (-e.mention_count, e.name))


def entities_by_article(corpus: Corpus) -> dict[str, list[str]]:
    """article id -> entity ids (a convenience for later stages)."""
    out: dict[str, list[str]] = defaultdict(list)
    for a in corpus.articles:
        for m in a.mentions:
            if m.entity_id and m.entity_id not in out[a.id]:
                out[a.id].append(m.entity_id)
    return dict(out)
