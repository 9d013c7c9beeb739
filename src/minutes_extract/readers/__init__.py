"""Readers: bytes of any supported format -> a Document, chosen by sniffing the content."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .. import rx
from ..document import Document
from ..errors import InputError, shown
from ..normalise import normalise_pages
from .text import decode, read_text

FORMATS = ("pdf", "docx", "html", "md", "txt")
SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".php", ".md", ".markdown", ".txt", ".text"}
_CLAIMED = {".pdf": "pdf", ".docx": "docx"}  # suffixes that promise a binary format
_KIND = {"pdf": "a PDF", "docx": "a Word document", "html": "HTML", "md": "text", "txt": "text"}
_CONTROL = rx.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def sniff(data: bytes, name: str | None = None) -> str:
    """The input format from the content (magic bytes, markup), falling back to the file name."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    lowered = head[:2048].lower()
    suffix = Path(name or "").suffix.lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?php", b"<?xml", b"<head", b"<body")):
        return "html"
    if suffix in (".md", ".markdown", ".txt", ".text"):  # markdown may hold HTML fragments: still markdown
        return "md" if suffix in (".md", ".markdown") else "txt"
    if lowered.startswith(b"<") and any(tag in lowered for tag in (b"<div", b"<p", b"<table", b"<h1", b"<h2",
                                                                   b"<h3", b"<h4", b"<button", b"<section")):
        return "html"
    return "html" if suffix in (".html", ".htm", ".php", ".xhtml") else "txt"


MAX_CHARS = 10_000_000
MAX_PAGES = 2000


def not_text(text: str) -> str | None:
    """Why decoded text is binary junk ('not text: 43% control bytes'), or None when it reads as text."""
    sample = text[:100_000]
    share = len(_CONTROL.findall(sample)) / max(1, len(sample))
    return f"not text: {share:.0%} control bytes" if share > 0.05 else None


def read_bytes(data: bytes, name: str | None = None, fmt: str | None = None, max_chars: int = MAX_CHARS,
               max_pages: int = MAX_PAGES) -> Document:
    """Reads minutes given as bytes; `fmt` overrides the sniffed format. Inputs over `max_pages` pages or
    `max_chars` characters of text are refused (0: no limit), which bounds the time and memory per file; so is
    binary that is no known format, and a file named .pdf or .docx holding something else (unless `fmt`)."""
    sniffed = sniff(data, name)
    claimed = _CLAIMED.get(Path(name or "").suffix.lower())
    if not fmt and claimed and sniffed != claimed:
        kind = "binary data of no known format" if sniffed == "txt" and not_text(decode(data)[0]) else _KIND[sniffed]
        raise InputError(f"named {shown(Path(name).suffix)} but is {kind} "
                         f"(--format-in {sniffed} reads it anyway)")
    fmt = fmt or sniffed
    warnings: list[str] = []
    if fmt == "pdf":
        from .pdf import read_pdf
        pages = read_pdf(data, max_pages=max_pages or 10**9)
    elif fmt == "docx":
        from .docx import read_docx
        pages = read_docx(data, max_chars=max_chars)
    elif fmt == "html":
        from .html import read_html
        pages, warnings = read_html(data)
    elif fmt in ("md", "txt"):
        pages, warnings = read_text(data)
    else:
        raise InputError(f"unknown input format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt in ("md", "txt", "html"):
        junk = not_text("".join(pages))
        if junk:
            raise InputError(junk)
    size = sum(len(p) for p in pages)
    if max_chars and size > max_chars:
        raise InputError(f"{size:,} characters of text is over the limit of {max_chars:,} (--max-chars)")
    text, starts = normalise_pages(pages)
    if not text.strip():
        raise InputError("no text found in the document")
    return Document(text=text, format=fmt, path=name, sha256=hashlib.sha256(data).hexdigest(), page_starts=starts,
                    warnings=warnings)


def read(path: str | Path, fmt: str | None = None, **limits) -> Document:
    """Reads the minutes at `path` (limits: max_chars, max_pages)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {shown(str(path))}") from None
    except IsADirectoryError:
        raise InputError(f"is a directory: {shown(str(path))}") from None
    except OSError as exc:
        raise InputError(f"cannot read {shown(str(path))}: {exc.strerror}") from None
    return read_bytes(data, str(path), fmt, **limits)
