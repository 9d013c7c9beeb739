"""Attendees: present / apologies / absent, from attendance sections, inline lists, sentences and tables."""
from __future__ import annotations

import re

from ..lexicon import alternation
from ..segment import Segment, lines_of
from ..sentences import split
from .people import Person, parse_entry, parse_list

_PRESENT = alternation("present_headings")
_APOLOGIES = alternation("apology_headings")
_ABSENT = alternation("absent_headings")
_MARKER = re.compile(
    rf"(?<![\w-])(?P<head>{_APOLOGIES}|{_ABSENT}|{_PRESENT}|Members of the Public|Public|"
    rf"(?:[A-Z][a-z]+\s+){{1,2}}(?:[Pp]resent|[Aa]bsent|[Aa]ttending|[Ee]xcused))\s*(?::|-|–)\s*(?=\S)", re.I)
_MARKER_NO_COLON = re.compile(rf"^[ \t]*(?P<head>{_PRESENT})[ \t]+(?=(?:Cllr|Councillors?|Mr|Mrs|Ms|Dr)\b)",
                              re.I | re.M)
_HEADING_LINE = re.compile(rf"^\s*(?:#+\s*)?(?:\d+(?:\.\d+)*\.?\s+)?(?P<head>{_APOLOGIES}|{_ABSENT}|{_PRESENT}|"
                           rf"(?:[A-Z][a-z]+\s+){{1,3}}(?:present|attending|in attendance))\s*:?\s*$", re.I)
_GROUP_LABEL = re.compile(r"^\s*(?:[A-Z][\w-]*\s*){1,4}:\s*$")  # 'Directors:' inside an attendance section
_APOLOGY_SENTENCE = re.compile(
    r"\bApologies(?:\s+for\s+absence)?\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:received|given|submitted|"
    r"tendered|sent|noted|accepted)?(?:\s+and\s+(?:accepted|noted|approved))?\s*(?:from|by|:)\s*(?P<list>.+)", re.I)
_PRESENT_SENTENCE = re.compile(
    r"^(?:Also\s+)?present(?:\s+at\s+[^:.]{3,60}?)?\s+(?:was|were)\s+(?!the following)(?P<list>.+)", re.I)
_NONE = re.compile(r"^\s*(?:none|nil|no apologies|n/a|there were no)\b", re.I)
_EXPLAIN = re.compile(r"\b(?:was|were|had|has|have|is|are|will|would|welcomed|took|declared|advised|"
                      r"reported|thanked|asked|said|agreed|proposed|seconded)\b")


class Found:
    def __init__(self, person: Person, status: str, group: str, start: int, end: int, rule: str):
        self.person, self.status, self.group, self.start, self.end, self.rule = \
            person, status, group, start, end, rule


def status_of(heading: str) -> str:
    h = heading.lower()
    if h.startswith(("apolog", "regrets")) or "excused" in h:
        return "apologies"
    if re.match(rf"(?:{_ABSENT})$", heading, re.I) or "absent" in h or h.startswith("not present"):
        return "absent"
    return "present"


def _list_people(text: str, title=None, strict: bool = True) -> list[Person]:
    """People from a list chunk; [] when the chunk reads as a sentence rather than a list (strict), or with
    the sentence-like descriptors dropped ('F Eglington (Cllr Eglington is also the temporary Clerk)').
    A roll call of bare surnames ('Present: Coleman, Flagg, Hensley and Phillips.') is a list of people too."""
    if _NONE.match(text):
        return []
    chunks = [c.strip(" .") for c in re.split(r",|\band\b|&", text) if c.strip(" .")]
    if chunks and all(re.fullmatch(r"[A-Z][\w'’-]+", c) and c.lower() not in ("none", "nil") for c in chunks):
        title = title or ""
        return [p for p in (parse_entry(c, title="Member") for c in chunks) if p]
    people = parse_list(text, title)
    explained = [p for p in people if p.role and _EXPLAIN.search(p.role) or
                 p.organisation and _EXPLAIN.search(p.organisation)]
    if explained and strict:
        return []
    for p in explained:
        p.role = p.role if p.role and not _EXPLAIN.search(p.role) else None
        p.organisation = p.organisation if p.organisation and not _EXPLAIN.search(p.organisation) else None
    return people


def _table(lines, i) -> list[tuple[Person, str, int, int]]:
    """An attendance table whose header names the name column ('Director', 'Name', 'Given Name' ...)."""
    header = [c.strip().lower() for c in lines[i].text.strip().strip("|").split("|")]
    col = {}
    for k, c in enumerate(header):
        if c in ("given name", "first name", "forename"):
            col["given"] = k
        elif c in ("family name", "surname", "last name"):
            col["family"] = k
        elif c in ("name", "director", "member", "attendee", "councillor", "participant", "trustee", "full name"):
            col["name"] = k
        elif c in ("present", "attended", "attendance", "status", "present?"):
            col["status"] = k
        elif c in ("affiliation", "organisation", "organization", "company", "representing", "employer"):
            col["org"] = k
        elif c in ("role", "position", "title"):
            col["role"] = k
    if "name" not in col and not ("given" in col and "family" in col):
        return []
    rows = []
    for ln in lines[i + 1:]:
        t = ln.text.strip()
        if not t.startswith("|"):
            break
        cells = [c.strip() for c in t.strip("|").split("|")]
        if all(re.fullmatch(r":?-+:?|", c) for c in cells):
            continue
        get = lambda key: cells[col[key]] if key in col and col[key] < len(cells) else ""  # noqa: E731
        name = get("name") or f"{get('given')} {get('family')}".strip()
        person = parse_entry(name)
        if not person:
            continue
        person.organisation = get("org") or None
        person.role = get("role") or None
        mark = get("status").lower()
        status = "absent" if mark in ("no", "n", "absent", "x", "apologies") else "present"
        if mark == "apologies":
            status = "apologies"
        rows.append((person, status, ln.start, ln.end))
    return rows


def extract_attendees(text: str, items: list[Segment]) -> list[Found]:
    """Everyone listed as attending, sending apologies or absent."""
    found: list[Found] = []
    preamble_end = items[0].start if items else min(len(text), 4000)
    lines = lines_of(text)
    pre_lines = [ln for ln in lines if ln.start < preamble_end]
    _heading_sections(text, lines, pre_lines, found)
    _inline_markers(text, 0, preamble_end, found)
    for seg in items[:3]:
        if re.search(r"roll call|attendance|present|apolog", seg.title, re.I):
            _inline_markers(text, seg.start, seg.end, found)  # 'ROLL CALL: Present: Coleman, Flagg ...' 
    _tables(lines, preamble_end, found)
    for seg in items:
        if re.search(r"apolog|attendance|absen", seg.title, re.I):
            _apology_item(text, lines, seg, found)
    region_end = preamble_end
    for seg in items:
        if re.search(r"apolog|welcome|attendance|absen", seg.title, re.I):
            region_end = max(region_end, seg.end)
    for unit in split(text, 0, region_end):
        _sentences(unit, found)
    return _dedupe(found)


def _heading_sections(text, lines, pre_lines, found) -> None:
    for i, ln in enumerate(pre_lines):
        m = _HEADING_LINE.match(ln.text)
        if not m:
            continue
        head = m.group("head").strip()
        status = status_of(head)
        for ln2 in lines[i + 1:]:
            t = ln2.text.strip()
            if not t:
                continue
            if _HEADING_LINE.match(ln2.text) or t.startswith(("#", "|")) or re.match(r"^\d{1,3}[.)]?\s", t):
                break
            if _GROUP_LABEL.match(t) and not _MARKER.match(t):
                continue  # a sub-group label ('Directors:', 'Guests:'): the list goes on
            entry = re.sub(r"^[-*•]\s+", "", t)
            single = ("," not in entry or "(" in entry) and " and " not in entry and entry.count("(") < 2
            people = [parse_entry(entry, allow_single=True)] if single else []
            people = [p for p in people if p] or _list_people(entry)
            if not people:
                if entry != t:
                    continue  # an unreadable bullet: skip it, the list goes on
                break
            for p in people:
                found.append(Found(p, status, head, ln2.start, ln2.end, "attendee.section"))


def _inline_markers(text, start, preamble_end, found) -> None:
    """'Present: Cllr A, Cllr B' and 'Also, in attendance: ...' written inline, several per line."""
    marks = sorted([m for m in _MARKER.finditer(text, start, preamble_end)
                    if not text[max(0, m.start() - 1):m.start()].isalpha()]
                   + list(_MARKER_NO_COLON.finditer(text, start, preamble_end)), key=lambda m: m.start())
    for k, m in enumerate(marks):
        head = m.group("head")
        if head.lower() in ("public", "members of the public"):
            continue
        end = marks[k + 1].start() if k + 1 < len(marks) else preamble_end
        line_end = text.find("\n", m.end())
        while line_end != -1 and line_end < end and (text[line_end - 1] in ",&" or
                                                     text[line_end + 1:line_end + 2].islower() or
                                                     text[max(0, line_end - 4):line_end].endswith(" and")):
            line_end = text.find("\n", line_end + 1)  # the list wraps onto the next line
        if line_end != -1 and text[line_end + 1:line_end + 2] != "\n":
            end = min(end, line_end)  # a list ends with its line (PDF text has no blank lines)
        para = text.find("\n\n", m.end())
        if para != -1 and para < end:
            end = para
            nxt = text.find("\n\n", para + 2)
            follow = text[para + 2:nxt if nxt != -1 else preamble_end].strip()
            if follow and len(follow) < 120 and not _EXPLAIN.search(follow.split("–")[0]) and \
                    (nxt == -1 or nxt <= preamble_end or True):
                extra = _list_people(follow)
                for p in extra:
                    found.append(Found(p, status_of(head), head, para + 2, para + 2 + len(follow),
                                       "attendee.inline"))
        chunk = re.split(r"(?<=[a-z]{2})\.\s+(?:There|The|It)\s", text[m.end():end])[0]  # '... There were 3 ...'
        for p in _list_people(chunk, strict=False):
            found.append(Found(p, status_of(head), head, m.start(), end, "attendee.inline"))


def _tables(lines, preamble_end, found) -> None:
    for i, ln in enumerate(lines):
        if not ln.text.lstrip().startswith("|"):
            continue
        if i == 0 or not lines[i - 1].text.strip().startswith("|"):
            context = " ".join(x.text for x in lines[max(0, i - 4):i + 1]).lower()
            if not re.search(r"present|attend|participant|director|member|roll", context):
                continue
            for person, status, a, b in _table(lines, i):
                found.append(Found(person, status, "table", a, b, "attendee.table"))


def _apology_item(text, lines, seg, found) -> None:
    """The body of an 'Apologies for absence' item: one name per line."""
    body = [ln for ln in lines if seg.start < ln.start < seg.end]
    for ln in body:
        t = ln.text.strip()
        if not t:
            continue
        p = parse_entry(t) if re.search(r"\)$", t) or len(t.split()) <= 5 else None
        if not p or _EXPLAIN.search(t):
            break
        found.append(Found(p, "apologies", seg.title, ln.start, ln.end, "attendee.apologies-item"))


def _sentences(unit, found) -> None:
    low = unit.text.lower()
    if "apolog" not in low and "present" not in low and "chair" not in low:
        return
    m = _APOLOGY_SENTENCE.search(unit.text)
    if m:
        chunk = re.split(r"\s-\s|;", m.group("list").rstrip("."))[0]
        chunk = re.split(r"\b(?:who|as|due to|because)\b", chunk)[0]
        for p in _list_people(chunk):
            found.append(Found(p, "apologies", "apologies", unit.start, unit.end, "attendee.apologies-sentence"))
    m = _PRESENT_SENTENCE.match(unit.text)
    if m:
        for p in _list_people(m.group("list").rstrip(".")):
            found.append(Found(p, "present", "present", unit.start, unit.end, "attendee.present-sentence"))
    m = re.search(r"\b(?P<who>(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+(?:[A-Z]\.?\s+){0,2}[A-Z][\w'-]+)\s+"
                  r"(?:took|was in|chaired)\s+the\s+[Cc]hair", unit.text)
    if m:
        p = parse_entry(m.group("who"))
        if p:
            p.role = "Chair"
            found.append(Found(p, "present", "chair", unit.start, unit.end, "attendee.took-chair"))


def same_person(a: Person, b: Person) -> bool:
    if a.surname.lower() != b.surname.lower():
        return False
    ga, gb = a.given, b.given
    if not ga or not gb:
        return True
    return ga[0][0].lower() == gb[0][0].lower() and (len(ga[0]) == 1 or len(gb[0]) == 1 or ga[0] == gb[0])


def _dedupe(found: list[Found]) -> list[Found]:
    """One record per person; a 'took the chair' mention only adds the role to a listed person."""
    out: list[Found] = []
    by_surname: dict[str, list[Found]] = {}
    for f in found:
        twin = next((o for o in by_surname.get(f.person.surname.lower(), ()) if same_person(o.person, f.person)),
                    None)
        if twin is None:
            if f.rule != "attendee.took-chair":
                out.append(f)
                by_surname.setdefault(f.person.surname.lower(), []).append(f)
            continue
        if f.rule == "attendee.took-chair":
            twin.person.role = twin.person.role if twin.person.role and "chair" in twin.person.role.lower() \
                else "Chair"
        elif len(f.person.name) > len(twin.person.name) and twin.status == f.status:
            twin.person.name = f.person.name
            twin.person.tokens = f.person.tokens
    return out
