"""PDF: text in reading order through pypdfium2, with running headers/footers and hyphenation repaired."""
from __future__ import annotations

import io
import re
from collections import Counter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import InputError

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$|^\s*-\s*\d{1,4}\s*-\s*$", re.I)
_FURNITURE_EDGE = 3
_SENTENCE = re.compile(r"[a-z].*[a-z0-9)][.!?]['\")]?\s*$")  # words ending in a full stop


_MAX_TABLE_PAGES = 40


def _ruled(page) -> bool:
    """A page whose drawn lines and boxes make a grid (four or more distinct column edges and row edges):
    it may hold a ruled table. Page frames, underlines and bullets do not make a grid."""
    xs, ys = set(), set()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if height < 2.5 and width > 20:
            ys.add(round(bottom / 3))
        elif width < 2.5 and height > 8:
            xs.add(round(left / 3))
        elif width > 20 and height > 8:
            xs.update((round(left / 3), round(right / 3)))
            ys.update((round(bottom / 3), round(top / 3)))
        if len(xs) >= 4 and len(ys) >= 4:
            return True
    return False


def _real_table(rows: list[list]) -> bool:
    """A table worth keeping as rows: two rows and two columns at least, and mostly filled cells."""
    if len(rows) < 2 or max(len(r) for r in rows) < 2:
        return False
    cells = [c for r in rows for c in r]
    return sum(1 for c in cells if c and c.strip()) >= 0.6 * len(cells)


def _with_tables(data: bytes, candidates: list[int]) -> dict[int, list[str]]:
    """Pages holding ruled tables, read by pdfplumber: the text around each table, and the table as
    '| a | b |' rows (attendance lists and action tables keep their columns)."""
    import pdfplumber

    out: dict[int, list[str]] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index in candidates:
            page = pdf.pages[index]
            tables = sorted((t for t in page.find_tables() if _real_table(t.extract())), key=lambda t: t.bbox[1])
            if not tables:
                continue
            lines: list[str] = []
            top = page.bbox[1]
            for table in tables:
                if table.bbox[1] > top:
                    lines += _band(page, top, table.bbox[1])
                lines += ["| " + " | ".join(" ".join((cell or "").split()) for cell in row) + " |"
                          for row in table.extract()]
                top = max(top, table.bbox[3])
            lines += _band(page, top, page.bbox[3])
            out[index] = lines
    return out


def _band(page, top: float, bottom: float) -> list[str]:
    if bottom - top < 1:
        return []
    x0, _, x1, _ = page.bbox
    return (page.crop((x0, top, x1, bottom)).extract_text() or "").split("\n")


def _columns(page, textpage) -> list[str] | None:
    """The text of the left and right columns when no text crosses a strip down the middle of the page and
    both halves hold a good share of the text; else None (one column)."""
    width, height = page.get_width(), page.get_height()
    middle = width / 2
    gutter = textpage.get_text_bounded(left=middle - 4, bottom=0, right=middle + 4, top=height)
    if len(gutter.split()) > 1:
        return None
    halves = [textpage.get_text_bounded(left=0, bottom=0, right=middle, top=height),
              textpage.get_text_bounded(left=middle, bottom=0, right=width, top=height)]
    sizes = [len("".join(h.split())) for h in halves]
    if sum(sizes) < 200 or min(sizes) < 0.25 * sum(sizes):
        return None
    return halves


def _page_lines(page) -> list[str]:
    textpage = page.get_textpage()
    try:
        columns = _columns(page, textpage)
        text = "\n".join(columns) if columns else textpage.get_text_range()  # a two-column page: left, then right
    finally:
        textpage.close()
    text = re.sub("\ufffe\\s*\r?\n", "", text)  # pdfium marks a line-end hyphen with U+FFFE
    text = text.replace("\ufffe", "-").replace("\r\n", "\n").replace("\r", "\n")
    return [line.rstrip() for line in text.split("\n")]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drops running headers and footers and bare page numbers ('3', 'Page 3 of 12'). A line is running matter
    when it recurs (digits aside) at the same edge, top or bottom, of most pages and is not a sentence of the
    minutes ('Motion Carried 6-0.' at the foot of two pages is kept): when in doubt, a line is kept."""
    counts: Counter[tuple[str, str]] = Counter()
    for lines in pages:
        counts.update(_edges(lines).values())
    threshold = len(pages) // 2 + 1
    repeated = {key for key, n in counts.items() if n >= max(2, threshold)} if len(pages) > 1 else set()
    cleaned = []
    for lines in pages:
        edges = _edges(lines)
        cleaned.append([ln for i, ln in enumerate(lines) if not (i in edges and (
            _PAGE_NUMBER.match(ln) or (edges[i] in repeated and not _SENTENCE.search(ln))))])
    return cleaned


def _edges(lines: list[str]) -> dict[int, tuple[str, str]]:
    """The first and last few non-blank lines of a page: index -> (edge, shape)."""
    body = [i for i, ln in enumerate(lines) if ln.strip()]
    edges = {i: ("bottom", _shape(lines[i])) for i in body[-_FURNITURE_EDGE:]}
    edges.update({i: ("top", _shape(lines[i])) for i in body[:_FURNITURE_EDGE]})
    return edges


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
        pages, ruled = [], []
        for index in range(len(pdf)):
            try:
                page = pdf[index]
                pages.append(_page_lines(page))
                if len(ruled) < _MAX_TABLE_PAGES and _ruled(page):
                    ruled.append(index)
            except pdfium.PdfiumError:
                pages.append([])  # a damaged page: the others are still read
    finally:
        pdf.close()
    if not any(ln.strip() for lines in pages for ln in lines):
        raise InputError("the PDF has no text layer (a scan?); it needs OCR first")
    if ruled:
        try:
            for index, lines in _with_tables(data, ruled).items():
                pages[index] = lines
        except Exception:  # noqa: BLE001 - pdfplumber failing on a page leaves pdfium's text in place
            pass
    return ["\n".join(lines) for lines in strip_furniture(pages)]
