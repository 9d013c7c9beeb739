"""People across an archive: name matching per body (rows written by hand), and one parish council's year of
attendance in the shared archive against a list made by reading those minutes."""
import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import shared

from minutes_extract.cli import main
from minutes_extract.identity import body_key, link
from minutes_extract.people_db import attendance
from minutes_extract.schema import Action, Attendee, Decision, Meeting, Minutes, RollCall, Source, Vote
from minutes_extract.sqlite_store import Store


def _tables(docs: dict[str, tuple[str, list[tuple[str, str]]]], **more) -> dict[str, list[dict]]:
    """docs: doc_id -> (body, [(title, name) of the attendees, all present])."""
    tables = {"documents": [{"doc_id": d, "path": f"{d}.txt", "body": body, "date": "2020-01-0" + d[-1]}
                            for d, (body, _) in docs.items()],
              "attendees": [{"doc_id": d, "seq": k, "name": name, "title": title, "role": None, "initials": None,
                             "status": "present"} for d, (_, people) in docs.items()
                            for k, (title, name) in enumerate(people)]}
    return {**tables, **more}


def _ids(tables) -> dict[tuple[str, str], str]:
    return {(a["doc_id"], a["name"]): a["person_id"] for a in tables["attendees"]}


def test_one_person_however_a_body_writes_the_name():
    tables = _tables({"d1": ("Oadby and Wigston Borough Council", [("Cllr", "K J Loydall"), ("Mrs", "A Hill")]),
                      "d2": ("OADBY AND WIGSTON BOROUGH COUNCIL", [("Councillor", "Kevin Loydall")]),
                      "d3": ("Oadby and Wigston Borough Council", [(None, "K Loydall"), ("Cllr", "Loydall")])},
                     actions=[{"doc_id": "d1", "seq": 0, "owners": "KL; A Hill; Highways"}],
                     decisions=[{"doc_id": "d3", "seq": 0, "mover": "Cllr Loydall", "seconder": "Councillor Hill"}])
    people = link(tables)
    ids = _ids(tables)
    loydall = ids["d1", "K J Loydall"]
    assert ids["d2", "Kevin Loydall"] == ids["d3", "K Loydall"] == ids["d3", "Loydall"] == loydall
    row = next(p for p in people if p["person_id"] == loydall)
    assert row["name"] == "Kevin Loydall" and row["documents"] == 3 and row["ambiguous_with"] is None
    assert json.loads(row["forms"]) == ["K J Loydall", "K Loydall", "Kevin Loydall", "Loydall"]
    assert row["body_key"] == "oadby and wigston borough council"
    hill = ids["d1", "A Hill"]
    assert tables["actions"][0]["owner_person_ids"] == f"{loydall}; {hill}; "  # 'KL' within its document
    assert tables["decisions"][0]["mover_person_id"] == loydall
    assert tables["decisions"][0]["seconder_person_id"] == hill  # the one Hill of the body, met in d1


def test_ambiguous_short_forms_are_not_merged_and_are_listed():
    tables = _tables({"a1": ("Anytown Town Council", [(None, "John Smith"), ("Mr", "M Leamon")]),
                      "a2": ("Anytown Town Council", [(None, "Jane Smith"), ("Mrs", "M Leamon")]),
                      "a3": ("Anytown Town Council", [("Cllr", "J Smith")])})
    people = {p["person_id"]: p for p in link(tables)}
    ids = _ids(tables)
    assert len({ids["a1", "John Smith"], ids["a2", "Jane Smith"], ids["a3", "J Smith"]}) == 3
    assert json.loads(people[ids["a3", "J Smith"]]["ambiguous_with"]) == sorted(
        [ids["a1", "John Smith"], ids["a2", "Jane Smith"]])
    assert ids["a1", "M Leamon"] != ids["a2", "M Leamon"]  # Mr and Mrs: two people
    assert people[ids["a1", "John Smith"]]["ambiguous_with"] is None


def test_a_person_never_merges_across_bodies():
    tables = _tables({"b1": ("Blaby District Council", [("Cllr", "Kevin Loydall")]),
                      "b2": ("Oadby and Wigston Borough Council", [("Cllr", "Kevin Loydall")]),
                      "b3": ("Parish Council", [("Cllr", "Kevin Loydall")]),
                      "b4": ("Parish Council", [("Cllr", "Kevin Loydall")])})
    people = link(tables)
    assert len({a["person_id"] for a in tables["attendees"]}) == 4  # b3 and b4 name no particular body
    assert sorted(p["body_key"] for p in people) == ["blaby district council", "document:b3", "document:b4",
                                                     "oadby and wigston borough council"]


def _board_meeting(day: str, present: list[str], apologies: list[str], decisions=(), actions=()) -> Minutes:
    where = {"span": (0, 1), "line": 1, "rule": "test"}
    return Minutes(
        tool_version="test", source=Source(path=f"board-{day}.txt", sha256=day * 8, format="text", characters=1),
        meeting=Meeting(body="Crete Township Board", date=f"2022-03-{day}"), items=[],
        attendees=[Attendee(name=n, status="present", title="Trustee", **where) for n in present]
        + [Attendee(name=n, status="apologies", **where) for n in apologies],
        actions=list(actions), decisions=list(decisions), amounts=[], dates=[], next_meetings=[])


def test_attendance_counts_actions_motions_and_roll_call_votes(tmp_path):
    where = {"span": (0, 1), "line": 1, "rule": "test"}
    roll = Vote(mover="Trustee Elton", seconder="Brandt", roll_call=[
        RollCall(name="Mary Elton", vote="yes"), RollCall(name="Tom Brandt", vote="no")])
    store = Store(tmp_path / "board.sqlite")
    store.put("d09", _board_meeting("09", ["Mary Elton", "Tom Brandt"], ["Ann Ruiz"], decisions=[
        Decision(text="Motion to grade the roads.", kind="carried", vote=roll, **where)]))
    store.put("d23", _board_meeting("23", ["M Elton", "Ann Ruiz"], [], actions=[
        Action(text="Trustee Elton to call the contractor.", owners=["M Elton"], owner_refs=["Trustee Elton"],
               **where)]))
    body, = attendance(store.db, "crete", "2022")
    people = {p["name"]: p for p in body["people"]}
    assert [m["date"] for m in body["meetings"]] == ["2022-03-09", "2022-03-23"]
    assert {n: (p["present"], p["apologies"]) for n, p in people.items()} == {
        "Mary Elton": (2, 0), "Tom Brandt": (1, 0), "Ann Ruiz": (1, 1)}
    elton, brandt = people["Mary Elton"], people["Tom Brandt"]
    assert (elton["moved"], elton["voted_for"], elton["voted_against"], elton["actions"]) == (1, 1, 0, 1)
    assert (brandt["seconded"], brandt["voted_for"], brandt["voted_against"]) == (1, 0, 1)
    store.close()


@pytest.mark.parametrize("body, path, key", [
    ("Stoke Ferry Annual Parish Council", None, "stoke ferry parish council"),
    ("STOKE FERRY PARISH COUNCIL", None, "stoke ferry parish council"),
    ("Record of the latest Stoke Ferry Parish Council", None, "stoke ferry parish council"),
    ("NORTHWOLD PARISH COUNCIL NOVEMBER", None, "northwold parish council"),
    ("Present: Mrs R Crisp - Chairman, 6 members of Northwold Parish Council", None, "northwold parish council"),
    ("Stoke Ferry Resident's Association", None, "stoke ferry residents association"),
    ("Borough Council of King's Lynn & West Norfolk", None, "borough council of kings lynn & west norfolk"),
    ("Parish Council", "2012_04_stoke-ferry-parish-council-april.md", "stoke ferry parish council"),
    (None, "minutes/planning-committee-2019-03.pdf", "planning committee"),
    ("Parish Council", "2012_06_village-liaison-meeting-minutes-3.md", ""),
    ("Our Parish Council", None, ""),
])
def test_body_keys(body, path, key):
    assert body_key(body, path) == key


# Northwold Parish Council, 2010, read by hand: the 'Present:' line of each meeting's minutes, and the
# councillors under 'Apologies for absence'.
NORTHWOLD_2010 = {
    "2010-02-02": ("Crisp George Lynch Muir Norris Peake Roberts Waller", "Wells"),
    "2010-03-02": ("Crisp George Lynch Muir Peake Roberts Waller Wells", "Norris"),
    "2010-04-06": ("Crisp George Leet Lynch Muir Norris Peake Waller Wells", "Roberts White"),
    "2010-05-04": ("Crisp George Leet Muir Norris Peake Roberts Waller Wells", "Lynch White"),
    "2010-06-01": ("Crisp Lynch Muir Peake Leet Waller Wells", "George Norris Roberts"),
    "2010-07-06": ("Crisp Lynch Muir Norris Peake Roberts Wells", "Waller Leet George"),
    "2010-08-03": ("Crisp Lynch Muir Roberts Waller Leet George", "Norris Peake Wells"),
    "2010-09-07": ("Crisp Lynch Waller Leet George Norris Peake Wells", "Muir Roberts"),
    "2010-10-05": ("Crisp Lynch Peake Leet Waller George Norris", "Muir Roberts Wells"),
    "2010-11-02": ("Crisp Lynch Peake Waller George Muir Roberts Wells", "Norris Leet"),
    "2010-12-07": ("Crisp Lynch Waller Muir Roberts Wells Norris", "George Peake"),
}
NORTHWOLD_PEOPLE = ["R Crisp", "D George", "S Leet", "V Lynch", "A Muir", "J Norris", "M Peake", "M Roberts",
                    "T Waller", "M Wells", "Tony White"]  # County Councillor Tony White: apologies only
NORTHWOLD_FILES = ["2010_04_northwold-with-whittington-pc-minutes.md", "2010_05_northwold-parish-council.md",
                   "2010_06_northwold-parish-council-meeting.md",
                   "2010_07_minutes-of-the-annual-meeting-of-northwold-parish-council.md",
                   "2010_08_northwold-parish-council-meeting-2.md", "2010_09_northwold-parish-council-meeting-3.md",
                   "2010_10_northwold-parish-council-2.md", "2010_11_northwold-parish-council-meeting-4.md",
                   "2010_12_northwold-parish-council-meeting-5.md",
                   "2011_01_minutes-of-northwold-parish-council-meeting.md",
                   "2011_02_northwold-parish-council-meeting-6.md"]
# Daphne Clements attends both of these, for two different bodies.
OTHER_BODIES = ["2006_12_minutes-of-stoke-ferry-residents-association.md",
                "2012_01_stoke-ferry-parish-council-meeting-11-january-2012.md"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    files = [shared("archive", f) for f in NORTHWOLD_FILES + OTHER_BODIES]
    db = tmp_path_factory.mktemp("people") / "archive.sqlite"
    result = CliRunner().invoke(main, ["batch", *map(str, files), "--format", "sqlite", "-o", str(db), "-j", "1"])
    assert result.exit_code == 0, result.output
    return db


def test_northwold_2010_attendance_matches_the_minutes(archive):
    result = CliRunner().invoke(main, ["people", str(archive), "--body", "Northwold Parish Council", "--year",
                                       "2010", "--format", "json"])
    assert result.exit_code == 0, result.output
    body, = json.loads(result.output)
    assert body["body_key"] == "northwold parish council"
    assert [m["date"] for m in body["meetings"]] == list(NORTHWOLD_2010)
    assert sorted(p["name"] for p in body["people"]) == sorted(NORTHWOLD_PEOPLE)
    surname = {p["person_id"]: p["name"].split()[-1] for p in body["people"]}
    for meeting in body["meetings"]:
        present, apologies = (set(names.split()) for names in NORTHWOLD_2010[meeting["date"]])
        statuses = {surname[p["person_id"]]: p["statuses"].get(meeting["doc_id"]) for p in body["people"]}
        assert {s for s, v in statuses.items() if v == "present"} == present, meeting["date"]
        assert {s for s, v in statuses.items() if v == "apologies"} == apologies, meeting["date"]
        assert "absent" not in statuses.values()
    totals = {p["name"]: p["present"] for p in body["people"]}
    assert totals == {"R Crisp": 11, "D George": 8, "S Leet": 6, "V Lynch": 10, "A Muir": 9, "J Norris": 7,
                      "M Peake": 9, "M Roberts": 7, "T Waller": 10, "M Wells": 8,
                      "Tony White": 0}


def test_archive_people_stay_within_their_body(archive):
    db = sqlite3.connect(archive)
    bodies_of = {}
    for person_id, body, path in db.execute("SELECT a.person_id, d.body, d.path FROM attendees a "
                                            "JOIN documents d USING (doc_id)"):
        bodies_of.setdefault(person_id, set()).add(body_key(body, path))
    assert all(len(keys) == 1 for keys in bodies_of.values())
    clements = db.execute("SELECT body_key FROM people WHERE surname = 'clements' ORDER BY body_key").fetchall()
    assert clements == [("stoke ferry parish council",), ("stoke ferry residents association",)]
    unlinked = db.execute("SELECT COUNT(*) FROM attendees WHERE person_id IS NULL").fetchone()[0]
    assert unlinked == 0


def test_attendance_grid_picture(archive):
    from xml.etree import ElementTree

    result = CliRunner().invoke(main, ["people", str(archive), "--body", "northwold parish council", "--year",
                                       "2010", "--format", "svg"])
    assert result.exit_code == 0, result.output
    picture = ElementTree.fromstring(result.output)
    cells = [c for c in picture.findall("{http://www.w3.org/2000/svg}rect") if c.get("class") != "legend"]
    assert len(picture.findall("{http://www.w3.org/2000/svg}rect")) == len(cells) + 4  # the legend
    assert len(cells) == len(NORTHWOLD_PEOPLE) * len(NORTHWOLD_2010)
    crisp = [c for c in cells if c.find("{http://www.w3.org/2000/svg}title").text.startswith("R Crisp,")]
    assert {c.get("fill") for c in crisp} == {"#2e7d32"}  # present at all eleven
    wells = next(c for c in cells if c.find("{http://www.w3.org/2000/svg}title").text.startswith("M Wells, 2010-02"))
    assert wells.get("fill") == "#f9a825" and wells[0].text == "M Wells, 2010-02-02: apologies"


def test_people_command_table_and_errors(archive, tmp_path):
    runner = CliRunner()
    table = runner.invoke(main, ["people", str(archive), "--body", "northwold", "--year", "2010"])
    assert table.exit_code == 0, table.output
    assert "NORTHWOLD PARISH COUNCIL, 2010: 11 meetings" in table.output
    assert "R Crisp" in table.output
    csv_out = runner.invoke(main, ["people", str(archive), "--body", "northwold", "--format", "csv"])
    header = csv_out.output.splitlines()[0].split(",")
    assert header[:3] == ["body", "person_id", "name"] and header[-1] == "voted_against"
    missing = runner.invoke(main, ["people", str(archive), "--body", "Atlantis"])
    assert missing.exit_code == 1 and "no meetings of a body matching 'Atlantis'" in missing.output
    not_db = tmp_path / "notes.sqlite"
    not_db.write_text("not a database")
    bad = runner.invoke(main, ["people", str(not_db)])
    assert bad.exit_code == 1 and "not a minutes archive" in bad.output


def test_html_batch_index_draws_the_attendance_grid(tmp_path):
    from lxml import html as lxml_html

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in NORTHWOLD_FILES + OTHER_BODIES:
        shutil.copy(shared("archive", name), inputs / name)  # copies: symlinks leading outside are skipped
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(inputs), "--format", "html", "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    index = lxml_html.fromstring((out / "index.html").read_text("utf-8"))
    figure, = index.xpath('//section[@id="attendance"]/figure')  # the other bodies have one meeting each
    assert figure.get("aria-label") == "Attendance: NORTHWOLD PARISH COUNCIL"
    cells = {c.findtext("title").split(": ")[0]: (c.get("fill"), c.findtext("title").split(": ")[1])
             for c in figure.iter("rect") if c.get("class") != "legend"}
    dates = sorted({key.split(", ")[1] for key in cells})
    assert dates == list(NORTHWOLD_2010) and len(cells) == len(NORTHWOLD_PEOPLE) * len(dates)
    assert {cells[f"R Crisp, {d}"] for d in dates} == {("#2e7d32", "present")}  # present at all eleven
    white = {d for d in dates if cells[f"Tony White, {d}"][1] == "apologies"}
    assert white == {d for d in dates if d[5:] in ("04-06", "05-04")}
    assert (cells["Tony White, 2010-04-06"][0], cells["Tony White, 2010-02-02"]) == ("#f9a825", ("#e0e0e0",
                                                                                              "not listed"))
    assert {t.text for t in figure.iter("text")} >= {"present", "apologies", "absent", "not listed"}  # the legend
