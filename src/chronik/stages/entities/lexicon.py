"""Word lists of the entity stages (the project's own, hand-made; no data copied).

Kept apart from the code so that the rules stay short and the lists can grow.
"""

from __future__ import annotations

# German (and a few English and French) country names -> canonical English name
# fmt: off
COUNTRIES: dict[str, str] = {
    "Nordkorea": "North Korea", "Südkorea": "South Korea", "Korea": "Korea",
    "Russland": "Russia", "Russische Föderation": "Russia", "Ukraine": "Ukraine",
    "China": "China", "Volksrepublik China": "China", "Japan": "Japan", "Taiwan": "Taiwan",
    "USA": "United States", "Vereinigte Staaten": "United States", "US": "United States",
    "Amerika": "United States", "Deutschland": "Germany", "Frankreich": "France",
    "Großbritannien": "United Kingdom", "Vereinigtes Königreich": "United Kingdom",
    "Polen": "Poland", "Belarus": "Belarus", "Weißrussland": "Belarus", "Iran": "Iran",
    "Syrien": "Syria", "Israel": "Israel", "Türkei": "Turkey", "Indien": "India",
    "Italien": "Italy", "Spanien": "Spain", "Österreich": "Austria", "Schweiz": "Switzerland",
    "Vietnam": "Vietnam", "Mongolei": "Mongolia", "Kasachstan": "Kazakhstan",
    "Georgien": "Georgia", "Moldau": "Moldova", "Litauen": "Lithuania", "Lettland": "Latvia",
    "Estland": "Estonia", "Finnland": "Finland", "Schweden": "Sweden", "Norwegen": "Norway",
    "Niederlande": "Netherlands", "Belgien": "Belgium", "Ungarn": "Hungary",
    "Tschechien": "Czech Republic", "Rumänien": "Romania", "Bulgarien": "Bulgaria",
    "Griechenland": "Greece", "Ägypten": "Egypt", "Saudi-Arabien": "Saudi Arabia",
    "Krim": "Crimea", "Europa": "Europe", "Asien": "Asia", "Afrika": "Africa",
    "North Korea": "North Korea", "South Korea": "South Korea", "Russia": "Russia",
    "United States": "United States", "Germany": "Germany", "Poland": "Poland",
    "Asia": "Asia", "Europe": "Europe", "Africa": "Africa", "Far East": "Far East",
    "Fernost": "Far East", "Extrême-Orient": "Far East",
    # French
    "Russie": "Russia", "Corée du Nord": "North Korea", "Corée du Sud": "South Korea",
    "Corée": "Korea", "Chine": "China", "États-Unis": "United States", "Japon": "Japan",
    "Allemagne": "Germany", "Biélorussie": "Belarus", "Royaume-Uni": "United Kingdom",
    "Pologne": "Poland", "Asie": "Asia", "Afrique": "Africa",
    # Russian and Ukrainian (nominative; other cases go through the lemma first)
    "Россия": "Russia", "Российская Федерация": "Russia", "РФ": "Russia", "Росія": "Russia",
    "КНДР": "North Korea", "Северная Корея": "North Korea", "Південна Корея": "South Korea",
    "Южная Корея": "South Korea", "Корея": "Korea", "США": "United States",
    "Соединённые Штаты": "United States", "Соединенные Штаты": "United States",
    "Китай": "China", "КНР": "China", "Япония": "Japan", "Украина": "Ukraine",
    "Україна": "Ukraine", "Белоруссия": "Belarus", "Беларусь": "Belarus",
    "Германия": "Germany", "Франция": "France", "Великобритания": "United Kingdom",
    "Польша": "Poland", "Иран": "Iran", "Сирия": "Syria", "Турция": "Turkey",
    "Индия": "India", "Европа": "Europe", "Азия": "Asia", "Африка": "Africa",
    "Крым": "Crimea", "Дальний Восток": "Far East", "Вьетнам": "Vietnam",
    "Монголия": "Mongolia", "Казахстан": "Kazakhstan",
}
# fmt: on

# acronym -> long forms in several languages (extended by 'Long Form (ACR)' in text)
ACRONYMS: dict[str, tuple[str, ...]] = {
    "KCNA": (
        "Korean Central News Agency",
        "Koreanische Zentrale Nachrichtenagentur",
        "Zentrale Koreanische Nachrichtenagentur",
        "Agence centrale de presse coréenne",
        "Центральное телеграфное агентство Кореи",
    ),
    "ЦТАК": ("Korean Central News Agency", "Центральное телеграфное агентство Кореи"),
    "JCS": (
        "Joint Chiefs of Staff",
        "Vereinigte Generalstab",
        "Vereinigter Generalstab",
        "Vereinigten Generalstabs",
    ),
    "TASS": ("Telegrafnoje Agentstwo Sowjetskogo Sojusa",),
    "ТАСС": ("Telegrafnoje Agentstwo Sowjetskogo Sojusa",),
    "UN": (
        "Vereinte Nationen",
        "Vereinten Nationen",
        "United Nations",
    ),
    "UNO": (
        "Vereinte Nationen",
        "Vereinten Nationen",
        "United Nations",
    ),
    "ONU": ("United Nations", "Organisation des Nations unies"),
    "ООН": ("United Nations", "Организация Объединённых Наций"),
    "NATO": (
        "Nordatlantikpakt",
        "North Atlantic Treaty Organization",
    ),
    "НАТО": ("North Atlantic Treaty Organization",),
    "EU": (
        "Europäische Union",
        "Europäischen Union",
        "European Union",
    ),
    "AFP": ("Agence France-Presse",),
    "AP": ("Associated Press",),
    "dpa": ("Deutsche Presse-Agentur",),
}

# frequent first names in news: a capitalised word after one of them is a surname
FIRST_NAMES = frozenset(
    """
    Abdullah Adrienne Alexander Alexei Alexej Ali Andrei Andrej Angela Anna Annalena Anthony
    Antony Barack Benjamin Boris Christian Dmitri Dmitrij Dmitry Donald Emmanuel Friedrich
    George Giorgia Hillary Igor Ivan Iwan Jake Jean Jens Jewgeni Jim Joe John Jon Juri Jurij
    Kamala Karl Kevin Lars Lloyd Maria Marine Mark Markus Matthew Michail Mike Mikhail Mohammed
    Muhammad Nancy Natalia Nikolai Olaf Oleg Olga Pavel Pawel Pierre Ramsan Ramzan Recep Rishi
    Robert Rodrigo Sergei Sergej Sergey Ursula Viktor Vladimir Volodymyr Wiktor Wladimir
    Wolodymyr Xi Yevgeny Yuri
    """.split()  # noqa: SIM905
)

# German role heads -> English gloss; compounds ('Kremlsprecher') are prefix + head
# fmt: off
ROLE_HEADS: dict[str, str] = {
    "sprecher": "spokesman", "sprecherin": "spokeswoman", "minister": "minister",
    "ministerin": "minister", "präsident": "president", "präsidentin": "president",
    "kanzler": "chancellor", "kanzlerin": "chancellor", "chef": "head", "chefin": "head",
    "führer": "leader", "machthaber": "ruler", "berater": "adviser", "beraterin": "adviser",
    "botschafter": "ambassador", "botschafterin": "ambassador", "general": "general",
    "sekretär": "secretary", "sekretärin": "secretary", "vorsitzende": "chair",
    "vorsitzender": "chair", "diktator": "dictator", "premier": "premier",
    "regierungschef": "head of government", "staatschef": "head of state", "experte": "expert",
    "expertin": "expert", "forscher": "researcher", "forscherin": "researcher",
    "korrespondent": "correspondent", "schwester": "sister", "vater": "father",
    "beamte": "official", "beamter": "official", "beamtin": "official", "tochter": "daughter",
    "bruder": "brother", "analyst": "analyst", "spokesman": "spokesman",
    "spokeswoman": "spokeswoman", "spokesperson": "spokesperson", "president": "president",
    "leader": "leader",
}

ROLE_PREFIXES: dict[str, str] = {
    "kreml": "Kremlin", "regierungs": "government", "außen": "foreign",
    "verteidigungs": "defence", "innen": "interior", "wirtschafts": "economy",
    "finanz": "finance", "kabinetts": "cabinet", "bundes": "federal", "premier": "prime",
    "staats": "state", "vize": "vice", "ex": "former", "militär": "military",
    "pentagon": "Pentagon", "partei": "party", "armee": "army",
}
# fmt: on

# city names that are also frequent words
AMBIGUOUS = frozenset(
    """
    Bergen Chad Essen Georgia Halle Hamm Jordan Mark Nice Reading Virginia Wladimir
    """.split()  # noqa: SIM905
)

# East Asian family names come first: bare 'Kim' abbreviates 'Kim Jong Un'
EAST_ASIAN_SURNAMES = frozenset(
    """
    Chang Chen Choe Choi Hu Jang Jiang Kim Lee Li Liu Moon Pak Park Ri Wang Xi Yoon Zhang
    """.split()  # noqa: SIM905
)

# boilerplate, weekdays, months and sentence-initial words the model tags in headings
STOP = frozenset(
    """
    A Am An Anzeige April Archiv August Bei Beim Berichten Bild Bilder Das Der Dezember Die Dienstag
    The Donnerstag Drucken Ein Eine Experten Februar Foto Fotos Freitag Für Grafik Home Im Januar
    Juli Juni Kommentar Kommentare Laut Lesen Live Mai Mehr Menü Mit Mittwoch Montag März Nach
    Newsletter November Oktober Quelle Quellen Reportern Samstag Seit September Sonntag
    Startseite Symbolbild Teilen Update Video Videos Vom Weiterlesen Werbung Zum Zur
    """.split()  # noqa: SIM905
) | frozenset(
    # closed-class words that open sentences and questions ('Wann Kim ...', 'And Moscow ...');
    # words that also start names ('Da Nang', 'East Timor', 'Will', 'May', 'Ob') stay out
    """
    Aber Alle Als Auch Auf Aus Beide Bis Dann Dass Dennoch Deshalb Diese Dieser Dieses Doch Durch
    Er Es Gegen Ihr Ihre Jede Jeder Jetzt Kein Keine Nun Nur Oder Ohne Sein Seine Sie Sowie Trotz
    Um Und Unter Warum Was Wann Wegen Weil Wenn Wer Wie Wir Wo Während Zudem Zwischen Über
    According After Also Although Among And As At Before Beyond But By Despite During Each Even
    Every For From However If In Its It Meanwhile Most Not Of On Only Or Our She Since Some
    Such That Their Then There These They This Those Though Under Until We What When Where
    Whether Which While Who Why With Without Yet
    January February March June July October December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Après Avant Avec Cette Ces Dans Depuis Elle Lors Mais Nous Par Pendant Pour
    Quand Selon Sur Les Une Des Au Aux
    СМИ ВВП ДТП ЧП
    """.split()  # noqa: SIM905
)

# lowercase words allowed inside a name ('Bank of America', 'Ursula von der Leyen')
JOINERS = frozenset(
    """
    al and bin da de del di du for ibn la le of the van von
    """.split()  # noqa: SIM905
)

# a capitalised word right after these is a place ('Kosmodrom Wostotschny')
PLACE_CUES = frozenset(
    """
    Bahnhof Dorf Flughafen Flugplatz Fluss Grenzstadt Hafenstadt Hauptstadt Insel Kosmodrom
    Küstenstadt Luftwaffenstützpunkt Militärflugplatz Oblast Provinz Region Stadt
    Weltraumbahnhof
    cosmodrome fleuve port province région rivière village ville île
    """.split()  # noqa: SIM905
)

# English role nouns in front of a name ("Kremlin spokesman Dmitry Peskov")
ENGLISH_ROLES = frozenset(
    """
    spokesman spokeswoman spokesperson president minister leader chancellor adviser advisor
    ambassador general secretary chairman chairwoman premier envoy official analyst
    """.split()  # noqa: SIM905
)

# English titles before a name ('President Vladimir Putin', 'Mr Kirby'); cut off the name
EN_TITLES = frozenset(
    """
    Adm. Admiral Agent Ambassador Archbishop Bishop CEO COO Capt. Captain Cardinal Chairman
    Chairwoman Chancellor Chief Coach Col. Colonel Commander Cpl. Deputy Detective Dr Dr. Emir
    Gen. General Gov. Governor Inspector Judge Justice King Lieutenant Lt. Marshal Mayor
    Minister Mr Mr. Mrs Mrs. Ms Ms. Officer Pope Premier President Prince Princess Prof.
    Professor Prosecutor Queen Rep. Rev. Secretary Sen. Senator Sergeant Sgt. Sheikh Sheriff
    Sir Spokesman Spokeswoman Superintendent Trooper
    """.split()  # noqa: SIM905
)

# lowercase role nouns right before a name ('spokesman Dmitry Peskov', 'actor Tom Hanks')
EN_ROLE_CUES = ENGLISH_ROLES | frozenset(
    """
    actor actress attorney author coach commander correspondent designer detective director
    founder governor judge lawyer mayor officer player prosecutor rapper reporter senator
    sheriff singer star suspect victim writer
    """.split()  # noqa: SIM905
)

# generic place heads a name can drop when linking ('Vostochny Cosmodrome' = 'Wostotschny')
GENERIC_PLACE_HEADS = frozenset(
    """
    Cosmodrome Cosmodrom Kosmodrom Island Insel River Fluss Peninsula Halbinsel Region Oblast
    """.split()  # noqa: SIM905
)

# head words that type a capitalised run ('Pacific Fleet' ORG, 'Russky Island' LOC)
EN_ORG_HEADS = frozenset(
    """
    Agency Airlines Army Assembly Association Bank Board Bureau Cabinet Center Centre Club
    Coalition College Command Forum Commission Committee Company Congress Corp Corp. Corporation
    Council Court Department Division Federation Fleet Forces Foundation Front Government
    Group Guard Inc Inc. Institute League Ltd Media Ministry Navy Network News Office
    Nations Organisation Organization Parliament Party Police Press Service Society Staff Times
    Union
    University
    """.split()  # noqa: SIM905
)
EN_LOC_HEADS = frozenset(
    """
    Airport Avenue Basin Bay Bridge Canal Coast Cosmodrome County Desert District Gulf Harbour
    Harbor Highway Hills Island Islands Lake Mountain Mountains Ocean Oblast Palace Park
    Peninsula Plaza Port Province Region Republic River Road Sea Square Station Strait Street
    Valley
    """.split()  # noqa: SIM905
)

# exonyms of landmarks, institutions, seas and eras that no city gazetteer lists: one canonical
# (English) name for the German, French and English spellings ('Kreml' = 'Kremlin')
# fmt: off
EXONYMS: dict[str, str] = {
    "Kreml": "Kremlin", "Kremlin": "Kremlin",
    "Weißes Haus": "White House", "Maison-Blanche": "White House",
    "Maison Blanche": "White House", "White House": "White House",
    "Élysée": "Élysée Palace", "Élysée-Palast": "Élysée Palace", "Elysée-Palast": "Élysée Palace",
    "Pentagone": "Pentagon", "Pentagon": "Pentagon", "Vatikan": "Vatican", "Vatican": "Vatican",
    "Roter Platz": "Red Square", "Place Rouge": "Red Square", "Red Square": "Red Square",
    "Sowjetunion": "Soviet Union", "UdSSR": "Soviet Union", "URSS": "Soviet Union",
    "Union soviétique": "Soviet Union", "USSR": "Soviet Union", "Soviet Union": "Soviet Union",
    "Schwarzes Meer": "Black Sea", "mer Noire": "Black Sea", "Black Sea": "Black Sea",
    "Ostsee": "Baltic Sea", "mer Baltique": "Baltic Sea", "Baltic Sea": "Baltic Sea",
    "Japanisches Meer": "Sea of Japan", "mer du Japon": "Sea of Japan",
    "Sea of Japan": "Sea of Japan", "Ostmeer": "Sea of Japan",
    "Pazifik": "Pacific", "Pazifischer Ozean": "Pacific", "Pacifique": "Pacific",
    "Pacific": "Pacific", "Pacific Ocean": "Pacific", "Atlantik": "Atlantic",
    "Atlantique": "Atlantic", "Atlantic": "Atlantic", "Mittelmeer": "Mediterranean",
    "Méditerranée": "Mediterranean", "Mediterranean": "Mediterranean",
    "Donau": "Danube", "Danube": "Danube", "Dnjepr": "Dnipro", "Dnepr": "Dnipro",
    "Dnieper": "Dnipro", "Dnipro": "Dnipro",
    "Kalter Krieg": "Cold War", "Guerre froide": "Cold War", "Cold War": "Cold War",
    "Zweiter Weltkrieg": "World War II", "Seconde Guerre mondiale": "World War II",
    "Second World War": "World War II", "World War II": "World War II",
    "Erster Weltkrieg": "World War I", "Première Guerre mondiale": "World War I",
    "First World War": "World War I", "World War I": "World War I",
    "Koreakrieg": "Korean War", "guerre de Corée": "Korean War", "Korean War": "Korean War",
}
# fmt: on
