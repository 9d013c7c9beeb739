"""Attendees: present / apologies / absent, from attendance sections, inline lists, sentences and tables."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .. import rx
from ..lexicon import alternation, longest_first, phrase_alternation, words
from ..segment import Line, Segment, lines_of
from ..sentences import split
from ..signals import caseless, lowered_text
from .attendance_lists import (EXPLAIN, HEADING_LINE, HEADS, MODE, NONE, PRESENT, PROSE_WORD, Found, clean, list_part,
                               list_people, status_of)
from .attendance_sentences import APOLOGY_SENTENCE, all_present, read_sentences
from .attendance_tables import read_tables
from .dates import lowered
from .people import BRACKETED, Person, describes_role, parse_entry, several_people, titled
from .screen import fold

_WORDED = r"(?:[A-Z][a-z]+[ \t]+){1,2}(?:[Pp]resent|[Aa]bsent|[Aa]ttending|[Ee]xcused)"  # 'Councillors Present'
_MARKER_END = r"[*_]{0,2}\s*(?::|-|–)\s*[*_]{0,2}\s*(?=\S)"
_MARKER = rx.compile(rf"(?<![\w-])(?P<head>(?:{HEADS}|Members of the Public|Public|{_WORDED}){MODE}){_MARKER_END}", re.I)
# _MARKER as two: where the first matches, _MARKER does, with its match; elsewhere _MARKER is the second, which
# can start only on a line with an attendance word (the second is tried only there: a lookbehind that opens a
# pattern makes the engine try it at every position)
_NAMED_MARKER = rx.compile(rf"(?<![\w-])(?P<head>(?:{HEADS}|Members of the Public|Public){MODE}){_MARKER_END}", re.I)
_WORDED_MARKER = rx.compile(rf"(?<![\w-])(?P<head>{_WORDED}{MODE}){_MARKER_END}", re.I)
_WORDED_START = rx.compile(rf"(?<![\w-])(?={_WORDED})", re.I)  # where _WORDED_MARKER may match, on its line
_ATTENDANCE_WORD = rx.compile(  # an attendance word as re.I matches it, found by its first letter
    r"p(?i:resent)|P(?i:resent)|a(?i:bsent|ttending)|A(?i:bsent|ttending)|e(?i:xcused)|E(?i:xcused)")
_MARKER_NO_COLON = rx.compile(rf"^[ \t]*(?P<head>{PRESENT})[ \t]+(?=(?:Cllr|Councillors?|Mr|Mrs|Ms|Dr)\b)",
                              re.I | re.M)
# the marker patterns for the lower-cased text (caseless), where they match as in the text, several times faster
_LOWERED = {p: lowered(p) for p in (_NAMED_MARKER, _MARKER_NO_COLON)}
# 'PRESENT C Lyne - Acting Chairperson', '1. APOLOGIES A Horne', '3. ACCEPTANCE OF APOLOGIES FOR ABSENCE Cllrs A, B',
# '**1.** **Apologies for absence** Mr F Eglington': a heading set off by upper case or bold, or followed by a titled
# name, with the first entry after it
_CAPS_HEADING = rx.compile(rf"^[ \t]*(?:[*_]{{0,2}}\d{{1,3}}\\?[.)]?[*_]{{0,2}}[ \t]+)?(?P<bold>[*_]{{2}})?"
                           rf"(?P<lead>(?:[A-Z]+[ \t]+){{0,3}}?)(?P<head>{HEADS})(?(bold)[*_]{{2}})[ \t]+"
                           rf"(?P<rest>[A-Z].*)$", re.I)
# HEADING_LINE's and _CAPS_HEADING's lower-cased forms, to rule out most lines of the lower-cased text first
# (caseless: they find the same)
_HEADING_LINE_LOWERED, _CAPS_HEADING_LOWERED = lowered(HEADING_LINE), lowered(_CAPS_HEADING)
# 'Participating remotely were:', 'Not present:', '- Guests: Ann Lee': a group inside an attendance section
_LABEL = rx.compile(r"^[ \t]*(?:[-*•][ \t]+)?(?P<label>[A-Za-z][A-Za-z ,/&'’-]{0,60}?)[ \t]*:[ \t]*(?P<rest>.*)$")
_HEAD_WORDS = rx.compile(phrase_alternation(longest_first(  # a quick test on a lower-cased line
    {w[:6] for key in ("present_headings", "apology_headings", "absent_headings")
     for w in " ".join(words(key)).replace(",", " ").split() if len(w) >= 5} | {"roll"})))
_BULLET = rx.compile(r"^\s*[-*•]\s")
_PUBLIC_LAST = rx.compile(r"\bpublic\W*\d*\W*$", re.I)  # '... Members of the public 5': the public come last
_STARTS_HEADING = rx.compile(rf"(?:{HEADS})\b", re.I)
_GROUP_WORD = rx.compile(rf"\b{alternation('attendance_group_words')}\b", re.I)
_ENTRY_STATUS = rx.compile(r"\s*(?:[-–:,]\s*)?\(?(?P<st>present|absent|excused|apologies|remote(?:ly)?|"
                           r"arrived[^)]*)\)?\.?$", re.I)  # 'Trustee Elton - absent'
# words of an item's heading, run on it folded (screen.fold): what they find with re.I in the heading, faster
_ATTENDANCE_TITLE = rx.compile(r"apolog|attendance|absen|roll call|call to order|present|welcome")
_ROLL_TITLE = rx.compile(r"roll call|attendance|present|apolog")
_APOLOGY_TITLE = rx.compile(r"apolog|attendance|absen")
_LIST_ON_LINE = rx.compile(r":\s*\S")  # 'Apologies: A Lee'
_ENTRY_LEAD = rx.compile(r"^(?:[-*•]\s+|:\s*)")
_NUMBERED = rx.compile(r"^\d{1,3}[.)]?\s")  # '4. Minutes'
_WRAPS = rx.compile(r"(?:,|&|\band)$")  # a list line that goes on below
_RUN_ON_NUMBER = rx.compile(r"\s\d{1,3}\.\s+(?=[A-Z])")  # the next item's number in text run together


def extract_attendees(text: str, items: list[Segment], lines: list[Line] | None = None) -> list[Found]:
    """Everyone listed as attending, sending apologies or absent (`lines`: the document's lines_of(text), when
    the caller has them)."""
    found: list[Found] = []
    preamble_end = items[0].start if items else min(len(text), 4000)
    lines = lines_of(text) if lines is None else lines
    starts = [ln.start for ln in lines]
    low = caseless(text, lowered_text(text))
    _heading_sections(lines, low, found)
    _inline_markers(text, low, 0, preamble_end, found)
    headings = [_heading(text, seg) for seg in items]
    folded = [fold(heading) for heading in headings]
    # 'ROLL CALL: Present: Coleman, Flagg ...', '## Time and Location' / 'Members Present: ...'
    for seg, heading in zip(items[:3], folded):
        _inline_markers(text, low, seg.start, seg.end, found,
                        line_start=not _ROLL_TITLE.search(heading))
    read_tables(lines, found)
    for seg, heading, folded_heading in zip(items, headings, folded):
        if _APOLOGY_TITLE.search(folded_heading) and not _LIST_ON_LINE.search(heading) and \
                len(heading.split()) <= 2 * len(seg.title.split()) + 4:  # not when the heading line holds the list
            _apology_item(lines, starts, seg, found)
    region_end = preamble_end
    for seg, heading in zip(items[:6], folded):
        if _ATTENDANCE_TITLE.search(heading):
            region_end = max(region_end, seg.end)
    units = split(text, 0, region_end)
    for unit in units:
        read_sentences(unit, found)
    if not any(f.status == "present" for f in found):
        all_present(lines, units, found)
    return _dedupe(found)


def _heading(text: str, seg: Segment) -> str:
    """An item's title with the rest of its heading line ('To Consider' + ' Apologies for Absence: ...')."""
    end = text.find("\n", seg.start, seg.start + 200)
    return seg.title + " " + text[seg.start:end if end != -1 else seg.start + 200]


def _is_role(label: str) -> bool:
    return describes_role(label) and len(label.split()) <= 4 and not _GROUP_WORD.search(label)


def _is_group(label: str) -> bool:
    return len(label.split()) <= 7 and bool(_GROUP_WORD.search(label))


def _entry_people(t: str) -> tuple[list[Person], str | None]:
    """The people on one line of an attendance section, and the status the line states ('Trustee Elton - absent')."""
    entry = clean(list_part(_ENTRY_LEAD.sub("", t)))  # '... Public. Mr X was also present.'
    status = None
    m = _ENTRY_STATUS.search(entry)
    if m and m.start() > 0:
        status = status_of(m.group("st")) if not m.group("st").lower().startswith(("remote", "arrived")) \
            else "present"
        entry = entry[:m.start()]
    if EXPLAIN.search(entry) or len(PROSE_WORD.findall(BRACKETED.sub(" ", entry))) >= 3 and "," not in entry:
        return [], None  # a sentence, not an entry ('Inability to register attendees due to ...')
    bullet_pair = bool(_BULLET.match(t)) and entry.count(",") == 1  # '- James Belsey, Morgan Stanley'
    single = ("," not in entry or "(" in entry or bullet_pair) and " and " not in entry and entry.count("(") < 2 \
        and not several_people(entry)
    people = [parse_entry(entry, allow_single=True)] if single else []
    if people and people[0] and len(people[0].tokens) == 4 and \
            all(len(tok) > 1 and tok[0].isupper() for tok in people[0].tokens):
        people = []  # 'Peter Agate Dave Horkan': two people, read as a list
    return [p for p in people if p] or list_people(entry), status


def _heading_sections(lines, low, found) -> None:
    """Sections under an attendance heading ('Present', 'Apologies:', '### Attendees present'), anywhere in the
    document: one or more people per line, in groups ('Officers:', 'Not present:'), until the list ends. `low`:
    caseless(text)."""
    i = 0  # the first line not yet read
    for k in [k for k, ln in enumerate(lines) if ln.text and _HEAD_WORDS.search(ln.text[:120].lower())]:
        if k < i:
            continue
        line = lines[k].text
        low_line = low[lines[k].start:lines[k].end] if low is not None else None
        m = _match(HEADING_LINE, _HEADING_LINE_LOWERED, line, low_line)
        caps = None if m else _match(_CAPS_HEADING, _CAPS_HEADING_LOWERED, line, low_line)
        if caps and (caps.group("rest").isupper() or not ((caps.group("lead") + caps.group("head")).isupper() or
                                                           not caps.group("lead") and (caps.group("bold") or
                                                                                       titled(caps.group("rest"))))):
            caps = None
        if not (m or caps) or m and _BULLET.match(line) and not _nested_below(lines, k):
            continue
        head = (m or caps).group("head").strip()
        status, group = status_of(head), head
        if caps:
            people, said = _entry_people(caps.group("rest"))
            for p in people:
                found.append(Found(p, said or status, group, lines[k].start, lines[k].end, "attendee.section"))
        i = _walk_section(lines, k + 1, status, group, found, titled(caps.group("rest")) if caps else None)


def _match(pattern, lowered_pattern, line, low_line) -> re.Match | None:
    """pattern.match(line), tried only where its lower-cased form matches the line lower-cased (`low_line`, when
    known: caseless)."""
    if low_line is not None and not lowered_pattern.match(low_line):
        return None
    return pattern.match(line)


def _nested_below(lines, i) -> bool:
    """True when the next non-blank line is a bullet indented under line i ('* Present' / '  * Ann Lee')."""
    indent = len(lines[i].text) - len(lines[i].text.lstrip())
    nxt = next((ln.text for ln in lines[i + 1:i + 3] if ln.text.strip()), "")
    return bool(_BULLET.match(nxt)) and len(nxt) - len(nxt.lstrip()) > indent


def _walk_section(lines, i, status, group, found, with_title: bool | None = None) -> int:
    """Reads entries from line i on; returns the index of the line that ends the section: a heading, a label, a
    line that opens with a heading of another status, a line that is no entry, or (with_title: the heading line
    held a first entry with a title) a line without a title ('Election of Officers')."""
    listing, prev = False, i
    for j in range(i, len(lines)):
        ln = lines[j]
        t = ln.text.strip()
        if not t:
            continue
        if HEADING_LINE.match(ln.text) or t.startswith(("#", "|")) or _NUMBERED.match(t) or \
                t.isupper() and len(t.split()) >= 2 and not titled(t):
            return j  # the next heading
        label = _LABEL.match(t)
        if t.endswith(":") and not (label and _is_group(label.group("label"))):
            return j  # the next labelled part of the minutes ('Police Matters:')
        if label and label.group("rest").strip() and _is_role(label.group("label")):
            people, said = _entry_people(label.group("rest"))
            for p in people[:1]:
                p.role = p.role or label.group("label").strip()  # 'Chair: Jane Doe'
                found.append(Found(p, said or status, group, ln.start, ln.end, "attendee.section"))
            if people:
                continue
        if label and _is_group(label.group("label")):
            group = label.group("label").strip()
            status, listing = status_of(group), False
            t = label.group("rest").strip()
            if not t:
                continue
        head = _STARTS_HEADING.match(t)
        if head and status_of(head.group()) != status or with_title and not titled(t):
            return j  # 'Apologies were received from ...' after a present list; 'Election of Officers'
        if listing and "," not in t and not _WRAPS.search(lines[prev].text.rstrip()):
            return j  # a list keeps its form: after a line of comma-separated names a bare line is something else,
            # unless the line before ends in ',', '&' or 'and' (the list wraps)
            # ('Present' / 'A, B, C' / 'Audio Log')
        people, said = _entry_people(t)
        if not people:
            if _BULLET.match(t):
                continue  # an unreadable bullet: skip it, the list goes on
            return j
        for p in people:
            found.append(Found(p, said or status, group, ln.start, ln.end, "attendee.section"))
        listing, prev = len(people) > 1 and "," in t, j
    return len(lines)


def _marked_lines(text, start, end) -> list[tuple[int, int]]:
    """The lines of text[start:end] that begin with an attendance marker ('Members Present: ...', '**Present:**')."""
    spans, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        nl = end if nl == -1 else nl
        lead = pos
        while lead < nl and text[lead] in "*_ \t":
            lead += 1
        if _MARKER.match(text, lead, nl):
            spans.append((lead, nl))
        pos = nl + 1
    return spans


def _markers(text, low, a, b) -> list[re.Match]:
    """The matches of _MARKER in text[a:b] as finditer finds them: at each place _NAMED_MARKER's (found in `low`,
    caseless(text), when known), else _WORDED_MARKER's, which is looked for only on the lines holding an
    attendance word."""
    lines = []  # the spans of the lines that hold an attendance word, in order
    for w in _ATTENDANCE_WORD.finditer(text, a, b):
        if not lines or w.start() >= lines[-1][1]:
            end = text.find("\n", w.end(), b)
            lines.append((text.rfind("\n", a, w.start()) + 1 or a, b if end == -1 else end))
    if not lines and low is None:
        return list(_NAMED_MARKER.finditer(text, a, b))
    marks, pos, named, k = [], a, None, 0
    while pos < b:
        if named is None or named and named.start() < pos:
            named = next(_finditer(_NAMED_MARKER, text, low, pos, b), False)  # (False: none left)
        limit = named.start() if named else b
        worded = None
        while k < len(lines) and lines[k][0] < limit:
            worded = _worded_marker(text, max(pos, lines[k][0]), lines[k][1], limit, b)
            if worded or lines[k][1] > limit:
                break  # the rest of the line is read after the match
            k += 1
        m = worded or named
        if not m:
            break
        marks.append(m)
        pos = m.end()
    return marks


def _finditer(pattern, text, low, a, b):
    """pattern.finditer(text, a, b) for a pattern of _LOWERED; where `low` (caseless(text)) is known, found there
    by the pattern's lower-cased form, which has no re.I literals (the engine skips alternatives by their first
    letter), each match matched again in the text for its groups."""
    if low is None:
        return pattern.finditer(text, a, b)
    return (pattern.match(text, m.start(), b) for m in _LOWERED[pattern].finditer(low, a, b))


def _worded_marker(text, pos, line_end, limit, b) -> re.Match | None:
    """The first match of _WORDED_MARKER starting in [pos, min(line_end, limit)), on one line."""
    while start := _WORDED_START.search(text, pos, line_end):
        if start.start() >= limit:
            return None
        m = _WORDED_MARKER.match(text, start.start(), b)
        if m:
            return m
        pos = start.start() + 1
    return None


def _inline_markers(text, low, start, preamble_end, found, line_start: bool = False) -> None:
    """'Present: Cllr A, Cllr B' and 'Also, in attendance: ...' written inline, several per line (only at the
    start of a line when line_start); `low`: caseless(text)."""
    spans = _marked_lines(text, start, preamble_end) if line_start else [(start, preamble_end)]
    marks = sorted([m for a, b in spans for m in _markers(text, low, a, b)
                    if not text[max(0, m.start() - 1):m.start()].isalpha()]
                   + list(_finditer(_MARKER_NO_COLON, text, low, start, preamble_end)), key=lambda m: m.start())
    for k, m in enumerate(marks):
        head = m.group("head")
        if "\n" in m.group() and \
                HEADING_LINE.match(text[text.rfind("\n", 0, m.start()) + 1:text.find("\n", m.start())]):
            continue  # a heading line: its list below is read as a section
        if head.lower() in ("public", "members of the public") or "\n" in m.group() and text[m.end()] == "|":
            continue  # the public; a table below the marker (read as a table)
        end = marks[k + 1].start() if k + 1 < len(marks) else preamble_end
        line_end = text.find("\n", m.end(), end)  # (searches bounded by the end: linear in the text)
        while line_end != -1 and (text[line_end - 1] in ",&" or text[line_end + 1:line_end + 2].islower() or
                                  text[max(0, line_end - 4):line_end].endswith(" and")):
            line_end = text.find("\n", line_end + 1, end)  # the list wraps onto the next line
        if line_end != -1 and text[line_end + 1:line_end + 2] != "\n":
            end = line_end  # a list ends with its line (PDF text has no blank lines)
        para = text.find("\n\n", m.end(), end + 2)  # a blank line by the end of the list
        if para != -1 and para < end:
            end = para
        chunk = list_part(_RUN_ON_NUMBER.split(text[m.end():end])[0])  # the next item's
        # number in text run together ends the list
        lead = APOLOGY_SENTENCE.match(chunk)
        chunk = lead.group("list") if lead else chunk  # 'Apologies for Absence: Apologies were received from ...'
        for p in list_people(chunk.strip(" |"), strict=False):
            found.append(Found(p, status_of(head), head, m.start(), end, "attendee.inline"))
        if end == para and not NONE.match(text[m.end():para]) and not _PUBLIC_LAST.search(text[m.end():para]):
            _paragraph_entries(text, para + 2, preamble_end, head, found)


def _paragraph_entries(text, pos, end, head, found) -> None:
    """The paragraphs after an inline list that go on with it ('Present: Ms A Lee (Clerk)' / blank / 'Mr B Cole
    (Warden)' / ...): short single lines with no label, sentence or attendance heading, each after the first
    written like the one before (with or without a title); the first other paragraph ends the list."""
    with_title = None
    while pos < end or with_title is None:  # the first paragraph may lie past the end of the preamble
        nxt = text.find("\n\n", pos)
        nxt = len(text) if nxt == -1 else nxt
        follow = text[pos:nxt].strip()
        if not follow or len(follow) >= 120 or "\n" in follow or ":" in follow or follow.isupper() or \
                EXPLAIN.search(follow.split("–")[0]) or with_title not in (None, titled(follow)) or \
                _STARTS_HEADING.match(follow):  # 'Apologies Were received from ...'
            return
        people, with_title = list_people(follow), titled(follow)
        if not people:
            return
        for p in people:
            found.append(Found(p, status_of(head), head, pos, nxt, "attendee.inline"))
        pos = nxt + 2


def _apology_item(lines, starts, seg, found) -> None:
    """The body of an 'Apologies for absence' item: one name per line."""
    for ln in lines[bisect_right(starts, seg.start):bisect_left(starts, seg.end)]:
        t = ln.text.strip()
        if not t:
            continue
        p = parse_entry(t) if (t.endswith(")") or len(t.split()) <= 5) and not t.endswith(":") else None
        if not p or EXPLAIN.search(t):
            break
        found.append(Found(p, "apologies", seg.title, ln.start, ln.end, "attendee.apologies-item"))


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
