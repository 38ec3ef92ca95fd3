"""Document creation time: kept from metadata, inferred from the text, or stated as none."""

from __future__ import annotations

from chronik.model import Article
from chronik.stages import create


def art(text: str, **kw: object) -> Article:
    return Article(id="x", source=str(kw.pop("source", "t")), raw_text=text, text=text,
                   language="de", **kw)  # type: ignore[arg-type]  # fmt: skip


def run(a: Article) -> Article:
    (out,) = create("dct")([a])
    return out


def test_metadata_date_is_kept() -> None:
    out = run(art("Gestern kam er.", published="2023-09-12", published_source="metadata"))
    assert (out.published, out.published_source) == ("2023-09-12", "metadata")
    assert out.meta["dct"]["confidence"] == 1.0 and "dct" in out.done


def test_date_line_and_file_name() -> None:
    out = run(art(" date 2023-09 Von Euronews\n\nDas Gipfeltreffen soll bald stattfinden."))
    assert (out.published, out.published_source) == ("2023-09", "text")
    out = run(art("Kein Datum hier.", source="feeds/2024-06-18_putin.txt"))
    assert (out.published, out.published_source) == ("2024-06-18", "metadata")


def test_dateline_is_inferred_with_evidence() -> None:
    out = run(art("BERLIN, 12. September 2023 – Am Dienstag sagte der Kanzler, er sei bereit."))
    assert (out.published, out.published_source) == ("2023-09-12", "inferred")
    dct = out.meta["dct"]
    assert dct["confidence"] >= 0.7 and "12. September 2023" in dct["evidence"]


def test_latest_stated_date_not_a_scheduled_one() -> None:
    text = (
        "Die Verhandlungen begannen am 3. März 2022 in Genf. " * 3
        + "Am 14. Mai 2022 legten beide Seiten einen Entwurf vor. "
        + "Die nächste Runde wird am 1. Oktober 2022 stattfinden."
    )
    out = run(art(text))
    assert (out.published, out.published_source) == ("2022-05-14", "inferred")
    assert out.meta["dct"]["confidence"] < 0.7


def test_undated_article_says_none_and_time_stays_unanchored() -> None:
    out = run(art("Am Dienstag traf Kim Putin. Im Juli war Schoigu in Pjöngjang."))
    assert (out.published, out.published_source) == (None, "none")
    assert out.meta["dct"]["value"] is None
    (tagged,) = create("time")([out])
    assert tagged.timexes and all(t.anchor is None and t.vague for t in tagged.timexes)
    assert {t.value for t in tagged.timexes} == {"XXXX-WXX-2", "XXXX-07"}


def test_time_stage_uses_inferred_dct() -> None:
    out = run(art("MOSKAU, 12. September 2023 – Kim sei am Sonntag abgereist, hieß es."))
    (tagged,) = create("time")([out])
    values = {t.text: t.value for t in tagged.timexes}
    assert values["Sonntag"] == "2023-09-10"


def test_a_month_alone_does_not_date_an_article() -> None:
    out = run(art("Zum ersten Mal war Kim im April 2019 in Russland. Am Montag reiste er ab."))
    assert (out.published, out.published_source) == (None, "none")


def test_unanchored_weekday_keeps_its_part_of_day() -> None:
    (tagged,) = create("time")([run(art("Kim stieg am Sonntagnachmittag in den Zug."))])
    assert [(t.type, t.value) for t in tagged.timexes] == [("TIME", "XXXX-WXX-7TAF")]
