"""Actions: who must do what, from ACTION markers, 'X to <verb>', 'X agreed/undertook to', 'It was agreed
that X would', and owner columns at the end of a minute ('... ongoing.<tab>Clerk')."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import alternation, words
from ..sentences import Unit
from .roster import Roster

_HON = alternation("honorifics")
_ROLE = r"(?:the\s+)?(?:Clerk(?:/RFO)?|Chair(?:man|woman|person)?|Vice[- ]Chair(?:man|person)?|Secretary|Treasurer|" \
        r"RFO|Mayor|President)"
_NAME = r"[A-Z][\w'’-]+"
_PERSON = rf"(?:(?:{_HON})s?\.?\s+(?:[A-Z]\.?\s+){{0,2}}{_NAME}(?:\s+{_NAME})?|(?:[A-Z]\.\s?){{1,2}}\s*{_NAME}|" \
          rf"{_NAME}(?:\s+(?:de|van|du|von)\s+{_NAME}|\s+{_NAME})?)"
_REF = rf"(?:{_ROLE}|[A-Z]{{2,4}}(?![a-z])|{_PERSON}|All|Councillors|Members)"
_REFS = rf"(?P<owners>{_REF}(?:\s*(?:,|and|&|/)\s*{_REF}){{0,4}})"
_COMMIT = r"(?P<how>to|will|would|shall|should|agreed to|agrees to|undertook to|undertakes to|volunteered to|" \
          r"kindly volunteered to|offered to|was asked to|were asked to|is to|are to|has agreed to|" \
          r"takes the action(?: item)? to|took the action(?: item)? to|will take it as an action(?: item)? to|" \
          r"agreed to take|is going to|are going to)"
_OWNER_LED = re.compile(rf"(?:^|(?<=[;:,]\s)|(?<=\band\s)|(?<=\bthat\s)|(?<=\bACTION:\s)|(?<=\bACTIONS:\s))"
                        rf"{_REFS}\s+(?:also\s+|kindly\s+|then\s+)?{_COMMIT}\s+(?P<verb>[a-z][\w-]*)")
_AGREED_THAT = re.compile(rf"\b(?:agreed|suggested|resolved|decided)\s+that\s+{_REFS}\s+(?:would|will|should|to|"
                          rf"must|shall)?\s*(?P<verb>[a-z][\w-]*)")
_MARKER = re.compile(r"^\s*(?:ACTIONS?|Action(?:s| points?)?)\s*(?:by\s+(?P<by>[^:]{1,40}))?\s*:\s*", re.I)
_NOT_VERBS = {"be", "been", "being", "have", "has", "had", "not", "need", "needs", "like", "prefer", "also",
              "probably", "possibly", "likely", "able", "the", "a", "an", "that", "this", "it", "know", "hear", "hope",
              "seem", "appear", "say", "said", "ask", "think"}
_NOT_OWNERS = {"police", "council", "partners", "partnership", "team", "it", "this", "there", "they", "we", "he", "she",
               "residents", "officers", "board", "committee", "group", "service", "people", "everyone", "someone",
               "nobody", "items", "notices", "funding", "work", "meeting", "agenda", "the", "report", "minutes",
               "plan", "survey", "website", "government", "county", "borough", "parish", "tc", "tsc", "staff",
               "who", "what", "which", "members of the public", "public", "contractor", "applicant", "options",
               "discussion", "reporting", "publicity", "data", "return", "update", "updates", "further", "next"}
_OWNER_SPLIT = re.compile(r"\s*(?:,|\band\b|&|/)\s*")


@dataclass
class Task:
    text: str
    start: int
    end: int
    owners: list[str]
    refs: list[str]
    unresolved: list[str]
    rule: str
    extra: dict = field(default_factory=dict)


def _refs(owner_text: str) -> list[str]:
    refs = []
    for part in _OWNER_SPLIT.split(owner_text):
        part = part.strip()
        if part:
            refs.append(part)
    # 'Cllrs. A. Davies and D. Jenkins': the plural title applies to each
    return refs


def resolve(roster: Roster, refs: list[str], strict: bool) -> tuple[list[str], list[str]] | None:
    """Owners' names for refs; None when a ref is plainly not a person (strict: every ref must resolve)."""
    owners, unresolved = [], []
    for ref in refs:
        clean = re.sub(r"^(?:the\s+)", "", ref.strip(), flags=re.I)
        if clean.lower() in _NOT_OWNERS or not clean:
            return None
        names, ok = roster.resolve(re.sub(r"^Cllrs\.?\s", "Cllr ", clean))
        if not ok:
            if strict or not re.match(rf"^(?:{_HON})\.?\s|^[A-Z]{{2,4}}$|^[A-Z][a-z]+$", clean):
                return None
            unresolved.append(clean)
        owners.extend(n for n in names if n not in owners)
    return owners, unresolved


def extract_actions(units: list[Unit], roster: Roster, text: str) -> list[Task]:
    """Tasks given to someone in the minutes' sentences."""
    tasks: list[Task] = []
    for unit in units:
        task = _from_unit(unit, roster)
        if task:
            tasks.append(task)
    tasks.extend(_column_owners(units, roster, text, tasks))
    tasks.sort(key=lambda t: t.start)
    return tasks


def _from_unit(unit: Unit, roster: Roster) -> Task | None:
    s = unit.text
    marker = _MARKER.match(s)
    body = s[marker.end():] if marker else s
    offset = unit.start + (len(s) - len(body)) if marker else unit.start
    if re.search(r"\b(?:had|has)\s+(?:\w+\s+)?(?:agreed|volunteered|undertaken|been asked)\b", body[:80]):
        return None
    for pattern, rule in ((_AGREED_THAT, "action.agreed-that"), (_OWNER_LED, "action.owner-to")):
        for m in pattern.finditer(body):
            verb = m.group("verb").lower()
            how = m.groupdict().get("how") or ""
            if verb in _NOT_VERBS or how in ("should",) and verb not in words("action_verbs"):
                continue
            if how in ("will", "would", "shall", "is going to", "are going to") and verb not in words("action_verbs"):
                continue
            refs = _refs(m.group("owners"))
            strict = rule == "action.owner-to" and (how in ("will", "would", "shall") or m.start() > 0) \
                and not marker
            got = resolve(roster, refs, strict)
            if not got or not got[0]:
                continue
            owners, unresolved = got
            start = m.start("owners") if rule == "action.owner-to" else 0
            return Task(body[start:].strip(), offset + start, unit.end, owners, refs, unresolved,
                        "action.marker" if marker else rule)
    if marker and body.strip():
        by = marker.group("by")
        refs = _refs(by) if by else re.findall(r"\b[A-Z]{2,3}\b", body)
        got = resolve(roster, refs, strict=False) if refs else ([], [])
        owners, unresolved = got or ([], [])
        return Task(body.strip(), offset, unit.end, owners, refs, unresolved, "action.marker")
    return None


_COLUMN = re.compile(rf"(?:\t|(?<=[.)])\s)(?P<col>{_REF}(?:\s*(?:/|and|&)\s*{_REF}){{0,3}})\s*$")


def _column_owners(units: list[Unit], roster: Roster, text: str, tasks: list[Task]) -> list[Task]:
    """Owner columns: a minute ending in a tab (or, from PDFs, just a space) and the owners' names."""
    out = []
    for unit in units:
        line_end = text.find("\n", unit.end)
        tail = text[unit.start:line_end if line_end != -1 else len(text)]
        m = _COLUMN.search(tail)
        if not m or len(tail) - m.start() > 60 or m.start() < 10:
            continue
        got = resolve(roster, _refs(m.group("col")), strict=False)
        if not got or not got[0] or any(o in _NOT_OWNERS for o in (x.lower() for x in got[0])):
            continue
        if not any(re.match(rf"^(?:{_ROLE}|All|(?:{_HON})s?\.?\s.*)$", r, re.I) or roster.resolve(r)[1]
                   for r in _refs(m.group("col"))):
            continue
        owners, unresolved = got
        body = tail[:m.start()].strip()
        existing = next((t for t in tasks if unit.start <= t.start <= unit.start + len(tail)), None)
        if existing:
            existing.owners = owners + [o for o in existing.owners if o not in owners] if "/" in m.group("col") \
                else existing.owners
            continue
        last = re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])", body)[-1]
        out.append(Task(last.strip(), unit.start + body.rfind(last), unit.start + m.start(), owners,
                        _refs(m.group("col")), unresolved, "action.owner-column"))
    return out
