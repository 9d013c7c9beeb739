"""The people of a SQLite archive: the `people` table and person ids on the tables that name people, rebuilt
from the whole archive after every write (ids depend on every document of a body); and the attendance queries
`minutes-extract people` prints."""
from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict

from .identity import LINK_COLUMNS, LINK_INPUT, PEOPLE_COLUMNS, body_key, link


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
    """Per body: its meetings (documents with a date, in date order) and its people, each with a status per
    meeting and totals. `body` picks bodies whose key contains it (any wording: 'Northwold PC Annual Meeting'
    or 'northwold'); `year` keeps the meetings of that year. One pass over each table."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'people'").fetchone():
        update(db)
    want = body_key(body) or (body or "").lower()
    meetings: dict[str, list[dict]] = defaultdict(list)
    for doc_id, path, name, date in db.execute("SELECT doc_id, path, body, date FROM documents "
                                               "WHERE date IS NOT NULL ORDER BY date, doc_id"):
        key = body_key(name, path or doc_id)
        if key and want in key and (not year or date.startswith(year)):
            meetings[key].append({"doc_id": doc_id, "date": date, "body": name})
    shown = {m["doc_id"]: key for key, ms in meetings.items() for m in ms}
    people: dict[str, dict[str, dict]] = defaultdict(dict)
    for pid, name, doc_id, status in db.execute("SELECT a.person_id, p.name, a.doc_id, a.status FROM attendees a "
                                                "JOIN people p USING (person_id) ORDER BY p.surname, p.name"):
        if doc_id in shown:
            person = people[shown[doc_id]].setdefault(pid, {"person_id": pid, "name": name, "statuses": {}, **{
                c: 0 for c in ("actions", "moved", "seconded", "voted_for", "voted_against")}})
            person["statuses"].setdefault(doc_id, status)
    _count(db, shown, people)
    out = []
    for key in sorted(meetings):
        for person in people[key].values():
            statuses = list(person["statuses"].values())
            person.update({s: statuses.count(s) for s in ("present", "apologies", "absent")})
        names = Counter(m["body"] for m in meetings[key] if m["body"] and body_key(m["body"]) == key)
        out.append({"body_key": key, "body": names.most_common(1)[0][0] if names else key.title(),
                    "meetings": meetings[key], "people": list(people[key].values())})
    return out


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
