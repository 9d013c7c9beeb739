"""Where batch results go: JSON files, a JSON Lines stream, CSV tables or a SQLite archive; plus progress."""
from __future__ import annotations

import csv
import json
import sys
from contextlib import suppress
from pathlib import Path

from .batch import Job, Outcome, Summary, resume_key, run, safe_output, within
from .errors import OutputError, cannot_write, shown
from .export import AtomicFile, write_atomic
from .formats import FILE_FORMATS
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
                self.live.console.print(f"failed {shown(o.doc_id)}: {o.reason}", markup=False, highlight=False)
        else:
            note = f": {o.reason}" if o.status == "failed" else ""
            print(f"[{self.done}/{self.total}] {o.status} {shown(o.doc_id)}{note}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.live:
            self.live.stop()


class Sink:
    """Base: output paths per job (None: results stream back to the parent), then the run. A sink raises
    OutputError when it cannot write; finish() still records what was written."""

    def outputs(self, jobs: list[Job]) -> list[Path | None | Outcome]:
        """Per job, where its file goes (None: streamed to accept()), or an Outcome refusing it."""
        return [None] * len(jobs)

    def accept(self, o: Outcome) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass

    def run(self, jobs, jobs_n, timeout, force, fail_fast, fmt, limits) -> Summary:
        progress = Progress(len(jobs))
        summary = Summary()
        try:
            pairs = []
            for job, out in zip(jobs, self.outputs(jobs)):
                if isinstance(out, Outcome):
                    summary.add(out)
                    progress(out)
                else:
                    pairs.append((job, out))
            run(pairs, self.accept, summary, jobs_n, timeout, force, fail_fast, fmt, limits, progress)
        except BaseException:  # interrupted or an output failed: still record what was written
            progress.close()
            with suppress(OutputError):  # the first failure is the one to report
                self.finish(summary)
            raise
        progress.close()
        self.finish(summary)
        return summary


def _folder(out: Path) -> Path:
    """The output folder, made if missing; OutputError when a file is in the way or it cannot be made."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"-o {shown(str(out))} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(out, exc) from None
    return out


def _write_summary(folder: Path, summary: Summary) -> None:
    write_atomic(folder / "_summary.json", json.dumps(summary.as_dict(), indent=2) + "\n")


class JsonFiles(Sink):
    """One JSON per input, mirroring the input tree, written by the workers; a _summary.json beside them."""

    def __init__(self, out: Path):
        self.out = _folder(out)

    def outputs(self, jobs):
        found = []
        for j in jobs:
            try:
                found.append(safe_output(self.out, j.doc_id, ".json"))
            except OutputError as exc:
                found.append(Outcome(j.doc_id, "failed", str(exc)))
        return found

    def finish(self, summary):
        _write_summary(self.out, summary)


class JsonLines(Sink):
    """One document per line, to stdout or to a file that appears when the run ends."""

    def __init__(self, out: Path | None):
        if out is not None and out.is_dir():
            raise OutputError(f"-o {shown(str(out))} is a folder; --format jsonl writes one file")
        self.file = AtomicFile(out) if out and str(out) != "-" else None

    def accept(self, o):
        if o.payload:
            if self.file:
                self.file.write(o.payload + "\n")
            else:
                sys.stdout.write(o.payload + "\n")
                sys.stdout.flush()

    def finish(self, summary):
        if self.file:
            self.file.commit()  # every line in it is a whole document, interrupted or not


class CsvTables(Sink):
    """documents.csv, items.csv, attendees.csv, actions.csv, decisions.csv, amounts.csv, dates.csv, ... With
    `excel`, UTF-8 with a BOM and cells that a spreadsheet would run as formulas ('=HYPERLINK(...)') are
    written as text. With `keep_others`, rows of documents not written in this run are kept (one-file
    conversions add to the tables in place); otherwise the tables hold this run only."""

    def __init__(self, out: Path, excel: bool, keep_others: bool = False):
        self.out = _folder(out)
        self.excel, self.keep_others, self.written = excel, keep_others, set()
        self.encoding = "utf-8-sig" if excel else "utf-8"
        self.files: dict[str, AtomicFile] = {}
        try:
            for table in TABLES:
                self.files[table] = AtomicFile(out / f"{table}.csv", self.encoding)
        except OutputError:
            self._discard()
            raise
        self.writers = {table: csv.DictWriter(self.files[table].fh, fieldnames=columns)
                        for table, columns in TABLES.items()}
        self._rows(lambda: [w.writeheader() for w in self.writers.values()])

    def _rows(self, write) -> None:
        try:
            write()
        except OSError as exc:
            self._discard()
            raise cannot_write(self.out, exc) from None

    def _discard(self) -> None:
        for file in self.files.values():
            file.discard()

    def accept(self, o):
        if o.payload:
            self.written.add(o.doc_id)
            tables = rows(o.doc_id, Minutes.model_validate_json(o.payload))
            self._rows(lambda: [self.writers[t].writerows(map(self._cells, records)) for t, records in tables.items()])

    def _cells(self, record: dict) -> dict:
        return {k: excel_safe(v) for k, v in record.items()} if self.excel else record

    def _kept_rows(self, table: str) -> list[dict]:
        try:
            with (self.out / f"{table}.csv").open(encoding="utf-8-sig", newline="") as fh:
                return [r for r in csv.DictReader(fh) if r.get("doc_id") not in self.written]
        except (OSError, csv.Error, UnicodeDecodeError):
            return []

    def finish(self, summary):
        if self.keep_others:
            self._rows(lambda: [self.writers[t].writerows(self._kept_rows(t)) for t in TABLES])
        try:
            for file in self.files.values():
                file.commit()
        except OutputError:
            self._discard()
            raise
        _write_summary(self.out, summary)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value):
    """A cell a spreadsheet will show as text: one starting like a formula gets a leading apostrophe
    (OWASP's advice for CSV injection); numbers ('-5') are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


class Sqlite(Sink):
    """One database, updated in place; unchanged documents are skipped before any work is done."""

    def __init__(self, out: Path):
        from .sqlite_store import Store

        path = out if out.suffix in (".sqlite", ".db", ".sqlite3") or out.is_file() else out / "minutes.sqlite"
        _folder(path.parent)
        self.store = Store(path)
        self.unwritable = False

    def run(self, jobs, jobs_n, timeout, force, fail_fast, fmt, limits):
        todo, skipped = [], []
        for j in jobs:
            try:
                key = resume_key(j.path.read_bytes(), str(j.path), fmt, limits)
            except OSError:
                key = None
            recorded = None if force or key is None else self.store.source(j.doc_id)
            (skipped if recorded and within(recorded, key) else todo).append(j)
        summary = super().run(todo, jobs_n, timeout, force, fail_fast, fmt, limits)
        summary.skipped += len(skipped)
        return summary

    def accept(self, o):
        if o.payload:
            try:
                self.store.put(o.doc_id, Minutes.model_validate_json(o.payload))
            except OutputError:
                self.unwritable = True  # locked or full: the people pass would fail the same way
                raise

    def finish(self, summary):
        from .people_db import update

        if self.unwritable:
            self.store.close()
            return
        try:
            update(self.store.db)  # people ids depend on every document of a body: relinked after each run
        except Exception as exc:  # the documents are in; only the people table is stale
            print(f"minutes-extract: people not linked ({type(exc).__name__}: {exc}); "
                  "a re-run of the batch relinks them", file=sys.stderr)
        self.store.close()


class OcdFiles(Sink):
    """Open Civic Data objects, one JSON file each named as pupa names them (event_<uuid>.json, ...); a person
    or body met again is written again under the same name."""

    def __init__(self, out: Path, timezone: str | None = None):
        self.out, self.timezone = _folder(out), timezone

    def accept(self, o):
        if o.payload:
            from .ocd import objects

            try:
                found = objects(Minutes.model_validate_json(o.payload), self.timezone)
            except Exception as exc:  # a bug in the mapping must not stop the batch
                print(f"minutes-extract: {o.doc_id}: no OCD objects ({type(exc).__name__}: {exc})", file=sys.stderr)
                return
            for obj in found:
                write_atomic(self.out / f"{obj['_type']}_{obj['_id'].split('/')[-1]}.json",
                             json.dumps(obj, indent=2, ensure_ascii=False) + "\n")

    def finish(self, summary):
        _write_summary(self.out, summary)


class HtmlReports(JsonFiles):
    """A review report (and the JSON) per input, and an index.html linking to them. The workers write the JSON;
    the parent reads each converted input again for its text and writes the report beside the JSON."""

    def __init__(self, out: Path):
        super().__init__(out)
        self.jobs, self.rows, self.fmt, self.limits = {}, [], None, {}
        self.people: dict[str, list[dict]] = {"documents": [], "attendees": []}  # for the attendance grids

    def outputs(self, jobs):
        self.jobs = {j.doc_id: j.path for j in jobs}
        return super().outputs(jobs)

    def run(self, jobs, jobs_n, timeout, force, fail_fast, fmt, limits):
        self.fmt, self.limits = fmt, limits
        return super().run(jobs, jobs_n, timeout, force, fail_fast, fmt, limits)

    def accept(self, o):
        from .pipeline import load
        from .report import render
        from .report.index import Row, row

        if o.status == "failed":
            self.rows.append(Row(o.doc_id, failure=o.reason))
            return
        target = safe_output(self.out, o.doc_id, ".html")
        try:
            minutes = Minutes.model_validate_json(safe_output(self.out, o.doc_id, ".json").read_text("utf-8"))
            if o.status == "converted" or not target.exists():
                doc = load(self.jobs[o.doc_id], self.fmt, **self.limits)
                if doc.sha256 != minutes.source.sha256:
                    raise ValueError("the input changed during the run")
                write_atomic(target, render(doc, minutes))
        except Exception as exc:  # one report that cannot be written must not stop the batch
            self.rows.append(Row(o.doc_id, failure=f"report: {type(exc).__name__}: {exc}"))
            return
        self.rows.append(row(o.doc_id, target.relative_to(self.out).as_posix(), minutes))
        self._keep_people(o.doc_id, minutes)

    def _keep_people(self, doc_id: str, minutes: Minutes) -> None:
        """Only the columns the attendance grids need, so memory stays small on a large batch."""
        from .identity import LINK_INPUT

        tables = rows(doc_id, minutes)
        for table in self.people:
            self.people[table] += [{c: r.get(c) for c in LINK_INPUT[table]} for r in tables[table]]

    def finish(self, summary):
        from .attendance import grids
        from .identity import link
        from .report.index import render_index

        super().finish(summary)
        people = link(self.people)
        bodies = [b for b in grids(self.people["documents"], self.people["attendees"], people)
                  if len(b["meetings"]) >= 2]
        write_atomic(self.out / "index.html", render_index(self.rows, attendance=bodies))


SINKS = {"json": JsonFiles, "jsonl": JsonLines, "csv": CsvTables, "sqlite": Sqlite, "ocd": OcdFiles,
         "html": HtmlReports}  # --format -> sink


def make_sink(fmt: str, out: Path | None, excel: bool = False, **options) -> Sink:
    """The sink for an output format; a new format is one class, one entry in SINKS and its name in formats.py
    (parquet's sink needs pyarrow, an extra: it is made on demand)."""
    if fmt in FILE_FORMATS and (out is None or str(out) == "-"):
        raise OutputError(f"--format {fmt} writes files: give -o a {'database' if fmt == 'sqlite' else 'folder'}")
    if fmt == "csv":
        return CsvTables(out, excel, **options)
    if fmt == "parquet":  # pyarrow is an extra: imported only when chosen
        from .parquet_sink import ParquetDataset

        return ParquetDataset(out)
    return SINKS[fmt](out, **options)


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
        console.print(f"failed: {shown(f['document'])}: {f['reason']}", markup=False, soft_wrap=True)
