"""The index of a batch of reports: one sortable table row per document, linking to its report; below it the
attendance grid of each body with two or more meetings, as inline SVG pictures."""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from urllib.parse import quote

from ..attendance import svg
from ..schema import Minutes
from . import asset, page
from .records import KINDS, counts


@dataclass
class Row:
    doc_id: str
    href: str | None = None  # the report, relative to the index
    date: str | None = None
    body: str | None = None
    counts: dict = field(default_factory=dict)
    warnings: int = 0
    failure: str | None = None


def row(doc_id: str, href: str, minutes: Minutes) -> Row:
    return Row(doc_id, quote(href), minutes.meeting.date, minutes.meeting.body, counts(minutes),
               len(minutes.warnings))


def render_index(rows: list[Row], title: str = "minutes-extract reports", attendance: list[dict] = ()) -> str:
    """The index page; `attendance` is the grids of `attendance.grids` to draw (one figure per body)."""
    failed = sum(r.failure is not None for r in rows)
    head = "".join(f'<th data-type="{t}"><button type="button">{escape(name)}</button></th>' for name, t in
                   [("Document", "text"), ("Date", "text"), ("Body", "text")]
                   + [(KINDS[k][1], "number") for k in KINDS] + [("Warnings", "number"), ("Failure", "text")])
    body = "".join(_tr(r) for r in sorted(rows, key=lambda r: r.doc_id))
    return page(title, f"<header><h1>{escape(title)}</h1><p>{len(rows)} documents, {len(rows) - failed} "
                       f"reports, {failed} failed. Click a column heading to sort.</p></header>"
                       f'<table id="index"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>' + _attendance(attendance),
                asset("index.css"), asset("index.js"))


def _tr(r: Row) -> str:
    name = escape(r.doc_id)
    cells = [f'<a href="{escape(r.href)}">{name}</a>' if r.href else name, escape(r.date or ""),
             escape(r.body or "")]
    cells += [str(r.counts[k]) if k in r.counts else "" for k in KINDS]
    cells += [str(r.warnings) if r.failure is None else "", escape(r.failure or "")]
    return f'<tr{" class=failed" if r.failure else ""}>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _attendance(bodies: list[dict]) -> str:
    if not bodies:
        return ""
    return ('<section id="attendance"><h2>Attendance</h2><p>Per body: meetings in date order across, people '
            'down (hover a cell for the name, date and status).</p>'
            + "".join(f'<figure aria-label="Attendance: {escape(b["body"] or b["body_key"])}">{svg([b])}</figure>'
                      for b in bodies) + "</section>")
