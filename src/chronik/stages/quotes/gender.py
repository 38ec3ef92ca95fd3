"""Grammatical gender and number of a speaker noun phrase, for pronoun agreement.

"sagte sie" after "Minister Jan Ott" and "Sprecherin Eva Horn" must go to Eva Horn. German
marks gender on role nouns ("Ministerin", "die Sprecherin"), on determiners ("der", "die")
and, for names, only through the first name; institutions are feminine ("die Polizei" ->
"sie"), neuter ("das Ministerium" -> "es") or plural ("die Behörden" -> "sie"). The first-name
lists are the project's own short lists of frequent names in German news; an unknown name
agrees with every pronoun, so the lists only ever remove candidates.
"""

from __future__ import annotations

import re

from chronik.stages.quotes.cues import words

MALE_NAMES = words(
    "Alexander Andreas Angelo Anton Antonio Armin Bernd Boris Carlos Christian Christoph "
    "Daniel David Dieter Dirk Dmitri Donald Edmund Emmanuel Erich Frank Franz Friedrich "
    "Gerhard Günter Günther Hans Harald Heiko Heinz Helmut Herbert Horst Hubertus Igor "
    "Jan Jens Joachim Joe Johann Johannes John Jörg Josef Joseph Jürgen Karl Kevin Klaus "
    "Kurt Lars Lukas Manfred Marco Mario Markus Martin Matthias Michael Mohammed Muhammad "
    "Nicolas Norbert Olaf Oliver Otto Paul Peter Philipp Rainer Ralf Recep Reinhard "
    "Richard Robert Roland Rolf Rudolf Sebastian Sergei Sergej Stefan Steffen Stephan Sven "
    "Thomas Tobias Tom Udo Ulrich Uwe Viktor Volker Walter Werner Wilhelm Wladimir Wolfgang "
    "Xi Yuri Ali Ahmed Benjamin Barack George Bill Jim James Mike Robert Tony Vladimir "
    "Dmitry Jean Pierre François Hassan Abbas Hamid Kim Jeremy Antony Jake Ned Mark"
)
FEMALE_NAMES = words(
    "Adrienne Agnes Andrea Angela Anke Anna Anne Annalena Antje Barbara Beate Birgit "
    "Brigitte Carola Christa Christiane Christina Christine Claudia Condoleezza Cornelia "
    "Dagmar Doris Edith Elisabeth Elke Emma Eva Franziska Gabriele Gisela Hannelore "
    "Heidi Helga Hillary Ilse Ines Ingrid Irene Jana Julia Juliane Karin Katarina "
    "Katharina Kathrin Katja Kerstin Kristina Laura Lea Lena Linda Manuela Margarete "
    "Margot Maria Marie Marina Marion Martina Melanie Monika Nancy Natalia Nicole Petra "
    "Renate Sabine Sahra Sandra Sarah Silke Simone Sofia Sonja Stefanie Susanne Svenja "
    "Tanja Ulla Ulrike Ursula Ute Valentina Yvonne Jill Kamala Karine Nikki Liz Theresa "
    "Giorgia Marine Ségolène Julija Tatjana Olga Swetlana Mette Sanna Jacinda Ilham"
)
_FEMININE_HEADS = re.compile(
    r"(?:in|innen|ung|heit|keit|schaft|ion|tät|polizei|regierung|behörde|partei|"
    r"agentur|zeitung|organisation|kommission|union|bank|armee|justiz|opposition|"
    r"staatsanwaltschaft|verwaltung|fraktion|gewerkschaft|stadt|gemeinde|frau)$"
)
_NEUTER_HEADS = re.compile(
    r"(?:ministerium|amt|gericht|institut|unternehmen|parlament|komitee|büro|"
    r"land|haus|präsidium|sekretariat|kommando|zentrum|blatt|magazin)$"
)
_PLURAL_DETS = words("die")
_MALE_DETS = words("der ein dem den des")
_PRONOUN_GENDERS: dict[str, frozenset[str]] = {
    "er": frozenset(["m"]),
    "he": frozenset(["m"]),
    "sie": frozenset(["f", "pl"]),
    "she": frozenset(["f"]),
    "they": frozenset(["pl", "f", "m", "n"]),
    "es": frozenset(["n"]),
}


def np_gender(np_text: str) -> str | None:
    """'m', 'f', 'n', 'pl' or None (unknown) for a speaker noun phrase as written."""
    toks = [t for t in re.findall(r"[\w-]+", np_text) if t]
    if not toks:
        return None
    for t in toks:
        if t in FEMALE_NAMES:
            return "f"
        if t in MALE_NAMES:
            return "m"
    caps = [t for t in toks if t[:1].isupper()]
    det = toks[0].lower()
    head = (caps[0] if caps else toks[-1]).split("-")[-1].lower()
    return _by_head(det, head)


def _by_head(det: str, head: str) -> str | None:
    if head.endswith("innen"):
        return "pl"
    if head.endswith("in") and len(head) > 5 and not head.endswith(("kremlin", "berlin")):
        return "f"
    if _NEUTER_HEADS.search(head) or det == "das":
        return "n"
    if det in _MALE_DETS:
        return "m"
    if det in _PLURAL_DETS:
        return (
            "f"
            if _FEMININE_HEADS.search(head)
            else "pl"
            if head.endswith(("en", "er", "e"))
            else None
        )
    if head.endswith(("sprecher", "minister", "präsident", "kanzler", "chef", "leiter")):
        return "m"
    return None


def agrees(pronoun: str, gender: str | None) -> bool:
    """Whether `pronoun` can refer to a noun phrase of `gender` (unknown agrees)."""
    allowed = _PRONOUN_GENDERS.get(pronoun.lower())
    return gender is None or allowed is None or gender in allowed
