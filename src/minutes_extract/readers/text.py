"""Plain text and markdown: encoding detection, line endings, form feeds as page breaks."""
from __future__ import annotations

from charset_normalizer import from_bytes


def decode(data: bytes) -> str:
    """Decodes bytes: BOMs first, then UTF-8, then the best guess (cp1252 and friends)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best else "cp1252"
    return data.decode(encoding, errors="replace")


def read_text(data: bytes) -> list[str]:
    """Pages of a text file: split at form feeds."""
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\f")
