"""Quotes stage, round 7: general speaker rules found on unseen news text (10kGNAD) rather
than on the tuning split; one own sentence per rule."""

from __future__ import annotations

from chronik.model import Mention, Quote
from chronik.stages.quotes import extract_quotes
from chronik.stages.quotes.mentions import person_gender


def _m(text: str, name: str, typ: str = "PER", **kw: str) -> Mention:
    start = text.index(name)
    return Mention(start=start, end=start + len(name), text=name, type=typ, **kw)


def _find(text: str, snippet: str, mentions: tuple[Mention, ...] = ()) -> Quote:
    quotes = extract_quotes(text, "de", mentions=mentions)
    return next(q for q in quotes if snippet in q.text)


def test_sentence_final_cue_frames_an_earlier_cue_inside_the_clause() -> None:
    # "informiert" is a participle inside the reported words, "erklärte" is the frame
    text = (
        "Das Vertrauen hänge davon ab, wie gut die Bürger informiert sind und ob sie sich "
        "fair behandelt fühlen, erklärte die Psychologin Eva Horn."
    )
    q = _find(text, "Vertrauen")
    assert q.cue == "erklärte"
    assert q.speaker_name == "Eva Horn"
    assert q.start == 0  # the whole clause before the frame is quoted
    # an impersonal frame ("hieß es") also wins over a cue in a conditional clause
    text = (
        "Falls die Stadt nicht auf das Angebot antworten sollte, wird der Konzern das Werk "
        "schließen, hieß es."
    )
    q = _find(text, "Werk")
    assert q.cue == "hieß es" and q.speaker_text is None


def test_cue_in_a_conditional_clause_is_no_frame() -> None:
    text = "Wenn die Gewerkschaft morgen antwortet, beginnt die nächste Runde der Gespräche."
    assert extract_quotes(text, "de") == []


def test_academic_title_stays_in_the_speaker_noun_phrase() -> None:
    text = "Die Rennen seien sehr spannend, meint Dr. Ben Ruhland, Leiter des Vereins."
    q = _find(text, "Rennen")
    assert q.speaker_text is not None and q.speaker_text.startswith("Dr. Ben Ruhland")
    assert q.speaker_name == "Ben Ruhland"


def test_role_gives_the_gender_of_an_unknown_first_name() -> None:
    text = (
        "Eurogruppen-Chef Joeri Maas kündigte Gespräche an. Skeptisch äußerte sich dagegen "
        "die Kanzlerin Ilka Sander: Das Land werde nicht beraten, sagte sie am Abend."
    )
    ments = (
        _m(text, "Joeri Maas", role="Eurogruppen-Chef"),
        _m(text, "Ilka Sander", role="Kanzlerin"),
    )
    assert person_gender(text, ments[0]) == "m"
    assert person_gender(text, ments[1]) == "f"
    assert _find(text, "Das Land werde", ments).speaker_name == "Ilka Sander"


def test_kin_noun_before_a_name_gives_its_gender() -> None:
    text = "Seine Ehefrau Nuri Baht sprach mit Reportern."
    assert person_gender(text, _m(text, "Nuri Baht")) == "f"


def test_future_with_a_speech_act_is_no_passive() -> None:
    # "wird … sprechen": the subject speaks, "von Folgen" is no passive agent
    text = (
        "Lena Brandt leitet die Beratungsstelle und wird am Freitag auf einer Tagung "
        "von den Folgen der Flut sprechen."
    )
    q = _find(text, "Beratungsstelle")
    assert q.type == "reported" and q.speaker_text == "Lena Brandt"


def test_subordinating_conjunction_is_no_speaker() -> None:
    text = "Falls nötig: „Wir kommen sofort und helfen allen Menschen vor Ort.“"
    assert _find(text, "Wir kommen").speaker_text is None


def test_quote_inside_a_sentence_belongs_to_its_subject() -> None:
    text = (
        "Zehntausende folgten dem Aufruf. Die Menge skandierte vor dem Rathaus Parolen wie "
        "„Weg mit dem Bürgermeister, sofort!“ und zog dann weiter."
    )
    assert _find(text, "Weg mit").speaker_text == "Die Menge"
    # a title after "Film" or "Buch" is no speech and gets no speaker
    text = "Ole Brandt zeigt in seinem Film „Die Nacht im Atlantik und ihr Geheimnis“ neue Bilder."
    found = [q for q in extract_quotes(text, "de") if "Atlantik" in q.text]
    assert found and all(q.speaker_text is None for q in found)


def test_possessed_subject_before_a_colon_passes_the_quote_to_its_owner() -> None:
    text = (
        "Der Außenbeauftragte Jan Solm zeigte sich zuversichtlich: „Ich gehe davon aus, dass "
        "wir uns einigen.“ Seine Zuversicht gründet sich auf frühere Runden: „Entscheidungen "
        "fallen immer erst in letzter Minute, das war schon immer so.“"
    )
    q = _find(text, "Entscheidungen")
    assert q.speaker_name == "Jan Solm"


def test_named_speech_act_is_not_free_indirect_speech_of_the_last_speaker() -> None:
    text = (
        "Ministerin Karla Berg sagte, die Regeln seien ausreichend. "
        "Bundespräsident Olaf Brand möchte die Debatte versachlichen und warnt vor "
        "pauschalen Urteilen."
    )
    q = _find(text, "versachlichen")
    assert q.type == "reported" and q.speaker_name == "Olaf Brand"


def test_general_speech_acts_are_reported_speech() -> None:
    text = "Die Gewerkschaft drohte am Montag mit einem unbefristeten Streik."
    q = _find(text, "Streik")
    assert q.type == "reported" and q.speaker_text == "Die Gewerkschaft"
    text = "Der Bürgermeister wies die Vorwürfe der Opposition entschieden zurück."
    assert _find(text, "Vorwürfe").speaker_text == "Der Bürgermeister"
    text = "Ute Korn begründete ihren Rücktritt mit der Niederlage bei der Wahl."
    q = _find(text, "Rücktritt")
    assert q.type == "reported" and q.speaker_name == "Ute Korn"
    # "teilte … mit" without a clause of its own reports the act itself
    text = "Die Feuerwehr teilte am Abend die Zahl der Verletzten mit."
    assert _find(text, "Verletzten").speaker_text == "Die Feuerwehr"


def test_weak_verbs_on_n_inflect_without_a_linking_e() -> None:
    # "meinte", "mahnte" (not "meinete"), but "bezeichnete", "entgegnete"
    text = "Die Lage sei ernst, meinte der Sprecher des Amtes am Abend."
    q = _find(text, "Lage")
    assert q.cue == "meinte" and q.speaker_text == "der Sprecher des Amtes"
    text = "Die Preise seien angemessen, entgegnete die Firma."
    assert _find(text, "Preise").cue == "entgegnete"


def test_participle_cue_before_a_colon_takes_the_subject_of_its_auxiliary() -> None:
    text = (
        "Lena Ott hatte zuvor die Rolle der Länder und der Kommunen erklärt: "
        "„Die Entscheidungen fallen vor Ort und nicht in der Hauptstadt.“"
    )
    assert _find(text, "Entscheidungen").speaker_text == "Lena Ott"


def test_participle_between_article_and_noun_is_no_cue() -> None:
    text = "Das mit Spannung erwartete Urteil wurde verschoben, weil der Richter erkrankte."
    assert extract_quotes(text, "de") == []
    text = "In der Sitzung betonte Minister Ott, die Lage sei ernst."
    assert _find(text, "Lage").speaker_text == "Minister Ott"
