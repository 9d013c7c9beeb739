"""Resolving references to people ('KL', 'the Clerk', 'Cllr. A. Davies', 'Trustee Picha', 'Rod', '@burn') against
the attendees, and, failing them, against the people the text names with a title ('Councillor Bell')."""
from __future__ import annotations

import re
from functools import cached_property, lru_cache

from .. import rx
from ..lexicon import lexicon, longest_first, phrase_alternation, words
from .people import CAPITALS, Person, parsed_entry

_ALL = {"all", "everyone", "councillors", "all councillors", "members", "all members", "everybody", "cllrs"}
_TITLES = phrase_alternation(longest_first(lexicon()["honorifics"]) + longest_first(lexicon()["office_titles"]))
_TITLED = rx.compile(  # 'Councillor Mary Bell', 'Supervisor Gary Mantay', 'Cllr. A. Davies': one titled mention
    rf"\b(?=[A-Z]){_TITLES}\.?[ \t]+(?:[A-Z]\.?[ \t]+){{0,2}}[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?")
_TITLE_START = rx.compile(rf"{_TITLES}\.?[ \t]+[A-Z]")  # where a titled mention may start
_CHAIR = rx.compile(r"chair(?:person|man|woman)?|convenor|convener")
_LEAD_WORD = rx.compile(r"^(?:the|our|mr\.?|madam)\s+")  # 'the Clerk', 'Mr Chairman'
_ARTICLE = rx.compile(r"^(?:the|our)\s+", re.I)
_CAMEL_NICK = rx.compile(r"[A-Z][a-z]+[A-Z][a-z]*")  # 'JoeA'
_NOT_LETTER = rx.compile(r"[^a-z]")


@lru_cache(maxsize=1024)
def _role_key(role: str) -> str:
    """The role lower-cased, with each chair word as 'chair' ('Chairman' -> 'chair')."""
    return _CHAIR.sub("chair", role.lower())


@lru_cache(maxsize=256)
def _role_pattern(key: str) -> re.Pattern:
    """The role key as a word, not part of a vice or deputy role ('chair' not in 'vice chair'); compiled by re, as
    the keys come from the documents (rx's cache keeps the patterns of the rules)."""
    return re.compile(rf"(?<!vice[ -])(?<!deputy )\b{re.escape(key)}\b")


@lru_cache(maxsize=None)
def _role_keys() -> tuple[frozenset[str], frozenset[str]]:
    """The roles an owner may be named by ('the Clerk'), and every role or office title, as keys."""
    return (frozenset(_role_key(r) for r in words("owner_roles")),
            frozenset(_role_key(r) for r in words("roles") | words("office_titles")))


def mentioned_people(text: str) -> list[Person]:
    """People the text names with a title, the fullest form of each ('Councillor Bell' and 'Councillor Mary Bell'
    give Mary Bell)."""
    return [p.copy() for p in _mentioned(text)]


def _mentioned(text: str) -> list[Person]:
    """`mentioned_people` as the shared parses (`parsed_entry`): to read, never to change."""
    by_name: dict[str, Person] = {}
    for raw in dict.fromkeys(titled_mentions(text)):
        p = parsed_entry(raw, None, False)
        if p and p.tokens and p.name not in by_name:
            by_name[p.name] = p
    by_surname: dict[str, list[Person]] = {}
    for p in by_name.values():
        by_surname.setdefault(p.surname.lower(), []).append(p)
    return [p for p in by_name.values() if not any(len(q.tokens) > len(p.tokens) and _matches(p, q)
                                                   for q in by_surname[p.surname.lower()])]


def titled_mentions(text: str):
    """The matches of _TITLED in the text, as finditer finds them, tried only where a title and a capital follow."""
    pos = 0
    while start := _TITLE_START.search(text, pos):
        m = _TITLED.match(text, start.start())
        if m:
            yield m.group()
        pos = m.end() if m else start.start() + 1


class Roster:
    """The attendees, indexed by the forms minutes use to refer to them; `text` adds the people the document names
    with a title, used only when no attendee matches (they are not attendees)."""

    def __init__(self, people: list[Person], text: str = ""):
        self.people = people
        self.text = text
        self.owner_roles, self.roles = _role_keys()
        self._resolved: dict[str, tuple[list[str], bool]] = {}  # reference -> resolve() answer, per document


    @cached_property
    def mentioned(self) -> list[Person]:
        """People the text names with a title (read on the first reference no attendee matches)."""
        return _mentioned(self.text) if self.text else []

    @cached_property
    def _people_by_surname(self) -> dict[str, list[Person]]:
        return _by_surname(self.people)

    @cached_property
    def _mentioned_by_surname(self) -> dict[str, list[Person]]:
        return _by_surname(self.mentioned)

    def by_role(self, role: str) -> list[Person]:
        holds = _role_pattern(_role_key(role)).search
        return [p for p in self.people if holds(_role_key(p.role or ""))]

    def resolve(self, ref: str) -> tuple[list[str], bool]:
        """Names a reference stands for, and whether it resolved to exactly one person (or a role). Forms: a full
        name, a surname or full name after a title ('Trustee Picha', 'Supervisor Gary Mantay', 'Cllr. A. Davies'),
        a bare surname ('Hensley') or first name ('Ray'), initials ('KL', 'K.L.'), a handle ('@burn'), a role
        ('the Parish Clerk'), or everyone ('All'). Ambiguous references stay unresolved: ([ref], False).
        Answers are remembered per reference (minutes repeat the same owners)."""
        if ref not in self._resolved:
            self._resolved[ref] = self._resolve(ref)
        names, ok = self._resolved[ref]
        return list(names), ok

    def _resolve(self, ref: str) -> tuple[list[str], bool]:
        ref = ref.strip(" .,;:")
        if not ref:
            return [ref], False
        low = _LEAD_WORD.sub("", ref.lower())
        if low in _ALL:
            return ["All"], True
        if ref.startswith("@"):
            return self._one(_by_handle(self.people, ref[1:]) or _by_handle(self.mentioned, ref[1:]), ref)
        initials = ref.replace(".", "").replace(" ", "")
        if CAPITALS.fullmatch(initials) and (ref.isupper() or "." in ref):
            hits = [p for p in self.people if initials in (p.initials, p.all_initials)]
            if hits or "." in ref:
                return self._one(hits, ref)
        key = _role_key(low)
        if key in self.owner_roles or low in ("clerk/rfo", "rfo") or len(low.split()) <= 3 and \
                _role_key(low.split()[-1]) in self.owner_roles and (key in self.roles or low != ref.lower()):
            return self._role(low, ref)  # 'the Clerk', 'the Parish Clerk', 'Mr Chairman'
        if key in self.roles and len({p.name for p in self.by_role(key)}) == 1:
            return [self.by_role(key)[0].name], True  # 'the Treasurer' held by one attendee
        person = parsed_entry(ref, "x", False) if ref[:1].isupper() else None  # 'x': a lone word may be a name
        if not person:
            return [ref], False
        for pool, index in ((self.people, self._people_by_surname), (self.mentioned, self._mentioned_by_surname)):
            hits = _candidates(person, pool, index)
            if hits:
                return self._one(hits, ref)
        return [ref], False

    def _role(self, low: str, ref: str) -> tuple[list[str], bool]:
        """'the Parish Clerk': the attendee holding the role, else the role itself."""
        key = low.split("/")[0]
        hits = self.by_role(key) or self.by_role(key.split()[-1])
        if len({p.name for p in hits}) == 1:
            return [hits[0].name], True
        role = _ARTICLE.sub("", ref)
        return [role[0].upper() + role[1:]], True

    @staticmethod
    def _one(hits: list[Person], ref: str) -> tuple[list[str], bool]:
        names = {p.name for p in hits}
        return ([hits[0].name], True) if len(names) == 1 else ([ref], False)


def _by_surname(pool: list[Person]) -> dict[str, list[Person]]:
    """The people of the pool with a name, by lower-cased surname, in pool order."""
    index: dict[str, list[Person]] = {}
    for p in pool:
        if p.tokens:
            index.setdefault(p.surname.lower(), []).append(p)
    return index


def _candidates(ref: Person, pool: list[Person], by_surname: dict[str, list[Person]]) -> list[Person]:
    """The people of the pool (indexed by surname) a parsed reference may name, best evidence first: the name
    itself, a clipped surname ('Cllr. O. William'), then a lone word as a first name ('Rod')."""
    hits = [p for p in by_surname.get(ref.surname.lower(), ()) if _matches(ref, p)]
    if not hits and len(ref.tokens) > 1:
        hits = [p for p in pool if len(p.tokens) > 1 and p.surname.lower().startswith(ref.surname.lower())
                and p.tokens[0][0].lower() == ref.tokens[0][0].lower()]
    if not hits and len(ref.tokens) == 1:
        hits = [p for p in pool if len(p.tokens) > 1 and p.tokens[0].lower() == ref.tokens[0].lower()]
    if not hits and len(ref.tokens) == 1 and _CAMEL_NICK.fullmatch(ref.tokens[0]):
        hits = _by_handle(pool, ref.tokens[0])  # 'JoeA', 'ChristopherA': a nick made of the name
    return hits


def _by_handle(pool: list[Person], handle: str) -> list[Person]:
    """'@mhdawson' as listed; else a handle built from the name ('@joeandrieu', '@dmitriz', '@burn' for Dan
    Burnett), when only one person fits."""
    h = handle.lower()
    hits = [p for p in pool if p.handle and p.handle.lower() == h]
    if hits or len(h) < 3:
        return hits
    for p in pool:
        parts = [_NOT_LETTER.sub("", t.lower()) for t in p.tokens]
        first, last = parts[0], parts[-1]
        forms = {first + last, first + last[:1], first[:1] + last, last, first} if len(parts) > 1 else {first}
        if h in forms or len(h) >= 4 and any(t.startswith(h) for t in parts):
            hits.append(p)
    return hits


def _matches(ref: Person, p: Person) -> bool:
    """'Cllr. A. Davies' ~ 'Alun Davies'; 'Hensley' ~ 'Hensley'; 'Supervisor Gary Mantay' ~ 'Mantay'."""
    if not p.tokens:
        return False
    if p.surname.lower() != ref.surname.lower():
        return False
    if len(ref.tokens) == 1:
        return True
    if len(p.tokens) == 1:  # a surname-only attendee: 'Supervisor Gary Mantay', not 'Moved Hensley'
        return bool(ref.title) and ref.title != "x"
    a, b = ref.tokens[0], p.tokens[0]
    if len(a) == 1 or len(b) == 1:
        return a[0].lower() == b[0].lower()
    return a.lower() == b.lower()
