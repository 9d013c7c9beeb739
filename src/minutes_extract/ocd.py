"""Open Civic Data: one set of minutes as OCD scrape objects shaped as pupa 0.11 writes them (an Event, a
VoteEvent per decision with a vote, Person and Organization records). Ids are uuid5 of the document's hash and
the record's place in it, so a re-run gives the same ids; people take the ids `identity.link` gives them."""
from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import PurePath
from urllib.parse import quote

from . import __version__
from .identity import NAMESPACE, body_key, link, split_name
from .schema import Minutes
from .tables import rows

MEDIA_TYPES = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument."
               "wordprocessingml.document", "html": "text/html", "md": "text/markdown", "markdown": "text/markdown",
               "txt": "text/plain", "text": "text/plain"}
_PASSES = {"resolved", "agreed", "approved", "carried", "noted", "other"}


def _id(kind: str, *parts: object) -> str:
    return f"ocd-{kind}/{uuid.uuid5(NAMESPACE, '|'.join(map(str, (kind, *parts))))}"


def _sources(m: Minutes) -> list[dict]:
    path = m.source.path
    url = (PurePath(path).as_uri() if PurePath(path).is_absolute() else quote(path)) if path else \
        f"urn:sha256:{m.source.sha256}"
    return [{"url": url, "note": f"minutes, read by minutes-extract {__version__}"}]


def _start(m: Minutes, timezone: str | None) -> tuple[str, str]:
    """OCD start and end: a datetime with its UTC offset when the time zone is known, else the date alone."""
    date = m.meeting.date or ""
    if not (date and timezone and len(date) == 10):
        return date, ""
    from zoneinfo import ZoneInfo

    def stamp(time: str | None) -> str:
        try:
            return datetime.fromisoformat(f"{date}T{time}").replace(tzinfo=ZoneInfo(timezone)).isoformat()
        except (TypeError, ValueError):  # no time, or one no clock shows ('24:00')
            return ""
    return stamp(m.meeting.start_time) or date, stamp(m.meeting.end_time)


def _within(records, items) -> dict[int, list]:
    """Records by the index of the item whose span holds their start (-1: before every item)."""
    out: dict[int, list] = {}
    for r in records:
        k = next((k for k, i in enumerate(items) if i.span[0] <= r.span[0] < i.span[1]), -1)
        out.setdefault(k, []).append(r)
    return out


def _result(d) -> str:
    v = d.vote
    if d.kind == "lost" or (v.for_ is not None and v.against is not None and v.against > v.for_):
        return "fail"
    return "pass" if d.kind in _PASSES else "fail"


def _counts(v) -> list[dict]:
    stated = {"yes": v.for_, "no": v.against, "abstain": v.abstain, "absent": v.absent}
    if all(n is None for n in stated.values()) and v.roll_call:
        stated = {o: sum(r.vote == o for r in v.roll_call) for o in ("yes", "no", "abstain", "absent")}
    return [{"option": o, "value": n} for o, n in stated.items() if n is not None]


def _person_id(pid: str | None) -> str | None:
    return f"ocd-person/{pid}" if pid else None


def _organization(m: Minutes, key: str, sources: list[dict]) -> dict:
    org = {"_type": "organization", "_id": _id("organization", key or m.source.sha256), "name": m.meeting.body,
           "other_names": [], "identifiers": [], "parent_id": None, "founding_date": "", "dissolution_date": "",
           "image": "", "contact_details": [], "links": [], "sources": sources, "extras": {"body_key": key}}
    words = key.split()
    kind = ("committee" if {"committee", "subcommittee", "panel", "board"} & set(words)
            else "legislature" if "council" in words else None)
    return {**org, "classification": kind} if kind else org


def _person(a, pid: str, sources: list[dict]) -> dict:
    words = a.name.split()
    n = len(split_name(a.name)[0].split()) or 1
    return {"_type": "person", "_id": pid, "name": a.name, "family_name": " ".join(words[-n:]),
            "given_name": " ".join(words[:-n]), "sort_name": " ".join(words[-n:]), "other_names": [],
            "identifiers": [], "links": [], "contact_details": [], "sources": sources,
            "extras": {k: v for k, v in (("title", a.title), ("role", a.role), ("organisation", a.organisation)) if v}}


def _vote_event(d, vote_id: str, event_id: str, org_id: str | None, start: str, ids: dict, sources) -> dict:
    """`ids`: the person ids of the mover, the seconder and each roll-call voter (None where no one)."""
    v = d.vote
    return {
        "_type": "vote_event", "_id": vote_id, "identifier": d.item or "", "motion_text": d.text,
        "motion_classification": [], "start_date": start, "end_date": "", "result": _result(d),
        "organization": org_id, "bill": None, "bill_action": None, "pupa_id": None,
        "votes": [{"option": r.vote, "voter_name": r.name, "note": "", **({"voter_id": i} if i else {})}
                  for r, i in zip(v.roll_call, ids["voters"])],
        "counts": _counts(v), "sources": sources,
        "extras": {"event_id": event_id, "kind": d.kind, "line": d.line, "span": list(d.span),
                   **{f: getattr(v, f) for f in ("mover", "seconder") if getattr(v, f)},
                   **{f"{f}_id": ids[f] for f in ("mover", "seconder") if ids[f]}},
    }


def objects(m: Minutes, timezone: str | None = None) -> list[dict]:
    """The document's OCD objects, each with `_type` and `_id`: organization (when the body is known),
    people, the event, then its vote events."""
    sha, sources = m.source.sha256 or "", _sources(m)
    tables = rows(sha, m)
    tables["documents"][0]["path"] = m.source.path or sha
    link(tables)
    key = body_key(m.meeting.body, m.source.path)
    org = _organization(m, key, sources) if m.meeting.body else None
    person_of = {a["name"]: _person_id(a["person_id"]) for a in tables["attendees"] if a["person_id"]}
    people = {}
    for a in m.attendees:
        if a.name in person_of:
            people.setdefault(person_of[a.name], _person(a, person_of[a.name], sources))
    event_id = _id("event", sha)
    start, end = _start(m, timezone)
    voters = iter(_person_id(v["person_id"]) for v in tables["votes"])
    ids = [{"mover": _person_id(r["mover_person_id"]), "seconder": _person_id(r["seconder_person_id"]),
            "voters": [next(voters) for _ in (d.vote.roll_call if d.vote else [])]}
           for r, d in zip(tables["decisions"], m.decisions)]
    vote_ids = {k: _id("vote", sha, d.item or "", k) for k, d in enumerate(m.decisions) if d.vote}
    owners = [[_person_id(i) for i in (a["owner_person_ids"] or "").split("; ")] for a in tables["actions"]]
    event = {
        "_type": "event", "_id": event_id, "name": m.meeting.body or "Meeting", "all_day": False,
        "start_date": start, "end_date": end, "status": "passed", "classification": "meeting",
        "description": "", "location": {"name": m.meeting.location, "note": "", "coordinates": None}
        if m.meeting.location else None,
        "media": [], "links": [], "sources": sources, "pupa_id": None,
        "documents": [{"note": "Minutes", "url": m.source.path or f"urn:sha256:{sha}",
                       "media_type": MEDIA_TYPES.get(m.source.format, "application/octet-stream"),
                       "date": m.meeting.date or ""}],
        "participants": ([{"name": m.meeting.body, "type": "organization", "entity_type": "organization",
                           "organization_id": org["_id"], "note": "host"}] if org else [])
        + [{"name": a.name, "type": "person", "entity_type": "person", "person_id": person_of.get(a.name),
            "note": a.status + (f" ({a.role})" if a.role else "")} for a in m.attendees],
        "agenda": _agenda(m, vote_ids, owners),
        "extras": {k: v for k, v in (("start_time", m.meeting.start_time), ("end_time", m.meeting.end_time),
                                     ("chair", m.meeting.chair), ("sha256", sha)) if v},
    }
    vote_events = [_vote_event(m.decisions[k], vote_id, event_id, org and org["_id"], start, ids[k], sources)
                   for k, vote_id in vote_ids.items()]
    return [*([org] if org else []), *people.values(), event, *vote_events]


def _agenda(m: Minutes, vote_ids: dict[int, str], owner_ids: list[list[str | None]]) -> list[dict]:
    """Items with their text, decisions and actions as notes; vote events and action owners as entities."""
    index = {id(d): k for k, d in enumerate(m.decisions)}
    owned = {id(a): list(zip(a.owners, owner_ids[k])) for k, a in enumerate(m.actions)}
    decisions, actions = _within(m.decisions, m.items), _within(m.actions, m.items)
    agenda = []
    for k, item in enumerate(m.items):
        notes = [item.text.strip()] if item.text.strip() else []
        notes += [f"{d.kind.capitalize()}: {d.text}" for d in decisions.get(k, [])]
        notes += [f"Action ({', '.join(a.owners) or 'no owner'}): {a.text}" for a in actions.get(k, [])]
        entities = [{"entity_type": "vote_event", "name": d.text, "note": "consideration",
                     "vote_event_id": vote_ids[index[id(d)]]}
                    for d in decisions.get(k, []) if index[id(d)] in vote_ids]
        owners = {o: pid for a in actions.get(k, []) for o, pid in owned[id(a)] if pid}
        entities += [{"entity_type": "person", "name": o, "note": "action owner", "person_id": pid}
                     for o, pid in owners.items()]
        agenda.append({"description": item.title or item.number or f"Item {k + 1}", "order": item.number or str(k + 1),
                       "classification": [], "subjects": [], "media": [], "notes": notes,
                       "related_entities": entities})
    return agenda
