"""Abbreviation word lists (the project's own), per language, for the sentence splitter.

Each entry is written without its final period and compared case-sensitively after
stripping that period, so "Nr." matches "Nr" here. Dotted forms ("z.B", "U.S") are
listed with their inner periods. `NEVER_FINAL` are abbreviations that practically never
end a sentence (titles, "z. B."); the others end one when the next word looks like a
sentence start.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text (readable, easy to extend)."""
    return frozenset(text.split())


COMMON: frozenset[str] = words(
    """
    Dr Prof Dipl Ing Mag St Hr Fr Mr Mrs Ms Jr Sr Nr No Vol Bd Abs Kap Fig Abb Tab
    ca vs bzw etc evtl ggf vgl Mio Mrd Tsd Jan Feb Febr Mär Apr Jun Jul Aug Sep Sept Okt Oct
    Nov Dez Dec Mo Di Mi Do Fr Sa So Mon Tue Wed Thu Fri Sat Sun li re
    """
)

DE: frozenset[str] = words(
    """
    z.B u.a u.ä o.ä d.h s.o s.u z.T u.U i.d.R m.E z.Zt a.D u.v.m usw bzw ggf sog inkl exkl
    zzgl abzgl gem lt bspw bzgl Hrsg hrsg Jh Jhd Jhdt Str Tel Verf vorm nachm ehem geb gest
    verh evang kath röm Bez Gem Kt Reg Dt dt Inst Univ Präs Vors Bundesr Abg Sen Min Pfr
    Dipl.-Ing Mag Ing Nr Nrn Pkt Ziff Std Min Sek Mill Mrd Mio ff f Tab Abt Anm Aufl Ausg
    Fa Gebr allg insb insbes betr jew jhrl mtl tägl wöchentl ungef rd
    """
)

EN: frozenset[str] = words(
    """
    U.S U.K U.N E.U U.S.A D.C a.m p.m e.g i.e Mt Ft Gen Lt Col Capt Sgt Cmdr Adm Gov Sen Rep
    Rev Hon Pres Supt Det Insp Corp Inc Ltd Co Bros Dept Univ Assn Ave Blvd Rd Ste Apt est
    approx al Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ariz Calif Colo Conn Fla Ga
    Ind Kan Ky Md Mich Minn Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt
    Wis Wyo
    """
)

FR: frozenset[str] = words(
    """
    M MM Mme Mmes Mlle Mlles Me Mgr av apr J.-C env p.ex cf chap hab janv févr avr juil
    sept oct nov déc boul bd
    """
)

ES: frozenset[str] = words(
    """
    Sr Sra Srta Sres Dña Dª Lic Ing Arq Uds Ud Vd Vds EE.UU pág págs aprox admón av avda
    dcha izq núm tel ene feb abr jun jul ago sept oct nov dic
    """
)

IT: frozenset[str] = words("Sig Sigg Sig.ra Dott Dott.ssa Avv Geom Rag On pag ecc gen")
NL: frozenset[str] = words("dhr mevr mw drs ir mr ing bijv d.w.z o.a m.b.t enz")
PT: frozenset[str] = words("Sr Sra Srs Exmo Exma pág págs aprox dr dra")
PL: frozenset[str] = words("np tzn tj itd itp m.in godz tys mln mld ul al pl św prof")
RU: frozenset[str] = words("г гг т.е т.д т.п т.к им ул д пр млн млрд тыс руб см др")
UK: frozenset[str] = words("р рр т.д т.п ім вул млн млрд тис грн див")

BY_LANGUAGE: dict[str, frozenset[str]] = {
    "de": DE,
    "en": EN,
    "fr": FR,
    "es": ES,
    "it": IT,
    "nl": NL,
    "pt": PT,
    "pl": PL,
    "ru": RU,
    "uk": UK,
}

# unknown language: any list may apply (an unsplit sentence costs less than a broken one)
ALL: frozenset[str] = COMMON.union(*BY_LANGUAGE.values())

NEVER_FINAL: frozenset[str] = words(
    """
    Dr Prof Dipl Ing Mag St Hr Mr Mrs Ms Nr No Abs Kap Abb ca vs bzw vgl z.B u.U i.d.R sog
    inkl gem lt bspw bzgl Gen Lt Col Capt Sgt Gov Sen Rep Rev Hon Mt Ft M MM Mme Mlle Sr Sra
    Dott Avv np tzn tj i.e e.g dhr mevr bijv им ул
    """
)

# month names (all lengths), so that "28. Juli" / "13. Sept." never end a sentence
MONTHS: frozenset[str] = words(
    """
    Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November
    Dezember Jan Feb Febr Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez janvier février mars avril
    mai juin juillet août septembre octobre novembre décembre enero febrero marzo abril mayo
    junio julio agosto septiembre octubre noviembre diciembre
    """
)


def for_language(lang: str | None) -> frozenset[str]:
    """The abbreviations that may occur in text of `lang` (all of them when unknown)."""
    if lang is None or lang not in BY_LANGUAGE:
        return ALL
    return COMMON | BY_LANGUAGE[lang]
