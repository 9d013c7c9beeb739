"""Open Civic Data output, validated against the scrape schemas pupa 0.11 ships (JSON Schema draft 3, checked
as pupa checks them: jsonschema's Draft3Validator with pupa's `date`/`datetime` types)."""
import datetime
import importlib
import importlib.util
import json
import sys
import types
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import shared

from minutes_extract import extract
from minutes_extract.cli import main
from minutes_extract.ocd import objects
from minutes_extract.schema import (Attendee, Decision, Item, Meeting, Minutes, RollCall, Source, Vote)

SEED = Path(__file__).parent / "fixtures" / "owbc_csp_2017_10_16.txt"
DEV_WITH_VOTES = ["us_desmoines_council_2005_05_09.pdf", "stoke_ferry_pc_2011_05_18.md",
                  "uk_stokeferry_pc_2018_03.md"]


@pytest.fixture(scope="module")
def validate():
    """A function OCD object -> list of schema errors. pupa's schema modules are loaded as a package of their
    own, so pupa/__init__ and pupa.scrape (which need Django and a database) are never imported."""
    spec = importlib.util.find_spec("pupa")
    if spec is None or importlib.util.find_spec("opencivicdata") is None:
        pytest.skip("OCD schemas absent: pip install --no-deps pupa==0.11.0 opencivicdata==3.4.0")
    package = types.ModuleType("pupa_schemas")
    package.__path__ = [str(Path(spec.submodule_search_locations[0]) / "scrape" / "schemas")]
    sys.modules["pupa_schemas"] = package
    schemas = {kind: importlib.import_module(f"pupa_schemas.{kind}").schema
               for kind in ("event", "vote_event", "person", "organization")}
    types_ = jsonschema.Draft3Validator.TYPE_CHECKER.redefine(
        "datetime", lambda c, d: isinstance(d, (datetime.date, datetime.datetime))).redefine(
        "date", lambda c, d: isinstance(d, datetime.date) and not isinstance(d, datetime.datetime))
    validator = jsonschema.validators.extend(jsonschema.Draft3Validator, type_checker=types_)

    def errors(obj: dict) -> list[str]:
        return [e.message for e in validator(schemas[obj["_type"]],
                                             format_checker=jsonschema.FormatChecker()).iter_errors(obj)]
    return errors


def _by_type(objs):
    out = {}
    for o in objs:
        out.setdefault(o["_type"], []).append(o)
    return out


def test_seed_minutes_as_ocd_validate_and_carry_the_meeting(validate):
    objs = objects(extract(SEED), timezone="Europe/London")
    assert all(validate(o) == [] for o in objs)
    kinds = _by_type(objs)
    event, = kinds["event"]
    org, = kinds["organization"]
    assert org["name"] == "COMMUNITY SAFETY PARTNERSHIP"
    assert org["extras"] == {"body_key": "community safety partnership"}
    assert "classification" not in org  # neither a council nor a committee: OCD's list has no word for it
    assert event["start_date"].startswith("2017-10-16T")  # the time with its offset, BST that day
    assert event["start_date"].endswith("+01:00")
    assert event["documents"][0]["url"].endswith("owbc_csp_2017_10_16.txt")
    people = {p["name"] for p in kinds["person"]}
    assert "Kevin Loydall" in people or "K J Loydall" in people
    host, *participants = event["participants"]
    assert host == {"name": org["name"], "type": "organization", "entity_type": "organization",
                    "organization_id": org["_id"], "note": "host"}
    assert {p["person_id"] for p in participants} <= {p["_id"] for p in kinds["person"]}
    assert [a["order"] for a in event["agenda"]][:3] == ["27", "28", "29"]  # the item numbers as written
    assert any(n.startswith("Action (") for a in event["agenda"] for n in a["notes"])


def test_ids_are_stable_across_runs_and_differ_between_documents():
    first, again = objects(extract(SEED)), objects(extract(SEED))
    assert [o["_id"] for o in first] == [o["_id"] for o in again]
    assert first[0]["_id"].startswith("ocd-organization/")
    event = next(o for o in first if o["_type"] == "event")
    other = next(o for o in objects(extract(Path(__file__).parent / "fixtures" / "leics_scsb_2024_03.txt"))
                 if o["_type"] == "event")
    assert event["_id"] != other["_id"]
    assert len({o["_id"] for o in first}) == len(first)


@pytest.mark.parametrize("name", DEV_WITH_VOTES)
def test_dev_documents_with_votes_validate(validate, name):
    minutes = extract(shared("dev", "docs", name))
    objs = objects(minutes)
    assert all(validate(o) == [] for o in objs)
    votes = _by_type(objs)["vote_event"]
    assert len(votes) == sum(1 for d in minutes.decisions if d.vote)
    event, = _by_type(objs)["event"]
    linked = {e["vote_event_id"] for a in event["agenda"] for e in a["related_entities"]
              if e["entity_type"] == "vote_event"}
    assert linked <= {v["_id"] for v in votes}


def test_des_moines_counts_and_movers():
    votes = _by_type(objects(extract(shared("dev", "docs", "us_desmoines_council_2005_05_09.pdf"))))["vote_event"]
    counted = [v for v in votes if v["counts"]]
    assert {"option": "yes", "value": 6} in counted[0]["counts"]
    assert {"option": "absent", "value": 1} in counted[0]["counts"]  # 'Carried 6-1' with one member absent
    assert all(v["result"] == "pass" for v in counted)
    assert any(v["extras"].get("mover_id", "").startswith("ocd-person/") for v in votes)


def _where(start, end):
    return {"span": (start, end), "line": 1, "rule": "test"}


def _minutes(decisions: list[Decision]) -> Minutes:
    """A board meeting written by hand: three trustees, one item, the given decisions inside it."""
    return Minutes(
        tool_version="test", source=Source(path="board.txt", sha256="ab" * 32, format="text", characters=900),
        meeting=Meeting(body="Crete Township Board", date="2022-03-09", start_time="19:00"),
        items=[Item(number="5", title="Road grading contract", text="Motion to award the contract.",
                    **_where(100, 800))],
        attendees=[Attendee(name=n, status="present", title="Trustee", **_where(10, 20))
                   for n in ("Mary Elton", "Tom Brandt", "Ann Ruiz")],
        actions=[], decisions=decisions, amounts=[], dates=[], next_meetings=[])


def test_roll_call_becomes_individual_votes_with_person_ids(validate):
    vote = Vote(mover="Trustee Elton", seconder="Tom Brandt", roll_call=[
        RollCall(name="Mary Elton", vote="yes"), RollCall(name="Tom Brandt", vote="yes"),
        RollCall(name="Ann Ruiz", vote="no")])
    lost = Vote(**{"for": 1, "against": 2})
    objs = objects(_minutes([
        Decision(text="Motion to award the grading contract to Smith Excavating.", kind="carried", item="5",
                 vote=vote, **_where(120, 200)),
        Decision(text="Motion to buy a second grader.", kind="lost", item="5", vote=lost, **_where(300, 340))]),
        timezone="America/Chicago")
    assert all(validate(o) == [] for o in objs)
    kinds = _by_type(objs)
    ids = {p["name"]: p["_id"] for p in kinds["person"]}
    carried, failed = kinds["vote_event"]
    assert carried["result"] == "pass" and failed["result"] == "fail"
    assert carried["votes"] == [
        {"option": "yes", "voter_name": "Mary Elton", "note": "", "voter_id": ids["Mary Elton"]},
        {"option": "yes", "voter_name": "Tom Brandt", "note": "", "voter_id": ids["Tom Brandt"]},
        {"option": "no", "voter_name": "Ann Ruiz", "note": "", "voter_id": ids["Ann Ruiz"]}]
    assert carried["counts"] == [{"option": "yes", "value": 2}, {"option": "no", "value": 1},
                                 {"option": "abstain", "value": 0}, {"option": "absent", "value": 0}]
    assert failed["counts"] == [{"option": "yes", "value": 1}, {"option": "no", "value": 2}]
    assert carried["extras"]["mover_id"] == ids["Mary Elton"]
    assert carried["extras"]["seconder_id"] == ids["Tom Brandt"]
    assert carried["organization"] == kinds["organization"][0]["_id"]
    event, = kinds["event"]
    assert event["start_date"] == "2022-03-09T19:00:00-06:00"
    item, = event["agenda"]
    assert item["notes"][1] == "Carried: Motion to award the grading contract to Smith Excavating."
    assert [e["vote_event_id"] for e in item["related_entities"]] == [carried["_id"], failed["_id"]]


def test_cli_ocd_single_file_and_batch(tmp_path):
    runner = CliRunner()
    single = runner.invoke(main, [str(SEED), "--format", "ocd"])
    assert single.exit_code == 0, single.output
    assert {o["_type"] for o in json.loads(single.output)} == {"organization", "person", "event"}
    out = tmp_path / "ocd"
    result = runner.invoke(main, ["batch", str(SEED), "--format", "ocd", "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    files = sorted(p.name.split("_")[0] for p in out.glob("*.json") if p.name != "_summary.json")
    assert files.count("event") == 1 and files.count("organization") == 1 and "person" in files
    event = json.loads(next(out.glob("event_*.json")).read_text())
    assert next(out.glob("event_*.json")).name == f"event_{event['_id'].split('/')[1]}.json"
    bad = runner.invoke(main, [str(SEED), "--format", "ocd", "--timezone", "Mars/Olympus"])
    assert bad.exit_code == 2 and "unknown time zone" in bad.output
