"""Attendance grids: per body, its meetings in date order and its people with a status per meeting, built
from plain rows (documents, linked attendees, people), and drawn as an SVG picture. One builder serves the
`people` command (rows read from a SQLite archive) and the HTML batch index (rows kept while converting)."""
from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from .identity import body_key

STATUSES = ("present", "apologies", "absent")


def grids(documents: list[dict], attendees: list[dict], people: list[dict], body: str | None = None,
          year: str | None = None) -> list[dict]:
    """Per body key, sorted: {body_key, body, meetings: [{doc_id, date, body}] in date order, people: [{person_id,
    name, statuses: {doc_id: status}, present, apologies, absent}] by surname}. `documents` rows have doc_id,
    path, body, date (undated ones are left out); `attendees` rows doc_id, person_id, status (as set by
    `identity.link`); `people` rows person_id, name, surname. `body` keeps bodies whose key contains it (any
    wording: 'Northwold Annual Parish Council' or 'northwold'); `year` keeps the meetings of that year."""
    want = body_key(body) or (body or "").lower()
    meetings: dict[str, list[dict]] = defaultdict(list)
    for d in sorted((d for d in documents if d.get("date")), key=lambda d: (d["date"], d["doc_id"])):
        key = body_key(d.get("body"), d.get("path") or d["doc_id"])
        if key and want in key and (not year or d["date"].startswith(year)):
            meetings[key].append({"doc_id": d["doc_id"], "date": d["date"], "body": d.get("body")})
    shown = {m["doc_id"]: key for key, ms in meetings.items() for m in ms}
    names = {p["person_id"]: p for p in people}
    found: dict[str, dict[str, dict]] = defaultdict(dict)
    for a in attendees:
        person = names.get(a.get("person_id"))
        if a["doc_id"] in shown and person:
            row = found[shown[a["doc_id"]]].setdefault(person["person_id"], {
                "person_id": person["person_id"], "name": person["name"], "statuses": {}})
            row["statuses"].setdefault(a["doc_id"], a["status"])
    out = []
    for key in sorted(meetings):
        rows = sorted(found[key].values(), key=lambda p: (names[p["person_id"]].get("surname") or "", p["name"]))
        for p in rows:
            statuses = list(p["statuses"].values())
            p.update({s: statuses.count(s) for s in STATUSES})
        bodies = Counter(m["body"] for m in meetings[key] if m["body"] and body_key(m["body"]) == key)
        out.append({"body_key": key, "body": bodies.most_common(1)[0][0] if bodies else key.title(),
                    "meetings": meetings[key], "people": rows})
    return out


COLOURS = {"present": "#2e7d32", "apologies": "#f9a825", "absent": "#c62828", "": "#e0e0e0"}
CELL, GAP = 14, 2


def svg(bodies: list[dict]) -> str:
    """The attendance grids as one SVG picture: per body, meetings in date order across, people down, a
    coloured cell per status (green present, amber apologies, red absent, grey not listed), then a legend."""
    parts, y, width = [], 0, 0
    for b in bodies:
        left = 8 + 7 * max([len(p["name"]) for p in b["people"]] + [6])
        top = y + 24 + 6 * 10  # the title, then the dates written upwards
        parts.append(f'<text x="0" y="{y + 16}" font-weight="bold">{escape(b["body"] or b["body_key"])}</text>')
        for k, m in enumerate(b["meetings"]):
            x = left + k * (CELL + GAP) + CELL - 3
            parts.append(f'<text transform="translate({x},{top - 4}) rotate(-90)" font-size="10">'
                         f'{escape(m["date"])}</text>')
        for r, p in enumerate(b["people"]):
            row = top + r * (CELL + GAP)
            parts.append(f'<text x="0" y="{row + CELL - 3}" font-size="11">{escape(p["name"])}</text>')
            for k, m in enumerate(b["meetings"]):
                status = p["statuses"].get(m["doc_id"], "")
                parts.append(f'<rect x="{left + k * (CELL + GAP)}" y="{row}" width="{CELL}" height="{CELL}" '
                             f'fill="{COLOURS.get(status, COLOURS[""])}"><title>{escape(p["name"])}, '
                             f'{escape(m["date"])}: {escape(status or "not listed")}</title></rect>')
        width = max(width, left + len(b["meetings"]) * (CELL + GAP), 9 * len(b["body"] or b["body_key"]))
        y = top + len(b["people"]) * (CELL + GAP) + 16
    for k, (status, colour) in enumerate(COLOURS.items()):
        x = k * 100
        parts.append(f'<rect class="legend" x="{x}" y="{y}" width="{CELL}" height="{CELL}" fill="{colour}"/>'
                     f'<text x="{x + CELL + 4}" y="{y + CELL - 3}" font-size="11">{status or "not listed"}</text>')
    width, y = max(width, 100 * len(COLOURS)), y + CELL + 4
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y}" font-family="sans-serif">'
            + "".join(parts) + "</svg>\n")
