"""Quotes stage, round 8: speakers of direct quotes without a cue of their own, found on
unseen news and feature text; one own sentence per rule."""

from __future__ import annotations

from chronik.model import Mention, Quote
from chronik.stages.quotes import extract_quotes


def _m(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(start=start, end=start + len(name), text=name, type="PER")


def _find(text: str, snippet: str, one_sentence: bool = False) -> Quote:
    bounds = [(0, len(text))] if one_sentence else None
    return next(q for q in extract_quotes(text, "de", bounds) if snippet in q.text)


def test_sentence_end_missed_by_the_splitter_before_a_new_quote() -> None:
    # one "sentence" to the splitter: the last quote follows its own sentence end, so it
    # continues Berger's words rather than taking the opening word or pronoun
    text = (
        "Verlegen klemmt er sich eine Zigarette zwischen die Lippen. »Ich bin sehr zufrieden "
        "mit allem«, sagt Hans Berger. »Und was nun?«"
    )
    q = _find(text, "Und was nun", one_sentence=True)
    assert q.speaker_text == "Hans Berger"


def test_colon_sentence_as_its_own_paragraph_attributes_the_next_one() -> None:
    text = (
        "Der Dichter Paul Weber lebte lange am Meer.\n\nEr schrieb:\n\n"
        "„Wenn der Winter kommt, bleibt kein Blatt mehr am Baum.“"
    )
    q = _find(text, "Winter")
    assert q.speaker_text == "Er"
    assert "Paul Weber" in (q.speaker_name or "")


def test_bare_quote_after_a_sentence_about_a_person_with_nobody_to_continue() -> None:
    text = (
        "Seit zehn Jahren leitet Anna Keller die Schule. Am Montag zeigte sie sich zufrieden. "
        "„Wir haben viel erreicht, aber es bleibt noch viel zu tun.“"
    )
    q = _find(text, "viel erreicht")
    assert q.speaker_name == "Anna Keller"


def test_fronted_adverb_before_verb_and_pronoun_is_no_subject() -> None:
    text = "Lange wollte er nicht in dem Büro bleiben: „Das Zimmer ist mir zu groß und zu dunkel.“"
    q = _find(text, "Zimmer")
    assert q.speaker_text == "er"


def test_colon_clause_about_someone_named_by_a_dative_pronoun() -> None:
    # the clause's subject is "ein Rätsel"; "Ihm" points to the person of the sentence before
    text = (
        "Nur Karl Brenner hat mit dem Streit nichts zu tun. Ihm ist es ein Rätsel, wie man so "
        "streiten kann: „Da fehlt mir jedes Verständnis für die anderen.“"
    )
    q = _find(text, "Verständnis")
    assert q.speaker_name == "Karl Brenner"


def test_pronoun_takes_the_subject_behind_an_inverted_verb() -> None:
    # "rechnet Klaus Bauer": the subject after the verb, not the last speaker, is "Er"
    text = (
        "Die Preise würden bald steigen, sagte der Händler Tom Kurz. Was den Preis von Kupfer "
        "betrifft, rechnet Klaus Bauer von der Hochschule ebenfalls mit einem Anstieg. "
        "Er erklärt, der Bedarf in den Industrieländern sei längst gedeckt."
    )
    mentions = (_m(text, "Tom Kurz"), _m(text, "Klaus Bauer"))
    q = next(q for q in extract_quotes(text, "de", mentions=mentions) if "Bedarf" in q.text)
    assert q.speaker_name == "Klaus Bauer"


def test_separable_cue_and_adverb_between_cue_and_speaker() -> None:
    text = "Das Problem werde jedes Jahr größer, hebt die Forscherin Eva Horn im Gespräch hervor."
    q = _find(text, "Problem")
    assert q.cue is not None and q.cue.startswith("hebt")
    assert q.speaker_name == "Eva Horn"
    text = "Die Lage sei ernst, aber nicht hoffnungslos, relativierte dazu Jan Wolff."
    assert _find(text, "Lage").speaker_name == "Jan Wolff"


def test_closing_wie_clause_frames_the_reported_words() -> None:
    text = "Das Spiel begann spät. Danach habe sein Team gut gespielt, wie Trainer Jan Fink meinte."
    q = _find(text, "Team")
    assert q.cue == "meinte"
    assert q.speaker_name == "Jan Fink"
    assert q.text == "Danach habe sein Team gut gespielt"
    # facts in the indicative with "wie X mitteilte" are no reported words of X
    assert not extract_quotes("Der Zug fuhr um acht Uhr ab, wie die Bahn mitteilte.", "de")


def test_konjunktiv_verb_ending_in_e_makes_a_clause_before_a_closing_cue() -> None:
    # "fiebere" and "entgegen" look like adjectives; the subjunctive verb shows a clause
    text = "Er kam spät. Der Trainer fiebere dem Ende der Saison entgegen, berichtete Karl Beck."
    q = _find(text, "fiebere")
    assert q.cue == "berichtete"
    assert q.speaker_name == "Karl Beck"


def test_attests_is_a_speech_cue() -> None:
    text = "Das stelle eine klare Benachteiligung dar, attestiert der Jurist Paul Hauer."
    assert _find(text, "Benachteiligung").speaker_name == "Paul Hauer"


def test_a_thing_after_von_is_no_passive_agent() -> None:
    text = (
        "Die Ministerin Eva Horn ist von dem Problem informiert und betont, die Daten der "
        "Bürger seien zu keiner Zeit in Gefahr gewesen."
    )
    assert _find(text, "Daten").speaker_name == "Eva Horn"


def test_fronted_adverb_before_a_plural_cue_is_no_subject() -> None:
    text = "Lange vermuteten Forscher, dass vor allem die Umwelt schuld an den Allergien sei."
    assert _find(text, "Umwelt").speaker_text == "Forscher"
    text = "Merkel sagte, die Lage sei ernst, aber nicht hoffnungslos."
    assert _find(text, "Lage").speaker_text == "Merkel"
