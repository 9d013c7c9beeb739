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
        "CREATE TABLE IF NOT EXISTS sources (doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) "
        "ON DELETE CASCADE, source TEXT);",
    ]
    return "\n".join(parts)


LOCK_TIMEOUT = 5.0  # seconds to wait for another program writing the database


class Store:
    """Writes documents into one SQLite file, with what each was made from (the output's source block and tool
    version, for resuming). sqlite3 errors become one-line OutputErrors."""

    def __init__(self, path: Path):
        self.path = path
        with _errors(self.path):
            self.db = sqlite3.connect(path, timeout=LOCK_TIMEOUT)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(_ddl())

    def source(self, doc_id: str) -> dict | None:
        """What the stored rows of a document were made from: sha256, format, pages, characters, tool_version."""
        with _errors(self.path):
            row = self.db.execute("SELECT source FROM sources WHERE doc_id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, doc_id: str, minutes: Minutes) -> None:
        with _errors(self.path), self.db:  # one transaction: the old rows go and the new ones come together
            self.db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            for table, records in rows(doc_id, minutes).items():
                if records:
                    cols = TABLES[table]
                    self.db.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                                        f"({', '.join('?' * len(cols))})",
                                        [tuple(r.get(c) for c in cols) for r in records])
            source = {**minutes.source.model_dump(mode="json"), "tool_version": minutes.tool_version}
            self.db.execute("INSERT INTO sources VALUES (?, ?)", (doc_id, json.dumps(source)))

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
