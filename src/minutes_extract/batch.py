"""Batch conversion of archives: many inputs, parallel workers, resume, progress, one summary."""
from __future__ import annotations

import glob
import hashlib
import json
import os
import signal
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .readers import FORMATS

SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".php", ".md", ".markdown", ".txt", ".text"}


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


def discover(inputs: list[str]) -> list[Job]:
    """Every supported file under the inputs (folders recursively, files, glob patterns), with stable ids."""
    jobs, seen = [], set()
    for spec in inputs:
        matches = [Path(p) for p in sorted(glob.glob(spec, recursive=True))] if glob.has_magic(spec) else [Path(spec)]
        for root in matches:
            if root.is_dir():
                files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                               and not any(part.startswith(".") for part in p.relative_to(root).parts))
                pairs = [(f, f.relative_to(root).as_posix()) for f in files]
            else:
                pairs = [(root, root.name)]
            for f, doc_id in pairs:
                key = f.resolve()
                if key not in seen:
                    seen.add(key)
                    jobs.append(Job(f, doc_id))
    return jobs


def safe_output(out_dir: Path, doc_id: str, suffix: str) -> Path:
    """The output path for a document, always inside out_dir whatever the input's name."""
    parts = [p for p in doc_id.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    target = out_dir.joinpath(*parts).with_name(parts[-1] + suffix) if parts else out_dir / ("_" + suffix)
    resolved_root = out_dir.resolve()
    resolved = target.resolve()
    if resolved_root not in resolved.parents:
        raise ValueError(f"output path escapes the output folder: {doc_id}")
    return target


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which lets running files finish and cancels the rest."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _timeout(signum, frame):
    raise TimeoutError


def convert(job: Job, out_path: Path | None, timeout: float, force: bool, fmt: str | None,
            limits: dict) -> Outcome:
    """Runs in a worker: extracts one document, writing its JSON file when out_path is given."""
    from .errors import InputError
    from .export import to_json, write_atomic
    from .pipeline import extract_document
    from .readers import read_bytes

    try:
        data = job.path.read_bytes()
    except OSError as exc:
        return Outcome(job.doc_id, "failed", f"cannot read: {exc.strerror or exc}")
    digest = hashlib.sha256(data).hexdigest()
    if out_path is not None and not force and _current(out_path, digest):
        return Outcome(job.doc_id, "skipped", "unchanged")
    if timeout:
        signal.signal(signal.SIGALRM, _timeout)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        minutes = extract_document(read_bytes(data, str(job.path), fmt, **limits))
    except InputError as exc:
        return Outcome(job.doc_id, "failed", str(exc))
    except TimeoutError:
        return Outcome(job.doc_id, "failed", f"took longer than {timeout:g} s (--timeout)")
    except RecursionError:
        return Outcome(job.doc_id, "failed", "structure nested too deeply to read")
    except Exception as exc:  # an extractor bug: report it, keep the batch going
        return Outcome(job.doc_id, "failed", f"internal error: {type(exc).__name__}: {exc}")
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
    counts = {"items": len(minutes.items), "actions": len(minutes.actions), "decisions": len(minutes.decisions)}
    pages = minutes.source.pages or 0
    if out_path is not None:
        write_atomic(out_path, to_json(minutes) + "\n")
        return Outcome(job.doc_id, "converted", counts=counts, pages=pages)
    return Outcome(job.doc_id, "converted", payload=minutes.model_dump_json(by_alias=True), counts=counts, pages=pages)


def _current(out_path: Path, digest: str) -> bool:
    """An existing output made from the same bytes by this tool version."""
    try:
        with out_path.open(encoding="utf-8") as fh:
            head = json.load(fh)
    except (OSError, ValueError):
        return False
    return head.get("tool_version") == __version__ and (head.get("source") or {}).get("sha256") == digest


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


def run(jobs: list[Job], outputs: list[Path | None], sink, jobs_n: int, timeout: float, force: bool,
        fail_fast: bool, fmt: str | None, limits: dict, progress) -> Summary:
    """Converts the jobs over a process pool in small chunks, a bounded number in flight so memory stays
    flat; each outcome goes to `sink` in the parent as it arrives.

    Ctrl-C only sets a flag (an exception raised inside the pool's machinery can deadlock it): chunks already
    running finish and are recorded, the rest are cancelled, then KeyboardInterrupt is raised."""
    summary = Summary()
    started = time.perf_counter()
    size = max(1, min(8, len(jobs) // (jobs_n * 16)))
    pairs = list(zip(jobs, outputs))
    chunks = iter([pairs[k:k + size] for k in range(0, len(pairs), size)])
    pending: dict[Future, list] = {}
    limit = max(2, jobs_n * 3)
    interrupted = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: interrupted.append(signum))
    pool = ProcessPoolExecutor(max_workers=jobs_n, initializer=_worker_init)
    try:
        stop = False
        while True:
            if interrupted or stop:
                for fut in pending:
                    fut.cancel()
                pending = {f: c for f, c in pending.items() if not f.cancelled()}
            else:
                for chunk in chunks:
                    pending[pool.submit(convert_chunk, chunk, timeout, force, fmt, limits)] = chunk
                    if len(pending) >= limit:
                        break
            if not pending:
                break
            done, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for fut in done:
                chunk = pending.pop(fut)
                try:
                    outcomes = fut.result()
                except Exception as exc:  # a worker that died (memory, signal)
                    outcomes = [Outcome(job.doc_id, "failed", f"worker failed: {type(exc).__name__}: {exc}")
                                for job, _ in chunk]
                for outcome in outcomes:
                    summary.add(outcome)
                    sink(outcome)
                    progress(outcome)
                    stop = stop or (fail_fast and outcome.status == "failed")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        signal.signal(signal.SIGINT, previous)
        summary.seconds = time.perf_counter() - started
    if interrupted:
        raise KeyboardInterrupt
    return summary


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


__all__ = ["discover", "safe_output", "convert", "run", "Job", "Outcome", "Summary", "default_jobs", "FORMATS"]
