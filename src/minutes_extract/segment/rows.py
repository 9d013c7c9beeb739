"""Agenda tables of council web pages: one row per item ('| 4. | Title ... Minutes: ... |', ModernGov)."""
from __future__ import annotations

import re

from .. import rx
from .base import Line, Segment
from .titles import clean_title, cut_title


_NUMBERED_ROW = rx.compile(r"^\|\s*(?:Item\s+)?(?P<num>\d{1,3}(?:[./]\d{1,3}){0,3})\.?\s*\|"
                           r"\s*(?P<rest>\S.*?)\s*\|?\s*$",
                           re.I)


_PDF_LINK = rx.compile(r"\s+PDF\s+\d+\s*[KM]B\b")
_PRESENTER = rx.compile(r"\bwill (?:give|present|attend|report)\b")


def _row_title(body: str) -> str:
    """An agenda row's title: its first sentence before 'Minutes:' or a 'PDF 108 KB' link; for a row with no
    title of its own, what the minute is about."""
    lead = body.split("Minutes:")[0].strip()
    lead = _PDF_LINK.split(lead, 1)[0]
    title = cut_title(lead.split(". ")[0]) if lead else ""
    if not title or _PRESENTER.search(lead):
        title = _topic_of(body.split("Minutes:", 1)[-1]) or title
    return clean_title(title)


_LETTER = rx.compile(r"[^\W\d_]")


def _numbered_rows(text: str, lines: list[Line]) -> list[Segment]:
    """Agenda tables from web pages: rows '| 4. | Title ... Minutes: ... |' with the item number in a cell."""
    if "|" not in text:
        return []
    rows = [(ln, m) for ln in lines if "|" in ln.text and (m := _NUMBERED_ROW.match(ln.text.strip())) and
            _LETTER.search(m.group("rest"))]  # '| 16 | 4 |' is a row of figures, not an item
    if len(rows) < 3:
        return []
    segs = []
    for k, (ln, m) in enumerate(rows):
        end = rows[k + 1][0].start if k + 1 < len(rows) else len(text)
        segs.append(Segment(m.group("num"), _row_title(m.group("rest").replace(" | ", " ")), ln.start, end,
                            "item.table-row"))
    return segs


_ITEM_HEADER = rx.compile(r"^(?:No\.?\s*\|\s*)?Item\s*\|")
_RULE_ROW = rx.compile(r"[-|: ]+")


def table_row_segments(text: str, lines: list[Line]) -> list[Segment]:
    """ModernGov 'Agenda and minutes' pages flattened to text: rows end in '|', each with 'Minutes:'."""
    numbered = _numbered_rows(text, lines)
    if numbered:
        return numbered
    if text.count("Minutes:") < 3:
        return []
    rows, start = [], None
    for ln in lines:
        t = ln.text.strip()
        if start is None:
            if _ITEM_HEADER.match(t):
                start = ln.end + 1
            continue
        if _RULE_ROW.fullmatch(t) and ln.start <= start:
            start = ln.end + 1
            continue
        if t in ("|", ""):
            if ln.start > start:
                rows.append((start, ln.start))
            start = ln.end + 1
    if start is not None and start < len(text):
        rows.append((start, len(text)))
    segs = []
    for a, b in rows:
        body = text[a:b].strip()
        if not body or "|" == body:
            continue
        segs.append(Segment(None, _row_title(body), a + (len(text[a:b]) - len(text[a:b].lstrip())), b,
                            "item.table-row"))
    return segs


_ABOUT = rx.compile(r"\b(?:regarding|concerning|on the subject of)\s+(?P<t>[^.]{5,160}?)(?:\.|$)")
_CONSIDERED = rx.compile(r"\b(?:considered|received|noted)\s+(?:the|a|an)\s+(?P<t>[^,.]{3,80}?)(?:,|\.|$)")


def _topic_of(minute: str) -> str | None:
    """A row with no title of its own ('Minutes: The Board considered the Action Log, a copy of which ...',
    '... received a presentation from X, regarding modern slavery ...'): what the minute is about."""
    m = _ABOUT.search(minute) or _CONSIDERED.search(minute)
    return m.group("t").strip() if m else None
