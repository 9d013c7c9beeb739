"""Extraction cost grows linearly with the document: ten times the text costs at most 11 times the CPU.

About 30-40 s of CPU, so it runs only when MINUTES_EXTRACT_SCALING=1 (`scripts/bench.py --check` measures the
same ratio at 2 MB and 20 MB). Measured 9.5-11.2 on this machine: at the bar, so not yet a CI guard (issue 13)."""
import os
import time

import pytest

from conftest import shared
from minutes_extract import extract

pytestmark = pytest.mark.skipif(os.environ.get("MINUTES_EXTRACT_SCALING") != "1",
                                reason="set MINUTES_EXTRACT_SCALING=1 to run the scaling check")


def _minutes(size: int) -> str:
    """Real parish minutes, one after another, cut to `size` characters."""
    files = sorted(p for p in shared("archive").glob("*") if p.is_file())[:60]
    base = "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
    return ("\n\n".join([base] * (size // len(base) + 1)))[:size]


def _cpu(text: str) -> float:
    start = time.process_time()
    extract(text)
    return time.process_time() - start


def test_ten_times_the_text_costs_at_most_eleven_times_the_cpu():
    small, big = _minutes(1_000_000), _minutes(10_000_000)
    _cpu(small[:50_000])  # rule tables compiled, caches warm
    runs = [(_cpu(small), _cpu(big)) for _ in range(2)]  # in turn, the best of each: drift only adds time
    ratio = min(b for _, b in runs) / min(s for s, _ in runs)
    assert ratio <= 11, f"10 MB costs {ratio:.1f}x 1 MB: a pass is super-linear"
