"""Quotes stage with entity mentions (round 6): speaker choice and names when the entities
stage ran first. Mentions are built by hand on our own sentences, so these tests do not
depend on the NER model's current output."""

from __future__ import annotations

from chronik.model import Mention, Quote
from chronik.stages.quotes import extract_quotes
from chronik.stages.quotes.mentions import head_mention, is_subject, org_gender
from chronik.stages.quotes.speakers import np_after


def _m(text: str, name: str, typ: str = "PER", nth: int = 0, **kw: str) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(start=start, end=start + len(name), text=name, type=typ, **kw)


def _find(text: str, snippet: str, mentions: tuple[Mention, ...] = ()) -> Quote:
    quotes = extract_quotes(text, "de", mentions=mentions)
    return next(q for q in quotes if snippet in q.text)


def test_pronoun_takes_the_last_speaker_not_the_last_person_named() -> None:
    # Tom Ross is mentioned last, but only as an object; "Er" continues Jan Berg's words
    text = (
        "Regierungssprecher Jan Berg sagte, die Ministerin werde Tom Ross am Freitag "
        "empfangen. Er fügte hinzu, dass das Treffen mehrere Stunden dauern werde."
    )
    ments = (_m(text, "Jan Berg", role="Regierungssprecher"), _m(text, "Tom Ross"))
    q = _find(text, "mehrere Stunden", ments)
    assert q.speaker_text == "Er"
    assert q.speaker_name == "Jan Berg"


def test_plural_sie_resolves_to_an_organisation() -> None:
    text = (
        "Tom Ross kritisierte am Montag die Stadtwerke Kleinau scharf. Sie erklärten "
        "daraufhin, die Preise seien angemessen."
    )
    ments = (_m(text, "Tom Ross"), _m(text, "Stadtwerke Kleinau", "ORG"))
    assert _find(text, "Preise", ments).speaker_name == "Stadtwerke Kleinau"
    assert org_gender(text, ments[1]) == "pl"
    # without mentions there is no agreeing named subject to take
    assert _find(text, "Preise").speaker_name is None


def test_bare_surname_takes_the_full_name_of_its_entity() -> None:
    text = "Die Feier dauerte lange. „Wir sind sehr zufrieden“, sagte Kranich am Abend."
    ments = (_m(text, "Kranich", canonical="Ulla Kranich"),)
    assert _find(text, "zufrieden", ments).speaker_name == "Ulla Kranich"


def test_role_noun_resolves_to_the_person_holding_that_role() -> None:
    text = (
        "Jan Berg, Sprecher der Stadt, besuchte am Morgen die Baustelle. "
        "„Wir liegen gut im Zeitplan“, sagte der Sprecher."
    )
    ments = (_m(text, "Jan Berg", role="Sprecher"), _m(text, "Stadt", "ORG"))
    assert _find(text, "Zeitplan", ments).speaker_name == "Jan Berg"


def test_indefinite_role_is_someone_new_not_the_last_speaker() -> None:
    text = (
        "„Die Straße bleibt gesperrt“, sagte Bürgermeister Jan Berg. "
        "„Wir ermitteln in alle Richtungen“, sagte ein Sprecher der Polizei."
    )
    assert _find(text, "Richtungen").speaker_name != "Jan Berg"


def test_no_subject_noun_phrase_falls_back_to_an_entity_mention() -> None:
    text = "Dazu erklärte bell hooks, die Pläne seien völlig falsch."
    assert extract_quotes(text, "de") == []  # the reader sees no name in "bell hooks"
    q = _find(text, "Pläne", (_m(text, "bell hooks"),))
    assert (q.speaker_text, q.speaker_name) == ("bell hooks", "bell hooks")


def test_known_common_noun_alone_is_no_name_unless_a_mention_covers_it() -> None:
    text = "Demonstranten sagten, die Polizei habe zu spät eingegriffen."
    sp = np_after(text, 0, len(text))
    assert sp is not None and sp.text == "Demonstranten" and sp.name is None
    text = "Kowalczyk sagte, die Polizei habe zu spät eingegriffen."
    sp = np_after(text, 0, len(text))
    assert sp is not None and sp.name == "Kowalczyk"  # an unknown word may be a surname


def test_common_noun_subject_loses_to_the_speaking_noun_phrase() -> None:
    # "Bedenken" inside marks after the verb is the object; "die Richter" speak
    text = (
        "Im Urteil äußerten die Richter „erhebliche rechtliche Bedenken“ gegen das Gesetz "
        "und verwiesen auf fehlende Grundlagen."
    )
    q = _find(text, "Bedenken")
    assert q.speaker_text == "die Richter"


def test_head_mention_skips_a_genitive_person_but_not_a_source() -> None:
    text = "Der behandelnde Arzt Müllers sagte, die Verletzung heile gut."
    m = _m(text, "Müllers", canonical="Tom Müller")
    assert head_mention(text, 0, text.index(" sagte"), (m,)) is None
    text = "Nach Angaben des Vereins Nordlicht sei das Fest abgesagt."
    m = _m(text, "Vereins Nordlicht", "ORG")
    assert head_mention(text, 5, text.index(" sei"), (m,)) == m


def test_mention_cut_inside_a_word_is_completed() -> None:
    text = "„Das war knapp“, sagte Mark O’Neill nach der Landung."
    m = _m(text, "Mark O")
    assert _find(text, "knapp", (m,)).speaker_name == "Mark O’Neill"


def test_subject_position_behind_a_cue_verb_and_a_title() -> None:
    text = (
        "Lukas Brand und Tim Roth trafen für die Gäste. Wir sind raus, sagte Mexikos "
        "Trainer Jan Ott, der Lukas Brand lobte."
    )
    assert is_subject(text, _m(text, "Jan Ott"))  # after "sagte" + two title words
    assert is_subject(text, _m(text, "Lukas Brand"))  # opens its sentence
    assert not is_subject(text, _m(text, "Tim Roth"))  # second conjunct
    assert not is_subject(text, _m(text, "Lukas Brand", nth=1))  # object in a relative clause


def test_a_name_inside_the_quote_does_not_displace_its_speaker() -> None:
    # Tim Roth opens a sentence inside the quote; the pronoun after it is its speaker's
    text = (
        "„Wir waren müde. Tim Roth hat uns gerettet“, sagte Trainer Jan Ott nach dem Spiel. "
        "Er fügte hinzu, dass die Mannschaft bald Urlaub brauche."
    )
    ments = (_m(text, "Tim Roth"), _m(text, "Jan Ott"))
    assert _find(text, "Urlaub", ments).speaker_name == "Jan Ott"
