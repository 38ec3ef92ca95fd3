"""Round 11 rules on the project's own sentences: reported speech acts with a noun-phrase
object, content clauses of such acts, cues with their auxiliary, and the medium that relays
someone's words (active and passive "zitiert" agree)."""

from __future__ import annotations

from chronik.model import Quote
from chronik.stages.quotes import extract_quotes


def _find(text: str, part: str) -> Quote:
    quotes = extract_quotes(text, "de")
    hits = [q for q in quotes if part in q.text]
    assert hits, f"no quote with {part!r} in {[q.text for q in quotes]}"
    return hits[0]


def _none(text: str) -> None:
    assert extract_quotes(text, "de") == []


def test_perfect_tense_speech_act_is_reported_speech_of_its_subject() -> None:
    q = _find("Die Ministerin Eva Roth hat am Dienstag den Rückzug angekündigt.", "Rückzug")
    assert q.type == "reported" and q.speaker_name == "Eva Roth"
    q = _find("Der Verband Bau hatte die Pläne der Stadt im Mai scharf kritisiert.", "Pläne")
    assert q.type == "reported" and q.speaker_text == "Der Verband Bau"
    text = "Am Abend hatte der Wahlleiter eine Beteiligung von 61,4 Prozent bekannt gegeben."
    assert _find(text, "Beteiligung").speaker_text == "der Wahlleiter"


def test_participle_of_a_state_is_no_act() -> None:
    _none("Heute waren alle Bürger zur Wahl des neuen Rates aufgerufen.")


def test_naming_and_reflexive_complaints_are_acts_but_not_reflexive_naming() -> None:
    q = _find("Der Minister Jan Ott nannte den Vorschlag einen schlechten Witz.", "Witz")
    assert q.type == "reported" and q.speaker_name == "Jan Ott"
    q = _find("Die Anwohner beklagten sich über den Lärm der neuen Straße.", "Lärm")
    assert q.type == "reported" and q.speaker_text == "Die Anwohner"
    q = _find("Er bezeichnete es als den größten Fehler seiner Amtszeit.", "Fehler")
    assert q.type == "reported" and q.speaker_text == "Er"
    _none("Rosinenbomber nannte man die Flugzeuge der Luftbrücke.")
    _none("Der Kommissar Udo Kern sprach sich für eine schnelle Lösung aus.")


def test_act_with_its_object_before_a_comma_is_no_indirect_frame() -> None:
    text = (
        "Der Gewerkschaftschef Paul Berg sprach von einem schwarzen Tag, dennoch bleibt es ruhig."
    )
    q = _find(text, "schwarzen Tag")
    assert q.type == "reported" and q.text.startswith("Der Gewerkschaftschef")
    text = "Eine Sprecherin der Feuerwehr sprach von 40 Bränden, die in der Nacht gelegt wurden."
    q = _find(text, "Bränden")
    assert q.type == "reported" and q.text.endswith("gelegt wurden")
    text = (
        "Der Bürgermeister Karl Brandt forderte alle Anwohner, welche schon zurückgekehrt "
        "waren, zum Verlassen der Häuser auf."
    )
    assert _find(text, "Verlassen").type == "reported"


def test_reported_clause_after_a_comma_stays_indirect() -> None:
    text = "Der Bürgermeister Karl Brandt sagte, die in der Nacht geräumten Häuser seien sicher."
    q = _find(text, "Häuser")
    assert q.type == "indirect" and q.text.startswith("die in der Nacht")
    text = "Die Stadt gab eine Quote von 61,4 Prozent an, die Zahl sei aber vorläufig."
    q = _find(text, "vorläufig")
    assert q.type == "indirect" and q.text == "die Zahl sei aber vorläufig"


def test_infinitive_content_of_an_accusation_is_an_indirect_quote() -> None:
    q = _find("Die Opposition wirft der Regierung vor, die Zahlen geschönt zu haben.", "Zahlen")
    assert q.type == "indirect" and q.cue == "wirft vor"
    assert q.text == "die Zahlen geschönt zu haben" and q.speaker_text == "Die Opposition"


def test_konjunktiv_perfect_is_no_act_of_its_subject() -> None:
    q = _find("Kim habe Schoigu um einen Besuch gebeten, sagte ein Beamter.", "Schoigu")
    assert q.type == "indirect" and q.speaker_text == "ein Beamter"


def test_participle_cue_keeps_its_auxiliary() -> None:
    q = _find("Die Polizei hat am Montag erklärt, der Täter sei gefasst worden.", "Täter")
    assert q.cue == "hat erklärt"
    q = _find("Die Polizei erklärt, der Täter sei gefasst worden.", "Täter")
    assert q.cue == "erklärt"


def test_active_and_passive_quotation_give_the_same_speaker_and_medium() -> None:
    active = "Die Agentur dpa zitierte Ministerin Eva Roth mit den Worten, man sei vorbereitet."
    passive = (
        "Ministerin Eva Roth wurde von der Agentur dpa mit den Worten zitiert, man sei bereit."
    )
    for text in (active, passive):
        q = _find(text, "man sei")
        assert (q.speaker_name, q.medium) == ("Eva Roth", "dpa")
    text = "„Das ist ein Skandal“, zitiert die Zeitung Le Monde den Bürgermeister Paul Martin."
    q = _find(text, "Skandal")
    assert q.speaker_name == "Paul Martin" and q.medium == "Le Monde"
    text = "„Wir geben nicht nach“, wird Minister Jan Ott von der Agentur Nordpress zitiert."
    q = _find(text, "nicht nach")
    assert q.speaker_text == "Minister Jan Ott" and "Nordpress" in (q.medium or "")


def test_quoted_pronoun_refers_to_someone_before_the_medium() -> None:
    text = (
        "Minister Jan Ott kam am Morgen nach Berlin. Die Zeitung Nordkurier zitiert ihn mit "
        "den Worten: „Wir geben nicht auf.“"
    )
    q = _find(text, "nicht auf")
    assert q.speaker_name == "Jan Ott" and q.medium == "Nordkurier"


def test_plain_speech_has_no_medium() -> None:
    q = _find("„Wir geben nicht auf“, sagte Minister Jan Ott.", "nicht auf")
    assert q.medium is None and q.speaker_name == "Jan Ott"


def test_seed_agency_quoting_officials_is_the_medium(seed_texts: dict[str, str]) -> None:
    name = next(n for n in seed_texts if n.startswith("000"))
    quotes = extract_quotes(seed_texts[name], "de")
    q = next(q for q in quotes if "Kim sei möglicherweise" in q.text)
    assert "Beamte" in (q.speaker_text or "") and q.medium == "Kyodo"


def test_stated_views_with_their_object_are_reported() -> None:
    q = _find("Die Gewerkschaft sieht darin einen Angriff auf das Streikrecht.", "Angriff")
    assert q.type == "reported" and q.speaker_text == "Die Gewerkschaft"
    q = _find("Die Regierung hält den Plan der Opposition für falsch.", "Plan")
    assert q.type == "reported" and q.speaker_text == "Die Regierung"
    q = _find("Die Polizei rechnet mit langen Staus bis zum Abend.", "Staus")
    assert q.type == "reported" and q.speaker_text == "Die Polizei"
    _none("Der Sturm hat sich wie erwartet abgeschwächt.")
    _none("Ein DNA-Test bestätigte die Identität des Toten.")


def test_fronted_object_or_agent_of_an_act() -> None:
    q = _find(
        "Dagegen protestierte auch der Mieterbund, der darin einen Wortbruch sah.", "Wortbruch"
    )
    assert q.type == "reported" and q.speaker_text == "der Mieterbund"
    q = _find("Von der Stadtverwaltung wurde der Vorschlag als Fortschritt begrüßt.", "Vorschlag")
    assert q.type == "reported" and q.speaker_text == "der Stadtverwaltung"


def test_possessive_object_after_the_auxiliary_is_no_speaker() -> None:
    text = (
        "Der Ministerpräsident, der die Geschäfte an seinen Stellvertreter übergeben hatte, "
        "hat nun seine Rückkehr in die Politik angekündigt."
    )
    q = _find(text, "Rückkehr")
    assert (q.speaker_text or "").startswith("Der Ministerpräsident")
    q = _find("Die Ministerin Eva Roth hat nun ihre Rückkehr angekündigt.", "Rückkehr")
    assert q.speaker_name == "Eva Roth"


def test_hearsay_sollen_continues_the_last_source() -> None:
    text = (
        "„Der Mann war bewaffnet“, sagte ein Sprecher der Polizei. "
        "Er soll zuvor zwei Geschäfte überfallen haben."
    )
    q = _find(text, "überfallen")
    assert q.type == "reported" and q.speaker_text == "ein Sprecher der Polizei"
    _none("Der Mann soll zuvor zwei Geschäfte überfallen haben.")  # no source to continue
    text = "„Wir bauen“, sagte Eva Roth. Die Brücke soll im Mai fertig werden."
    assert [q.type for q in extract_quotes(text, "de")] == ["direct"]  # a plan, no hearsay
