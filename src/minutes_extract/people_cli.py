"""`minutes-extract people ARCHIVE.sqlite`: who attended each meeting of a body, as a terminal table, CSV or
JSON; per person the totals, actions owned, motions moved and seconded, roll-call votes for and against."""
from __future__ import annotations

import csv
import json
import sys

from .attendance import svg
from .people_db import attendance

MARKS = {"present": ("P", "green"), "apologies": ("A", "yellow"), "absent": ("X", "red")}
TOTALS = ["present", "apologies", "absent", "actions", "moved", "seconded", "voted_for", "voted_against"]


def _columns(meetings: list[dict]) -> list[str]:
    """One column name per meeting: its date, with '#2' for a second meeting on the same day."""
    seen: dict[str, int] = {}
    names = []
    for m in meetings:
        seen[m["date"]] = seen.get(m["date"], 0) + 1
        names.append(m["date"] + (f"#{seen[m['date']]}" if seen[m["date"]] > 1 else ""))
    return names


def grid(body: dict) -> tuple[list[str], list[list]]:
    """Header and rows of one body's attendance: name, a status per meeting ('' when not listed), totals."""
    header = ["person_id", "name", *_columns(body["meetings"]), *TOTALS]
    rows = [[p["person_id"], p["name"], *(p["statuses"].get(m["doc_id"], "") for m in body["meetings"]),
             *(p[t] for t in TOTALS)] for p in body["people"]]
    return header, rows


def show(db, body: str | None, year: str | None, fmt: str) -> bool:
    """Prints the attendance of the matching bodies; False when no body matched."""
    bodies = attendance(db, body, year)
    if not bodies:
        return False
    if fmt == "json":
        json.dump(bodies, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif fmt == "svg":
        sys.stdout.write(svg(bodies))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        for k, b in enumerate(bodies):
            header, rows = grid(b)
            if k:
                writer.writerow([])
            writer.writerow(["body", *header])
            writer.writerows([b["body_key"], *row] for row in rows)
    else:
        _print(bodies)
    return True


SHORT = {"present": "pres", "apologies": "apol", "absent": "abs", "actions": "acts", "moved": "mov",
         "seconded": "sec", "voted_for": "for", "voted_against": "agst"}


def _print(bodies: list[dict]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for b in bodies:
        years = sorted({m["date"][:4] for m in b["meetings"]})
        name_width = max([len(p["name"]) for p in b["people"]] + [6])
        console.width = max(console.width, name_width + 4 * len(b["meetings"]) + 6 * len(TOTALS) + 6)
        table = Table(title=f"{b['body'] or b['body_key']}, {'-'.join(dict.fromkeys([years[0], years[-1]]))}: "
                            f"{len(b['meetings'])} meetings (month/day)", title_justify="left", box=box.SIMPLE_HEAD,
                      padding=(0, 0, 0, 1))
        table.add_column("person", no_wrap=True)
        for m in b["meetings"]:
            table.add_column(m["date"][5:7] + "\n" + m["date"][8:10], justify="center")
        for t in TOTALS:
            table.add_column(SHORT[t], justify="right")
        for p in b["people"]:
            marks = []
            for m in b["meetings"]:
                mark, colour = MARKS.get(p["statuses"].get(m["doc_id"], ""), ("·", "dim"))
                marks.append(f"[{colour}]{mark}[/]")
            table.add_row(p["name"], *marks, *(str(p[t]) for t in TOTALS))
        console.print(table)
    console.print("P present, A apologies, X absent, · not listed; acts: actions owned, mov/sec: motions moved/"
                  "seconded, for/agst: roll-call votes")
