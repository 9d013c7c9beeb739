"""Every command in the README's code blocks runs, against a folder of fixtures named as the README names
them (minutes.pdf, minutes.txt, minutes/, archive/ ...): shell commands through bash, `sqlite3 DB "SQL"`
through Python's sqlite3, Python blocks through Python. Commands run in README order, so a query finds the
database an earlier command wrote."""
import io
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BIN = Path(sys.executable).parent
NOT_RUN = {  # commands that set up or test the project itself, or start a cluster's daemons: not examples of use
    "python3 -m venv", ".venv/bin/python -m pytest", ".venv/bin/pip", "pip install", "apt-get", "dask scheduler",
    "dask worker", "DASK_SCHEDULER_ADDRESS="}
REMOTE = ("s3://", "gs://", "tcp://")  # examples that need an object store or a running cluster


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def commands() -> list[str]:
    found = []
    for block in blocks("bash"):
        for line in block.splitlines():
            line = line.strip()
            if line and not line.startswith("#") and not line.startswith(tuple(NOT_RUN)) \
                    and not any(r in line for r in REMOTE):
                found.append(line)
    return found


def make_pdf(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 800
    for line in text.splitlines():
        if y < 60:
            c.showPage()
            y = 800
        c.drawString(40, y, line[:110])
        y -= 14
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    from conftest import FIXTURES as fixtures_dir

    root = tmp_path_factory.mktemp("readme")
    text = (fixtures_dir / "owbc_csp_2017_10_16.txt").read_text(encoding="utf-8")
    pdf = make_pdf(text)
    (root / "minutes.txt").write_text(text, encoding="utf-8")
    (root / "minutes.md").write_text(text, encoding="utf-8")
    (root / "minutes.pdf").write_bytes(pdf)
    for folder in ("minutes", "archive/2017"):
        (root / folder).mkdir(parents=True)
        shutil.copy(fixtures_dir / "owbc_csp_2017_10_16.txt", root / folder / "csp.txt")
        shutil.copy(fixtures_dir / "leics_scsb_2024_03.txt", root / folder / "board.md")
        (root / folder / "csp.pdf").write_bytes(pdf)
    return root


def run_sqlite3(command: str, cwd: Path) -> str:
    """`sqlite3 DB "SQL"` through Python's sqlite3 (the sqlite3 shell may not be installed)."""
    _, db, sql = shlex.split(command.split(" #")[0])
    con = sqlite3.connect(cwd / db)
    try:
        return "\n".join("|".join(map(str, row)) for row in con.execute(sql))
    finally:
        con.close()


def test_the_readme_has_commands_to_run():
    assert len(commands()) >= 10 and any(c.startswith("sqlite3") for c in commands())


def test_every_readme_command_runs(workdir):
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    for command in commands():
        if command.startswith("sqlite3 "):
            run_sqlite3(command, workdir)  # raises on a bad query ('ambiguous column name: title')
            continue
        if command.startswith("duckdb -c "):  # the duckdb shell may not be installed: its Python package is
            import duckdb

            with duckdb.connect() as con:
                con.execute(f"SET file_search_path = '{workdir}'")
                con.execute(shlex.split(command.split(" #")[0])[2]).fetchall()
            continue
        if "| jq" in command and not shutil.which("jq"):
            command = command.split("| jq")[0]
        proc = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=workdir, env=env, capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, f"{command}\n{proc.stderr[-2000:]}"


def test_every_readme_python_block_runs(workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    for block in blocks("python"):
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own README
