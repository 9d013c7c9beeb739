"""The document text as HTML: pages, numbered lines, and every record's span marked.

The text is cut at every span edge, line start and page start. Items, which do not overlap, each become a
<mark> wrapping their text (one per page they cross); inside them, each piece covered by other records
becomes one <mark> naming them (shortest span first, so a click shows the innermost record first). The marks
of a record hold exactly text[start:end], and the pages together hold exactly the text."""
from __future__ import annotations

from html import escape

from ..document import Document
from .records import KINDS, Entry


def document_html(doc: Document, records: list[Entry]) -> str:
    text, n = doc.text, len(doc.text)
    clip = {r.id: (max(0, min(r.span[0], n)), max(0, min(max(r.span), n))) for r in records}
    wrappers, pieces = _split(records, clip)
    line_starts = [s for s in doc.line_starts if s < n] or [0]  # no number for the empty line after a last newline
    page_starts = sorted({0} | {p for p in doc.page_starts if 0 < p <= n})
    cuts = set(line_starts) | set(page_starts) | {0, n} | {edge for span in clip.values() for edge in span}
    starting: dict[int, list[Entry]] = {}
    ending: dict[int, list[Entry]] = {}
    for r in pieces:
        starting.setdefault(clip[r.id][0], []).append(r)
        ending.setdefault(clip[r.id][1], []).append(r)
    anchors: dict[int, list[str]] = {}
    for r in records:
        anchors.setdefault(clip[r.id][0], []).append(r.id)
    wrapper_at = {clip[w.id][0]: w for w in wrappers}
    wrapper_end = {clip[w.id][1] for w in wrappers}
    line_no = {offset: k + 1 for k, offset in enumerate(line_starts)}
    page_no = {offset: k + 1 for k, offset in enumerate(page_starts)}
    open_item: Entry | None = None
    active: dict[str, Entry] = {}
    out: list[str] = []
    edges = sorted(cuts)
    for k, pos in enumerate(edges):
        for r in ending.get(pos, ()):
            active.pop(r.id, None)
        if open_item and pos in wrapper_end and clip[open_item.id][1] == pos:
            out.append("</mark>")
            open_item = None
        if pos in page_no:
            if page_no[pos] > 1:
                out.append("</mark></div></section>" if open_item else "</div></section>")
            heading = f'<h2 class="pg">Page {page_no[pos]}</h2>' if doc.paged else ""
            out.append(f'<section class="page" id="page-{page_no[pos]}">{heading}<div class="tx">')
            if open_item:
                out.append(_mark([open_item]))
        if pos in line_no:
            out.append(f'<i class="ln" data-n="{line_no[pos]}"></i>')
        out.extend(f'<a class="anc" id="r-{rid}"></a>' for rid in anchors.get(pos, ()))
        if pos in wrapper_at and pos < clip[wrapper_at[pos].id][1]:
            open_item = wrapper_at[pos]
            out.append(_mark([open_item]))
        for r in starting.get(pos, ()):
            if clip[r.id][1] > pos:
                active[r.id] = r
        if k + 1 == len(edges):
            break
        piece = escape(text[pos:edges[k + 1]], quote=False).replace("\0", "\ufffd")  # parsers drop NUL
        if active:
            out.append(_mark(sorted(active.values(), key=lambda r: (clip[r.id][1] - clip[r.id][0], r.id)))
                       + piece + "</mark>")
        else:
            out.append(piece)
    out.append("</mark></div></section>" if open_item else "</div></section>")
    return "".join(out)


def _split(records: list[Entry], clip: dict) -> tuple[list[Entry], list[Entry]]:
    """Items that overlap no earlier item become wrappers; every other record is marked piece by piece."""
    wrappers, end = [], -1
    for r in sorted((r for r in records if r.kind == "items"), key=lambda r: clip[r.id]):
        if clip[r.id][0] >= end and clip[r.id][1] > clip[r.id][0]:
            wrappers.append(r)
            end = clip[r.id][1]
    wrapped = {r.id for r in wrappers}
    return wrappers, [r for r in records if r.id not in wrapped]


def _mark(covering: list[Entry]) -> str:
    classes = " ".join(sorted({"k-" + KINDS[r.kind][0] for r in covering}))
    return f'<mark class="{classes}" data-r="{" ".join(r.id for r in covering)}">'
