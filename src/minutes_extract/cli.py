"""The command line: a thin layer over the library API."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import InputError, OutputError, shown
from .formats import BATCH_FORMATS, EXTRACT_FORMATS, FILE_FORMATS
from .readers import FORMATS, MAX_CHARS, MAX_PAGES

TIMEOUT = 120.0  # seconds per file, for one file as for a batch

EXAMPLES = """
\b
Examples:
  minutes-extract minutes.pdf                 print the extracted JSON
  minutes-extract minutes.txt -o out.json     write it to a file
  cat minutes.txt | minutes-extract -         read standard input
  minutes-extract minutes.md | jq '.actions[] | {text, owners}'
  minutes-extract report minutes.pdf -o report.html   review every record in a browser
  minutes-extract schema > minutes.schema.json
"""


def _timezone(ctx, param, value: str | None) -> str | None:
    if value:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise click.BadParameter(f"unknown time zone: {value}") from None
    return value


class _DefaultToExtract(click.Group):
    """`minutes-extract FILE` runs the extract command; `schema` is a subcommand."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["extract", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToExtract, epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minutes-extract")
def main() -> None:
    """Turn meeting minutes (text, markdown, PDF, Word, HTML) into validated JSON: items, attendees,
    actions, decisions, amounts, dates and meeting details, each with where it came from."""


def _fail(source: str, message: str) -> None:
    click.echo(f"minutes-extract: {shown(source)}: {message}", err=True)
    sys.exit(1)


def _to_stdout(output: Path | None) -> bool:
    return output is None or str(output) == "-"


def _reading_options(command):
    """The options of one document's reading, shared by `extract` and `report`."""
    options = [
        click.option("--format-in", type=click.Choice(FORMATS), help="Input format (default: sniffed from content)."),
        click.option("--max-pages", type=click.IntRange(min=0), default=MAX_PAGES, show_default=True,
                     help="Refuse PDFs with more pages (0: no limit)."),
        click.option("--max-chars", type=click.IntRange(min=0), default=MAX_CHARS, show_default=True,
                     help="Refuse documents with more characters of text (0: no limit)."),
        click.option("--timeout", type=click.FloatRange(min=0), default=TIMEOUT, show_default=True,
                     help="Seconds allowed (0: no limit)."),
        click.option("--debug", is_flag=True, help="Show a traceback on errors.")]
    for option in reversed(options):
        command = option(command)
    return command


@main.command(epilog=EXAMPLES)
@click.argument("source", type=click.Path(allow_dash=True, dir_okay=False, path_type=str))
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=Path),
              help="Write here (- for stdout, the default); a folder for csv, a database for sqlite.")
@click.option("--format", "out_format", type=click.Choice(EXTRACT_FORMATS), default="json",
              show_default=True, help="json: one indented document; jsonl: one line; csv: tables in the -o "
                                      "folder (this document's rows replaced, others kept); sqlite: rows in the -o "
                                      "database; ocd: Open Civic Data objects (a JSON array); html: the review "
                                      "report.")
@click.option("--timezone", callback=_timezone, help="OCD: the meeting's IANA time zone (e.g. Europe/London), "
                                                      "for start and end times.")
@click.option("--excel", is_flag=True, help="CSV: UTF-8 with a BOM, and formula-like cells written as text.")
@_reading_options
def extract(source: str, output: Path | None, out_format: str, timezone: str | None, excel: bool,
            format_in: str | None, max_pages: int, max_chars: int, timeout: float, debug: bool) -> None:
    """Extract one document (use - for standard input)."""
    from .batch import time_limit
    from .export import to_json, to_jsonl
    from .pipeline import extract as run

    if out_format in ("csv", "sqlite") and _to_stdout(output):
        raise click.UsageError(f"--format {out_format} needs -o/--output")
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source)  # a slow pipe is not our time
        if out_format == "html":
            from .report import report as review

            with time_limit(timeout):
                content = review(data, format_in, max_pages=max_pages, max_chars=max_chars)
            _emit(content, output)
            return
        with time_limit(timeout):
            minutes = run(data, format_in, max_pages=max_pages, max_chars=max_chars)
        if out_format in ("csv", "sqlite"):
            from .batch import Outcome, Summary
            from .batch_sinks import make_sink

            options = {"keep_others": True} if out_format == "csv" else {}
            sink = make_sink(out_format, output, excel, **options)
            sink.accept(Outcome(Path(source).name if source != "-" else "stdin", "converted",
                                payload=minutes.model_dump_json(by_alias=True)))
            sink.finish(Summary(converted=1))
            return
        if out_format == "ocd":
            import json

            from .ocd import objects

            content = json.dumps(objects(minutes, timezone), indent=2, ensure_ascii=False) + "\n"
        else:
            content = to_json(minutes) + "\n" if out_format == "json" else to_jsonl(minutes)
        _emit(content, output)
    except (InputError, OutputError) as exc:
        if debug:
            raise
        _fail(source, str(exc))
    except TimeoutError:
        _fail(source, f"took longer than {timeout:g} s (--timeout)")
    except RecursionError:
        _fail(source, "structure nested too deeply to read")
    except Exception as exc:  # a bug in an extractor must not show the user a traceback
        if debug:
            raise
        _fail(source, f"failed to extract ({type(exc).__name__}: {exc}); rerun with --debug for details")


def _emit(content: str, output: Path | None) -> None:
    """Writes to the -o file atomically, else to stdout."""
    from .export import write_atomic

    if _to_stdout(output):
        click.echo(content, nl=False)
    else:
        write_atomic(output, content)


@main.command(epilog="""
\b
Examples:
  minutes-extract report minutes.pdf -o report.html   the minutes with every record highlighted, offline
""")
@click.argument("source", type=click.Path(allow_dash=True, dir_okay=False, path_type=str))
@click.option("-o", "--output", type=click.Path(allow_dash=True, dir_okay=False, path_type=Path),
              help="Write here (- for stdout, the default).")
@_reading_options
@click.pass_context
def report(ctx, source: str, output: Path | None, format_in: str | None, max_pages: int, max_chars: int,
           timeout: float, debug: bool) -> None:
    """Write a review report: one offline HTML file showing the minutes with every extracted record
    highlighted, beside a panel listing them (the same as --format html)."""
    ctx.invoke(extract, source=source, output=output, out_format="html", timezone=None, excel=False,
               format_in=format_in, max_pages=max_pages, max_chars=max_chars, timeout=timeout, debug=debug)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    from .export import json_schema

    click.echo(json_schema())


@main.command(epilog="""
\b
Examples:
  minutes-extract batch minutes/ -o out/                   one JSON per input, mirroring the tree
  minutes-extract batch minutes/ --format jsonl | jq -c '{doc: .source.path, actions: [.actions[].text]}'
  minutes-extract batch minutes/ --format csv -o tables/   documents.csv, items.csv, actions.csv ...
  minutes-extract batch minutes/ --format sqlite -o minutes.sqlite
  minutes-extract batch minutes/ --format html -o reports/  a review report per input, and reports/index.html
  minutes-extract batch 'archive/**/*.pdf' -o out/ --jobs 2 --timeout 60
""")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output",
              help="Output folder (json, csv, parquet, ocd, html), database file (sqlite) or file (jsonl; default "
                   "or -: stdout); with --engine dask, json and parquet outputs may be fsspec URLs (s3://, gs://).")
@click.option("--format", "out_format", type=click.Choice(BATCH_FORMATS), default="json", show_default=True,
              help="parquet: one folder of shards per table, for DuckDB & co.; ocd: Open Civic Data objects, one "
                   "JSON file each; html: a review report per input (beside its JSON) and an index.html.")
@click.option("--engine", type=click.Choice(["process", "dask"]), default="process", show_default=True,
              help="process: a pool on this machine; dask: Dask tasks (pip install 'minutes-extract[dask]'), "
                   "inputs may be fsspec URLs and @LIST files.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler (default: $DASK_SCHEDULER_ADDRESS, else a LocalCluster of --jobs workers).")
@click.option("--timezone", callback=_timezone, help="OCD: the meetings' IANA time zone, for start and end times.")
@click.option("--format-in", type=click.Choice(FORMATS), help="Input format for every file (default: sniffed).")
@click.option("--jobs", "-j", type=click.IntRange(min=1),
              help="Worker processes (default: the machine's cores; at most 4 per core).")
@click.option("--timeout", type=click.FloatRange(min=0), default=TIMEOUT, show_default=True,
              help="Seconds allowed per file (0: no limit).")
@click.option("--force", is_flag=True, help="Convert again even when the output is up to date.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first file that fails.")
@click.option("--excel", is_flag=True, help="CSV: UTF-8 with a BOM, and formula-like cells written as text.")
@click.option("--follow-symlinks", is_flag=True, help="Read symlinks that lead outside the input folders.")
@click.option("--max-pages", type=click.IntRange(min=0), default=MAX_PAGES, show_default=True,
              help="Refuse PDFs with more pages (0: no limit).")
@click.option("--max-chars", type=click.IntRange(min=0), default=MAX_CHARS, show_default=True,
              help="Refuse documents with more characters of text (0: no limit).")
def batch(inputs, output, out_format, engine, scheduler, timezone, format_in, jobs, timeout, force, fail_fast, excel,
          follow_symlinks, max_pages, max_chars) -> None:
    """Convert many files: folders (recursively), files or glob patterns."""
    from .batch import capped_jobs, discover
    from .batch_sinks import make_sink, report

    def warn(message: str) -> None:
        click.echo(f"minutes-extract: {message}", err=True)

    if out_format in FILE_FORMATS and _to_stdout(output):
        raise click.UsageError(f"--format {out_format} needs -o/--output")
    limits = {"max_pages": max_pages, "max_chars": max_chars}
    if engine == "dask":
        from .engine_dask import run_cli

        summary = run_cli(list(inputs), output, out_format, format_in, capped_jobs(jobs, warn), force, fail_fast,
                          excel, limits, scheduler)
        report(summary)
        sys.exit(1 if summary.failed else 0)
    if any("://" in spec or spec.startswith("@") for spec in (*inputs, output or "")):
        raise click.UsageError("URLs and @LIST inputs need --engine dask")
    output = Path(output) if output else None
    found = discover(list(inputs), follow_symlinks, warn)
    if not found:
        raise click.UsageError(f"no supported files in: {shown(' '.join(inputs))}")
    try:
        options = {"timezone": timezone} if out_format == "ocd" else {}
        sink = make_sink(out_format, output, excel, **options)
        summary = sink.run(found, capped_jobs(jobs, warn), timeout, force, fail_fast, format_in, limits)
    except OutputError as exc:
        warn(f"{exc}; stopped (finished outputs are kept)")
        sys.exit(1)
    except KeyboardInterrupt:
        warn("interrupted; finished outputs are kept, nothing is half-written")
        sys.exit(130)
    report(summary)
    sys.exit(1 if summary.failed else 0)


@main.command(epilog="""
\b
Examples:
  minutes-extract people minutes.sqlite                        every body, every meeting
  minutes-extract people minutes.sqlite --body northwold --year 2010
  minutes-extract people minutes.sqlite --body 'Stoke Ferry Parish Council' --format csv > attendance.csv
""")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--body", help="Bodies whose name contains this (any wording of the name).")
@click.option("--year", type=click.IntRange(1000, 9999), help="Meetings of this year only.")
@click.option("--format", "out_format", type=click.Choice(["table", "csv", "json", "svg"]), default="table",
              show_default=True, help="svg: the attendance grid as a picture (a coloured cell per status).")
def people(archive: Path, body: str | None, year: int | None, out_format: str) -> None:
    """Attendance across a SQLite archive (from `batch --format sqlite`): people x meetings of each body with
    present / apologies / absent, and per person totals, actions owned, motions moved and votes."""
    import sqlite3

    from .people_cli import show

    try:
        db = sqlite3.connect(archive)
        db.execute("SELECT doc_id, body, date FROM documents LIMIT 1")
        found = show(db, body, str(year) if year else None, out_format)
    except sqlite3.Error as exc:
        click.echo(f"minutes-extract: {archive}: not a minutes archive ({exc})", err=True)
        sys.exit(1)
    if not found:
        click.echo(f"minutes-extract: {archive}: no meetings" + (f" of a body matching {body!r}" if body else "")
                   + (f" in {year}" if year else ""), err=True)
        sys.exit(1)
