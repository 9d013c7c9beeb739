"""Attendance lists: the heading words, and the people in a list chunk (names, roll calls of surnames or
handles, inverted names), cut where the list turns into sentences."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile

from .. import rx
from ..lexicon import lexicon, longest_first, phrase_alternation, words
from .people import BRACKETED, HANDLE, Person, parse_entry, parse_list, plural_titled



def _headings(*keys: str) -> str:
    """The heading phrases of the lexicon lists, list by list, as an alternation for patterns compiled with re.I."""
    return phrase_alternation([p for key in keys for p in longest_first(lexicon()[key])])


PRESENT = _headings("present_headings")
ABSENT = _headings("absent_headings")
HEADS = _headings("apology_headings", "absent_headings", "present_headings")
MODE = (r"(?:[ \t]+(?:in[ \t]+person|virtually|remotely|online|(?:via|by)[ \t]+\w+)|"  # 'Present (via Zoom)'
        r"[ \t]*\((?:(?:via|by|in person|online|remote|virtual)\b[^()\n]{0,25}|\w+[ \t]+(?:councillors|members|"
        r"directors|trustees))\))?")
HEADING_LINE = rx.compile(rf"^\s*(?:#+\s*|[-*•]\s+)?(?:\d+(?:\.\d+)*\.?\s+)?[*_]{{0,2}}(?P<head>(?:{HEADS}|"
                          rf"(?:(?!(?:all|by|were|was|agreed|not)\b)[A-Z][a-z]+\s+){{1,3}}(?:present|attending|"
                          rf"in attendance)){MODE})[*_]{{0,2}}\s*:?\s*[*_]{{0,2}}\s*$", re.I)
_NAMESPACE = rx.compile(rf"(?<![\w/])(?!(?:{HEADS})\b)[A-Z][a-z]+:(?=[A-Z][\w.-])")  # wiki 'User:Katie'
NONE = rx.compile(r"^\s*(?:none|nil|no apologies|n/a|there were no)\b", re.I)
EXPLAIN = rx.compile(r"\b(?:was|were|had|has|have|is|are|will|would|welcomed|took|declared|advised|"
                     r"reported|thanked|asked|said|agreed|proposed|seconded)\b")
_SHORT_NAME = rx.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]+)?(?:\s*\(@?[\w.-]+\)|\s+@[\w-]+)?")
_HANDLE_NAME = rx.compile(r"@?[a-z][\w.-]*(?:\s*\(@[\w-]+\))?")
_INVERTED = rx.compile(r"[A-Z][\w'’-]+,\s*(?:[A-Z][\w'’.-]*\s*){1,3}")
_NOT_HANDLES = {"and", "none", "nil", "all", "members", "received", "accepted", "noted", "the", "others", "present",
                "absent", "apologies", "public", "n/a", "tbc", "various", "everyone"}
PROSE_WORD = rx.compile(r"(?<![\w@(-])(?!(?:and|of|the|for|to|de|van|von|der|den|du|da|di|la|le|del|y|on|at)\b)"
                        r"[a-z]{2,}\b")
_EXCUSED = rx.compile(r"(?<!un)excused|with apolog")
_ABSENT_HEADING = rx.compile(rf"(?:{ABSENT})$", re.I)
_ABSENT_WORDS = rx.compile(r"absent|\bnot\s+(?:present|in attendance|attending)")
_STOP_BEFORE_TITLE = rx.compile(r"\.\s+(?=(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\b)")  # 'Mr. A Halls. Mr. R Thompson'
_VOICE_MARK = rx.compile(r"(?<![\w@])\+(?=\w)")  # IRC voice marks: '+Manu_Sporny'
_IRC_UNDERSCORE = rx.compile(r"(?<=[a-z])_(?=[A-Z])")  # IRC names: 'Joe_Andrieu'
_FROM_BRACKET = rx.compile(r"\s*\(.*")
_LIST_SPLIT = rx.compile(r",|\band\b|&")


class Found:
    def __init__(self, person: Person, status: str, group: str, start: int, end: int, rule: str):
        self.person, self.status, self.group, self.start, self.end, self.rule = \
            person, status, group, start, end, rule


@lru_cache(maxsize=1024)
def status_of(heading: str) -> str:
    h = heading.lower()
    if h.startswith(("apolog", "regrets")) or _EXCUSED.search(h):
        return "apologies"
    if _ABSENT_HEADING.match(heading) or _ABSENT_WORDS.search(h):
        return "absent"
    return "present"


def clean(text: str) -> str:
    """Tabs between words (PDF text) as spaces; namespace prefixes glued to a name ('User:Katie') dropped."""
    text = _STOP_BEFORE_TITLE.sub(", ", text)  # 'Mr. A Halls. Mr. R Thompson'
    if "+" in text:
        text = _VOICE_MARK.sub("", text)  # IRC voice marks: '+Manu_Sporny'
    if "_" in text:
        text = _IRC_UNDERSCORE.sub(" ", text)  # IRC names: 'Joe_Andrieu'
    text = text.replace("\t", " ")
    return _NAMESPACE.sub("", text) if ":" in text else text


_SENTENCE_END = rx.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])")
_TITLES = {w.lower() for w in words("honorifics")}
_COMING_GOING = rx.compile(r"\b(?:arrived|left|joined|departed)\b", re.I)


def list_part(text: str) -> str:
    """The list at the start of a text that may go on in sentences: later sentences are kept only while they read as
    more entries ('Absent: Gatto. Sheumaker arrived at 7:32' -> 'Gatto'); a title's full stop ('Cllr. A') is no
    sentence end."""
    pieces, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[:m.start()].rsplit(None, 1)[-1].lower() not in _TITLES:
            pieces.append(text[pos:m.start()])
            pos = m.end()
    pieces.append(text[pos:])
    keep = [pieces[0]] + list(takewhile(lambda x: not EXPLAIN.search(x) and not _COMING_GOING.search(x) and
                                        len(PROSE_WORD.findall(x)) < 4, pieces[1:]))
    return ", ".join(keep)


def _short_names(chunks: list[str], strict: bool) -> list[Person] | None:
    """A roll of first names, surnames or handles ('Martin, TC, Brian (redbeard), Dan Barlow'; 'alice, bob (@bob)'):
    each chunk one or two words; None when the chunks do not read so. Lower-case handles only after a marker
    (not strict), three or more of them or with an '@'."""
    if len(chunks) < (1 if not strict else 2) or not any(" " not in _FROM_BRACKET.sub("", c) for c in chunks) or \
            any(plural_titled(c) for c in chunks):
        return None
    handles = [c for c in chunks if not _SHORT_NAME.fullmatch(c)]
    if any(c.lower().lstrip("@") in _NOT_HANDLES for c in chunks) or handles and (
            strict or not (len(chunks) >= 3 or any("@" in c for c in chunks)) or
            not all(_HANDLE_NAME.fullmatch(c) for c in handles)):
        return None
    people = []
    for c in chunks:
        if c in handles:
            handle = HANDLE.search(c)
            name = c.split("(")[0].strip().lstrip("@")
            people.append(Person(name=name, tokens=[name], handle=handle.group(1) if handle else name))
        elif p := parse_entry(c, allow_single=True):
            people.append(p)
    return people


def list_people(text: str, title=None, strict: bool = True) -> list[Person]:
    """People from a list chunk; [] when the chunk reads as a sentence rather than a list (strict), or with
    the sentence-like descriptors dropped ('F Eglington (Cllr Eglington is also the temporary Clerk)').
    A roll call of bare surnames, first names or handles ('Present: Coleman, Flagg, Hensley and Phillips.') is a
    list of people too."""
    text = clean(text)
    if NONE.match(text):
        return []
    flat = BRACKETED.sub(lambda m: m.group().replace(",", ";"), text) if "(" in text else text  # no commas in notes
    chunks = [c for c in (c.strip().strip(".").strip() for c in _LIST_SPLIT.split(flat)) if c]
    short = _short_names(chunks, strict)
    if short is not None:
        return short
    parts = [x.strip(" .") for x in text.split(";") if x.strip(" .")]
    if len(parts) >= 2 and all(_INVERTED.fullmatch(x) for x in parts):  # 'Smith, John; Jones, Mary'
        return [p for p in (parse_entry(" ".join(reversed(x.split(",", 1))).strip()) for x in parts) if p]
    people = parse_list(text, title)
    explained = [p for p in people if p.role and EXPLAIN.search(p.role) or
                 p.organisation and EXPLAIN.search(p.organisation)]
    if explained and strict:
        return []
    for p in explained:
        p.role = p.role if p.role and not EXPLAIN.search(p.role) else None
        p.organisation = p.organisation if p.organisation and not EXPLAIN.search(p.organisation) else None
    return people
