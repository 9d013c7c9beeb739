"""Motions and votes: who moved and seconded, the counts, the roll call. The clause grammar is data
(models/votes.json, one named rule per form); this module fills in its placeholders and reads the facts."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import rx
from ..lexicon import lexicon, longest_first, rule_table
from .screen import fold, may_match, needed_marks, needed_words

_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_N = (r"(?=[\d" + "".join(sorted({n[0] for n in _NUMBERS})) + "])"  # the first character: a cheap first test
      r"(?<![£$€¥\d.,/-])(\d{1,3}|" + "|".join(_NUMBERS) + r")\b(?![.,/]\d)")  # a count, never money or a date
_SP = r"[^\S\n]"  # a space within a line (no-break spaces too)


def _raw() -> dict:
    return rule_table("votes")


@lru_cache(maxsize=None)
def _title_names() -> list[str]:
    return longest_first(set(lexicon()["honorifics"]) | set(lexicon()["office_titles"]))


@lru_cache(maxsize=None)
def _titles() -> str:
    return "(?:" + "|".join(re.escape(t).replace(r"\ ", _SP + "+") for t in _title_names()) + ")"


@lru_cache(maxsize=None)
def _title_words() -> re.Pattern:
    """One word of a title ('Cllr.', 'Mrs', 'Council', 'Member'), case-insensitive."""
    words = {w.lower() for t in set(lexicon()["honorifics"]) | set(lexicon()["office_titles"]) for w in t.split()}
    return rx.compile(r"(?:" + "|".join(map(re.escape, sorted(words))) + r")\.?", re.I)


@lru_cache(maxsize=4096)
def title_word(word: str) -> bool:
    """True for one word of a title ('Cllr.', 'Mrs', 'Member')."""
    return bool(_title_words().fullmatch(word))


@lru_cache(maxsize=None)
def who_pattern() -> str:
    """A person as minutes write one: titles, then initials and a name of one or two capitalised words
    ('A' is an initial only before a name: 'Cllr A Smith', not 'A Motion')."""
    t, no = _titles(), "(?:" + "|".join(_raw()["not_names"]["words"]) + ")"
    # it starts with a title or a capital: a cheap first test at each position where a search tries it
    first = "A-Z" + "".join(sorted({re.escape(n[0]) for n in _title_names() if not "A" <= n[0] <= "Z"}))
    return (rf"(?-i:(?=[{first}])(?:{t}(?:\.{_SP}*|{_SP}+)){{0,3}}(?!{no}\b(?!\.|(?<=\bA){_SP}+(?!{no}\b)[A-Z][a-z]))"
            rf"(?:[A-Z]\.{_SP}*|[A-Z]{_SP}+(?=[A-Z])){{0,2}}"
            rf"[A-Z][\w'’-]+(?:{_SP}+(?!{no}\b)[A-Z][\w'’-]+)?)")  # People.name trims a title read as a name


def _compile(pattern: str) -> re.Pattern:
    pattern = pattern.replace("{WHO}", f"(?P<who>{who_pattern()})").replace("{TITLE}", f"(?-i:{_titles()})")
    return rx.compile(pattern.replace("{N}", _N), re.I | re.M)


_PLACEHOLDER = rx.compile(r"\{(?:WHO|TITLE|N)\}")


def _words(pattern: str) -> frozenset[str] | None:
    """The words of which every match of a rule's pattern contains one (a placeholder, read as one character,
    needs none: cheaper to parse than its thousands of characters)."""
    return needed_words(_PLACEHOLDER.sub(".", pattern), re.I | re.M)


@lru_cache(maxsize=None)
def grammar() -> dict:
    """models/votes.json with every pattern compiled."""
    raw = _raw()

    def rules(entries):
        return [(e["name"], _compile(e["pattern"]), e.get("checked", False), _words(e["pattern"])) for e in entries]

    read = {"mover": rules(raw["mover"]), "seconder": rules(raw["seconder"]), "figures": rules(raw["figures"]),
            "counts": {k: rules(v) for k, v in raw["counts"].items()},
            "named": {k: rules(v) for k, v in raw["named_votes"].items() if not k.startswith("_")}}
    groups = [read[k] for k in ("mover", "seconder", "figures")] + [*read["counts"].values(), *read["named"].values()]
    return {
        **read, "vote_words": tuple({w for group in groups for *_, words in group for w in words or ()}),  # see vote_of
        "roll_call": _compile(raw["roll_call"]["pattern"]), "roll_words": _words(raw["roll_call"]["pattern"]),
        "roll_marks": needed_marks(_PLACEHOLDER.sub(".", raw["roll_call"]["pattern"]), re.I | re.M),
        "roll_votes": raw["roll_call"]["votes"],
        "motion": [(e, _compile(e["pattern"]), _words(e["pattern"])) for e in raw["motion"]],
        "follow": [(e, _compile(e["pattern"]), _words(e["pattern"])) for e in raw["follow"]],
    }


def _first(rules, text: str, present: frozenset[str], people: "People | None" = None) -> tuple[str, re.Match] | None:
    """The first rule that matches (a 'checked' rule only when the name it reads is a person); `present` holds
    the grammar's screen words that fold(text) contains, to skip the rules whose words it lacks."""
    for name, pattern, checked, words in rules:
        if words is not None and words.isdisjoint(present):
            continue
        for m in pattern.finditer(text):
            if not (checked and people and not people.is_person(m.group("who"))):
                return name, m
    return None


_MOTION_WORD = rx.compile(r"\bmo(?:t|v|\b)|propos|prop\.|nominat", re.I)  # every motion opener has one (a fast screen)
_MOTION_WORD_NEEDS = needed_words(_MOTION_WORD.pattern, _MOTION_WORD.flags)  # and a faster one before it
_BULLET = rx.compile(r"^[o•◦▪·*–-]\s+")  # a list glyph before a sentence ('o Eric seconded the motion.')


def motion(sentence: str, folded: str | None = None) -> dict | None:
    """The rule (its entry in votes.json, with its flags) by which a sentence opens a motion ('Motion to
    approve ...', 'Moved by X to adopt'), or None (`folded`: fold(sentence), when the caller has it)."""
    folded = fold(sentence) if folded is None else folded
    if not may_match(_MOTION_WORD_NEEDS, folded) or not _MOTION_WORD.search(sentence):
        return None
    return _first_rule(grammar()["motion"], *_unbulleted(sentence, folded))


def _unbulleted(sentence: str, folded: str) -> tuple[str, str]:
    """The sentence without a list glyph before it, and its folded text."""
    if not _BULLET.match(sentence):
        return sentence, folded
    sentence = _BULLET.sub("", sentence)
    return sentence, fold(sentence)


def follows(sentence: str) -> dict | None:
    """The rule (its entry in votes.json) by which a sentence continues the motion or decision before it
    (seconder, outcome, roll call), or None."""
    return _first_rule(grammar()["follow"], *_unbulleted(sentence, fold(sentence)))


def _first_rule(rules, sentence: str, folded: str) -> dict | None:
    """The first rule (entry, pattern, words) whose pattern the sentence (folded: `folded`) matches."""
    return next((rule for rule, pattern, words in rules if may_match(words, folded) and pattern.search(sentence)),
                None)


_NAME_SEPARATOR = rx.compile(r",|;|\band\b|&")
_INITIAL_BEFORE_NAME = rx.compile(r"(?<=[a-z]\.)(?=[A-Z])")  # 'Mr.Bonnett'
_DIGITS = rx.compile(r"\d+")


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _names(listed: str) -> list[str]:
    parts = [p.strip(" .") for p in _NAME_SEPARATOR.split(listed)]
    return [p for p in parts if p and p.lower() not in ("none", "nil", "no one", "n/a", "-")]


class People:
    """Full names for references, through the roster when there is one, else the reference without titles."""

    def __init__(self, roster=None):
        self.roster = roster
        self.titles = _title_words()

    def name(self, ref: str) -> str:
        """'' when the reference is titles only ('Cllr Mrs')."""
        ref, bare = self.split(ref)
        if not bare:
            return ""
        for form in (ref, bare) if self.roster is not None else ():
            names, ok = self.roster.resolve(form)
            if ok and len(names) == 1 and names[0] != "All":
                return names[0]
        return bare

    def split(self, ref: str) -> tuple[str, str]:
        """The reference up to a second title ('Ryves Cllr' -> 'Ryves'), and its name without titles."""
        words = _INITIAL_BEFORE_NAME.sub(" ", ref.strip(" .,;:")).split()
        k = 0
        while k < len(words) and self.titles.fullmatch(words[k]):
            k += 1
        end = next((j for j in range(k + 1, len(words)) if self.titles.fullmatch(words[j])), len(words))
        return " ".join(words[:end]), " ".join(words[k:end])

    def is_person(self, ref: str) -> bool:
        """A titled reference ('Cllr Sharp', 'Trustee Elton'), or one the roster resolves."""
        ref, bare = self.split(ref)
        if not bare:
            return False
        if bare != ref:
            return True
        return self.roster is not None and self.roster.resolve(ref)[1] and self.roster.resolve(ref)[0] != ["All"]


def roll_call(text: str, roster=None) -> list[dict]:
    """Individual votes of a roll call ('Trustee Elton – yes, Trustee Hodge – yes'); empty below two."""
    return _roll_call(text, fold(text), People(roster))


def _roll_call(text: str, folded: str, people: People) -> list[dict]:
    """roll_call, with fold(text) and the People that read the names."""
    g = grammar()
    if not may_match(g["roll_words"], folded) or not may_match(g["roll_marks"], text):
        return []
    calls = [{"name": people.name(m.group("who")), "vote": g["roll_votes"][m.group("vote").lower()]}
             for m in g["roll_call"].finditer(text) if people.name(m.group("who"))]
    return calls if len(calls) >= 2 else []


def vote_of(text: str, roster=None, absent: int = 0) -> dict | None:
    """What the text states about a vote: mover, seconder, counts for / against / abstain / absent, roll call.
    `absent` is how many members the attendance records as absent: a last result figure equal to it counts
    them ('Motion Carried 6-1' with one member absent is six for), not votes against."""
    g, people, vote, folded = grammar(), People(roster), {}, fold(text)
    present = frozenset([w for w in g["vote_words"] if w in folded])  # one test per word, not one per rule
    for role in ("mover", "seconder"):
        hit = _first(g[role], text, present, people)
        name = people.name(hit[1].group("who")) if hit else ""
        if name:
            vote[role] = name
    named = {}
    for kind, rules in g["named"].items():
        hit = _first(rules, text, present)
        if hit:
            named[kind] = len(_names(hit[1].group("names")))
    absent = named.get("absent") or absent
    hit = _first(g["figures"], text, present)
    if hit:
        figures = [int(f) for f in _DIGITS.findall(hit[1].group("figures"))]
        if absent and len(figures) >= 2 and figures[-1] == absent:
            vote["absent"] = figures.pop()
        vote["for"] = figures[0]
        if len(figures) == 3:
            vote["against"], vote["abstain"] = figures[1], figures[2]
        elif len(figures) == 2:
            vote["abstain" if "abstain" in named and "against" not in named else "against"] = figures[1]
    for kind, rules in g["counts"].items():
        hit = None if kind in vote else _first(rules, text, present)
        if hit:
            vote[kind] = _number(next(x for x in hit[1].groups() if x))
    calls = _roll_call(text, folded, people)
    if calls:
        vote["roll_call"] = calls
        for kind, key in (("yes", "for"), ("no", "against"), ("abstain", "abstain")):
            vote.setdefault(key, sum(c["vote"] == kind for c in calls) or None)
    for kind in ("for", "against", "abstain"):
        if kind in named and kind not in vote:
            vote[kind] = named[kind]
    vote = {k: v for k, v in vote.items() if v is not None}
    return vote or None
