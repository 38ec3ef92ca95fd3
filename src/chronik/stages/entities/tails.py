"""Person spans that run on into the next word: cut them back to the name.

Two ways a person span grows past the name in German text, where every noun is capitalised:
a role-cued rule takes the capitalised run after the role ('dem chinesischen Führer Xi Jinping
Einigkeit gegenüber ...'), and the model joins a name and the place that follows it ('dankte
Putin Pyongyang für ...'). Both are decided on the article's own evidence, so a surname that
is also a noun ('Müller') is never cut on its own.
"""

from __future__ import annotations

from chronik.stages.entities.gazetteer import PLACES
from chronik.stages.entities.nouns import is_common_noun
from chronik.stages.entities.spans import Raw, strip_genitive


def trim_to_model(text: str, candidates: list[Raw], model: list[Raw]) -> list[Raw]:
    """A rule's person span that the model ended earlier, at the same start, loses the extra
    words when they are all common nouns: 'Xi Jinping Einigkeit' -> 'Xi Jinping'."""
    ends = {(r.start, r.type): r.end for r in model if r.type == "PER"}
    out = []
    for r in candidates:
        end = ends.get((r.start, "PER"))
        if r.type == "PER" and end is not None and end < r.end:
            extra = text[end : r.end].split()
            if extra and all(is_common_noun(w) for w in extra):
                r = Raw(r.start, end, r.type)
        out.append(r)
    return out


def split_place_tail(text: str, spans: list[Raw]) -> list[Raw]:
    """'Putin Pyongyang' -> 'Putin' (PER) + 'Pyongyang' (LOC) when the article also names the
    person alone and the last word is a gazetteer place."""
    places = PLACES.get()
    surfaces = [strip_genitive(text[r.start : r.end]) for r in spans]
    alone = {s for s in surfaces if " " not in s}
    out: list[Raw] = []
    for r in spans:
        words = text[r.start : r.end].split(" ")
        head = " ".join(words[:-1])
        if r.type == "PER" and len(words) >= 2 and head in alone and places.canonical(words[-1]):
            cut = r.start + len(head)
            out += [Raw(r.start, cut, "PER"), Raw(cut + 1, r.end, "LOC")]
        else:
            out.append(r)
    return out
