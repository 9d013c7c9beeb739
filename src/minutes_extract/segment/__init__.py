"""Segmentation: the document's agenda items (numbered, headed, markdown, or council web-page rows)."""
from __future__ import annotations

from .base import Line, Segment, lines_of, lines_within
from .headings import heading_segments, numbered_segments, subheadings
from .markdown import MD_HEADING, has_hash_lines, markdown_segments
from .rows import table_row_segments
from .titles import cut_title

__all__ = ["Line", "Segment", "cut_title", "lines_of", "segment"]


def segment(text: str, lines: list[Line] | None = None) -> list[Segment]:
    """The agenda items of a document, in order; [] when it has no recognisable structure. `lines`: the
    document's lines_of(text), when the caller has them."""
    lines = lines_of(text) if lines is None else lines
    for scheme in (table_row_segments, _numbered_or_markdown, heading_segments):
        segs = scheme(text, lines)
        if segs:
            starts = [ln.start for ln in lines]
            for seg in segs:
                if seg.rule != "item.markdown-bullet":
                    subheadings(seg, lines_within(text, lines, starts, seg.start, seg.end))
            return segs
    return []


def _numbered_or_markdown(text: str, lines: list[Line]) -> list[Segment]:
    """Numbered items, unless the document is structured by more markdown headings than it has numbered
    items (a numbered list inside one section of headed markdown minutes is not the agenda)."""
    numbered = numbered_segments(text, lines)
    headings = sum(1 for ln in lines if ln.text.startswith("#") and MD_HEADING.match(ln.text)) \
        if has_hash_lines(text) else 0
    if numbered and headings <= len(numbered):
        return numbered
    return markdown_segments(text, lines) or numbered
