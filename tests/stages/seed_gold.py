"""Hand-checked seed quotes and quantities (own judgement; short snippets only, no seed text).

Quotes: (seed file prefix, snippet inside the quote, expected speaker word, kind or None).
Quantities: (seed file prefix, snippet inside the quantity text, value, canonical unit).
"""

from __future__ import annotations

SEED_QUOTES: list[tuple[str, str, str, str | None]] = [
    ("000", "in den kommenden Tagen", "Kreml", None),
    ("000", "Putin und Kim würden ihre Delegationen", "Peskow", None),
    ("000", "Putin ein offizielles Abendessen", "Peskow", "indirect"),
    ("000", "Der Schwerpunkt der Gespräche werde", "Peskow", "indirect"),
    ("000", "Wie alle unsere Nachbarn", "Peskow", "direct"),
    ("000", "die Staats- und Regierungschefs würden", "KCNA", "indirect"),
    ("000", "der Zug habe wahrscheinlich", "Chosun", "indirect"),
    ("000", "Kim sei möglicherweise in seinem", "Kyodo", "indirect"),
    ("000", "Es wird erwartet, dass die Waffengespräche", "Watson", "direct"),
    ("000", "Wir fordern die Demokratische", "Watson", "direct"),
    ("000", "Washington werde das Treffen genau", "Miller", None),
    ("000", "jeder Waffentransfer von Nordkorea", "Miller", None),
    ("000", "möglicherweise die beste und möglicherweise", "Finer", None),
    ("000", "Wir haben ernsthafte Bedenken", "Finer", "direct"),
    ("001", "Das Treffen soll jedoch in einem anderen", "Peskow", "indirect"),
    ("001", "sensible", "Peskow", None),
    ("001", "könnte es bei dem Treffen zwischen", "Experten", "indirect"),
    ("001", "Die Hauptsorge der russischen Regierung", "Lankow", "direct"),
    ("001", "werde die Wahrscheinlichkeit eines", "Cheong", "indirect"),
    ("002", "Wir sehen, dass Russland verzweifelt", "Blinken", "direct"),
    ("002", "Wie wir öffentlich gewarnt haben", "Watson", "direct"),
    ("002", "die Vereinigten Staaten seien besorgt", "Kirby", None),
    ("002", "Kim werde von Pjöngjang aus", "New York Times", "indirect"),
    ("003", "Genau deshalb sind wir hierher", "Putin", "direct"),
    ("003", "Der Führer Nordkoreas zeigt", "Putin", "direct"),
    ("003", "Wir werden unsere neuen Objekte", "Putin", "direct"),
    ("003", "Wir werden alle Themen ohne Eile", "Putin", "direct"),
    ("003", "wirtschaftliche Zusammenarbeit, humanitäre", "Putin", None),
    ("003", "die volle und bedingungslose", "Kim", None),
    ("003", "Und dass ich an vorderster Front", "Kim", "direct"),
    ("003", "es gebe keine Pläne, Dokumente", "Peskow", "indirect"),
    ("003", "Das gesamte Spektrum der Beziehungen", "Peskow", "direct"),
    ("003", "Auch heute sind wir bestrebt", "Putin", "direct"),
    ("003", "Nordkorea ist unser enger Nachbar", "Peskow", "direct"),
    ("003", "Und trotz aller Kommentare von außen", "Peskow", "direct"),
    ("003", "ziemlich bedeutsam", "Bolton", None),
    ("003", "zeigen, dass das Militär mit", "Easley", None),
    ("003", "Es ist auch bemerkenswert", "Easley", "direct"),
    ("003", "eine bemerkenswerte Entwicklung", "Panda", None),
    ("003", "Ab 2019 begann Kim", "Panda", "direct"),
    ("003", "Dies geschieht außerdem zu einer Zeit", "Panda", "direct"),
    ("004", "sehr reichhaltig", "Uschakow", None),
    ("004", "dass die Vereinbarung aggressiv", "Uschakow", "indirect"),
    ("004", "Was wir besorgt sind", "Kirby", "direct"),
    ("004", "Unser Volk steht fest", "Kim", "direct"),
    ("004", "bereit, den Westen seiner", "Putin", None),
    ("004", "Möglichkeiten der Entwicklung", "Kreml", None),
]

SEED_QUANTITIES: list[tuple[str, str, float, str]] = [
    ("000", "425 Meilen (680 Kilometer)", 680.0, "km"),
    ("000", "17 Monaten", 17 * 730.5, "h"),
    ("000", "mehr als drei Jahre", 3 * 8766.0, "h"),
    ("001", "1.200 Kilometer", 1200.0, "km"),
    ("001", "mindestens 20 Stunden", 20.0, "h"),
    ("001", "etwa 60 km/h", 60.0, "km/h"),
    ("001", "Sonderzug mit 60 km/h", 60.0, "km/h"),
    ("003", "zwei ballistische Kurzstreckenraketen", 2.0, "count"),
    ("003", "etwa 650 Kilometern", 650.0, "km"),
    ("003", "vier Stunden", 4.0, "h"),
    ("003", "18 Monaten", 18 * 730.5, "h"),
    ("004", "6.700 Container", 6700.0, "count"),
    ("004", "3 Millionen Stück 152 mm Artilleriegranaten", 3e6, "count"),
    ("004", "500.000 Stück 122 mm Mehrfachraketen", 5e5, "count"),
    ("004", "50-Milliarden-Dollar", 5e10, "USD"),
    ("004", "über 100 Länder", 100.0, "count"),
    ("004", "zwei Wochen", 336.0, "h"),
    ("004", "vier teilweise besetzten Regionen", 4.0, "count"),
    ("004", "zwei Jahrzehnten", 2 * 87660.0, "h"),
]


def _locate(texts: dict[str, str], prefix: str, snippet: str) -> tuple[str, int, int] | None:
    for name, text in texts.items():
        if name.startswith(prefix) and snippet in text:
            i = text.index(snippet)
            return name, i, i + len(snippet)
    return None


def score_quotes(texts: dict[str, str], found: dict[str, list]) -> dict[str, float]:  # type: ignore[type-arg]
    """Recall (quote found), speaker accuracy (on found), and speaker-correct recall."""
    hit = ok = 0
    for prefix, snippet, speaker, _kind in SEED_QUOTES:
        loc = _locate(texts, prefix, snippet)
        if loc is None:
            continue
        name, s, e = loc
        qs = [q for q in found[name] if q.start <= s and e <= q.end]
        if not qs:
            continue
        hit += 1
        q = min(qs, key=lambda q: q.end - q.start)
        ok += int(speaker in f"{q.speaker_name} {q.speaker_text}")
    n = len(SEED_QUOTES)
    return {"n": n, "recall": hit / n, "speaker_acc": ok / max(hit, 1), "attributed_recall": ok / n}


def score_quantities(texts: dict[str, str], found: dict[str, list]) -> dict[str, float]:  # type: ignore[type-arg]
    """Recall with value and unit right, and precision over everything extracted."""
    matched: set[tuple[str, int]] = set()
    ok = 0
    for prefix, snippet, value, unit in SEED_QUANTITIES:
        loc = _locate(texts, prefix, snippet)
        if loc is None:
            continue
        name, s, e = loc
        for q in found[name]:
            if q.start < e and s < q.end:
                matched.add((name, q.start))
                ok += int(q.unit == unit and abs((q.value or 0) - value) <= 1e-6 * max(value, 1))
                break
    total = sum(len(v) for v in found.values())
    return {
        "n": len(SEED_QUANTITIES),
        "recall": ok / len(SEED_QUANTITIES),
        "precision": len(matched) / max(total, 1),
        "extracted": total,
    }
