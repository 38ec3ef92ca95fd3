"""Speakers as canonical entities: run after linking, when mentions carry entity ids.

The quote stage runs per article, before the corpus linker has given mentions their ids, so
it can name a speaker ('Dmitri Peskow', also for "sagte er") but not point at the entity.
Here each quote's speaker takes the id of the mention it was found as: the head mention of
the speaker phrase ('Putins Berater Juri Uschakow' -> Uschakow), else the mention
spelled like the resolved name, nearest before the quote ("sagte er" -> the Peskow mention).
"""

from __future__ import annotations

import dataclasses

from chronik.model import Article, Mention, Quote
from chronik.stages.quotes.mentions import head_mention


def _inside(text: str, q: Quote, mentions: tuple[Mention, ...]) -> str | None:
    """The speaker phrase's own mention: its head person or organisation as the quote stage
    reads it (not a genitive attribute), else a place standing for its government."""
    if q.speaker_start is None or q.speaker_end is None:
        return None
    linked = tuple(m for m in mentions if m.entity_id)
    head = head_mention(text, q.speaker_start, q.speaker_end, linked)
    if head is not None:
        return head.entity_id
    places = [m for m in linked if q.speaker_start <= m.start and m.end <= q.speaker_end]
    return places[-1].entity_id if places else None


def _by_name(q: Quote, mentions: tuple[Mention, ...]) -> str | None:
    """A resolved pronoun or role: the mention with the speaker's name nearest before it."""
    if not q.speaker_name:
        return None
    at = q.speaker_start if q.speaker_start is not None else q.start
    same = [m for m in mentions if m.entity_id and q.speaker_name in (m.canonical, m.text)]
    before = [m for m in same if m.start < at]
    pick = before[-1] if before else (same[0] if same else None)
    return pick.entity_id if pick else None


def with_speaker_ids(article: Article) -> Article:
    """`article` with `speaker_entity_id` set wherever its mentions tell who spoke."""
    if not article.quotes or not article.mentions:
        return article
    ments = tuple(sorted(article.mentions, key=lambda m: m.start))
    quotes = tuple(
        dataclasses.replace(q, speaker_entity_id=eid)
        if (eid := _inside(article.text, q, ments) or _by_name(q, ments)) != q.speaker_entity_id
        and eid
        else q
        for q in article.quotes
    )
    return article.evolve(quotes=quotes)
