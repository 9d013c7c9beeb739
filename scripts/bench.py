#!/usr/bin/env python3
"""Benchmark: start-up time, extraction throughput (KB/s, documents/s) and PDF reading speed.

    .venv/bin/python scripts/bench.py [--corpus ../shared/corpus] [--repeat 3]

Prints numbers; asserts nothing. Throughput is measured in one process after start-up, on the dev corpus
and on the archive; PDF pages/s compares our reader (pypdfium2 + header/footer and hyphen repair) with bare
pypdfium2 text extraction and bare pdfplumber extract_text() over the same files.
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


def pdf_pages_per_second(pdfs: list[Path], repeat: int) -> dict[str, float]:
    import pdfplumber
    import pypdfium2 as pdfium

    from minutes_extract.readers.pdf import read_pdf

    def ours(data: bytes) -> int:
        return len(read_pdf(data))

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
    for name, fn, reps in (("ours", ours, repeat), ("pypdfium2", bare_pdfium, repeat), ("pdfplumber", bare_pdfplumber, 1)):
        best = float("inf")
        for _ in range(reps):
            t = time.perf_counter()
            pages = sum(fn(b) for b in blobs)
            best = min(best, time.perf_counter() - t)
        out[name] = pages / best
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    imp, cli = startup(args.repeat)
    print(f"start-up: import {imp:.3f} s, 'minutes-extract --version' {cli:.3f} s")
    for name in ("dev/docs", "archive"):
        files = sorted(p for p in (args.corpus / name).glob("*") if p.is_file())
        if not files:
            print(f"{name}: not found under {args.corpus}")
            continue
        kbs, docs, size = throughput(files, args.repeat if name == "dev/docs" else 1)
        print(f"{name}: {len(files)} documents, {size / 1024:.0f} KB: {kbs:.0f} KB/s, {docs:.1f} documents/s (one core)")
    pdfs = sorted((args.corpus / "dev" / "docs").glob("*.pdf")) + sorted((args.corpus / "extra").glob("*.pdf"))
    if pdfs:
        rates = pdf_pages_per_second(pdfs, args.repeat)
        print(f"PDF pages/s over {len(pdfs)} files: " + ", ".join(f"{k} {v:.0f}" for k, v in rates.items()))
        print(f"  ours vs pdfplumber: {rates['ours'] / rates['pdfplumber']:.1f}x faster; "
              f"vs bare pypdfium2: {rates['pypdfium2'] / rates['ours']:.2f}x slower")
    return 0


if __name__ == "__main__":
    sys.exit(main())
