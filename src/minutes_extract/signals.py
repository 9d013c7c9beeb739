"""Document signals, computed once per document and read by every extractor: which country the minutes come
from (currency of a bare '$', order of numeric dates) and how items are numbered.
The cues are data in models/signals.json."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import rx
from .lexicon import rule_table

_DOLLARS = {"USD", "SGD", "CAD", "AUD", "NZD", "HKD"}


@dataclass(frozen=True)
class Signals:
    """What the whole document says about how to read its parts."""

    currency: str | None = None    # ISO code of the country's money: a bare '$', an unsigned money column
    day_first: bool | None = None  # numeric dates written day first (3/1/2022 = 3 January); None: not known
    numbering: str = "none"        # "dotted" ('21.01.03'), "lettered" ('5.a'), "slash" ('01/19'), "decimal"
                                   # ('4.2'), "plain" ('4.') or "none"

    def dollar(self) -> str:
        """The currency a bare '$' stands for."""
        return self.currency if self.currency in _DOLLARS else "USD"


@lru_cache(maxsize=1)
def lowered_text(text: str) -> str:
    """text.lower(), kept for the document in hand: dates, amounts and meeting each read the lower-cased text."""
    return text.lower()


def _table() -> dict:
    return rule_table("signals")


_TOKEN = rx.compile(r"[A-Z]{1,3}\$|[£€$]|[\w'’]+")
_TOKEN_NO_DOLLAR = rx.compile(r"[£€]|[\w'’]+")  # the same tokens in a text without '$' (none opens '[A-Z]{1,3}\$')


@lru_cache(maxsize=None)
def _cues(section: str) -> dict[str, dict[tuple[str, ...], str]]:
    """Cue word sequences of a table section by their first word: {first word: {words: name}}."""
    index: dict[str, dict[tuple[str, ...], str]] = {}
    for name, spec in _table()[section].items():
        if name.startswith("_"):
            continue
        for cue in spec["cues"] if isinstance(spec, dict) else spec:
            words = tuple(_TOKEN.findall(cue))
            index.setdefault(words[0], {})[words] = name
    return index


def _winner(words: set[str], joined: str, section: str) -> str | None:
    """The name with most distinct cues among the document's words (ties go to the first listed). `words` is
    the set of the document's words, `joined` its words joined by single spaces (for cues of several words)."""
    scores = Counter(name for first, cues in _cues(section).items() if first in words
                     for cue, name in cues.items() if len(cue) == 1 or f" {' '.join(cue)} " in joined)
    names = [n for n in _table()[section] if not n.startswith("_")]
    best = max(names, key=lambda n: scores[n])
    return best if scores[best] else None


@lru_cache(maxsize=None)
def _numbering() -> dict[str, re.Pattern]:
    return {name: rx.compile(p) for name, p in _table()["numbering"].items() if not name.startswith("_")}


# a numeric date not written after a letter, figure or '/.-' (the lookbehind after its first digit: a pattern
# that opens with a digit is only tried where a digit is)
_NUMERIC_DATE = rx.compile(r"(\d(?<![\w/.-]\d)\d?)/(\d{1,2})/(?:\d{4}|\d{2})(?![\w/])")
_LINE_OPENING = rx.compile(r"\n( ?\d[^\n]{0,24})")  # the opening of a line that starts with a figure


# a separator between two figures, found by one literal scan per separator: where a numeric date's first separator
# can stand (a pattern opening with a digit is tried at every figure of the text)
_SEPARATOR_IN_FIGURES = {sep: rx.compile(rf"\{sep}(?<=\d\{sep})\d") for sep in "/.-"}


def separators(text: str, seps: str) -> list[int]:
    """Positions of the characters of `seps` standing between two figures, in order."""
    return sorted(m.start() for sep in seps for m in _SEPARATOR_IN_FIGURES[sep].finditer(text))


def opening_before(pattern: re.Pattern, text: str, positions: list[int], offsets: tuple[int, ...]) -> list[re.Match]:
    """pattern.finditer(text) for a pattern whose matches cannot overlap (each opens after no figure or
    separator) and open `offsets` characters before one of `positions` (the first offset that matches wins)."""
    found = {}
    for pos in positions:
        for k in offsets:
            m = pattern.match(text, pos - k) if pos >= k else None
            if m:
                found[m.start()] = m
                break
    return list(found.values())


def _date_order(text: str) -> bool | None:
    """Day first or month first, as the document's own unambiguous numeric dates show ('25/3/2022')."""
    votes = Counter()
    for m in opening_before(_NUMERIC_DATE, text, separators(text, "/"), (2, 1)):
        a, b = m.groups()
        if int(a) > 12 >= int(b):
            votes[True] += 1
        elif int(b) > 12 >= int(a):
            votes[False] += 1
    return votes.most_common(1)[0][0] if votes else None


def numbering_scheme(text: str) -> str:
    """The item numbering most lines open with (a line counts for the first scheme, most specific first)."""
    counts = Counter()
    for line in _LINE_OPENING.findall("\n" + text):  # every line follows a line break
        name = next((name for name, pattern in _numbering().items() if pattern.match(line)), None)
        if name:
            counts[name] += 1
    best, n = max(counts.items(), key=lambda kv: kv[1], default=("none", 0))
    return best if n >= 2 else "none"


def document_signals(text: str) -> Signals:
    """The signals of one document (the words read once, then one pass over the country cues)."""
    tokens = (_TOKEN if "$" in text else _TOKEN_NO_DOLLAR).findall(text)
    words, joined = set(tokens), f" {' '.join(tokens)} "
    country = _winner(words, joined, "countries")
    spec = _table()["countries"].get(country, {}) if country else {}
    order = _date_order(text)
    return Signals(currency=spec.get("currency"), day_first=order if order is not None else spec.get("day_first"),
                   numbering=numbering_scheme(text))
