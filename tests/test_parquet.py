"""Parquet datasets from the process pool: one folder per table read back with DuckDB, counts equal to the JSON,
where each record came from, resume and the removal of rows a changed document left behind."""
import json
import shutil

import pytest
from click.testing import CliRunner

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
    assert sorted(p.name for p in pq.iterdir() if p.is_dir()) == sorted([*TABLES, "_manifest"])
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
