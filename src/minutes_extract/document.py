"""The document every stage works on: text plus a map from offsets to lines and pages."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class Document:
    """Normalised text of one set of minutes, with where each page starts."""

    text: str
    format: str
    path: str | None = None
    sha256: str | None = None
    page_starts: list[int] = field(default_factory=lambda: [0])
    warnings: list[str] = field(default_factory=list)  # what the reader doubted (an encoding guessed)
    line_starts: list[int] = field(init=False, repr=False)
    paged: bool = field(init=False, repr=False)  # whether records get a page number: PDF, Word, or form feeds

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.line_starts = starts
        self.paged = self.format in {"pdf", "docx"} or len(self.page_starts) > 1

    def line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def page_of(self, offset: int) -> int | None:
        return bisect_right(self.page_starts, offset) if self.paged else None

    def where(self, start: int, end: int, rule: str) -> dict:
        """Provenance fields for a record covering text[start:end]."""
        return {"span": (start, end), "line": self.line_of(start), "page": self.page_of(start), "rule": rule}


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Joins page texts with blank lines; returns the text and each page's start offset."""
    starts, parts, pos = [], [], 0
    for page in pages:
        starts.append(pos)
        parts.append(page)
        pos += len(page) + 2
    return "\n\n".join(parts), starts or [0]
