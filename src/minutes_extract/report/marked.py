"""The document text as HTML: pages, numbered lines, and every record's span marked.

The text is cut at every span edge, line start and page start; each piece covered by records becomes one
<mark> naming them (shortest span first, so a click shows the innermost record first). The marks of a record
hold exactly text[start:end], and the pages together hold exactly the text."""
from __future__ import annotations

from html import escape

from .records import KINDS, Entry


def document_html(text: str, page_starts: list[int], paged: bool, records: list[Entry]) -> str:
    n = len(text)
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n" and i + 1 < n]
    page_starts = [p for p in page_starts if 0 <= p <= n] or [0]
    cuts = set(line_starts) | set(page_starts) | {0, n}
    starting: dict[int, list[Entry]] = {}
    ending: dict[int, list[Entry]] = {}
    for r in records:
        start, end = max(0, min(r.span[0], n)), max(0, min(r.span[1], n))
        starting.setdefault(start, []).append(r)
        ending.setdefault(max(start, end), []).append(r)
        cuts.update((start, end))
    line_no = {offset: k + 1 for k, offset in enumerate(line_starts)}
    page_no = {offset: k + 1 for k, offset in enumerate(page_starts)}
    active: dict[str, Entry] = {}
    out: list[str] = []
    edges = sorted(cuts)
    for k, pos in enumerate(edges):
        for r in ending.get(pos, ()):
            active.pop(r.id, None)
        if pos in page_no:
            if page_no[pos] > 1:
                out.append("</div></section>")
            number = page_no[pos]
            heading = f'<h2 class="pg">Page {number}</h2>' if paged else ""
            out.append(f'<section class="page" id="page-{number}">{heading}<div class="tx">')
        if pos in line_no:
            out.append(f'<i class="ln" data-n="{line_no[pos]}"></i>')
        for r in starting.get(pos, ()):
            out.append(f'<a class="anc" id="r-{r.id}"></a>')
            if r.span[1] > r.span[0]:
                active[r.id] = r
        if k + 1 == len(edges):
            break
        piece = escape(text[pos:edges[k + 1]], quote=False)
        if active:
            covering = sorted(active.values(), key=lambda r: (r.span[1] - r.span[0], r.id))
            classes = " ".join(sorted({"k-" + KINDS[r.kind][0] for r in covering}))
            ids = " ".join(r.id for r in covering)
            out.append(f'<mark class="{classes}" data-r="{ids}">{piece}</mark>')
        else:
            out.append(piece)
    out.append("</div></section>")
    return "".join(out)
