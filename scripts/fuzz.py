#!/usr/bin/env python3
"""A long fuzz run: random bytes, minutes-like text, deep HTML, nested markdown brackets, mostly-UTF-8 text,
charset-declaring HTML, UTF-16 without a BOM, Word files with many paragraphs and mutated PDF/Word/text
documents, for a time budget. Every case must extract (schema-valid, within the time limit) or fail with a
clean InputError; one case in 50 is also run as a batch into a read-only or full output, which must end
with one line, exit 1 and no temporary file.

    .venv/bin/python scripts/fuzz.py --minutes 30 [--seed 1] [--out failures/]

Prints the number of cases tried and the failures found (each failing input is saved under --out).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from minutes_extract.fuzzing import check, check_output_fault, generate, seed_docx, seed_pdf


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=30.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    fixtures = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
    seeds = [seed_pdf(), seed_docx()] + [p.read_bytes() for p in sorted(fixtures.glob("*"))]
    deadline = time.monotonic() + args.minutes * 60
    cases = failures = 0
    while time.monotonic() < deadline:
        data = generate(rng, seeds)
        cases += 1
        problem = check(data)
        if not problem and rng.random() < 0.02:
            problem = check_output_fault(data, rng.choice(["read-only", "full"]))
        if problem:
            failures += 1
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"case-{cases}.bin").write_bytes(data)
            print(f"case {cases}: {problem}", flush=True)
        if cases % 500 == 0:
            print(f"{cases} cases, {failures} failures", flush=True)
    print(f"done: {cases} cases in {args.minutes:g} minutes, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
