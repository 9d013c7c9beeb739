"""Segmentation: the document's agenda items (numbered, headed, markdown, or council web-page rows)."""
from __future__ import annotations

from .base import Line, Segment, lines_of
from .headings import heading_segments, numbered_segments, subheadings
from .markdown import markdown_segments
from .rows import table_row_segments
from .titles import cut_title

__all__ = ["Line", "Segment", "cut_title", "lines_of", "segment"]


def segment(text: str) -> list[Segment]:
    """The agenda items of a document, in order; [] when it has no recognisable structure."""
    lines = lines_of(text)
    for scheme in (table_row_segments, numbered_segments, markdown_segments, heading_segments):
        segs = scheme(text, lines)
        if segs:
            for seg in segs:
                if seg.rule != "item.markdown-bullet":
                    subheadings(seg, text)
            return segs
    return []
