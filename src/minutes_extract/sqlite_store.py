"""A SQLite archive of many minutes: one row set per document, replaced in one transaction on re-runs,
foreign keys, indexes, and full-text search over item text (opens in Datasette or sqlite3)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

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
    ]
    return "\n".join(parts)


class Store:
    """Writes documents into one SQLite file; a document already there with the same hash and tool version is
    kept as it is."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.executescript(_ddl())

    def current(self, doc_id: str, sha256: str, version: str) -> bool:
        row = self.db.execute("SELECT sha256, tool_version FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row == (sha256, version)

    def put(self, doc_id: str, minutes: Minutes) -> None:
        with self.db:  # one transaction: the old rows go and the new ones come together
            self.db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            for table, records in rows(doc_id, minutes).items():
                if records:
                    cols = TABLES[table]
                    self.db.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                                        f"({', '.join('?' * len(cols))})",
                                        [tuple(r.get(c) for c in cols) for r in records])

    def close(self) -> None:
        self.db.close()
