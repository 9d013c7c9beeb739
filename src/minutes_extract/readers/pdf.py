"""PDF: text in reading order through pypdfium2, with running headers/footers and hyphenation repaired."""
from __future__ import annotations

import re
from collections import Counter

import pypdfium2 as pdfium

from ..errors import InputError

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$|^\s*-\s*\d{1,4}\s*-\s*$", re.I)
_FURNITURE_EDGE = 3


def _page_lines(page) -> list[str]:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
    text = re.sub("\ufffe\\s*\r?\n", "", text)  # pdfium marks a line-end hyphen with U+FFFE
    text = text.replace("\ufffe", "-").replace("\r\n", "\n").replace("\r", "\n")
    return [line.rstrip() for line in text.split("\n")]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drops running headers and footers: lines at a page's edge that recur (digits aside) on
    many pages, and bare page numbers ('3', 'Page 3 of 12')."""
    counts: Counter[str] = Counter()
    for lines in pages:
        body = [ln for ln in lines if ln.strip()]
        edge = body[:_FURNITURE_EDGE] + body[-_FURNITURE_EDGE:]
        counts.update({_shape(ln) for ln in edge})
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {shape for shape, n in counts.items() if n >= threshold} if len(pages) > 1 else set()
    cleaned = []
    for lines in pages:
        body_idx = [i for i, ln in enumerate(lines) if ln.strip()]
        edge = set(body_idx[:_FURNITURE_EDGE] + body_idx[-_FURNITURE_EDGE:])
        cleaned.append([ln for i, ln in enumerate(lines)
                        if not (i in edge and (_shape(ln) in repeated or _PAGE_NUMBER.match(ln)))])
    return cleaned


def read_pdf(data: bytes, max_pages: int = 2000) -> list[str]:
    """The text of each page of a PDF."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise InputError("the PDF is encrypted and needs a password") from None
        raise InputError(f"not a readable PDF ({exc})") from None
    try:
        if len(pdf) > max_pages:
            raise InputError(f"{len(pdf)} pages is over the limit of {max_pages} (--max-pages)")
        pages = []
        for index in range(len(pdf)):
            try:
                pages.append(_page_lines(pdf[index]))
            except pdfium.PdfiumError:
                pages.append([])  # a damaged page: the others are still read
    finally:
        pdf.close()
    if not any(ln.strip() for lines in pages for ln in lines):
        raise InputError("the PDF has no text layer (a scan?); it needs OCR first")
    return ["\n".join(lines) for lines in strip_furniture(pages)]
