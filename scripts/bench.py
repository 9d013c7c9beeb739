#!/usr/bin/env python3
"""Benchmark: start-up time, extraction throughput (KB/s, documents/s) and PDF reading speed.

    .venv/bin/python scripts/bench.py [--corpus ../shared/corpus] [--repeat 3] [--batch 2000]

Prints numbers; asserts nothing. Throughput is measured in one process after start-up, on the dev corpus
and on the archive; PDF pages/s compares our reader (pypdfium2 + header/footer and hyphen repair) with bare
pypdfium2 text extraction and bare pdfplumber extract_text() over the same files. The batch part replicates
the archive to --batch documents and reports documents/s with --jobs 1 and 2 and peak memory with jsonl.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path


def startup(repeat: int) -> tuple[float, float]:
    exe = shutil.which("minutes-extract") or str(Path(sys.executable).with_name("minutes-extract"))
    best_import = best_cli = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import minutes_extract"], check=True)
        best_import = min(best_import, time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run([exe, "--version"], check=True, capture_output=True)
        best_cli = min(best_cli, time.perf_counter() - t)
    return best_import, best_cli


def throughput(files: list[Path], repeat: int) -> tuple[float, float, int]:
    from minutes_extract import InputError, extract

    size = sum(f.stat().st_size for f in files)
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for f in files:
            try:
                extract(f)
            except InputError:
                pass
        best = min(best, time.perf_counter() - t)
    return size / 1024 / best, len(files) / best, size


def has_ruled_page(path: Path) -> bool:
    """Whether our reader sends any page of this PDF to pdfplumber for its tables."""
    import pypdfium2 as pdfium

    from minutes_extract.readers.pdf import _ruled

    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        return any(_ruled(page) for page in pdf)
    finally:
        pdf.close()


def pdf_pages_per_second(pdfs: list[Path], repeat: int) -> dict[str, float]:
    import pdfplumber
    import pypdfium2 as pdfium

    from minutes_extract.readers.pdf import read_pdf

    def ours(data: bytes) -> int:
        return len(read_pdf(data))  # includes pdfplumber on the pages that hold ruled tables

    def bare_pdfium(data: bytes) -> int:
        pdf = pdfium.PdfDocument(data)
        n = 0
        for page in pdf:
            page.get_textpage().get_text_range()
            n += 1
        pdf.close()
        return n

    def bare_pdfplumber(data: bytes) -> int:
        import io
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
            return len(pdf.pages)

    blobs = [p.read_bytes() for p in pdfs]
    out = {}
    runs = (("ours", ours, repeat), ("pypdfium2", bare_pdfium, repeat), ("pdfplumber", bare_pdfplumber, 1))
    for name, fn, reps in runs:
        best = float("inf")
        for _ in range(reps):
            t = time.perf_counter()
            pages = sum(fn(b) for b in blobs)
            best = min(best, time.perf_counter() - t)
        out[name] = pages / best
    return out


def _run_batch(args: list[str]) -> tuple[float, int]:
    """Runs the CLI in a wrapper process; returns seconds and the peak RSS (KB) of its largest process."""
    exe = shutil.which("minutes-extract") or str(Path(sys.executable).with_name("minutes-extract"))
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, exe, "batch", *args], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), int(out[1])


def batch_bench(archive: Path, copies: int) -> None:
    """The archive replicated to `copies` documents: docs/s with --jobs 1 and 2, and flat memory with jsonl."""
    import tempfile

    files = sorted(p for p in archive.glob("*") if p.is_file())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "archive"
        for k in range(copies):
            src = files[k % len(files)]
            dst = root / f"copy{k // len(files)}" / src.name
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
        small = Path(tmp) / "small"
        for p in sorted(root.rglob("*"))[:500 + 6]:
            if p.is_file():
                (small / p.relative_to(root)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(p, small / p.relative_to(root))
        n500 = sum(1 for p in small.rglob("*") if p.is_file())
        for jobs in (1, 2):
            secs, _ = _run_batch([str(root), "-o", str(Path(tmp) / f"out{jobs}"), "--jobs", str(jobs)])
            print(f"batch json, {copies} documents, --jobs {jobs}: {secs:.1f} s, {copies / secs:.1f} documents/s")
        for label, folder, n in (("500", small, n500), (str(copies), root, copies)):
            secs, rss = _run_batch([str(folder), "--format", "jsonl", "--jobs", "2"])
            print(f"batch jsonl, {n} documents: {secs:.1f} s, peak RSS {rss / 1024:.0f} MB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch", type=int, default=2000, metavar="N",
                    help="replicate the archive to N documents for the batch benchmark (0: skip)")
    args = ap.parse_args()
    imp, cli = startup(args.repeat)
    print(f"start-up: import {imp:.3f} s, 'minutes-extract --version' {cli:.3f} s")
    for name in ("dev/docs", "archive"):
        files = sorted(p for p in (args.corpus / name).glob("*") if p.is_file())
        if not files:
            print(f"{name}: not found under {args.corpus}")
            continue
        kbs, docs, size = throughput(files, args.repeat if name == "dev/docs" else 1)
        print(f"{name}: {len(files)} documents, {size / 1024:.0f} KB: {kbs:.0f} KB/s, "
              f"{docs:.1f} documents/s (one core)")
    pdfs = sorted((args.corpus / "dev" / "docs").glob("*.pdf")) + sorted((args.corpus / "extra").glob("*.pdf"))
    text_only = [p for p in pdfs if not has_ruled_page(p)]
    for label, files in (("text pages (PDFs without ruled tables)", text_only), ("all pages", pdfs)):
        if not files:
            continue
        rates = pdf_pages_per_second(files, args.repeat)
        print(f"PDF {label}, {len(files)} files, pages/s: " + ", ".join(f"{k} {v:.0f}" for k, v in rates.items()))
        print(f"  ours vs pdfplumber: {rates['ours'] / rates['pdfplumber']:.1f}x faster; "
              f"vs bare pypdfium2: {rates['pypdfium2'] / rates['ours']:.2f}x slower")
    if args.batch and (args.corpus / "archive").is_dir():
        batch_bench(args.corpus / "archive", args.batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
