"""Sentence and paragraph units of minutes text, as spans (abbreviation- and initial-aware)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import rx

_ABBREVIATIONS = {"cllr", "cllrs", "mr", "mrs", "ms", "dr", "prof", "insp", "sgt", "st", "no", "nos", "ref", "re",
                  "e.g", "i.e", "etc", "vs", "approx", "inc", "ltd", "co", "rev", "revd", "supt", "dept", "tel",
                  "fig", "para", "cont", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                  "oct", "nov", "dec", "a.m", "p.m", "chq", "hon", "gov", "vol", "pp", "al", "jr", "sr", "prop"}
_BOUNDARY = rx.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9•·-]|\s+\(?[a-h]\)\s+[A-Z])|\n\s*\n|"
                       r"\n(?=\s*(?:[-*•·◦▪]\s|o\s(?=[A-Z])|\(?[a-z]{1,4}\)\s|\d{1,3}[.)]\s|#|\||[A-Z][A-Z ]{3,}$))|\t|\s[•·]\s|"
                       r"\s\|(?=\s|$)|(?<=\bMinutes:)\s", re.M)


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    text: str


_LAST_WORD = rx.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` ends an abbreviation or an initial ('Cllr.', 'A.'), not a sentence."""
    m = _LAST_WORD.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: 'Cllr. A. Davies'
    return word.lower().rstrip(".") in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


_HEADING_LINE = rx.compile(r"^[ \t]*(?:(?:\d{1,3}[.)]?\s+|\d{1,3}/\d{2}\s+)?[A-Z][A-Z0-9 ,&/'’()–-]{3,}|#{1,6}[ \t].*)[ \t]*$",
                           re.M)  # upper-case or markdown headings


def split(text: str, start: int = 0, end: int | None = None, breaks: list[int] = ()) -> list[Unit]:
    """Sentences of text[start:end] (also cut at blank lines, list markers, tabs, bullets, after upper-case
    heading lines, and at `breaks`, such as where items start)."""
    end = len(text) if end is None else end
    cuts = [(m.start(), m.start() if m.group()[:1] not in ".!?" else m.end(), m.end())
            for m in _BOUNDARY.finditer(text, start, end)
            if not (m.group().startswith(".") and _is_abbreviation(text, m.start()))]
    cuts += [(m.end(), m.end(), m.end()) for m in _HEADING_LINE.finditer(text, start, end)]
    cuts += [(b, b, b) for b in breaks if start < b < end]
    units, pos = [], start
    for _, cut, resume in sorted(cuts):
        if cut < pos:
            continue
        _add(units, text, pos, cut)
        pos = resume
    _add(units, text, pos, end)
    return units


_LIST_MARKER = rx.compile(r"^(?:[-*•·]|\(?(?:[a-z]|[ivx]{1,4})\)+|\d{1,3}(?:\.\d{1,3})*[.)]|#{1,6})\s+")


def _add(units: list[Unit], text: str, a: int, b: int) -> None:
    chunk = text[a:b]
    stripped = chunk.strip()
    marker = _LIST_MARKER.match(stripped)
    if marker and len(stripped) > marker.end():
        stripped = stripped[marker.end():]
    if stripped:
        lead = len(chunk) - len(chunk.lstrip()) + (marker.end() if marker and len(chunk.strip()) > marker.end() else 0)
        units.append(Unit(a + lead, a + lead + len(stripped), " ".join(stripped.split())))


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Unit]:
    """Blocks of text[start:end] separated by blank lines."""
    end = len(text) if end is None else end
    units, pos = [], start
    for m in re.finditer(r"\n[ \t]*\n", text[start:end]):
        _add(units, text, pos, start + m.start())
        pos = start + m.end()
    _add(units, text, pos, end)
    return units
