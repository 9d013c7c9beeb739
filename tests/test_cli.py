"""The command line through click's runner, and the installed command end to end."""
import json
import shutil
import subprocess
import sys

import jsonschema
from click.testing import CliRunner

from minutes_extract.cli import main


def test_file_prints_json(fixtures):
    result = CliRunner().invoke(main, [str(fixtures / "owbc_csp_2017_10_16.txt")])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["meeting"]["date"] == "2017-10-16"
    assert len(data["actions"]) == 13 and data["amounts"][0]["value"] == 710.0


def test_output_file_and_jsonl(fixtures, tmp_path):
    out = tmp_path / "out" / "minutes.jsonl"
    result = CliRunner().invoke(main, ["extract", str(fixtures / "leics_scsb_2024_03.txt"), "-o", str(out),
                                       "--format", "jsonl"])
    assert result.exit_code == 0 and result.output == ""
    lines = out.read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["meeting"]["location"] == "Microsoft Teams"
    assert [p.name for p in out.parent.iterdir()] == ["minutes.jsonl"]  # no temporary file left behind


def test_stdin(fixtures):
    text = (fixtures / "owbc_csp_2017_10_16.txt").read_bytes()
    result = CliRunner().invoke(main, ["-"], input=text)
    assert result.exit_code == 0 and json.loads(result.output)["meeting"]["end_time"] == "16:40"


def test_schema_validates_the_output(fixtures):
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    for name in ("owbc_csp_2017_10_16.txt", "leics_scsb_2024_03.txt"):
        data = json.loads(CliRunner().invoke(main, [str(fixtures / name)]).output)
        jsonschema.validate(data, schema)
    assert {"meeting", "items", "attendees", "actions", "decisions", "amounts", "dates",
            "next_meetings"} <= set(schema["properties"])


def test_missing_file_is_one_line_and_exit_1(tmp_path):
    result = CliRunner().invoke(main, [str(tmp_path / "nope.pdf")])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "no such file" in result.output
    assert "Traceback" not in result.output


def test_corrupt_pdf_is_one_line_and_exit_1(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage garbage")
    result = CliRunner().invoke(main, [str(bad)])
    assert result.exit_code == 1 and "not a readable PDF" in result.output


def test_usage_error_exit_2():
    result = CliRunner().invoke(main, ["extract", "--format", "xml", "x.txt"])
    assert result.exit_code == 2


def test_help_shows_examples():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and "minutes-extract minutes.pdf" in result.output


def test_installed_command_end_to_end(fixtures):
    exe = shutil.which("minutes-extract") or str(__import__("pathlib").Path(sys.executable).with_name("minutes-extract"))
    proc = subprocess.run([exe, str(fixtures / "owbc_csp_2017_10_16.txt")], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [a["name"] for a in data["attendees"]][:2] == ["K J Loydall", "S Glazebrook"]
    assert [n["date"] for n in data["next_meetings"]] == ["2017-12-11", "2018-02-12", "2018-04-16"]
    proc = subprocess.run([exe, "/nonexistent/minutes.txt"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_single_file_csv_and_sqlite(fixtures, tmp_path):
    import csv
    import sqlite3

    result = CliRunner().invoke(main, [str(fixtures / "owbc_csp_2017_10_16.txt"), "--format", "csv", "-o",
                                       str(tmp_path / "tables")])
    assert result.exit_code == 0
    with (tmp_path / "tables" / "amounts.csv").open(newline="") as fh:
        assert [(r["item"], r["value"]) for r in csv.DictReader(fh)][:2] == [("28", "710.00"), ("29", "18143.74")]
    db = tmp_path / "m.sqlite"
    assert CliRunner().invoke(main, [str(fixtures / "leics_scsb_2024_03.txt"), "--format", "sqlite", "-o",
                                     str(db)]).exit_code == 0
    assert sqlite3.connect(db).execute("SELECT count(*) FROM decisions").fetchone() == (12,)
    assert CliRunner().invoke(main, [str(fixtures / "leics_scsb_2024_03.txt"), "--format", "csv"]).exit_code == 2


# --- trust (issue 12) ----------------------------------------------------------------------------------------

def test_single_file_csv_and_sqlite_update_an_existing_target(fixtures, tmp_path):
    import csv
    import sqlite3

    tables, db = tmp_path / "tables", tmp_path / "db"
    for name in ("owbc_csp_2017_10_16.txt", "leics_scsb_2024_03.txt", "owbc_csp_2017_10_16.txt"):
        for fmt, out in (("csv", tables), ("sqlite", db)):
            result = CliRunner().invoke(main, [str(fixtures / name), "--format", fmt, "-o", str(out)])
            assert result.exit_code == 0, result.output
    with (tables / "documents.csv").open(newline="") as fh:
        assert sorted(r["doc_id"] for r in csv.DictReader(fh)) == ["leics_scsb_2024_03.txt", "owbc_csp_2017_10_16.txt"]
    with (tables / "actions.csv").open(newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 13 + 1  # the document's rows replaced, the other's kept
    con = sqlite3.connect(db / "minutes.sqlite")
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)


def test_dash_output_is_stdout(fixtures, tmp_path):
    result = CliRunner().invoke(main, [str(fixtures / "leics_scsb_2024_03.txt"), "-o", "-"])
    assert result.exit_code == 0 and json.loads(result.stdout)["meeting"]["location"] == "Microsoft Teams"
    assert not (tmp_path / "-").exists()
    result = CliRunner().invoke(main, ["batch", str(fixtures / "leics_scsb_2024_03.txt"), "--format", "jsonl",
                                       "-o", "-"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1


def test_outputs_get_the_folders_normal_permissions(fixtures, tmp_path):
    import os

    CliRunner().invoke(main, [str(fixtures / "leics_scsb_2024_03.txt"), "-o", str(tmp_path / "m.json")])
    CliRunner().invoke(main, ["batch", str(fixtures / "leics_scsb_2024_03.txt"), "-o", str(tmp_path / "out")])
    mask = os.umask(0)
    os.umask(mask)
    modes = {p.name: p.stat().st_mode & 0o777 for p in [tmp_path / "m.json", *(tmp_path / "out").iterdir()]}
    assert set(modes.values()) == {0o666 & ~mask}, modes  # what any program writing here would get, not 0600
    (tmp_path / "m.json").chmod(0o640)
    CliRunner().invoke(main, [str(fixtures / "leics_scsb_2024_03.txt"), "-o", str(tmp_path / "m.json")])
    assert (tmp_path / "m.json").stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode


def test_single_file_has_a_time_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("".join(f"{i}. ITEM {i}\n\nThe Clerk will send £{i}.00 to Cllr Smith.\n" for i in range(20000)))
    result = CliRunner().invoke(main, [str(path), "--timeout", "0.5"])
    assert result.exit_code == 1 and "took longer than 0.5 s (--timeout)" in result.stderr
    assert "--timeout" in CliRunner().invoke(main, ["extract", "--help"]).output


def test_typo_in_a_path_is_one_line(tmp_path):
    result = CliRunner().invoke(main, [str(tmp_path / "typo.pdf")])
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_every_format_the_cli_offers_has_a_sink():
    from minutes_extract.batch_sinks import SINKS
    from minutes_extract.formats import BATCH_FORMATS, EXTRACT_FORMATS, FILE_FORMATS

    assert set(SINKS) == set(EXTRACT_FORMATS) and set(BATCH_FORMATS) - set(SINKS) == {"parquet"}
    assert FILE_FORMATS <= set(BATCH_FORMATS)


def test_version_does_not_load_the_pipeline_or_the_sinks():
    import subprocess
    import sys

    code = ("import sys; from minutes_extract.cli import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('minutes_extract.')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pipeline" not in loaded and "batch_sinks" not in loaded and "schema" not in loaded
