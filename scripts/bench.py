#!/usr/bin/env python3
"""Benchmark: one row per measure of issue 13, each with a ratio to a reference measured in the same run.

    nice .venv/bin/python scripts/bench.py [--quick] [--corpus ../shared/corpus] [--repeat 3] [--check]

Rows: start-up vs `python -c pass`; one small text file end to end; the archive in one process (KB/s and
documents/s); PDF pages/s of our reader vs bare pypdfium2, on PDFs without and with ruled tables; one big
document vs one a tenth of its size (the cost ratio: linear is 10, the bar is 11; and peak RSS); batch
--jobs 2 vs --jobs 1. Times are CPU seconds (`time.process_time`, or the child's rusage) where one core
does the work, since other processes share the machine; wall seconds are printed beside them. --quick
shrinks every workload (a 2 MB document instead of 20 MB, a part of the archive, a small batch).
--check exits 1 when the scaling ratio is over the bar. --limits measures instead the README's table of peak
memory and time for inputs at the size limits (a few minutes).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCALING_BAR = 11.0
_CHILD = """
import resource, subprocess, sys, time
r0, t = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
wall, r1 = time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime, r1.ru_maxrss)
"""


def _exe() -> str:
    return shutil.which("minutes-extract") or str(Path(sys.executable).with_name("minutes-extract"))


def run_child(argv: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Runs a command in a fresh process (`env`: variables to add): its wall seconds, CPU seconds and peak RSS
    in KB."""
    out = subprocess.run([sys.executable, "-c", _CHILD, *argv], capture_output=True, text=True, check=True,
                         env={**os.environ, **(env or {})}).stdout
    wall, cpu, rss = out.split()
    return float(wall), float(cpu), int(rss)


def best_child(argv: list[str], repeat: int) -> tuple[float, float]:
    runs = [run_child(argv)[:2] for _ in range(repeat)]
    return min(w for w, _ in runs), min(c for _, c in runs)


def row(name: str, value: str, ratio: str = "") -> None:
    print(f"{name:<54} {value:<48} {ratio}".rstrip())


def startup_rows(repeat: int, small: Path) -> None:
    """Start-up as an installed tool has it: the package's bytecode compiled (pip does so on install) and the
    compiled-pattern cache (rx.py) filled by an earlier run; the first run of an installation is shown apart."""
    import compileall

    import minutes_extract

    compileall.compile_dir(Path(minutes_extract.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as empty:
        cold = [run_child([_exe(), str(small)], {"MINUTES_EXTRACT_CACHE": f"{empty}/{k}"})[1] for k in range(repeat)]
    ref_wall, ref_cpu = best_child([sys.executable, "-c", "pass"], repeat)
    row("python -c pass (reference)", f"{ref_cpu * 1000:.0f} ms CPU, {ref_wall * 1000:.0f} ms wall")
    wall, cpu = best_child([_exe(), "--version"], repeat)
    row("minutes-extract --version", f"{cpu * 1000:.0f} ms CPU, {wall * 1000:.0f} ms wall",
        f"{cpu / ref_cpu:.1f}x python -c pass")
    wall, cpu = best_child([_exe(), str(small)], repeat)
    row(f"one small text file ({small.stat().st_size // 1024} KB) end to end",
        f"{cpu * 1000:.0f} ms CPU, {wall * 1000:.0f} ms wall", f"{cpu / ref_cpu:.1f}x python -c pass")
    row("  the same, first run after install (no pattern cache)", f"{min(cold) * 1000:.0f} ms CPU")


def archive_row(files: list[Path], repeat: int) -> None:
    """extract() over the archive in this process, rule tables warm (one document first): the best of
    `repeat` passes."""
    from minutes_extract import InputError, extract

    def one_pass() -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        for f in files:
            try:
                extract(f)
            except InputError:
                pass
        return time.perf_counter() - wall, time.process_time() - cpu

    extract(files[0])
    size = sum(f.stat().st_size for f in files)
    wall, cpu = min((one_pass() for _ in range(repeat)), key=lambda run: run[1])
    row(f"archive in-process ({len(files)} docs, {size / 1024:.0f} KB)",
        f"{size / 1024 / cpu:.0f} KB/s, {len(files) / cpu:.0f} docs/s CPU",
        f"wall: {size / 1024 / wall:.0f} KB/s, {len(files) / wall:.0f} docs/s")


def ruled_pages(data: bytes) -> list[int]:
    """The pages our reader looks for ruled tables on."""
    import pypdfium2 as pdfium

    from minutes_extract.readers.pdf import _ruled

    pdf = pdfium.PdfDocument(data)
    try:
        return [i for i, page in enumerate(pdf) if _ruled(page)]
    finally:
        pdf.close()


def _bare_pdfium(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    n = 0
    for page in pdf:
        page.get_textpage().get_text_range()
        n += 1
    pdf.close()
    return n


def pdf_rows(blobs: dict[str, list[bytes]], repeat: int) -> None:
    from minutes_extract.readers.pdf import _with_tables, read_pdf

    for blob in blobs["ruled"][:1]:
        _with_tables(blob, ruled_pages(blob))  # the first ruled page imports the table code: not timed
    for label, files in (("text-only PDF pages", blobs["text"]), ("PDF pages, files with ruled tables",
                                                                   blobs["ruled"])):
        if not files:
            continue
        rates = {}
        for name, fn in (("ours", lambda b: len(read_pdf(b))), ("pypdfium2", _bare_pdfium)):
            best = float("inf")
            for _ in range(repeat):
                cpu = time.process_time()
                pages = sum(fn(b) for b in files)
                best = min(best, time.process_time() - cpu)
            rates[name] = pages / best
        row(f"{label} ({len(files)} files, {pages} pages)", f"{rates['ours']:.0f} pages/s CPU",
            f"{rates['ours'] / rates['pypdfium2']:.2f}x bare pypdfium2 ({rates['pypdfium2']:.0f} pages/s)")
    tables = [(b, ruled_pages(b)) for b in blobs["ruled"]]
    n = sum(len(p) for _, p in tables)
    if n:
        best = float("inf")
        for _ in range(repeat):
            cpu = time.process_time()
            for blob, pages in tables:
                _with_tables(blob, pages)
            best = min(best, time.process_time() - cpu)
        row(f"  of which the ruled-table pass ({n} pages)", f"{n / best:.0f} pages/s CPU")


_BIG = """
import resource, sys, time
from pathlib import Path
from minutes_extract import extract
text = Path(sys.argv[1]).read_text(encoding="utf-8")
cpu = time.process_time()
extract(text=text)
print(time.process_time() - cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def scaling_row(archive: Path, big_mb: float, repeat: int) -> float:
    """cost(big) / cost(big / 10) for one document made of archive minutes repeated: the best of `repeat` runs
    of each, taken in turn (the host's speed drifts, and drift only adds time); the ratio."""
    costs: dict[float, list[tuple[float, int]]] = {big_mb / 10: [], big_mb: []}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {mb: Path(tmp) / f"{mb}.txt" for mb in costs}
        for mb, path in paths.items():
            path.write_text(_archive_text(archive, int(mb * 1e6)), encoding="utf-8")
        for _ in range(repeat):
            for mb, path in paths.items():
                out = subprocess.run([sys.executable, "-c", _BIG, str(path)], capture_output=True, text=True,
                                     check=True).stdout.split()
                costs[mb].append((float(out[0]), int(out[1])))
    for mb, runs in costs.items():
        row(f"one {mb:g} MB document (archive minutes repeated)",
            f"{min(c for c, _ in runs):.1f} s CPU, peak RSS {max(r for _, r in runs) / 1024:.0f} MB")
    ratio = min(c for c, _ in costs[big_mb]) / min(c for c, _ in costs[big_mb / 10])
    row(f"  cost({big_mb:g} MB) / cost({big_mb / 10:g} MB)", f"{ratio:.1f}",
        f"bar <= {SCALING_BAR:g}: {'ok' if ratio <= SCALING_BAR else 'OVER (super-linear)'}")
    return ratio


def batch_rows(archive: Path, copies: int, repeat: int) -> None:
    """The archive replicated to `copies` documents: wall time with --jobs 1 and 2 (the best of `repeat` runs of
    each, taken in turn), the speed-up."""
    files = sorted(p for p in archive.glob("*") if p.is_file())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "in"
        for k in range(copies):
            dst = root / f"copy{k // len(files)}" / files[k % len(files)].name
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(files[k % len(files)], dst)
        runs: dict[int, list[tuple[float, float, int]]] = {1: [], 2: []}
        for _ in range(repeat):
            for jobs, done in runs.items():
                out = Path(tmp) / f"out{jobs}"
                shutil.rmtree(out, ignore_errors=True)
                done.append(run_child([_exe(), "batch", str(root), "-o", str(out), "--jobs", str(jobs)]))
        walls = {}
        for jobs, done in runs.items():
            walls[jobs], cpu, rss = min(done)
            row(f"batch --jobs {jobs} ({copies} files)", f"{walls[jobs]:.1f} s wall, {cpu:.1f} s CPU, "
                f"peak RSS {rss / 1024:.0f} MB", f"{copies / walls[jobs]:.0f} docs/s wall")
        row("  --jobs 2 vs --jobs 1", f"{walls[1] / walls[2]:.2f}x faster (wall, the best of {repeat} runs each)")


def _archive_text(archive: Path, size: int) -> str:
    """Real parish minutes, one after another, cut to `size` characters."""
    files = sorted(p for p in archive.glob("*") if p.is_file())[:60]
    base = "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
    return ("\n\n".join([base] * (size // len(base) + 1)))[:size]


def _dense_text(size: int) -> str:
    """Numbered items of five records each (a decision with an amount and a date, an action): the most records
    per character that minutes give."""
    parts, length, n = [], 0, 0
    while length < size:
        n += 1
        parts.append(f"{n}. Item {n}\nResolved that £{n}.00 be paid to the Clerk on 1 May 2023.\n"
                     f"ACTION: Clerk to write to Mr Smith by 2 June 2023.\n\n")
        length += len(parts[-1])
    return "".join(parts)[:size]


def _long_pdf(lines: list[str], pages: int, per_page: int) -> bytes:
    """A text PDF of `pages` pages of `per_page` lines each, the lines taken in turn (reportlab, a test extra)."""
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    k = 0
    for _ in range(pages):
        for y in range(800, 800 - 25 * per_page, -25):
            c.drawString(50, y, lines[k % len(lines)][:90])
            k += 1
        c.showPage()
    c.save()
    return buf.getvalue()


def limits_rows(archive: Path, fixtures: Path) -> None:
    """Peak memory and CPU of one `minutes-extract` process on a real file and on inputs at the limits."""
    with tempfile.TemporaryDirectory() as tmp:
        inputs = {"22 KB text file (a committee's minutes)": fixtures / "owbc_csp_2017_10_16.txt"}
        for label, name, data in (
                ("9.9 MB text, real minutes repeated (under --max-chars)", "real.txt",
                 _archive_text(archive, 9_900_000).encode()),
                ("9.9 MB text, numbered items of five records each", "dense.txt", _dense_text(9_900_000).encode()),
                ("1,999-page PDF, 30 lines a page (under --max-pages)", "long.pdf",
                 _long_pdf(_archive_text(archive, 3_000_000).splitlines(), 1999, 30))):
            inputs[label] = Path(tmp) / name
            inputs[label].write_bytes(data)
        for label, path in inputs.items():
            wall, cpu, rss = run_child([_exe(), str(path), "--timeout", "0", "-o", str(Path(tmp) / "out.json")])
            row(label, f"peak RSS {rss / 1024:.0f} MB, {cpu:.1f} s CPU, {wall:.1f} s wall")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    ap.add_argument("--quick", action="store_true", help="small workloads: a minute or so")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--check", action="store_true", help=f"exit 1 if the scaling ratio is over {SCALING_BAR:g}")
    ap.add_argument("--limits", action="store_true", help="only the peak memory and time of inputs at the limits")
    args = ap.parse_args()
    fixtures = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
    if args.limits:
        limits_rows(args.corpus / "archive", fixtures)
        return 0
    repeat = 1 if args.quick else args.repeat
    archive = args.corpus / "archive"
    startup_rows(max(repeat, 3), fixtures / "leics_scsb_2024_03.txt")
    files = sorted(p for p in archive.glob("*") if p.is_file())
    if not files:
        print(f"no archive under {args.corpus}: only start-up measured")
        return 0
    archive_row(files[:100] if args.quick else files, 1 if args.quick else 2)
    blobs: dict[str, list[bytes]] = {"text": [], "ruled": []}
    for p in sorted((args.corpus / "dev" / "docs").glob("*.pdf")) + sorted((args.corpus / "extra").glob("*.pdf")):
        data = p.read_bytes()
        blobs["ruled" if ruled_pages(data) else "text"].append(data)
    pdf_rows(blobs, max(repeat, 3))  # each pass is a fraction of a second
    ratio = scaling_row(archive, 2.0 if args.quick else 20.0, 1 if args.quick else 2)
    batch_rows(archive, 150 if args.quick else 5 * len(files), 1 if args.quick else 2)
    return 1 if args.check and ratio > SCALING_BAR else 0


if __name__ == "__main__":
    sys.exit(main())
