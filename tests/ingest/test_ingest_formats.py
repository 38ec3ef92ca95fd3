"""Each input format on small inputs of our own writing, plus the real seeds and examples."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_helpers import page, read

from chronik.ingest.fields import iso_date
from chronik.model import content_id

FEED_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Morgenpost Online</title><link>https://mp.example</link>
<item><title>Zug erreicht die Grenze</title><link>https://mp.example/a/1</link>
<pubDate>Tue, 12 Sep 2023 23:30:00 +0200</pubDate>
<description>&lt;p&gt;Der Zug hat die Grenze &lt;b&gt;passiert&lt;/b&gt;.&lt;/p&gt;
&lt;p&gt;Zweiter Absatz.&lt;/p&gt;</description></item>
<item><title>Leer</title><link>https://mp.example/a/2</link></item>
</channel></rss>
"""
FEED_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Courrier</title>
<entry><title>Rencontre à Vladivostok</title><link href="https://lc.example/r"/>
<published>2023-09-13T07:00:00Z</published><updated>2023-09-15T07:00:00Z</updated>
<content type="html">&lt;p&gt;Les deux dirigeants se sont rencontrés.&lt;/p&gt;</content></entry>
</feed>
"""


def test_seeds_are_read_unchanged(seeds_dir: Path, seed_texts: dict[str, str]) -> None:
    arts, errs = read([seeds_dir])
    assert errs == []
    assert [Path(a.source).name for a in arts] == sorted(seed_texts)
    for art in arts:
        assert art.raw_text == seed_texts[Path(art.source).name]
        assert art.meta["format"] == "txt"
        assert art.meta["encoding"] == "utf-8"
        assert art.id == content_id(art.raw_text, art.source)
        assert art.text == "" and art.published is None
    assert [a.id for a in read([seeds_dir])[0]] == [a.id for a in arts]  # stable


def test_mojibake_and_line_breaks_repaired(tmp_path: Path) -> None:
    broken = "Die Stadt fÃ¼r GrÃ¶ÃŸe.\r\nEr sagte: â€žJaâ€œ.\r\n"
    (tmp_path / "m.txt").write_text(broken, encoding="utf-8")
    art = read([tmp_path / "m.txt"])[0][0]
    assert art.raw_text == "Die Stadt für Größe.\nEr sagte: „Ja“.\n"
    assert art.meta["encoding_fixed"] is True


def test_typography_is_kept(tmp_path: Path) -> None:
    text = "„Zitat“ und ‚halb‘ – «guillemets» … ﬁ 東京：会談\n"
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    art = read([tmp_path / "t.txt"])[0][0]
    assert art.raw_text == text
    assert "encoding_fixed" not in art.meta


def test_html_page(tmp_path: Path) -> None:
    (tmp_path / "seite.html").write_text(page(), encoding="utf-8")
    [art] = read([tmp_path / "seite.html"])[0]
    assert (art.title, art.outlet) == ("Kim reist nach Russland", "Nordkurier")
    assert art.url == "https://example.org/news/kim"
    assert (art.published, art.published_source) == ("2023-09-12", "metadata")  # not the update
    assert art.text == "" and art.meta["format"] == "html"
    paragraphs = art.raw_text.split("\n\n")
    assert paragraphs[0].startswith("Der Machthaber ist mit seinem gepanzerten Zug")
    assert "Datum | Ort\n12. September | Wladiwostok" in paragraphs
    assert paragraphs[-1].endswith("„umfassenden Programm“ für die Gäste.")
    assert "Unglaublich" not in art.raw_text and "Impressum" not in art.raw_text
    assert "Kim reist nach Russland" not in art.raw_text  # the title is not body text


def test_html_sniffed_without_extension_and_cp1252(tmp_path: Path) -> None:
    html = page().replace('<html lang="de">', '<html lang="de"><meta charset="windows-1252">')
    (tmp_path / "seite").write_bytes(html.encode("cp1252"))
    [art] = read([tmp_path / "seite"])[0]
    assert art.meta["format"] == "html"
    assert "Präsidenten" in art.raw_text and "„umfassenden Programm“" in art.raw_text


def test_jsonl_records(tmp_path: Path) -> None:
    rows = [
        {"text": "Erste Meldung.", "title": "Eins", "url": "https://x.example/1",
         "published": "2023-09-12T22:15:00+02:00", "outlet": "Kurier"},
        {"text": "Zweite Meldung ohne Metadaten."},
        {"html": page(slug="drei"), "published": "13.09.2023"},
    ]  # fmt: skip
    path = tmp_path / "f.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    arts, errs = read([path])
    assert errs == []
    one, two, three = arts
    assert (one.source, one.url, one.outlet, one.published) == (
        "https://x.example/1", "https://x.example/1", "Kurier", "2023-09-12")  # fmt: skip
    assert one.meta["published_raw"] == "2023-09-12T22:15:00+02:00"
    assert (two.source, two.published, two.published_source) == (f"{path}#2", None, "none")
    assert three.meta["content"] == "html" and three.title == "Kim reist nach Russland"
    assert three.published == "2023-09-13"  # the record's own date wins over the page's
    assert three.raw_text.startswith("Der Machthaber")
    assert {a.meta["format"] for a in arts} == {"jsonl"}


def test_gzip_of_any_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress("Größe.\n".encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "eins"}\n{"text": "zwei"}\n'))
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(page().encode()))
    arts, errs = read([tmp_path])
    assert errs == []
    assert [a.meta["format"] for a in arts] == ["txt", "jsonl", "jsonl", "html"]
    assert arts[0].raw_text == "Größe.\n" and arts[0].meta["compression"] == "gzip"


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body.encode()), http_headers=http,
                warc_headers_dict={"WARC-Date": "2023-09-14T10:00:00Z"},
            )  # fmt: skip
            writer.write_record(record)


def test_warc_responses(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [
        ("https://n.example/a", "text/html; charset=utf-8", page()),
        ("https://n.example/logo.png", "image/png", "PNG"),
        ("https://n.example/b", "text/html", page("Zweiter Tag", "b", dated=False)),
    ])  # fmt: skip
    arts, errs = read([path])
    assert errs == []
    assert [(a.source, a.url, a.title) for a in arts] == [
        ("https://n.example/a", "https://n.example/a", "Kim reist nach Russland"),
        ("https://n.example/b", "https://n.example/b", "Zweiter Tag"),
    ]
    assert [a.published for a in arts] == ["2023-09-12", "2023-09-14"]
    assert arts[1].meta["date_method"] == "warc-date"
    assert {a.meta["format"] for a in arts} == {"warc"}


def test_rss_and_atom(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_text(FEED_RSS, encoding="utf-8")
    (tmp_path / "b.xml").write_text(FEED_ATOM, encoding="utf-8")
    arts, errs = read([tmp_path])
    assert [(e.item, e.reason) for e in errs] == [
        (f"{tmp_path / 'a.rss'}#2", "feed entry has no content or summary")
    ]
    rss, atom = arts
    assert (rss.source, rss.title, rss.outlet) == (
        "https://mp.example/a/1", "Zug erreicht die Grenze", "Morgenpost Online")  # fmt: skip
    assert rss.raw_text == "Der Zug hat die Grenze passiert.\n\nZweiter Absatz."
    assert rss.published == "2023-09-12"  # the local day, not UTC's 13th
    assert (atom.outlet, atom.published, atom.url) == (
        "Le Courrier", "2023-09-13", "https://lc.example/r")  # fmt: skip
    assert {a.meta["format"] for a in arts} == {"rss"}


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"Titel\n\nEin Absatz.\n", "txt"),
        (page().encode(), "html"),
        (b'{"text": "eins"}\n{"text": "zwei"}\n', "jsonl"),
        (FEED_RSS.encode(), "rss"),
        (gzip.compress(b'{"text": "eins"}\n'), "jsonl"),
    ],
)
def test_stdin_is_sniffed(stdin: Callable[[bytes], None], data: bytes, fmt: str) -> None:
    stdin(data)
    arts, errs = read(["-"])
    assert all(e.reason == "feed entry has no content or summary" for e in errs)
    assert arts and {a.meta["format"] for a in arts} == {fmt}
    assert arts[0].source.startswith("<stdin>") or arts[0].source.startswith("https://")


def test_folders_globs_and_order(tmp_path: Path) -> None:
    names = ("b.txt", "a/c.md", "a/z/d.text", ".hidden/e.txt", "f.csv", "notes", "README.md")
    for name in (*names, "LICENSE"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Text von {name}.\n", encoding="utf-8")
    arts, errs = read([tmp_path, tmp_path / "b.txt", str(tmp_path / "**" / "*.md")])
    assert errs == []  # b.txt and a/c.md named twice but read once
    rel = [Path(a.source).relative_to(tmp_path).as_posix() for a in arts]
    assert rel == ["a/c.md", "a/z/d.text", "b.txt", "notes"]  # no README/LICENSE
    assert len(read([tmp_path / "README.md"])[0]) == 1  # read when named


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-12", "2023-09-12"),
        ("2023-09", "2023-09"),
        ("2023-09-12T08:00:00+02:00", "2023-09-12"),
        ("Tue, 12 Sep 2023 23:30:00 +0200", "2023-09-12"),
        ("12.09.2023", "2023-09-12"),
        ("2023-13-40", None),
        ("gestern", None),
        (None, None),
    ],
)
def test_iso_date(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_examples_folder(examples_dir: Path) -> None:
    if not examples_dir.is_dir() or not any(examples_dir.iterdir()):
        pytest.skip("examples/ is not written yet")
    arts, errs = read([examples_dir])
    assert errs == [], [str(e) for e in errs]
    formats = {a.meta["format"] for a in arts}
    assert {"txt"} <= formats
    assert all(a.raw_text.strip() for a in arts)
    # no mojibake survives (the mis-encoded example is decoded or repaired)
    assert not any(bad in a.raw_text for a in arts for bad in ("Ã¤", "Ã¼", "Ã¶", "â€", "\ufffd"))
