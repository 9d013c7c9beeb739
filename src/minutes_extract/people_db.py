"""The people of a SQLite archive: the `people` table and person ids on the tables that name people, rebuilt
from the whole archive after every write (ids depend on every document of a body); and the attendance queries
`minutes-extract people` prints."""
from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict

from .identity import LINK_COLUMNS, PEOPLE_COLUMNS, body_key, link

_READ = {"documents": ["doc_id", "path", "body", "date"],
         "attendees": ["doc_id", "seq", "name", "title", "role", "initials", "status"],
         "actions": ["doc_id", "seq", "owners"], "decisions": ["doc_id", "seq", "mover", "seconder"],
         "votes": ["doc_id", "seq", "name"], "declarations": ["doc_id", "seq", "name"]}


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
                  for table, cols in _READ.items()}
        people = link(tables)
        db.execute("DELETE FROM people")
        db.executemany(f"INSERT INTO people VALUES ({', '.join('?' * len(PEOPLE_COLUMNS))})",
                       [tuple(p[c] for c in PEOPLE_COLUMNS) for p in people])
        for table, columns in LINK_COLUMNS.items():
            db.executemany(f"UPDATE {table} SET {', '.join(c + ' = ?' for c in columns)} "
                           "WHERE doc_id = ? AND seq = ?",
                           [(*(r.get(c) for c in columns), r["doc_id"], r["seq"]) for r in tables[table]])
    return len(people)


def bodies(db: sqlite3.Connection) -> dict[str, list[str]]:
    """Body key -> the documents (ids) of that body."""
    out: dict[str, list[str]] = defaultdict(list)
    for doc_id, path, body in db.execute("SELECT doc_id, path, body FROM documents"):
        out[body_key(body, path or doc_id)].append(doc_id)
    return dict(out)


def attendance(db: sqlite3.Connection, body: str | None = None, year: str | None = None) -> list[dict]:
    """Per body: its meetings (date order) and its people, each with a status per meeting and totals.
    `body` picks bodies whose key contains it (case-insensitive); `year` keeps meetings of that year."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'people'").fetchone():
        update(db)
    out = []
    want = body_key(body) or (body or "").lower()
    for key, doc_ids in sorted(bodies(db).items()):
        if not key or (body and want not in key):
            continue
        marks = ",".join("?" * len(doc_ids))
        meetings = [dict(doc_id=d, date=t, body=b) for d, t, b in db.execute(
            f"SELECT doc_id, date, body FROM documents WHERE doc_id IN ({marks}) AND date IS NOT NULL "
            f"{'AND substr(date, 1, 4) = ?' if year else ''} ORDER BY date, doc_id", [*doc_ids, *([year] if year
                                                                                               else [])])]
        if not meetings:
            continue
        docs = [m["doc_id"] for m in meetings]
        marks = ",".join("?" * len(docs))
        people: dict[str, dict] = {}
        for pid, name, doc_id, status in db.execute(
                f"SELECT a.person_id, p.name, a.doc_id, a.status FROM attendees a JOIN people p USING (person_id) "
                f"WHERE a.doc_id IN ({marks}) ORDER BY p.surname, p.name", docs):
            person = people.setdefault(pid, {"person_id": pid, "name": name, "statuses": {}})
            person["statuses"].setdefault(doc_id, status)
        _counts(db, people, docs, marks)
        for person in people.values():
            statuses = person["statuses"]
            person.update({s: sum(v == s for v in statuses.values()) for s in ("present", "apologies", "absent")})
        names = Counter(m["body"] for m in meetings if m["body"] and body_key(m["body"]) == key)
        out.append({"body_key": key, "body": names.most_common(1)[0][0] if names else key.title(),
                    "meetings": meetings, "people": list(people.values())})
    return out


def _counts(db, people, docs, marks) -> None:
    """Actions owned, motions moved and roll-call votes for and against, per person, over `docs`."""
    for person in people.values():
        person.update(actions=0, moved=0, seconded=0, voted_for=0, voted_against=0)
    for (ids,) in db.execute(f"SELECT owner_person_ids FROM actions WHERE doc_id IN ({marks})", docs):
        for pid in set((ids or "").split("; ")):
            if pid in people:
                people[pid]["actions"] += 1
    for mover, seconder in db.execute(f"SELECT mover_person_id, seconder_person_id FROM decisions "
                                      f"WHERE doc_id IN ({marks})", docs):
        if mover in people:
            people[mover]["moved"] += 1
        if seconder in people:
            people[seconder]["seconded"] += 1
    for pid, vote in db.execute(f"SELECT person_id, vote FROM votes WHERE doc_id IN ({marks})", docs):
        if pid in people and vote in ("yes", "no"):
            people[pid]["voted_for" if vote == "yes" else "voted_against"] += 1
