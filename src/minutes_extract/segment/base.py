"""Segments (agenda items) and the lines they are found in."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from .titles import clean_title


@dataclass
class Segment:
    """One agenda item: where it starts and ends in the text, and its heading."""

    number: str | None
    title: str
    start: int
    end: int
    rule: str
    subheadings: list[str] = field(default_factory=list)


@dataclass(slots=True)  # made for every line of every document
class Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def lines_of(text: str) -> list[Line]:
    """The lines of text (split at '\n') with their start offsets."""
    raws = text.split("\n")
    return list(map(Line, raws, accumulate([len(raw) + 1 for raw in raws], initial=0)))


def lines_within(text: str, lines: list[Line], starts: list[int], a: int, b: int) -> list[Line]:
    """The lines of text[a:b] as lines_of(text[a:b]) splits it, but with offsets in text, taken from the lines of
    the whole text and their starts: the first and last cut to the span, the others shared."""
    first, last = bisect_right(starts, a) - 1, bisect_right(starts, b) - 1
    if first == last:
        return [Line(text[a:b], a)]
    return [Line(text[a:lines[first].end], a), *lines[first + 1:last], Line(text[starts[last]:b], starts[last])]


def close(heads, text_end: int, text: str) -> list[Segment]:
    segs = []
    for k, (pos, num, title, rule) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else text_end
        segs.append(Segment(num, clean_title(title), pos, end, rule))
    return segs
