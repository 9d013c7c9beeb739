"""Declarations of interest made at the meeting: who declared, on which item, as written. The forms are data
(models/declarations.json); names resolve through the roster like movers and seconders."""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .. import rx
from ..lexicon import rule_table
from ..sentences import Unit
from ..signals import folded_text
from .screen import any_of, fold, literal_prefix, may_match, needed_words
from .votes import People, who_pattern


@dataclass
class Declared:
    name: str
    item: str | None
    text: str
    start: int
    end: int
    rule: str


@lru_cache(maxsize=None)
def _grammar() -> dict:
    raw = rule_table("declarations")
    who = who_pattern()
    whos = rf"(?P<whos>{who}(?:\s*(?:,|&|\band\b)\s*(?:both\s+)?{who}){{0,5}})"  # bounded: linear time

    def rules(entries):  # (name, pattern, the words it needs: {WHOS}, read as one character, needs none)
        return [(e["name"], rx.compile(e["pattern"].replace("{WHOS}", whos), re.I),
                 needed_words(e["pattern"].replace("{WHOS}", "."), re.I)) for e in entries]

    declaration, section = rules(raw["declaration"]), raw["section"]["pattern"]
    needs = any_of(words for _, _, words in declaration)
    return {"declaration": declaration,  # the words they need, when none holds a space (see _word_starts)
            "declaration_words": needs if needs is None or all(w.split() == [w] for w in needs) else None,
            "listed": rules(raw["listed"]), "who": rx.compile(who), "section": rx.compile(section, re.I),
            "section_words": needed_words(section, re.I), "section_prefix": literal_prefix(section, re.I),
            "item": rx.compile(raw["item"]["pattern"], re.I)}


def extract_declarations(units: list[Unit], text: str, roster=None, item_starts: list[int] = ()) -> list[Declared]:
    """Each declaration: one per declarer, with the clause that states it."""
    g, people, out = _grammar(), People(roster), []
    folded = folded_text(text)
    sections = _starts(g["section"], g["section_prefix"], text, folded) if may_match(g["section_words"], folded) else []
    needs = g["declaration_words"]  # a sentence with none of them states no declaration (None: any may)
    starts = None if needs is None else _word_starts(needs, folded)
    if not sections and starts == []:
        return out
    ends = _section_ends(sections, item_starts)
    for unit in units:
        k = bisect_right(sections, unit.start) - 1  # the last heading before the sentence: under it, or none
        listed = k >= 0 and unit.start < ends[k]
        if listed or starts is None or _starts_within(starts, unit.start, unit.end):
            out += _declared(unit, g["declaration"] + (g["listed"] if listed else []), g, people)
    return out


def _word_starts(words: frozenset[str], folded: str) -> list[int]:
    """The sorted offsets in `folded` (fold(text)) at which one of the words starts: a sentence (its words
    single-spaced) holds a word without spaces only when the word starts in its span of the text."""
    starts = []
    for word in words:
        at = folded.find(word)
        while at != -1:
            starts.append(at)
            at = folded.find(word, at + 1)
    return sorted(starts)


def _starts_within(starts: list[int], a: int, b: int) -> bool:
    """True when one of the sorted offsets lies in [a, b)."""
    k = bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def _declared(unit: Unit, rules: list, g: dict, people: People) -> list[Declared]:
    """The declarations the rules (name, pattern, words) read in one sentence, each clause running to the next
    one's start."""
    s, folded, out = unit.text, fold(unit.text), []
    hits = sorted(((m.start(), name, m) for name, pattern, words in rules if may_match(words, folded)
                   for m in pattern.finditer(s)), key=lambda h: h[0])
    for k, (a, name, m) in enumerate(hits):
        b = hits[k + 1][0] if k + 1 < len(hits) else len(s)
        clause = s[min(a, m.start("whos")):b].strip(" ,;")
        item = g["item"].search(s, m.end(), b) or g["item"].search(s, m.start(), m.start("whos"))
        for who in g["who"].finditer(m.group("whos")):
            if not people.is_person(who.group()):
                continue  # 'Northwold Sports and Social Club and both Cllr Sharp ...'
            out.append(Declared(people.name(who.group()), item.group("item").rstrip(".") if item else None,
                                clause, unit.start + a, unit.start + b, f"declaration.{name}"))
    return out


def _section_ends(sections: list[int], item_starts: list[int]) -> list[float]:
    """Where the stretch under each Declarations of Interest heading ends: at the next item's start, at most
    1500 characters on."""
    ends = []
    for start in sections:
        j = bisect_right(item_starts, start)
        ends.append(min(start + 1500, item_starts[j] if j < len(item_starts) else math.inf))
    return ends


def _starts(pattern: re.Pattern, prefix: str, text: str, folded: str) -> list[int]:
    """The starts of pattern.finditer(text), tried only where `folded` (fold(text)) has the pattern's literal
    prefix: the leftmost match from a position starts at the first such place where the pattern matches."""
    if not prefix:
        return [m.start() for m in pattern.finditer(text)]
    starts, pos, at = [], 0, folded.find(prefix)
    while at != -1:
        m = pattern.match(text, at) if at >= pos else None
        if m:
            starts.append(at)
            pos = m.end()
        at = folded.find(prefix, at + 1)
    return starts
