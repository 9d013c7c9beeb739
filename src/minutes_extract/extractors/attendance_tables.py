"""Attendance tables: a name column with present / absent / arrived columns, and rows headed by an attendance
label ('| Members Present: | A, B |')."""
from __future__ import annotations

from .. import rx
from .attendance_lists import HEADING_LINE, Found, clean, list_people, status_of
from .people import Person, parse_entry

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
_RULE_CELL = rx.compile(r":?-+:?|")  # '|---|:--:|'
_DIGIT = rx.compile(r"\d")
_ATTENDANCE_CONTEXT = rx.compile(r"present|attend|participant|director|member|roll|trustee|councillor")


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
    for j in range(i + 1, len(lines)):  # not lines[i + 1:]: a copy of every line to the end, for each table
        ln = lines[j]
        t = ln.text.strip()
        if not t.startswith("|"):
            break
        cells = [c.strip() for c in t.strip("|").split("|")]
        if all(_RULE_CELL.fullmatch(c) for c in cells):
            continue
        get = lambda key: cells[col[key]] if key in col and col[key] < len(cells) else ""  # noqa: E731
        person = parse_entry(clean(get("name") or f"{get('given')} {get('family')}".strip()), allow_single=True)
        if not person:
            continue
        person.organisation = get("org") or None
        person.role = get("role") or person.role
        if "status" in col:
            status = _cell_status(get("status")) or ("present" if _DIGIT.search(get("arrived")) else "absent")
        elif "absent" in col:
            status = "absent" if _cell_status(get("absent")) == "present" else "present"
        else:
            status = "present"
        rows.append((person, status, ln.start, ln.end))
    return rows


def read_tables(lines, found) -> None:
    """Attendance tables (a name column and maybe present / absent columns), and table rows whose first cell is an
    attendance heading and whose second lists the people ('| Members Present: | Jane Doe, Bob Roy |')."""
    for i in [i for i, ln in enumerate(lines) if "|" in ln.text and ln.text.lstrip().startswith("|")]:
        ln = lines[i]
        cells = [c.strip(" *_") for c in ln.text.strip().strip("|").split("|")]
        head = HEADING_LINE.match(cells[0])
        if head and len(cells) > 1 and cells[1] and not _table(lines, i):
            for p in list_people(cells[1], strict=False):
                found.append(Found(p, status_of(head.group("head")), head.group("head"), ln.start, ln.end,
                                   "attendee.table"))
            continue
        if i == 0 or not lines[i - 1].text.strip().startswith("|"):
            context = " ".join(x.text for x in lines[max(0, i - 4):i + 1]).lower()
            if not _ATTENDANCE_CONTEXT.search(context):
                continue
            for person, status, a, b in _table(lines, i):
                found.append(Found(person, status, "table", a, b, "attendee.table"))
