"""Plain text and markdown: encoding detection, line endings, form feeds as page breaks."""
from __future__ import annotations

import codecs

from .. import rx

_NON_ASCII_UTF8 = rx.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_SAMPLE = 100_000


def _as_cp1252(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Reads bytes that are not UTF-8 as Windows-1252 (a stray 0x92 is the ’ an editor pasted in)."""
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("minutes-cp1252", _as_cp1252)


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when most characters of the start have a NUL high byte (ASCII text saved as
    UTF-16 without a byte-order mark); else None."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _codec(name: str | None) -> str | None:
    """A Python codec for a declared charset name; latin-1 means windows-1252 on the web."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def decode(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Decodes bytes and says what was doubtful: a byte-order mark first, then UTF-16 recognised by its NULs,
    then UTF-8, then mostly-UTF-8 (stray bytes read as
    Windows-1252, with a warning), then a charset the document declares,
    then the best guess (cp1252 and friends)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), []
    utf16 = utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    bad = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    if len(_NON_ASCII_UTF8.findall(data)) >= bad:  # more good UTF-8 characters than bad bytes: UTF-8 with typos
        return data.decode("utf-8", errors="minutes-cp1252"), [f"{bad} byte(s) that are not UTF-8 read as "
                                                               "Windows-1252"]
    codec = _codec(declared)
    if codec:
        return data.decode(codec, errors="replace"), []
    from charset_normalizer import from_bytes  # imported only for bytes that are neither UTF-8 nor declared

    best = from_bytes(data[:_SAMPLE]).best()
    return data.decode(best.encoding if best else "cp1252", errors="replace"), []


def read_text(data: bytes) -> tuple[list[str], list[str]]:
    """Pages of a text file (split at form feeds) and warnings about its encoding."""
    text, warnings = decode(data)
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\f"), warnings
