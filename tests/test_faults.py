"""Fault injection on the output side: a full disk, a read-only or unreachable folder, a locked database.
Each ends a batch with one line on stderr and exit 1; every document finished before the fault keeps its
output whole, and no temporary file is left behind."""
import errno
import json
import os
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from minutes_extract import export, sqlite_store
from minutes_extract.cli import main


@pytest.fixture
def inputs(tmp_path, fixtures):
    root = tmp_path / "in"
    root.mkdir()
    for name in ("a", "b", "c", "d"):
        shutil.copy(fixtures / "leics_scsb_2024_03.txt", root / f"{name}.txt")
    return root


def run(*args):
    return CliRunner().invoke(main, [*map(str, args)])


def one_line(result) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("minutes-extract:")]
    assert len(lines) == 1 and "Traceback" not in result.stderr and result.exception is None or \
        isinstance(result.exception, SystemExit)
    return lines[0]


def no_tmp(folder) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def full_disk(allowed=()):
    """A replacement for export._open: files whose name starts with one of `allowed` are written, the rest
    fail with ENOSPC after a few bytes, as on a disk that fills up."""
    class Full:
        def __init__(self, fd, name):
            self.raw, self.name = os.fdopen(fd, "w"), name

        def write(self, text):
            if self.name.startswith(allowed):
                return self.raw.write(text)
            self.raw.write(text[:7])
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            self.raw.close()

    def fake_open(fd, encoding):
        return Full(fd, os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).lstrip("."))
    return fake_open


def test_disk_full_mid_batch_stops_with_one_line_and_keeps_finished_outputs(inputs, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "_open", full_disk(allowed=("a.txt", "b.txt")))
    out = tmp_path / "out"
    result = run("batch", inputs, "-o", out, "--jobs", "1")
    assert result.exit_code == 1
    assert "No space left on device" in one_line(result)
    assert json.loads((out / "a.txt.json").read_text())["source"]["sha256"]
    assert json.loads((out / "b.txt.json").read_text())["source"]["sha256"]
    assert not (out / "c.txt.json").exists() and no_tmp(out)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_disk_full_for_tables_and_streams(inputs, tmp_path, monkeypatch, fmt):
    out = tmp_path / "out"
    run("batch", inputs, "--format", fmt, "-o", out / "x.jsonl" if fmt == "jsonl" else out)
    before = {p: p.read_bytes() for p in out.rglob("*")}
    monkeypatch.setattr(export, "_open", full_disk())
    result = run("batch", inputs, "--format", fmt, "-o", out / "x.jsonl" if fmt == "jsonl" else out)
    assert result.exit_code == 1 and "No space left on device" in one_line(result)
    assert {p: p.read_bytes() for p in out.rglob("*")} == before  # the last good tables are untouched
    assert no_tmp(out)


@pytest.mark.parametrize("fmt", ["json", "csv", "jsonl", "sqlite"])
def test_read_only_output_is_one_line(inputs, tmp_path, monkeypatch, fmt):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(export.tempfile, "mkstemp", read_only)
    target = {"jsonl": out / "x.jsonl", "sqlite": "/proc/minutes.sqlite"}.get(fmt, out)
    result = run("batch", inputs, "--format", fmt, "-o", target, "--jobs", "1")
    assert result.exit_code == 1
    line = one_line(result)
    assert "Read-only file system" in line or "unable to open database file" in line
    assert list(out.iterdir()) == []


def test_unreachable_output_folder_is_one_line(inputs):
    result = run("batch", inputs, "-o", "/proc/no/such/out")
    assert result.exit_code == 1 and "cannot write /proc/no/such/out" in one_line(result)


def test_locked_database_waits_then_says_so_and_keeps_the_old_rows(inputs, tmp_path, monkeypatch):
    db = tmp_path / "m.sqlite"
    assert run("batch", inputs, "--format", "sqlite", "-o", db).exit_code == 0
    monkeypatch.setattr(sqlite_store, "LOCK_TIMEOUT", 0.3)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run("batch", inputs, "--format", "sqlite", "-o", db, "--force")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1 and "database is locked by another program" in one_line(result)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone() == (4,)


def test_output_that_is_a_file_or_not_a_database(inputs, tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("keep me")
    for fmt in ("json", "csv"):
        result = run("batch", inputs, "--format", fmt, "-o", afile)
        assert result.exit_code == 1 and "is a file, not a folder" in one_line(result)
    result = run("batch", inputs, "--format", "sqlite", "-o", afile)
    assert result.exit_code == 1 and "not a SQLite database" in one_line(result)
    result = run("batch", inputs, "--format", "jsonl", "-o", tmp_path)
    assert result.exit_code == 1 and "is a folder" in one_line(result)
    assert afile.read_text() == "keep me"


def test_symlink_in_the_output_tree_fails_that_document_only(inputs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (inputs / "sub").mkdir()
    shutil.copy(inputs / "a.txt", inputs / "sub" / "e.txt")
    (out / "sub").symlink_to(elsewhere)
    result = run("batch", inputs, "-o", out)
    assert result.exit_code == 1
    summary = json.loads((out / "_summary.json").read_text())
    assert summary["converted"] == 4 and [f["document"] for f in summary["failures"]] == ["sub/e.txt"]
    assert "leads outside the output folder" in summary["failures"][0]["reason"]
    assert list(elsewhere.iterdir()) == []
