"""Quote speakers as canonical entities, through the real stages (our own sentences)."""

from __future__ import annotations

from chronik.model import Article, Corpus
from chronik.stages import create
from chronik.stages.entities.link import LinkStage
from chronik.stages.quotes import extract_quotes

TEXT = (
    "Kremlsprecher Dmitri Peskow sagte am Montag, der Besuch werde bald stattfinden. "
    "„Wir bereiten alles vor“, sagte er. "
    "Putins Berater Juri Uschakow erklärte, die Gespräche seien vertraulich. "
    "Ein Sprecher des Kremls sagte, man äußere sich nicht zu Details."
)


def _analysed(text: str) -> Article:
    art = Article(id="a1", source="t", raw_text=text, text=text, language="de")
    for name in ("sentences", "entities", "quotes"):
        [art] = create(name)([art])
    [linked] = LinkStage()(Corpus(articles=[art])).articles
    return linked


def _entity_of(art: Article, surface: str) -> str | None:
    return next(m.entity_id for m in art.mentions if m.text == surface)


def test_speakers_point_at_their_linked_entities() -> None:
    art = _analysed(TEXT)
    peskow = _entity_of(art, "Dmitri Peskow")
    by_text = {q.text[:12]: q for q in art.quotes}
    first = next(q for q in art.quotes if q.text.startswith("der Besuch"))
    assert first.speaker_entity_id == peskow
    pronoun = next(q for t, q in by_text.items() if t.startswith("„Wir") or t.startswith("Wir"))
    assert pronoun.speaker_text == "er"
    assert pronoun.speaker_entity_id == peskow


def test_a_genitive_possessor_is_not_the_speaker() -> None:
    art = _analysed(TEXT)
    q = next(q for q in art.quotes if q.text.startswith("die Gespräche"))
    assert q.speaker_name == "Juri Uschakow"
    assert q.speaker_entity_id == _entity_of(art, "Juri Uschakow")


def test_an_indefinite_spokesman_is_nobody_named_before() -> None:
    art = _analysed(TEXT)
    q = next(q for q in art.quotes if q.text.startswith("man äußere"))
    assert q.speaker_name != "Dmitri Peskow"
    assert q.speaker_entity_id != _entity_of(art, "Dmitri Peskow")


def test_pronoun_after_a_conjunction_is_the_subject_of_a_verb_final_clause() -> None:
    text = (
        "Der Präsident lehnte den Plan am Vortag ab, indem er eigene Bedingungen vorschlug, "
        "darunter den Abzug aller Truppen aus drei Regionen und den Verzicht auf Bündnisse."
    )
    quotes = extract_quotes(text, "de")
    assert [q.speaker_text for q in quotes if q.cue == "vorschlug"] == ["er"]
