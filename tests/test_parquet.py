"""Parquet datasets from the process pool: one folder per table read back with DuckDB, counts equal to the JSON,
where each record came from, resume and the removal of rows a changed document left behind; the people of the
dataset equal to the SQLite archive's."""
import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import shared

from minutes_extract.cli import main
from minutes_extract.tables import TABLES

pytest.importorskip("pyarrow")
duckdb = pytest.importorskip("duckdb")


def batch(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args)])


def count(out, table, where="true"):
    return duckdb.execute(f"select count(*) from '{out}/{table}/*.parquet' where {where}").fetchone()[0]


@pytest.fixture
def minutes(tmp_path, fixtures):
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(fixtures / "owbc_csp_2017_10_16.txt", root / "csp.txt")
    shutil.copy(fixtures / "leics_scsb_2024_03.txt", root / "board.txt")
    (root / "empty.txt").write_bytes(b"")
    return root


def test_tables_read_back_with_duckdb_equal_the_json(minutes, tmp_path):
    assert batch(minutes, "-o", tmp_path / "json").exit_code == 1  # empty.txt fails, the rest go on
    assert batch(minutes, "-o", tmp_path / "pq", "--format", "parquet").exit_code == 1
    docs = [json.loads(p.read_text()) for p in (tmp_path / "json").glob("*.txt.json")]
    pq = tmp_path / "pq"
    folders = sorted(p.name for p in pq.iterdir() if p.is_dir())
    assert folders == sorted([*TABLES, "_manifest", "people", "person_links"])
    assert count(pq, "documents") == len(docs) == 2
    for table in ("items", "attendees", "actions", "decisions", "declarations", "amounts", "dates"):
        assert count(pq, table) == sum(len(d[table]) for d in docs), table
    assert count(pq, "votes") == 0  # no roll calls in these minutes: an empty shard keeps the table readable
    row = duckdb.execute(f"select item, owners, due, line, page, rule, span_end - span_start from "
                         f"'{pq}/actions/*.parquet' where doc_id = 'csp.txt' and due is not null").fetchall()
    assert [r[:4] for r in row] == [("28", "K J Loydall", "2017-11-06", 77)]
    assert row[0][4] is None and row[0][5].startswith("action.") and row[0][6] > 10
    assert json.loads((pq / "_summary.json").read_text())["failed"] == 1


def test_resume_skips_unchanged_and_a_changed_document_leaves_no_old_rows(minutes, tmp_path):
    pq = tmp_path / "pq"
    batch(minutes, "-o", pq, "--format", "parquet")
    before = count(pq, "items", "doc_id = 'csp.txt'")
    batch(minutes, "-o", pq, "--format", "parquet")
    assert json.loads((pq / "_summary.json").read_text())["skipped"] == 2
    (minutes / "csp.txt").write_text("1. ONE\n\nThe plan was approved.\n\n2. TWO\n\nMS to send the plan.\n")
    batch(minutes, "-o", pq, "--format", "parquet")
    assert json.loads((pq / "_summary.json").read_text())["converted"] == 1
    assert before > 2 and count(pq, "items", "doc_id = 'csp.txt'") == 2
    assert count(pq, "documents") == 2
    assert len(list((pq / "_manifest").glob("*.jsonl"))) == 1  # compacted
    batch(minutes, "-o", pq, "--format", "parquet", "--force")
    assert count(pq, "documents") == 2 and count(pq, "items", "doc_id = 'csp.txt'") == 2


NORTHWOLD = ["2010_06_northwold-parish-council-meeting.md", "2010_08_northwold-parish-council-meeting-2.md",
             "2010_09_northwold-parish-council-meeting-3.md", "2010_10_northwold-parish-council-2.md"]


def test_people_equal_the_sqlite_archives_and_survive_a_resume(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in NORTHWOLD:
        shutil.copyfile(shared("archive", name), src / name)
    db, pq = tmp_path / "archive.sqlite", tmp_path / "pq"
    assert batch(src, "-o", db, "--format", "sqlite", "-j", "1").exit_code == 0
    assert batch(src, "-o", pq, "--format", "parquet", "-j", "1").exit_code == 0
    columns = "name, body_key, surname, given, cast(documents as integer), forms, ambiguous_with, person_id"
    expected = sorted(sqlite3.connect(db).execute(f"select {columns} from people").fetchall(), key=str)
    people = sorted(duckdb.execute(f"select {columns} from '{pq}/people/*.parquet'").fetchall(), key=str)
    assert len(people) >= 10 and people == expected
    assert {p[1] for p in people} == {"northwold parish council"}
    assert ("M Peake", "northwold parish council", "peake", "m", 4) in {p[:5] for p in people}

    present = ("select a.doc_id, p.name from '{pq}/attendees/*.parquet' a join '{pq}/person_links/*.parquet' l "
               "on l.table = 'attendees' and l.doc_id = a.doc_id and l.seq = a.seq "
               "join '{pq}/people/*.parquet' p using (person_id) where a.status = 'present' order by 1, 2")
    joined = duckdb.execute(present.format(pq=pq)).fetchall()
    assert joined == sqlite3.connect(db).execute(
        "select a.doc_id, p.name from attendees a join people p using (person_id) "
        "where a.status = 'present' order by 1, 2").fetchall()
    assert ("2010_09_northwold-parish-council-meeting-3.md", "M Peake") in joined

    links = duckdb.execute(f"select * from '{pq}/person_links/*.parquet' order by all").fetchall()
    assert batch(src, "-o", pq, "--format", "parquet", "-j", "1").exit_code == 0
    assert json.loads((pq / "_summary.json").read_text())["skipped"] == len(NORTHWOLD)
    assert sorted(duckdb.execute(f"select {columns} from '{pq}/people/*.parquet'").fetchall(), key=str) == people
    assert duckdb.execute(f"select * from '{pq}/person_links/*.parquet' order by all").fetchall() == links
