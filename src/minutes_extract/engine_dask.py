"""The Dask engine: the batch conversion as Dask tasks, on the user's cluster (--scheduler ADDRESS or
DASK_SCHEDULER_ADDRESS) or on a LocalCluster started here.

The client lists the inputs lazily and keeps a bounded number of tasks in flight; each task gets a few document
locations, reads their bytes on the worker, converts them with batch.convert and writes its own outputs (JSON
files, Parquet shards); only small outcomes come back (whole documents only for jsonl, csv and sqlite, whose
single file the client writes). A task whose worker dies is retried by Dask; a task that killed its worker
`allowed-failures` times is split into one task per document, and a document that still kills its worker is
reported failed with that reason. Ctrl-C cancels what is scheduled and keeps what is finished."""
from __future__ import annotations

import itertools
import json
import logging
import signal
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from . import storage
from .batch import Job, Outcome, Summary, convert, resume_key, within
from .batch_sinks import Progress, make_sink
from .export import to_json
from .parquet_sink import Dataset, add_rows, options_key, remove_shard, write_shard, write_summary
from .schema import Minutes

CHUNK = {"parquet": 32}  # documents per task: Parquet shards want more rows
DEFAULT_CHUNK = 8
# The embedded cluster: each worker holds two tasks, so it never waits for the scheduler between tasks (with the
# default 1.1 a busy machine left workers idle two thirds of the time); workers skip the statistical profiler
# and tick their event loop less often, threads that otherwise take the GIL from the conversion.
EMBEDDED = {"distributed.scheduler.worker-saturation": 2.0, "distributed.worker.profile.enabled": False,
            "distributed.admin.tick.interval": "1s"}
LISTED_FAILURES = 1000  # the summary names this many failures and counts the rest: memory stays flat


@dataclass
class Task:
    """What a worker needs besides its documents."""
    fmt: str
    out: str | None
    fmt_in: str | None
    limits: dict
    force: bool
    started: float  # the run's start (epoch seconds)
    shard: str | None = None


def convert_chunk(docs: list[tuple[str, str, str | dict | None]], task: Task) -> list[tuple[Outcome, str | None]]:
    """Runs on a worker: (location, doc_id, what its output was made from) -> (outcome, hash of the bytes
    converted)."""
    results, tables = [], {}
    for location, doc_id, known in docs:
        job = Job(storage.Source(location), doc_id)
        try:
            key = resume_key(job.path.read_bytes(), location, task.fmt_in, task.limits)
        except OSError:
            results.append((convert(job, None, 0, True, task.fmt_in, task.limits), None))  # reports the read error
            continue
        digest = key["sha256"]
        target = storage.target(task.out, doc_id, ".json") if task.fmt == "json" else None
        if not task.force and (_unchanged(known, key) or (target and _current(target, key, task.started))):
            results.append((Outcome(doc_id, "skipped", "unchanged"), None))
            continue
        outcome = convert(job, None, 0, True, task.fmt_in, task.limits)  # no SIGALRM off the main thread
        if outcome.status == "converted" and task.fmt in ("json", "parquet"):
            minutes = Minutes.model_validate_json(outcome.payload)
            if target:
                storage.write_bytes(target, (to_json(minutes) + "\n").encode("utf-8"))
            else:
                add_rows(tables, doc_id, minutes)
            outcome.payload = None
        results.append((outcome, digest))
    if tables:
        write_shard(task.out, task.shard, tables)
    return results


def _unchanged(known: str | dict | None, key: dict) -> bool:
    """The client's record of a document's output matches these bytes and options: a Parquet manifest's hash
    (kept under the run's options key) or a SQLite archive's source record."""
    return within(known, key) if isinstance(known, dict) else known == key["sha256"]


def _current(target: str, key: dict, started: float) -> bool:
    """An existing JSON output made from the same bytes, by this tool version, with the same options (as
    batch's resume), before this run: one written during it comes from an attempt whose result was lost with
    its worker, and is redone so the summary counts it as converted."""
    text = storage.read_text(target)
    try:
        head = json.loads(text) if text else {}
    except ValueError:
        return False
    source = {**(head.get("source") or {}), "tool_version": head.get("tool_version")}
    return within(source, key) and storage.modified(target) < started


@contextmanager
def _client(scheduler: str | None, workers: int):
    """A client of the given scheduler, of DASK_SCHEDULER_ADDRESS, or of a LocalCluster closed on exit."""
    import dask
    from distributed import Client, LocalCluster

    address = scheduler or dask.config.get("scheduler-address", None)
    if address:
        with Client(address) as client:
            yield client
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # workers inherit it: Ctrl-C is the client's
    try:
        with dask.config.set(EMBEDDED):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                                   silence_logs=logging.ERROR, preload=["minutes_extract.pipeline"])
    finally:
        signal.signal(signal.SIGINT, previous)
    with cluster, Client(cluster) as client:
        yield client


def _batches(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(inputs: list[str], out: str | None, fmt: str, fmt_in: str | None, workers: int, force: bool,
        fail_fast: bool, excel: bool, limits: dict, scheduler: str | None = None) -> Summary:
    """Converts every input on Dask; raises KeyboardInterrupt after cancelling what is scheduled."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    found = storage.iter_inputs(inputs)
    first = next(found, None)
    if first is None:
        raise FileNotFoundError(f"no supported files in: {' '.join(inputs)}")
    dataset = Dataset(out, options_key(fmt_in, limits)) if fmt == "parquet" else None
    sink = None if fmt in ("json", "parquet") else make_sink(fmt, Path(out) if out else None, excel)
    known = dataset.known if dataset else sink.store.source if fmt == "sqlite" else (lambda doc_id: None)
    task = Task(fmt, out, fmt_in, limits, force, time.time())
    summary, progress = Summary(), Progress(0)
    in_flight = {}  # future -> (its documents, its shard)

    def listing():
        count = 0
        for location, doc_id in itertools.chain([first], found):
            count += 1
            yield location, doc_id, None if force else known(doc_id)
        _set_total(progress, count)

    unlisted = 0

    def record(outcome, digest, shard):
        nonlocal unlisted
        summary.add(outcome)
        if len(summary.failures) > LISTED_FAILURES:
            summary.failures.pop()
            unlisted += 1
        progress(outcome)
        if sink and outcome.payload:
            sink.accept(outcome)
        if dataset and outcome.status == "converted":
            dataset.record(outcome.doc_id, digest, shard)

    with _client(scheduler, workers) as client:
        results = as_completed(with_results=True, raise_errors=False)  # gathered in the background

        def submit(docs):
            shard = dataset.next_shard() if dataset else None
            fut = client.submit(convert_chunk, docs, replace(task, shard=shard), pure=False)
            in_flight[fut] = (docs, shard)
            results.add(fut)

        limit = 8 * max(2, sum(client.nthreads().values()))
        started = time.perf_counter()  # conversion time, the cluster started
        batches = _batches(listing(), CHUNK.get(fmt, DEFAULT_CHUNK))
        stop = False
        try:
            while True:
                while not stop and len(in_flight) < limit and (docs := next(batches, None)):
                    submit(docs)
                if not in_flight:
                    break
                fut, result = next(results)
                docs, shard = in_flight.pop(fut)
                error = _error(result)
                if error is None:
                    for outcome, digest in result:
                        record(outcome, digest, shard)
                        stop = stop or (fail_fast and outcome.status == "failed")
                elif isinstance(error, KilledWorker) and len(docs) > 1:  # find the document: one task each
                    if shard:
                        remove_shard(out, shard)
                    for doc in docs:
                        submit([doc])
                else:
                    reason = (f"killed its worker each time it ran ({error})" if isinstance(error, KilledWorker)
                              else f"task failed: {type(error).__name__}: {error}")
                    for _, doc_id, _ in docs:
                        record(Outcome(doc_id, "failed", reason), None, None)
                fut.release()
                if stop and in_flight:
                    client.cancel(list(in_flight))
                    in_flight.clear()
        except KeyboardInterrupt:
            client.cancel(list(in_flight))
            raise
        finally:
            progress.close()
            summary.seconds = time.perf_counter() - started
            if unlisted:
                summary.failures.append({"document": f"({unlisted} more)",
                                         "reason": f"only the first {LISTED_FAILURES} failures are listed"})
            if sink:
                sink.finish(summary)
            else:
                if dataset:
                    dataset.finish()
                write_summary(out, summary)
    return summary


def _error(result) -> BaseException | None:
    """The task's exception, from what as_completed(raise_errors=False) yields: (type, exception, traceback) or a
    CancelledError; None when the task returned its outcomes."""
    if isinstance(result, BaseException):
        return result
    if isinstance(result, tuple) and len(result) == 3 and isinstance(result[1], BaseException):
        return result[1]
    return None


def _set_total(progress: Progress, total: int) -> None:
    """The listing is lazy: the progress display learns the total when it ends."""
    progress.total = total
    if progress.live:
        progress.live.update(progress.task, total=total)


def run_cli(inputs: list[str], out: str | None, fmt: str, fmt_in: str | None, workers: int, force: bool,
            fail_fast: bool, excel: bool, limits: dict, scheduler: str | None) -> Summary:
    """run() for the command line: one clear line and a non-zero exit for what can go wrong."""
    import sys

    import click

    try:
        import distributed  # noqa: F401
    except ImportError:
        raise click.UsageError("--engine dask needs Dask: pip install 'minutes-extract[dask]'") from None
    if out and storage.is_url(out) and fmt not in ("json", "parquet"):
        raise click.UsageError(f"--format {fmt} writes one local file: -o must be a path")
    try:
        return run(inputs, out, fmt, fmt_in, workers, force, fail_fast, excel, limits, scheduler)
    except KeyboardInterrupt:
        click.echo("minutes-extract: interrupted; finished outputs are kept, nothing is half-written", err=True)
        sys.exit(130)
    except FileNotFoundError as exc:  # no supported inputs, a missing @LIST: as the process pool says it
        raise click.UsageError(str(exc)) from None
    except (OSError, ValueError) as exc:  # an unreachable scheduler or store, a bad URL
        raise click.ClickException(str(exc)) from None
