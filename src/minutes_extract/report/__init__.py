"""The review report: one self-contained, offline HTML file showing the minutes with every extracted record
highlighted beside a panel listing them (`minutes-extract report FILE -o report.html`).

Everything from the document is escaped; the page carries a Content-Security-Policy of `default-src 'none'`
that allows only its own inline style and script (by hash), so it can neither load nor send anything."""
from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from importlib.resources import files
from pathlib import Path, PurePath

from ..document import Document
from ..schema import Minutes
from .marked import document_html
from .records import KINDS, Entry, counts, entries

__all__ = ["render", "report", "page", "asset", "KINDS"]


def report(source: str | Path | bytes, fmt: str | None = None, **limits) -> str:
    """The report of one document (a path, bytes or text, as for `extract`)."""
    from ..pipeline import extract_document, load

    doc = load(source, fmt, **limits)
    return render(doc, extract_document(doc))


def render(doc: Document, minutes: Minutes) -> str:
    """The report of a document and what was extracted from it."""
    kinds = entries(minutes)
    every = [e for kind in kinds.values() for e in kind]
    data = {"kinds": {KINDS[k][0]: KINDS[k][1] for k in KINDS},
            "records": {e.id: {"kind": e.kind, "fields": e.fields, "span": list(e.span), "line": e.line,
                               "page": e.page, "rule": e.rule} for e in every}}
    name = PurePath(minutes.source.path).name if minutes.source.path else "standard input"
    title = " · ".join(filter(None, [minutes.meeting.body, minutes.meeting.date])) or name
    body = (_header(minutes, name)
            + '<div class="wrap"><main id="doc">'
            + document_html(doc, every)
            + '</main><aside id="panel">' + _panel(minutes, kinds) + "</aside></div>"
            + f'<script type="application/json" id="data">{_json_for_html(data)}</script>')
    return page(f"Review: {title}", body, asset("report.css"), asset("report.js"))


def page(title: str, body: str, css: str, js: str) -> str:
    """A whole HTML page whose CSP admits only this inline style and script."""
    csp = (f"default-src 'none'; style-src '{_hash(css)}'; script-src '{_hash(js)}'; "
           "base-uri 'none'; form-action 'none'")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="referrer" content="no-referrer">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{css}</style></head>\n"
            f"<body>{body}<script>{js}</script></body></html>\n")


def asset(name: str) -> str:
    return files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _hash(content: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode("ascii")


def _json_for_html(data) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _header(minutes: Minutes, name: str) -> str:
    m, s = minutes.meeting, minutes.source
    times = "–".join(filter(None, [m.start_time, m.end_time]))
    meeting = [("Date", m.date), ("Time", times), ("Venue", m.location), ("Chair", m.chair),
               ("Next meeting", ", ".join(" ".join(filter(None, [n.date, n.time])) for n in minutes.next_meetings))]
    source = [("File", name), ("Format", s.format), ("Pages", s.pages), ("Characters", f"{s.characters:,}"),
              ("SHA-256", s.sha256)]
    tally = "".join(f'<li><a href="#sec-{kind}"><span class="sw k-{KINDS[kind][0]}"></span>'
                    f'<b data-count="{kind}">{n}</b> {KINDS[kind][1].lower()}</a></li>'
                    for kind, n in counts(minutes).items())
    tally += (f'<li><a href="#sec-warnings"><span class="sw"></span><b data-count="warnings">'
              f"{len(minutes.warnings)}</b> warnings</a></li>")
    return (f'<header><h1>{escape(m.body or name)}</h1><div class="facts">{_dl(meeting, "meeting")}'
            f'{_dl(source, "source")}</div><ul class="counts">{tally}</ul></header>')


def _dl(pairs, cls: str) -> str:
    rows = "".join(f"<dt>{k}</dt><dd>{escape(str(v))}</dd>" for k, v in pairs if v not in (None, ""))
    return f'<dl class="{cls}">{rows}</dl>'


def _panel(minutes: Minutes, kinds: dict[str, list[Entry]]) -> str:
    parts = ['<div class="top"><input id="filter" type="search" placeholder="Filter records (j / k: next, previous)" '
             'aria-label="Filter records" hidden><div id="sel" hidden></div></div>']
    for kind, found in kinds.items():
        letter, heading = KINDS[kind]
        rows = "".join(f'<li data-r="{e.id}"><a href="#r-{e.id}">{escape(e.label)}</a>'
                       f'<span class="meta">{escape(e.detail)}{" · " if e.detail else ""}line {e.line}'
                       f'{f" · p. {e.page}" if e.page else ""}</span></li>' for e in found)
        parts.append(f'<details class="sec" id="sec-{kind}" data-kind="{kind}" open><summary>'
                     f'<span class="sw k-{letter}"></span>{heading} <span class="n">{len(found)}</span></summary>'
                     f"<ol>{rows}</ol></details>")
    warnings = "".join(f"<li>{escape(w)}</li>" for w in minutes.warnings)
    parts.append(f'<details class="sec" id="sec-warnings" open><summary><span class="sw"></span>Warnings '
                 f'<span class="n">{len(minutes.warnings)}</span></summary><ul>{warnings}</ul></details>')
    return "".join(parts)
