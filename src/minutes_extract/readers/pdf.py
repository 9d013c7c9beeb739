"""PDF: text in reading order through pypdfium2, with running headers/footers and hyphenation repaired."""
from __future__ import annotations

import ctypes
import io
import re
from collections import Counter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .. import rx
from ..errors import InputError
from .grid import Edge, ruled_tables

_PAGE_NUMBER = rx.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$|^\s*-\s*\d{1,4}\s*-\s*$", re.I)
_FURNITURE_EDGE = 3
_SENTENCE = rx.compile(r"[a-z].*[a-z0-9)][.!?]['\")]?\s*$")  # words ending in a full stop


_MAX_TABLE_PAGES = 40
_MAX_PATHS = 5000  # a page drawing more paths is a chart, map or plan: its tables are not looked for
_MAX_SEGMENTS = 50_000  # nor is one whose paths hold more line segments


def _ruled(page) -> bool:
    """A page whose drawn lines and boxes make a grid (four or more distinct column edges and row edges):
    it may hold a ruled table. Page frames, underlines and bullets do not make a grid; nor do pages with
    more than _MAX_PATHS drawings."""
    xs, ys = set(), set()
    for n, (left, bottom, right, top) in enumerate(_path_bounds(page.raw)):
        if n == _MAX_PATHS:
            return False
        width, height = right - left, top - bottom
        if height < 2.5 and width > 20:
            ys.add(round(bottom / 3))
        elif width < 2.5 and height > 8:
            xs.add(round(left / 3))
        elif width > 20 and height > 8:
            xs.update((round(left / 3), round(right / 3)))
            ys.update((round(bottom / 3), round(top / 3)))
    return len(xs) >= 4 and len(ys) >= 4


def _path_bounds(page):
    """(left, bottom, right, top) of each path object of a page and of the forms on it."""
    box = [ctypes.c_float() for _ in range(4)]
    for obj, _ in _paths(page):
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *map(ctypes.byref, box)):
            raise pdfium.PdfiumError("unreadable path bounds")
        yield tuple(b.value for b in box)


def _paths(parent, form=None):
    """(path, the form holding it or None) for each path object of a page and of the forms on it (one level down,
    as `page.get_objects(filter=[path], max_depth=2)`), as raw handles through pdfium's C API: a Python wrapper for
    each of a page's objects costs more than reading its text."""
    count, get = ((pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject) if form else
                  (pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject))
    for i in range(count(parent)):
        obj = get(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj, form
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and not form:
            yield from _paths(obj, obj)


def _matrix(obj) -> tuple[float, ...]:
    """The object's transform (a, b, c, d, e, f): (x, y) -> (ax + cy + e, bx + dy + f)."""
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        raise pdfium.PdfiumError("unreadable object matrix")
    return m.a, m.b, m.c, m.d, m.e, m.f


def _then(m1: tuple[float, ...], m2: tuple[float, ...]) -> tuple[float, ...]:
    """The transform m1 followed by m2 (pypdfium2's `PdfMatrix.multiply`, in the same arithmetic)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _real_table(rows: list[list]) -> bool:
    """A table worth keeping as rows: two rows and two columns at least, and mostly filled cells."""
    if len(rows) < 2 or max(len(r) for r in rows) < 2:
        return False
    cells = [c for r in rows for c in r]
    return sum(1 for c in cells if c and c.strip()) >= 0.6 * len(cells)


def _with_tables(data: bytes, candidates: list[int]) -> dict[int, list[str]]:
    """Pages holding ruled tables: the text around each table, and the table as '| a | b |' rows (attendance
    lists and action tables keep their columns). The grid comes from the page's drawn lines (grid.py) and
    pypdfium2 reads each cell; pdfplumber reads the pages where that fails."""
    out: dict[int, list[str]] = {}
    failed = []
    pdf = pdfium.PdfDocument(data)
    try:
        for index in candidates:
            try:
                lines = _page_with_tables(pdf[index])
            except pdfium.PdfiumError:
                failed.append(index)
                continue
            if lines is not None:
                out[index] = lines
    finally:
        pdf.close()
    if failed:
        out.update(_with_tables_pdfplumber(data, failed))
    return out


def _page_with_tables(page) -> list[str] | None:
    """The lines of a page with its ruled tables as rows, or None when it holds no table worth keeping."""
    height = page.get_height()
    edges = _ruling_edges(page, height)
    if not edges:
        return None
    textpage = page.get_textpage()
    try:
        def text(x0: float, top: float, x1: float, bottom: float) -> str:
            return _clean(textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top))

        tables = []
        for box, cells in ruled_tables(edges):
            rows = [[None if cell is None else text(*cell) for cell in row] for row in cells]
            if _real_table(rows):
                tables.append((box, rows))
        if not tables:
            return None
        runs = [(left, height - top, right, height - bottom)  # the page's text runs, measured from the top
                for left, bottom, right, top in (textpage.get_rect(i) for i in range(textpage.count_rects()))]
        lines: list[str] = []
        top = float("-inf")  # the bands are open-ended: rotated pages and shifted media boxes lose no text
        for bbox, rows in sorted(tables, key=lambda t: t[0][1]):
            lines += [ln for line in _band(runs, top, bbox[1]) for ln in text(*line).split("\n")]
            lines += ["| " + " | ".join(" ".join((cell or "").split()) for cell in row) + " |" for row in rows]
            top = max(top, bbox[3])
        lines += [ln for line in _band(runs, top, float("inf")) for ln in text(*line).split("\n")]
        return [ln.rstrip() for ln in lines]
    finally:
        textpage.close()


def _band(runs: list[tuple[float, float, float, float]], top: float, bottom: float) -> list[list[float]]:
    """The boxes of the text lines between top and bottom, from the top down: runs whose middle lies in the band,
    merged while they overlap vertically (so a page drawn out of order still reads top to bottom)."""
    lines: list[list[float]] = []
    for x0, y0, x1, y1 in sorted((r for r in runs if top <= (r[1] + r[3]) / 2 < bottom), key=lambda r: r[1]):
        if lines and y0 < lines[-1][3]:
            line = lines[-1]
            line[:] = [min(line[0], x0), line[1], max(line[2], x1), max(line[3], y1)]
        else:
            lines.append([x0, y0, x1, y1])
    return lines


def _clean(text: str) -> str:
    """pdfium's text with its line-end hyphen marks (U+FFFE) and CR line ends made plain."""
    text = re.sub("\ufffe\\s*\r?\n", "", text)
    return text.replace("\ufffe", "-").replace("\r\n", "\n").replace("\r", "\n")


def _ruling_edges(page, height: float) -> list[Edge]:
    """The straight horizontal and vertical segments the page draws (its paths, in forms too), measured from
    the page top; none on a page with more than _MAX_PATHS drawings or _MAX_SEGMENTS segments."""
    x, y = ctypes.c_float(), ctypes.c_float()
    edges, segments = [], 0
    for n, (obj, form) in enumerate(_paths(page.raw)):
        count = pdfium_c.FPDFPath_CountSegments(obj)
        segments += count
        if n == _MAX_PATHS or segments > _MAX_SEGMENTS:
            return []
        a, b, c, d, e, f = _then(_matrix(obj), _matrix(form)) if form else _matrix(obj)  # to page space
        start = last = None
        for i in range(count):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
            if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
                raise pdfium.PdfiumError("unreadable path segment")
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO and last is not None:
                edges.append(_edge(last, point, height))
            last = point
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                edges.append(_edge(point, start, height))
                last = start
    return [edge for edge in edges if edge]


def _edge(p0: tuple[float, float], p1: tuple[float, float], height: float) -> Edge | None:
    """A segment as a ruling line measured from the page top, if it is horizontal or vertical and 1 point
    long at least."""
    x0, x1 = sorted((p0[0], p1[0]))
    top, bottom = sorted((height - p0[1], height - p1[1]))
    if x1 - x0 < 0.1 and bottom - top >= 1:
        return ("v", x0, top, bottom)
    if bottom - top < 0.1 and x1 - x0 >= 1:
        return ("h", top, x0, x1)
    return None


def _with_tables_pdfplumber(data: bytes, candidates: list[int]) -> dict[int, list[str]]:
    """Pages holding ruled tables, read by pdfplumber: the text around each table, and its rows."""
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
                    lines += _crop_text(page, top, table.bbox[1])
                lines += ["| " + " | ".join(" ".join((cell or "").split()) for cell in row) + " |"
                          for row in table.extract()]
                top = max(top, table.bbox[3])
            lines += _crop_text(page, top, page.bbox[3])
            out[index] = lines
    return out


def _crop_text(page, top: float, bottom: float) -> list[str]:
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
