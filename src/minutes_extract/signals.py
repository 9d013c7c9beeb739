"""Document signals, computed once per document and read by every extractor: which country the minutes come
from (currency of a bare '$', order of numeric dates) and how items are numbered.
The cues are data in models/signals.json."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import rx
from .extractors.screen import fold
from .lexicon import after_guard, rule_table

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


@lru_cache(maxsize=1)
def folded_text(text: str) -> str:
    """fold(text), the text as screens read it, kept for the document in hand: decisions and declarations
    each screen the folded text."""
    return fold(text)


def caseless(text: str, low: str | None = None) -> str | None:
    """text.lower() (`low` when given), when `lowered` patterns find in it just what their case-insensitive forms
    find in the text: of the same length, without 'ı' and 'ſ' (which re.I matches to 'i' and 's'); else None."""
    low = text.lower() if low is None else low
    return low if len(low) == len(text) and "ı" not in low and "ſ" not in low else None


def _table() -> dict:
    return rule_table("signals")


_TOKEN = rx.compile(r"[A-Z]{1,3}\$|[£€$]|[\w'’]+")  # a cue's words
# the document's words that open with a capital letter ('US$' in a text with '$'), and its currency signs: each
# opens where no letter, figure or apostrophe is before it (after the capital: a pattern that opens with one class
# of characters is only tried where one is)
_CAPITALISED = rx.compile(r"[A-Z£€](?:(?<=[£€])|(?<![\w'’][A-Z])(?:[A-Z]{0,2}\$|[\w'’]*))")
_CAPITALISED_NO_DOLLAR = rx.compile(r"[A-Z£€](?:(?<=[£€])|(?<![\w'’][A-Z])[\w'’]*)")
_DOLLAR_CODE = rx.compile(r"[A-Z]{1,3}")  # letters that _TOKEN reads with a '$' after them as one word ('US$')


def _capitalised(word: str) -> bool:
    """Whether _CAPITALISED finds `word` where the document has it."""
    return word in ("£", "€") or "A" <= word[:1] <= "Z"


def _cue_pattern(words: tuple[str, ...]) -> str:
    """A pattern that finds `words` as consecutive whole words of a text, as _TOKEN reads them: each a run of
    letters, figures and apostrophes, with nothing but other characters (no currency sign) between them, the
    last not followed by '$' when it would then be read as one ('C$')."""
    tail = r"[\w'’$]" if _DOLLAR_CODE.fullmatch(words[-1]) else r"[\w'’]"
    return after_guard([words[0]], r"[\w'’]") + "".join(rf"[^\w'’£€$]+{re.escape(w)}" for w in words[1:]) + f"(?!{tail})"


@lru_cache(maxsize=None)
def _cues(section: str) -> tuple[dict[str, str], list[tuple[frozenset[str], str, re.Pattern, str]]]:
    """The cues of a table section: those of one capitalised word (or a currency sign) by that word, {word:
    name}; the others each with the capitalised words it needs, its first word, the pattern that finds it, and
    its name."""
    index: dict[tuple[str, ...], str] = {}
    for name, spec in _table()[section].items():
        if name.startswith("_"):
            continue
        for cue in spec["cues"] if isinstance(spec, dict) else spec:
            index[tuple(_TOKEN.findall(cue))] = name
    single = {words[0]: name for words, name in index.items() if len(words) == 1 and _capitalised(words[0])}
    other = [(frozenset(filter(_capitalised, words)), words[0], rx.compile(_cue_pattern(words)), name)
             for words, name in index.items() if len(words) > 1 or not _capitalised(words[0])]
    return single, other


def _winner(text: str, section: str) -> str | None:
    """The name with most distinct cues in the text, read as _TOKEN reads it (ties go to the first listed)."""
    single, other = _cues(section)
    capitalised = set((_CAPITALISED if "$" in text else _CAPITALISED_NO_DOLLAR).findall(text))
    scores = Counter(single[w] for w in capitalised.intersection(single))
    stems: dict[str, int] = {}
    for needs, first, pattern, name in other:
        at = _find(text, first, stems) if needs <= capitalised else -1  # the pattern opens with its first word
        if at != -1 and pattern.search(text, at):
            scores[name] += 1
    names = [n for n in _table()[section] if not n.startswith("_")]
    best = max(names, key=lambda n: scores[n])
    return best if scores[best] else None


def _find(text: str, word: str, stems: dict[str, int]) -> int:
    """text.find(word), looked for from where the text first has the word's first four characters, found once
    for all words that share them (`stems`: per text): 'organised', 'organisation', 'organization'."""
    stem = word[:4]
    at = stems.get(stem)
    if at is None:
        at = stems[stem] = text.find(stem)
    return text.find(word, at) if at != -1 else -1


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
    """The signals of one document (its capitalised words read once, then one pass over the country cues)."""
    country = _winner(text, "countries")
    spec = _table()["countries"].get(country, {}) if country else {}
    order = _date_order(text)
    return Signals(currency=spec.get("currency"), day_first=order if order is not None else spec.get("day_first"),
                   numbering=numbering_scheme(text))
