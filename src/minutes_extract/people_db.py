"""The people of a SQLite archive: the `people` table and person ids on the tables that name people, rebuilt
from the whole archive after every write (ids depend on every document of a body); and the attendance
`minutes-extract people` prints."""
from __future__ import annotations

import sqlite3

from .attendance import grids
from .identity import LINK_COLUMNS, PEOPLE_COLUMNS, LINK_INPUT, link

COUNTS = ("actions", "moved", "seconded", "voted_for", "voted_against")
"""What `attendance` counts per person besides the statuses."""


def _add_columns(db: sqlite3.Connection) -> None:
    for table, columns in LINK_COLUMNS.items():
        have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        for column in columns:
            if column not in have:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
    db.execute(f"CREATE TABLE IF NOT EXISTS people ({', '.join(c + ' TEXT' for c in PEOPLE_COLUMNS)}, "
               "PRIMARY KEY (person_id))")
    db.execute("CREATE INDEX IF NOT EXISTS attendees_person ON attendees(person_id)")


def update(db: sqlite3.Connection) -> int:
    """Relinks the people of every document in one transaction; returns the number of people."""
    with db:
        _add_columns(db)
        tables = {table: [dict(zip(cols, row)) for row in db.execute(f"SELECT {', '.join(cols)} FROM {table}")]
                  for table, cols in LINK_INPUT.items()}
        people = link(tables)
        db.execute("DELETE FROM people")
        db.executemany(f"INSERT INTO people VALUES ({', '.join('?' * len(PEOPLE_COLUMNS))})",
                       [tuple(p[c] for c in PEOPLE_COLUMNS) for p in people])
        for table, columns in LINK_COLUMNS.items():
            db.executemany(f"UPDATE {table} SET {', '.join(c + ' = ?' for c in columns)} "
                           "WHERE doc_id = ? AND seq = ?",
                           [(*(r.get(c) for c in columns), r["doc_id"], r["seq"]) for r in tables[table]])
    return len(people)


def attendance(db: sqlite3.Connection, body: str | None = None, year: str | None = None) -> list[dict]:
    """The attendance grids of the archive (see `attendance.grids`), each person also with the actions owned,
    motions moved and seconded, roll-call votes for and against in the meetings shown."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'people'").fetchone():
        update(db)

    def read(sql, cols):
        return [dict(zip(cols, row)) for row in db.execute(sql)]

    bodies = grids(read("SELECT doc_id, path, body, date FROM documents", ["doc_id", "path", "body", "date"]),
                   read("SELECT doc_id, person_id, status FROM attendees ORDER BY doc_id, seq",
                        ["doc_id", "person_id", "status"]),
                   read("SELECT person_id, name, surname FROM people", ["person_id", "name", "surname"]), body, year)
    shown = {m["doc_id"]: b["body_key"] for b in bodies for m in b["meetings"]}
    people = {b["body_key"]: {p["person_id"]: p for p in b["people"]} for b in bodies}
    for person in (p for b in bodies for p in b["people"]):
        person.update(dict.fromkeys(COUNTS, 0))
    _count(db, shown, people)
    return bodies


def _count(db, shown: dict[str, str], people: dict[str, dict[str, dict]]) -> None:
    """Actions owned, motions moved and seconded, roll-call votes for and against, in the meetings shown."""
    def add(doc_id, pid, column):
        person = people.get(shown.get(doc_id), {}).get(pid)
        if person:
            person[column] += 1

    for doc_id, ids in db.execute("SELECT doc_id, owner_person_ids FROM actions"):
        for pid in set((ids or "").split("; ")):
            add(doc_id, pid, "actions")
    for doc_id, mover, seconder in db.execute("SELECT doc_id, mover_person_id, seconder_person_id FROM decisions"):
        add(doc_id, mover, "moved")
        add(doc_id, seconder, "seconded")
    for doc_id, pid, vote in db.execute("SELECT doc_id, person_id, vote FROM votes"):
        if vote in ("yes", "no"):
            add(doc_id, pid, "voted_for" if vote == "yes" else "voted_against")
