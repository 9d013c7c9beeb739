"""A SQLite archive of many minutes: one row set per document, replaced in one transaction on re-runs,
foreign keys, indexes, and full-text search over item text (opens in Datasette or sqlite3)."""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError, shown
from .schema import Minutes
from .tables import TABLES, rows

_INTEGER = {"seq", "pages", "span_start", "span_end", "line", "page", "votes_for", "votes_against", "votes_abstain",
            "votes_absent", "decision_seq"}


def _ddl() -> str:
    parts = []
    for table, columns in TABLES.items():
        cols = [f"{c} {'INTEGER' if c in _INTEGER else 'TEXT'}" for c in columns]
        if table == "documents":
            cols[0] = "doc_id TEXT PRIMARY KEY"
        else:
            cols[0] = "doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE"
            cols.append("PRIMARY KEY (doc_id, seq)")
        parts.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(cols)});")
    parts += [
        "CREATE INDEX IF NOT EXISTS actions_owners ON actions(owners);",
        "CREATE INDEX IF NOT EXISTS attendees_name ON attendees(name);",
        "CREATE INDEX IF NOT EXISTS decisions_kind ON decisions(kind);",
        "CREATE INDEX IF NOT EXISTS dates_date ON dates(date);",
        "CREATE INDEX IF NOT EXISTS documents_date ON documents(date);",
        "CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(title, text, content='items', content_rowid='rowid');",
        "CREATE TRIGGER IF NOT EXISTS items_ai AFTER INSERT ON items BEGIN "
        "INSERT INTO items_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END;",
        "CREATE TRIGGER IF NOT EXISTS items_ad AFTER DELETE ON items BEGIN "
        "INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END;",
        "CREATE TABLE IF NOT EXISTS resume_keys (doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) "
        "ON DELETE CASCADE, key TEXT);",
    ]
    return "\n".join(parts)


LOCK_TIMEOUT = 5.0  # seconds to wait for another program writing the database


class Store:
    """Writes documents into one SQLite file; a document already there made from the same resume key (bytes,
    tool version, options) is kept as it is. sqlite3 errors become one-line OutputErrors."""

    def __init__(self, path: Path):
        self.path = path
        with _errors(self.path):
            self.db = sqlite3.connect(path, timeout=LOCK_TIMEOUT)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(_ddl())

    def current(self, doc_id: str, key: dict) -> bool:
        with _errors(self.path):
            row = self.db.execute("SELECT key FROM resume_keys WHERE doc_id = ?", (doc_id,)).fetchone()
        return row == (json.dumps(key, sort_keys=True),)

    def put(self, doc_id: str, minutes: Minutes, key: dict | None = None) -> None:
        with _errors(self.path), self.db:  # one transaction: the old rows go and the new ones come together
            self.db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            for table, records in rows(doc_id, minutes).items():
                if records:
                    cols = TABLES[table]
                    self.db.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                                        f"({', '.join('?' * len(cols))})",
                                        [tuple(r.get(c) for c in cols) for r in records])
            if key:
                self.db.execute("INSERT INTO resume_keys VALUES (?, ?)", (doc_id, json.dumps(key, sort_keys=True)))

    def close(self) -> None:
        with _errors(self.path):
            self.db.close()


@contextmanager
def _errors(path: Path):
    """Turns sqlite3 errors into an OutputError naming the database."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise OutputError(f"cannot write {shown(str(path))}: {exc}") from None
        raise OutputError(f"cannot write {shown(str(path))}: the database is locked by another program "
                          f"(waited {LOCK_TIMEOUT:g} s)") from None
    except sqlite3.DatabaseError as exc:
        reason = "not a SQLite database" if "not a database" in str(exc) else str(exc)
        raise OutputError(f"cannot write {shown(str(path))}: {reason}") from None
