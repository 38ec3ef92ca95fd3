"""The cleaning stage on our own small texts: each rule, metadata recovery, edge cases."""

from __future__ import annotations

import time

from chronik.model import Article
from chronik.stages import create
from chronik.stages.clean import CleanStage

BODY_DE = (
    "Der Zug erreichte am Dienstag die Grenzstation, wo Beamte die Delegation mit Blumen "
    "und einer Ehrengarde empfingen, wie die staatliche Agentur am Abend mitteilte."
)
BODY_DE2 = (
    "Nach Angaben aus Regierungskreisen sollen die Gespräche mehrere Tage dauern und sich "
    "vor allem um wirtschaftliche Zusammenarbeit und Rüstungsfragen drehen, hieß es."
)
BODY_DE3 = (
    "Beobachter in Seoul verfolgen die Gespräche der Delegation mit Sorge, weil sie "
    "Waffenlieferungen für den Krieg in der Ukraine befürchten, sagte ein Diplomat."
)


def clean_one(raw: str, **fields: object) -> Article:
    article = Article(id="x", source="t", raw_text=raw, **fields)  # type: ignore[arg-type]
    return CleanStage()([article])[0]


def reasons(article: Article) -> dict[str, str]:
    return {r.line: r.reason for r in article.removed}


def test_registry_builds_the_stage() -> None:
    stage = create("clean")
    assert isinstance(stage, CleanStage)
    assert (stage.name, stage.requires, stage.provides) == ("clean", ("raw",), ("text",))


def test_title_metadata_and_dateline_are_recovered() -> None:
    raw = (
        "Kim reist im Panzerzug nach Russland\n date 2023-09 Von Euronews\n\n"
        f"SEOUL: {BODY_DE}\n\n{BODY_DE2}\n"
    )
    out = clean_one(raw)
    assert out.title == "Kim reist im Panzerzug nach Russland"
    assert (out.published, out.published_source, out.outlet) == ("2023-09", "text", "Euronews")
    assert out.meta["dateline"] == "Seoul"
    assert out.text.startswith("SEOUL: Der Zug") and "Panzerzug" not in out.text
    assert reasons(out) == {"date 2023-09 Von Euronews": "metadata"}
    assert "clean" in out.done


def test_values_from_ingest_metadata_are_never_overwritten() -> None:
    raw = f"Eine Unterzeile zum Thema\ndate 2023-09-12 Von Irgendwer\n\n{BODY_DE}\n\n{BODY_DE2}"
    out = clean_one(
        raw,
        title="Ingest-Titel",
        outlet="Ingest",
        published="2023-09-13",
        published_source="metadata",
        meta={"format": "html"},
    )
    assert (out.title, out.outlet, out.published) == ("Ingest-Titel", "Ingest", "2023-09-13")
    assert out.published_source == "metadata"
    assert out.text.startswith("Eine Unterzeile zum Thema")  # html: no title taken from body


def test_outlet_line_and_contributors() -> None:
    raw = (
        f"Ein Titel für den Test\n\nCNN\n\n{BODY_DE}\n\n{BODY_DE2}\n\n"
        "Zusätzliche Berichterstattung von Anna Muster und Ben Beispiel in Seoul\n"
    )
    out = clean_one(raw)
    assert out.outlet == "CNN"
    assert out.contributors == ("Anna Muster", "Ben Beispiel")
    assert "Berichterstattung" not in out.text and "CNN" not in out.text


def test_english_contributor_line() -> None:
    raw = f"A title here\n\n{BODY_DE}\n\n{BODY_DE2}\n\nAdditional reporting by Jo Doe in Hanoi"
    assert clean_one(raw).contributors == ("Jo Doe",)


def test_boilerplate_lines_get_their_reasons() -> None:
    raw = "\n\n".join(
        [
            "Ein Titel für den Test",
            "Politik | Ausland | Asien",
            BODY_DE,
            "Foto: picture alliance / dpa",
            BODY_DE2,
            "See also: Ein ganz anderer Artikel über Fußball",
            "Historische Bande",
            BODY_DE3,
            "Anzeige",
            "Teilen auf Facebook Twitter WhatsApp",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "tag-allgemein",
        ]
    )
    got = reasons(clean_one(raw))
    assert got == {
        "Politik | Ausland | Asien": "navigation",
        "Foto: picture alliance / dpa": "photo-credit",
        "See also: Ein ganz anderer Artikel über Fußball": "boilerplate:related-links",
        "Anzeige": "boilerplate:advertisement",
        "Teilen auf Facebook Twitter WhatsApp": "boilerplate:share",
        "Leave a Reply": "boilerplate:comment-form",
        "Your email address will not be published. Required fields are marked *": (
            "boilerplate:comment-form"
        ),
        "tag-allgemein": "section-tags",
    }


def test_headings_and_short_real_lines_are_kept() -> None:
    raw = "\n\n".join(
        [
            "Ein Titel für den Test",
            BODY_DE,
            "Historische Bande",
            BODY_DE2,
            "Gepanzerter Sonderzug mit 60 km/h",
            BODY_DE3,
            "Waffendeal im fernen Osten?",
        ]
    )
    out = clean_one(raw)
    assert out.removed == ()
    assert out.text.split("\n\n")[1] == "Historische Bande"
    assert "Gepanzerter Sonderzug mit 60 km/h" in out.text
    assert out.text.endswith("Waffendeal im fernen Osten?")


def test_related_list_mid_article_goes_but_text_after_it_stays() -> None:
    raw = (
        f"Ein Titel für den Test\n\n{BODY_DE}\n\n{BODY_DE2}\n\nLesen Sie auch:\n"
        "Nordkorea: Zweiter Fehlstart beim Satelliten\nMunition: Woher Russland Granaten "
        f"bezieht\n\n{BODY_DE3}\n"
    )
    out = clean_one(raw)
    assert set(reasons(out).values()) == {"boilerplate:related-links"}
    assert len(out.removed) == 3
    assert out.text.endswith(BODY_DE3)


def test_page_furniture_after_the_article_end_goes() -> None:
    other = (
        "Der frühere Präsident der Philippinen will Bürgermeister seiner Heimatstadt "
        "werden, trotz laufender Ermittlungen des Strafgerichtshofs gegen ihn, hieß es."
    )
    raw = "\n\n".join(
        [
            "Ein Titel für den Test",
            BODY_DE,
            BODY_DE2,
            BODY_DE3,
            "Zusätzliche Berichterstattung von Anna Muster",
            "Kommentare",
            "Aktuelles",
            other,
            "Rodrigo Duterte hält eine Rede auf einer Versammlung auf der...",
        ]
    )
    out = clean_one(raw)
    assert out.text == "\n\n".join([BODY_DE, BODY_DE2, BODY_DE3])
    assert reasons(out)[other] == "boilerplate:related-links"


def test_duplicates_near_duplicates_and_truncated_teasers() -> None:
    near = BODY_DE2.replace("mehrere Tage", "einige Tage")
    raw = "\n\n".join(
        [
            "Ein Titel für den Test",
            "Der Zug erreichte am Dienstag die Grenzstation, wo...",
            BODY_DE,
            BODY_DE2,
            BODY_DE3,
            BODY_DE,
            near,
        ]
    )
    out = clean_one(raw)
    assert out.text == "\n\n".join([BODY_DE, BODY_DE2, BODY_DE3])
    assert sorted(reasons(out).values()) == [
        "duplicate-paragraph",
        "near-duplicate",
        "teaser-truncated",
    ]


def test_image_block_credit_and_alt_text_go_caption_sentence_stays() -> None:
    caption = "Der Minister (li.) besuchte Kim bereits im Juli"
    raw = (
        f"Ein Titel für den Test\n\n{BODY_DE}\n\n"
        f"Der Minister und Kim bei einem Treffen in Pjöngjang\nReuters/KCNA\n{caption}\n\n"
        f"{BODY_DE2}\n\nkim_putin_2019.jpg\n\n{BODY_DE3}"
    )
    got = reasons(clean_one(raw))
    assert got == {
        "Der Minister und Kim bei einem Treffen in Pjöngjang": "photo-caption",
        "Reuters/KCNA": "photo-credit",
        "kim_putin_2019.jpg": "photo-credit",
    }


def test_video_blurbs() -> None:
    blurb = (
        "Nordkorea schmückt Straßen. Nordkorea bereitet sich auf den Besuch vor. Es ist die "
        "erste Reise seit Jahren. Max Foster von CNN berichtet."
    )
    raw = "\n\n".join(
        [
            "Ein Titel für den Test",
            BODY_DE,
            "Hören Sie, was die Menschen in Russland denken",
            BODY_DE2,
            blurb,
            "Video: Kims Panzerzug von innen 02:14",
            BODY_DE3,
        ]
    )
    assert set(reasons(clean_one(raw)).values()) == {"video-blurb"}
    assert len(clean_one(raw).removed) == 3


def test_lines_repeated_across_unrelated_articles_of_a_batch() -> None:
    bodies = [BODY_DE, BODY_DE2, BODY_DE3]
    batch = [
        Article(
            id=str(i), source="t", raw_text=f"Titel Nummer {i} hier\n\n{b}\n\nMitglieder Bereich"
        )
        for i, b in enumerate(bodies)
    ]
    out = CleanStage()(batch)
    assert all(a.removed and a.removed[0].reason == "boilerplate:repeated" for a in out)
    alone = CleanStage()(batch[:1])[0]
    assert "Mitglieder Bereich" in alone.text


def test_syndicated_copies_keep_their_shared_headings() -> None:
    raw = f"Titel\n\n{BODY_DE}\n\nGemeinsame Zwischenüberschrift\n\n{BODY_DE2}\n\n{BODY_DE3}"
    batch = [Article(id=str(i), source=f"s{i}", raw_text=raw) for i in range(2)]
    assert all("Gemeinsame Zwischenüberschrift" in a.text for a in CleanStage()(batch))


def test_mojibake_is_repaired_and_reported() -> None:
    out = clean_one(f"Ein Titel fÃ¼r den Test\n\n{BODY_DE}\n\n{BODY_DE2}")
    assert out.title == "Ein Titel für den Test"
    assert out.meta["encoding_fixed"] is True
    assert "encoding_fixed" not in clean_one(f"Titel hier\n\n{BODY_DE}").meta


def test_nothing_left_gives_empty_text_and_a_warning() -> None:
    out = clean_one("Leave a Reply\n\nKommentare\n\n***\n")
    assert out.text == ""
    assert "no text left after cleaning" in out.meta["warnings"]
    assert reasons(out)["***"] == "empty"
    assert clean_one("").text == ""


def test_text_without_newlines_is_one_paragraph_not_a_title() -> None:
    out = clean_one(BODY_DE + " " + BODY_DE2)
    assert out.title is None
    assert out.text == BODY_DE + " " + BODY_DE2


def test_huge_single_line_and_no_letters_stay_bounded() -> None:
    huge = (BODY_DE + " ") * 8000  # about 1.3 MB on one line
    start = time.perf_counter()
    out = clean_one(huge)
    digits = clean_one("1234 5678 " * 50_000)
    caps = clean_one(("DER ZUG ERREICHTE DIE GRENZE. " * 3000 + "\n") * 10)
    assert time.perf_counter() - start < 20  # generous: a guard against quadratic blow-ups
    assert out.text == huge.strip()
    assert digits.text and caps.text


def test_cut_to_max_chars_with_a_warning() -> None:
    article = Article(id="x", source="t", raw_text=f"{BODY_DE}\n\n{BODY_DE2}")
    out = CleanStage(max_chars=60)([article])[0]
    assert len(out.text) <= 60
    assert any("cut to 60" in w for w in out.meta["warnings"])


def test_french_and_english_boilerplate() -> None:
    fr = (
        "Le dirigeant nord-coréen a visité vendredi l'usine aéronautique de la ville, où "
        "sont assemblés des avions de combat, selon les médias russes qui ont suivi la visite."
    )
    raw = "\n\n".join(
        [
            "Un titre pour le test",
            "International › Asie",
            fr,
            "Lire aussi : Au cosmodrome, Poutine et Kim scellent leur rapprochement",
            "Partager : Facebook | X | LinkedIn",
            "Abonnez-vous à la lettre d'information",
        ]
    )
    out = clean_one(raw)
    assert out.text == fr
    assert len(out.removed) == 4


def test_content_that_looks_like_boilerplate_is_kept() -> None:
    cited = (
        "Die Soldaten seien in der Nacht abgezogen. Auch am Morgen blieb es ruhig an der "
        "Grenze, wie ein Reporter von CNN berichtet."
    )
    raw = "\n\n".join(["Ein Titel für den Test", BODY_DE, cited, BODY_DE2, "Kommentar", BODY_DE3])
    out = clean_one(raw)
    assert cited in out.text
    # a lone "Kommentar" mid-article is a comment-form cue, but the text after it survives
    assert out.text.endswith(BODY_DE3)


def test_french_heading_with_names_is_not_a_contributor_line() -> None:
    para = (
        "Le dirigeant nord-coréen est arrivé mardi en Russie à bord de son train blindé, "
        "a annoncé le Kremlin, qui n'a pas précisé la date exacte de la rencontre."
    )
    heading = "Avec Kim Jong-un et Vladimir Poutine"
    out = clean_one(
        "\n\n".join(["Un titre pour le test", para, heading, para + " Encore.", para[:90] + "."])
    )
    assert heading in out.text and out.contributors == ()


def test_an_internal_failure_degrades_to_the_unfiltered_text(monkeypatch) -> None:
    import chronik.stages.clean as clean_pkg

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(clean_pkg, "clean_lines", boom)
    good = Article(id="a", source="t", raw_text=f"Titel hier\n\n{BODY_DE}")
    out = CleanStage()([good])[0]
    assert out.text == f"Titel hier\n\n{BODY_DE}"
    assert "cleaning failed" in out.meta["warnings"][0]
