"""Attendees: present / apologies / absent, from attendance sections, inline lists, sentences and tables."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import takewhile

from ..lexicon import alternation, words
from ..segment import Segment, lines_of
from ..sentences import split
from .people import Person, describes_organisation, describes_role, parse_entry, parse_list, several_people, plural_titled, titled

_PRESENT = alternation("present_headings")
_APOLOGIES = alternation("apology_headings")
_ABSENT = alternation("absent_headings")
_HEADS = f"{_APOLOGIES}|{_ABSENT}|{_PRESENT}"
_MODE = (r"(?:[ \t]+(?:in[ \t]+person|virtually|remotely|online|(?:via|by)[ \t]+\w+)|"  # 'Present (via Zoom)'
         r"[ \t]*\((?:(?:via|by|in person|online|remote|virtual)\b[^()\n]{0,25}|\w+[ \t]+(?:councillors|members|"
         r"directors|trustees))\))?")
_MARKER = re.compile(
    rf"(?<![\w-])(?P<head>(?:{_HEADS}|Members of the Public|Public|"
    rf"(?:[A-Z][a-z]+[ \t]+){{1,2}}(?:[Pp]resent|[Aa]bsent|[Aa]ttending|[Ee]xcused)){_MODE})[*_]{{0,2}}\s*(?::|-|–)\s*"
    rf"[*_]{{0,2}}\s*(?=\S)", re.I)
_MARKER_NO_COLON = re.compile(rf"^[ \t]*(?P<head>{_PRESENT})[ \t]+(?=(?:Cllr|Councillors?|Mr|Mrs|Ms|Dr)\b)",
                              re.I | re.M)
_HEADING_LINE = re.compile(rf"^\s*(?:#+\s*|[-*•]\s+)?(?:\d+(?:\.\d+)*\.?\s+)?[*_]{{0,2}}(?P<head>(?:{_HEADS}|"
                           rf"(?:(?!(?:all|by|were|was|agreed|not)\b)[A-Z][a-z]+\s+){{1,3}}(?:present|attending|"
                           rf"in attendance)){_MODE})[*_]{{0,2}}\s*:?\s*[*_]{{0,2}}\s*$", re.I)
# 'PRESENT C Lyne - Acting Chairperson', '1. APOLOGIES A Horne', '3. ACCEPTANCE OF APOLOGIES FOR ABSENCE Cllrs A, B',
# '**1.** **Apologies for absence** Mr F Eglington': a heading set off by upper case or bold, or followed by a titled
# name, with the first entry after it
_CAPS_HEADING = re.compile(rf"^[ \t]*(?:[*_]{{0,2}}\d{{1,3}}\\?[.)]?[*_]{{0,2}}[ \t]+)?(?P<bold>[*_]{{2}})?"
                           rf"(?P<lead>(?:[A-Z]+[ \t]+){{0,3}}?)(?P<head>{_HEADS})(?(bold)[*_]{{2}})[ \t]+"
                           rf"(?P<rest>[A-Z].*)$", re.I)
# 'Participating remotely were:', 'Not present:', '- Guests: Ann Lee': a group inside an attendance section
_LABEL = re.compile(r"^[ \t]*(?:[-*•][ \t]+)?(?P<label>[A-Za-z][A-Za-z ,/&'’-]{0,60}?)[ \t]*:[ \t]*(?P<rest>.*)$")
_HEAD_WORDS = tuple({w[:6] for key in ("present_headings", "apology_headings", "absent_headings")  # a quick test
                     for w in " ".join(words(key)).replace(",", " ").split() if len(w) >= 5} | {"roll"})
_NAMESPACE = re.compile(rf"(?<![\w/])(?!(?:{_HEADS})\b)[A-Z][a-z]+:(?=[A-Z][\w.-])")  # wiki 'User:Katie'
_BULLET = re.compile(r"^\s*[-*•]\s")
_STARTS_HEADING = re.compile(rf"(?:{_HEADS})\b", re.I)
_GROUP_WORD = re.compile(rf"\b{alternation('attendance_group_words')}\b", re.I)
_ENTRY_STATUS = re.compile(r"\s*(?:[-–:,]\s*)?\(?(?P<st>present|absent|excused|apologies|remote(?:ly)?|"
                           r"arrived[^)]*)\)?\.?$", re.I)  # 'Trustee Elton - absent'
_APOLOGY_SENTENCE = re.compile(  # 'Apologies for absence were received before the meeting from ...'
    r"\bApologies(?:\s+(?:for|of)\s+absence)?\s+(?:(?:were|had\s+been|have\s+been)\s+)?(?:(?:received|given|"
    r"submitted|tendered|sent|noted|accepted|provided)(?:\s+and\s+(?:accepted|noted|approved))?"
    r"(?:\s+(?!from\b)[a-z]+){0,4}?\s+(?:from|by|for)\b|\s*(?:from|by)\b|\s*:(?!\s*Apologies\b))\s*(?P<list>.+)",
    re.I)
_PRESENT_SENTENCE = re.compile(  # 'Present were ...', 'Board members present were Trustee Elton, ...'
    r"^(?:Also\s+)?(?:(?:Board|Council|Committee|Commission|Staff)\s+)?(?:members?\s+|officers?\s+)?(?:also\s+)?"
    r"(?:present|in\s+attendance|attending)(?:\s+at\s+[^:.]{3,60}?)?\s+(?:was|were)\s+(?!the following)(?P<list>.+)",
    re.I)
_SENT_APOLOGIES = re.compile(  # 'Cllr Smith and Mrs Jones sent their apologies.'
    r"^(?P<list>[A-Z][^.;:]{2,120}?)\s+(?:had\s+)?(?:sent|gave|tendered|offered|submitted)\s+(?:(?:his|her|their)\s+)?"
    r"apologies\b", re.I)
_WERE_PRESENT = re.compile(  # 'Roll call: Trustees Elton, Picha and Hodge were present.', 'Clerk Buiter was also present.'
    r"^(?:(?:Roll\s+call|Attendance)\s*[:-]\s*)?(?P<list>[A-Z].*?)\s+(?:was|were)\s+(?:also\s+|all\s+)?"
    r"(?P<st>present|absent|excused|in\s+attendance)\b[^.]{0,40}\.?$", re.I)
_ALL_PRESENT = re.compile(r"\ball\s+(?:(?:board|committee|council|commission)\s+)?members\s+(?:were\s+)?present\b",
                          re.I)
_NONE = re.compile(r"^\s*(?:none|nil|no apologies|n/a|there were no)\b", re.I)
_EXPLAIN = re.compile(r"\b(?:was|were|had|has|have|is|are|will|would|welcomed|took|declared|advised|"
                      r"reported|thanked|asked|said|agreed|proposed|seconded)\b")
_SHORT_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]+)?(?:\s*\(@?[\w.-]+\)|\s+@[\w-]+)?")
_HANDLE_NAME = re.compile(r"@?[a-z][\w.-]*(?:\s*\(@[\w-]+\))?")
_INVERTED = re.compile(r"[A-Z][\w'’-]+,\s*(?:[A-Z][\w'’.-]*\s*){1,3}")
_NOT_HANDLES = {"and", "none", "nil", "all", "members", "received", "accepted", "noted", "the", "others", "present",
                "absent", "apologies", "public", "n/a", "tbc", "various", "everyone"}
_PROSE_WORD = re.compile(r"(?<![\w@(-])(?!(?:and|of|the|for|to|de|van|von|der|den|du|da|di|la|le|del|y|on|at)\b)"
                         r"[a-z]{2,}\b")
_ATTENDANCE_TITLE = re.compile(r"apolog|attendance|absen|roll call|call to order|present|welcome", re.I)


class Found:
    def __init__(self, person: Person, status: str, group: str, start: int, end: int, rule: str):
        self.person, self.status, self.group, self.start, self.end, self.rule = \
            person, status, group, start, end, rule


def status_of(heading: str) -> str:
    h = heading.lower()
    if h.startswith(("apolog", "regrets")) or re.search(r"(?<!un)excused|with apolog", h):
        return "apologies"
    if re.match(rf"(?:{_ABSENT})$", heading, re.I) or re.search(r"absent|\bnot\s+(?:present|in attendance|attending)",
                                                               h):
        return "absent"
    return "present"


def _clean(text: str) -> str:
    """Tabs between words (PDF text) as spaces; namespace prefixes glued to a name ('User:Katie') dropped."""
    text = re.sub(r"\.\s+(?=(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\b)", ", ", text)  # 'Mr. A Halls. Mr. R Thompson'
    text = re.sub(r"(?<![\w@])\+(?=\w)", "", text)  # IRC voice marks: '+Manu_Sporny'
    text = re.sub(r"(?<=[a-z])_(?=[A-Z])", " ", text)  # IRC names: 'Joe_Andrieu'
    return _NAMESPACE.sub("", text.replace("\t", " "))


_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])")
_TITLES = {w.lower() for w in words("honorifics")}
_COMING_GOING = re.compile(r"\b(?:arrived|left|joined|departed)\b", re.I)


def _list_part(text: str) -> str:
    """The list at the start of a text that may go on in sentences: later sentences are kept only while they read as
    more entries ('Absent: Gatto. Sheumaker arrived at 7:32' -> 'Gatto'); a title's full stop ('Cllr. A') is no
    sentence end."""
    pieces, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[:m.start()].rsplit(None, 1)[-1].lower() not in _TITLES:
            pieces.append(text[pos:m.start()])
            pos = m.end()
    pieces.append(text[pos:])
    keep = [pieces[0]] + list(takewhile(lambda x: not _EXPLAIN.search(x) and not _COMING_GOING.search(x) and
                                        len(_PROSE_WORD.findall(x)) < 4, pieces[1:]))
    return ", ".join(keep)


def _short_names(chunks: list[str], strict: bool) -> list[Person] | None:
    """A roll of first names, surnames or handles ('Martin, TC, Brian (redbeard), Dan Barlow'; 'alice, bob (@bob)'):
    each chunk one or two words; None when the chunks do not read so. Lower-case handles only after a marker
    (not strict), three or more of them or with an '@'."""
    if len(chunks) < (1 if not strict else 2) or not any(" " not in re.sub(r"\s*\(.*", "", c) for c in chunks) or \
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
            handle = re.search(r"@([\w-]+)", c)
            name = c.split("(")[0].strip().lstrip("@")
            people.append(Person(name=name, tokens=[name], handle=handle.group(1) if handle else name))
        elif p := parse_entry(c, allow_single=True):
            people.append(p)
    return people


def _list_people(text: str, title=None, strict: bool = True) -> list[Person]:
    """People from a list chunk; [] when the chunk reads as a sentence rather than a list (strict), or with
    the sentence-like descriptors dropped ('F Eglington (Cllr Eglington is also the temporary Clerk)').
    A roll call of bare surnames, first names or handles ('Present: Coleman, Flagg, Hensley and Phillips.') is a
    list of people too."""
    text = _clean(text)
    if _NONE.match(text):
        return []
    chunks = [c.strip().strip(".").strip() for c in re.split(r",|\band\b|&", re.sub(
        r"\([^()]*\)", lambda m: m.group().replace(",", ";"), text)) if c.strip().strip(".").strip()]
    short = _short_names(chunks, strict)
    if short is not None:
        return short
    parts = [x.strip(" .") for x in text.split(";") if x.strip(" .")]
    if len(parts) >= 2 and all(_INVERTED.fullmatch(x) for x in parts):  # 'Smith, John; Jones, Mary'
        return [p for p in (parse_entry(" ".join(reversed(x.split(",", 1))).strip()) for x in parts) if p]
    people = parse_list(text, title)
    explained = [p for p in people if p.role and _EXPLAIN.search(p.role) or
                 p.organisation and _EXPLAIN.search(p.organisation)]
    if explained and strict:
        return []
    for p in explained:
        p.role = p.role if p.role and not _EXPLAIN.search(p.role) else None
        p.organisation = p.organisation if p.organisation and not _EXPLAIN.search(p.organisation) else None
    return people


_COLUMNS = {  # what an attendance table's header cell says its column holds
    "given": ("given name", "first name", "forename"),
    "family": ("family name", "surname", "last name"),
    "name": ("name", "director", "member", "members", "attendee", "attendees", "councillor", "participant",
             "trustee", "full name", "board member", "commissioner", "member name", "person", "who"),
    "status": ("present", "attended", "attendance", "status", "present?", "present/absent", "attending",
               "in attendance", "present / absent"),
    "absent": ("absent", "absent?"),
    "arrived": ("arrived", "arrival", "time arrived", "arrived at"),
    "org": ("affiliation", "organisation", "organization", "company", "representing", "employer"),
    "role": ("role", "position", "title", "office"),
}
_CELL_STATUS = {"present": ("yes", "y", "x", "✓", "✔", "present", "p", "attended", "remote", "virtual", "in person",
                            "online", "zoom", "phone", "here"),
                "absent": ("no", "n", "absent", "a", "-", "✗", "✘", "not present"),
                "apologies": ("apologies", "apols", "apology", "excused", "regrets", "e", "ap")}


def _cell_status(cell: str) -> str | None:
    cell = cell.strip().lower()
    return next((st for st, marks in _CELL_STATUS.items() if cell in marks), None)


def _table(lines, i) -> list[tuple[Person, str, int, int]]:
    """An attendance table whose header names the name column ('Director', 'Name', 'Given Name' ...), with
    present / absent / arrived columns when it has them."""
    header = [c.strip().lower().strip("*_ ") for c in lines[i].text.strip().strip("|").split("|")]
    col = {}
    for k, c in enumerate(header):
        key = next((key for key, names in _COLUMNS.items() if c in names), None)
        if key and key not in col:
            col[key] = k
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
        person = parse_entry(_clean(get("name") or f"{get('given')} {get('family')}".strip()), allow_single=True)
        if not person:
            continue
        person.organisation = get("org") or None
        person.role = get("role") or person.role
        if "status" in col:
            status = _cell_status(get("status")) or ("present" if re.search(r"\d", get("arrived")) else "absent")
        elif "absent" in col:
            status = "absent" if _cell_status(get("absent")) == "present" else "present"
        else:
            status = "present"
        rows.append((person, status, ln.start, ln.end))
    return rows


def extract_attendees(text: str, items: list[Segment]) -> list[Found]:
    """Everyone listed as attending, sending apologies or absent."""
    found: list[Found] = []
    preamble_end = items[0].start if items else min(len(text), 4000)
    lines = lines_of(text)
    _heading_sections(lines, found)
    _inline_markers(text, 0, preamble_end, found)
    for seg in items[:3]:  # 'ROLL CALL: Present: Coleman, Flagg ...', '## Time and Location' / 'Members Present: ...'
        _inline_markers(text, seg.start, seg.end, found,
                        line_start=not re.search(r"roll call|attendance|present|apolog", _heading(text, seg), re.I))
    _tables(lines, found)
    starts = [ln.start for ln in lines]
    for seg in items:
        heading = _heading(text, seg)
        if re.search(r"apolog|attendance|absen", heading, re.I) and not re.search(r":\s*\S", heading) and \
                len(heading.split()) <= 2 * len(seg.title.split()) + 4:  # not when the heading line holds the list
            _apology_item(lines, starts, seg, found)
    region_end = preamble_end
    for seg in items[:6]:
        if _ATTENDANCE_TITLE.search(_heading(text, seg)):
            region_end = max(region_end, seg.end)
    units = split(text, 0, region_end)
    for unit in units:
        _sentences(unit, found)
    if not any(f.status == "present" for f in found):
        _all_present(lines, units, found)
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
    entry = _clean(_list_part(re.sub(r"^(?:[-*•]\s+|:\s*)", "", t)))  # '... Public. Mr X was also present.'
    status = None
    m = _ENTRY_STATUS.search(entry)
    if m and m.start() > 0:
        status = status_of(m.group("st")) if not m.group("st").lower().startswith(("remote", "arrived")) \
            else "present"
        entry = entry[:m.start()]
    if _EXPLAIN.search(entry) or len(_PROSE_WORD.findall(re.sub(r"\([^()]*\)", " ", entry))) >= 3 and "," not in entry:
        return [], None  # a sentence, not an entry ('Inability to register attendees due to ...')
    bullet_pair = bool(_BULLET.match(t)) and entry.count(",") == 1  # '- James Belsey, Morgan Stanley'
    single = ("," not in entry or "(" in entry or bullet_pair) and " and " not in entry and entry.count("(") < 2 \
        and not several_people(entry)
    people = [parse_entry(entry, allow_single=True)] if single else []
    if people and people[0] and len(people[0].tokens) == 4 and \
            all(len(tok) > 1 and tok[0].isupper() for tok in people[0].tokens):
        people = []  # 'Peter Agate Dave Horkan': two people, read as a list
    return [p for p in people if p] or _list_people(entry), status


def _heading_sections(lines, found) -> None:
    """Sections under an attendance heading ('Present', 'Apologies:', '### Attendees present'), anywhere in the
    document: one or more people per line, in groups ('Officers:', 'Not present:'), until the list ends."""
    i = 0
    while i < len(lines):
        low = lines[i].text[:120].lower()
        if not any(w in low for w in _HEAD_WORDS):
            i += 1
            continue
        m = _HEADING_LINE.match(lines[i].text)
        caps = None if m else _CAPS_HEADING.match(lines[i].text)
        if caps and (caps.group("rest").isupper() or not ((caps.group("lead") + caps.group("head")).isupper() or
                                                           not caps.group("lead") and (caps.group("bold") or
                                                                                       titled(caps.group("rest"))))):
            caps = None
        if not (m or caps) or m and _BULLET.match(lines[i].text) and not _nested_below(lines, i):
            i += 1
            continue
        head = (m or caps).group("head").strip()
        status, group = status_of(head), head
        if caps:
            people, said = _entry_people(caps.group("rest"))
            for p in people:
                found.append(Found(p, said or status, group, lines[i].start, lines[i].end, "attendee.section"))
        i = _walk_section(lines, i + 1, status, group, found, titled(caps.group("rest")) if caps else None)


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
        if _HEADING_LINE.match(ln.text) or t.startswith(("#", "|")) or re.match(r"^\d{1,3}[.)]?\s", t) or \
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
        if listing and "," not in t and not lines[prev].text.rstrip().endswith(","):
            return j  # a paragraph list ends with its line ('Present' / 'A, B, C' / 'Audio Log')
        people, said = _entry_people(t)
        if not people:
            if re.match(r"^[-*•]\s", t):
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


def _inline_markers(text, start, preamble_end, found, line_start: bool = False) -> None:
    """'Present: Cllr A, Cllr B' and 'Also, in attendance: ...' written inline, several per line (only at the
    start of a line when line_start)."""
    spans = _marked_lines(text, start, preamble_end) if line_start else [(start, preamble_end)]
    marks = sorted([m for a, b in spans for m in _MARKER.finditer(text, a, b)
                    if not text[max(0, m.start() - 1):m.start()].isalpha()]
                   + list(_MARKER_NO_COLON.finditer(text, start, preamble_end)), key=lambda m: m.start())
    for k, m in enumerate(marks):
        head = m.group("head")
        if "\n" in m.group() and _HEADING_LINE.match(text[text.rfind("\n", 0, m.start()) + 1:text.find("\n", m.start())]):
            continue  # a heading line: its list below is read as a section
        if head.lower() in ("public", "members of the public") or "\n" in m.group() and text[m.end()] == "|":
            continue  # the public; a table below the marker (read as a table)
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
        chunk = _list_part(re.split(r"\s\d{1,3}\.\s+(?=[A-Z])", text[m.end():end])[0])  # the next item's
        # number in text run together ends the list
        lead = _APOLOGY_SENTENCE.match(chunk)
        chunk = lead.group("list") if lead else chunk  # 'Apologies for Absence: Apologies were received from ...'
        for p in _list_people(chunk.strip(" |"), strict=False):
            found.append(Found(p, status_of(head), head, m.start(), end, "attendee.inline"))
        if end == para and not _NONE.match(text[m.end():para]):
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
                _EXPLAIN.search(follow.split("–")[0]) or with_title not in (None, titled(follow)) or \
                _STARTS_HEADING.match(follow):  # 'Apologies Were received from ...'
            return
        people, with_title = _list_people(follow), titled(follow)
        if not people:
            return
        for p in people:
            found.append(Found(p, status_of(head), head, pos, nxt, "attendee.inline"))
        pos = nxt + 2


def _tables(lines, found) -> None:
    """Attendance tables (a name column and maybe present / absent columns), and table rows whose first cell is an
    attendance heading and whose second lists the people ('| Members Present: | Jane Doe, Bob Roy |')."""
    for i, ln in enumerate(lines):
        if not ln.text.lstrip().startswith("|"):
            continue
        cells = [c.strip(" *_") for c in ln.text.strip().strip("|").split("|")]
        head = _HEADING_LINE.match(cells[0])
        if head and len(cells) > 1 and cells[1] and not _table(lines, i):
            for p in _list_people(cells[1], strict=False):
                found.append(Found(p, status_of(head.group("head")), head.group("head"), ln.start, ln.end,
                                   "attendee.table"))
            continue
        if i == 0 or not lines[i - 1].text.strip().startswith("|"):
            context = " ".join(x.text for x in lines[max(0, i - 4):i + 1]).lower()
            if not re.search(r"present|attend|participant|director|member|roll|trustee|councillor", context):
                continue
            for person, status, a, b in _table(lines, i):
                found.append(Found(person, status, "table", a, b, "attendee.table"))


def _apology_item(lines, starts, seg, found) -> None:
    """The body of an 'Apologies for absence' item: one name per line."""
    for ln in lines[bisect_right(starts, seg.start):bisect_left(starts, seg.end)]:
        t = ln.text.strip()
        if not t:
            continue
        p = parse_entry(t) if (t.endswith(")") or len(t.split()) <= 5) and not t.endswith(":") else None
        if not p or _EXPLAIN.search(t):
            break
        found.append(Found(p, "apologies", seg.title, ln.start, ln.end, "attendee.apologies-item"))


def _sentences(unit, found) -> None:
    low = unit.text.lower()
    if "apolog" not in low and "present" not in low and "chair" not in low and "attendance" not in low and \
            "absent" not in low and "excused" not in low:
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
    m = None if m else _WERE_PRESENT.match(unit.text.strip())
    if m and len(_PROSE_WORD.findall(m.group("list"))) <= 1 and not re.search(r"\b(?:all|every)\b", m.group("list"),
                                                                              re.I) \
            and len(re.findall(r"\b[A-Z]{3,}\b", m.group("list"))) < 2:
        status = status_of(m.group("st"))
        for p in _list_people(m.group("list")):
            found.append(Found(p, status, m.group("st").lower(), unit.start, unit.end, "attendee.present-sentence"))
    m = _SENT_APOLOGIES.match(unit.text.strip())
    if m and len(_PROSE_WORD.findall(m.group("list"))) <= 1:
        for p in _list_people(m.group("list")):
            found.append(Found(p, "apologies", "apologies", unit.start, unit.end, "attendee.apologies-sentence"))
    m = re.search(r"\b(?P<who>(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+(?:[A-Z]\.?\s+){0,2}[A-Z][\w'-]+)\s+"
                  r"(?:took|was in|chaired)\s+the\s+[Cc]hair", unit.text)
    if m:
        p = parse_entry(m.group("who"))
        if p:
            p.role = "Chair"
            found.append(Found(p, "present", "chair", unit.start, unit.end, "attendee.took-chair"))


def _all_present(lines, units, found) -> None:
    """'All members were present': the members are the block of names the document lists before (a masthead
    roster: 'Christopher Jerdonek, Chair' / 'Carl Hage' / ...), when it lists one of three or more."""
    said = next((u for u in units if _ALL_PRESENT.search(u.text)), None)
    if said is None:
        return
    block: list[tuple[Person, object]] = []
    for ln in lines:
        if ln.start >= said.start:
            break
        t = ln.text.strip()
        if not t:
            continue
        p = parse_entry(t) if len(t.split()) <= 6 and not re.search(r"\d", t) else None
        if p and len(p.tokens) >= 2 and not describes_organisation(p.name) and \
                t[:len(p.name)] == p.name and re.fullmatch(r"(?:,\s*[\w -]+)?", t[len(p.name):].strip()):
            block.append((p, ln))
            continue
        if len(block) >= 3:
            break
        block = []
    if len(block) >= 3:
        for p, ln in block:
            found.append(Found(p, "present", "members", ln.start, ln.end, "attendee.all-present"))


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
