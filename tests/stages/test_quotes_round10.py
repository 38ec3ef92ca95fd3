"""Speaker rules of round 10, one per linguistic pattern, on the project's own sentences."""

from __future__ import annotations

from chronik.model import Quote
from chronik.stages.quotes import extract_quotes


def _find(text: str, part: str) -> Quote:
    quotes = extract_quotes(text, "de")
    hits = [q for q in quotes if part in q.text]
    assert hits, f"no quote with {part!r} in {[q.text for q in quotes]}"
    return hits[0]


def test_coordinated_cue_shares_the_first_subject_not_its_object() -> None:
    text = (
        "Der Sprecher der Grünen, Hans Meier, und Eva Roth, Sprecherin für Umwelt, sprachen "
        "von einem Skandal und forderten die Regierung auf, den Plan sofort zurückzuziehen."
    )
    q = _find(text, "zurückzuziehen")
    assert q.speaker_name == "Hans Meier" and "Regierung" not in (q.speaker_text or "")
    text = "Die Gewerkschaft wies die Pläne zurück und bezeichnete sie als einen groben Fehler."
    assert _find(text, "Fehler").speaker_text == "Die Gewerkschaft"


def test_second_cue_after_a_direct_quote_reports_the_same_speaker() -> None:
    text = "„Das geht so nicht“, sagte Hans Meier und fügte hinzu, man werde dagegen klagen."
    q = _find(text, "klagen")
    assert q.type == "indirect" and q.cue == "fügte hinzu" and q.speaker_name == "Hans Meier"


def test_perfect_auxiliary_after_a_quote_has_the_subject() -> None:
    text = (
        "„Wir brauchen mehr Geld für die Schulen“, hatte Bürgermeister Karl Brandt im "
        "Gespräch mit einer Zeitung erklärt."
    )
    q = _find(text, "Schulen")
    assert q.cue == "hatte erklärt" and q.speaker_name == "Karl Brandt"


def test_passive_quoted_subject_speaks_not_the_medium() -> None:
    text = (
        "Die Trainerin sprach nach dem Spiel. „Wir haben alles richtig gemacht und bleiben "
        "dabei“ wird die Trainerin in der Zeitung „Sportblatt“ zitiert."
    )
    assert _find(text, "richtig gemacht").speaker_text == "die Trainerin"


def test_verb_final_relative_clause_cue_speaks_through_its_pronoun() -> None:
    text = (
        "Neuer Leiter wird Oberrat Peter Lenz, der in einer ersten Rede vor dem Stadtrat "
        "betonte, er werde die Verwaltung modernisieren."
    )
    q = _find(text, "modernisieren")
    assert q.speaker_text == "der" and "Peter Lenz" in (q.speaker_name or "")
    # an article, not a relative pronoun: "…, die Regierung betonte" has its own subject
    text = "Am Montag tagte der Rat, die Regierung betonte, sie sei gesprächsbereit."
    assert _find(text, "gesprächsbereit").speaker_text != "die"


def test_impersonal_cue_with_the_source_after_it() -> None:
    text = (
        "Die Behörde verschickte einen Brief. So heißt es in dem Brief wörtlich: „Die "
        "Zahlung ist sofort fällig und wird nicht gestundet.“"
    )
    assert _find(text, "Zahlung").speaker_text == "dem Brief"


def test_definite_role_takes_the_last_speaker_only_if_the_gender_fits() -> None:
    text = "„Das geht nicht“, sagte Hans Meier. „Das ist alles“, sagte die Ministerin."
    assert _find(text, "alles").speaker_name is None  # "die Ministerin" is not Hans Meier
    text = "„Es war schwer“, sagte UN-Vertreter Toby Lanzer. „Es ist vorbei“, so der Mitarbeiter."
    assert _find(text, "vorbei").speaker_name == "Toby Lanzer"


def test_nobiliary_particles_belong_to_the_name() -> None:
    text = "Von der Leyen betonte, die Lage sei ernst. „Das ist gut“, sagte Richard von Weizsäcker."
    assert _find(text, "Lage").speaker_name == "Von der Leyen"
    assert _find(text, "gut").speaker_name == "Richard von Weizsäcker"
    text = "Von der Regierung hieß es, man prüfe alles."  # a noun after "von der": a PP
    assert _find(text, "prüfe").speaker_text == "der Regierung"


def test_konjunktiv_after_a_colon_reports_the_lead_subject() -> None:
    text = "Der Minister Hans Weber wurde deutlich: Die Reform sei ein Fehler von großem Ausmaß."
    q = _find(text, "Reform")
    assert q.type == "indirect" and q.speaker_name == "Hans Weber"
    text = "Das Wetter war schlecht: Es regnete den ganzen Tag über in der Stadt."
    assert extract_quotes(text, "de") == []


def test_konjunktiv_after_a_long_direct_quote_continues_its_speaker() -> None:
    text = (
        "Die Schauspielerin Lena Horn erzählte von ihrer Kindheit. „Ich bin in einem kleinen "
        "Dorf aufgewachsen, wir hatten kaum Geld.“ Heute lebe sie in Berlin."
    )
    assert _find(text, "Heute lebe").speaker_name == "Lena Horn"


def test_feminine_pronoun_resolves_to_an_institution_in_subject_case() -> None:
    text = (
        "Den Vorschlag des Ministers hat die Gewerkschaft der Polizei abgelehnt. Sie "
        "bezeichnet diese Lösung als Irrweg. Junge Soldaten sollten nicht für polizeiliche "
        "Aufgaben eingesetzt werden.\n\nDie Polizei bestätigte den Fund."
    )
    assert _find(text, "Irrweg").speaker_name == "Gewerkschaft der Polizei"
    # free indirect speech ending a paragraph is not the next paragraph's speaker's
    assert _find(text, "Soldaten").speaker_text == "Sie"


def test_verlauten_names_the_source_it_comes_out_of() -> None:
    text = (
        "Wie aus dem Ministerium verlautete, soll das Gesetz im Herbst kommen. Das "
        "berichtete die Zeitung am Montag."
    )
    q = _find(text, "Gesetz")
    assert q.cue == "verlautete" and q.speaker_text == "dem Ministerium"


def test_rejected_claim_is_the_source_of_its_content() -> None:
    text = "Die Bundesregierung hat die Vorwürfe zurückgewiesen, sie habe von den Plänen gewusst."
    assert _find(text, "gewusst").speaker_text == "die Vorwürfe"
    text = "Der Minister hat Berichte der Zeitung „Morgenblatt“ zurückgewiesen, er trete zurück."
    assert _find(text, "trete").speaker_text == "Berichte der Zeitung „Morgenblatt“"
    text = "Die Ministerin wies darauf hin, das Gesetz gelte erst ab Mai."  # no claim object
    assert _find(text, "Gesetz").speaker_text == "Die Ministerin"


def test_reason_frame_reports_the_subjects_words() -> None:
    text = "Die Stadt lehnte den Antrag mit dem Argument ab, es fehle schlicht das Geld."
    q = _find(text, "fehle")
    assert q.speaker_text == "Die Stadt"
    text = (
        "Der Rat hatte zuerst gezögert; später hatte Österreich mit der Begründung "
        "abgelehnt, eine solche Forderung könne nur das Parlament stellen."
    )
    assert _find(text, "Forderung").speaker_text == "Österreich"


def test_stance_sentence_hands_free_indirect_speech_to_its_subject() -> None:
    text = (
        "Ministerin Eva Roth sagte, das Gesetz komme im Mai. Die Opposition ist dagegen. "
        "Das Gesetz sei verfassungswidrig und müsse gestoppt werden."
    )
    assert _find(text, "verfassungswidrig").speaker_text == "Die Opposition"


def test_bare_quote_after_a_sentence_about_a_known_person() -> None:
    text = (
        "„Wir sind zufrieden“, sagte Ministerin Eva Roth. Der Abgeordnete Karl Brandt sieht "
        "das anders. Brandt ist skeptisch. „Das Gesetz wird scheitern, da bin ich sicher.“"
    )
    assert _find(text, "scheitern").speaker_name == "Karl Brandt"


def test_lassen_with_a_speech_infinitive_is_a_cue() -> None:
    text = "Die Ministerin ließ über ihren Sprecher verlauten, sie werde nicht zurücktreten."
    q = _find(text, "zurücktreten")
    assert q.cue == "ließ verlauten" and q.speaker_text == "Die Ministerin"
    text = "Die Stadt lässt die Brücke sanieren, sie sei marode."  # no speech infinitive
    assert all(q.cue != "lässt" for q in extract_quotes(text, "de"))
