"""Actions: who must do what, from ACTION markers, 'X to <verb>', 'X agreed/undertook to', 'It was agreed
that X would', and owner columns at the end of a minute ('... ongoing.<tab>Clerk')."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..lexicon import alternation, words
from ..sentences import Unit
from .roster import Roster

_HON = alternation("honorifics")
_ROLE = r"(?:[Tt]he\s+)?(?:Clerk(?:/RFO)?|Chair(?:man|woman|person)?|Vice[- ]Chair(?:man|person)?|Secretary|" \
        r"Treasurer|" \
        r"RFO|Mayor|President)"
_NAME = r"[A-Z][\w'’-]+"
_PERSON = rf"(?:(?:{_HON})s?\.?\s+(?:[A-Z]\.?\s+){{0,2}}{_NAME}(?:\s+{_NAME})?|(?:[A-Z]\.\s?){{1,2}}\s*{_NAME}|" \
          rf"{_NAME}(?:\s+(?:de|van|du|von)\s+{_NAME}|\s+{_NAME})?)"
_REF = rf"(?:{_ROLE}|[A-Z]{{2,4}}(?![a-z])|{_PERSON}|@[\w-]+|All|Councillors|Members)"
_REFS = rf"(?P<owners>{_REF}(?:\s*(?:,|and|&|/)\s*{_REF}){{0,4}})"
_COMMIT = r"(?P<how>to|will|would|shall|should|agreed to|agrees to|undertook to|undertakes to|volunteered to|" \
          r"kindly volunteered to|offered to|was asked to|were asked to|is to|are to|has agreed to|" \
          r"takes the action(?: item)? to|took the action(?: item)? to|will take it as an action(?: item)? to|" \
          r"agreed to take|is going to|are going to)"
_CLAUSE_START = re.compile(r"(?:[;:,]|\s[-–]|\sand|\sthat|ACTIONS?:)\s")
_OWNER_LED = re.compile(rf"{_REFS}\s+(?:also\s+|kindly\s+|then\s+)?{_COMMIT}\s+(?:\w+ly\s+|also\s+|then\s+|always\s+)?"
                        rf"(?P<verb>[a-z][\w-]*)")
_HONORIFIC_REF = re.compile(rf"^(?:[Tt]he\s+)?(?:{_HON})s?\.?\s")
_STRONG = r"(?P<how>agreed to|agrees to|undertook to|undertakes to|volunteered to|kindly volunteered to|" \
          r"offered to|was asked to|were asked to|takes the action(?: item)? to|took the action(?: item)? to)"
_OWNER_ANYWHERE = re.compile(rf"\b(?P<owners>{_ROLE}|(?:{_HON})s?\.?\s+(?:[A-Z]\.?\s+){{0,2}}{_NAME}"
                             rf"(?:\s+{_NAME})?)\s+{_STRONG}\s+(?P<verb>[a-z][\w-]*)")
_CUE = re.compile(r"\b(?:to|will|would|shall|should|agree[sd]?|undert\w+|volunteered|offered|asked|action|"
                  r"going)\b")  # run on lower-cased text
_DONE = re.compile(r"\b(?:had|has)\s+(?:\w+\s+)?(?:agreed|volunteered|undertaken|been asked)\b")
_STRONG_CUE = re.compile(r"\b(?:agree[sd] to|undert(?:ook|akes) to|volunteered to|offered to|asked to|action)\b")
_SAID_WOULD = re.compile(rf"(?:^|(?<=[–-]\s)|(?<=[;:,]\s)){_REFS}\s+(?:advised|said|confirmed|stated|reported|agreed|"
                         rf"offered|explained)\s+that\s+"
                         rf"(?:she|he|they)\s+(?P<how>would|will)\s+(?:be\s+)?(?P<verb>[a-z][\w-]*)")
_DONE_BY = re.compile(rf"^It\s+was\s+agreed\s+that\s+.{{3,150}}?\b(?P<how>should|would|will|to)\s+be\s+"
                      rf"(?P<verb>[a-z]+ed)\b.{{0,80}}?\bby\s+{_REFS}\.?$")
_WHO_WOULD = re.compile(rf"\b{_REFS},?\s+who\s+(?P<how>would|will|is to|agreed to)\s+(?:then\s+)?(?P<verb>[a-z][\w-]*)")
_AGREED_THAT = re.compile(rf"\b(?:agreed|suggested|resolved|decided)\s+that\s+{_REFS}\s+(?:would|will|should|to|"
                          rf"must|shall)?\s*(?:\w+ly\s+|also\s+|then\s+|always\s+)?(?P<verb>[a-z][\w-]*)")
_MARKER = re.compile(r"^\s*(?:ACTIONS?|Action(?:s| points?)?)\s*(?:by\s+(?P<by>[^:]{1,40}))?\s*:\s*", re.I)
_NOT_VERBS = {"be", "been", "being", "has", "had", "not", "need", "needs", "like", "prefer", "also",
              "probably", "possibly", "likely", "able", "the", "a", "an", "that", "this", "it", "know", "hear", "hope",
              "seem", "appear", "say", "said", "think"}
_NOT_OWNERS = {"police", "council", "partners", "partnership", "team", "it", "this", "there", "they", "we", "he", "she",
               "residents", "officers", "board", "committee", "group", "service", "people", "everyone", "someone",
               "nobody", "items", "notices", "funding", "work", "meeting", "agenda", "the", "report", "minutes",
               "plan", "survey", "website", "government", "county", "borough", "parish", "tc", "tsc", "staff",
               "who", "what", "which", "members of the public", "public", "contractor", "applicant", "options",
               "discussion", "reporting", "publicity", "data", "return", "update", "updates", "further", "next"}
_LOOSE_OWNER = re.compile(rf"^(?:{_HON})\.?\s|^[A-Z]{{2,4}}$|^@[\w-]+$|^[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+)?$")
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
            if strict or not _LOOSE_OWNER.match(clean):
                return None
            unresolved.append(clean)
        owners.extend(n for n in names if n not in owners)
    return owners, unresolved


def extract_actions(units: list[Unit], roster: Roster, text: str) -> list[Task]:
    """Tasks given to someone in the minutes' sentences."""
    tasks: list[Task] = []
    for i, unit in enumerate(units):
        owner_only = _trailing_owner(unit, roster)
        if owner_only and i:  # 'The Clerk to write to NCC.  ACTION: CLERK' - the owner of the sentence before
            owners, refs, unresolved = owner_only
            previous = units[i - 1]
            if tasks and tasks[-1].start >= previous.start:
                tasks[-1].owners += [o for o in owners if o not in tasks[-1].owners]
                tasks[-1].refs += [r for r in refs if r not in tasks[-1].refs]
            else:
                tasks.append(Task(previous.text, previous.start, previous.end, owners, refs, unresolved,
                                  "action.trailing-marker"))
            continue
        task = _from_unit(unit, roster)
        if task:
            tasks.append(task)
    tasks.extend(_column_owners(units, roster, text, tasks))
    tasks.sort(key=lambda t: t.start)
    return tasks


def _trailing_owner(unit: Unit, roster: Roster) -> tuple[list[str], list[str], list[str]] | None:
    """An 'ACTION: CLERK' / 'Action: JS/KL' unit naming only owners: (owners, refs, unresolved)."""
    marker = _MARKER.match(unit.text)
    if not marker or marker.group("by"):
        return None
    body = unit.text[marker.end():].strip(" .")
    if not body or len(body) > 40 or not re.fullmatch(rf"{_REF}(?:\s*(?:,|/|and|&)\s*{_REF})*", body, re.I):
        return None
    got = resolve(roster, _refs(body), strict=False)
    if not got or not got[0]:
        return None
    return got[0], _refs(body), got[1]


def _from_unit(unit: Unit, roster: Roster) -> Task | None:
    """The task in one sentence: every commitment in it ('A agreed to X and the Clerk would Y') makes one task
    with all their owners; an ACTION marker makes a task even with no owner found."""
    s = unit.text
    marker = _MARKER.match(s)
    body = s[marker.end():] if marker else s
    offset = unit.start + (len(s) - len(body)) if marker else unit.start
    if not marker and not _CUE.search(body.lower()):
        return None
    if _DONE.search(body[:80]):
        return None  # 'Myles had volunteered to ...': reported, not a task
    found = list(_commitments(body, roster, bool(marker)))
    if found:
        start = min(f[0] for f in found)
        owners, refs, unresolved = [], [], []
        for _, o, r, u, _ in sorted(found, key=lambda f: f[0]):
            owners += [x for x in o if x not in owners]
            refs += [x for x in r if x not in refs]
            unresolved += [x for x in u if x not in unresolved]
        rule = "action.marker" if marker else min(found, key=lambda f: f[0])[4]
        return Task(body[start:].strip(), offset + start, unit.end, owners, refs, unresolved, rule)
    if marker and body.strip():
        by = marker.group("by")
        refs = _refs(by) if by else re.findall(r"\b[A-Z]{2,3}\b", body)
        got = resolve(roster, refs, strict=False) if refs else ([], [])
        owners, unresolved = got or ([], [])
        return Task(body.strip(), offset, unit.end, owners, refs, unresolved, "action.marker")
    return None


def _commitments(body: str, roster: Roster, marker: bool):
    """(start, owners, refs, unresolved, rule) for each owner committed to do something in the sentence."""
    seen: set[int] = set()
    for pattern, rule in ((_AGREED_THAT, "action.agreed-that"), (_OWNER_LED, "action.owner-to"),
                          (_OWNER_ANYWHERE, "action.owner-agreed"), (_WHO_WOULD, "action.who-would"),
                          (_SAID_WOULD, "action.said-would"), (_DONE_BY, "action.done-by")):
        if pattern is _OWNER_ANYWHERE and not _STRONG_CUE.search(body) or \
                pattern is _AGREED_THAT and " that " not in body or pattern is _WHO_WOULD and " who " not in body \
                or pattern is _SAID_WOULD and " that " not in body or pattern is _DONE_BY and " by " not in body:
            continue
        if pattern is _OWNER_LED:
            starts = [0] + [c.end() for c in _CLAUSE_START.finditer(body)]
            matches = (pattern.match(body, pos) for pos in starts
                       if pos < len(body) and (body[pos].isupper() or body[pos] == "@"
                                               or body.startswith(("the ", "the\t"), pos)))
        else:
            matches = pattern.finditer(body)
        for m in matches:
            if m is None or m.start("owners") in seen:
                continue
            verb = m.group("verb").lower()
            how = m.groupdict().get("how") or ""
            if verb in _NOT_VERBS or how == "should" and rule != "action.done-by" and verb not in words("action_verbs"):
                continue
            if verb == "have" and not re.match(r"\s*a\s+look", body[m.end():]):
                continue
            refs = _refs(m.group("owners"))
            future = how in ("will", "would", "shall", "is going to", "are going to")
            strict = rule in ("action.who-would", "action.said-would", "action.done-by") or \
                rule == "action.owner-to" and (future or m.start() > 0) and not marker
            got = resolve(roster, refs, strict)
            if not got or not got[0]:
                got = resolve(roster, refs, strict=False) if future and m.start() == 0 else None
                if not got or verb not in words("action_verbs"):
                    continue
            owners, unresolved = got
            if unresolved and how == "to" and not marker:
                continue  # 'Hope to see ...', 'Good to set ...': not a person
            if not marker and any(re.fullmatch(r"[A-Z]{3,}", u) for u in unresolved):
                continue  # 'EMO will ...': an acronym that is nobody's initials is an organisation
            if rule == "action.owner-agreed" and any(not _HONORIFIC_REF.match(u) for u in unresolved):
                continue  # an unknown plain name; a titled one ('County Cllr. J. Davies') is kept, flagged
            seen.add(m.start("owners"))
            yield (m.start("owners") if rule in ("action.owner-to", "action.owner-agreed") else 0), owners, refs, \
                unresolved, rule


_COLUMN = re.compile(rf"(?:\t|\|[\s|]*|(?<=[.)])\s)(?P<col>{_REF}(?:\s*(?:/|and|&)\s*{_REF}){{0,3}})[\s|]*$")


def _best_sentence(candidates: list[Unit], refs: list[str]) -> Unit:
    """The sentence of a minute that an owner column refers to: one naming an owner and saying what is to
    be done, else one naming an owner, else the last."""
    keys = [r.split()[-1].strip(".").lower() for r in refs if r.split()]

    def score(u: Unit) -> int:
        low = u.text.lower()
        named = any(re.search(rf"\b{re.escape(k)}", low) for k in keys)
        todo = bool(re.search(r"\bto\s+be\b|\bto\s+[a-z]+\b|\bwould\b|\bwill\b|\bwas asked\b", low))
        return 2 * named + todo
    return max(reversed(candidates), key=score) if candidates else candidates[-1]


def _column_owners(units: list[Unit], roster: Roster, text: str, tasks: list[Task]) -> list[Task]:
    """Owner columns: a minute ending in a tab (or, from PDFs, just a space) and the owners' names."""
    out = []
    tasks = sorted(tasks, key=lambda t: t.start)
    starts = [t.start for t in tasks]
    unit_starts = [u.start for u in units]
    for i, unit in enumerate(units):
        line_end = text.find("\n", unit.end, unit.end + 80)
        if line_end == -1:
            line_end = len(text) if len(text) - unit.end < 80 else -1
        if line_end == -1 or "\t" not in text[unit.end:line_end] and not re.search(r"[.)]\s+\S{2,}", text[unit.end - 2:
                                                                                                       line_end]):
            continue  # nothing after this sentence on its line: no owner column
        tail = text[unit.start:line_end]
        m = _COLUMN.search(tail)
        if not m or len(tail) - m.start() > 60 or m.start() < 10 or unit.start + m.start() - unit.end > 3:
            continue
        spaced = tail[m.start()] not in "\t|"
        if spaced and not re.fullmatch(rf"(?:{_ROLE}|All|ALL|[A-Z]{{2,4}})(?:\s*/\s*\S.*)?|.*/.*", m.group("col")):
            continue  # without a tab, only roles, initials or 'A/B' read as an owner column (PDF text)
        got = resolve(roster, _refs(m.group("col")), strict=False)
        if not got or not got[0] or any(o in _NOT_OWNERS for o in (x.lower() for x in got[0])):
            continue
        if not any(re.match(rf"^(?:{_ROLE}|All|(?:{_HON})s?\.?\s.*)$", r, re.I) or roster.resolve(r)[1]
                   for r in _refs(m.group("col"))):
            continue
        owners, unresolved = got
        k = bisect_left(starts, unit.start)
        existing = tasks[k] if k < len(tasks) and tasks[k].start <= unit.start + len(tail) else None
        if existing:
            existing.owners = owners + [o for o in existing.owners if o not in owners]
            continue
        para_start = max(text.rfind("\n", 0, unit.start) + 1, 0)
        chosen = _best_sentence(units[bisect_left(unit_starts, para_start):i + 1], _refs(m.group("col")))
        out.append(Task(chosen.text, chosen.start, chosen.end, owners, _refs(m.group("col")), unresolved,
                        "action.owner-column"))
    return out
