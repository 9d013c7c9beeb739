"""The compiled-pattern cache: patterns rebuilt from it behave as re.compile's, and a bad cache only costs time."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from minutes_extract import rx

PATTERNS = [(r"(?P<mover>[A-Z]\w+)\s+moved(?:,\s+(?P<seconder>[A-Z]\w+)\s+seconded)?", 0),
            (r"^\s*apologies\b", re.I | re.M), (r"£\s?\d[\d,]*(?:\.\d\d)?", 0)]
TEXT = "Apologies were received.\nSmith moved, Jones seconded: £1,250.00 for the hall."


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """rx as in a new process, its cache in a temporary folder."""
    monkeypatch.setenv("MINUTES_EXTRACT_CACHE", str(tmp_path))
    monkeypatch.setattr(rx, "_cached", None)
    monkeypatch.setattr(rx, "_used", {})
    monkeypatch.setattr(rx, "_missed", False)
    return tmp_path


def _new_process(monkeypatch):
    monkeypatch.setattr(rx, "_cached", None)
    monkeypatch.setattr(rx, "_used", {})
    monkeypatch.setattr(rx, "_missed", False)


def _behaviour(pattern: re.Pattern) -> tuple:
    found = [m.groupdict() or m.group() for m in pattern.finditer(TEXT)]
    return pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex), found


def test_patterns_from_the_cache_behave_as_re_compiles(fresh, monkeypatch):
    first = [rx.compile(p, f) for p, f in PATTERNS]
    assert rx._missed
    rx.save()
    assert len(list(fresh.glob("regex*.marshal"))) == 1
    _new_process(monkeypatch)
    again = [rx.compile(p, f) for p, f in PATTERNS]
    assert not rx._missed  # every pattern came from the file
    for (p, f), a, b in zip(PATTERNS, first, again):
        assert _behaviour(a) == _behaviour(b) == _behaviour(re.compile(p, f))
    assert _behaviour(again[0])[-1] == [{"mover": "Smith", "seconder": "Jones"}]


def test_a_run_using_fewer_patterns_keeps_the_others_in_the_file(fresh, monkeypatch):
    rx.compile(*PATTERNS[0])
    rx.save()
    _new_process(monkeypatch)
    rx.compile(*PATTERNS[1])  # another command, other patterns
    rx.save()
    _new_process(monkeypatch)
    rx.compile(*PATTERNS[0])
    rx.compile(*PATTERNS[1])
    assert not rx._missed


def test_a_corrupt_cache_file_is_compiled_afresh(fresh, monkeypatch):
    rx.compile(*PATTERNS[0])
    rx.save()
    cache = next(fresh.glob("regex*.marshal"))
    cache.write_bytes(b"\x00not marshal")
    _new_process(monkeypatch)
    assert _behaviour(rx.compile(*PATTERNS[0])) == _behaviour(re.compile(*PATTERNS[0]))
    assert rx._missed


def test_an_unwritable_cache_folder_is_ignored(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MINUTES_EXTRACT_CACHE", str(blocker / "cache"))
    _new_process(monkeypatch)
    pattern = rx.compile(*PATTERNS[1])
    rx.save()
    assert pattern.search(TEXT) and list(tmp_path.iterdir()) == [blocker]


def test_off_writes_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("MINUTES_EXTRACT_CACHE", "off")
    monkeypatch.chdir(tmp_path)
    _new_process(monkeypatch)
    rx.compile(*PATTERNS[2])
    rx.save()
    assert list(tmp_path.iterdir()) == []


def test_bad_patterns_raise_as_in_re():
    with pytest.raises(re.error):
        rx.compile(r"(unclosed")


_RUN = """
import hashlib, sys
from minutes_extract import extract, rx
extract(sys.argv[1])
print(hashlib.sha256(repr(sorted(rx._used)).encode()).hexdigest())
"""


def test_the_tools_patterns_are_the_same_in_every_process(tmp_path, fixtures):
    """Patterns built from sets must not depend on hash order, or the cache would miss in every run."""
    def patterns(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "MINUTES_EXTRACT_CACHE": str(tmp_path)}
        return subprocess.run([sys.executable, "-c", _RUN, str(fixtures / "owbc_csp_2017_10_16.txt")], env=env, capture_output=True,
                              text=True, check=True).stdout
    assert patterns("1") == patterns("2") == patterns("3")


def test_patterns_built_from_documents_stay_out_of_the_cache():
    """Once every reader and rule has run, more documents (other bodies, other names) add no pattern: a pattern
    made of a document's words goes to re, or the cache file would grow with every document of a batch."""
    from conftest import shared
    from minutes_extract import extract

    for doc in sorted(shared("dev", "docs").iterdir()):
        extract(doc)
    known = set(rx._used)
    for doc in sorted(shared("archive").iterdir())[::4]:
        extract(doc)
    assert set(rx._used) - known == set()


def _counting_reader(calls: list):
    def first_word(pattern: str, flags: int = 0) -> str:
        calls.append(pattern)
        return pattern.split("\\")[0].lower()
    return first_word


def test_a_remembered_reader_runs_once_per_pattern_across_processes(fresh, monkeypatch):
    calls = []
    read = rx.remembered(_counting_reader(calls))
    assert read(r"Apologies\s+received", re.I) == read(r"Apologies\s+received", re.I) == "apologies"
    assert len(calls) == 1
    rx.save()
    _new_process(monkeypatch)
    again = rx.remembered(_counting_reader(calls))
    assert again(r"Apologies\s+received", re.I) == "apologies" and len(calls) == 1  # from the file
    assert again(r"Resolved\s+that") == "resolved" and len(calls) == 2


def test_a_changed_reader_reads_afresh_and_its_old_results_leave_the_file(fresh, monkeypatch):
    calls = []
    rx.remembered(_counting_reader(calls))("Minutes")
    rx.save()
    _new_process(monkeypatch)
    monkeypatch.setattr(rx, "_readers", {})
    monkeypatch.setattr(rx, "_source_checksum", lambda module: 12345)  # the reader's module was edited
    assert rx.remembered(_counting_reader(calls))("Minutes") == "minutes" and len(calls) == 2
    rx.save()
    import marshal
    kept = marshal.loads(next(fresh.glob("regex*.marshal")).read_bytes())
    assert [key[1] for key in kept if len(key) == 4] == [12345]
