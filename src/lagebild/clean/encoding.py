"""Bytes to text: BOMs, UTF-8, single-byte fallbacks (cp1252, latin-1), binary detection,
and the text normalisation every body gets (newlines, NBSP, zero-width characters)."""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from ..pipeline import StageFailure

#: Signatures of binary formats that are never news text.
_MAGIC = (
    (b"%PDF-", "PDF document"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "executable"), (b"MZ\x90\x00", "executable"), (b"BZh", "bzip2 data"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"), (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"), (b"OggS", "Ogg media"), (b"ID3", "MP3 audio"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = re.compile(rb"[\x80-\xff]")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{2,40})""", re.I)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2000-\u200a\u3000\t\x0b\x0c]")
_CTRL_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_SEP = re.compile("\r\n?|[\u2028\u2029\x85]")
#: Labels that browsers read as windows-1252 (WHATWG encoding standard).
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii",
                            "us-ascii", "windows-1252", "cp1252", "iso-8859-15", "latin-9"})


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replacements: int  # U+FFFD characters in the result (undecodable bytes)


def check_binary(data: bytes) -> None:
    """Raise ``StageFailure('binary')`` for data that is not text."""
    head = data[:65536]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return  # UTF-16/32 text has NUL bytes by design
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise StageFailure("binary", f"looks like a {what}")
    nul = head.find(b"\x00")
    if nul >= 0:
        raise StageFailure("binary", f"NUL bytes (first at offset {nul})")
    controls = sum(1 for b in head if b in _CONTROL)
    if head and controls / len(head) > 0.05:
        raise StageFailure("binary", f"{controls} control bytes in the first {len(head)} bytes")


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").lower()
    if label in _LATIN1_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _single_byte(data: bytes) -> str | None:
    """cp1252 or latin-1 for non-UTF-8 bytes, as charset-normalizer ranks them."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        from_bytes = None
    if from_bytes is not None:
        best = from_bytes(data, cp_isolation=["cp1252", "latin_1"], threshold=0.3).best()
        if best is not None:
            return "cp1252" if best.encoding in ("cp1252", "windows_1252") else "latin-1"
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return None


_GARBLED = re.compile("[\ufffd\x80-\x9f]")


def _checked(dec: Decoded) -> Decoded:
    """Reject a decoding whose text is mostly replacement or C1 control characters."""
    visible = len(dec.text) - dec.text.count(" ") - dec.text.count("\n")
    bad = len(_GARBLED.findall(dec.text))
    if visible and bad / visible > 0.05 and bad >= 3:
        raise StageFailure("encoding", f"{bad} of {visible} characters undecodable as {dec.encoding}")
    return dec


def decode_bytes(data: bytes, declared: bool = False) -> Decoded:
    """Decode input bytes; raise ``StageFailure('encoding')`` when no candidate fits."""
    return _checked(_decode(data, declared))


def _decode(data: bytes, declared: bool = False) -> Decoded:
    """``declared``: honour an HTML ``<meta charset>`` declaration first."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc, errors="replace")
            except LookupError:  # pragma: no cover
                break
            return Decoded(text, enc.replace("-le", "").replace("-be", ""), text.count("\ufffd"))
    try:
        text = data.decode("utf-8")
        return Decoded(text, "utf-8", text.count("\ufffd"))
    except UnicodeDecodeError:
        pass
    if declared:
        enc = _declared_charset(data)
        if enc and enc != "utf-8":
            try:
                text = data.decode(enc)
                return Decoded(text, enc, text.count("\ufffd"))
            except (UnicodeDecodeError, LookupError):
                pass
    # Mostly UTF-8 with a few broken bytes: keep UTF-8, count what was lost.
    good = len(_UTF8_MULTI.findall(data))
    high = len(_HIGH.findall(data))
    bad_bytes = high - sum(len(m) for m in _UTF8_MULTI.findall(data))
    if good and good >= 3 * bad_bytes:
        text = data.decode("utf-8", errors="replace")
        return Decoded(text, "utf-8", text.count("\ufffd"))
    enc = _single_byte(data)
    if enc is None:
        raise StageFailure("encoding", "neither UTF-8 nor cp1252/latin-1 fits the bytes")
    text = data.decode(enc, errors="replace")
    return Decoded(text, enc, text.count("\ufffd"))


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` newlines, plain spaces for NBSP and friends, no zero-width or control
    characters, no trailing spaces; the line structure stays as it was."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_SEP.sub("\n", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CTRL_TEXT.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
