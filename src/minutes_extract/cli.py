"""The command line: a thin layer over the library API."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import InputError
from .readers import FORMATS, MAX_CHARS, MAX_PAGES

EXAMPLES = """
\b
Examples:
  minutes-extract minutes.pdf                 print the extracted JSON
  minutes-extract minutes.txt -o out.json     write it to a file
  cat minutes.txt | minutes-extract -         read standard input
  minutes-extract minutes.md | jq '.actions[] | {text, owners}'
  minutes-extract schema > minutes.schema.json
"""


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


@main.command(epilog=EXAMPLES)
@click.argument("source", type=click.Path(allow_dash=True, dir_okay=False, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@click.option("--format", "out_format", type=click.Choice(["json", "jsonl", "csv", "sqlite"]), default="json",
              show_default=True, help="json: one indented document; jsonl: one line; csv: tables in the -o "
                                      "folder; sqlite: rows in the -o database.")
@click.option("--excel", is_flag=True, help="CSV: write UTF-8 with a BOM, for Excel.")
@click.option("--format-in", type=click.Choice(FORMATS), help="Input format (default: sniffed from content).")
@click.option("--max-pages", type=click.IntRange(min=0), default=MAX_PAGES, show_default=True,
              help="Refuse PDFs with more pages (0: no limit).")
@click.option("--max-chars", type=click.IntRange(min=0), default=MAX_CHARS, show_default=True,
              help="Refuse documents with more characters of text (0: no limit).")
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
def extract(source: str, output: Path | None, out_format: str, excel: bool, format_in: str | None, max_pages: int,
            max_chars: int, debug: bool) -> None:
    """Extract one document (use - for standard input)."""
    from .export import to_json, to_jsonl, write_atomic
    from .pipeline import extract as run

    if out_format in ("csv", "sqlite") and output is None:
        raise click.UsageError(f"--format {out_format} needs -o/--output")
    try:
        if source == "-":
            minutes = run(sys.stdin.buffer.read(), format_in, max_pages=max_pages, max_chars=max_chars)
        else:
            minutes = run(Path(source), format_in, max_pages=max_pages, max_chars=max_chars)
        if out_format in ("csv", "sqlite"):
            from .batch import Outcome, Summary
            from .batch_sinks import make_sink

            sink = make_sink(out_format, output, excel)
            sink.accept(Outcome(Path(source).name if source != "-" else "stdin", "converted",
                                payload=minutes.model_dump_json(by_alias=True)))
            sink.finish(Summary(converted=1))
            return
        content = to_json(minutes) + "\n" if out_format == "json" else to_jsonl(minutes)
        if output:
            write_atomic(output, content)
        else:
            click.echo(content, nl=False)
    except InputError as exc:
        if debug:
            raise
        click.echo(f"minutes-extract: {source}: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # a bug in an extractor must not show the user a traceback
        if debug:
            raise
        click.echo(f"minutes-extract: {source}: failed to extract ({type(exc).__name__}: {exc}); "
                   f"rerun with --debug for details", err=True)
        sys.exit(1)


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
  minutes-extract batch 'archive/**/*.pdf' -o out/ --jobs 2 --timeout 60
""")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output",
              help="Output folder (json, csv, parquet), database file (sqlite) or file (jsonl; default stdout); "
                   "with --engine dask, json and parquet outputs may be fsspec URLs (s3://, gs://, file://).")
@click.option("--format", "out_format", type=click.Choice(["json", "jsonl", "csv", "sqlite", "parquet"]),
              default="json", show_default=True, help="parquet: one folder of shards per table, for DuckDB & co.")
@click.option("--engine", type=click.Choice(["process", "dask"]), default="process", show_default=True,
              help="process: a pool on this machine; dask: Dask tasks (pip install 'minutes-extract[dask]'), "
                   "inputs may be fsspec URLs and @LIST files.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler (default: $DASK_SCHEDULER_ADDRESS, else a LocalCluster of --jobs workers).")
@click.option("--format-in", type=click.Choice(FORMATS), help="Input format for every file (default: sniffed).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: the machine's cores).")
@click.option("--timeout", type=click.FloatRange(min=0), default=120.0, show_default=True,
              help="Seconds allowed per file (0: no limit).")
@click.option("--force", is_flag=True, help="Convert again even when the output is up to date.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first file that fails.")
@click.option("--excel", is_flag=True, help="CSV: write UTF-8 with a BOM, for Excel.")
@click.option("--max-pages", type=click.IntRange(min=0), default=MAX_PAGES, show_default=True,
              help="Refuse PDFs with more pages (0: no limit).")
@click.option("--max-chars", type=click.IntRange(min=0), default=MAX_CHARS, show_default=True,
              help="Refuse documents with more characters of text (0: no limit).")
def batch(inputs, output, out_format, engine, scheduler, format_in, jobs, timeout, force, fail_fast, excel,
          max_pages, max_chars) -> None:
    """Convert many files: folders (recursively), files or glob patterns."""
    from .batch import default_jobs, discover
    from .batch_sinks import make_sink, report

    if out_format in ("json", "csv", "sqlite", "parquet") and output is None:
        raise click.UsageError(f"--format {out_format} needs -o/--output")
    limits = {"max_pages": max_pages, "max_chars": max_chars}
    if engine == "dask":
        from .engine_dask import run_cli

        summary = run_cli(list(inputs), output, out_format, format_in, jobs or default_jobs(), force, fail_fast,
                          excel, limits, scheduler)
        report(summary)
        sys.exit(1 if summary.failed else 0)
    if any("://" in spec or spec.startswith("@") for spec in (*inputs, output or "")):
        raise click.UsageError("URLs and @LIST inputs need --engine dask")
    found = discover(list(inputs))
    if not found:
        raise click.UsageError(f"no supported files in: {' '.join(inputs)}")
    try:
        summary = make_sink(out_format, Path(output) if output else None, excel).run(
            found, jobs or default_jobs(), timeout, force, fail_fast, format_in, limits)
    except KeyboardInterrupt:
        click.echo("minutes-extract: interrupted; finished outputs are kept, nothing is half-written", err=True)
        sys.exit(130)
    report(summary)
    sys.exit(1 if summary.failed else 0)
