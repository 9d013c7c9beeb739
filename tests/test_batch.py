"""Batch conversion: mixed inputs with bad ones, every output format, resume, interruption, path safety."""
import csv
import json
import signal
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from minutes_extract.batch import discover, safe_output
from minutes_extract.cli import main


@pytest.fixture
def archive(tmp_path, fixtures):
    root = tmp_path / "in"
    (root / "2017").mkdir(parents=True)
    (root / "2024").mkdir()
    shutil.copy(fixtures / "owbc_csp_2017_10_16.txt", root / "2017" / "csp.txt")
    shutil.copy(fixtures / "owbc_csp_2017_10_16.txt", root / "2017" / "csp.md")  # same stem: must not collide
    shutil.copy(fixtures / "leics_scsb_2024_03.txt", root / "2024" / "board.txt")
    (root / "2024" / "broken.pdf").write_bytes(b"%PDF-1.7\n\x00\x01 truncated")
    (root / "2024" / "empty.txt").write_bytes(b"")
    (root / "2024" / "notes.png").write_bytes(b"\x89PNG")  # not a supported suffix: ignored
    return root


def batch(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args)])


def test_json_outputs_mirror_the_tree_and_bad_files_are_reported(archive, tmp_path):
    out = tmp_path / "out"
    result = batch(archive, "-o", out, "--jobs", "2")
    assert result.exit_code == 1  # some files failed
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == [
        "2017/csp.md.json", "2017/csp.txt.json", "2024/board.txt.json", "_summary.json"]
    summary = json.loads((out / "_summary.json").read_text())
    assert (summary["converted"], summary["failed"]) == (3, 2)
    assert {f["document"] for f in summary["failures"]} == {"2024/broken.pdf", "2024/empty.txt"}
    assert summary["actions"] == 13 + 13 + 1
    data = json.loads((out / "2017" / "csp.txt.json").read_text())
    assert data["meeting"]["date"] == "2017-10-16" and len(data["source"]["sha256"]) == 64


def test_resume_skips_unchanged_and_force_redoes(archive, tmp_path):
    out = tmp_path / "out"
    batch(archive / "2017", "-o", out)
    first = (out / "csp.txt.json").stat().st_mtime_ns
    result = batch(archive / "2017", "-o", out)
    assert result.exit_code == 0
    assert json.loads((out / "_summary.json").read_text())["skipped"] == 2
    assert (out / "csp.txt.json").stat().st_mtime_ns == first
    (archive / "2017" / "csp.md").write_text("1. ONE\n\nThe plan was approved.\n\n2. TWO\n\nSpend £5.\n")
    batch(archive / "2017", "-o", out)
    assert json.loads((out / "_summary.json").read_text())["converted"] == 1
    batch(archive / "2017", "-o", out, "--force")
    assert json.loads((out / "_summary.json").read_text())["converted"] == 2


def test_jsonl_streams_one_document_per_line(archive, fixtures):
    result = CliRunner().invoke(main, ["batch", str(archive / "2017"), str(archive / "2024" / "board.txt"),
                                       "--format", "jsonl"])
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert sorted(len(d["actions"]) for d in lines) == [1, 13, 13]


def test_csv_tables(archive, tmp_path):
    out = tmp_path / "tables"
    batch(archive, "--format", "csv", "-o", out, "--excel")
    assert sorted(p.name for p in out.glob("*.csv")) == ["actions.csv", "amounts.csv", "attendees.csv", "dates.csv",
                                                           "decisions.csv", "declarations.csv", "documents.csv",
                                                           "items.csv", "votes.csv"]
    raw = (out / "actions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM for Excel
    with (out / "actions.csv").open(encoding="utf-8-sig", newline="") as fh:
        actions = list(csv.DictReader(fh))
    assert list(actions[0])[:5] == ["doc_id", "seq", "item", "text", "owners"]
    jag = [a for a in actions if a["doc_id"] == "2017/csp.txt" and a["due"]]
    assert [(a["item"], a["owners"], a["due"], a["line"]) for a in jag] == [("28", "K J Loydall", "2017-11-06", "77")]  # line 77 of the file


def test_sqlite_archive_with_cross_document_queries_and_in_place_updates(archive, tmp_path):
    db = tmp_path / "minutes.sqlite"
    assert batch(archive, "--format", "sqlite", "-o", db).exit_code == 1
    con = sqlite3.connect(db)
    owned = con.execute("SELECT doc_id, text FROM actions WHERE owners LIKE '%M Cawley%' ORDER BY doc_id, seq").fetchall()
    assert len(owned) == 8 and {d for d, _ in owned} == {"2017/csp.txt", "2017/csp.md"}
    hits = con.execute("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'defibrillator'").fetchone()
    assert hits == (2,)
    assert con.execute("PRAGMA foreign_key_list(actions)").fetchone()[2] == "documents"
    con.close()
    (archive / "2017" / "csp.md").write_text("1. ONE\n\nThe plan was approved.\n\n2. TWO\n\nMS to send the plan.\n")
    batch(archive / "2017", "--format", "sqlite", "-o", db)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM actions WHERE doc_id = 'csp.md'").fetchone() == (0,)  # new id root
    assert con.execute("SELECT count(*) FROM items WHERE doc_id = 'csp.md'").fetchone() == (2,)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (5,)


def test_output_paths_stay_inside_the_output_folder(tmp_path):
    out = tmp_path / "out"
    assert safe_output(out, "../../etc/passwd", ".json") == out / "etc" / "passwd.json"
    assert safe_output(out, "/abs/path/x.pdf", ".json") == out / "abs" / "path" / "x.pdf.json"
    jobs = discover([str(tmp_path / "nothing-here")])
    assert jobs and jobs[0].doc_id == "nothing-here"


def test_interrupted_run_leaves_no_partial_file(tmp_path, fixtures):
    src = tmp_path / "many"
    src.mkdir()
    for k in range(400):
        shutil.copy(fixtures / "owbc_csp_2017_10_16.txt", src / f"m{k:03}.txt")
    out = tmp_path / "out"
    exe = shutil.which("minutes-extract") or str(Path(sys.executable).with_name("minutes-extract"))
    proc = subprocess.Popen([exe, "batch", str(src), "-o", str(out), "--jobs", "2"], stderr=subprocess.PIPE,
                            stdout=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 30
    while time.time() < deadline and len(list(out.glob("*.json"))) < 20:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    import os
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=180)
    assert proc.returncode in (130, 1, -signal.SIGINT)
    outputs = list(out.glob("*.json"))
    assert 0 < len([p for p in outputs if p.name != "_summary.json"]) < 400
    assert not list(out.glob(".*tmp"))  # nothing half-written
    for p in outputs:
        json.loads(p.read_text())


# --- trust (issue 12) ----------------------------------------------------------------------------------------

def test_same_file_names_in_a_glob_keep_their_folders_in_every_format(tmp_path, fixtures):
    for year, name in (("2019", "owbc_csp_2017_10_16.txt"), ("2020", "leics_scsb_2024_03.txt")):
        (tmp_path / "dup" / year).mkdir(parents=True)
        shutil.copy(fixtures / name, tmp_path / "dup" / year / "minutes.md")
    pattern = str(tmp_path / "dup" / "**" / "*.md")
    out = tmp_path / "out"
    assert batch(pattern, "-o", out).exit_code == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == [
        "2019/minutes.md.json", "2020/minutes.md.json", "_summary.json"]
    batch(pattern, "--format", "sqlite", "-o", tmp_path / "m.sqlite")
    ids = sqlite3.connect(tmp_path / "m.sqlite").execute("SELECT doc_id FROM documents ORDER BY 1").fetchall()
    assert ids == [("2019/minutes.md",), ("2020/minutes.md",)]
    batch(pattern, "--format", "csv", "-o", tmp_path / "tables")
    with (tmp_path / "tables" / "documents.csv").open(newline="") as fh:
        assert sorted(r["doc_id"] for r in csv.DictReader(fh)) == ["2019/minutes.md", "2020/minutes.md"]
    jobs = discover([str(tmp_path / "dup" / "2019"), str(tmp_path / "dup" / "2020")])
    assert [j.doc_id for j in jobs] == ["minutes.md", "minutes~2.md"]  # two folders' files stay apart too


def test_resume_converts_again_when_the_options_change(archive, tmp_path):
    out = tmp_path / "out"
    batch(archive / "2017", "-o", out)
    assert batch(archive / "2017", "-o", out, "--format-in", "txt").exit_code == 0
    summary = json.loads((out / "_summary.json").read_text())
    assert (summary["converted"], summary["skipped"]) == (1, 1)  # csp.txt was read as txt already
    assert json.loads((out / "csp.md.json").read_text())["source"]["format"] == "txt"
    result = batch(archive / "2017", "-o", out, "--format-in", "txt", "--max-chars", "1000")
    assert json.loads((out / "_summary.json").read_text())["failed"] == 2 and result.exit_code == 1
    db = tmp_path / "m.sqlite"
    batch(archive / "2017", "--format", "sqlite", "-o", db)
    batch(archive / "2017", "--format", "sqlite", "-o", db, "--format-in", "txt")
    assert sqlite3.connect(db).execute("SELECT DISTINCT format FROM documents").fetchall() == [("txt",)]


def test_input_symlinks_leading_outside_are_skipped_unless_followed(tmp_path, fixtures):
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(fixtures / "leics_scsb_2024_03.txt", root / "board.txt")
    secret = tmp_path / "secret.txt"
    shutil.copy(fixtures / "owbc_csp_2017_10_16.txt", secret)
    (root / "link.txt").symlink_to(secret)
    result = batch(root, "--format", "jsonl")
    assert "skipped" in result.stderr and "link.txt" in result.stderr and "--follow-symlinks" in result.stderr
    assert len(result.stdout.splitlines()) == 1
    assert len(batch(root, "--format", "jsonl", "--follow-symlinks").stdout.splitlines()) == 2


def test_file_names_are_escaped_in_the_log(tmp_path, fixtures):
    root = tmp_path / "in"
    root.mkdir()
    (root / "evil\x1b[31m\nname.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = batch(root, "-o", tmp_path / "out")
    assert "\x1b" not in result.stderr and "evil\\x1b[31m\\nname.txt" in result.stderr


def test_excel_csv_neutralises_formulas(tmp_path):
    from minutes_extract.batch_sinks import excel_safe

    root = tmp_path / "in"
    root.mkdir()
    for name in ("=HYPERLINK(1).txt", "@SUM(A1).txt"):
        (root / name).write_text("1. ONE\n\nSpend £5.\n\n2. TWO\n\nNoted.\n")
    batch(root, "--format", "csv", "-o", tmp_path / "t", "--excel")
    with (tmp_path / "t" / "items.csv").open(encoding="utf-8-sig", newline="") as fh:
        ids = sorted({r["doc_id"] for r in csv.DictReader(fh)})
    assert ids == ["'=HYPERLINK(1).txt", "'@SUM(A1).txt"]
    assert [excel_safe(v) for v in ("-5", "+44 1234", "\tx", "plain", 3)] == ["-5", "'+44 1234", "'\tx", "plain", 3]


def test_jobs_are_capped_with_a_message(archive, tmp_path):
    from minutes_extract.batch import MAX_JOBS_PER_CORE, default_jobs

    result = batch(archive / "2017", "-o", tmp_path / "out", "--jobs", "5000")
    assert f"using {MAX_JOBS_PER_CORE * default_jobs()}" in result.stderr and result.exit_code == 0


def test_ctrl_c_with_a_slow_file_stops_within_seconds_and_counts_what_was_done(tmp_path, fixtures):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(fixtures / "leics_scsb_2024_03.txt", src / "a.txt")
    (src / "b.txt").write_text("".join(f"{i}. ITEM {i}\n\nThe Clerk will send £{i}.00 to Cllr Smith by 6 March "
                                       f"2023.\n" for i in range(60000)))  # over a minute of work
    out = tmp_path / "out"
    exe = shutil.which("minutes-extract") or str(Path(sys.executable).with_name("minutes-extract"))
    proc = subprocess.Popen([exe, "batch", str(src), "-o", str(out), "--jobs", "1"], stderr=subprocess.PIPE,
                            stdout=subprocess.PIPE, start_new_session=True, text=True)
    deadline = time.time() + 30
    while time.time() < deadline and not (out / "a.txt.json").exists():
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    stopped = time.time()
    _, err = proc.communicate(timeout=30)
    assert time.time() - stopped < 10 and proc.returncode == 130
    assert "stopping" in err and "Traceback" not in err
    summary = json.loads((out / "_summary.json").read_text())
    assert summary["converted"] == 1 and not list(out.glob(".*tmp"))
