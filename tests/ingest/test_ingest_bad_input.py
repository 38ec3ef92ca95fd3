"""Bad input: one clear error naming the item and the reason, the rest of the batch goes on."""

from __future__ import annotations

import gzip
import json
import os
import time
from pathlib import Path

import pytest
from ingest_helpers import page, read

GOOD = "Titel der Meldung\n\nEin ganz gewöhnlicher Absatz über die Reise nach Russland.\n"


def test_empty_file_and_whitespace_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b" \n\n\t\n")
    arts, errs = read([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert arts == []
    assert [(e.item, e.reason) for e in errs] == [
        (str(tmp_path / "a.txt"), "empty file"),
        (str(tmp_path / "b.txt"), "empty file"),
    ]
    assert all(e.stage == "ingest" for e in errs)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(200)),
        bytes([7, 1, 2, 3, 4, 5, 6, 14, 15, 16]) * 50,
    ],
    ids=["png", "zip", "control-bytes"],
)
def test_binary_file_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bild.txt"
    path.write_bytes(data)
    arts, errs = read([path])
    assert arts == []
    assert len(errs) == 1
    assert errs[0].item == str(path)
    assert errs[0].reason.startswith("binary file, not text")


def test_200_mb_file_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024**2)  # sparse: instant, takes no disk
    started = time.perf_counter()
    arts, errs = read([big])
    assert time.perf_counter() - started < 1.0  # it was not read
    assert arts == []
    assert [e.reason for e in errs] == ["file too large (210 MB > 50 MB limit)"]


def test_max_bytes_is_a_setting(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD * 20, encoding="utf-8")
    assert read([tmp_path / "a.txt"], max_bytes=100)[1][0].reason.startswith("file too large")
    assert len(read([tmp_path / "a.txt"], max_bytes=100_000)[0]) == 1


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("cp1252", "cp1252"), ("latin-1", "cp1252"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8-sig")],
)
def test_legacy_encodings_succeed(tmp_path: Path, encoding: str, label: str) -> None:
    text = "Größere Straßen für Müller: Präsident äußert sich zur Lage in Kiew.\n" * 3
    if encoding == "cp1252":
        text += "Er sprach von einem „großen Erfolg“ – Kosten: 5 € – so der Sprecher…\n"
    path = tmp_path / "alt.txt"
    path.write_bytes(text.encode(encoding))
    arts, errs = read([path])
    assert errs == []
    assert arts[0].raw_text == text
    assert arts[0].meta["encoding"] == label


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Spotkanie w Władywostoku: Kim i Putin rozmawiali o współpracy wojskowej.\n", "cp1250"),
        ("Президент встретился с лидером КНДР на космодроме Восточный в среду.\n", "cp1251"),
    ],
)
def test_other_legacy_code_pages(tmp_path: Path, text: str, encoding: str) -> None:
    (tmp_path / "x.txt").write_bytes(text.encode(encoding))
    arts, errs = read([tmp_path / "x.txt"])
    assert errs == []
    assert (arts[0].raw_text, arts[0].meta["encoding"]) == (text, encoding)


def test_utf16_be_with_bom_and_without_bom(tmp_path: Path) -> None:
    text = "Über die Grenze: Gespräche in Wladiwostok.\n"
    (tmp_path / "be.txt").write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    arts, errs = read([tmp_path])
    assert errs == []
    assert [a.raw_text for a in arts] == [text, text]


def test_malformed_jsonl_line_names_the_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Erste Meldung über den Zug.", "title": "Eins"}),
        '{"text": "kaputt", "title": ',
        "[1, 2]",
        json.dumps({"title": "ohne Text"}),
        json.dumps({"text": "Dritte Meldung über das Treffen.", "title": "Drei"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, errs = read([path])
    assert [a.title for a in arts] == ["Eins", "Drei"]
    assert [e.item for e in errs] == [f"{path}:line {n}" for n in (2, 3, 4)]
    assert errs[0].reason.startswith("malformed JSON: Expecting value")
    assert "not a JSON object" in errs[1].reason
    assert "no text" in errs[2].reason


def test_truncated_gzip_text_is_one_error(tmp_path: Path) -> None:
    data = gzip.compress((GOOD * 200).encode())
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    arts, errs = read([path])
    assert arts == []
    assert [(e.item, e.reason) for e in errs] == [(str(path), "truncated gzip")]


def test_truncated_gzip_jsonl_keeps_records_before_the_cut(tmp_path: Path) -> None:
    rows = [json.dumps({"text": f"Meldung Nummer {i} über den Besuch. " * 5}) for i in range(200)]
    data = gzip.compress(("\n".join(rows) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: int(len(data) * 0.6)])
    arts, errs = read([path])
    assert [e.reason for e in errs] == ["truncated gzip"]
    assert 50 < len(arts) < 200
    # every kept record is whole: the line cut in half is not an article
    assert all(a.raw_text == json.loads(rows[i])["text"] for i, a in enumerate(arts))


def test_missing_path(tmp_path: Path) -> None:
    arts, errs = read([tmp_path / "nope.txt"])
    assert arts == []
    assert errs[0].reason == "cannot read: no such file or directory"
    assert errs[0].item == str(tmp_path / "nope.txt")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "geheim.txt"
    path.write_text(GOOD, encoding="utf-8")
    if os.geteuid() == 0:  # root reads anything: simulate the OS refusing
        real_open = open

        def refuse(file: object, mode: str = "r", *a: object, **kw: object) -> object:
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, mode, *a, **kw)  # type: ignore[call-overload]

        monkeypatch.setattr("builtins.open", refuse)
    else:
        path.chmod(0)
    arts, errs = read([path])
    assert arts == []
    assert [e.reason for e in errs] == ["cannot read: permission denied"]


def test_html_without_body(tmp_path: Path) -> None:
    path = tmp_path / "leer.html"
    path.write_text(
        "<html><head><title>Start</title></head><body><nav><a href='/'>Start</a></nav>"
        "<footer>Impressum</footer></body></html>",
        encoding="utf-8",
    )
    arts, errs = read([path])
    assert arts == []
    assert [(e.item, e.reason) for e in errs] == [(str(path), "no article text found")]


def test_folder_without_supported_files(tmp_path: Path) -> None:
    (tmp_path / "bild.png").write_bytes(b"\x89PNG")
    (tmp_path / ".versteckt.txt").write_text(GOOD, encoding="utf-8")
    arts, errs = read([tmp_path])
    assert arts == []
    assert [(e.item, e.reason) for e in errs] == [(str(tmp_path), "no supported files found")]


def test_glob_without_matches(tmp_path: Path) -> None:
    arts, errs = read([tmp_path / "*.txt"])
    assert arts == []
    assert [(e.item, e.reason) for e in errs] == [(str(tmp_path / "*.txt"), "no files match")]


def test_batch_goes_on_past_every_bad_item(tmp_path: Path) -> None:
    (tmp_path / "01_gut.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "02_leer.txt").write_bytes(b"")
    (tmp_path / "03_binär.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "04_seite.html").write_text(page(), encoding="utf-8")
    (tmp_path / "05_kaputt.jsonl").write_text('{"text": "gut"}\n{oops\n', encoding="utf-8")
    (tmp_path / "06_leer.html").write_text("<html><body></body></html>", encoding="utf-8")
    (tmp_path / "07_alt.txt").write_bytes("Größe und Maß.\n".encode("cp1252"))
    data = gzip.compress(GOOD.encode() * 300)
    (tmp_path / "08_cut.txt.gz").write_bytes(data[:-40])
    with (tmp_path / "09_riesig.txt").open("wb") as fh:
        fh.truncate(60_000_000)
    arts, errs = read([tmp_path, tmp_path / "fehlt.txt"])
    assert [Path(a.source).name for a in arts] == [
        "01_gut.txt",
        "04_seite.html",
        "05_kaputt.jsonl#1",
        "07_alt.txt",
    ]
    assert [Path(e.item).name for e in errs] == [
        "02_leer.txt",
        "03_binär.txt",
        "05_kaputt.jsonl:line 2",
        "06_leer.html",
        "08_cut.txt.gz",
        "09_riesig.txt",
        "fehlt.txt",
    ]
    assert len({e.reason for e in errs}) == len(errs)  # each names its own reason
