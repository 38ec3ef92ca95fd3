"""Cue lexicons per language: speech verbs, according-to phrases, subjunctive forms.

Plain word lists, not a model: cues are a closed, slowly changing class, and a list keeps
every decision inspectable. German weak verbs are listed by stem and inflected here.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A word set written as one string (long lexicons stay readable and short)."""
    return frozenset(text.split())


# German weak speech-verb stems -> finite/participle forms built below.
_DE_WEAK = sorted(
    words(
        "sag erklär beton mein bericht warn bestätig antwort ergänz versicher forder "
        "kritisier behaupt äußer argumentier verkünd erläuter bekräftig beteuer mahn "
        "kommentier präzisier klag bilanzier resümier dementier frag schilder bezeichn "
        "verlang appellier spekulier vermut befürcht prognostizier informier urteil folger "
        "berichtig konter offenbar hoff glaub meld begründ bezweifel schätz entgegn zitier "
        "bemängel beklag bedauer beschuldig unterstell relativier attestier signalisier"
    )
)
_DE_STRONG = sorted(
    words(
        "schrieb schrieben schreibt geschrieben unterstrich unterstrichen bestritt "
        "bestritten rief riefen ruft sprach sprachen spricht gesprochen hieß heißt "
        "verlautete verlautet betonte wies wiesen gab gaben gibt räumte räumten stellte "
        "stellten fügte fügten teilte teilten teilt kündigte kündigten kündigt sagt räumt "
        "stellt fügt versprach verspricht riet rät empfahl empfiehlt wandte hält hielt "
        "halten hielten geht ging gehen gingen schlug schlägt nannte nennt verwies verweist "
        "erwartet erwarten erwartete führte führten führt sicherte sicherten sichert "
        "schränkte schränkten schränkt hob hoben hebt ließ ließen lässt"
    )
)
# separable verbs in verb-final clauses ("Wie der Sprecher mitteilte, ...") and participles
_DE_JOINED = words(
    "mitteilte mitteilten mitgeteilt hinzufügte hinzugefügt ankündigte ankündigten angekündigt "
    "bekanntgab bekanntgegeben einräumte eingeräumt feststellte festgestellt klarstellte "
    "hinwies hingewiesen zurückwies zurückgewiesen angab angegeben vorschlug "
    "vorgeschlagen aussagte ausgesagt ausging ausgeht vorgeworfen vorwarf hervorhob "
    "hervorhoben hervorgehoben"
)
_EN_VERBS = sorted(
    words(
        "said says say told tells added adds stated states explained explains warned warns "
        "noted notes wrote writes claimed claims argued argues insisted insists announced "
        "announces declared declares replied replies answered answers asked asks confirmed "
        "confirms denied denies acknowledged admitted stressed emphasized emphasised "
        "suggested"
    )
)

# separable prefixes that must appear later in the clause for the verb to be a cue
SEPARABLE: dict[str, tuple[str, ...]] = {
    "teilte": ("mit",),
    "teilten": ("mit",),
    "teilt": ("mit",),
    "fügte": ("hinzu",),
    "fügten": ("hinzu",),
    "fügt": ("hinzu",),
    "kündigte": ("an",),
    "kündigten": ("an",),
    "kündigt": ("an",),
    "gab": ("an", "bekannt", "zu"),
    "gaben": ("an", "bekannt", "zu"),
    "gibt": ("an", "bekannt", "zu"),
    "räumte": ("ein",),
    "räumten": ("ein",),
    "räumt": ("ein",),
    "stellte": ("fest", "klar"),
    "stellten": ("fest", "klar"),
    "stellt": ("fest", "klar"),
    "wies": ("hin", "zurück"),
    "wiesen": ("hin", "zurück"),
    "wandte": ("ein",),
    "hob": ("hervor",),
    "hoben": ("hervor",),
    "hebt": ("hervor",),
    "hält": ("für",),
    "hielt": ("für",),
    "halten": ("für",),
    "hielten": ("für",),
    "geht": ("aus",),  # only "geht davon aus" (checked in find_cues)
    "ging": ("aus",),
    "gehen": ("aus",),
    "gingen": ("aus",),
    "führte": ("aus",),  # "führt der Bericht aus, …" (clause-final, checked in find_cues)
    "führten": ("aus",),
    "führt": ("aus",),
    "sicherte": ("zu",),  # "zu" only clause-final (checked in find_cues)
    "sicherten": ("zu",),
    "sichert": ("zu",),
    "schränkte": ("ein",),
    "schränkten": ("ein",),
    "schränkt": ("ein",),
    "schlug": ("vor",),
    "schlägt": ("vor",),
    # "ließ (über einen Sprecher) mitteilen / verlauten, …": speech through someone else
    "ließ": ("mitteilen", "verlauten", "ausrichten", "erklären", "wissen"),
    "ließen": ("mitteilen", "verlauten", "ausrichten", "erklären", "wissen"),
    "lässt": ("mitteilen", "verlauten", "ausrichten", "erklären", "wissen"),
}
NEEDS_DAVON = frozenset(["geht", "ging", "gehen", "gingen"])
# verbs whose particle must end its clause to mean speech ("führte aus, …", "sicherte zu, …")
FINAL_PARTICLE = frozenset(["führte", "führten", "führt", "sicherte", "sicherten", "sichert"])
# "X ist der Meinung, dass …": a copula with an opinion noun works as one cue
OPINION_NOUNS = words("Meinung Ansicht Auffassung Überzeugung")
COPULAS = words("ist sind war waren")
# "X zeigte sich überzeugt, dass …": a stance adjective after "zeigen sich" works as a cue
STANCE_ADJ = words(
    "überzeugt zuversichtlich optimistisch skeptisch besorgt enttäuscht zufrieden erfreut "
    "überrascht erleichtert empört entsetzt bestürzt verwundert"
)
SHOW_VERBS = words("zeigte zeigten zeigt zeigen")


_SOFT = "aeiouäöülr"  # before a final "n": no linking "e" ("meinte", not "meinete")


def _weak_forms(stem: str) -> set[str]:
    # "bezeichn-e-te", "antwort-e-te", but "mein-te", "mahn-te", "warn-te"
    hard_n = stem.endswith("n") and stem[-2] not in _SOFT and not stem.endswith(("ahn", "ehn"))
    link = "e" if stem.endswith(("t", "d")) or hard_n else ""
    forms = {f"{stem}{link}te", f"{stem}{link}ten", f"{stem}{link}t", f"{stem}e", f"{stem}en"}
    if not stem.startswith(("be", "er", "ver", "zer", "ent", "emp")) and not stem.endswith("ier"):
        forms.add(f"ge{stem}{link}t")
    return forms


def _de_verbs() -> frozenset[str]:
    out: set[str] = set(_DE_STRONG) | set(_DE_JOINED)
    for stem in _DE_WEAK:
        out |= _weak_forms(stem)
    # nouns and false friends produced by the inflection (e.g. "Bericht") are lowercase-only
    return frozenset(w for w in out if w not in {"meine", "meinen", "fragen", "klagen"})


DE_VERBS: frozenset[str] = _de_verbs()
EN_VERBS: frozenset[str] = frozenset(_EN_VERBS)
VERBS: frozenset[str] = DE_VERBS | EN_VERBS

# Konjunktiv I (and its Konjunktiv II stand-ins) mark reported speech in German.
KONJ1 = words(
    "sei seien seiest habe werde könne müsse solle wolle dürfe möge gebe gehe liege stehe "
    "komme bleibe wisse brauche plane handle handele fehle gelte trage lasse sehe finde "
    "arbeite verfüge befinde drohe bestehe sitze laufe führe zeige erwarte versuche "
    "strebe hoffe rechne bereite beabsichtige benötige beziehe diene erhalte entstehe "
    "falle fordere halte heiße kenne koste lebe lege leide mache nehme setze spiele "
    "sterbe treffe verlange wachse wirke zahle"
)
KONJ2 = frozenset(
    ["würde", "würden", "hätte", "hätten", "wäre", "wären", "könnten", "müssten", "sollten"]
)

PRONOUNS_DE = frozenset(["er", "sie"])
PRONOUNS_EN = frozenset(["he", "she", "they"])
PRONOUNS = PRONOUNS_DE | PRONOUNS_EN

DETERMINERS = words(
    "der die das des dem den ein eine einer eines einem einen sein seine seiner seinem "
    "seinen ihr ihre ihrer ihrem ihren the a an his her their its"
)

# capitalised words that start a sentence but never a speaker noun phrase
FUNCTION_CAPS = words(
    "Im Am Auf Aus Bei Bis Da Dabei Damit Danach Dann Darauf Das Dass Dem Den Der Des Die "
    "Dies Diese Dieser Dieses Doch Durch Ein Eine Einer Er Es Für Gegen In Inzwischen Ja "
    "Jedoch Laut Mit Nach Nachdem Neben Nein Noch Nun Ob Oder Seit So Sie Sowohl Trotz Um "
    "Und Unter Vom Von Vor Während Was Weil Wenn Wie Wir Wo Zu Zum Zur Zudem Zwar Auch "
    "Aber Allerdings Bereits Bisher Erst Gleichzeitig Heute Hier Jetzt Schon Zuvor "
    "Außerdem Deshalb Daher Denn Dort Ebenfalls Gestern Genau Ich Ihr Man The A An On At "
    "By For With From It He She They We This That But And Or As If When While After "
    "Before According Weiter Später Zugleich Ferner Anschließend Demnach Offiziell "
    "Hingegen Derzeit Damals Zuletzt Dagegen Ebenso Unterdessen Mittlerweile Bislang "
    "Insgesamt Ursprünglich Offenbar Vermutlich Wahrscheinlich Möglicherweise Angeblich "
    "Tatsächlich Sinngemäß Konkret Gegenüber Bezüglich Als Angesichts Wegen Zusätzlich "
    "Überdies Nochmals Erneut Daraufhin Seitdem Somit Folglich Trotzdem Dennoch Vielmehr "
    "Immerhin Lediglich Nur Selbst Sogar Morgen Abends Zunächst Weiterhin Wonach Dazu "
    "Darin Darüber Hierzu Seiner Ihrer Ihm Über Ohne Hinter Zwischen Außer Innerhalb "
    "Außerhalb Anlässlich Beim Ins Ins Fürs Vorm Übers "
    "Falls Obwohl Sofern Solange Sobald Bevor Indem Weshalb Warum Wieso Wer Wann Sondern "
    "Sein Seine Seinen Seinem Ihre Ihren Ihrem Unser Unsere Deren Dessen"
)

# head nouns that describe a person's role: "der Kremlsprecher", "the spokesman"
ROLE_SUFFIX = re.compile(
    r"(sprecher(in)?|minister(in)?|präsident(in)?|kanzler(in)?|chef(in)?|führer(in)?|"
    r"berater(in)?|experte|expertin|analyst(in)?|leiter(in)?|direktor(in)?|"
    r"machthaber|meister(in)?|vorsitzende[rn]?|botschafter(in)?|sekretär(in)?|manager(in)?|"
    r"beamte[rn]?|beamtin|forscher(in)?|fellow|abgeordnete[rn]?|trainer(in)?|"
    r"vertreter(in)?|mitarbeiter(in)?|politiker(in)?|diplomat(in)?|funktionär(in)?|"
    r"spokes(wo)?man|spokesperson|minister|president|official|analyst|adviser|advisor)$",
    re.IGNORECASE,
)

# according-to constructions: (regex, where the source NP sits relative to the cue)
_SOURCE_NOUN = (
    r"\w*(?i:Angaben|Informationen|Erkenntnissen|Berichten|Bericht|Schätzungen|Auffassung|"
    r"Meinung|Darstellung|Ansicht|Aussagen?|Worten|Einschätzung|Überzeugung|Studie|Umfrage|"
    r"Stellungnahme|Mitteilung|Meldung|Meldungen|Erklärung|Untersuchung|Recherchen|"
    r"Berechnungen|Prognose|Statistik|Vernehmen|Darstellungen|Aussage|Auskunft)"
)
_SOURCE_ADJ = (
    r"(?:(?:den|dem|der|des|einer|einem|eigenen|ersten|offiziellen|bisherigen|neuesten|"
    r"vorläufigen|jüngsten|übereinstimmenden|unbestätigten|inoffiziellen|\w+en)\s+){0,3}"
)
# according-to constructions with the source after the cue word
ACCORDING_BEFORE = re.compile(
    r"\b(?:[Ll]aut|[Gg]emäß|[Aa]ccording to|[Uu]nter Berufung auf|"
    r"[Nn]ach(?=\s+" + _SOURCE_ADJ + _SOURCE_NOUN + r"\b))\s"
)
# "Seiner Meinung nach", "Dem Vernehmen nach", "Polizeiangaben nach"
ACCORDING_POST = re.compile(
    r"\b((?:[Ss]einer|[Ii]hrer|[Dd]em|[Dd]eren|[Dd]essen|[Uu]nserer|[Ee]igenen)\s+"
    r"(?:Meinung|Ansicht|Auffassung|Vernehmen|Einschätzung|Darstellung|Überzeugung|Angaben|"
    r"Worten)|\w+(?:angaben|meinung))\s+(nach)\b"
)
ACCORDING_AFTER = re.compile(r"\s(?:zufolge|nach)\b")
# words that head a source phrase but are no names ("Angaben der Polizei")
SOURCE_WORDS = words(
    "Auskunft Angaben Informationen Erkenntnissen Berichten Bericht Schätzungen Auffassung Meinung "
    "Darstellung Ansicht Aussagen Aussage Worten Einschätzung Überzeugung Studie Umfrage "
    "Stellungnahme Mitteilung Meldung Meldungen Erklärung Untersuchung Recherchen Vernehmen"
)
