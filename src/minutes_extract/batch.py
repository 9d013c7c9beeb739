"""Batch conversion of archives: many inputs, parallel workers, resume, progress, one summary."""
from __future__ import annotations

import glob
import hashlib
import json
import os
import signal
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import __version__
from .errors import OutputError, shown
from .readers import FORMATS, SUFFIXES, sniff


@dataclass
class Job:
    path: Path
    doc_id: str  # the input's path relative to its root, '/'-separated: a/2019.pdf


@dataclass
class Outcome:
    doc_id: str
    status: str  # converted | skipped | failed
    reason: str = ""
    payload: str | None = None  # the document's JSON, for streamed formats
    counts: dict = field(default_factory=dict)
    pages: int = 0
    output_error: bool = False  # the output could not be written: the batch stops


def discover(inputs: list[str], follow_symlinks: bool = False, warn=lambda message: None) -> list[Job]:
    """Every supported file under the inputs (folders recursively, files, glob patterns), with ids unique in
    the batch: a folder's files are named by their path below it; files and glob matches by their path below
    the folder they have in common (dup/2019/minutes.md and dup/2020/minutes.md stay apart). Symlinks leading
    outside the folder searched (or the folder a glob starts from) are skipped with a warning unless
    `follow_symlinks`."""
    found: list[tuple[Path, Path | None, Path | None]] = []  # (file, folder its id is relative to, guard)
    for spec in inputs:
        magic = glob.has_magic(spec)
        matches = [Path(p) for p in sorted(glob.glob(spec, recursive=True))] if magic else [Path(spec)]
        base = _glob_base(spec) if magic else None
        for match in matches:
            if match.is_dir():
                found += [(f, match, match) for f in sorted(match.rglob("*"))
                          if f.is_file() and f.suffix.lower() in SUFFIXES
                          and not any(part.startswith(".") for part in f.relative_to(match).parts)]
            else:
                found.append((match, None, base))
    kept, seen = [], set()
    for f, root, guard in found:
        real = f.resolve()
        if guard is not None and not follow_symlinks and guard.resolve() not in real.parents:
            warn(f"skipped {shown(str(f))}: a symlink to {shown(str(real))}, outside {shown(str(guard))} "
                 f"(--follow-symlinks reads it)")
        elif real not in seen:
            seen.add(real)
            kept.append((f, root))
    loose = [f.absolute().parent for f, root in kept if root is None]
    common = Path(os.path.commonpath(loose)) if loose else None
    ids = [f.relative_to(root).as_posix() if root else f.absolute().relative_to(common).as_posix()
           for f, root in kept]
    return [Job(f, doc_id) for (f, _), doc_id in zip(kept, unique(ids))]


def _glob_base(spec: str) -> Path:
    """The folder a glob pattern starts from: 'dup/**/*.md' -> dup."""
    parts = Path(spec).parts
    fixed = [p for p in parts[:next(i for i, p in enumerate(parts) if glob.has_magic(p))]]
    return Path(*fixed) if fixed else Path(".")


def unique(ids: list[str]) -> list[str]:
    """The ids with repeats told apart: a second 'a/minutes.md' becomes 'a/minutes~2.md'."""
    taken: set[str] = set()
    out = []
    for doc_id in ids:
        new, n, path = doc_id, 1, PurePosixPath(doc_id)
        while new in taken:
            n += 1
            new = str(path.with_name(f"{path.stem}~{n}{path.suffix}"))
        taken.add(new)
        out.append(new)
    return out


def safe_output(out_dir: Path, doc_id: str, suffix: str) -> Path:
    """The output path for a document, always inside out_dir whatever the input's name; OutputError when a
    symlink in the output tree leads outside it."""
    parts = [p for p in doc_id.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    target = out_dir.joinpath(*parts).with_name(parts[-1] + suffix) if parts else out_dir / ("_" + suffix)
    if out_dir.resolve() not in target.resolve().parents:
        raise OutputError(f"{shown(str(target))} leads outside the output folder (a symlink)")
    return target


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _timeout(signum, frame):
    raise TimeoutError


@contextmanager
def time_limit(seconds: float):
    """Raises TimeoutError in the main thread of this process after `seconds` (0: no limit)."""
    if not seconds:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def convert(job: Job, out_path: Path | None, timeout: float, force: bool, fmt: str | None,
            limits: dict) -> Outcome:
    """Runs in a worker: extracts one document, writing its JSON file when out_path is given."""
    from .errors import InputError
    from .export import to_json, write_atomic
    from .pipeline import extract

    try:
        data = job.path.read_bytes()
    except OSError as exc:
        return Outcome(job.doc_id, "failed", f"cannot read: {exc.strerror or exc}")
    if out_path is not None and not force and _current(out_path, data, str(job.path), fmt, limits):
        return Outcome(job.doc_id, "skipped", "unchanged")
    try:
        with time_limit(timeout):
            minutes = extract(data, fmt, name=str(job.path), **limits)
    except InputError as exc:
        return Outcome(job.doc_id, "failed", str(exc))
    except TimeoutError:
        return Outcome(job.doc_id, "failed", f"took longer than {timeout:g} s (--timeout)")
    except RecursionError:
        return Outcome(job.doc_id, "failed", "structure nested too deeply to read")
    except Exception as exc:  # an extractor bug: report it, keep the batch going
        return Outcome(job.doc_id, "failed", f"internal error: {type(exc).__name__}: {exc}")
    counts = {"items": len(minutes.items), "actions": len(minutes.actions), "decisions": len(minutes.decisions)}
    pages = minutes.source.pages or 0
    if out_path is not None:
        try:
            write_atomic(out_path, to_json(minutes) + "\n")
        except OutputError as exc:
            return Outcome(job.doc_id, "failed", str(exc), output_error=True)
        return Outcome(job.doc_id, "converted", counts=counts, pages=pages)
    return Outcome(job.doc_id, "converted", payload=minutes.model_dump_json(by_alias=True), counts=counts, pages=pages)


def resume_key(data: bytes, name: str, fmt: str | None, limits: dict) -> dict:
    """What an up-to-date output was made from: the same bytes, tool version and input format, and within
    the limits of this run (a re-run with other options converts again)."""
    return {"sha256": hashlib.sha256(data).hexdigest(), "tool_version": __version__,
            "format": fmt or sniff(data, name), "limits": limits}


def within(source: dict, key: dict) -> bool:
    """An output's recorded source (sha256, tool_version, format, pages, characters) matches the key."""
    limits = key["limits"]
    return (source.get("sha256"), source.get("tool_version"), source.get("format")) == (
        key["sha256"], key["tool_version"], key["format"]) and not any(
        limits.get(limit) and (source.get(field) or 0) > limits[limit]
        for limit, field in (("max_pages", "pages"), ("max_chars", "characters")))


def _current(out_path: Path, data: bytes, name: str, fmt: str | None, limits: dict) -> bool:
    """An existing output made from the same bytes, by this tool version, with the same options."""
    try:
        with out_path.open(encoding="utf-8") as fh:
            head = json.load(fh)
    except (OSError, ValueError):
        return False
    return within({**(head.get("source") or {}), "tool_version": head.get("tool_version")},
                  resume_key(data, name, fmt, limits))


@dataclass
class Summary:
    converted: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    counts: dict = field(default_factory=lambda: {"items": 0, "actions": 0, "decisions": 0})
    failures: list = field(default_factory=list)
    seconds: float = 0.0

    def add(self, o: Outcome) -> None:
        setattr(self, o.status, getattr(self, o.status) + 1)
        self.pages += o.pages
        for k, v in o.counts.items():
            self.counts[k] += v
        if o.status == "failed":
            self.failures.append({"document": o.doc_id, "reason": o.reason})

    def as_dict(self) -> dict:
        return {"tool_version": __version__, "converted": self.converted, "skipped": self.skipped,
                "failed": self.failed, "pages": self.pages, **self.counts, "seconds": round(self.seconds, 2),
                "failures": self.failures}


def convert_chunk(chunk: list[tuple[Job, Path | None]], timeout: float, force: bool, fmt: str | None,
                  limits: dict) -> list[Outcome]:
    """Runs in a worker: a few documents per task, so the parent spends little time on each."""
    return [convert(job, out, timeout, force, fmt, limits) for job, out in chunk]


GRACE = 2.0  # seconds running files get to finish after Ctrl-C before their workers are stopped


def run(pairs: list[tuple[Job, Path | None]], sink, summary: Summary, jobs_n: int, timeout: float, force: bool,
        fail_fast: bool, fmt: str | None, limits: dict, progress) -> None:
    """Converts the jobs over a process pool in small chunks, a bounded number in flight so memory stays
    flat; each outcome goes to `summary` and `sink` in the parent as it arrives.

    Ctrl-C only sets a flag (an exception raised inside the pool's machinery can deadlock it): the rest is
    cancelled, running files get GRACE seconds, then their workers are terminated and KeyboardInterrupt is
    raised. An output that cannot be written stops the run with OutputError."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait  # only a batch needs the pool

    started = time.perf_counter()
    size = max(1, min(8, len(pairs) // (jobs_n * 16)))
    chunks = iter([pairs[k:k + size] for k in range(0, len(pairs), size)])
    pending: dict = {}  # future -> its chunk
    limit = max(2, jobs_n * 3)
    interrupted: list[float] = []
    failure: list[str] = []

    def on_sigint(signum, frame):
        if not interrupted:
            print("minutes-extract: stopping ...", file=sys.stderr, flush=True)
        interrupted.append(time.monotonic())

    previous = signal.signal(signal.SIGINT, on_sigint)
    pool = ProcessPoolExecutor(max_workers=jobs_n, initializer=_worker_init)
    try:
        stop = False
        while True:
            if interrupted or stop or failure:
                for fut in pending:
                    fut.cancel()
                pending = {f: c for f, c in pending.items() if not f.cancelled()}
                if interrupted and time.monotonic() > interrupted[0] + GRACE:
                    _terminate(pool, [out for chunk in pending.values() for _, out in chunk])
                    break
            else:
                for chunk in chunks:
                    pending[pool.submit(convert_chunk, chunk, timeout, force, fmt, limits)] = chunk
                    if len(pending) >= limit:
                        break
            if not pending:
                break
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in done:
                chunk = pending.pop(fut)
                try:
                    outcomes = fut.result()
                except Exception as exc:  # a worker that died (memory, signal)
                    outcomes = [Outcome(job.doc_id, "failed", f"worker failed: {type(exc).__name__}: {exc}")
                                for job, _ in chunk]
                for outcome in outcomes:
                    if outcome.output_error:
                        failure.append(outcome.reason)
                    if outcome.output_error or (failure and outcome.payload):  # the sink can take no more
                        continue
                    try:
                        sink(outcome)
                    except OutputError as exc:
                        failure.append(str(exc))
                        continue
                    summary.add(outcome)
                    progress(outcome)
                    stop = stop or (fail_fast and outcome.status == "failed")
    finally:
        pool.shutdown(wait=not interrupted, cancel_futures=True)
        signal.signal(signal.SIGINT, previous)
        summary.seconds = time.perf_counter() - started
    if failure:
        raise OutputError(failure[0])
    if interrupted:
        raise KeyboardInterrupt


def _terminate(pool, outputs: list[Path | None]) -> None:
    """Stops the pool's workers now (the executor has no public way to) and removes the temporary files
    they were writing for `outputs`."""
    processes = list((pool._processes or {}).values())  # noqa: SLF001
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
    for out in outputs:
        if out is not None:
            for tmp in out.parent.glob(f".{glob.escape(out.name)}.*.tmp"):
                tmp.unlink(missing_ok=True)


MAX_JOBS_PER_CORE = 4


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def capped_jobs(requested: int | None, warn=lambda message: None) -> int:
    """The worker count: the cores by default, at most MAX_JOBS_PER_CORE per core (more only costs memory)."""
    cap = MAX_JOBS_PER_CORE * default_jobs()
    if requested and requested > cap:
        warn(f"--jobs {requested} is more than {MAX_JOBS_PER_CORE} per core: using {cap}")
        return cap
    return requested or default_jobs()


__all__ = ["discover", "safe_output", "convert", "run", "Job", "Outcome", "Summary", "default_jobs", "capped_jobs",
           "FORMATS"]
