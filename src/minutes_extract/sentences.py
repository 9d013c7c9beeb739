"""Sentence and paragraph units of minutes text, as spans (abbreviation- and initial-aware)."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = {"cllr", "cllrs", "mr", "mrs", "ms", "dr", "prof", "insp", "sgt", "st", "no", "nos", "ref", "re",
                  "e.g", "i.e", "etc", "vs", "approx", "inc", "ltd", "co", "rev", "revd", "supt", "dept", "tel",
                  "fig", "para", "cont", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                  "oct", "nov", "dec", "a.m", "p.m", "chq", "hon", "gov", "vol", "pp", "al", "jr", "sr"}
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9•·-])|\n\s*\n|\n(?=\s*(?:[-*•·]\s|\(?[a-z]{1,4}\)\s|"
                       r"\d{1,3}[.)]\s|#|\||[A-Z][A-Z ]{3,}$))|\t|\s[•·]\s", re.M)


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` ends an abbreviation or an initial ('Cllr.', 'A.'), not a sentence."""
    m = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: 'Cllr. A. Davies'
    return word.lower().rstrip(".") in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


def split(text: str, start: int = 0, end: int | None = None) -> list[Unit]:
    """Sentences of text[start:end] (also cut at blank lines, list markers, tabs and bullets)."""
    end = len(text) if end is None else end
    units, pos = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        cut = m.end() if m.group()[:1] in ".!?" else m.start()
        _add(units, text, pos, cut)
        pos = m.end()
    _add(units, text, pos, end)
    return units


def _add(units: list[Unit], text: str, a: int, b: int) -> None:
    chunk = text[a:b]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        units.append(Unit(a + lead, a + lead + len(stripped), re.sub(r"\s+", " ", stripped)))


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Unit]:
    """Blocks of text[start:end] separated by blank lines."""
    end = len(text) if end is None else end
    units, pos = [], start
    for m in re.finditer(r"\n[ \t]*\n", text[start:end]):
        _add(units, text, pos, start + m.start())
        pos = start + m.end()
    _add(units, text, pos, end)
    return units
