"""Resolving references to people ('KL', 'the Clerk', 'Cllr. A. Davies', 'Rod') against the attendees."""
from __future__ import annotations

import re

from ..lexicon import words
from .people import Person, parse_entry

_ALL = {"all", "everyone", "councillors", "all councillors", "members", "all members", "everybody", "cllrs"}


class Roster:
    """The attendees, indexed by the forms minutes use to refer to them."""

    def __init__(self, people: list[Person]):
        self.people = people
        self.owner_roles = words("owner_roles")

    def by_role(self, role: str) -> list[Person]:
        role = role.lower().replace("chairperson", "chair").replace("chairman", "chair").replace("chairwoman", "chair")
        out = []
        for p in self.people:
            r = (p.role or "").lower().replace("chairperson", "chair").replace("chairman", "chair")
            if re.search(rf"(?<!vice[ -])(?<!deputy )\b{re.escape(role)}\b", r):
                out.append(p)
        return out

    def resolve(self, ref: str) -> tuple[list[str], bool]:
        """Names a reference stands for, and whether it resolved to exactly one person (or a role)."""
        ref = ref.strip(" .,;:")
        low = re.sub(r"^(?:the|our)\s+", "", ref.lower())
        if low in _ALL:
            return ["All"], True
        if ref.startswith("@"):  # a GitHub handle from the attendance list
            hits = [p for p in self.people if p.handle and p.handle.lower() == ref[1:].lower()]
            return ([hits[0].name], True) if len(hits) == 1 else ([ref], False)
        if re.fullmatch(r"[A-Z]{2,4}", ref):
            hits = [p for p in self.people if ref in (p.initials, p.all_initials)]
            if len({p.name for p in hits}) == 1:
                return [hits[0].name], True
            return [ref], False
        role_key = low.replace("chairperson", "chair").replace("chairman", "chair")
        if role_key in {r.replace("chairperson", "chair").replace("chairman", "chair") for r in self.owner_roles} \
                or low in ("clerk/rfo", "rfo"):
            hits = self.by_role(role_key.split("/")[0])
            if len(hits) == 1:
                return [hits[0].name], True
            return [ref[0].upper() + ref[1:] if not ref[0].isupper() else ref], True
        person = parse_entry(ref, title="x") if ref[:1].isupper() else None
        if not person:
            return [ref], False
        hits = [p for p in self.people if _matches(person, p)]
        if not hits and len(person.tokens) > 1:  # a clipped surname: 'Cllr. O. William'
            hits = [p for p in self.people if p.tokens and p.surname.lower().startswith(person.surname.lower())
                    and p.tokens[0][0].lower() == person.tokens[0][0].lower()]
        if len(hits) == 1:
            return [hits[0].name], True
        if not hits and len(person.tokens) == 1:
            hits = [p for p in self.people if p.tokens and p.tokens[0].lower() == person.tokens[0].lower()]
            if len(hits) == 1:
                return [hits[0].name], True
        return [ref], False


def _matches(ref: Person, p: Person) -> bool:
    """'Cllr. A. Davies' ~ 'Alun Davies'; 'Rod' ~ 'Rod Vagg'; 'Jim' ~ 'Jim McNeill'."""
    if not p.tokens:
        return False
    if len(ref.tokens) == 1:
        return p.surname.lower() == ref.tokens[0].lower()
    if p.surname.lower() != ref.surname.lower():
        return False
    a, b = ref.tokens[0], p.tokens[0]
    if len(a) == 1 or len(b) == 1:
        return a[0].lower() == b[0].lower()
    return a.lower() == b.lower()
