"""Bytes -> text: encoding detection, binary detection and mojibake repair.

News scrapes arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, or legacy
Windows-1252 / Latin-1; charset detectors misread short Western text (they guess cp1250 or
even cp1006 for a German line), so the common cases are decided by cheap rules and
`charset-normalizer` is only asked about text that is clearly not Western European.
ftfy is slow (milliseconds per article), so it only runs when a cheap regex sees
something it could fix.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy

from chronik.errors import InputError

BINARY = "binary file, not text"
SNIFF_BYTES = 65_536

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# ftfy settings that repair without rewriting typography: German „quotes“ and full-width
# CJK punctuation carry meaning for later stages.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization="NFC",
)
# UTF-8 read as cp1252/Latin-1: a lead byte (Â-ô) followed by a continuation byte, which
# cp1252 shows as punctuation (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ) or as
# Latin-1 \xa0-\xbf; plus C1 controls, stray control characters and HTML entities.
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]|&(?:[a-zA-Z]{2,8}|#x?[0-9a-fA-F]{2,6});"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LATIN1_FALLBACK = "chronik-latin1"
# a non-letter, non-digit character between two letters: a mis-decoded letter
_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f](?=[^\W\d_])")
_HIGH = bytes(range(0x80, 0x100))
_ASCII_LETTERS = bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B))


def _latin1(exc: UnicodeError) -> tuple[str, int]:
    """The five bytes cp1252 leaves undefined decode as their Latin-1 code points."""
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error(_LATIN1_FALLBACK, _latin1)


def decode_bytes(data: bytes, item: str) -> tuple[str, str]:
    """Decode `data` to text and name its encoding; raise `InputError` for binary data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data, name, item), name
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            raise InputError(item, BINARY)
        return _strict(data, utf16, item), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            # a multi-byte character cut at the very end (a truncated download)
            return data[: exc.start].decode("utf-8"), "utf-8"
    return _legacy(data, item)


def _strict(data: bytes, encoding: str, item: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(item, f"{BINARY} (invalid {encoding} at byte {exc.start})") from exc


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of Latin script has NUL in every other byte; binary data does not."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    if zero_odd > 0.6 and zero_even < 0.05:
        return "utf-16-le"
    if zero_even > 0.6 and zero_odd < 0.05:
        return "utf-16-be"
    return None


def _legacy(data: bytes, item: str) -> tuple[str, str]:
    """Not UTF-8: Windows-1252 when non-ASCII bytes are sparse inside words, else ask
    charset-normalizer (Cyrillic, Greek, ... code pages spell whole words in high bytes)."""
    sample = data[:SNIFF_BYTES]
    high = len(sample) - len(sample.translate(None, _HIGH))
    letters = high + len(sample) - len(sample.translate(None, _ASCII_LETTERS))
    if letters and high / letters < 0.3:
        text, encoding = _western(data)
        if _CONTROL.search(text) is None or _control_ratio(text) < 0.01:
            return text, encoding
        raise InputError(item, BINARY)
    from charset_normalizer import from_bytes  # only for the rare non-Western case

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(item, BINARY)
    return str(best), best.encoding


def _western(data: bytes) -> tuple[str, str]:
    """Windows-1252, unless Windows-1250 (Polish, Czech, ...) reads as words where 1252
    puts symbols inside them ("W³adywostok" vs "Władywostok"); both agree on German."""
    west = data.decode("cp1252", errors=_LATIN1_FALLBACK)
    central = data.decode("cp1250", errors=_LATIN1_FALLBACK)
    if central != west and _in_word_symbols(central) < _in_word_symbols(west):
        return central, "cp1250"
    return west, "cp1252"


def _in_word_symbols(text: str) -> int:
    return sum(1 for ch in _IN_WORD.findall(text) if not ch.isalpha() and ch not in "’·")


def _control_ratio(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(1, len(text))


def check_text(text: str, item: str) -> None:
    """Reject decoded text that is really binary (many control characters)."""
    if _CONTROL.search(text) is not None and _control_ratio(text) > 0.01:
        raise InputError(item, BINARY)


def fix_text(text: str) -> tuple[str, bool]:
    """Normalise line breaks and repair mojibake; say whether anything changed."""
    fixed = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    if not fixed.isascii():
        if _SUSPECT.search(fixed):
            fixed = ftfy.fix_text(fixed, _FTFY)
        elif not unicodedata.is_normalized("NFC", fixed):
            fixed = unicodedata.normalize("NFC", fixed)
    elif "&" in fixed and _SUSPECT.search(fixed):
        fixed = ftfy.fix_text(fixed, _FTFY)
    return fixed, fixed != text


def bytes_to_text(data: bytes, item: str) -> tuple[str, str, bool]:
    """Decode, reject binary, repair: (text, encoding, fixed)."""
    text, encoding = decode_bytes(data, item)
    check_text(text, item)
    fixed, changed = fix_text(text)
    return fixed, encoding, changed
