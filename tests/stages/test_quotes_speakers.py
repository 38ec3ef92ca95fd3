"""Quotes stage, speaker choice (round 5): one own sentence per rule, each checking the speaker
mention that the German syntax ties to the cue."""

from __future__ import annotations

import pytest

from chronik.model import Quote
from chronik.stages.quotes import extract_quotes


def _find(text: str, snippet: str) -> Quote:
    quotes = extract_quotes(text, "de")
    return next(q for q in quotes if snippet in q.text)


def test_past_tense_verb_is_no_adjective_inside_a_skipped_phrase() -> None:
    # "brachte" ends like an adjective; it must not swallow the subject after it
    text = (
        "Den Ärger der Partei über die Pläne brachte die wirtschaftspolitische Sprecherin "
        "der Fraktion, Ute Brand, zum Ausdruck: „Wir lehnen das ab, und zwar geschlossen.“"
    )
    assert "Sprecherin" in (_find(text, "geschlossen").speaker_text or "")


def test_numerals_and_nominalised_ages_stay_inside_the_noun_phrase() -> None:
    text = "Vertreter der drei Verbände erwarten eine lange Prüfung, weil die Akten fehlen würden."
    assert _find(text, "Akten").speaker_text == "Vertreter der drei Verbände"
    text = "Am Montag sagte der 67-jährige, dass der Hund gebellt habe."
    assert _find(text, "Hund").speaker_text == "der 67-jährige"


def test_name_particles_are_names() -> None:
    text = "Später sei laut al-Hamadi die Lieferung eingetroffen."
    assert _find(text, "Lieferung").speaker_name == "al-Hamadi"


def test_comma_before_a_direct_quote_after_a_cue() -> None:
    text = "Die Feuerwehr betonte erneut, „Es besteht keine Gefahr für die Anwohner.“"
    q = _find(text, "keine Gefahr")
    assert q.type == "direct" and q.speaker_text == "Die Feuerwehr" and q.cue == "betonte"


def test_short_title_in_marks_does_not_block_the_cue() -> None:
    text = "Das Blatt „Nordkurier“ berichtet in seiner Ausgabe, dass der Bürgermeister zurücktrete."
    q = _find(text, "Bürgermeister")
    assert q.cue == "berichtet" and q.speaker_name == "Nordkurier"


def test_affiliation_in_parentheses_is_no_lead_subject() -> None:
    text = (
        "Die Politik der Regierung von Jana Roth (SPD) lobte er mit den Worten: "
        "„Sie handelt klug und ruhig, auch in der Krise.“"
    )
    assert _find(text, "klug").speaker_text == "er"


def test_fronted_institution_passes_its_words_to_free_indirect_speech() -> None:
    text = (
        "Das Umweltbundesamt sieht derzeit keine akute Gefahr für Menschen. "
        "Nur Landwirte, die Kontakt zu den Tieren hätten, seien besonders gefährdet."
    )
    assert _find(text, "Landwirte").speaker_text == "Das Umweltbundesamt"


def test_impersonal_cue_takes_the_source_before_or_after_it() -> None:
    text = (
        "In dem Jahresbericht, der am Montag ins Internet gestellt wurde, heißt es, "
        "die Zahl der Einbrüche sei gesunken."
    )
    assert _find(text, "Einbrüche").speaker_text == "dem Jahresbericht"
    text = "Der Zug sei voll besetzt gewesen, hieß es am Abend aus dem Verkehrsministerium."
    assert _find(text, "Zug").speaker_text == "dem Verkehrsministerium"
    text = "„Der Zug war voll besetzt“, hieß es aus Bahnkreisen."
    assert _find(text, "voll besetzt").speaker_text == "Bahnkreisen"


def test_short_lead_without_a_name_before_the_colon() -> None:
    text = "Der Aufruf lautete: „Kommt alle zum Rathaus und bringt eure Nachbarn mit.“"
    assert _find(text, "Rathaus").speaker_text == "Der Aufruf"


def test_relative_pronoun_speaks_for_its_antecedent() -> None:
    text = "Der Vorstoß kam auf dem Gipfel von Norwegen, das forderte, die Fangquoten zu senken."
    q = _find(text, "Fangquoten")
    assert q.speaker_text == "das" and q.speaker_name == "Norwegen"
    text = "Der Antrag kam von der Fraktion der Grünen, die verlangte, die Gebühren zu senken."
    q = _find(text, "Gebühren")
    assert q.speaker_text == "die" and "Grünen" in (q.speaker_name or "")


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "Jan Ott ist der Meinung, dass die Steuer gesenkt werden müsse.",
            "ist der Meinung",
            "Jan Ott",
        ),
        (
            "Der Gouverneur sicherte den Bauern am Freitag zu, dass die Hilfen bald kämen.",
            "sicherte zu",
            "Der Gouverneur",
        ),
        (
            "Eine Sprecherin der Bahn schränkte das Angebot jedoch ein, dass nur Pendler es "
            "nutzen dürften.",
            "schränkte ein",
            "Eine Sprecherin der Bahn",
        ),
        (
            "Ute Brand zeigte sich am Montag zuversichtlich, dass der Streik bald ende.",
            "zeigte sich zuversichtlich",
            "Ute Brand",
        ),
        (
            "Zur Lage führt das Gutachten aus, dass der Damm dringend saniert werden müsse.",
            "führt aus",
            "das Gutachten",
        ),
    ],
)
def test_multiword_and_separable_cues(text: str, cue: str, speaker: str) -> None:
    q = _find(text, "d")
    assert q.cue == cue and q.speaker_text == speaker


def test_carried_out_is_no_speech_and_zu_needs_the_clause_end() -> None:
    assert extract_quotes("Die Truppe führte den Einsatz aus, die Lage bleibt ruhig.", "de") == []
    assert extract_quotes("Die Firma sichert sich das Recht zu klagen.", "de") == []


def test_fronted_subject_with_a_trailing_pp_attribute() -> None:
    text = (
        "Ein Sprecher der Stadtwerke in Kiel wies die Kritik der Mieter zurück, "
        "die Preise seien seit Jahren stabil."
    )
    q = _find(text, "Preise")
    assert q.speaker_text == "Ein Sprecher der Stadtwerke"
    text = "Wie Jan Ott gegenüber der Zeitung bestätigte, wurde der Vertrag gekündigt."
    assert _find(text, "Vertrag").speaker_name == "Jan Ott"


def test_coordinated_names_and_coordinated_verbs_share_one_subject() -> None:
    text = "Die Verbände Pro Bahn, VCD und Greenpeace werfen Minister Jan Ott Untätigkeit vor."
    q = _find(text, "Untätigkeit")
    assert q.speaker_text == "Die Verbände Pro Bahn, VCD und Greenpeace"
    text = (
        "Ministerin Jana Roth will den Streit beenden, lädt beide Seiten ein und warnt vor "
        "voreiligen Schuldzuweisungen."
    )
    assert _find(text, "Schuldzuweisungen").speaker_name == "Jana Roth"


def test_second_part_of_a_split_quote_keeps_the_speaker() -> None:
    text = "„Wir bauen die Brücke“, so Eva Horn, „und zwar noch in diesem Jahr.“"
    assert _find(text, "noch in diesem").speaker_name == "Eva Horn"


def test_quote_after_a_sentence_about_a_named_person() -> None:
    text = (
        "Die Bürgermeisterin Eva Horn blieb hart. "
        "„Wir werden das Schwimmbad nicht schließen, egal was der Rat beschließt.“"
    )
    assert _find(text, "Schwimmbad").speaker_name == "Eva Horn"
    text = (
        "Aktuell bestehe keine Gefahr, weil das Virus nicht übertragbar sei. "
        "„Aber das Virus kann sich jederzeit verändern, und dann wird es ernst.“"
    )
    q = _find(text, "jederzeit")
    assert q.speaker_text != "Aktuell"


# round 6: general rules found by reading attributions on unlabelled news (10kGNAD)


def test_past_tense_verb_after_a_noun_does_not_extend_a_prepositional_phrase() -> None:
    text = (
        "Bei seinen Gesprächen verteidigte Kerry auch das Abkommen mit dem Iran. "
        "Es stehe völlig außer Frage, dass die Einigung richtig sei."
    )
    assert _find(text, "außer Frage").speaker_text == "Kerry"


def test_subject_inside_a_phrase_cue() -> None:
    text = (
        "In einer Pressekonferenz mit Ulla Shukri zeigte sich Tom Kerry optimistisch, "
        "dass sich die Beziehungen wieder verbessern würden."
    )
    assert _find(text, "Beziehungen").speaker_text == "Tom Kerry"


def test_sentence_initial_adverb_or_adjective_is_no_speaker() -> None:
    text = (
        "Skeptisch äußerte sich hingegen die Kanzlerin Eva Horn: Das Land werde vor einer "
        "Abstimmung nicht verhandeln."
    )
    assert _find(text, "verhandeln").speaker_text == "die Kanzlerin Eva Horn"


def test_dateline_is_no_speaker_and_a_trailing_time_is_no_part_of_it() -> None:
    text = "Linz – Präsident Jan Ott nennt eine Reform begrüßenswert. Sie sei lange fällig."
    assert _find(text, "fällig").speaker_text == "Präsident Jan Ott"
    text = "Die Lage sei ernst, so Ott Freitagabend via Aussendung."
    assert _find(text, "ernst").speaker_text == "Ott"
