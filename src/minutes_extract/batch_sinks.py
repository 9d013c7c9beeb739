"""Where batch results go: JSON files, a JSON Lines stream, CSV tables or a SQLite archive; plus progress."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from . import __version__
from .batch import Job, Outcome, Summary, run, safe_output
from .export import AtomicFile, write_atomic
from .schema import Minutes
from .tables import TABLES, rows


class Progress:
    """A rich progress bar on a terminal; one plain log line per file otherwise."""

    def __init__(self, total: int):
        self.total, self.done = total, 0
        self.live = None
        if sys.stderr.isatty():
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            self.live = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[pages]} pages"), TextColumn("{task.fields[failed]} failed"),
                            TimeElapsedColumn(), TimeRemainingColumn(), transient=False)
            self.task = self.live.add_task("converting", total=total, pages=0, failed=0)
            self.pages = self.failed = 0
            self.live.start()

    def __call__(self, o: Outcome) -> None:
        self.done += 1
        if self.live:
            self.pages += o.pages
            self.failed += o.status == "failed"
            self.live.update(self.task, advance=1, pages=self.pages, failed=self.failed)
            if o.status == "failed":
                self.live.console.print(f"[red]failed[/] {o.doc_id}: {o.reason}")
        else:
            note = f": {o.reason}" if o.status == "failed" else ""
            print(f"[{self.done}/{self.total}] {o.status} {o.doc_id}{note}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.live:
            self.live.stop()


class Sink:
    """Base: output paths per job (None: results stream back to the parent), then the run."""

    def outputs(self, jobs: list[Job]) -> list[Path | None]:
        return [None] * len(jobs)

    def accept(self, o: Outcome) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass

    def run(self, jobs, jobs_n, timeout, force, fail_fast, fmt, limits) -> Summary:
        progress = Progress(len(jobs))
        summary = Summary()
        try:
            summary = run(jobs, self.outputs(jobs), self.accept, jobs_n, timeout, force, fail_fast, fmt, limits,
                          progress)
        finally:
            progress.close()
            self.finish(summary)
        return summary


class JsonFiles(Sink):
    """One JSON per input, mirroring the input tree, written by the workers; a _summary.json beside them."""

    def __init__(self, out: Path):
        self.out = out

    def outputs(self, jobs):
        self.out.mkdir(parents=True, exist_ok=True)
        return [safe_output(self.out, j.doc_id, ".json") for j in jobs]

    def finish(self, summary):
        write_atomic(self.out / "_summary.json", json.dumps(summary.as_dict(), indent=2) + "\n")


class JsonLines(Sink):
    """One document per line, to stdout or to a file that appears when the run ends."""

    def __init__(self, out: Path | None):
        self.file = AtomicFile(out) if out else None
        self.fh = self.file.fh if self.file else sys.stdout

    def accept(self, o):
        if o.payload:
            self.fh.write(o.payload + "\n")
            self.fh.flush()

    def finish(self, summary):
        if self.file:
            self.file.commit()  # every line in it is a whole document, interrupted or not


class CsvTables(Sink):
    """documents.csv, items.csv, attendees.csv, actions.csv, decisions.csv, amounts.csv, dates.csv."""

    def __init__(self, out: Path, excel: bool):
        self.out = out
        self.files = {table: AtomicFile(out / f"{table}.csv", "utf-8-sig" if excel else "utf-8") for table in TABLES}
        self.writers = {table: csv.DictWriter(self.files[table].fh, fieldnames=columns)
                        for table, columns in TABLES.items()}
        for writer in self.writers.values():
            writer.writeheader()

    def accept(self, o):
        if o.payload:
            for table, records in rows(o.doc_id, Minutes.model_validate_json(o.payload)).items():
                self.writers[table].writerows(records)

    def finish(self, summary):
        for file in self.files.values():
            file.commit()
        write_atomic(self.out / "_summary.json", json.dumps(summary.as_dict(), indent=2) + "\n")


class Sqlite(Sink):
    """One database, updated in place; unchanged documents are skipped before any work is done."""

    def __init__(self, out: Path):
        from .sqlite_store import Store

        path = out if out.suffix in (".sqlite", ".db", ".sqlite3") else out / "minutes.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.store = Store(path)

    def run(self, jobs, jobs_n, timeout, force, fail_fast, fmt, limits):
        import hashlib

        todo, skipped = [], []
        for j in jobs:
            try:
                digest = hashlib.sha256(j.path.read_bytes()).hexdigest()
            except OSError:
                digest = ""
            (skipped if not force and self.store.current(j.doc_id, digest, __version__) else todo).append(j)
        summary = super().run(todo, jobs_n, timeout, force, fail_fast, fmt, limits)
        summary.skipped += len(skipped)
        return summary

    def accept(self, o):
        if o.payload:
            self.store.put(o.doc_id, Minutes.model_validate_json(o.payload))

    def finish(self, summary):
        self.store.close()


def make_sink(fmt: str, out: Path | None, excel: bool) -> Sink:
    if fmt == "json":
        return JsonFiles(out)
    if fmt == "jsonl":
        return JsonLines(out)
    if fmt == "csv":
        return CsvTables(out, excel)
    if fmt == "parquet":
        from .parquet_sink import ParquetDataset

        return ParquetDataset(out)
    return Sqlite(out)


def report(summary: Summary) -> None:
    """The closing summary table, on stderr."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="minutes-extract batch", show_header=True)
    for col in ("converted", "skipped", "failed", "pages", "items", "actions", "decisions", "seconds"):
        table.add_column(col, justify="right")
    d = summary.as_dict()
    table.add_row(*(str(d[c]) for c in ("converted", "skipped", "failed", "pages", "items", "actions", "decisions",
                                        "seconds")))
    console = Console(stderr=True)
    console.print(table)
    for f in summary.failures:
        console.print(f"failed: {f['document']}: {f['reason']}", markup=False, soft_wrap=True)
