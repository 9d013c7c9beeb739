#!/usr/bin/env python3
"""Benchmark of the Dask engine: documents/s of the process pool vs a Dask LocalCluster (2 workers each) on the
archive replicated to --docs documents, and the client's peak memory listing and scheduling --paths synthetic
paths (nonexistent files in an @LIST, 64 per task: each task fails fast on its worker, so the client's listing,
scheduling and summary are what is measured), once with the embedded LocalCluster (whose scheduler runs in the
client process) and once against `dask scheduler` and `dask worker` processes (the client alone).

    nice .venv/bin/python scripts/bench_dask.py [--corpus ../shared/corpus/archive] [--docs 2000] [--paths 100000]

Prints numbers; asserts nothing. Wall time includes start-up (the LocalCluster's included); "conversion" is the
summary's own time, from the first task to the last outcome.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXE = str(Path(sys.executable).with_name("minutes-extract"))

MEMORY = """
import resource, sys
from minutes_extract import engine_dask
from minutes_extract.readers import MAX_CHARS, MAX_PAGES
engine_dask.DEFAULT_CHUNK = 64  # fewer, emptier tasks: the client's listing and bookkeeping are what is measured
summary = engine_dask.run([sys.argv[1]], None, "jsonl", None, 2, False, False, False,
                          {"max_pages": MAX_PAGES, "max_chars": MAX_CHARS}, sys.argv[2] or None)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, summary.failed, round(summary.seconds, 1))
"""


def replicate(corpus: Path, n: int, folder: Path) -> None:
    """n documents copied from the corpus's files (copy k of file f named c{k}-{f}; links would be one document)."""
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    folder.mkdir()
    for k in range(n):
        src = files[k % len(files)]
        shutil.copyfile(src, folder / f"c{k // len(files)}-{src.name}")


def batch(src: Path, out: Path, *extra: str) -> tuple[float, dict]:
    t = time.perf_counter()
    subprocess.run([EXE, "batch", str(src), "-o", str(out), "--jobs", "2", *extra], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    return wall, json.loads((out / "_summary.json").read_text())


def client_memory(n: int, tmp: Path, scheduler: str) -> tuple[int, int, float]:
    listing = tmp / f"paths-{n}.txt"
    listing.write_text("".join(f"{tmp}/synthetic/{k // 1000:03}/minutes-{k:06}.pdf\n" for k in range(n)))
    done = subprocess.run([sys.executable, "-c", MEMORY, f"@{listing}", scheduler], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True, env={**os.environ, "DASK_SCHEDULER_ADDRESS": ""})
    rss, failed, seconds = done.stdout.split()
    return int(rss), int(failed), float(seconds)


def external_cluster(tmp: Path) -> tuple[str, list[subprocess.Popen]]:
    """`dask scheduler` and `dask worker` (2 processes) as the README starts them; returns the address."""
    bin_dir = Path(sys.executable).parent
    info = tmp / "scheduler.json"
    procs = [subprocess.Popen([bin_dir / "dask", "scheduler", "--scheduler-file", info, "--no-dashboard"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    while not info.exists():
        time.sleep(0.2)
    procs.append(subprocess.Popen([bin_dir / "dask", "worker", "--scheduler-file", info, "--nworkers", "2",
                                   "--nthreads", "1", "--no-dashboard"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL))
    return json.loads(info.read_text())["address"], procs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpus/archive")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--paths", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        replicate(args.corpus, args.docs, tmp / "in")
        for engine in ("process", "dask"):
            wall, summary = batch(tmp / "in", tmp / f"out-{engine}", "--engine", engine)
            print(f"{engine:8} {summary['converted']} converted, {summary['failed']} failed: "
                  f"{args.docs / wall:6.1f} documents/s wall ({wall:.1f} s), "
                  f"{args.docs / summary['seconds']:6.1f} documents/s conversion ({summary['seconds']:.1f} s)",
                  flush=True)
        address, procs = external_cluster(tmp)
        try:
            for where, scheduler in (("embedded LocalCluster, scheduler in the client", ""),
                                     ("external dask scheduler + 2 dask workers", address)):
                for n in sorted({args.paths // 10, args.paths}):
                    rss, failed, seconds = client_memory(n, tmp, scheduler)
                    print(f"client peak RSS, {n:>7} synthetic paths, {where}: {rss} MB "
                          f"({failed} failed as expected, {seconds} s)", flush=True)
        finally:
            for proc in reversed(procs):
                proc.terminate()
                proc.wait(30)


if __name__ == "__main__":
    main()
