"""Screens for rule patterns: the words of which every match of a pattern contains one, read from the pattern
itself, so that a cheap `in` test on the folded text skips a pattern that cannot match (a prefilter implied by
the regex, whatever the rule data says); likewise the literal text every match opens with, the marks it needs,
and whether it opens at line starts."""
from __future__ import annotations

import re

from .. import rx

try:
    from re import _constants as _sre, _parser
except ImportError:  # Python 3.10
    import sre_constants as _sre
    import sre_parse as _parser

# (?i) also matches these to 'i', 's' and 'k', which str.lower() keeps apart ('İ' even becomes two characters)
_FOLD = str.maketrans("\u0130\u0131\u017f\u212a", "iisk")
_ODD = rx.compile("[\u0130\u0131\u017f\u212a]")
_GROUPS = {_sre.SUBPATTERN: lambda av: av[-1], _sre.ASSERT: lambda av: av[1]}  # a lookaround that must match reads text
if hasattr(_sre, "ATOMIC_GROUP"):  # Python 3.11
    _GROUPS[_sre.ATOMIC_GROUP] = lambda av: av
_REPEATS = {getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name)}


def fold(text: str) -> str:
    """The text as screens read it: lower-cased, with every character that a case-insensitive pattern matches
    to an ASCII letter turned into that letter."""
    return text.lower() if text.isascii() or not _ODD.search(text) else text.translate(_FOLD).lower()


@rx.remembered
def needed_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case ASCII words of which every match of the pattern contains one (in its folded text), the most
    selective such set found; None when a match may hold no literal text."""
    return _needed(_parser.parse(pattern, flags))


def may_match(words: frozenset[str] | None, folded: str) -> bool:
    """False only when the folded text has none of the needed words (None needs none)."""
    if words is None:
        return True
    for word in words:  # a loop: cheaper than any() over a generator for these few words
        if word in folded:
            return True
    return False


def any_of(word_sets) -> frozenset[str] | None:
    """The words of which a text that any of several patterns matches contains one (None: some pattern needs
    none)."""
    word_sets = list(word_sets)
    return None if None in word_sets else frozenset().union(*word_sets)


def _needed(items) -> frozenset[str] | None:
    """The most selective word set a sequence of parsed items needs: every item of a sequence is matched, so
    any item's set is needed; a run of literal characters needs itself."""
    found, run = [], []
    for op, av in items:
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        found.append(frozenset(["".join(run)]) if run else None)
        run = []
        if op in _GROUPS:
            found.append(_needed(_GROUPS[op](av)))
        elif op in _REPEATS and av[0] >= 1:
            found.append(_needed(av[2]))
        elif op is _sre.BRANCH:  # one alternative matches: the union of theirs, when each needs a word
            found.append(any_of(_needed(a) for a in av[1]))
    found.append(frozenset(["".join(run)]) if run else None)
    return max(filter(None, found), key=_selectivity, default=None)


def _selectivity(words: frozenset[str]) -> tuple[int, int]:
    """Longer words, then fewer of them, reject more texts."""
    return min(map(len, words)), -len(words)


@rx.remembered
def literal_prefix(pattern: str, flags: int = 0) -> str:
    """The lower-case ASCII text with which every match of the pattern starts (after assertions such as \\b),
    as its folded text reads: '' when none."""
    prefix = []
    for op, av in _parser.parse(pattern, flags):
        if op is _sre.AT and not prefix:
            continue
        if op is not _sre.LITERAL or av >= 128:
            break
        prefix.append(chr(av).lower())
    return "".join(prefix)


@rx.remembered
def needed_marks(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Characters other than letters and digits of which every match of the pattern holds one ('–' or ':' of
    'Cllr A – yes'), None when none is found."""
    return _marks(_parser.parse(pattern, flags))


def _marks(items) -> frozenset[str] | None:
    """The first such set in a parsed sequence: a literal mark, a class of literal marks, a group, or an
    alternation each of whose alternatives needs one."""
    for op, av in items:
        found = None
        if op is _sre.LITERAL and not chr(av).isalnum():
            found = frozenset(chr(av))
        elif op is _sre.IN and all(o is _sre.LITERAL and not chr(c).isalnum() for o, c in av):
            found = frozenset(chr(c) for _, c in av)
        elif op is _sre.SUBPATTERN:
            found = _marks(av[-1])
        elif op is _sre.BRANCH:
            alternatives = [_marks(a) for a in av[1]]
            found = None if None in alternatives else frozenset().union(*alternatives)
        if found:
            return found
    return None


def opens_lines(pattern: re.Pattern) -> bool:
    """Whether the whole pattern opens with '^' (multiline), written first: '^a|b' does not."""
    return pattern.pattern.startswith("^") and bool(pattern.flags & re.M) and _opens_at_start(pattern.pattern,
                                                                                              pattern.flags)


@rx.remembered
def _opens_at_start(pattern: str, flags: int = 0) -> bool:
    return _parser.parse(pattern, flags)[0] == (_sre.AT, _sre.AT_BEGINNING)
