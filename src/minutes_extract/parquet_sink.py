"""Parquet datasets: one folder per table of tables.py (documents, items, attendees, actions, decisions, votes,
declarations, amounts, dates), each a set of shards with one schema, so DuckDB, pandas, polars or Spark read a
folder as one table: `duckdb -c "select * from 'out/actions/*.parquet'"`.

A shard holds the rows of a batch of documents (written by a Dask worker, or by the parent of the process pool).
The manifest (`_manifest/*.jsonl`, later lines win) records per document the hash of its bytes, the options key
(tool version, input format, limits) and its shard: a re-run skips documents whose hash and key are unchanged,
and when a run ends the rows a re-converted document left in an older shard are removed.

When a run ends, the people of the whole dataset (identity.link) are rewritten: `people/people.parquet` and
`person_links/person_links.parquet` (doc_id, table, seq, column, person_id: one row per person named by a row of
attendees, actions, decisions, votes or declarations). The ids are kept out of the shards because they depend on
every document of a body: a new document can change them, and the shards stay as their workers wrote them."""
from __future__ import annotations

import hashlib
import io
import json
import secrets
import sys
import time
from pathlib import Path

from . import __version__, storage
from .batch_sinks import Sink
from .identity import LINK_COLUMNS, LINK_INPUT, PEOPLE_COLUMNS, link
from .schema import Minutes
from .sqlite_store import _INTEGER
from .tables import TABLES, rows

MANIFEST = "_manifest"
PEOPLE, PERSON_LINKS = "people", "person_links"
COLUMNS = {PEOPLE: PEOPLE_COLUMNS, PERSON_LINKS: ["doc_id", "table", "seq", "column", "person_id"], **TABLES}
_COUNTS = {"documents"}  # people.documents: how many documents list the person


def require() -> None:
    """A clear line, not a traceback, when the Parquet extra is missing."""
    try:
        import fsspec  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        import click

        raise click.UsageError("--format parquet needs pyarrow: pip install 'minutes-extract[parquet]'") from None


def options_key(fmt: str | None, limits: dict) -> str:
    """What besides the bytes decides a document's rows: the tool version and the conversion options."""
    options = {"tool_version": __version__, "format_in": fmt, **limits}
    return hashlib.sha256(json.dumps(options, sort_keys=True).encode()).hexdigest()[:16]


def _schema(table: str):
    import pyarrow as pa

    integer = _COUNTS | _INTEGER if table == PEOPLE else _INTEGER
    return pa.schema([(c, pa.int64() if c in integer else pa.string()) for c in COLUMNS[table]])


def _encode(table: str, records: list[dict]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(records, schema=_schema(table)), buf)
    return buf.getvalue()


def _shard(out: str, table: str, shard: str) -> str:
    return f"{out.rstrip('/')}/{table}/{shard}.parquet"


def write_shard(out: str, shard: str, tables: dict[str, list[dict]]) -> None:
    """The rows of a batch of documents, one file per table that has any (a retried batch rewrites its files)."""
    for table, records in tables.items():
        if records:
            storage.write_bytes(_shard(out, table, shard), _encode(table, records))


def _read(location: str, columns: list[str] | None = None):
    import pyarrow.parquet as pq
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(location)
    with fs.open(path, "rb") as fh:
        return pq.read_table(fh, columns=columns)


def write_people(out: str) -> None:
    """Links the people of every document in the dataset (identity.link over the columns it reads) and
    rewrites the people and person_links tables, each one file written whole."""
    tables = {table: [r for shard in storage.listing(_shard(out, table, "*"))
                      for r in _read(shard, cols).to_pylist()] for table, cols in LINK_INPUT.items()}
    people = link(tables)
    links = [{"doc_id": r["doc_id"], "table": table, "seq": r["seq"], "column": column, "person_id": pid}
             for table, columns in LINK_COLUMNS.items() for r in tables[table] for column in columns
             for pid in (r.get(column) or "").split("; ") if pid]
    storage.write_bytes(_shard(out, PEOPLE, PEOPLE), _encode(PEOPLE, people))
    storage.write_bytes(_shard(out, PERSON_LINKS, PERSON_LINKS), _encode(PERSON_LINKS, links))


def remove_shard(out: str, shard: str) -> None:
    for table in TABLES:
        storage.remove(_shard(out, table, shard))


def add_rows(tables: dict[str, list[dict]], doc_id: str, minutes: Minutes) -> None:
    for table, records in rows(doc_id, minutes).items():
        tables.setdefault(table, []).extend(records)


class Dataset:
    """The dataset's manifest, held by the client: what is current, which shard holds what, what to clean up."""

    def __init__(self, out: str, key: str):
        require()
        self.out, self.key = out.rstrip("/"), key
        self.run = time.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)  # parts sort by run
        self.entries: dict[str, tuple[str, str, str]] = {}  # doc_id -> (sha256, key, shard)
        self.stale: dict[str, set[str]] = {}  # shard -> documents whose rows there are superseded
        self.old_parts = storage.listing(f"{self.out}/{MANIFEST}/*.jsonl")
        for part in self.old_parts:
            for line in (storage.read_text(part) or "").splitlines():
                self._note(json.loads(line))
        self.pending: list[dict] = []
        self.parts = self.shards = 0

    def _note(self, entry: dict) -> None:
        old = self.entries.get(entry["doc_id"])
        if old and old[2] != entry["shard"]:
            self.stale.setdefault(old[2], set()).add(entry["doc_id"])
        self.entries[entry["doc_id"]] = (entry["sha256"], entry["key"], entry["shard"])

    def known(self, doc_id: str) -> str | None:
        """The hash of the bytes the document's rows were made from with these options, if any."""
        entry = self.entries.get(doc_id)
        return entry[0] if entry and entry[1] == self.key else None

    def next_shard(self) -> str:
        self.shards += 1
        return f"part-{self.run}-{self.shards:06d}"

    def record(self, doc_id: str, sha256: str, shard: str) -> None:
        entry = {"doc_id": doc_id, "sha256": sha256, "key": self.key, "shard": shard}
        self._note(entry)
        self.pending.append(entry)
        if len(self.pending) >= 1000:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self._write_part(f"{self.run}-{self.parts:05d}", self.pending)
            self.parts += 1
            self.pending = []

    def _write_part(self, name: str, entries) -> None:
        text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
        storage.write_bytes(f"{self.out}/{MANIFEST}/{name}.jsonl", text.encode("utf-8"))

    def finish(self) -> None:
        """Removes superseded rows, gives every table at least an empty shard, compacts the manifest and relinks
        the people of the whole dataset (documents skipped as unchanged included)."""
        self.flush()
        for shard, doc_ids in self.stale.items():
            self._drop(shard, doc_ids)
        for table in TABLES:
            if not storage.listing(f"{self.out}/{table}/*.parquet"):
                storage.write_bytes(_shard(self.out, table, "part-empty"), _encode(table, []))
        if self.stale or len(self.old_parts) + self.parts > 1:
            parts = storage.listing(f"{self.out}/{MANIFEST}/*.jsonl")
            self._write_part(f"{self.run}-compact", ({"doc_id": d, "sha256": s, "key": k, "shard": sh}
                                                     for d, (s, k, sh) in self.entries.items()))
            for part in parts:
                storage.remove(part)
        self.stale = {}
        try:
            write_people(self.out)
        except Exception as exc:  # the documents are in; only the people tables are stale
            print(f"minutes-extract: people not linked ({type(exc).__name__}: {exc}); "
                  "a re-run of the batch relinks them", file=sys.stderr)

    def _drop(self, shard: str, doc_ids: set[str]) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc
        from fsspec.core import url_to_fs

        for table in TABLES:
            fs, path = url_to_fs(_shard(self.out, table, shard))
            if not fs.exists(path):
                continue
            data = _read(_shard(self.out, table, shard))
            kept = data.filter(pc.invert(pc.is_in(data["doc_id"], value_set=pa.array(sorted(doc_ids)))))
            if kept.num_rows:
                storage.write_bytes(_shard(self.out, table, shard), _encode(table, kept.to_pylist()))
            else:
                fs.rm_file(path)


def write_summary(out: str, summary) -> None:
    storage.write_bytes(f"{out.rstrip('/')}/_summary.json",
                        (json.dumps(summary.as_dict(), indent=2) + "\n").encode("utf-8"))


class ParquetDataset(Sink):
    """The process pool's Parquet sink: rows gathered in the parent, a shard every SHARD_DOCS documents."""

    SHARD_DOCS = 256

    def __init__(self, out: Path | str):
        require()
        self.out = str(out)
        self.tables: dict[str, list[dict]] = {}
        self.docs: list[tuple[str, str]] = []
        self.skipped = 0

    def run(self, jobs, jobs_n, timeout, force, fail_fast, fmt, limits):
        self.dataset = Dataset(self.out, options_key(fmt, limits))
        todo = []
        for j in jobs:
            known = None if force else self.dataset.known(j.doc_id)
            try:
                current = known is not None and hashlib.sha256(j.path.read_bytes()).hexdigest() == known
            except OSError:
                current = False
            if current:
                self.skipped += 1
            else:
                todo.append(j)
        return super().run(todo, jobs_n, timeout, force, fail_fast, fmt, limits)

    def accept(self, o):
        if o.payload:
            minutes = Minutes.model_validate_json(o.payload)
            add_rows(self.tables, o.doc_id, minutes)
            self.docs.append((o.doc_id, minutes.source.sha256))
            if len(self.docs) >= self.SHARD_DOCS:
                self._flush()

    def _flush(self) -> None:
        if self.docs:
            shard = self.dataset.next_shard()
            write_shard(self.out, shard, self.tables)
            for doc_id, sha256 in self.docs:
                self.dataset.record(doc_id, sha256, shard)
            self.tables, self.docs = {}, []

    def finish(self, summary):
        if hasattr(self, "dataset"):
            self._flush()
            self.dataset.finish()
        summary.skipped += self.skipped
        write_summary(self.out, summary)
