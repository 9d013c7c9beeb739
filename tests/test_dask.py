"""The Dask engine: same outputs as the process pool (JSON byte for byte, Parquet row for row), a worker killed
mid-run loses and duplicates nothing, a document that kills its worker is reported, fsspec URLs in and out."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import shared
from minutes_extract.cli import main

pytest.importorskip("distributed")
duckdb = pytest.importorskip("duckdb")

from distributed import Client, LocalCluster, WorkerPlugin  # noqa: E402

TABLES = ["documents", "items", "attendees", "actions", "decisions", "votes", "declarations", "amounts", "dates"]


def batch(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args)])


def link_archive(folder: Path, n: int, copies: int = 1) -> Path:
    """The first n archive documents copied into a temporary folder, `copies` times under different names when
    more than once (input symlinks leading outside the folder are skipped, as a user's would be)."""
    docs = sorted(shared("archive").iterdir())[:n]
    folder.mkdir(parents=True)
    for doc in docs:
        for k in range(copies):
            shutil.copyfile(doc, folder / (f"c{k}-{doc.name}" if copies > 1 else doc.name))
    return folder


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


@pytest.fixture(scope="module")
def runs(cluster, tmp_path_factory):
    """100 archive documents through both engines, as JSON and as Parquet."""
    root = tmp_path_factory.mktemp("runs")
    src = link_archive(root / "in", 100)
    address = cluster.scheduler_address
    results = {
        "json-process": batch(src, "-o", root / "json-process", "--jobs", "2"),
        "json-dask": batch(src, "-o", root / "json-dask", "--engine", "dask", "--scheduler", address),
        "pq-process": batch(src, "-o", root / "pq-process", "--format", "parquet", "--jobs", "2"),
        "pq-dask": batch(src, "-o", root / "pq-dask", "--format", "parquet", "--engine", "dask",
                         "--scheduler", address),
    }
    for name, result in results.items():
        assert result.exit_code in (0, 1), (name, result.output)
    return root


def summary(folder: Path) -> dict:
    data = json.loads((folder / "_summary.json").read_text())
    data.pop("seconds")
    return data


def test_dask_json_equals_the_process_pool_byte_for_byte(runs):
    local, dask = runs / "json-process", runs / "json-dask"
    names = sorted(p.relative_to(local) for p in local.rglob("*.json") if p.name != "_summary.json")
    assert len(names) == summary(local)["converted"] >= 95
    assert names == sorted(p.relative_to(dask) for p in dask.rglob("*.json") if p.name != "_summary.json")
    for name in names:
        assert (local / name).read_bytes() == (dask / name).read_bytes(), name
    assert summary(local) == summary(dask)


def rows(folder: Path, table: str) -> list[tuple]:
    return duckdb.execute(f"select * from '{folder}/{table}/*.parquet' order by all").fetchall()


def test_parquet_equals_across_engines_and_counts_equal_the_json(runs):
    docs = [json.loads(p.read_text()) for p in (runs / "json-process").rglob("*.json") if p.name != "_summary.json"]
    expected = {"documents": len(docs), "votes": sum(len(d["vote"]["roll_call"]) for m in docs
                                                     for d in m["decisions"] if d.get("vote")),
                **{t: sum(len(m[t]) for m in docs) for t in TABLES if t not in ("documents", "votes")}}
    assert expected["actions"] > 50 and expected["items"] > 500
    for table in TABLES:
        local, dask = rows(runs / "pq-process", table), rows(runs / "pq-dask", table)
        assert local == dask, table
        assert len(local) == expected[table], table
    people = rows(runs / "pq-dask", "people")
    assert len(people) > 20 and people == rows(runs / "pq-process", "people")  # linked over the whole dataset
    assert rows(runs / "pq-dask", "person_links") == rows(runs / "pq-process", "person_links")
    actions = duckdb.execute(f"select doc_id, item, text, span_start, line, rule from "
                             f"'{runs}/pq-dask/actions/*.parquet' where text like '%offered to quote%'").fetchall()
    assert actions and all(a[4] > 0 and a[5].startswith("action.") for a in actions)


def test_parquet_resume_skips_unchanged_and_replaces_changed_rows(cluster, tmp_path, fixtures):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (src / name).write_bytes((fixtures / "owbc_csp_2017_10_16.txt").read_bytes())
    out = tmp_path / "out"
    args = ("--format", "parquet", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert batch(src, "-o", out, *args).exit_code == 0
    assert summary(out)["converted"] == 3
    assert batch(src, "-o", out, *args).exit_code == 0
    assert (summary(out)["converted"], summary(out)["skipped"]) == (0, 3)
    (src / "b.txt").write_text("1. ONE\n\nThe plan was approved.\n\n2. TWO\n\nMS to send the plan.\n")
    assert batch(src, "-o", out, "--format", "parquet").exit_code == 0  # the process pool reads the same manifest
    assert (summary(out)["converted"], summary(out)["skipped"]) == (1, 2)
    counts = dict(duckdb.execute(f"select doc_id, count(*) from '{out}/items/*.parquet' group by 1").fetchall())
    assert counts["b.txt"] == 2 and counts["a.txt"] == counts["c.txt"] > 2
    assert len(rows(out, "documents")) == 3
    assert batch(src, "-o", out, *args, "--max-chars", "900000").exit_code == 0  # other options: redone
    assert summary(out)["converted"] == 3 and len(rows(out, "documents")) == 3


def test_json_and_sqlite_resume_redo_documents_read_with_other_options(cluster, tmp_path, fixtures):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_bytes((fixtures / "owbc_csp_2017_10_16.txt").read_bytes())
    dask = ("--engine", "dask", "--scheduler", cluster.scheduler_address)
    out, db = tmp_path / "json", tmp_path / "minutes.sqlite"
    for args in ((), ("--format-in", "md"), ("--format-in", "md")):
        assert batch(src, "-o", out, *dask, *args).exit_code == 0
        assert batch(src, "-o", db, "--format", "sqlite", *dask, *args).exit_code == 0
    assert (summary(out)["converted"], summary(out)["skipped"]) == (0, 2)  # the third run: nothing changed
    assert json.loads((out / "a.txt.json").read_text())["source"]["format"] == "md"  # the second run redid them
    with sqlite3.connect(db) as con:
        formats = [json.loads(r[0])["format"] for r in con.execute("SELECT source FROM sources")]
    assert formats == ["md", "md"]


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(cluster, tmp_path):
    src = link_archive(tmp_path / "in", 100, copies=3)
    out = tmp_path / "out"
    with Client(cluster.scheduler_address) as client:
        before = client.run(os.getpid)
        result = {}
        runner = threading.Thread(target=lambda: result.update(r=batch(
            src, "-o", out, "--format", "parquet", "--engine", "dask", "--scheduler", cluster.scheduler_address)))
        runner.start()
        deadline = time.time() + 60
        while time.time() < deadline and len(list(out.glob("documents/*.parquet"))) < 2:
            time.sleep(0.02)
        os.kill(next(iter(before.values())), signal.SIGKILL)  # the nanny restarts it
        runner.join(180)
        client.wait_for_workers(2, timeout=60)
        assert set(client.run(os.getpid).values()) != set(before.values())
    assert result["r"].exit_code in (0, 1), result["r"].output
    done = summary(out)
    assert done["converted"] + done["failed"] == 300
    ids = [r[0] for r in duckdb.execute(f"select doc_id from '{out}/documents/*.parquet'").fetchall()]
    assert len(ids) == len(set(ids)) == done["converted"]
    n_actions = duckdb.execute(f"select count(*) from '{out}/actions/*.parquet'").fetchone()[0]
    assert n_actions % 3 == 0  # every copy's actions exactly once


class Poison(WorkerPlugin):
    """A worker plugin (re-installed on every restarted worker) under which a document named 'poison' kills it."""

    name = "poison"

    def setup(self, worker):
        from minutes_extract import engine_dask

        real = engine_dask.convert

        def convert(job, *args):
            if "poison" in job.doc_id:
                os._exit(3)
            return real(job, *args)
        engine_dask.convert = convert


def test_a_document_that_kills_its_worker_is_reported_and_the_rest_go_on(tmp_path, fixtures):
    import cloudpickle
    import dask

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "poison.txt", "c.txt"):
        (src / name).write_bytes((fixtures / "leics_scsb_2024_03.txt").read_bytes())
    one_task_each = {"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0}
    with dask.config.set(one_task_each):  # only the task running dies with its worker
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
            with Client(c) as client:
                client.register_plugin(Poison())
            result = batch(src, "-o", tmp_path / "out", "--engine", "dask", "--scheduler", c.scheduler_address)
    assert result.exit_code == 1, result.exception
    done = summary(tmp_path / "out")
    assert (done["converted"], done["failed"]) == (2, 1), done
    assert done["failures"][0]["document"] == "poison.txt"
    assert "killed its worker" in done["failures"][0]["reason"]


def test_fsspec_memory_urls_in_and_out(tmp_path, fixtures):
    import fsspec

    fs = fsspec.filesystem("memory")
    for name in ("2017/csp.txt", "2024/board.txt"):
        fs.pipe(f"/in/{name}", (fixtures / ("owbc_csp_2017_10_16.txt" if "csp" in name
                                            else "leics_scsb_2024_03.txt")).read_bytes())
    fs.pipe("/in/notes.png", b"\x89PNG")
    with LocalCluster(n_workers=1, processes=False, dashboard_address=":0") as c:  # threads share memory://
        address = c.scheduler_address
        assert batch("memory://in", "-o", "memory://out", "--engine", "dask", "--scheduler", address).exit_code == 0
        assert batch("memory://in/**/*.txt", "-o", "memory://pq", "--format", "parquet", "--engine", "dask",
                     "--scheduler", address).exit_code == 0
    data = json.loads(fs.cat("/out/2017/csp.txt.json"))
    assert data["source"]["path"] == "memory:///in/2017/csp.txt" and data["meeting"]["date"] == "2017-10-16"
    assert json.loads(fs.cat("/out/_summary.json"))["converted"] == 2
    with fs.open("/pq/actions/" + fs.ls("/pq/actions", detail=False)[0].rsplit("/", 1)[-1], "rb") as fh:
        import pyarrow.parquet as pq

        actions = pq.read_table(fh).to_pylist()
    assert {a["doc_id"] for a in actions} == {"csp.txt", "board.txt"}  # a pattern's matches are named alone
    assert len(actions) == len(data["actions"]) + 1


def test_file_urls_and_a_list_on_the_embedded_local_cluster(tmp_path, fixtures):
    src = tmp_path / "in"
    src.mkdir()
    (src / "csp.txt").write_bytes((fixtures / "owbc_csp_2017_10_16.txt").read_bytes())
    (tmp_path / "list.txt").write_text(f"# one input per line\n{src.as_uri()}/csp.txt\n{src / 'missing.txt'}\n")
    env = {**os.environ, "DASK_SCHEDULER_ADDRESS": ""}
    exe = str(Path(sys.executable).with_name("minutes-extract"))
    proc = subprocess.run([exe, "batch", f"@{tmp_path / 'list.txt'}", "-o", (tmp_path / "out").as_uri(),
                           "--engine", "dask", "--jobs", "1"], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    done = json.loads((tmp_path / "out" / "_summary.json").read_text())
    assert (done["converted"], done["failed"]) == (1, 1) and "cannot read" in done["failures"][0]["reason"]
    out = json.loads(next((tmp_path / "out").rglob("csp.txt.json")).read_text())
    assert len(out["actions"]) == 13


def test_clear_errors_and_no_dask_import_on_the_default_path(tmp_path):
    assert "URLs and @LIST inputs need --engine dask" in batch("memory://x", "-o", tmp_path / "o").output
    (tmp_path / "empty").mkdir()
    result = batch(tmp_path / "empty", "-o", tmp_path / "o", "--engine", "dask")
    assert result.exit_code == 2 and "no supported files" in result.output
    code = ("import sys; from minutes_extract.cli import main; "
            "print(sorted(m for m in ('dask', 'distributed', 'pyarrow', 'fsspec') if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"


def test_ctrl_c_cancels_cleanly(tmp_path):
    src = link_archive(tmp_path / "in", 100, copies=4)
    out = tmp_path / "out"
    exe = str(Path(sys.executable).with_name("minutes-extract"))
    proc = subprocess.Popen([exe, "batch", str(src), "-o", str(out), "--engine", "dask", "--jobs", "2"],
                            env={**os.environ, "DASK_SCHEDULER_ADDRESS": ""}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and len(list(out.glob("*.json"))) < 5:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode() and b"interrupted" in err
    outputs = [p for p in out.glob("*.json") if p.name != "_summary.json"]
    assert 0 < len(outputs) < 400 and not list(out.glob(".*tmp"))
    for p in outputs:
        json.loads(p.read_text())
