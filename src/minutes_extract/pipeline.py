"""The pipeline: read -> normalise -> segment -> extract -> validate. Each stage is a plain function."""
from __future__ import annotations

import gc
from bisect import bisect_right
from pathlib import Path

from . import __version__, rx
from .document import Document
from .extractors.actions import extract_actions
from .extractors.amounts import extract_amounts
from .extractors.attendees import extract_attendees
from .extractors.dates import Mention, resolve, scan_dates, within
from .extractors.decisions import extract_decisions
from .extractors.declarations import extract_declarations
from .extractors.meeting import default_year, extract_meeting, next_meetings
from .extractors.roster import Roster
from .normalise import normalise_pages
from .readers import SUFFIXES, read, read_bytes
from .schema import Minutes
from .segment import Segment, lines_of, segment
from .sentences import split
from .signals import document_signals


def load(source: str | Path | bytes | None = None, fmt: str | None = None, *, text: str | None = None,
         name: str | None = None, **limits) -> Document:
    """A Document from a path, raw bytes (`name`: the file they came from), or the text of minutes itself
    (`text=`, or a string with a newline); limits: max_chars, max_pages. A one-line string ending in a
    known file extension is a path, and an error when no such file exists: a typo is never read as minutes."""
    if text is None and isinstance(source, str) and "\n" not in source and (
            Path(source).suffix.lower() in SUFFIXES or (len(source) < 4096 and Path(source).exists())):
        source = Path(source)
    if isinstance(source, bytes):
        return read_bytes(source, name, fmt, **limits)
    if isinstance(source, Path):
        return read(source, fmt, **limits)
    text = source if text is None else text
    if not isinstance(text, str):
        raise TypeError("extract() takes a path, bytes, or text=")
    normalised, starts = normalise_pages(text.split("\f"))
    return Document(text=normalised, format=fmt or "txt", page_starts=starts)


class _Items:
    """Which item an offset falls in."""

    def __init__(self, segs: list[Segment]):
        self.segs = segs
        self.starts = [s.start for s in segs]

    def label(self, offset: int) -> str | None:
        k = bisect_right(self.starts, offset) - 1
        if k < 0 or offset >= self.segs[k].end:
            return None
        seg = self.segs[k]
        return seg.number or seg.title


# Above this many characters the cyclic garbage collector is paused while a document is extracted: its full
# passes revisit every live record, a cost that grows faster than the document (6% of a 20 MB one), and
# extraction makes no reference cycles for it to find.
PAUSE_GC_ABOVE = 1_000_000


def extract_document(doc: Document) -> Minutes:
    """Everything in one document, validated."""
    pause = len(doc.text) > PAUSE_GC_ABOVE and gc.isenabled()
    if pause:
        gc.disable()
    try:
        minutes = _extract_document(doc)
    finally:
        if pause:
            gc.enable()
    rx.save()  # the first document compiles the lazily built grammars: keep them for the next run
    return minutes


def _extract_document(doc: Document) -> Minutes:
    text = doc.text
    signals = document_signals(text)
    lines = lines_of(text)
    segs = segment(text, lines)
    items = _Items(segs)
    written_dates = scan_dates(text, signals)  # the one search for dates
    info = extract_meeting(text, segs, written_dates)
    year = default_year(written_dates, info.date)
    found = extract_attendees(text, segs, lines)
    roster = Roster([f.person for f in found], text)  # attendees, then people named with a title
    first_item = segs[0].start if segs else len(text)
    body_start = max([f.end for f in found if f.end <= first_item], default=0)  # after the attendance list
    heading_end = {s.start + k: s.start + len(s.title) + 12 for s in segs for k in range(12)}
    units = [u for u in split(text, body_start, breaks=[s.start for s in segs])  # sentences, cut where items start
             if not (u.start in heading_end and u.end <= heading_end[u.start])]  # a heading is no action or decision
    tasks = extract_actions(units, roster, text)
    resolutions = extract_decisions(units, text, [(t.start, t.end) for t in tasks if t.decided],
                                     roster, sum(f.status == "absent" for f in found), [s.start for s in segs])
    declared = extract_declarations(units, text, roster, [s.start for s in segs])
    dates = resolve(written_dates, text, year)
    warnings = [f"{d.raw!r}: {d.warning}" for d in dates if d.warning]
    for t in tasks:
        warnings.extend(f"action owner {u!r} matches no attendee, or several" for u in t.unresolved)
    chair = next((f.person.name for f in found if f.person.role and "chair" in f.person.role.lower()
                  and not any(w in f.person.role.lower() for w in ("vice", "deputy"))), None)
    return Minutes.model_validate(dict(  # records as plain dicts: the whole document validated in one call
        tool_version=__version__,
        source=dict(path=doc.path, sha256=doc.sha256, format=doc.format,
                    pages=len(doc.page_starts) if doc.paged else None, characters=len(text)),
        meeting=dict(body=info.body, date=info.date, start_time=info.start_time, end_time=info.end_time,
                     location=info.location, chair=chair),
        items=[dict(number=s.number, title=s.title, text=text[s.start:s.end].strip(), subheadings=s.subheadings,
                    **doc.where(s.start, s.end, s.rule)) for s in segs],
        attendees=[dict(name=f.person.name, status=f.status, title=f.person.title,
                        post_nominals=f.person.post_nominals, role=f.person.role,
                        organisation=f.person.organisation, initials=f.person.initials or None, group=f.group,
                        **doc.where(f.start, f.end, f.rule)) for f in found],
        actions=[dict(text=t.text, owners=t.owners, owner_refs=t.refs, unresolved_owners=t.unresolved,
                      due=_due(dates, t.start, t.end), item=items.label(t.start),
                      **doc.where(t.start, t.end, t.rule)) for t in tasks],
        decisions=[dict(text=r.text, kind=r.kind, item=items.label(r.start), vote=r.vote or None,
                        **doc.where(r.start, r.end, r.rule)) for r in resolutions],
        declarations=[dict(name=d.name, item=d.item, text=d.text, **doc.where(d.start, d.end, d.rule))
                      for d in declared],
        amounts=[dict(value=a.value, currency=a.currency, raw=a.raw, upper=a.upper, item=items.label(a.start),
                      **doc.where(a.start, a.end, a.rule)) for a in extract_amounts(text, signals)],
        dates=[dict(date=d.date, raw=d.raw, precision=d.precision, end=d.end_date, warning=d.warning,
                    item=items.label(d.start), **doc.where(d.start, d.end, d.rule)) for d in dates],
        next_meetings=[dict(date=d.date, time=t, raw=d.raw) for d, t in
                       next_meetings(text, segs, dates, info.date, info.body)],
        warnings=warnings,
    ))


def _due(dates: list[Mention], start: int, end: int) -> str | None:
    days = [d for d in within(dates, start, end) if d.precision == "day"]
    return days[0].date if days else None


def extract(source: str | Path | bytes | None = None, fmt: str | None = None, *, text: str | None = None,
            name: str | None = None, **limits) -> Minutes:
    """Extracts minutes from a path, bytes, or text: `extract("minutes.pdf").actions`,
    `extract(text="1. APOLOGIES ...")`. What the reader doubted (an encoding) leads the warnings."""
    doc = load(source, fmt, text=text, name=name, **limits)
    minutes = extract_document(doc)
    minutes.warnings[:0] = doc.warnings
    return minutes
