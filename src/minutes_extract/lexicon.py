"""The rule assets under models/ (word lists and phrase patterns the extractors share), and the builders that
turn word lists into regular expressions the regex engine can skip ahead in."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_CANDIDATES = (_HERE / "models", _HERE.parents[1] / "models")


def models_dir() -> Path:
    """The folder holding the rule assets (packaged copy first, then the source tree's)."""
    for folder in _CANDIDATES:
        if (folder / "lexicon.json").is_file():
            return folder
    raise FileNotFoundError("minutes_extract rule assets (models/lexicon.json) are missing")


@lru_cache(maxsize=None)
def rule_table(name: str) -> dict:
    """A named rule table under models/ ('lexicon', 'actions', 'votes', 'signals', ...), read once."""
    return json.loads((models_dir() / f"{name}.json").read_text(encoding="utf-8"))


def lexicon() -> dict:
    return rule_table("lexicon")


@lru_cache(maxsize=None)
def words(key: str) -> frozenset[str]:
    """A lower-cased word list from the lexicon."""
    return frozenset(w.lower() for w in lexicon()[key])


def longest_first(items) -> list[str]:
    """Words in the order a regex alternation needs (longest first), the same in every run: patterns built
    from sets stay byte-identical, so the compiled-pattern cache (rx.py) finds them."""
    return sorted(items, key=lambda item: (-len(item), item))


@lru_cache(maxsize=None)
def alternation(key: str) -> str:
    """A lexicon list as `phrase_alternation`, longest first."""
    return phrase_alternation(longest_first(lexicon()[key]))


def phrase_alternation(phrases) -> str:
    """The phrases as a regex alternation in their order, spaces matching any white space, grouped by first
    letter: '(?:a(?:bsent|pologies\\s+given)|p(?:resent))'. It matches as the plain alternation does, with or
    without re.I (phrases opening with the same letter in both cases stay whole), while re tries the one group
    where a phrase may start instead of every phrase."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[0].lower(), []).append(phrase)
    return "(?:" + "|".join(map(_first_letter_group, groups.values())) + ")"


def _first_letter_group(phrases: list[str]) -> str:
    first = phrases[0][0]
    if any(p[0] != first for p in phrases):
        return "|".join(map(_spaced, phrases))
    return re.escape(first) + "(?:" + "|".join(_spaced(p[1:]) for p in phrases) + ")"


def _spaced(phrase: str) -> str:
    return re.escape(phrase).replace(r"\ ", r"\s+")


def word_trie(words_: set[str]) -> str:
    """A non-capturing alternation of words factored by their first letters ('agree(?:d|s)?'): the regex engine
    tries one branch per letter instead of one per word. It matches the same strings as a plain alternation."""
    branches: dict[str, set[str]] = {}
    for w in words_:
        branches.setdefault(w[:1], set()).add(w[1:])
    optional = branches.pop("", None) is not None
    if not branches:
        return ""
    alts = [re.escape(first) + word_trie(rests) for first, rests in sorted(branches.items())]
    if len(alts) == 1 and not optional:
        return alts[0]
    return "(?:" + "|".join(alts) + ")" + ("?" if optional else "")


def by_first_letter(words) -> dict[str, str]:
    """Literal words grouped by their first letter: each letter and an alternation of the rests, escaped."""
    rests: dict[str, set[str]] = {}
    for word in words:
        rests.setdefault(word[0], set()).add(re.escape(word[1:]))
    return {re.escape(first): "|".join(sorted(rest)) for first, rest in sorted(rests.items())}


def openings(words) -> str:
    """A pattern matching the first letter of each of `words` (literals) where the word stands, one character
    long so that finditer finds words that overlap; it opens with a literal, so the engine skips to its letters."""
    return "|".join(f"{first}(?={rests})" for first, rests in by_first_letter(words).items())


def guarded(word: str, guard: str) -> str:
    """The literal `word` where `(?<!guard)word` matches (`guard` a one-character class), the lookbehind written
    after the word: a pattern that opens with a literal lets the regex engine skip to where its first characters
    are (one that opens with a lookbehind is tried at every position)."""
    return f"{re.escape(word)}(?<!{guard}{re.escape(word)})"


def after_guard(words_, guard: str) -> str:
    """An alternation of literal words that matches just where `(?<!guard)(?:words)` does, each word `guarded`."""
    return "(?:" + "|".join(guarded(w, guard) for w in words_) + ")"
