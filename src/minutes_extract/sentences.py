"""Sentence and paragraph units of minutes text, as spans (abbreviation- and initial-aware)."""
from __future__ import annotations

import re
from typing import NamedTuple

from . import rx

_ABBREVIATIONS = {"cllr", "cllrs", "mr", "mrs", "ms", "dr", "prof", "insp", "sgt", "st", "no", "nos", "ref", "re",
                  "e.g", "i.e", "etc", "vs", "approx", "inc", "ltd", "co", "rev", "revd", "supt", "dept", "tel",
                  "fig", "para", "cont", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                  "oct", "nov", "dec", "a.m", "p.m", "chq", "hon", "gov", "vol", "pp", "al", "jr", "sr", "prop"}
# Where sentences end, each alternative opening with the character it stands on: punctuation before a capital or
# a list letter; a blank line; a line break before a list marker, markdown, a table row or a line in capitals; a
# tab; whitespace before a bullet or a table bar, or after 'Minutes:'. One character class leads the pattern, so
# the engine passes over other characters without trying each alternative.
_ENDS = (r"(?<=[.!?])[.!?]*[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9•·-]|\s+\(?[a-h]\)\s+[A-Z])",
         r"(?<=\n)\s*\n",
         r"(?<=\n)(?=\s*(?:[-*•·◦▪]\s|o\s(?=[A-Z])|\(?[a-z]{1,4}\)\s|\d{1,3}[.)]\s|#|\||[A-Z][A-Z ]{3,}$))",
         r"(?<=\t)")
_AFTER_SPACE = r"(?<=\s)(?:[•·]\s|\|(?=\s|$)|(?<=\bMinutes:\s))"
_SPACE_TRIGGERS = ("•", "·", "|")  # and 'Minutes:', which lies before its match
_BOUNDARY = rx.compile(r"[.!?\s](?:" + "|".join(_ENDS + (_AFTER_SPACE,)) + ")", re.M)
_BOUNDARY_NOT_AT_SPACES = rx.compile(r"[.!?\n\t](?:" + "|".join(_ENDS) + ")", re.M)  # a text without triggers


class Unit(NamedTuple):
    """A sentence or paragraph: its span in the text and its words, single-spaced (a tuple: made by the
    ten-thousand per document, at a third of the cost of a frozen dataclass)."""

    start: int
    end: int
    text: str


_LONGEST = max(map(len, _ABBREVIATIONS))
_LAST_WORD = rx.compile(r"([\w.]+)$")
_DOTTED_INITIALS = rx.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # 'e.g', 'U.K'


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` ends an abbreviation or an initial ('Cllr.', 'A.'), not a sentence."""
    if dot > _LONGEST and text[dot - _LONGEST - 1:dot].isalpha():
        return False  # a word longer than any abbreviation, with no dot to make it initials
    if dot and not text[dot - 1].isalpha() and text[dot - 1] not in ".\n":
        return False  # '2019.', '(see above).': each kind of abbreviation ends in a letter (or a dot)
    m = _LAST_WORD.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: 'Cllr. A. Davies'
    return word.lower().rstrip(".") in _ABBREVIATIONS or "." in word and bool(_DOTTED_INITIALS.fullmatch(word))


_HEADING = r"[ \t]*(?:(?:\d{1,3}[.)]?\s+|\d{1,3}/\d{2}\s+)?[A-Z][A-Z0-9 ,&/'’()–-]{3,}|#{1,6}[ \t].*)[ \t]*$"
_HEADING_LINE = rx.compile("^" + _HEADING, re.M)  # upper-case or markdown headings
_HEADING_AFTER_BREAK = rx.compile("\n" + _HEADING, re.M)  # the same, found by its line break


def split(text: str, start: int = 0, end: int | None = None, breaks: list[int] = ()) -> list[Unit]:
    """Sentences of text[start:end] (also cut at blank lines, list markers, tabs, bullets, after upper-case
    heading lines, and at `breaks`, such as where items start)."""
    end = len(text) if end is None else end
    cuts = []
    for m in _boundaries(text, start, end):
        a, b = m.span()
        stop = text[a]
        if stop == "." and _is_abbreviation(text, a):
            continue
        cuts.append((a, b if stop in ".!?" else a, b))
    cuts += [(e, e, e) for e in _heading_line_ends(text, start, end)]
    cuts += [(b, b, b) for b in breaks if start < b < end]
    units, pos = [], start
    for _, cut, resume in sorted(cuts):
        if cut < pos:
            continue
        if cut > pos:  # nothing to add between two cuts at one place
            _add(units, text, pos, cut)
        pos = resume
    _add(units, text, pos, end)
    return units


def _boundaries(text: str, start: int, end: int):
    """Matches of _BOUNDARY in text[start:end]; by the cheaper pattern when no whitespace alternative can match."""
    spaced = any(text.find(t, start, end) >= 0 for t in _SPACE_TRIGGERS) or \
        text.find("Minutes:", max(0, start - 8), end) >= 0
    return (_BOUNDARY if spaced else _BOUNDARY_NOT_AT_SPACES).finditer(text, start, end)


def _heading_line_ends(text: str, start: int, end: int) -> list[int]:
    """Ends of the matches of _HEADING_LINE.finditer(text, start, end): the line at `start`, then the lines after a
    line break (a search for '\n' passes over other characters at once; '^' makes the engine try each one)."""
    first = _HEADING_LINE.match(text, start, end)
    ends = [first.end()] if first else []
    return ends + [m.end() for m in _HEADING_AFTER_BREAK.finditer(text, first.end() if first else start, end)]


_LIST_MARKER = rx.compile(r"^(?:[-*•·]|\(?(?:[a-z]|[ivx]{1,4})\)+|\d{1,3}(?:\.\d{1,3})*[.)]|#{1,6})\s+")
_MARKER_OPENERS = frozenset("-*•·(#abcdefghijklmnopqrstuvwxyz")  # and digits: what a list marker can open with


def _add(units: list[Unit], text: str, a: int, b: int) -> None:
    """Appends text[a:b] as a unit, without its surrounding whitespace and list marker, unless it is blank."""
    chunk = text[a:b]
    body = chunk.lstrip()
    if not body:
        return
    lead = len(chunk) - len(body)
    body = body.rstrip()
    marker = _LIST_MARKER.match(body) if body[0] in _MARKER_OPENERS or body[0].isdecimal() else None
    if marker:  # never the whole body: the marker ends in whitespace, the body does not
        lead += marker.end()
        body = body[marker.end():]
    if not body.isprintable() or "  " in body:  # every whitespace character but ' ' is unprintable
        body_text = " ".join(body.split())
    else:
        body_text = body
    units.append(_new_unit(Unit, (a + lead, a + lead + len(body), body_text)))


_new_unit = tuple.__new__  # Unit(start, end, text) without the Python frame of a NamedTuple's __new__


_BLANK_LINE = rx.compile(r"\n[ \t]*\n")


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Unit]:
    """Blocks of text[start:end] separated by blank lines."""
    end = len(text) if end is None else end
    units, pos = [], start
    for m in _BLANK_LINE.finditer(text[start:end]):
        _add(units, text, pos, start + m.start())
        pos = start + m.end()
    _add(units, text, pos, end)
    return units
