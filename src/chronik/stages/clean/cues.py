"""Keyword cues for scraped boilerplate in DE/EN/FR/ES/IT (plus a few RU), by reason.

Cues are generic web-page furniture (related-link headers, comment forms, share bars,
cookie notices, credits), never phrases of particular articles. Three strengths:
`WHOLE` cues must be the entire line (single words like "Kommentare" are only boilerplate
alone), `PREFIX` cues must start a short line, `PHRASE` cues are distinctive enough to
match anywhere in a short line.
"""

from __future__ import annotations

import re


def _cues(spec: str) -> tuple[str, ...]:
    """Cue tables are written compactly as "a|b|c" strings."""
    return tuple(spec.split("|"))


RELATED = "boilerplate:related-links"
POPULAR = "boilerplate:most-popular"
COMMENTS = "boilerplate:comment-form"
NEWSLETTER = "boilerplate:newsletter"
COOKIE = "boilerplate:cookie"
SHARE = "boilerplate:share"
AD = "boilerplate:advertisement"
COPYRIGHT = "boilerplate:copyright"
LIVE = "boilerplate:live-notice"
NAVIGATION = "navigation"
VIDEO = "video-blurb"
PHOTO = "photo-credit"
CAPTION = "photo-caption"
TAGS = "section-tags"

# Reasons whose marker line opens a block of boilerplate that runs to the article's end.
TAIL_REASONS = frozenset({RELATED, POPULAR, COMMENTS, NEWSLETTER, COPYRIGHT, "contributors"})
# Reasons whose marker line introduces a list of teaser headlines below it.
LIST_REASONS = frozenset({RELATED, POPULAR})

WHOLE: dict[str, tuple[str, ...]] = {
    RELATED: _cues(
        "lesen sie auch|lesen sie mehr|mehr zum thema|mehr dazu|auch interessant|"
        "das könnte sie auch interessieren|weitere artikel|verwandte artikel|siehe auch|"
        "empfohlene artikel|see also|related|related posts|related articles|related stories|"
        "read more|read also|more on this story|you may also like|recommended|lire aussi|"
        "à lire aussi|voir aussi|sur le même sujet|lee también|leer más|te puede interesar|"
        "noticias relacionadas|leggi anche|potrebbe interessarti|articoli correlati|читайте также|"
        "по теме|aktuelles|weitere nachrichten|latest news|neueste artikel|top stories|"
        "more stories"
    ),
    POPULAR: _cues(
        "most popular|most read|meistgelesen|meistgelesene artikel|am meisten gelesen|beliebt|"
        "beliebte artikel|top-artikel|les plus lus|lo más leído|lo más visto|più letti|"
        "i più letti|trending|популярное"
    ),
    COMMENTS: _cues(
        "kommentar|kommentare|kommentieren|kommentar schreiben|kommentar abschicken|leave a reply|"
        "leave a comment|comments|comment|post comment|add a comment|name|e-mail|email|website|"
        "laisser un commentaire|commentaires|commenter|deja un comentario|comentarios|"
        "lascia un commento|commenti|комментарии|diskutieren sie mit"
    ),
    NEWSLETTER: _cues(
        "newsletter|subscribe|abonnieren|jetzt abonnieren|sign up|kostenlos anmelden|je m'inscris|"
        "je m’inscris|s'abonner|s’abonner|suscríbete|iscriviti"
    ),
    SHARE: _cues(
        "teilen|artikel teilen|share|share this|share this article|tweet|facebook|twitter|"
        "whatsapp|drucken|print|link kopieren|copy link|partager|compartir|condividi|поделиться|"
        "email this article|envoyer par e-mail|envoyer par email|per e-mail senden|send by email|"
        "enviar por correo|invia per email"
    ),
    NAVIGATION: _cues(
        "zum inhalt|zum inhalt springen|skip to content|skip to main content|menü|menu|startseite|"
        "home|navigation|suche|search|login|anmelden|registrieren|zurück|weiter|back to top|"
        "nach oben|accueil|inicio|aller au contenu|ir al contenido|vai al contenuto|impressum|"
        "datenschutz|agb|kontakt|about us|terms of use|privacy policy|mentions légales|"
        "nous contacter|contact the newsroom|cookie-einstellungen|cookie settings"
    ),
    AD: _cues("anzeige|werbung|advertisement|sponsored|publicité|publicidad"),
    VIDEO: _cues("video|videos|play video|video abspielen|anhören|podcast"),
    COOKIE: _cues(
        "alle akzeptieren|accept all|accept all cookies|einstellungen verwalten|"
        "manage preferences|tout accepter|continuer sans accepter|gérer les cookies|"
        "paramétrer les cookies|aceptar|accetta"
    ),
}

PREFIX: dict[str, tuple[str, ...]] = {
    RELATED: tuple(c for c in WHOLE[RELATED] if " " in c or c in ("related", "lire", "читайте")),
    POPULAR: _cues("beliebt bei|most popular|meistgelesen"),
    SHARE: _cues(
        "teilen auf|share on|share this|partager sur|partager :|partager:|compartir en|"
        "condividi su|поделиться"
    ),
    TAGS: _cues("tags|tag|schlagwörter|schlagworte|themen|mots-clés|etiquetas|теги"),
    PHOTO: _cues(
        "foto|fotos|bild|bildquelle|photo|photos|image|credit|crédit photo|foto di|фото|"
        "archivbild|©|(c)"
    ),
    VIDEO: _cues(
        "video|sehen sie|hören sie|schauen sie|watch|listen|regardez|écoutez|mira|escucha|guarda|"
        "ascolta|смотрите"
    ),
    NEWSLETTER: _cues(
        "abonnez-vous|abonnieren sie|sign up for|subscribe to|subscribe from|melden sie sich an|"
        "подписывайтесь на|folgen sie uns|follow us|suivez-nous|síguenos|seguici|recevez chaque"
    ),
    LIVE: _cues(
        "dieser artikel wird laufend|this article is being updated|this story is developing|"
        "cet article est mis à jour"
    ),
}

PHRASE: dict[str, tuple[str, ...]] = {
    COMMENTS: _cues(
        "email address will not be published|required fields are marked|"
        "e-mail-adresse wird nicht veröffentlicht|erforderliche felder|save my name, email|"
        "votre adresse e-mail ne sera pas publiée"
    ),
    COOKIE: _cues(
        "verwenden cookies|use cookies|utilisent des cookies|utilise des cookies|"
        "utilizamos cookies|utilizziamo i cookie|privatsphäre ist uns wichtig|"
        "informationen auf ihrem gerät|cookie-einstellungen|cookie policy"
    ),
    COPYRIGHT: _cues(
        "alle rechte vorbehalten|all rights reserved|tous droits réservés|"
        "todos los derechos reservados|tutti i diritti riservati|все права защищены"
    ),
    NEWSLETTER: _cues(
        "newsletter|in your inbox|lettre d’information|lettre d'information|digital-abo"
    ),
}

_COUNT_RE = re.compile(r"^\(?\d+\)?\s+|\s+\(?\d+\)?$")
_TRIM = " :|•·-–—*>»›\"'“”„«"


def _core(lower: str) -> str:
    """The line without counts, bullets and trailing colons: "Kommentare (12):" -> "kommentare"."""
    return _COUNT_RE.sub("", lower.strip(_TRIM)).strip(_TRIM)


def _whole_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for reason, cues in WHOLE.items():
        for cue in cues:
            index.setdefault(cue, reason)
    return index


_WHOLE_INDEX = _whole_index()
_SEP = r"(?:\s*[:|»›\-–—]|\s{2,})"  # what must follow a one-word cue ("Foto:", "Tags |")


def _prefix_re(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Multi-word cues may be followed by a space or comma; one-word cues need a separator."""
    is_multi = [" " in c or c in ("©", "(c)") for c in cues]
    multi = [re.escape(c) for c, m in zip(cues, is_multi, strict=True) if m]
    single = [re.escape(c) for c, m in zip(cues, is_multi, strict=True) if not m]
    alts = []
    if multi:
        alts.append(
            "(?:" + "|".join(sorted(multi, key=len, reverse=True)) + r")(?:[\s,]|" + _SEP + ")"
        )
    if single:
        alts.append("(?:" + "|".join(sorted(single, key=len, reverse=True)) + ")" + _SEP)
    return re.compile("^(?:" + "|".join(alts) + ")")


_PREFIX_RE = {reason: _prefix_re(cues) for reason, cues in PREFIX.items()}


_COPYRIGHT_RE = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\b|.*\b(?:verlag|gmbh|ltd|inc)\b)"
)


def cue_reason(lower: str, tokens: int, terminal: bool = False) -> str | None:
    """The boilerplate reason a keyword cue gives this (case-folded) line, if any."""
    if tokens <= 8 and (core := _core(lower)) in _WHOLE_INDEX:
        return _WHOLE_INDEX[core]
    if tokens <= 25 and (_COPYRIGHT_RE.match(lower) or any(p in lower for p in PHRASE[COPYRIGHT])):
        return COPYRIGHT
    if tokens <= 30:
        for reason, rx in _PREFIX_RE.items():
            if rx.match(lower) and (reason != VIDEO or not terminal):
                return reason
    if tokens <= 25:
        for reason, phrases in PHRASE.items():
            if any(p in lower for p in phrases):
                return reason
    return None
