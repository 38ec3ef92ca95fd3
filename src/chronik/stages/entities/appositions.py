"""The class noun in front of a name, or the head inside it, decides the name's type.

The model types unknown foreign names by their shape ('Chosun Ilbo', 'Kyodo' look like
people), but news text nearly always says what they are: 'die Zeitung Chosun Ilbo', 'die
japanische Nachrichtenagentur Kyodo', 'die Söldnergruppe Wagner', 'the news agency Yonhap',
'Rodong Sinmun-Blatt', 'der Demilitarisierten Zone'. That evidence beats the model's guess.
"""

from __future__ import annotations

import re

from chronik.stages.entities.gazetteer import PLACES
from chronik.stages.entities.nouns import is_verb
from chronik.stages.entities.spans import Raw, fold_mixed

ORG_CUES = frozenset(
    """
    Zeitung Tageszeitung Wochenzeitung Zeitschrift Magazin Nachrichtenmagazin Blatt Parteiblatt
    Nachrichtenagentur Agentur Staatsagentur Sender Fernsehsender Radiosender Staatssender
    Staatsfernsehen Nachrichtensender Portal Nachrichtenportal Onlineportal Medium
    Gruppe Söldnergruppe Terrorgruppe Miliz Rebellengruppe Partei Regierungspartei Konzern
    Rüstungskonzern Unternehmen Firma Satellitenfirma Hersteller Denkfabrik Thinktank
    Organisation
    newspaper daily agency broadcaster network outlet magazine group militia party company
    firm manufacturer think-tank
    journal quotidien agence chaîne groupe parti société
    """.split()  # noqa: SIM905
)
_ORG_TAIL = re.compile(
    r"-(?:Blatt|Zeitung|Agentur|Konzern|Gruppe|Partei|Sender|Stiftung|Institut)$|"
    r"\s(?:Technologies|Labs|Inc\.?|Corp\.?|Group|Agency|News|Times|Post|Press)$"
)
# 'news', 'newspaper', 'daily' in the languages whose outlets German text names untranslated
# ('Ria Novosti', 'Rodong Sinmun', 'Chosun Ilbo', 'Asahi Shimbun', 'Renmin Ribao')
_MEDIA_WORD = re.compile(
    r"(?<![\w\-])(?:Novosti|Vesti|Izvestia|Izvestiya|Iswestija|Nowosti|Sinmun|Shinmun|Shimbun|"
    r"Shinbun|Ilbo|Nippo|Ribao|Gazeta|Gazette|Tribune|Herald|Telegraph|Chronicle)(?![\w\-])"
)
# place heads at the end, and a state's official name, which is the country
_LOC_TAIL = re.compile(
    r"\s(?:Zone|Halbinsel|Region|Provinz|Kosmodrom|Cosmodrom|Cosmodrome)$|"
    r"(?<![\w\-])\w*(?:[Rr]epublik|Republic|République|Königreich|Kingdom)(?![\w\-])"
)
_CUE_BEFORE = re.compile(r"([A-Za-zÄÖÜäöüß\-]+)[ \t]+$")


def cue_before(text: str, start: int) -> str | None:
    """The word right before a name: 'Nachrichtenagentur' in 'Nachrichtenagentur Kyodo'."""
    m = _CUE_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1) if m else None


def retype(text: str, spans: list[Raw]) -> list[Raw]:
    """Spans whose own head or whose class noun says ORG or LOC take that type; a gazetteer
    place keeps LOC ('Universität Hamburg' does not make Hamburg an organisation)."""
    places = PLACES.get()
    out = []
    for r in spans:
        name = fold_mixed(text[r.start : r.end])
        typ = r.type
        cue = cue_before(text, r.start)
        cued = cue is not None and cue.split("-")[-1] in ORG_CUES
        media = _ORG_TAIL.search(name) or _MEDIA_WORD.search(name)
        if (media or cued) and not (typ == "LOC" and places.canonical(name)):
            typ = "ORG"
        elif _LOC_TAIL.search(name):
            typ = "LOC"
        out.append(Raw(r.start, r.end, typ) if typ != r.type else r)
    return out


_ARTICLE_BEFORE = re.compile(
    r"\b(?:der|die|das|des|dem|den|beim|zum|vom|ins)[ \t]+$", re.IGNORECASE
)


def nominalised_verb(text: str, r: Raw, name: str) -> bool:
    """'während des Essens': a town name that is also a verb, after an article, is the verb
    used as a noun (towns take no article: 'in Essen')."""
    if " " in name or not _ARTICLE_BEFORE.search(text, max(0, r.start - 8), r.start):
        return False
    return is_verb(name)
