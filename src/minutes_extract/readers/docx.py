"""Word (.docx): paragraphs in order, Word's automatic numbering written out, tables as rows."""
from __future__ import annotations

import io
import zipfile
from collections import defaultdict

from ..errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_PARAGRAPHS = 20_000  # a 300-page Word file has about 10,000


class _Styles:
    """Paragraph styles by id, looked up once each (python-docx searches the styles part on every call, which
    made a 5,000-paragraph document take a minute)."""

    def __init__(self):
        self.found: dict = {}

    def of(self, para):
        ppr = para._p.pPr
        key = ppr.style if ppr is not None else None
        if key not in self.found:
            self.found[key] = para.style
        return self.found[key]


def _numbering_label(para, style, counters: dict) -> str:
    """The label Word would draw for a numbered paragraph ('3.', '3.1.'); '' when unnumbered."""
    ppr = para._p.pPr
    numpr = ppr.numPr if ppr is not None else None
    if (numpr is None or numpr.numId is None) and style is not None:
        style_ppr = style.element.pPr  # numbering given by the paragraph style ('List Number')
        numpr = style_ppr.numPr if style_ppr is not None else None
    if numpr is None or numpr.numId is None:
        return ""
    num_id = numpr.numId.val
    level = numpr.ilvl.val if numpr.ilvl is not None else 0
    levels = counters[num_id]
    levels[level] = levels.get(level, 0) + 1
    for deeper in [k for k in levels if k > level]:
        del levels[deeper]
    if "bullet" in (style.name or "").lower() if style is not None else False:
        return "- "
    return ".".join(str(levels.get(i, 1)) for i in range(level + 1)) + ". "


def _check_size(zf: zipfile.ZipFile, max_chars: int) -> None:
    """Refuses a document body with too many paragraphs or too much text, found by a streaming pass before
    python-docx builds the whole tree (which takes about 12 times the XML's size in memory)."""
    from lxml import etree

    paragraphs = chars = 0
    with zf.open("word/document.xml") as fh:
        for _, el in etree.iterparse(fh, events=("end",), tag=(_W + "p", _W + "t"), resolve_entities=False,
                                     huge_tree=True):
            if el.tag == _W + "p":
                paragraphs += 1
                if paragraphs > MAX_PARAGRAPHS:
                    raise InputError(f"the .docx has more than {MAX_PARAGRAPHS:,} paragraphs")
            else:
                chars += len(el.text or "")
                if max_chars and chars > max_chars:
                    raise InputError(f"the .docx has more than {max_chars:,} characters of text (--max-chars)")
            el.clear()


def read_docx(data: bytes, max_chars: int = 0) -> list[str]:
    """The text of a Word document as one page of lines (Word keeps no page map); bounded by the unpacked
    size, the number of paragraphs and `max_chars` characters of text (0: no limit)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_UNCOMPRESSED:
                raise InputError(f"the .docx unpacks to more than {MAX_UNCOMPRESSED >> 20} MB")
            if "word/document.xml" not in zf.namelist():
                raise InputError("a zip file but not a Word document")
            _check_size(zf, max_chars)
        return ["\n".join(_lines(data))]
    except InputError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged package
        raise InputError(f"not a readable Word document ({type(exc).__name__}: {exc})") from None


def _lines(data: bytes) -> list[str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    counters: dict = defaultdict(dict)
    styles = _Styles()
    lines: list[str] = []
    paragraphs = {p._p: p for p in document.paragraphs}
    tables = {t._tbl: t for t in document.tables}
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p" and child in paragraphs:
            para = paragraphs[child]
            text = para.text.strip()
            if not text:
                lines.append("")
                continue
            style = styles.of(para)
            name = (style.name or "").lower() if style is not None else ""
            if name.startswith("heading") and name[-1:].isdigit():
                text = "#" * int(name[-1]) + " " + text
            lines.append(_numbering_label(para, style, counters) + text)
        elif child.tag == _W + "tbl" and child in tables:
            lines.append("")
            for row in tables[child].rows:
                cells = [c.text.strip().replace("\n", " ") for c in row.cells]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    return lines
